"""What every judge takes and gives: ``JudgeRequest`` in, ``JudgeReply`` out.

A judge turns one rendered request into one validated ``Judgment``. It raises
``JudgeProtocolError`` (with a ``reason``) when it cannot; the evaluator turns that into an
``unscored`` result. Judges: ``OpenAIJudge`` (any OpenAI-compatible endpoint), ``OfflineJudge``
(deterministic, no network) and ``answer_eval.testing.FakeJudge``.

The contract is explicit: a judge declares its ``settings`` (one frozen model: what shapes its
replies, read by the cache key and by provenance), ``judge`` / ``ajudge`` take the retry hook as
an argument (nobody patches it on), and ``close`` / ``aclose`` release connections. Wrappers
(the response cache) subclass ``JudgeWrapper``, which forwards exactly these members.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from answer_eval.evaluation import JudgeKind, ReviewFlag, Usage
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import Judgment, judgment_schema
from answer_eval.prompting import Message, render_messages
from answer_eval.prompting import prompt_hash as templates_hash
from answer_eval.rubrics.models import Dimension, Question

if TYPE_CHECKING:
    from answer_eval.privacy.redaction import Redaction

__all__ = [
    "Judge",
    "JudgeKind",
    "JudgeReply",
    "JudgeRequest",
    "JudgeSettings",
    "JudgeWrapper",
    "LocalJudge",
    "RetryHook",
]


class JudgeSettings(BaseModel):
    """What shapes a judge's replies: the response cache keys on it, provenance records it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: JudgeKind = Field(description="Which kind of judge: openai, offline or fake.")
    model: str = Field(description="The model name (or the rule set's version, offline).")
    endpoint: str | None = Field(
        default=None, description="The endpoint's base URL without credentials or query."
    )
    output_modes: tuple[str, ...] = Field(
        default=(), description="The structured-output modes it tries, best first."
    )
    temperature: float | None = Field(default=None, description="Sampling temperature.")
    seed: int | None = Field(default=None, description="Sampling seed, where supported.")
    max_tokens: int | None = Field(default=None, description="Completion token limit.")


@dataclass(frozen=True)
class JudgeRequest:
    """Everything a judge needs about one answer.

    ``messages``, ``messages_with_shape`` and ``schema`` are for model judges; ``question``,
    ``dimensions`` and ``answer`` let rule-based judges work on the same request. ``render``
    builds one from the prompt templates. ``answer`` is the text the judge may see: with
    ``redaction`` set, personal data in it is replaced by placeholders.
    """

    question: Question
    dimensions: tuple[Dimension, ...]
    answer: str
    messages: tuple[Message, ...]
    """The prompt for an endpoint that enforces ``schema``: it does not spell out the reply."""
    schema: dict[str, Any]
    prompt_hash: str
    messages_with_shape: tuple[Message, ...] = ()
    """The same prompt with an example of the reply's shape, for endpoints that do not enforce
    ``schema``; empty when ``messages`` serve every endpoint."""
    redaction: Redaction | None = None
    """What was replaced in ``answer`` before the judge saw it (None: nothing was)."""

    def messages_for(self, *, schema_enforced: bool) -> tuple[Message, ...]:
        """The prompt to send to an endpoint that does (or does not) enforce ``schema``."""
        if schema_enforced or not self.messages_with_shape:
            return self.messages
        return self.messages_with_shape

    @classmethod
    def render(
        cls,
        *,
        question: Question,
        dimensions: tuple[Dimension, ...],
        answer: str,
        templates: Path | None = None,
        prompt_hash: str | None = None,
        redaction: Redaction | None = None,
        schema: dict[str, Any] | None = None,
    ) -> JudgeRequest:
        """The request for ``answer`` (already redacted when ``redaction`` is given): both
        prompts, the judgment schema (``schema`` when the caller built it already) and the
        prompt hash."""

        def prompt(reply_shape: bool) -> tuple[Message, ...]:
            return render_messages(
                question=question,
                dimensions=dimensions,
                answer=answer,
                reply_shape=reply_shape,
                templates=templates,
            )

        return cls(
            question=question,
            dimensions=dimensions,
            answer=answer,
            messages=prompt(False),
            schema=schema if schema is not None else judgment_schema(question),
            prompt_hash=prompt_hash or templates_hash(templates),
            messages_with_shape=prompt(True),
            redaction=redaction,
        )

    @property
    def original_answer(self) -> str:
        """The candidate's own text (``answer`` before redaction)."""
        return self.redaction.original if self.redaction is not None else self.answer


@dataclass(frozen=True)
class JudgeReply:
    """A validated judgment and how it was obtained."""

    judgment: Judgment
    model: str
    output_mode: str
    usage: Usage = field(default_factory=Usage)
    mode_fallback: str | None = None
    """Why ``output_mode`` is not the judge's first choice (which mode failed, how), if so."""
    attempts: int = 1
    latency_ms: float = 0.0
    endpoint: str | None = None
    temperature: float | None = None
    seed: int | None = None
    max_tokens: int | None = None
    review_flags: tuple[ReviewFlag, ...] = ()  # what the judge asks a human to look at


@runtime_checkable
class Judge(Protocol):
    """A judge: one request in, one validated judgment out (or ``JudgeProtocolError``)."""

    kind: JudgeKind

    @property
    def settings(self) -> JudgeSettings:
        """What shapes this judge's replies."""
        ...

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer synchronously; ``on_retry`` hears of each transient retry."""
        ...

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        """Judge one answer asynchronously."""
        ...

    def close(self) -> None:
        """Release what the judge opened (HTTP clients it built); a no-op when it opened none."""
        ...

    async def aclose(self) -> None:
        """Async twin of ``close``; call it inside the loop that used the judge."""
        ...


class LocalJudge(ABC):
    """Base of judges that work in this process with nothing to release (offline, fake):
    ``ajudge`` runs ``judge`` inline, ``close`` and ``aclose`` do nothing."""

    @abstractmethod
    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer."""

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        """Judge one answer inline (it takes no I/O)."""
        return self.judge(request, on_retry=on_retry)

    def close(self) -> None:  # noqa: B027  (deliberately empty: nothing to release)
        """Nothing to release."""

    async def aclose(self) -> None:  # noqa: B027
        """Nothing to release."""


class JudgeWrapper:
    """Base of judges that wrap another: forwards the declared members of ``Judge`` only.

    A subclass overrides what it changes (the cache overrides ``judge`` and ``ajudge``); nothing
    else of the inner judge is reachable through the wrapper, so callers depend on the contract.
    """

    def __init__(self, inner: Judge) -> None:
        self.inner = inner
        self.kind: JudgeKind = inner.kind

    @property
    def settings(self) -> JudgeSettings:
        """The inner judge's settings."""
        return self.inner.settings

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Ask the inner judge."""
        return self.inner.judge(request, on_retry=on_retry)

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        """Ask the inner judge."""
        return await self.inner.ajudge(request, on_retry=on_retry)

    def close(self) -> None:
        """Close the inner judge."""
        self.inner.close()

    async def aclose(self) -> None:
        """Close the inner judge."""
        await self.inner.aclose()
