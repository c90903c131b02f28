"""A batch from a file (or stdin) to a results file (or stdout): what ``answer-eval batch`` runs.

``FileBatch`` says what to read and where to write; ``FileBatchRun.open`` opens both ends, scans
what an earlier run already wrote (resume), and ``execute`` judges the rest in this process or in
worker processes, with the response cache when one is configured. The CLI only parses options,
shows progress and prints the summary.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from answer_eval.batch.input import BatchRow, FieldMap, InputFormat, RowError, read_rows
from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.output import OutputSink, ScanResult, csv_columns, scan_output
from answer_eval.batch.run import close_judge, run_batch
from answer_eval.batch.summary import Summary
from answer_eval.batch.workers import run_batch_in_processes
from answer_eval.evaluator import EvaluationLog, Evaluator
from answer_eval.judges.cache import DEFAULT_CACHE_PATH, CachingJudge, ResponseCache
from answer_eval.judges.contract import Judge
from answer_eval.rubrics.models import RubricSet

__all__ = ["FileBatch", "FileBatchRun", "format_of"]

Rows = Iterator[BatchRow | RowError]
OnRecord = Callable[[dict[str, Any]], None]


def format_of(path: Path | None, given: str | None, default: InputFormat) -> InputFormat:
    """``given`` when it names a format, else ``.csv`` files are CSV, else ``default``."""
    if given in ("jsonl", "csv"):
        return "csv" if given == "csv" else "jsonl"
    if path is not None and path.suffix.lower() == ".csv":
        return "csv"
    return default


@dataclass(frozen=True)
class FileBatch:
    """What to read, where to write, and how to run (None paths mean stdin / stdout)."""

    input: Path | None
    output: Path | None
    input_format: InputFormat = "jsonl"
    output_format: InputFormat = "jsonl"
    fields: FieldMap = field(default_factory=FieldMap)
    concurrency: int = 8
    workers: int = 1
    cache: Path | None = DEFAULT_CACHE_PATH
    fsync_every: int = 100
    redact: bool | None = None
    """Redact personal data before the judge sees it (None: on for non-local endpoints)."""
    audit_log: EvaluationLog | None = None
    """Where each evaluation is recorded (``answer_eval.audit.AuditLog``), if anywhere."""

    def evaluator(self, judge: Judge, rubric: RubricSet) -> Evaluator:
        """The evaluator this batch judges with."""
        return Evaluator(
            judge=judge, rubric_set=rubric, redact=self.redact, audit_log=self.audit_log
        )

    def rows(self, stdin: IO[bytes] | None = None) -> Rows:
        """A fresh pass over the input rows (the file is closed when the pass ends)."""
        if self.input is None:
            if stdin is None:
                raise ValueError("no input file and no stdin given")
            yield from read_rows(stdin, self.input_format, self.fields)
            return
        with self.input.open("rb") as handle:
            yield from read_rows(handle, self.input_format, self.fields)

    def count_rows(self) -> int | None:
        """Records in the input file (for an ETA), or None for stdin."""
        if self.input is None:
            return None
        blank = FieldMap("\0", "\0", "\0")  # parse records only (a CSV field may span lines)
        with self.input.open("rb") as handle:
            if self.input_format == "jsonl":
                return sum(1 for line in handle if line.strip())
            return sum(1 for _ in read_rows(handle, "csv", blank))


def _peek(rows: Rows) -> tuple[list[str], Rows]:
    """The first row's extra field names (CSV output columns), and the rows, none consumed."""
    first = next(rows, None)
    if first is None:
        return [], iter(())
    return list(first.extra), itertools.chain([first], rows)


def cached(judge: Judge, path: Path | None) -> Judge:
    """``judge`` behind the response cache at ``path`` (not for the offline judge: a lookup
    costs more than judging)."""
    if path is None or judge.kind == "offline":
        return judge
    return CachingJudge(judge, ResponseCache(path))


class FileBatchRun:
    """One invocation of a ``FileBatch``: both ends open, the earlier output scanned."""

    def __init__(
        self,
        batch: FileBatch,
        rubric: RubricSet,
        rows: Rows,
        sink: OutputSink,
        scan: ScanResult,
        summary: Summary,
    ) -> None:
        self.batch, self.rubric, self.rows = batch, rubric, rows
        self.sink, self.scan, self.summary = sink, scan, summary

    @classmethod
    def open(
        cls,
        batch: FileBatch,
        rubric: RubricSet,
        summary: Summary,
        *,
        stdin: IO[bytes] | None = None,
        stdout: IO[bytes] | None = None,
        log: Callable[[str], None] = lambda line: None,
    ) -> FileBatchRun:
        """Open the input and the output; with an output file, resume from what it holds."""
        extra, rows = _peek(batch.rows(stdin))
        columns = csv_columns([d.id for d in rubric.dimensions], extra)
        fmt = batch.output_format
        if batch.output is None:
            if stdout is None:
                raise ValueError("no output file and no stdout given")
            sink = OutputSink(stdout, fmt, columns=columns, write_header=True, owns_stream=False)
            return cls(batch, rubric, rows, sink, ScanResult(), summary)
        batch.output.parent.mkdir(parents=True, exist_ok=True)
        scan = scan_output(batch.output, fmt, on_record=summary.add)
        summary.resumed = summary.rows
        sink = OutputSink(
            batch.output.open("ab"),
            fmt,
            columns=scan.columns or columns,
            write_header=not scan.columns,
            fsync_every=batch.fsync_every,
        )
        if scan.truncated_bytes:
            log(f"resume: cut a torn last record ({scan.truncated_bytes} bytes)")
        if scan.records:
            log(f"resume: {scan.records} records already in {batch.output}")
        return cls(batch, rubric, rows, sink, scan, summary)

    def pending_estimate(self) -> int | None:
        """Rows left to judge (input records minus records already written), when countable."""
        total = self.batch.count_rows()
        return None if total is None else max(0, total - self.scan.records)

    def execute(self, make_judge: Callable[[], Judge], on_record: OnRecord | None = None) -> None:
        """Judge every pending row, appending outcomes; always closes the output and the judge.

        ``make_judge`` builds a judge: once here, or once in each worker process.
        """
        batch, summary = self.batch, self.summary
        try:
            if batch.workers > 1:
                make = partial(_worker_evaluator, batch, make_judge, self.rubric)
                run_batch_in_processes(make, self.rows, self.sink, workers=batch.workers,
                                       scan=self.scan, summary=summary,
                                       concurrency=batch.concurrency,
                                       on_record=on_record)  # fmt: skip
            else:
                judge = cached(make_judge(), batch.cache)
                evaluator = batch.evaluator(judge, self.rubric)
                job = run_batch(evaluator, self.rows, self.sink, scan=self.scan, summary=summary,
                                limiter=AdaptiveLimiter(batch.concurrency),
                                on_record=on_record)  # fmt: skip
                try:
                    asyncio.run(_closing(judge, job))
                finally:
                    if isinstance(judge, CachingJudge):
                        summary.cache_hits = judge.cache.hits
                        judge.cache.close()
        finally:
            self.sink.close()


async def _closing(judge: Judge, job: Any) -> None:
    """Run ``job``, then close the judge's connections in the same event loop (we own it)."""
    try:
        await job
    finally:
        await close_judge(judge)


def _worker_evaluator(
    batch: FileBatch, make_judge: Callable[[], Judge], rubric: RubricSet
) -> Evaluator:
    """A worker process's evaluator, with its own judge and cache connection."""
    return batch.evaluator(cached(make_judge(), batch.cache), rubric)
