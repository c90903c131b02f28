"""The public result: an ``Evaluation`` of one answer, with grounded evidence and provenance.

Stable, documented models that HR tools store. An evaluation is either ``scored`` or
``unscored`` (with ``unscored_reason``); an unscored evaluation never carries a score.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from answer_eval.rubrics.models import Recommendation, Severity

__all__ = [
    "CriterionResult",
    "DimensionResult",
    "Evaluation",
    "Evidence",
    "JudgeKind",
    "MatchKind",
    "Provenance",
    "RedFlagResult",
    "Rejection",
    "ReviewFlag",
    "Span",
    "StarResult",
    "UnscoredReason",
    "Usage",
]

MatchKind = Literal["exact", "normalized", "fuzzy", "elided"]
Rejection = Literal[
    "empty",
    "too_short",
    "not_found",
    "partial_word",
    "meaning_changed",
    "pieces_out_of_order",
]
JudgeKind = Literal["openai", "offline", "fake"]
UnscoredReason = Literal[
    "refusal",
    "truncated",
    "invalid_output",
    "content_filter",
    "transport",
    "rate_limited",
    "error",
    "input",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    """Where a quote sits in the answer: ``answer[start:end] == text``."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset after the last character.")
    text: str = Field(description="The answer's own text at that span.")
    match: MatchKind = Field(
        description="How the quote matched: exact; normalized (case, whitespace, typographic "
        "quotes); fuzzy (a near-copy differing only in spelling or small words); elided (a "
        "quote with '...' whose pieces were each found, in order: see Evidence.pieces)."
    )
    similarity: float = Field(
        ge=0,
        le=1,
        description="1.0 for exact/normalized; the character similarity of the final span for "
        "fuzzy; the lowest of its pieces' for elided.",
    )


class Evidence(_Model):
    """A quote the judge gave, and whether it really is in the answer."""

    quote: str = Field(
        description="The quote as the judge gave it (with redaction: in the answer's own words)."
    )
    verified: bool = Field(description="True when the quote was located in the answer.")
    span: Span | None = Field(
        default=None,
        description="Its location, when verified (for an elided quote: from the first piece's "
        "start to the last piece's end).",
    )
    pieces: list[Span] = Field(
        default_factory=list,
        description="For a verified elided quote, where each piece was found, in order.",
    )
    rejection: Rejection | None = Field(
        default=None,
        description="Why an unverified quote was rejected: empty; too_short (too few content "
        "words to be evidence); not_found; partial_word (found only inside longer words); "
        "meaning_changed (the nearest text negates or changes it: a negation, number, person "
        "or antonym-prone word differs, or a negation governs it); pieces_out_of_order (each "
        "piece of an elided quote exists, but not in that order).",
    )


class DimensionResult(_Model):
    """One dimension's grade."""

    id: str = Field(description="Dimension id.")
    name: str = Field(description="Dimension name.")
    status: Literal["scored", "not_applicable"] = Field(description="Scored, or why not.")
    score: int | None = Field(
        default=None, ge=1, le=5, description="1-5 when scored, after the evidence cap."
    )
    weight: float = Field(ge=0, description="The question's weight for this dimension.")
    evidence: list[Evidence] = Field(default_factory=list, description="Grounded quotes.")
    rationale: str = Field(default="", description="The judge's rationale.")
    reason: str | None = Field(default=None, description="Why it is not applicable.")
    judged_score: int | None = Field(
        default=None, ge=1, le=5, description="The judge's own score, before the evidence cap."
    )
    unsupported: bool = Field(
        default=False,
        description="True when the judge scored above the rubric's no-evidence level without a "
        "verified quote: the score is capped at that level (the judge gave no evidence, which "
        "is not the same as a weak answer).",
    )


class StarResult(_Model):
    """STAR components, each grounded in the answer or absent."""

    situation: Evidence | None = Field(default=None, description="Situation quote.")
    task: Evidence | None = Field(default=None, description="Task quote.")
    action: Evidence | None = Field(default=None, description="Action quote.")
    result: Evidence | None = Field(default=None, description="Result quote.")
    policy: Literal["required", "encouraged", "not_applicable"] = Field(
        description="Whether the question expects a STAR story."
    )

    def found(self) -> list[str]:
        """Names of the components with verified evidence."""
        parts = {
            "situation": self.situation,
            "task": self.task,
            "action": self.action,
            "result": self.result,
        }
        return [k for k, v in parts.items() if v is not None and v.verified]


class CriterionResult(_Model):
    """One best-response criterion and the verdict on it."""

    id: str = Field(description="Criterion id.")
    description: str = Field(description="What the criterion asks for.")
    weight: float = Field(ge=0, description="Its weight.")
    verdict: Literal["met", "partial", "not_met"] = Field(
        description="The verdict after grounding."
    )
    judged: Literal["met", "partial", "not_met"] = Field(description="The judge's own verdict.")
    evidence: list[Evidence] = Field(default_factory=list, description="Grounded quotes.")
    unsupported: bool = Field(
        default=False,
        description="True when the judge said met or partial without a verified quote: the "
        "verdict falls to not_met.",
    )


