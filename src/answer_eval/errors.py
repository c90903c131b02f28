"""The answer-eval exception tree.

Every error the library raises on purpose derives from ``AnswerEvalError``::

    AnswerEvalError
    ├── RubricError            a rubric file or rubric set is invalid (names file and field)
    │   └── UnknownQuestionError   a question id is not in the rubric set
    ├── PromptError            a prompt template is missing or fails to render
    ├── JudgeError             talking to a judge failed for good
    │   ├── JudgeConfigError       the judge cannot be built (no model, bad base_url)
    │   └── JudgeProtocolError     the judge's reply cannot be used (refusal, truncation,
    │                              invalid after re-asks); carries ``reason`` for ``unscored``
    ├── InputError             an answer or an input file cannot be used (empty, unreadable)
    │   └── OutputLockedError      another process is writing the same results file
    ├── GoldenSetError         a golden set file is invalid
    └── AuditLogError          an audit log cannot be read or appended to (torn last line)

Failures while scoring one answer are normally *results* (an ``unscored`` Evaluation with its
reason), not exceptions: these classes are raised only where the caller must act.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AnswerEvalError",
    "AuditLogError",
    "GoldenSetError",
    "InputError",
    "JudgeConfigError",
    "JudgeError",
    "JudgeProtocolError",
    "OutputLockedError",
    "PromptError",
    "RubricError",
    "UnknownQuestionError",
]


class AnswerEvalError(Exception):
    """Root of every error answer-eval raises on purpose."""


class RubricError(AnswerEvalError):
    """A rubric file or set is invalid. ``problems`` lists one readable line per fault."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems: list[str] = problems if problems is not None else [message]
        super().__init__(message)


class UnknownQuestionError(RubricError):
    """A question id is not defined in the rubric set."""


class PromptError(AnswerEvalError):
    """A prompt template is missing or cannot be rendered."""


class JudgeError(AnswerEvalError):
    """A judge could not produce a judgment."""


class JudgeConfigError(JudgeError):
    """The judge cannot be configured (no model name, no endpoint, bad client)."""


class JudgeProtocolError(JudgeError):
    """The judge answered, but not with a usable judgment.

    ``reason`` is a stable machine-readable code: ``refusal``, ``truncated``,
    ``invalid_output``, ``content_filter``, ``transport``, ``rate_limited`` or ``error``.
    ``attempts``, ``usage`` and ``output_mode`` record what was spent before failing, for
    provenance and cost; ``retry_after`` the seconds a rate-limiting server asked to wait.
    """

    def __init__(
        self,
        reason: str,
        message: str,
        *,
        attempts: int = 0,
        usage: Any = None,
        output_mode: str | None = None,
        model: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.reason = reason
        self.retry_after = retry_after
        self.attempts = attempts
        self.usage = usage  # answer_eval.Usage spent before failing, when known
        self.output_mode = output_mode
        self.model = model
        super().__init__(message)


class InputError(AnswerEvalError):
    """An answer or input file cannot be used."""


class OutputLockedError(InputError):
    """Another process holds the lock on a results file: two writers would double its records."""


class GoldenSetError(AnswerEvalError):
    """A golden set file is invalid. ``problems`` lists one readable line per fault."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems: list[str] = problems if problems is not None else [message]
        super().__init__(message)


class AuditLogError(AnswerEvalError):
    """An audit log cannot be read, or cannot be appended to safely (its last line is torn)."""
