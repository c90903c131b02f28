"""Batch scoring: many answers through one evaluator, concurrently, with nothing lost.

    from answer_eval.batch.run import evaluate_many
    for outcome in evaluate_many(evaluator, [{"id": "a1", "question_id": q, "answer": text}]):
        if isinstance(outcome, RowError): ...       # the row could not be judged, and why
        else: outcome.evaluation                     # scored, or unscored with its reason

``aevaluate_many`` is the async iterator; ``evaluate_many`` its sync twin. Outcomes come in
completion order, each naming its row and id. At most ``concurrency`` judge calls run at once;
an ``AdaptiveLimiter`` lowers that bound on rate limits and raises it back on successes.

``run_batch`` adds the file side used by ``answer-eval batch``: it skips what an earlier run
already wrote (``scan_output``), appends each outcome to an ``OutputSink`` as it finishes, and
keeps a ``Summary`` (``batch_summary``: counts, mean overall per question, tokens, cost when
prices are given). ``batch_workers.run_batch_in_processes`` does the same over several cores.
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Mapping,
)
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from answer_eval.batch.input import BatchRow, FieldMap, RowError, row_from_record
from answer_eval.batch.judging import judge_row
from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.log import record_key
from answer_eval.batch.output import OutputSink, RowResult, flatten, outcome_record
from answer_eval.batch.resume import ScanResult, error_key
from answer_eval.batch.summary import Summary
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import Judge

__all__ = [
    "BatchRow",
    "Outcome",
    "RowError",
    "RowResult",
    "Summary",
    "aevaluate_many",
    "close_judge",
    "evaluate_many",
    "pending_rows",
    "run_batch",
    "write_record",
]

Outcome = RowResult | RowError
RowLike = BatchRow | RowError | Mapping[str, Any]


async def _rows(
    rows: Iterable[RowLike] | AsyncIterable[RowLike], fields: FieldMap
) -> AsyncIterator[BatchRow | RowError]:
    seen: set[str] = set()
    n = 0
    items = rows if isinstance(rows, AsyncIterable) else _aiter(rows)
    async for item in items:
        n += 1
        yield (
            item
            if isinstance(item, BatchRow | RowError)
            else row_from_record(item, n, fields, seen)
        )


async def _aiter(rows: Iterable[RowLike]) -> AsyncIterator[RowLike]:
    for row in rows:
        yield row


async def aevaluate_many(
    evaluator: Evaluator,
    rows: Iterable[RowLike] | AsyncIterable[RowLike],
    *,
    concurrency: int = 8,
    limiter: AdaptiveLimiter | None = None,
    fields: FieldMap | None = None,
    executor: Executor | None = None,
) -> AsyncGenerator[Outcome, None]:
    """Judge ``rows`` (dicts, ``BatchRow``s or ``RowError``s), yielding outcomes as they finish.

    Dicts are read with ``fields`` (default ids ``id``, ``question_id``, ``answer``); a bad row
    yields a ``RowError`` and the rest go on. Rows are pulled lazily: memory stays bounded
    however long ``rows`` is. The limiter hears of 429s through the judge's retry hook and
    backs off on unscored ``transport`` results too (a judge may give up without retrying); a
    long Retry-After pauses every new call, and one beyond ``limiter.max_pause`` ends the rows
    not yet sent as unscored ``rate_limited`` (``batch.judging``).
    With an ``executor``, the judge's sync ``judge`` runs in its threads instead of ``ajudge``.
    """
    limiter = limiter or AdaptiveLimiter(concurrency)
    source = _rows(rows, fields or FieldMap())
    queue: asyncio.Queue[Outcome | BaseException | None] = asyncio.Queue(limiter.maximum * 2)
    pulling = asyncio.Lock()

    async def worker() -> None:
        while True:
            async with pulling:  # one shared source: one pull at a time
                item = await anext(source, None)
            if item is None:
                return
            if isinstance(item, RowError):
                await queue.put(item)
                continue
            await queue.put(await judge_row(evaluator, item, limiter, executor))

    async def supervise() -> None:
        try:
            await asyncio.gather(*(worker() for _ in range(limiter.maximum)))
        except Exception as exc:
            await queue.put(exc)
        else:
            await queue.put(None)

    task = asyncio.create_task(supervise())
    try:
        while (item := await queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def evaluate_many(
    evaluator: Evaluator,
    rows: Iterable[RowLike],
    *,
    concurrency: int = 8,
    limiter: AdaptiveLimiter | None = None,
    fields: FieldMap | None = None,
) -> Iterator[Outcome]:
    """Sync twin of ``aevaluate_many`` (not for use inside a running event loop).

    The judge's sync ``judge`` runs in up to ``concurrency`` threads, so a judge's async client
    is never tied to a short-lived event loop.
    """
    limiter = limiter or AdaptiveLimiter(concurrency)
    loop = asyncio.new_event_loop()
    executor = ThreadPoolExecutor(limiter.maximum, thread_name_prefix="answer-eval")
    outcomes = aevaluate_many(evaluator, rows, limiter=limiter, fields=fields, executor=executor)
    try:
        while True:
            try:
                yield loop.run_until_complete(outcomes.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.run_until_complete(outcomes.aclose())
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
        executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------- files


def pending_rows(
    rows: Iterable[BatchRow | RowError], scan: ScanResult
) -> Iterator[BatchRow | RowError]:
    """The rows still to judge or report: not done by an earlier run (``ScanResult``).

    With ``scan.retry_failed`` every row error is reported again (the input decides what is
    wrong now) and answers whose latest record is unscored or an error are judged again.
    """
    for row in rows:
        done = (
            error_key(row) in scan.done_errors
            if isinstance(row, RowError)
            else row.id in scan.done_ids
        )
        if not done:
            yield row


async def run_batch(
    evaluator: Evaluator,
    rows: Iterable[BatchRow | RowError],
    sink: OutputSink,
    *,
    scan: ScanResult | None = None,
    summary: Summary | None = None,
    concurrency: int = 8,
    limiter: AdaptiveLimiter | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> Summary:
    """Judge the rows ``scan`` says are not done yet, appending each outcome to ``sink``.

    ``on_record`` sees each written record's flat form (``batch_output.flatten``), for progress.
    """
    scan, summary = scan or ScanResult(), summary or Summary()
    outcomes = aevaluate_many(
        evaluator, pending_rows(rows, scan), concurrency=concurrency, limiter=limiter
    )
    async for outcome in outcomes:
        write_record(outcome_record(outcome), sink, scan, summary, on_record)
    return summary


def write_record(
    record: dict[str, Any],
    sink: OutputSink,
    scan: ScanResult,
    summary: Summary,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Append one record to ``sink`` and count it, unless an earlier run reported that error
    (without ``retry_failed``)."""
    if record["status"] == "error" and record_key(record) in scan.done_errors:
        return  # reported by an earlier run (an unknown question found again)
    sink.write(record)
    flat = flatten(record)
    summary.add(flat)
    if on_record is not None:
        on_record(flat)


async def close_judge(judge: Judge) -> None:
    """Close a judge's connections, in the event loop that used them."""
    await judge.aclose()
