"""The OpenAI chat-completions protocol, without I/O: one place for what goes out and comes back.

Used by the live ``OpenAIJudge`` and by the Batch API path alike:

* ``Endpoint``: model, base URL and key, resolved once from arguments then the environment
  (``ANSWER_EVAL_MODEL`` / ``OPENAI_MODEL``, ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``);
* ``public_url``: an endpoint as it may be stored or shown (no credentials, no query);
* ``chat_body``: the request body for an output mode (``schema_enforced``: whether the
  prompt of that mode must show the reply's shape);
* ``reply_text``, ``reply_usage``, ``decode_reply``: reading a completion (as a dict): refusal,
  finish reason, tokens, and the JSON judgment (a code fence around it is tolerated; anything
  else around it is not, so a judgment quoted from the answer can never be picked out of prose).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from answer_eval.errors import JudgeConfigError, JudgeProtocolError
from answer_eval.evaluation import Usage
from answer_eval.judgment import JudgmentError
from answer_eval.prompting import Message

__all__ = [
    "CHAT_PATH",
    "DEFAULT_BASE_URL",
    "MODES",
    "PLACEHOLDER_KEY",
    "Endpoint",
    "OutputMode",
    "chat_body",
    "decode_reply",
    "public_url",
    "reply_text",
    "reply_usage",
    "schema_enforced",
]

OutputMode = Literal["json_schema", "json_object", "text"]
MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "text")
CHAT_PATH = "/v1/chat/completions"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
PLACEHOLDER_KEY = "no-key"
"""Local servers need no key, but the SDK insists on one."""

_FENCE = re.compile(r"^```[a-zA-Z]*[ \t]*\n?(.*?)\n?```$", re.DOTALL)


def public_url(url: str) -> str:
    """``url`` without user, password, query or fragment, and without a trailing slash."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", "")).rstrip("/")


def _check_key(key: str) -> None:
    """An HTTP header carries only printable ASCII: say so now, without showing the key."""
    for position, char in enumerate(key, start=1):
        if not " " < char < "\x7f":
            raise JudgeConfigError(
                f"the API key has a character an HTTP header cannot carry at position {position} "
                "(a space, a control character or a non-ASCII letter such as a typographic "
                "quote); check OPENAI_API_KEY or api_key="
            )


