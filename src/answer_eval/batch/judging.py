"""Judging one batch row under the limiter: a slot, one judge call, and the rate-limit rules.

``judge_row`` takes a slot from the ``AdaptiveLimiter`` (which waits out any shared pause), runs
the evaluator's stages (render, judge, ground and score) and tells the limiter how it went:

* scored: the limit grows; unscored ``transport``: the limit halves;
* unscored ``rate_limited`` (the judge gave up on a 429): the limiter pauses every new call for
  the server's Retry-After, and the row is judged again after the pause, at most
  ``RATE_LIMIT_REQUEUES`` times. A Retry-After beyond the limiter's ``max_pause`` closes the
  limiter instead: this row and every row after it end unscored ``rate_limited`` *without being
  sent*, and a re-run of the batch retries them.

A row that cannot be judged (unknown question, empty or oversized answer) is a ``RowError``; a
judge that crashes gives an unscored ``error`` result: neither stops the batch.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import Executor
from functools import partial

from answer_eval.batch.input import BatchRow, RowError
from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.output import RowResult
from answer_eval.errors import JudgeError, JudgeProtocolError
from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeReply, JudgeRequest

__all__ = ["RATE_LIMIT_REQUEUES", "judge_row"]

RATE_LIMIT_REQUEUES = 3
"""How often a row that ended ``rate_limited`` is judged again after the shared pause."""

_FALLBACK_PAUSE = 1.0  # a 429 without Retry-After, after the judge's own backoff


async def judge_row(
    evaluator: Evaluator, row: BatchRow, limiter: AdaptiveLimiter, executor: Executor | None
) -> RowResult | RowError:
    """Judge ``row`` (see the module docstring); with an ``executor``, in its threads."""
    outcome: RowResult | RowError | None = None
    for attempt in range(RATE_LIMIT_REQUEUES + 1):
        async with limiter.slot():
            if limiter.closed:
                return _not_sent(evaluator, row, limiter)
            outcome, wait = await _judge_once(evaluator, row, limiter, executor)
        if isinstance(outcome, RowError):
            return outcome
        evaluation = outcome.evaluation
        if evaluation.status == "scored":
            limiter.succeeded()
            return outcome
        if evaluation.unscored_reason == "transport":  # halves at most once per cool-down
            limiter.throttled()
        if evaluation.unscored_reason != "rate_limited":
            return outcome
        limiter.throttled(wait if wait is not None else _FALLBACK_PAUSE)
        if limiter.closed or attempt == RATE_LIMIT_REQUEUES:
            return outcome
    assert outcome is not None
    return outcome


def _error(row: BatchRow, exc: Exception) -> RowError:
    return RowError(row.row, row.id, f"row {row.row}: {exc}", row.question_id, row.extra)


def _result(row: BatchRow, evaluation: Evaluation) -> RowResult:
    return RowResult(row.row, row.id, evaluation, row.extra, row.answer)


async def _call(
    evaluator: Evaluator, request: JudgeRequest, limiter: AdaptiveLimiter, executor: Executor | None
) -> JudgeReply:
    judge = evaluator.judge
    if executor is None:
        return await judge.ajudge(request, on_retry=limiter.on_retry)
    call = partial(judge.judge, request, on_retry=limiter.on_retry)
    return await asyncio.get_running_loop().run_in_executor(executor, call)


async def _judge_once(
    evaluator: Evaluator, row: BatchRow, limiter: AdaptiveLimiter, executor: Executor | None
) -> tuple[RowResult | RowError, float | None]:
    """One call; the outcome, and the Retry-After of a ``rate_limited`` failure."""
    try:
        request = evaluator.request(row.question_id, row.answer)
    except Exception as exc:  # unknown question, empty or oversized answer, broken template
        return _error(row, exc), None
    started = time.perf_counter()
    try:
        reply = await _call(evaluator, request, limiter, executor)
        return _result(row, evaluator.finish(request, reply, answer_id=row.id)), None
    except JudgeError as exc:
        failure, wait = exc, None
        if isinstance(exc, JudgeProtocolError) and exc.reason == "rate_limited":
            wait = exc.retry_after
    except Exception as exc:  # a judge bug must not end the batch: unscored, with the cause
        failure, wait = JudgeError(f"unexpected {type(exc).__name__}: {exc}"), None
    spent = (time.perf_counter() - started) * 1000
    return _result(row, evaluator.unscored(request, failure, spent, answer_id=row.id)), wait


def _not_sent(
    evaluator: Evaluator, row: BatchRow, limiter: AdaptiveLimiter
) -> RowResult | RowError:
    try:
        request = evaluator.request(row.question_id, row.answer)
    except Exception as exc:
        return _error(row, exc)
    failure = JudgeProtocolError(
        "rate_limited",
        f"not sent: the server asked for a pause longer than {limiter.max_pause:g} s "
        "(--max-pause); run the batch again later to judge it",
    )
    return _result(row, evaluator.unscored(request, failure, 0.0, answer_id=row.id))
