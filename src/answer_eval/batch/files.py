"""A batch from a file (or stdin) to a results file (or stdout): what ``answer-eval batch`` runs.

``FileBatch`` says what to read and where to write; ``FileBatchRun.open`` takes the output's lock
(one writer per file), opens both ends, scans what an earlier run already wrote (resume), and
``execute`` judges the rest in this process or in worker processes, with the response cache
when one is configured. ``close`` compacts the log after a complete run, so the file holds one
record per answer again (``batch.log``). The CLI only parses options, shows progress and prints
the summary.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from answer_eval.batch.input import BatchRow, FieldMap, InputFormat, RowError, read_rows
from answer_eval.batch.limiter import DEFAULT_MAX_PAUSE, AdaptiveLimiter
from answer_eval.batch.lock import OutputLock
from answer_eval.batch.log import compact
from answer_eval.batch.output import OutputSink, csv_columns
from answer_eval.batch.resume import ScanResult, record_spans, scan_output
from answer_eval.batch.run import close_judge, run_batch
from answer_eval.batch.summary import Summary
from answer_eval.batch.workers import run_batch_in_processes
from answer_eval.errors import InputError
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
    retry_failed: bool = True
    csv_raw: bool = False
    answer_text: bool = True
    max_pause: float = DEFAULT_MAX_PAUSE
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
            return sum(1 for _ in read_rows(handle, "csv", blank, check_fields=False))


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
        lock: OutputLock | None = None,
        log: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.batch, self.rubric, self.rows = batch, rubric, rows
        self.sink, self.scan, self.summary = sink, scan, summary
        self.lock, self.log = lock, log
        self.closed = False
        self.stale_errors = 0  # an earlier run's error records, to drop when compacting

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
        """Open the input and the output; with an output file, lock it (``OutputLockedError``
        when another process writes it) and resume from what it holds."""
        fmt, output = batch.output_format, batch.output
        if output is None:
            extra, rows = _peek(batch.rows(stdin))
            columns = csv_columns([d.id for d in rubric.dimensions], extra)
            if stdout is None:
                raise ValueError("no output file and no stdout given")
            sink = OutputSink(stdout, fmt, columns=columns, write_header=True, owns_stream=False,
                              csv_raw=batch.csv_raw, answer_text=batch.answer_text)  # fmt: skip
            return cls(batch, rubric, rows, sink, ScanResult(), summary, log=log)
        if output.is_dir():
            raise InputError(f"--output {output} is a folder; name a results file")
        lock = OutputLock(output).acquire()
        try:
            extra, rows = _peek(batch.rows(stdin))
            columns = csv_columns([d.id for d in rubric.dimensions], extra)
            scan = scan_output(output, fmt, on_record=summary.add,
                               retry_failed=batch.retry_failed, csv_raw=batch.csv_raw)  # fmt: skip
            stale = summary.drop_errors() if batch.retry_failed else 0  # derived again by this run
            summary.resumed = summary.rows
            sink = OutputSink(
                output.open("ab"),
                fmt,
                columns=scan.columns or columns,
                write_header=not scan.columns,
                fsync_every=batch.fsync_every,
                csv_raw=batch.csv_raw,
                answer_text=batch.answer_text,
            )
        except BaseException:
            lock.release()
            raise
        if scan.truncated_bytes:
            log(f"resume: cut a torn last record ({scan.truncated_bytes} bytes)")
        if scan.records:
            again = len(scan.done_ids) + len(scan.done_errors)
            log(f"resume: {scan.answers} answers already in {output}, {again} of them done")
        run = cls(batch, rubric, rows, sink, scan, summary, lock, log)
        run.stale_errors = stale
        return run

    def pending_estimate(self) -> int | None:
        """Rows left to judge or report (input records minus those done), when countable."""
        total = self.batch.count_rows()
        done = len(self.scan.done_ids) + len(self.scan.done_errors)
        return None if total is None else max(0, total - done)

    def close(self, *, complete: bool) -> None:
        """Close the output and let go of its lock. After a ``complete`` run (the whole input
        read, nothing interrupted), compact the log to one record per answer."""
        if self.closed:
            return
        self.closed = True
        try:
            self.sink.close()
            output = self.batch.output
            replaced = self.summary.superseded or self.stale_errors  # else nothing to drop
            if complete and replaced and output is not None and output.exists():
                errors_from = self.scan.end if self.batch.retry_failed else 0
                spans = record_spans(output, self.batch.output_format, csv_raw=self.batch.csv_raw)
                dropped = compact(output, spans, errors_from=errors_from)
                if dropped:
                    self.log(f"compacted {output}: {dropped} older records replaced")
        finally:
            if self.lock is not None:
                self.lock.release()

    def execute(self, make_judge: Callable[[], Judge], on_record: OnRecord | None = None) -> None:
        """Judge every pending row, appending outcomes; always closes the output and the judge.

        ``make_judge`` builds a judge: once here, or once in each worker process. A run that
        ends without an exception is complete: the log is compacted (``close``).
        """
        batch, summary = self.batch, self.summary
        complete = False
        try:
            if batch.workers > 1:
                make = partial(_worker_evaluator, batch, make_judge, self.rubric)
                run_batch_in_processes(make, self.rows, self.sink, workers=batch.workers,
                                       scan=self.scan, summary=summary,
                                       concurrency=batch.concurrency, on_record=on_record,
                                       max_pause=batch.max_pause)  # fmt: skip
            else:
                judge = cached(make_judge(), batch.cache)
                evaluator = batch.evaluator(judge, self.rubric)
                job = run_batch(evaluator, self.rows, self.sink, scan=self.scan, summary=summary,
                                limiter=AdaptiveLimiter(batch.concurrency,
                                                        max_pause=batch.max_pause),
                                on_record=on_record)  # fmt: skip
                gc.freeze()  # what exists now lives on: full collections need not walk it
                try:
                    asyncio.run(_closing(judge, job))
                finally:
                    gc.unfreeze()
                    if isinstance(judge, CachingJudge):
                        summary.cache_hits = judge.cache.hits
                        judge.cache.close()
            complete = True
        finally:
            self.close(complete=complete)


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