class RedFlagResult(_Model):
    """One red flag and whether it shows."""

    id: str = Field(description="Red flag id.")
    description: str = Field(description="What the red flag is.")
    severity: Severity = Field(description="minor, major or critical.")
    present: bool = Field(description="True when the red flag shows in the answer.")
    detected_by: list[Literal["judge", "cue"]] = Field(
        default_factory=list,
        description="Who found it: the judge, a verbatim cue-phrase check, or both.",
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Grounded quotes.")
    unsupported: bool = Field(
        default=False,
        description="True when the judge claimed it without a verified quote (not counted "
        "unless a cue phrase shows it).",
    )


class ReviewFlag(_Model):
    """A reason for a human to look at this result before relying on it."""

    code: Literal[
        "unverified_evidence",
        "injection_attempt",
        "judge_check_disagreement",
        "offline_judge",
        "unscored",
        "possible_keyword_stuffing",
        "offline_uncertain",
    ] = Field(description="Stable machine-readable code.")
    message: str = Field(description="What a reviewer should check.")
    ref: str | None = Field(
        default=None,
        description="The dimension, criterion or red flag concerned ('star.<part>' for a STAR "
        "component).",
    )
    failed_quotes: int | None = Field(
        default=None,
        ge=1,
        description="For unverified_evidence: how many of the judge's quotes for ref failed "
        "grounding.",
    )


class Usage(_Model):
    """Tokens the judge used."""

    prompt_tokens: int = Field(default=0, ge=0, description="Prompt tokens (all attempts).")
    completion_tokens: int = Field(default=0, ge=0, description="Completion tokens (all attempts).")
    cached_tokens: int = Field(default=0, ge=0, description="Prompt tokens served from cache.")


class Provenance(_Model):
    """How this result was produced, for audit and reproduction."""

    library_version: str = Field(description="answer-eval version.")
    rubric_set: str = Field(description="Rubric set id and version, 'id@version'.")
    question_id: str = Field(description="The question judged against.")
    rubric_hash: str = Field(description="Content hash of the question's rubric (SHA-256).")
    prompt_hash: str = Field(description="Hash of the prompt templates used (SHA-256).")
    judge: JudgeKind = Field(description="Which kind of judge answered.")
    model: str = Field(description="Model name as the endpoint reported it.")
    endpoint: str | None = Field(default=None, description="Base URL of the endpoint (no secrets).")
    output_mode: str = Field(description="json_schema, json_object, text, or offline.")
    mode_fallback: str | None = Field(
        default=None,
        description="Why output_mode is not the judge's first choice: the better mode this "
        "endpoint failed, and how (None when the first choice was used).",
    )
    temperature: float | None = Field(default=None, description="Sampling temperature.")
    seed: int | None = Field(default=None, description="Sampling seed.")
    max_tokens: int | None = Field(default=None, description="Completion token limit.")
    usage: Usage = Field(default_factory=Usage, description="Token usage.")
    latency_ms: float = Field(ge=0, description="Wall time of the judge call(s), milliseconds.")
    attempts: int = Field(ge=0, description="Requests sent, including retries and re-asks.")
    created_at: datetime = Field(description="When the evaluation finished (UTC).")
    redacted: dict[str, int] | None = Field(
        default=None,
        description="Personal data replaced before the answer was sent to the judge: counts "
        "per kind (email, url, phone, card, account, address, name), never the values; empty "
        "when redaction was on and found nothing; null when redaction was off.",
    )


class Evaluation(_Model):
    """The graded result for one answer."""

    question_id: str = Field(description="Question id.")
    answer_id: str | None = Field(default=None, description="Caller's id for the answer.")
    status: Literal["scored", "unscored"] = Field(description="scored, or unscored with a reason.")
    unscored_reason: UnscoredReason | None = Field(
        default=None, description="Why it was not scored."
    )
    detail: str | None = Field(default=None, description="Human-readable detail of a failure.")
    overall: float | None = Field(default=None, ge=1, le=5, description="Overall score, 1-5.")
    overall_100: int | None = Field(default=None, ge=0, le=100, description="Overall score, 0-100.")
    recommendation: Recommendation | None = Field(default=None, description="HR recommendation.")
    criteria_coverage: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Weighted share of criteria met (partial counts half).",
    )
    dimensions: list[DimensionResult] = Field(default_factory=list, description="Per dimension.")
    star: StarResult | None = Field(default=None, description="STAR components.")
    criteria: list[CriterionResult] = Field(default_factory=list, description="Per criterion.")
    red_flags: list[RedFlagResult] = Field(default_factory=list, description="Per red flag.")
    review_flags: list[ReviewFlag] = Field(default_factory=list, description="Reasons for review.")
    provenance: Provenance = Field(description="How this result was produced.")

    @property
    def needs_review(self) -> bool:
        """True when any review flag is raised."""
        return bool(self.review_flags)

    def dimension(self, dimension_id: str) -> DimensionResult:
        """The result for one dimension (KeyError if absent)."""
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)
