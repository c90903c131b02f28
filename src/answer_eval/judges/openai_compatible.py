"""``OpenAIJudge``: one structured chat completion per answer, on any OpenAI-compatible endpoint.

Output modes, best first: ``json_schema`` (strict; the schema carries the reply's shape), then
``json_object`` with the schema and ``text`` (both show the shape in the prompt).

Stepping down is decided by behaviour, never by an error's wording:

* HTTP 400/422 in a structured mode: refused as such; the next mode is tried at once.
* A 5xx (without ``Retry-After``) in a mode this endpoint has not yet answered in: before any
  retry, the same request is sent once in the next mode. If that works, the endpoint cannot
  serve the better mode: the judge steps down, says so once on the ``answer_eval`` logger and
  records it in every reply (``mode_fallback``). If the probe fails too, it is an outage: the
  better mode is retried with what is left of ``RetryPolicy.max_attempts`` (the probe counts).
* A mode that has worked on an endpoint is never left for a 5xx: those are retried.

The mode that works is remembered per endpoint on this instance, so a server that cannot do
``json_schema`` costs one extra request per endpoint, not per answer (answers already in flight
when it is learned move to the learned mode without probing). Transient errors go to
``judges.retry`` (one layer; the SDK's own retries are off). A reply that is not a valid
judgment is re-asked with its validation errors, ``max_reasks`` times. Failures raise
``JudgeProtocolError`` with a ``reason``; the API key never appears in them. ``timeout`` bounds
the whole call (every attempt, retry wait and re-ask) and replies are read within a size cap,
by ``judges.transport``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Generator, Sequence
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
    schema_enforced,
)
from answer_eval.judges.openai_steps import (
    REASK_PROBLEMS,
    ModeMemory,
    Reply,
    Step,
    Tally,
    advance,
    bounded_echo,
    failure_of,
    mode_of,
    rejects_mode,
    server_error,
    status_text,
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
        if not timeout > 0 or max_reply_bytes < 1:
            raise JudgeConfigError("timeout and max_reply_bytes must be positive")
        self.timeout, self.max_reply_bytes = float(timeout), max_reply_bytes
        endpoint = Endpoint.resolve(model=model, base_url=base_url, api_key=api_key)
        self.model: str = endpoint.require_model()
        self.modes: tuple[OutputMode, ...] = tuple(modes)
        if not self.modes or any(m not in MODES for m in self.modes):
            raise JudgeConfigError(f"modes must be a non-empty sequence of {list(MODES)}")
        if max_reasks < 0:
            raise JudgeConfigError("max_reasks must not be negative")
        self.temperature, self.seed, self.max_tokens = temperature, seed, max_tokens
        self.max_reasks = max_reasks
        self.retry = retry or RetryPolicy()
        self._learned = ModeMemory(self.modes)
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
        learned = self._learned.get(self.endpoint)
        return self.modes[learned.index if learned else 0]

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer; raises ``JudgeProtocolError`` when no valid judgment comes back."""
        client = self._client
        if client is None:
            raise JudgeConfigError("this judge has only an async client: use ajudge()")
        tally = Tally(deadline=time.monotonic() + self.timeout)
        steps = self._conversation(request, tally)
        outcome: Reply | openai.OpenAIError | None = None
        mode = self.output_mode
        while True:
            try:
                step = advance(steps, outcome)
            except StopIteration as done:
                return cast(JudgeReply, done.value)
            except JudgeProtocolError as exc:
                raise tally.annotate(exc, mode) from exc.__cause__
            mode = step.mode
            try:
                outcome = _retry.call(
                    self.retry,
                    partial(self._send, client, step.body, tally),
                    transient=step.transient,
                    on_retry=on_retry,
                    spent=step.spent,
                    last_error=step.last_error,
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
        tally = Tally(deadline=time.monotonic() + self.timeout)
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
        tally: Tally,
    ) -> JudgeReply:
        steps = self._conversation(request, tally)
        outcome: Reply | openai.OpenAIError | None = None
        mode = self.output_mode
        while True:
            try:
                step = advance(steps, outcome)
            except StopIteration as done:
                return cast(JudgeReply, done.value)
            except JudgeProtocolError as exc:
                raise tally.annotate(exc, mode) from exc.__cause__
            mode = step.mode
            try:
                outcome = await _retry.acall(
                    self.retry,
                    partial(self._asend, aclient, step.body, tally),
                    transient=step.transient,
                    on_retry=on_retry,
                    spent=step.spent,
                    last_error=step.last_error,
                    deadline=tally.deadline,
                )
            except openai.OpenAIError as exc:
                outcome = exc

    def _conversation(
        self, request: JudgeRequest, tally: Tally
    ) -> Generator[Step, Reply, JudgeReply]:
        """The protocol without I/O: yields requests, receives completions or errors."""
        endpoint = self.endpoint
        learned = self._learned.get(endpoint)
        index = learned.index if learned else 0
        fallback = learned.fallback if learned else None
        follow_up: list[Message] = []  # the model's invalid replies and the re-asks
        problems: list[str] = []
        for _ask in range(self.max_reasks + 1):
            completion, index, fallback = yield from self._exchange(
                request, follow_up, index, fallback, tally
            )
            mode = self.modes[index]
            reply = completion
            tally.add(reply)
            content = reply_text(reply, attempts=tally.attempts)
            try:
                judgment = parse_judgment(decode_reply(content), request.question)
            except JudgmentError as exc:
                problems = exc.problems[:REASK_PROBLEMS]
                follow_up += [{"role": "assistant", "content": bounded_echo(content)}]
                follow_up += [render_reask(problems=problems)]
                continue
            return JudgeReply(
                judgment=judgment,
                model=str(reply.get("model") or self.model),
                output_mode=mode,
                mode_fallback=fallback,
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

    def _exchange(
        self,
        request: JudgeRequest,
        follow_up: list[Message],
        index: int,
        fallback: str | None,
        tally: Tally,
    ) -> Generator[Step, Reply, tuple[Reply, int, str | None]]:
        """One request, until a completion: mode fallback, the probe, the retry budget.

        Returns the completion, the index of the mode that gave it and why that mode is not the
        first one (None if it is).
        """
        endpoint = self.endpoint
        first = tally.attempts
        resume: tuple[int, openai.OpenAIError] | None = None  # attempts spent, last error
        last = len(self.modes) - 1
        while True:
            mode = self.modes[index]
            learned = self._learned.get(endpoint)
            unproven = learned is None or learned.index != index
            hold = resume is None and unproven and index < last
            spent, error = resume or (0, None)
            body = self._body(request, follow_up, mode)
            failure: openai.OpenAIError | None = None
            try:
                completion = yield Step(
                    body, mode, hold_server_errors=hold, spent=spent, last_error=error
                )
            except openai.OpenAIError as exc:
                failure = exc
            if failure is None:
                self._learned.learn(endpoint, index, fallback)
                return completion, index, fallback
            if rejects_mode(failure, mode) and index < last:
                fallback = f"{mode} refused with {status_text(failure)}"
                index, resume = index + 1, None
                continue
            if not (hold and server_error(failure)):
                raise self._failure(failure, mode, tally.attempts) from failure
            spent = tally.attempts - first
            learned = self._learned.get(endpoint)  # other answers may have learned meanwhile
            if learned is not None and learned.index > index:
                index, fallback, resume = learned.index, learned.fallback, None
                continue
            if learned is not None and learned.index == index:  # the mode works: an outage
                resume = (spent, failure)
                continue
            if spent >= self.retry.max_attempts:
                raise self._failure(failure, mode, tally.attempts) from failure
            probe_mode = self.modes[index + 1]
            probe_body = self._body(request, follow_up, probe_mode)
            try:
                completion = yield Step(probe_body, probe_mode, probe=True)
            except openai.OpenAIError:
                # the next mode fails too: not a mode the endpoint lacks but an outage, so the
                # better mode gets the rest of the retry budget
                resume = (tally.attempts - first, failure)
                if resume[0] >= self.retry.max_attempts:
                    raise self._failure(failure, mode, tally.attempts) from failure
                continue
            fallback = f"{mode} failed with {status_text(failure)} while {probe_mode} worked"
            self._learned.learn(endpoint, index + 1, fallback)
            return completion, index + 1, fallback

    def _body(
        self, request: JudgeRequest, follow_up: list[Message], mode: OutputMode
    ) -> dict[str, Any]:
        prompt = request.messages_for(schema_enforced=schema_enforced(mode))
        return chat_body(
            model=self.model,
            messages=[*prompt, *follow_up],
            schema=request.schema,
            mode=mode,
            temperature=self.temperature,
            seed=self.seed,
            max_tokens=self.max_tokens,
        )

    def _send(self, client: openai.OpenAI, body: dict[str, Any], tally: Tally) -> Reply:
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
            raise tally.annotate(exc, mode_of(body)) from exc.__cause__

    async def _asend(self, client: openai.AsyncOpenAI, body: dict[str, Any], tally: Tally) -> Reply:
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
            raise tally.annotate(exc, mode_of(body)) from exc.__cause__

    def _failure(self, exc: openai.OpenAIError, mode: OutputMode, attempts: int) -> Exception:
        key = getattr(self._client or self._aclient, "api_key", None)
        return failure_of(
            exc, mode, attempts, endpoint=self.endpoint, api_key=key, timeout=self.timeout
        )
