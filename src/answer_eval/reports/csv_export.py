"""A results log as one CSV row per answer, safe to open in a spreadsheet (``export --to csv``).

The same columns as ``answer-eval batch -o results.csv`` (``batch.output.flatten``): the latest
record of each answer only, in input order, with text cells that a spreadsheet would run as a
formula prefixed with ``'`` unless ``csv_raw`` (``batch.spreadsheet``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from answer_eval.batch.output import OutputSink, csv_columns
from answer_eval.reports.results import ResultRecord, Results

__all__ = ["write_csv"]


def _record(r: ResultRecord) -> dict[str, Any]:
    record: dict[str, Any] = {"id": r.id, "row": r.row, "status": r.status}
    if r.evaluation is not None:
        record["evaluation"] = r.evaluation.model_dump(mode="json")
    else:
        record.update(error=r.error, question_id=r.question_id)
    if r.extra:
        record["extra"] = r.extra
    return record


def write_csv(results: Results, path: Path, *, csv_raw: bool = False) -> int:
    """Write ``results`` to ``path``; returns the rows written."""
    dimensions: dict[str, None] = {}
    extra: dict[str, None] = {}
    for r in results.records:
        if r.evaluation is not None:
            dimensions.update(dict.fromkeys(d.id for d in r.evaluation.dimensions))
        extra.update(dict.fromkeys(r.extra))
    columns = csv_columns(dimensions, extra)
    with path.open("wb") as stream:
        sink = OutputSink(stream, "csv", columns=columns, write_header=True, csv_raw=csv_raw,
                          owns_stream=False)  # fmt: skip
        for r in results.records:
            sink.write(_record(r))
        sink.close()
    return len(results.records)
