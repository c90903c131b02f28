"""The one retry layer for transient judge errors (tenacity), sync and async.

Transient: HTTP 429 (its ``Retry-After`` / ``retry-after-ms`` honoured), 408, 409, 5xx, timeouts
and connection errors. Everything else is raised at once. The wait before attempt ``n + 1`` is
``max(Retry-After, backoff(n))`` where ``backoff(n) = min(maximum, initial * 2 ** (n - 1))``,
jittered down to between half and all of it, so clients that failed together spread out but
never retry sooner than the server asked.

The clients the judge uses have the SDK's own retries off (``max_retries=0``): attempts never
multiply. ``sleep`` is injectable, so tests record the waits instead of sleeping them. With a
``deadline`` (``time.monotonic()`` seconds), no retry is made whose wait would end past it: the
last error is raised instead, so a judge's ``timeout`` bounds the whole call, waits included.

A caller that already spent attempts on a request elsewhere (the judge probing another output
mode) passes ``spent`` and the last error: the call waits as after that many failed attempts
and then tries at most ``max_attempts - spent`` more times, so the budget covers them all.
"""

from __future__ import annotations

import inspect
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import tenacity

__all__ = [
    "RetryHook",
    "RetryPolicy",
    "acall",
    "call",
    "is_transient",
    "retry_after",
    "status_of",
]

T = TypeVar("T")
RetryHook = Callable[[BaseException, float], None]
"""Called before each wait with the error being retried and the seconds about to be waited."""

_TRANSIENT_STATUS = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How transient errors are retried.

    ``max_attempts`` counts every request, the first included. ``sleep`` replaces the real wait
    (``time.sleep``, or ``asyncio.sleep`` in async code); it may return an awaitable, which the
    async path awaits. ``RetryPolicy(sleep=lambda s: None)`` never waits.
    """

    max_attempts: int = 4
    initial: float = 0.5
    maximum: float = 20.0
    jitter: bool = True
    sleep: Callable[[float], object] | None = None
    max_retry_after: float = 300.0
    """A server asking for a longer wait gets no retry: the answer ends unscored (transport)
    instead of a batch stalling for an hour."""

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial < 0 or self.maximum < 0:
            raise ValueError("initial and maximum must not be negative")

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based), before Retry-After."""
        delay = min(self.maximum, self.initial * 2 ** max(0, attempt - 1))
        return random.uniform(delay / 2, delay) if self.jitter else delay

    def wait(self, attempt: int, error: BaseException | None) -> float:
        """The wait after failed attempt ``attempt``: ``max(Retry-After, backoff)``."""
        hinted = retry_after(error) if error is not None else None
        return max(hinted or 0.0, self.backoff(attempt))


def status_of(error: BaseException) -> int | None:
    """The HTTP status of an SDK error, if it carries one."""
    status = getattr(error, "status_code", None)
    if status is None:
        status = getattr(getattr(error, "response", None), "status_code", None)
    return status if isinstance(status, int) else None


def is_transient(error: BaseException) -> bool:
    """True for errors worth retrying: 408/409/429/5xx, timeouts, connection failures."""
    import openai

    if isinstance(error, openai.APIConnectionError):  # APITimeoutError included
        return True
    status = status_of(error)
    if isinstance(error, openai.APIStatusError) and status is not None:
        return status in _TRANSIENT_STATUS or status >= 500
    return False


def retry_after(error: BaseException) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, ``Retry-After`` secs or date)."""
    headers = getattr(getattr(error, "response", None), "headers", None)
    if headers is None:
        return None
    try:
        if (ms := headers.get("retry-after-ms")) is not None:
            return max(0.0, float(ms) / 1000)
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _settings(
    policy: RetryPolicy,
    transient: Callable[[BaseException], bool],
    on_retry: RetryHook | None,
    spent: int,
    deadline: float | None,
) -> dict[str, Any]:
    def wait(state: tenacity.RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        return policy.wait(spent + state.attempt_number, error)

    def before_sleep(state: tenacity.RetryCallState) -> None:
        outcome, action = state.outcome, state.next_action
        error = outcome.exception() if outcome is not None else None
        if on_retry is not None and error is not None:
            on_retry(error, action.sleep if action is not None else 0.0)

    attempts = tenacity.stop_after_attempt(policy.max_attempts - spent)

    def stop(state: tenacity.RetryCallState) -> bool:
        # tenacity has computed the wait (upcoming_sleep) before it asks whether to stop
        late = deadline is not None and time.monotonic() + state.upcoming_sleep >= deadline
        return late or attempts(state)

    return {
        "stop": stop,
        "wait": wait,
        "retry": tenacity.retry_if_exception(lambda error: _retryable(policy, transient, error)),
        "before_sleep": before_sleep,
        "reraise": True,  # the caller sees the last real error, not tenacity's RetryError
    }


def _retryable(
    policy: RetryPolicy, transient: Callable[[BaseException], bool], error: BaseException
) -> bool:
    return transient(error) and (retry_after(error) or 0.0) <= policy.max_retry_after


def _resume_wait(
    policy: RetryPolicy,
    transient: Callable[[BaseException], bool],
    on_retry: RetryHook | None,
    spent: int,
    last_error: BaseException | None,
    deadline: float | None,
) -> float:
    """The wait before going on with a request that failed ``spent`` times (raises if none)."""
    if spent < 0 or (spent and last_error is None):
        raise ValueError("spent attempts need the last error")
    if last_error is None:
        return 0.0
    if spent >= policy.max_attempts or not _retryable(policy, transient, last_error):
        raise last_error
    seconds = policy.wait(spent, last_error)
    if deadline is not None and time.monotonic() + seconds >= deadline:
        raise last_error
    if on_retry is not None:
        on_retry(last_error, seconds)
    return seconds


def call(
    policy: RetryPolicy,
    fn: Callable[[], T],
    *,
    transient: Callable[[BaseException], bool] = is_transient,
    on_retry: RetryHook | None = None,
    spent: int = 0,
    last_error: BaseException | None = None,
    deadline: float | None = None,
) -> T:
    """Call ``fn`` until it succeeds, fails for good, ``policy.max_attempts`` run out, or the
    next wait would end past ``deadline`` (monotonic seconds).

    When attempts or time run out, the last transient error is raised. ``spent`` attempts made
    before this call (the last raising ``last_error``) count against the budget and set the
    first wait.
    """

    def sleep(seconds: float) -> None:
        (policy.sleep or time.sleep)(seconds)

    if seconds := _resume_wait(policy, transient, on_retry, spent, last_error, deadline):
        sleep(seconds)
    settings = _settings(policy, transient, on_retry, spent, deadline)
    retrying = tenacity.Retrying(sleep=sleep, **settings)
    return retrying(fn)


async def acall(
    policy: RetryPolicy,
    fn: Callable[[], Awaitable[T]],
    *,
    transient: Callable[[BaseException], bool] = is_transient,
    on_retry: RetryHook | None = None,
    spent: int = 0,
    last_error: BaseException | None = None,
    deadline: float | None = None,
) -> T:
    """Async twin of ``call``: ``fn`` returns an awaitable; waits do not block the loop."""
    import asyncio

    async def sleep(seconds: float) -> None:
        if policy.sleep is None:
            await asyncio.sleep(seconds)
            return
        result = policy.sleep(seconds)
        if inspect.isawaitable(result):
            await result

    if seconds := _resume_wait(policy, transient, on_retry, spent, last_error, deadline):
        await sleep(seconds)
    settings = _settings(policy, transient, on_retry, spent, deadline)
    retrying = tenacity.AsyncRetrying(sleep=sleep, **settings)
    return await retrying(fn)
