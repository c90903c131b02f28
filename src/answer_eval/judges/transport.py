"""One chat-completion request on the wire, bounded in time and in size (sync and async).

The judge sends its request body through the openai client's documented low-level ``post``
(``cast_to=httpx2.Response``, streamed), so the client's base URL, key, headers and error types
apply, while the reply is read here, chunk by chunk:

* the read stops at ``max_bytes`` (``ReplyTooLargeError``): a 50 MB reply is never held, parsed
  or sent back in a re-ask;
* the read stops at the call's ``deadline`` (``time.monotonic()`` seconds): a server that drips
  a byte every few seconds cannot hold a call open, as it can with per-read timeouts alone. Each
  request also carries ``deadline - now`` as its per-read timeout, so a silent server is cut off
  at the deadline too;
* the body is decoded as JSON into a dict (a 200 that is not JSON is a protocol error).

Skipping the SDK's request transformation and response models also saves about a third of the
CPU the SDK spends per call, which a batch of thousands of answers feels; ``encode_body`` encodes
the parts every answer to a question shares (the rubric's system message, the judgment schema)
once, not once per answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import httpx2
import openai

from answer_eval.errors import JudgeProtocolError

__all__ = [
    "DEFAULT_MAX_REPLY_BYTES",
    "DeadlineExceededError",
    "ReplyTooLargeError",
    "apost_chat",
    "encode_body",
    "post_chat",
]

DEFAULT_MAX_REPLY_BYTES = 1_000_000
"""A judgment is a few kilobytes (max_tokens bounds a well-behaved server); 1 MB is generous."""

_PATH = "/chat/completions"


class ReplyTooLargeError(JudgeProtocolError):
    """The reply body passed the size cap; nothing of it is used."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            "invalid_output", f"the reply is larger than {limit:,} bytes (max_reply_bytes)"
        )


class DeadlineExceededError(JudgeProtocolError):
    """The call's total time ran out (``timeout``), while waiting, sending or reading."""

    def __init__(self, timeout: float) -> None:
        super().__init__("transport", f"no complete reply within the {timeout:g} s timeout")


_SHARED: dict[int, tuple[object, bytes]] = {}


def _dumps(value: object) -> bytes:
    # the SDK's own JSON settings (openai._utils._json.openapi_dumps)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _shared(value: object) -> bytes:
    """The JSON of a value many requests share, by identity: encoded on first use only."""
    known = _SHARED.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    if len(_SHARED) >= 1024:
        _SHARED.clear()
    data = _dumps(value)
    _SHARED[id(value)] = (value, data)
    return data


def _message(message: Mapping[str, Any]) -> bytes:
    fields = (
        _dumps(key) + b":" + (_shared(v) if key == "content" and message.get("role") == "system"
                              else _dumps(v))
        for key, v in message.items()
    )  # fmt: skip
    return b"{" + b",".join(fields) + b"}"


def _response_format(value: Mapping[str, Any]) -> bytes:
    fields = []
    for key, v in value.items():
        if key == "json_schema" and isinstance(v, Mapping):
            inner = (_dumps(k) + b":" + (_shared(x) if k == "schema" else _dumps(x))
                     for k, x in v.items())  # fmt: skip
            fields.append(_dumps(key) + b":{" + b",".join(inner) + b"}")
        else:
            fields.append(_dumps(key) + b":" + (_shared(v) if key == "schema" else _dumps(v)))
    return b"{" + b",".join(fields) + b"}"


def encode_body(body: Mapping[str, Any]) -> bytes:
    """``body`` as JSON bytes, byte for byte what the SDK would send, with the rubric's system
    message and the judgment schema encoded once per object rather than once per request."""
    fields = []
    for key, value in body.items():
        if key == "messages":
            encoded = b"[" + b",".join(_message(m) for m in value) + b"]"
        elif key == "response_format" and isinstance(value, Mapping):
            encoded = _response_format(value)
        else:
            encoded = _dumps(value)
        fields.append(_dumps(key) + b":" + encoded)
    return b"{" + b",".join(fields) + b"}"


def _remaining(deadline: float) -> float:
    return deadline - time.monotonic()


def _decode(data: bytes) -> dict[str, Any]:
    try:
        reply = json.loads(data)
    except ValueError as exc:  # a proxy answering 200 with an HTML page: not a judgment
        message = f"the endpoint answered with a body that is not JSON ({exc})"
        raise JudgeProtocolError("error", message) from exc
    if not isinstance(reply, Mapping):
        raise JudgeProtocolError("error", "the endpoint answered with JSON that is not an object")
    return dict(reply)


class _Collector:
    """Collects body chunks, enforcing the size cap and the deadline after each one."""

    def __init__(self, deadline: float, max_bytes: int, timeout: float) -> None:
        self.deadline, self.max_bytes, self.timeout = deadline, max_bytes, timeout
        self.buffer = bytearray()

    def add(self, chunk: bytes) -> None:
        self.buffer += chunk
        if len(self.buffer) > self.max_bytes:
            raise ReplyTooLargeError(self.max_bytes)
        if _remaining(self.deadline) <= 0:
            raise DeadlineExceededError(self.timeout)


def _wire_error(exc: httpx2.HTTPError, request: httpx2.Request) -> openai.OpenAIError:
    """What the SDK would have raised for a failure while reading the body (both transient)."""
    if isinstance(exc, httpx2.TimeoutException):
        return openai.APITimeoutError(request=request)
    return openai.APIConnectionError(request=request)


def post_chat(
    client: openai.OpenAI,
    body: dict[str, Any],
    *,
    deadline: float,
    timeout: float,
    max_bytes: int = DEFAULT_MAX_REPLY_BYTES,
) -> dict[str, Any]:
    """POST ``body`` to ``/chat/completions``; the reply as a dict, read within the bounds.

    ``timeout`` is only named in the error when ``deadline`` passes. HTTP errors raise the
    SDK's ``APIStatusError`` family as usual (the retry layer reads their status and headers).
    """
    remaining = _remaining(deadline)
    if remaining <= 0:
        raise DeadlineExceededError(timeout)
    response: httpx2.Response = client.post(
        _PATH,
        cast_to=httpx2.Response,
        content=encode_body(body),
        options={"timeout": remaining},
        stream=True,
    )
    collector = _Collector(deadline, max_bytes, timeout)
    try:
        for chunk in _chunks(response):
            collector.add(chunk)
    finally:
        response.close()
    return _decode(bytes(collector.buffer))


def _chunks(response: httpx2.Response) -> Iterator[bytes]:
    try:
        yield from response.iter_bytes()
    except httpx2.HTTPError as exc:
        raise _wire_error(exc, response.request) from exc


async def apost_chat(
    client: openai.AsyncOpenAI,
    body: dict[str, Any],
    *,
    deadline: float,
    timeout: float,
    max_bytes: int = DEFAULT_MAX_REPLY_BYTES,
) -> dict[str, Any]:
    """Async twin of ``post_chat``."""
    remaining = _remaining(deadline)
    if remaining <= 0:
        raise DeadlineExceededError(timeout)
    response: httpx2.Response = await client.post(
        _PATH,
        cast_to=httpx2.Response,
        content=encode_body(body),
        options={"timeout": remaining},
        stream=True,
    )
    collector = _Collector(deadline, max_bytes, timeout)
    try:
        async for chunk in _achunks(response):
            collector.add(chunk)
    finally:
        await response.aclose()
    return _decode(bytes(collector.buffer))


async def _achunks(response: httpx2.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_bytes():
            yield chunk
    except httpx2.HTTPError as exc:
        raise _wire_error(exc, response.request) from exc
