"""Batch scoring: many answers through one evaluator, concurrently, with nothing lost.

    from answer_eval.batch import evaluate_many
    for outcome in evaluate_many(evaluator, [{"id": "a1", "question_id": q, "answer": text}]):
        if isinstance(outcome, RowError): ...       # the row could not be judged, and why
        else: outcome.evaluation                     # scored, or unscored with its reason

``aevaluate_many`` is the async iterator; ``evaluate_many`` its sync twin. Outcomes come in
completion order, each naming its row and id. At most ``concurrency`` judge calls run at once;
an ``AdaptiveLimiter`` lowers that bound on rate limits and raises it back on successes.

``run_batch`` adds the file side used by ``answer-eval batch``: it skips what an earlier run
already wrote (``scan_output``), appends each outcome to an ``OutputSink`` as it finishes, and
keeps a ``Summary`` (counts, mean overall per question, tokens, cost when prices are given).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import Counter
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
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from answer_eval.batch_io import (
    BatchRow,
    FieldMap,
    OutputSink,
    RowError,
    RowResult,
    ScanResult,
    flatten,
    outcome_record,
    row_from_record,
)
from answer_eval.errors import InputError, JudgeError, RubricError
from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.limiter import AdaptiveLimiter

__all__ = [
    "BatchRow",
    "Outcome",
    "RowError",
    "RowResult",
    "Summary",
    "WorkerDiedError",
    "aevaluate_many",
    "close_judge",
    "evaluate_many",
    "pending_rows",
    "run_batch",
    "run_batch_in_processes",
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


async def _judge_row(evaluator: Evaluator, row: BatchRow, executor: Executor | None) -> Outcome:
    def error(exc: Exception) -> RowError:
        return RowError(row.row, row.id, f"row {row.row}: {exc}", row.question_id, row.extra)

    try:
        if executor is None:
            evaluation = await evaluator.aevaluate(row.question_id, row.answer, answer_id=row.id)
        else:
            call = partial(evaluator.evaluate, row.question_id, row.answer, answer_id=row.id)
            evaluation = await asyncio.get_running_loop().run_in_executor(executor, call)
    except (RubricError, InputError) as exc:  # unknown question, empty or oversized answer
        return error(exc)
    except Exception as exc:  # a judge bug must not end the batch: unscored, with the cause
        try:
            request = evaluator.request(row.question_id, row.answer)
        except Exception as again:
            return error(again)
        failure = JudgeError(f"unexpected {type(exc).__name__}: {exc}")
        evaluation = evaluator.unscored(request, failure, 0.0, answer_id=row.id)
    return RowResult(row.row, row.id, evaluation, row.extra)


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
    however long ``rows`` is. When the judge has a settable ``on_retry`` attribute, the limiter
    hooks it to learn of 429s; otherwise it backs off on unscored ``transport`` results.
    With an ``executor``, the judge's sync ``judge`` runs in its threads instead of ``ajudge``.
    """
    limiter = limiter or AdaptiveLimiter(concurrency)
    judge = evaluator.judge
    hooked, previous = _hook(judge, limiter)
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
            async with limiter.slot():
                outcome = await _judge_row(evaluator, item, executor)
            if isinstance(outcome, RowResult):
                _adapt(limiter, outcome.evaluation, hooked)
            await queue.put(outcome)

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
        if hooked:
            setattr(judge, "on_retry", previous)  # noqa: B010


def _hook(judge: object, limiter: AdaptiveLimiter) -> tuple[bool, Any]:
    if not hasattr(judge, "on_retry"):
        return False, None
    previous = judge.on_retry

    def on_retry(exc: BaseException, wait_seconds: float) -> None:
        limiter.on_retry(exc, wait_seconds)
        if previous is not None:
            previous(exc, wait_seconds)

    try:
        judge.on_retry = on_retry
    except AttributeError:
        return False, None
    return True, previous


def _adapt(limiter: AdaptiveLimiter, evaluation: Evaluation, hooked: bool) -> None:
    if evaluation.status == "scored":
        limiter.succeeded()
    elif evaluation.unscored_reason == "transport" and not hooked:
        limiter.throttled()


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


