"""An adaptive concurrency limit for batch judging: AIMD, with a shared Retry-After pause.

``AdaptiveLimiter(8)`` lets up to 8 judge calls run at once. A rate-limit signal
(``throttled``: an HTTP 429 seen by the judge's retry layer, an answer that ended
``rate_limited``, or an unscored ``transport`` result when the judge offers no retry hook)
halves the limit, at most once per cool-down, and pauses *new* calls of every task (and, with a
shared pause, of every worker process) until the server's Retry-After has passed; each success
adds ``1 / limit``, so the limit climbs back by about one per window of successful calls, never
above the ceiling. Calls already running are never interrupted: the judge's own retries own them.

A Retry-After longer than ``max_pause`` (300 s by default) is not waited out: the limiter
*closes*, and the batch ends every answer not yet sent as unscored ``rate_limited`` without
calling the server (a re-run retries them), instead of sending them all into the same 429.

The limiter lives in one event loop; ``throttled`` may be called from any thread (a sync
judge's retry hook), it only records the signal under a lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol

from answer_eval.judges.retry import retry_after, status_of

__all__ = ["DEFAULT_MAX_PAUSE", "AdaptiveLimiter", "SharedPause", "is_rate_limit"]

DEFAULT_MAX_PAUSE = 300.0
"""Seconds of Retry-After a batch waits out; the judge's ``RetryPolicy.max_retry_after`` too."""

_CLOSED = float("inf")


class SharedPause(Protocol):
    """Where the pause ends, on the ``time.monotonic()`` clock (system-wide on Linux): a
    ``ctypes.c_double``, or a ``multiprocessing.Value("d")`` shared by worker processes.
    ``inf`` means closed."""

    value: float


def is_rate_limit(exc: BaseException) -> bool:
    """True when ``exc`` is an HTTP 429 (openai ``RateLimitError`` or anything with that status)."""
    return status_of(exc) == 429


class AdaptiveLimiter:
    """Additive-increase / multiplicative-decrease bound on concurrent calls.

    ``limit`` is the current (fractional) bound, between ``minimum`` and ``maximum``;
    ``in_flight`` the calls holding a slot. ``cooldown`` seconds must pass between two
    decreases, so one burst of 429s from a single window halves the limit once.
    """

    def __init__(
        self,
        maximum: int,
        *,
        minimum: int = 1,
        cooldown: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        max_pause: float = DEFAULT_MAX_PAUSE,
        shared_pause: Any = None,
    ) -> None:
        if maximum < 1 or not 1 <= minimum <= maximum:
            raise ValueError(f"need 1 <= minimum <= maximum, got {minimum} and {maximum}")
        self.maximum = maximum
        self.minimum = minimum
        self.cooldown = cooldown
        self.limit = float(maximum)
        self.in_flight = 0
        self.throttle_events = 0
        self._clock = clock
        self._lock = threading.Lock()
        self._last_decrease = -float("inf")
        self.max_pause = max_pause
        self._until: SharedPause = shared_pause or ctypes.c_double(-float("inf"))
        self._changed: asyncio.Event | None = None

    # ------------------------------------------------------------------ signals

    def succeeded(self) -> None:
        """A call finished well: grow the limit by ``1 / limit`` (about +1 per window)."""
        with self._lock:
            self.limit = min(float(self.maximum), self.limit + 1.0 / self.limit)
        self._wake()

    def throttled(self, retry_after: float | None = None) -> None:
        """A rate-limit signal: halve the limit (once per cool-down), pause new calls for
        ``retry_after`` seconds, or close when that is longer than ``max_pause``."""
        now = self._clock()
        with self._lock:
            self.throttle_events += 1
            if now - self._last_decrease >= self.cooldown:
                self.limit = max(float(self.minimum), self.limit / 2)
                self._last_decrease = now
            if retry_after and retry_after > self.max_pause:
                self._until.value = _CLOSED
            elif retry_after:
                self._until.value = max(self._until.value, now + retry_after)

    @property
    def closed(self) -> bool:
        """True once a server asked for a longer pause than ``max_pause``: send nothing more."""
        return self._until.value == _CLOSED

    def on_retry(self, exc: BaseException, wait_seconds: float) -> None:
        """A judge retry hook: a 429 throttles, pausing for its Retry-After or the judge's wait."""
        if is_rate_limit(exc):
            hinted = retry_after(exc)
            self.throttled(hinted if hinted is not None else wait_seconds)

    # ------------------------------------------------------------------ slots

    @property
    def paused_for(self) -> float:
        """Seconds until new calls may start after a Retry-After (0 when not paused)."""
        return 0.0 if self.closed else max(0.0, self._until.value - self._clock())

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one slot for the duration of a call."""
        await self.acquire()
        try:
            yield
        finally:
            self.release()

    async def acquire(self) -> None:
        """Wait for a free slot and for any Retry-After pause to end (a closed limiter gives
        slots at once: its holders only record that they were not sent)."""
        if self._changed is None:
            self._changed = asyncio.Event()
        while True:
            pause = self.paused_for
            if pause > 0:
                await asyncio.sleep(pause)
                continue
            if self.in_flight < max(self.minimum, int(self.limit)):
                self.in_flight += 1
                return
            self._changed.clear()
            # A timeout re-checks now and then: a throttle from another thread does not wake us.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout=0.5)

    def release(self) -> None:
        """Give a slot back."""
        self.in_flight -= 1
        self._wake()

    def _wake(self) -> None:
        if self._changed is not None:
            with contextlib.suppress(RuntimeError):  # no running loop: nobody to wake
                asyncio.get_running_loop()
                self._changed.set()
