"""The pieces of one ``OpenAIJudge`` call, without I/O: the request step the protocol yields,
what the call has spent, what an endpoint showed about its output modes, and how an HTTP error
reads (a mode refused, a server error, its status in words).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any, cast

import openai

from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import Usage
from answer_eval.judges import retry as _retry
from answer_eval.judges.contract import JudgeReply
from answer_eval.judges.openai_protocol import OutputMode, reply_usage
from answer_eval.judges.transport import DeadlineExceededError

__all__ = [
    "REASK_ECHO",
    "REASK_PROBLEMS",
    "Learned",
    "ModeMemory",
    "Reply",
    "Step",
    "Tally",
    "advance",
    "bounded_echo",
    "failure_of",
    "mode_of",
    "rejects_mode",
    "server_error",
    "status_text",
]

# the judge's logger: the CLI shows its warnings (a step down to another output mode) on stderr
logger = logging.getLogger("answer_eval.judges.openai_compatible")
_KEYLIKE = re.compile(r"\b(sk|key|api)[-_][A-Za-z0-9_*.\-]{6,}")
REASK_ECHO = 8_000  # characters of an invalid reply shown back to the model in a re-ask
REASK_PROBLEMS = 20
Reply = dict[str, Any]  # a chat completion as the endpoint sent it


@dataclass(frozen=True)
class Step:
    """One request for the shell to send, and how the retry layer treats its errors."""

    body: dict[str, Any]
    mode: OutputMode
    hold_server_errors: bool = False
    """A 5xx comes straight back to the protocol (to probe the next mode), not retried."""
    probe: bool = False
    """One attempt only: the probe of the next mode is never retried."""
    spent: int = 0
    """Attempts this request already cost (the last raising ``last_error``): the retry budget
    goes on from there."""
    last_error: BaseException | None = None

    def transient(self, exc: BaseException) -> bool:
        """Whether the retry layer retries ``exc`` for this step."""
        if self.probe or (self.hold_server_errors and server_error(exc)):
            return False
        return _retry.is_transient(exc)


@dataclass(frozen=True)
class Learned:
    """What an endpoint showed: the mode that works there and why it is not the first one."""

    index: int
    fallback: str | None


@dataclass
class Tally:
    """What one ``judge`` call has spent so far."""

    attempts: int = 0
    started: float = field(default_factory=time.perf_counter)
    deadline: float = float("inf")  # time.monotonic() by which the whole call must end
    usage: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Usage.model_fields, 0))

    def add(self, reply: dict[str, Any]) -> None:
        for key, value in reply_usage(reply):
            self.usage[key] += value

    def annotate(self, error: JudgeProtocolError, mode: OutputMode) -> JudgeProtocolError:
        """Record on a failure what was spent before it (tokens, mode), for cost and audit."""
        error.usage = Usage(**self.usage)
        error.output_mode = error.output_mode or mode  # the protocol may name the mode at fault
        error.attempts = self.attempts
        return error


class ModeMemory:
    """Per endpoint, the best output mode seen to work there and why it is not the first."""

    def __init__(self, modes: tuple[OutputMode, ...]) -> None:
        self.modes = modes
        self._learned: dict[str, Learned] = {}
        self._lock = threading.Lock()  # one warning per endpoint, whichever thread learns

    def get(self, endpoint: str) -> Learned | None:
        """What ``endpoint`` showed so far, if anything."""
        return self._learned.get(endpoint)

    def learn(self, endpoint: str, index: int, fallback: str | None) -> None:
        """Remember that mode ``index`` works on ``endpoint``; say so once if it is a step down.

        The endpoint's mode is the best one seen to work there: a step down never replaces a
        better mode that worked (a concurrent answer's), and one that worked replaces a step
        down learned from an error that was in fact a passing fault.
        """
        with self._lock:
            known = self._learned.get(endpoint)
            if known is not None and known.index <= index:
                return
            self._learned[endpoint] = Learned(index, fallback if index else None)
        if known is None and index:
            logger.warning(
                "%s: %s; using %s for this endpoint from now on",
                endpoint,
                fallback,
                self.modes[index],
            )


def failure_of(
    exc: openai.OpenAIError,
    mode: OutputMode,
    attempts: int,
    *,
    endpoint: str,
    api_key: object,
    timeout: float,
) -> JudgeProtocolError:
    """The ``JudgeProtocolError`` an SDK error ends a call with; the key never appears in it."""
    detail = getattr(exc, "message", None) or str(exc)
    if isinstance(api_key, str) and len(api_key) >= 4:
        detail = detail.replace(api_key, "[redacted]")
    detail = f"{status_text(exc)} from {endpoint}: {_KEYLIKE.sub('[redacted]', detail)[:300]}"
    if isinstance(exc, openai.APITimeoutError):  # each read may wait only what is left
        timed_out = DeadlineExceededError(timeout)
        timed_out.attempts = attempts
        timed_out.output_mode = mode
        return timed_out
    if _retry.status_of(exc) == 429:  # rate_limited: a batch pauses on it; a re-run retries
        failure = JudgeProtocolError(
            "rate_limited",
            f"after {attempts} attempts, {detail}",
            attempts=attempts,
            output_mode=mode,
        )
        failure.retry_after = _retry.retry_after(exc)
        return failure
    if _retry.is_transient(exc):
        message = f"after {attempts} attempts, {detail}"
        return JudgeProtocolError("transport", message, attempts=attempts, output_mode=mode)
    return JudgeProtocolError("error", detail, attempts=attempts, output_mode=mode)


def advance(
    steps: Generator[Step, Reply, JudgeReply],
    outcome: Reply | openai.OpenAIError | None,
) -> Step:
    """Feed the last request's outcome (None at the start) to the protocol; get the next step."""
    if isinstance(outcome, openai.OpenAIError):
        return steps.throw(outcome)
    return next(steps) if outcome is None else steps.send(outcome)


def mode_of(body: dict[str, Any]) -> OutputMode:
    kind = (body.get("response_format") or {}).get("type", "text")
    return cast(OutputMode, kind)


def bounded_echo(content: str) -> str:
    """An invalid reply as echoed in a re-ask: its start only, when it is long."""
    if len(content) <= REASK_ECHO:
        return content
    return content[:REASK_ECHO] + f"\n[... {len(content) - REASK_ECHO} more characters cut]"


def rejects_mode(exc: BaseException, mode: OutputMode) -> bool:
    """True when a structured-output request was refused as such (HTTP 400/422)."""
    return mode != "text" and _retry.status_of(exc) in (400, 422)


def server_error(exc: BaseException) -> bool:
    """A 5xx that does not ask us to wait: possibly a mode the endpoint cannot serve."""
    status = _retry.status_of(exc)
    return status is not None and status >= 500 and _retry.retry_after(exc) is None


def status_text(exc: BaseException) -> str:
    status = _retry.status_of(exc)
    return f"HTTP {status}" if status is not None else type(exc).__name__