@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible endpoint: which model, where, and the key (never shown)."""

    model: str | None
    base_url: str | None
    api_key: str | None = field(default=None, repr=False)

    @classmethod
    def resolve(
        cls,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Endpoint:
        """Arguments first, then the environment; a base URL must be http(s)."""
        environ = os.environ if env is None else env
        model = model or environ.get("ANSWER_EVAL_MODEL") or environ.get("OPENAI_MODEL") or None
        base_url = base_url or environ.get("OPENAI_BASE_URL") or None
        api_key = api_key or environ.get("OPENAI_API_KEY") or None
        if base_url is not None and urlsplit(base_url).scheme not in ("http", "https"):
            raise JudgeConfigError(f"base_url must be an http(s) URL, got {public_url(base_url)!r}")
        if api_key is not None:
            _check_key(api_key)
        return cls(model=model, base_url=base_url, api_key=api_key)

    @property
    def configured(self) -> bool:
        """True when a base URL or a key says that a model endpoint is meant to be used."""
        return bool(self.base_url or self.api_key)

    @property
    def public(self) -> str:
        """The base URL as it may be stored and shown."""
        return public_url(self.base_url or DEFAULT_BASE_URL)

    def require_model(self) -> str:
        """The model name, or a ``JudgeConfigError`` saying how to give one."""
        if not self.model:
            raise JudgeConfigError(
                "no model: pass model= (--model) or set ANSWER_EVAL_MODEL / OPENAI_MODEL"
            )
        return self.model

    def client_options(self) -> dict[str, Any]:
        """``api_key`` and ``base_url`` for an ``openai`` client (a placeholder key when local)."""
        key = self.api_key
        if key is None:
            if self.base_url is None:
                raise JudgeConfigError(
                    "no API key: pass api_key= or set OPENAI_API_KEY (or a base_url)"
                )
            key = PLACEHOLDER_KEY
        return {"api_key": key, "base_url": self.base_url}


def schema_enforced(mode: OutputMode) -> bool:
    """True when ``mode`` makes the endpoint keep replies to the schema, so the prompt need not
    show the reply's shape (``json_object`` with a schema is enforced by llama.cpp but ignored
    by OpenAI, so it still gets the shape)."""
    return mode == "json_schema"


def chat_body(
    *,
    model: str,
    messages: Sequence[Message],
    schema: Mapping[str, Any],
    mode: OutputMode,
    temperature: float | None = None,
    seed: int | None = None,
    max_tokens: int | None = None,
) -> dict[str, Any]:
    """The chat-completion request for ``mode``: ``json_schema`` strict, ``json_object`` with
    the schema (llama.cpp constrains to it; OpenAI ignores the key) or plain ``text``."""
    body: dict[str, Any] = {"model": model, "messages": [dict(m) for m in messages]}
    if mode == "json_schema":
        body["response_format"] = {
            "type": "json_schema",
            "json_schema": {"name": "judgment", "schema": schema, "strict": True},
        }
    elif mode == "json_object":
        body["response_format"] = {"type": "json_object", "schema": schema}
    for key, value in (("temperature", temperature), ("seed", seed), ("max_tokens", max_tokens)):
        if value is not None:
            body[key] = value
    return body


def reply_text(reply: Mapping[str, Any], *, attempts: int = 1) -> str:
    """The first choice's text, or the ``JudgeProtocolError`` its finish reason or refusal shows."""
    choices = reply.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], Mapping):
        raise JudgeProtocolError("error", "the reply has no choices", attempts=attempts)
    choice = choices[0]
    message = choice.get("message")
    message = message if isinstance(message, Mapping) else {}
    finish = choice.get("finish_reason")
    if finish == "length":
        raise JudgeProtocolError("truncated", "the reply hit max_tokens", attempts=attempts)
    if refusal := message.get("refusal"):
        text = f"the model refused: {str(refusal)[:300]}"
        raise JudgeProtocolError("refusal", text, attempts=attempts)
    if finish == "content_filter":
        text = "the provider's content filter stopped the reply"
        raise JudgeProtocolError("content_filter", text, attempts=attempts)
    content = message.get("content")
    return content if isinstance(content, str) else ""


def reply_usage(reply: Mapping[str, Any]) -> Usage:
    """The tokens a reply reports (zeros when it reports none)."""
    usage = reply.get("usage")
    if not isinstance(usage, Mapping):
        return Usage()
    details = usage.get("prompt_tokens_details")
    cached = details.get("cached_tokens") if isinstance(details, Mapping) else None
    return Usage(
        prompt_tokens=int(usage.get("prompt_tokens") or 0),
        completion_tokens=int(usage.get("completion_tokens") or 0),
        cached_tokens=int(cached or 0),
    )


def decode_reply(content: str) -> Any:
    """The JSON value of a reply that is, as a whole, one JSON document (a code fence allowed).

    Raises ``JudgmentError`` otherwise, with a message the re-ask shows the model.
    """
    text = content.strip()
    if fenced := _FENCE.match(text):
        text = fenced.group(1).strip()
    if not text:
        raise JudgmentError(["(top level): the reply is empty; send one JSON object"])
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as exc:
        raise JudgmentError([f"(top level): the key {exc.key!r} appears twice"]) from exc
    except ValueError as exc:
        raise JudgmentError(
            [f"(top level): the reply must be one JSON object and nothing else ({exc})"]
        ) from exc


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members; a key given twice is refused, since "the last one wins" would let
    a second, forged member (``"score"`` spelled ``"\u0073core"``) replace the judge's own."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(key)
        found[key] = value
    return found