# ---------------------------------------------------------------------------------- summary


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Summary:
    """Counts over a batch's output records (fed flat records, see ``batch_io.flatten``).

    ``cost_usd`` is known only when both prices (USD per million tokens) are given.
    """

    price_in: float | None = None
    price_out: float | None = None
    rows: int = 0
    resumed: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    unscored_reasons: Counter[str] = field(default_factory=Counter)
    by_recommendation: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    started: float = field(default_factory=time.monotonic)
    _overall: dict[str, list[float]] = field(default_factory=dict)

    def add(self, flat: Mapping[str, Any]) -> None:
        """Count one record."""
        self.rows += 1
        status = str(flat.get("status") or "error")
        self.by_status[status] += 1
        if status == "unscored":
            self.unscored_reasons[str(flat.get("unscored_reason") or "error")] += 1
        if flat.get("recommendation"):
            self.by_recommendation[str(flat["recommendation"])] += 1
        overall = _number(flat.get("overall"))
        if overall is not None and flat.get("question_id"):
            total = self._overall.setdefault(str(flat["question_id"]), [0.0, 0.0])
            total[0] += overall
            total[1] += 1
        self.prompt_tokens += int(_number(flat.get("prompt_tokens")) or 0)
        self.completion_tokens += int(_number(flat.get("completion_tokens")) or 0)

    @property
    def all_scored(self) -> bool:
        """True when every record is scored (the batch's exit code 0)."""
        return self.by_status["scored"] == self.rows

    def mean_overall(self) -> dict[str, float]:
        """Mean overall score (1-5) per question id."""
        return {q: round(s / n, 3) for q, (s, n) in sorted(self._overall.items())}

    def cost_usd(self) -> float | None:
        """Estimated cost from the prices per million tokens; None without both prices."""
        if self.price_in is None or self.price_out is None:
            return None
        return (self.prompt_tokens * self.price_in + self.completion_tokens * self.price_out) / 1e6

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary (``--summary-json``)."""
        cost = self.cost_usd()
        return {
            "rows": self.rows,
            "resumed": self.resumed,
            "by_status": dict(sorted(self.by_status.items())),
            "unscored_reasons": dict(sorted(self.unscored_reasons.items())),
            "by_recommendation": dict(sorted(self.by_recommendation.items())),
            "mean_overall": self.mean_overall(),
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
            "cache_hits": self.cache_hits,
            "cost_usd": None if cost is None else round(cost, 6),
            "prices_usd_per_million": {"input": self.price_in, "output": self.price_out},
            "elapsed_seconds": round(time.monotonic() - self.started, 3),
        }

    def render(self) -> str:
        """A few readable lines for stderr."""
        d = self.to_dict()
        lines = [
            f"rows: {self.rows} ({self.resumed} from an earlier run)",
            f"status: {_counts(d['by_status'])}",
        ]
        if self.unscored_reasons:
            lines.append(f"unscored reasons: {_counts(d['unscored_reasons'])}")
        lines.append(f"recommendations: {_counts(d['by_recommendation'])}")
        lines += [f"mean overall {q}: {m:.2f}" for q, m in d["mean_overall"].items()]
        tokens = f"tokens: {self.prompt_tokens} prompt, {self.completion_tokens} completion"
        cost = self.cost_usd()
        lines.append(tokens + (f", estimated cost ${cost:.4f}" if cost is not None else ""))
        if self.cache_hits:
            lines.append(f"cache hits: {self.cache_hits}")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------- files


def pending_rows(
    rows: Iterable[BatchRow | RowError], scan: ScanResult
) -> Iterator[BatchRow | RowError]:
    """The rows an earlier run has not written yet (results by id, errors by row and id)."""
    for row in rows:
        done = (
            (row.row, row.id) in scan.done_errors
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

    ``on_record`` sees each written record's flat form (``batch_io.flatten``), for progress.
    """
    scan, summary = scan or ScanResult(), summary or Summary()
    outcomes = aevaluate_many(
        evaluator, pending_rows(rows, scan), concurrency=concurrency, limiter=limiter
    )
    async for outcome in outcomes:
        _record(outcome_record(outcome), sink, scan, summary, on_record)
    return summary


