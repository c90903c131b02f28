"""The adaptive limiter: down on 429s (once per cool-down), back up on successes, Retry-After."""

from __future__ import annotations

import asyncio
import time

import pytest

from answer_eval.batch.limiter import AdaptiveLimiter, is_rate_limit


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class _Response:
    def __init__(self, status: int, headers: dict[str, str]) -> None:
        self.status_code, self.headers = status, headers


class _ApiError(Exception):
    def __init__(self, status: int, **headers: str) -> None:
        self.response = _Response(status, {k.replace("_", "-"): v for k, v in headers.items()})


def test_multiplicative_decrease_once_per_cooldown() -> None:
    clock = Clock()
    limiter = AdaptiveLimiter(64, cooldown=2.0, clock=clock)
    limiter.throttled()
    limiter.throttled()  # same window: counted, not halved again
    assert limiter.limit == 32
    assert limiter.throttle_events == 2
    clock.now += 2.0
    limiter.throttled()
    assert limiter.limit == 16
    for _ in range(10):
        clock.now += 5
        limiter.throttled()
    assert limiter.limit == 1  # never below the minimum


def test_additive_increase_climbs_about_one_per_window_up_to_the_ceiling() -> None:
    limiter = AdaptiveLimiter(8)
    limiter.limit = 4.0
    for _ in range(4):
        limiter.succeeded()
    assert 4.9 < limiter.limit < 5.0
    for _ in range(1000):
        limiter.succeeded()
    assert limiter.limit == 8


def test_retry_after_pauses_new_calls() -> None:
    clock = Clock()
    limiter = AdaptiveLimiter(4, clock=clock)
    limiter.throttled(retry_after=3.0)
    assert limiter.paused_for == pytest.approx(3.0)
    clock.now += 3.5
    assert limiter.paused_for == 0


def test_the_retry_hook_reads_429s_and_their_retry_after() -> None:
    assert is_rate_limit(_ApiError(429))
    assert not is_rate_limit(_ApiError(500))
    limiter = AdaptiveLimiter(8, clock=Clock())
    limiter.on_retry(_ApiError(500), 1.0)
    assert limiter.limit == 8
    limiter.on_retry(_ApiError(429, retry_after="5"), 0.5)
    assert limiter.limit == 4
    assert limiter.paused_for == pytest.approx(5.0)
    limiter.on_retry(_ApiError(429, retry_after_ms="7500"), 0.5)
    assert limiter.paused_for == pytest.approx(7.5)
    limiter.on_retry(_ApiError(429), 9.0)  # no header: the judge's own wait
    assert limiter.paused_for == pytest.approx(9.0)


def test_slots_respect_the_current_limit_and_the_pause() -> None:
    async def scenario() -> tuple[int, float]:
        limiter = AdaptiveLimiter(4)
        limiter.limit = 2.0
        peak = active = 0

        async def call() -> None:
            nonlocal peak, active
            async with limiter.slot():
                active += 1
                peak = max(peak, active)
                await asyncio.sleep(0.01)
                active -= 1

        await asyncio.gather(*(call() for _ in range(10)))
        limiter.throttled(retry_after=0.2)
        started = time.monotonic()
        await call()
        return peak, time.monotonic() - started

    peak, waited = asyncio.run(scenario())
    assert peak == 2
    assert waited >= 0.19


def test_bad_bounds_are_refused() -> None:
    with pytest.raises(ValueError, match="minimum"):
        AdaptiveLimiter(0)
    with pytest.raises(ValueError, match="minimum"):
        AdaptiveLimiter(4, minimum=5)
