"""Batch scoring: many answers, concurrently, with nothing lost and nothing counted twice.

``input`` reads rows (JSONL/CSV, field mapping, per-row errors), ``output`` writes the results
log, ``log`` says which record of an answer counts (the latest), ``resume`` scans the log,
``lock`` keeps one writer per log, ``summary`` counts, ``limiter`` adapts concurrency to rate
limits, ``run`` judges rows (``evaluate_many`` / ``aevaluate_many``, ``run_batch``),
``workers`` spreads them over processes, ``files`` runs a file batch end to end, and
``openai_batch`` goes through the OpenAI Batch API instead.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.batch.input import BatchRow, FieldMap, RowError, read_rows
    from answer_eval.batch.limiter import AdaptiveLimiter
    from answer_eval.batch.output import OutputSink, RowResult
    from answer_eval.batch.resume import scan_output
    from answer_eval.batch.run import aevaluate_many, evaluate_many, run_batch
    from answer_eval.batch.summary import Summary

_FACE = {
    "AdaptiveLimiter": "answer_eval.batch.limiter",
    "BatchRow": "answer_eval.batch.input",
    "FieldMap": "answer_eval.batch.input",
    "OutputSink": "answer_eval.batch.output",
    "RowError": "answer_eval.batch.input",
    "RowResult": "answer_eval.batch.output",
    "Summary": "answer_eval.batch.summary",
    "aevaluate_many": "answer_eval.batch.run",
    "evaluate_many": "answer_eval.batch.run",
    "read_rows": "answer_eval.batch.input",
    "run_batch": "answer_eval.batch.run",
    "scan_output": "answer_eval.batch.resume",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = [
    "AdaptiveLimiter",
    "BatchRow",
    "FieldMap",
    "OutputSink",
    "RowError",
    "RowResult",
    "Summary",
    "aevaluate_many",
    "evaluate_many",
    "read_rows",
    "run_batch",
    "scan_output",
]
