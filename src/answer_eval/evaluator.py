"""The evaluator: rubric + answer -> one judge call -> grounded, scored ``Evaluation``.

``Evaluator.evaluate`` never raises for a judge failure: a refusal, a truncated or invalid reply,
or a transport failure becomes an ``unscored`` Evaluation with its reason. It raises only for
caller errors: an unknown question (``UnknownQuestionError``) or an unusable answer
(``InputError``), which batch jobs report per row.

Two audit hooks (``answer_eval.audit``): a ``Redactor`` replaces personal data before the answer
reaches the judge and maps the judge's quotes back onto the original; an ``AuditLog`` gets one
hash-chained line per evaluation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, get_args

from answer_eval._version import __version__
from answer_eval.checks import cue_red_flags
from answer_eval.errors import InputError, JudgeError, JudgeProtocolError
from answer_eval.evaluation import Evaluation, Provenance, ReviewFlag, UnscoredReason, Usage
from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import judgment_schema
from answer_eval.manipulation import manipulation_signals
from answer_eval.privacy.redaction import Redactor, redactor_for
from answer_eval.prompting import prompt_hash
from answer_eval.resources import prompts_dir
from answer_eval.rubrics.loading import default_rubric_set
from answer_eval.rubrics.models import Dimension, Question, RubricSet
from answer_eval.scoring import grade


class EvaluationLog(Protocol):
    """Where each evaluation is recorded as it is made (``answer_eval.audit.AuditLog``)."""

    def record(self, evaluation: Evaluation, *, answer: str) -> object:
        """Record ``evaluation`` of ``answer``."""
        ...


__all__ = ["MAX_ANSWER_CHARS", "Evaluator"]

MAX_ANSWER_CHARS = 20_000

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Evaluator:
    """Grades answers to the questions of one rubric set with one judge.

    ``judge`` defaults to ``choose_judge("auto")``: an OpenAI-compatible judge when an endpoint
    or key is configured in the environment, otherwise the offline judge. Holds no global state;
    safe to share across threads and tasks when the judge is.

    ``redact``: True, False, a ``Redactor``, or None (the default) for on when the judge sends
    text to a non-local endpoint and off otherwise (``privacy.redaction.redaction_default``).
    ``audit_log``: an ``AuditLog`` that gets one line per evaluation, scored or not.
    """

    def __init__(
        self,
        *,
        judge: Judge | None = None,
        rubric_set: RubricSet | None = None,
        templates: Path | None = None,
        max_answer_chars: int = MAX_ANSWER_CHARS,
        clock: Clock = _utc_now,
        redact: bool | Redactor | None = None,
        audit_log: EvaluationLog | None = None,
    ) -> None:
        if judge is None:
            from answer_eval.judges.choice import choose_judge

            judge = choose_judge("auto")
        self.judge: Judge = judge
        self.rubric_set = rubric_set or default_rubric_set()
        self.templates = templates
        self.max_answer_chars = max_answer_chars
        self._clock = clock
        self._prompt_hash = prompt_hash(templates)
        self.redactor = redactor_for(redact, judge.kind, judge.settings.endpoint)
        self.audit_log = audit_log
        # per question, built once: its dimensions and the judgment schema (pure functions of
        # the frozen rubric set, the same for every answer)
        self._static: dict[str, tuple[tuple[Dimension, ...], dict[str, Any], str]] = {}
        self._folder = templates or prompts_dir()  # resolved once, not per answer

    # ------------------------------------------------------------------ stages

    def request(self, question_id: str, answer: str) -> JudgeRequest:
        """Validate the input and render the judge request (pure apart from reading templates)."""
        question = self.rubric_set.question(question_id)
        if not isinstance(answer, str) or not answer.strip():
            raise InputError("the answer is empty")
        if len(answer) > self.max_answer_chars:
            raise InputError(
                f"the answer has {len(answer)} characters; the limit is {self.max_answer_chars}"
            )
        dimensions, schema, _ = self._question_static(question)
        redaction = self.redactor.redact(answer) if self.redactor is not None else None
        sent = redaction.text if redaction is not None else answer
        return JudgeRequest.render(
            question=question,
            dimensions=dimensions,
            answer=sent,
            templates=self._folder,
            schema=schema,
            prompt_hash=self._prompt_hash,
            redaction=redaction,
        )

    def _question_static(
        self, question: Question
    ) -> tuple[tuple[Dimension, ...], dict[str, Any], str]:
        """The question's dimensions, judgment schema and rubric content hash, built once."""
        static = self._static.get(question.id)
        if static is None:
            dims = tuple(self.rubric_set.dimension(d) for d in question.applicable_dimensions())
            rubric_hash = self.rubric_set.content_hash(question.id)
            static = self._static[question.id] = (dims, judgment_schema(question), rubric_hash)
        return static

    def _provenance(
        self, request: JudgeRequest, reply: JudgeReply | None, **extra: object
    ) -> Provenance:
        judge = self.judge
        fields: dict[str, object] = {
            "library_version": __version__,
            "rubric_set": f"{self.rubric_set.id}@{self.rubric_set.version}",
            "question_id": request.question.id,
            "rubric_hash": self._question_static(request.question)[2],
            "prompt_hash": request.prompt_hash,
            "judge": judge.kind,
            "model": judge.settings.model,
            "endpoint": judge.settings.endpoint,
            "output_mode": "offline" if judge.kind == "offline" else "unknown",
            "created_at": self._clock(),
            "latency_ms": 0.0,
            "attempts": 0,
            "redacted": request.redaction.counts() if request.redaction is not None else None,
        }
        if reply is not None:
            fields.update(
                model=reply.model,
                endpoint=reply.endpoint,
                output_mode=reply.output_mode,
                mode_fallback=reply.mode_fallback,
                temperature=reply.temperature,
                seed=reply.seed,
                max_tokens=reply.max_tokens,
                usage=reply.usage,
                latency_ms=reply.latency_ms,
                attempts=reply.attempts,
            )
        fields.update(extra)
        return Provenance.model_validate(fields)

    def finish(
        self, request: JudgeRequest, reply: JudgeReply, *, answer_id: str | None = None
    ) -> Evaluation:
        """Ground and score a judge's reply (pure, apart from the audit log line)."""
        question, answer = request.question, request.original_answer
        judgment = reply.judgment
        if request.redaction is not None:  # quotes of the redacted text -> the answer's words
            judgment = request.redaction.restore_judgment(judgment)
        result = grade(
            self.rubric_set,
            question,
            judgment,
            answer,
            cue_hits=cue_red_flags(question, answer),
        )
        review = list(result.review_flags)
        signals = manipulation_signals(answer)
        if signals:
            kinds = ", ".join(sorted({s.kind for s in signals}))
            review.append(
                ReviewFlag(
                    code="injection_attempt",
                    message=f"the answer appears to address the evaluator in {len(signals)} "
                    f"place(s) ({kinds}), first at characters {signals[0].start}-"
                    f"{signals[0].end}: {signals[0].text[:120]!r}",
                )
            )
        elif judgment.injection.detected:
            quoted = (judgment.injection.evidence or [""])[0]
            review.append(
                ReviewFlag(
                    code="injection_attempt",
                    message=f"the judge says the answer addresses the evaluator: {quoted[:120]!r}",
                )
            )
        review.extend(reply.review_flags)
        if self.judge.kind == "offline":
            review.append(
                ReviewFlag(
                    code="offline_judge",
                    message="scored by the offline rule-based judge (a baseline, not an LLM)",
                )
            )
        evaluation = Evaluation(
            question_id=question.id,
            answer_id=answer_id,
            status="scored",
            overall=result.overall,
            overall_100=result.overall_100,
            recommendation=result.recommendation,
            criteria_coverage=result.criteria_coverage,
            dimensions=result.dimensions,
            star=result.star,
            criteria=result.criteria,
            red_flags=result.red_flags,
            review_flags=review,
            provenance=self._provenance(request, reply),
        )
        return self._logged(request, evaluation)

    def unscored(
        self,
        request: JudgeRequest,
        error: JudgeError,
        latency_ms: float,
        *,
        answer_id: str | None = None,
    ) -> Evaluation:
        """The result for an answer the judge could not score."""
        protocol = error if isinstance(error, JudgeProtocolError) else None
        reason = protocol.reason if protocol else "error"
        spent: dict[str, object] = {"latency_ms": latency_ms, "attempts": 0, "usage": Usage()}
        if protocol is not None:
            spent["attempts"] = protocol.attempts
            if isinstance(protocol.usage, Usage):
                spent["usage"] = protocol.usage
            if protocol.output_mode:
                spent["output_mode"] = protocol.output_mode
            if protocol.model:
                spent["model"] = protocol.model
        evaluation = Evaluation(
            question_id=request.question.id,
            answer_id=answer_id,
            status="unscored",
            unscored_reason=reason if reason in get_args(UnscoredReason) else "error",
            detail=str(error),
            review_flags=[ReviewFlag(code="unscored", message=f"not scored ({reason}): {error}")],
            provenance=self._provenance(request, None, **spent),
        )
        return self._logged(request, evaluation)

    def _logged(self, request: JudgeRequest, evaluation: Evaluation) -> Evaluation:
        if self.audit_log is not None:
            self.audit_log.record(evaluation, answer=request.original_answer)
        return evaluation

    # ------------------------------------------------------------------ API

    def evaluate(
        self,
        question_id: str,
        answer: str,
        *,
        answer_id: str | None = None,
        on_retry: RetryHook | None = None,
    ) -> Evaluation:
        """Grade one answer; judge failures give an ``unscored`` Evaluation.

        ``on_retry(error, wait_seconds)`` hears of each transient retry (a batch limiter does).
        """
        request = self.request(question_id, answer)
        started = time.perf_counter()
        try:
            reply = self.judge.judge(request, on_retry=on_retry)
        except JudgeError as exc:
            return self.unscored(
                request, exc, (time.perf_counter() - started) * 1000, answer_id=answer_id
            )
        return self.finish(request, reply, answer_id=answer_id)

    async def aevaluate(
        self,
        question_id: str,
        answer: str,
        *,
        answer_id: str | None = None,
        on_retry: RetryHook | None = None,
    ) -> Evaluation:
        """Async twin of ``evaluate``."""
        request = self.request(question_id, answer)
        started = time.perf_counter()
        try:
            reply = await self.judge.ajudge(request, on_retry=on_retry)
        except JudgeError as exc:
            return self.unscored(
                request, exc, (time.perf_counter() - started) * 1000, answer_id=answer_id
            )
        return self.finish(request, reply, answer_id=answer_id)
