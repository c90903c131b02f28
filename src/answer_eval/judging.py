"""What every judge takes and gives: ``JudgeRequest`` in, ``JudgeReply`` out.

A judge turns one rendered request into one validated ``Judgment``. It raises
``JudgeProtocolError`` (with a ``reason``) when it cannot; the evaluator turns that into an
``unscored`` result. Judges: ``OpenAIJudge`` (any OpenAI-compatible endpoint), ``OfflineJudge``
(deterministic, no network) and ``answer_eval.testing.FakeJudge``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from answer_eval.evaluation import Usage
from answer_eval.judgment import Judgment
from answer_eval.prompting import Message
from answer_eval.rubric import Dimension, Question

__all__ = ["Judge", "JudgeKind", "JudgeReply", "JudgeRequest"]

JudgeKind = Literal["openai", "offline", "fake"]


@dataclass(frozen=True)
class JudgeRequest:
    """Everything a judge needs about one answer.

    ``messages`` and ``schema`` are for model judges; ``question``, ``dimensions`` and ``answer``
    let rule-based judges work on the same request.
    """

    question: Question
    dimensions: tuple[Dimension, ...]
    answer: str
    messages: tuple[Message, ...]
    schema: dict[str, Any]
    prompt_hash: str


@dataclass(frozen=True)
class JudgeReply:
    """A validated judgment and how it was obtained."""

    judgment: Judgment
    model: str
    output_mode: str
    usage: Usage = field(default_factory=Usage)
    attempts: int = 1
    latency_ms: float = 0.0
    endpoint: str | None = None
    temperature: float | None = None
    seed: int | None = None
    max_tokens: int | None = None


@runtime_checkable
class Judge(Protocol):
    """A judge: one request in, one validated judgment out (or ``JudgeProtocolError``)."""

    kind: JudgeKind

    def judge(self, request: JudgeRequest) -> JudgeReply:
        """Judge one answer synchronously."""
        ...

    async def ajudge(self, request: JudgeRequest) -> JudgeReply:
        """Judge one answer asynchronously."""
        ...