def _record(
    record: dict[str, Any],
    sink: OutputSink,
    scan: ScanResult,
    summary: Summary,
    on_record: Callable[[dict[str, Any]], None] | None,
) -> None:
    if record["status"] == "error" and (record["row"], record["id"]) in scan.done_errors:
        return  # reported by an earlier run (an unknown question found again)
    sink.write(record)
    flat = flatten(record)
    summary.add(flat)
    if on_record is not None:
        on_record(flat)


def run_batch_in_processes(
    make_evaluator: Callable[[], Evaluator],
    rows: Iterable[BatchRow | RowError],
    sink: OutputSink,
    *,
    workers: int,
    scan: ScanResult | None = None,
    summary: Summary | None = None,
    concurrency: int = 8,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> Summary:
    """``run_batch`` with the judging spread over ``workers`` processes (POSIX ``fork``).

    The judge and the grading cost CPU (the SDK, rendering, grounding): processes use every
    core. This process still reads the rows and is the only writer, so resuming works the same.
    Each worker builds its evaluator with ``make_evaluator`` and gets a share of
    ``concurrency``; a worker whose parent dies stops within a second.
    """
    scan, summary = scan or ScanResult(), summary or Summary()
    context = multiprocessing.get_context("fork")
    tasks: Any = context.Queue(maxsize=concurrency * 2)
    results: Any = context.Queue()
    shares = [concurrency // workers + (i < concurrency % workers) for i in range(workers)]
    processes = [
        context.Process(
            target=_worker, args=(make_evaluator, tasks, results, max(1, share), os.getpid())
        )
        for share in shares
    ]
    for process in processes:
        process.start()

    def feed() -> None:
        for row in pending_rows(rows, scan):
            if isinstance(row, RowError):  # nothing to judge: straight to the writer
                results.put(("record", outcome_record(row)))
            else:
                tasks.put(row)
        for _ in processes:
            tasks.put(None)

    threading.Thread(target=feed, daemon=True).start()
    finished = suspect = 0
    try:
        while finished < workers:
            try:
                kind, payload = results.get(timeout=0.5)
            except queue.Empty:
                lost = sum(p.is_alive() for p in processes) < workers - finished
                suspect = suspect + 1 if lost else 0  # twice: its last message is not in flight
                if suspect > 1:
                    raise WorkerDiedError("a batch worker died; run again to resume") from None
                continue
            if kind == "done":
                finished += 1
                summary.cache_hits += payload
            else:
                _record(payload, sink, scan, summary, on_record)
    finally:
        for process in processes:
            process.join(timeout=5 if finished == workers else 0)
            if process.is_alive():
                process.terminate()
                process.join()
    return summary


class WorkerDiedError(RuntimeError):
    """A worker process of ``run_batch_in_processes`` ended without finishing its rows."""


def _worker(
    make_evaluator: Callable[[], Evaluator], tasks: Any, results: Any, share: int, parent: int
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us

    def take() -> BatchRow | None:
        while os.getppid() == parent:  # orphaned (the parent was killed): take no more work
            try:
                row: BatchRow | None = tasks.get(timeout=0.5)
                return row
            except queue.Empty:
                continue
        return None

    async def source() -> AsyncIterator[BatchRow]:
        while (row := await asyncio.to_thread(take)) is not None:
            yield row

    async def main() -> int:
        evaluator = make_evaluator()
        try:
            async for outcome in aevaluate_many(evaluator, source(), concurrency=share):
                results.put(("record", outcome_record(outcome)))
        finally:
            await close_judge(evaluator.judge)
        cache = getattr(evaluator.judge, "cache", None)
        return int(getattr(cache, "hits", 0))

    results.put(("done", asyncio.run(main())))


async def close_judge(judge: object) -> None:
    """Close a judge's connections (``aclose`` or ``close``, when it has one)."""
    if callable(aclose := getattr(judge, "aclose", None)):
        await aclose()
    elif callable(close := getattr(judge, "close", None)):
        close()
