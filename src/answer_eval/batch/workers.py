"""Batch judging across worker processes, to use more than one core (``--workers N``).

The judge call, the prompt rendering, grounding and scoring cost CPU (about 3.5 ms an answer
with the OpenAI judge, mostly in the openai SDK), so one process cannot keep many answers in
flight on a fast endpoint. ``run_batch_in_processes`` forks workers that each run
``aevaluate_many`` with a share of the concurrency and their own judge; this process reads the
rows, hands them out through a shared queue and stays the only writer, so resuming after a crash
works exactly as with ``run_batch``. A worker whose parent died takes no new rows and ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import queue
import signal
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

from answer_eval.batch.input import BatchRow, RowError
from answer_eval.batch.limiter import DEFAULT_MAX_PAUSE, AdaptiveLimiter
from answer_eval.batch.output import OutputSink, outcome_record
from answer_eval.batch.resume import ScanResult
from answer_eval.batch.run import aevaluate_many, close_judge, pending_rows, write_record
from answer_eval.batch.summary import Summary
from answer_eval.evaluator import Evaluator
from answer_eval.judges.cache import CachingJudge

__all__ = ["WorkerDiedError", "run_batch_in_processes"]


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
    max_pause: float = DEFAULT_MAX_PAUSE,
) -> Summary:
    """``run_batch`` with the judging spread over ``workers`` processes (POSIX ``fork``).

    The judge and the grading cost CPU (the SDK, rendering, grounding): processes use every
    core. This process still reads the rows and is the only writer, so resuming works the same.
    Each worker builds its evaluator with ``make_evaluator``, takes rows from a shared queue,
    gets a share of ``concurrency`` and sends its records back on its own pipe; a worker whose
    parent dies takes no new rows and ends. A rate-limit pause (and the limiter closing, past
    ``max_pause``) is shared by every worker through shared memory.
    """
    scan, summary = scan or ScanResult(), summary or Summary()
    workers = max(1, min(workers, concurrency))  # every worker holds at least one slot
    context = multiprocessing.get_context("fork")
    tasks: Any = context.Queue(maxsize=concurrency * 2)
    pipes = [context.Pipe(duplex=False) for _ in range(workers)]
    pause = context.Value("d", -float("inf"), lock=False)  # see AdaptiveLimiter's shared_pause
    shares = [concurrency // workers + (i < concurrency % workers) for i in range(workers)]
    processes = [
        context.Process(
            target=_worker,
            args=(make_evaluator, tasks, pipes, i, shares[i], os.getpid(), (pause, max_pause)),
            daemon=True,
        )
        for i in range(workers)
    ]
    for process in processes:
        process.start()
    for _, writer in pipes:
        writer.close()  # the parent reads only: a worker's pipe ends when that worker ends

    def feed() -> None:
        for row in pending_rows(rows, scan):
            tasks.put(row)  # a RowError passes through a worker unchanged
        for _ in processes:
            tasks.put(None)

    threading.Thread(target=feed, daemon=True).start()
    open_pipes: list[Any] = [reader for reader, _ in pipes]
    finished = 0
    try:
        while open_pipes:
            ready: list[Any] = mp_connection.wait(open_pipes)
            for reader in ready:
                try:
                    kind, payload = reader.recv()
                except EOFError:
                    open_pipes.remove(reader)
                    continue
                if kind == "done":
                    finished += 1
                    summary.cache_hits += payload
                else:
                    write_record(payload, sink, scan, summary, on_record)
        if finished < workers:
            raise WorkerDiedError("a batch worker died; run again to resume")
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
    make_evaluator: Callable[[], Evaluator],
    tasks: Any,
    pipes: list[tuple[Any, Any]],
    index: int,
    share: int,
    parent: int,
    pausing: tuple[Any, float],
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    gc.freeze()  # what the fork inherited: never collected, so never copied or traversed
    for i, (reader, writer) in enumerate(pipes):
        reader.close()
        if i != index:
            writer.close()
    out = pipes[index][1]
    batch = max(1, share // 4)  # rows per hand-off: few thread switches, a short tail

    def take() -> list[BatchRow | RowError | None]:
        while os.getppid() == parent:  # orphaned (the parent was killed): take no more work
            try:
                taken = [tasks.get(timeout=0.5)]
            except queue.Empty:
                continue
            with contextlib.suppress(queue.Empty):
                while len(taken) < batch and taken[-1] is not None:
                    taken.append(tasks.get_nowait())
            return taken
        return [None]

    async def source() -> AsyncIterator[BatchRow | RowError]:
        while True:
            for row in await asyncio.to_thread(take):
                if row is None:
                    return
                yield row

    async def main() -> int:
        evaluator = make_evaluator()
        try:
            shared, max_pause = pausing
            limiter = AdaptiveLimiter(share, max_pause=max_pause, shared_pause=shared)
            async for outcome in aevaluate_many(evaluator, source(), limiter=limiter):
                out.send(("record", outcome_record(outcome)))
        finally:
            await close_judge(evaluator.judge)
        judge = evaluator.judge
        return judge.cache.hits if isinstance(judge, CachingJudge) else 0

    with contextlib.suppress(BrokenPipeError):  # the parent is gone: nobody to tell
        out.send(("done", asyncio.run(main())))
    out.close()
