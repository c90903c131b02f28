"""``OpenAIJudge``: one structured chat completion per answer, on any OpenAI-compatible endpoint.

Output modes, best first: ``json_schema`` (strict structured output), ``json_object`` with the
schema (llama.cpp constrains to it; OpenAI ignores the key) and ``text`` (the prompt shows the
shape). An endpoint that rejects a mode (HTTP 400/422, or a 5xx that names response_format or
the schema) gets the next one, and the first mode that works is remembered per endpoint on this
instance. Transient errors go to ``judges.retry``; the SDK's own retries are off. A reply
that is not a valid judgment is re-asked with its validation errors, ``max_reasks`` times.
Failures raise ``JudgeProtocolError`` with a ``reason``; the API key never appears in them.
``timeout`` bounds the whole call (every attempt, retry wait and re-ask) and replies are read
within a size cap, by ``judges.transport``.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

import openai

from answer_eval.errors import JudgeConfigError, JudgeProtocolError
from answer_eval.evaluation import JudgeKind, Usage
from answer_eval.judges import retry as _retry
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings
from answer_eval.judges.openai_protocol import (
    MODES,
    Endpoint,
    OutputMode,
    chat_body,
    decode_reply,
    public_url,
    reply_text,
    reply_usage,
)
from answer_eval.judges.retry import RetryHook, RetryPolicy
from answer_eval.judges.transport import (
    DEFAULT_MAX_REPLY_BYTES,
    DeadlineExceededError,
    apost_chat,
    post_chat,
)
from answer_eval.judgment import JudgmentError, parse_judgment
from answer_eval.prompting import Message, render_reask

__all__ = ["MODES", "OpenAIJudge", "OutputMode"]

_MODE_HINTS = ("response_format", "json_schema", "schema", "json_object")
_KEYLIKE = re.compile(r"\b(sk|key|api)[-_][A-Za-z0-9_*.\-]{6,}")
_REASK_ECHO = 8_000  # characters of an invalid reply shown back to the model in a re-ask
_REASK_PROBLEMS = 20

_Step = tuple[dict[str, Any], OutputMode]  # one request body and the mode it asks for


@dataclass
class _Tally:
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
        error.output_mode = mode
        error.attempts = self.attempts
        return error


class OpenAIJudge:
    """Judges answers with a chat model behind any OpenAI-compatible ``base_url``.

    ``model`` defaults to ``$ANSWER_EVAL_MODEL`` then ``$OPENAI_MODEL``; ``base_url`` and
    ``api_key`` to ``$OPENAI_BASE_URL`` and ``$OPENAI_API_KEY``. Pass your own ``client`` /
    ``async_client`` to reuse their settings (their SDK retries are turned off). With only a
    sync client, ``ajudge`` runs it in a worker thread. ``judge(request, on_retry=hook)`` calls
    ``hook(error, wait_seconds)`` before each transient retry.

    ``timeout`` (seconds) bounds each ``judge`` / ``ajudge`` call as a whole: every attempt,
    retry wait and re-ask, from the first byte sent to the last byte read, whatever client is
    used; when it runs out the answer fails with reason ``transport``. A retry whose wait would
    end past it is not made. ``max_reply_bytes`` caps a reply's body; a larger one fails with
    reason ``invalid_output`` and is never re-sent in a re-ask.
    """

    kind: JudgeKind = "openai"

    def __init__(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
        temperature: float | None = 0.0,
        seed: int | None = None,
        max_tokens: int | None = 2048,
        max_reasks: int = 2,
        retry: RetryPolicy | None = None,
        modes: Sequence[OutputMode] = MODES,
        timeout: float = 120.0,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        endpoint = Endpoint.resolve(model=model, base_url=base_url, api_key=api_key)
        if not timeout > 0 or max_reply_bytes < 1:
            raise JudgeConfigError("timeout and max_reply_bytes must be positive")
        self.timeout, self.max_reply_bytes = float(timeout), max_reply_bytes
        self.model: str = endpoint.require_model()
        self.modes: tuple[OutputMode, ...] = tuple(modes)
        if not self.modes or any(m not in MODES for m in self.modes):
            raise JudgeConfigError(f"modes must be a non-empty sequence of {list(MODES)}")
        if max_reasks < 0:
            raise JudgeConfigError("max_reasks must not be negative")
        self.temperature, self.seed, self.max_tokens = temperature, seed, max_tokens
        self.max_reasks = max_reasks
        self.retry = retry or RetryPolicy()
        self._preferred: dict[str, int] = {}  # endpoint -> index in self.modes that worked
        self._client = client.with_options(max_retries=0) if client is not None else None
        self._aclient = async_client.with_options(max_retries=0) if async_client else None
        self._owned = self._client is None and self._aclient is None
        if self._owned:
            options = {**endpoint.client_options(), "timeout": timeout, "max_retries": 0}
            self._client, self._aclient = openai.OpenAI(**options), openai.AsyncOpenAI(**options)

    def __repr__(self) -> str:
        return f"OpenAIJudge(model={self.model!r}, endpoint={self.endpoint!r})"

    def close(self) -> None:
        """Close the sync HTTP client this judge built (clients passed in stay open)."""
        if self._owned and self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close both HTTP clients this judge built; call it inside the loop that used them."""
        self.close()
        if self._owned and self._aclient is not None:
            await self._aclient.close()

    @property
    def endpoint(self) -> str:
        """The endpoint's base URL, without credentials, query or trailing slash."""
        client = self._client or self._aclient
        return public_url(str(client.base_url)) if client is not None else ""

    @property
    def settings(self) -> JudgeSettings:
        """The model, endpoint, mode preference and sampling settings (not the mode learned)."""
        return JudgeSettings(
            kind=self.kind,
            model=self.model,
            endpoint=self.endpoint,
            output_modes=self.modes,
            temperature=self.temperature,
            seed=self.seed,
            max_tokens=self.max_tokens,
        )

    @property
    def output_mode(self) -> OutputMode:
        """The mode the next call starts with (the best one this endpoint accepted so far)."""
        return self.modes[self._preferred.get(self.endpoint, 0)]

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer; raises ``JudgeProtocolError`` when no valid judgment comes back."""
        client = self._client
        if client is None:
            raise JudgeConfigError("this judge has only an async client: use ajudge()")
        tally = _Tally(deadline=time.monotonic() + self.timeout)
        steps = self._conversation(request, tally)
        outcome: dict[str, Any] | openai.OpenAIError | None = None
        mode = self.output_mode
        while True:
            try:
                body, mode = _advance(steps, outcome)
            except StopIteration as done:
                return cast(JudgeReply, done.value)
            except JudgeProtocolError as exc:
                raise tally.annotate(exc, mode) from exc.__cause__
            send = partial(self._send, client, body, tally)
            try:
                outcome = _retry.call(
                    self.retry,
                    send,
                    transient=partial(_transient, mode=mode),
                    on_retry=on_retry,
                    deadline=tally.deadline,
                )
            except openai.OpenAIError as exc:
                outcome = exc

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        """Async twin of ``judge``."""
        aclient = self._aclient
        if aclient is None:
            return await asyncio.to_thread(partial(self.judge, request, on_retry=on_retry))
        tally = _Tally(deadline=time.monotonic() + self.timeout)
        try:
            async with asyncio.timeout(self.timeout):  # the whole call, however a server stalls
                return await self._ajudge(aclient, request, on_retry, tally)
        except TimeoutError as exc:
            raise tally.annotate(DeadlineExceededError(self.timeout), self.output_mode) from exc

    async def _ajudge(
        self,
        aclient: openai.AsyncOpenAI,
        request: JudgeRequest,
        on_retry: RetryHook | None,
        tally: _Tally,
    ) -> JudgeReply:
        steps = self._conversation(request, tally)
        outcome: dict[str, Any] | openai.OpenAIError | None = None
        mode = self.output_mode
        while True:
            try:
                body, mode = _advance(steps, outcome)
            except StopIteration as done:
                return cast(JudgeReply, done.value)
            except JudgeProtocolError as exc:
                raise tally.annotate(exc, mode) from exc.__cause__
            send = partial(self._asend, aclient, body, tally)
            try:
                outcome = await _retry.acall(
                    self.retry,
                    send,
                    transient=partial(_transient, mode=mode),
                    on_retry=on_retry,
                    deadline=tally.deadline,
                )
            except openai.OpenAIError as exc:
                outcome = exc

    def _conversation(
        self, request: JudgeRequest, tally: _Tally
    ) -> Generator[_Step, dict[str, Any], JudgeReply]:
        """The protocol without I/O: yields request bodies, receives completions or errors."""
        endpoint = self.endpoint
        index = self._preferred.get(endpoint, 0)
        messages: list[Message] = list(request.messages)
        problems: list[str] = []
        for _ask in range(self.max_reasks + 1):
            while True:
                mode = self.modes[index]
                try:
                    completion = yield self._body(request, messages, mode), mode
                    break
                except openai.OpenAIError as exc:
                    if _rejects_mode(exc, mode) and index + 1 < len(self.modes):
                        index += 1
                        continue
                    raise self._failure(exc, mode, tally.attempts) from exc
            self._preferred[endpoint] = index  # remembered only once a mode really worked
            reply = completion
            tally.add(reply)
            content = reply_text(reply, attempts=tally.attempts)
            try:
                judgment = parse_judgment(decode_reply(content), request.question)
            except JudgmentError as exc:
                problems = exc.problems[:_REASK_PROBLEMS]
                messages += [{"role": "assistant", "content": _bounded(content)}]
                messages += [render_reask(problems=problems)]
                continue
            return JudgeReply(
                judgment=judgment,
                model=str(reply.get("model") or self.model),
                output_mode=mode,
                usage=Usage(**tally.usage),
                attempts=tally.attempts,
                latency_ms=(time.perf_counter() - tally.started) * 1000,
                endpoint=endpoint,
                temperature=self.temperature,
                seed=self.seed,
                max_tokens=self.max_tokens,
            )
        raise JudgeProtocolError(
            "invalid_output",
            f"no valid judgment after {self.max_reasks} re-asks: {'; '.join(problems)[:500]}",
            attempts=tally.attempts,
        )

    def _body(
        self, request: JudgeRequest, messages: list[Message], mode: OutputMode
    ) -> dict[str, Any]:
        return chat_body(
            model=self.model,
            messages=messages,
            schema=request.schema,
            mode=mode,
            temperature=self.temperature,
            seed=self.seed,
            max_tokens=self.max_tokens,
        )

    def _send(self, client: openai.OpenAI, body: dict[str, Any], tally: _Tally) -> dict[str, Any]:
        tally.attempts += 1
        try:
            return post_chat(
                client,
                body,
                deadline=tally.deadline,
                timeout=self.timeout,
                max_bytes=self.max_reply_bytes,
            )
        except JudgeProtocolError as exc:  # too large, not JSON, out of time: not retried
            raise tally.annotate(exc, _mode_of(body)) from exc.__cause__

    async def _asend(
        self, client: openai.AsyncOpenAI, body: dict[str, Any], tally: _Tally
    ) -> dict[str, Any]:
        tally.attempts += 1
        try:
            return await apost_chat(
                client,
                body,
                deadline=tally.deadline,
                timeout=self.timeout,
                max_bytes=self.max_reply_bytes,
            )
        except JudgeProtocolError as exc:
            raise tally.annotate(exc, _mode_of(body)) from exc.__cause__

    def _failure(self, exc: openai.OpenAIError, mode: OutputMode, attempts: int) -> Exception:
        status = _retry.status_of(exc)
        what = f"HTTP {status}" if status is not None else type(exc).__name__
        detail = getattr(exc, "message", None) or str(exc)
        key = getattr(self._client or self._aclient, "api_key", None)
        if isinstance(key, str) and len(key) >= 4:
            detail = detail.replace(key, "[redacted]")
        detail = f"{what} from {self.endpoint}: {_KEYLIKE.sub('[redacted]', detail)[:300]}"
        if isinstance(exc, openai.APITimeoutError):  # each read may wait only what is left
            timed_out = DeadlineExceededError(self.timeout)
            timed_out.attempts = attempts
            return timed_out
        if status == 429:  # rate_limited: a batch pauses on it, and a re-run retries it
            failure = JudgeProtocolError(
                "rate_limited", f"after {attempts} attempts, {detail}", attempts=attempts
            )
            failure.retry_after = _retry.retry_after(exc)
            return failure
        if _transient(exc, mode):
            return JudgeProtocolError(
                "transport", f"after {attempts} attempts, {detail}", attempts=attempts
            )
        return JudgeProtocolError("error", detail, attempts=attempts)


def _advance(
    steps: Generator[_Step, dict[str, Any], JudgeReply],
    outcome: dict[str, Any] | openai.OpenAIError | None,
) -> _Step:
    """Feed the last request's outcome (None at the start) to the protocol; get the next step."""
    if isinstance(outcome, openai.OpenAIError):
        return steps.throw(outcome)
    return next(steps) if outcome is None else steps.send(outcome)


def _mode_of(body: dict[str, Any]) -> OutputMode:
    kind = (body.get("response_format") or {}).get("type", "text")
    return cast(OutputMode, kind)


def _bounded(content: str) -> str:
    """An invalid reply as echoed in a re-ask: its start only, when it is long."""
    if len(content) <= _REASK_ECHO:
        return content
    return content[:_REASK_ECHO] + f"\n[... {len(content) - _REASK_ECHO} more characters cut]"


def _rejects_mode(exc: BaseException, mode: OutputMode) -> bool:
    """True when the endpoint refused the structured-output mode, not the request as such."""
    status = _retry.status_of(exc)
    if mode == "text" or status is None:
        return False
    if status in (400, 422):
        return True
    text = f"{getattr(exc, 'message', '')} {getattr(exc, 'body', '')}".lower()
    return status >= 500 and any(hint in text for hint in _MODE_HINTS)


def _transient(exc: BaseException, mode: OutputMode) -> bool:
    return _retry.is_transient(exc) and not _rejects_mode(exc, mode)
