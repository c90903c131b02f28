"""Scoring: a judgment, grounded in the answer, becomes dimension results, criteria verdicts,
red flags, review flags, an overall score and a recommendation. Pure.

Rules (the rubric set's ``scoring`` policy supplies the numbers):

* A quote counts as support only when grounding verified it (see ``grounding``). Scores follow
  evidence: a dimension scored above the rubric set's ``no_evidence_score`` with no verified
  quote is capped at that level and marked ``unsupported``; a criterion judged met or partial
  with no verified quote falls to not_met and is marked ``unsupported``; a red flag claimed with
  no verified quote is not counted.
* Every unverified quote raises an ``unverified_evidence`` review flag for its dimension,
  criterion, red flag or STAR part, naming how many of its quotes failed and why, as does every
  unsupported score or verdict.
* A red flag whose cue phrase stands verbatim in the answer is present even when the judge missed
  it; that disagreement raises ``judge_check_disagreement``.
* overall = (1 - share) x weighted dimension mean + share x (1 + 4 x criteria coverage)
  - penalties of the red flags present, clamped to 1-5; a critical red flag caps the
  recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from answer_eval.evaluation import (
    CriterionResult,
    DimensionResult,
    Evidence,
    RedFlagResult,
    ReviewFlag,
    Span,
    StarResult,
)
from answer_eval.grounding import NormalizedText, ground, ground_all
from answer_eval.judgment import Judgment
from answer_eval.rubrics.models import Question, Recommendation, RubricSet

__all__ = ["CORE_DIMENSIONS", "Grade", "grade", "recommend"]

CORE_DIMENSIONS = ("star", "empathy", "ownership", "ai_fluency")
_VERDICT_VALUE = {"met": 1.0, "partial": 0.5, "not_met": 0.0}


@dataclass(frozen=True)
class Grade:
    """Everything scoring decides about one answer."""

    overall: float
    overall_100: int
    recommendation: Recommendation
    criteria_coverage: float
    dimensions: list[DimensionResult]
    star: StarResult
    criteria: list[CriterionResult]
    red_flags: list[RedFlagResult]
    review_flags: list[ReviewFlag]


def _verified(evidence: list[Evidence]) -> bool:
    return any(e.verified for e in evidence)


def _evidence_flag(
    ref: str, label: str, evidence: list[Evidence], consequence: str | None
) -> ReviewFlag | None:
    """The review flag for one item's failed quotes (and what that did to it), or None."""
    failed = [e for e in evidence if not e.verified]
    if not failed and consequence is None:
        return None
    parts = []
    if failed:
        reasons = ", ".join(sorted({e.rejection or "not_found" for e in failed}))
        parts.append(f"{len(failed)} of {len(evidence)} quotes for {label} failed ({reasons})")
    elif not evidence:
        parts.append(f"the judge gave no quote for {label}")
    if consequence:
        parts.append(consequence)
    return ReviewFlag(
        code="unverified_evidence",
        ref=ref,
        message="; ".join(parts),
        failed_quotes=len(failed) or None,
    )


def _dimensions(
    rubric: RubricSet, question: Question, judgment: Judgment, answer: str, folded: NormalizedText
) -> tuple[list[DimensionResult], list[ReviewFlag]]:
    results: list[DimensionResult] = []
    flags: list[ReviewFlag] = []
    applicable = question.applicable_dimensions()
    listed = applicable + [d for d in CORE_DIMENSIONS if d not in applicable]
    for dim_id in listed:
        dim = rubric.dimension(dim_id)
        if dim_id not in applicable:
            results.append(
                DimensionResult(
                    id=dim_id,
                    name=dim.name,
                    status="not_applicable",
                    weight=0.0,
                    reason=f"the rubric for '{question.id}' does not weigh {dim.name.lower()}",
                )
            )
            continue
        judged = judgment.dimensions[dim_id]
        evidence = ground_all(judged.evidence, answer, folded)
        if judged.score is None:
            results.append(
                DimensionResult(
                    id=dim_id,
                    name=dim.name,
                    status="not_applicable",
                    weight=question.weights[dim_id],
                    evidence=evidence,
                    rationale=judged.rationale,
                    reason=f"the judge found no basis to score it: {judged.rationale}".strip(),
                )
            )
            continue
        cap = rubric.scoring.no_evidence_score
        unsupported = judged.score > cap and not _verified(evidence)
        consequence = (
            f"scored {judged.score} with no verified quote: capped at {cap}"
            if unsupported
            else None
        )
        if flag := _evidence_flag(dim_id, dim.name, evidence, consequence):
            flags.append(flag)
        results.append(
            DimensionResult(
                id=dim_id,
                name=dim.name,
                status="scored",
                score=cap if unsupported else judged.score,
                judged_score=judged.score,
                unsupported=unsupported,
                weight=question.weights[dim_id],
                evidence=evidence,
                rationale=judged.rationale,
            )
        )
    return results, flags


def _criteria(
    question: Question, judgment: Judgment, answer: str, folded: NormalizedText
) -> tuple[list[CriterionResult], list[ReviewFlag]]:
    results, flags = [], []
    for criterion in question.criteria:
        judged = judgment.criteria[criterion.id]
        evidence = ground_all(judged.evidence, answer, folded)
        unsupported = judged.verdict != "not_met" and not _verified(evidence)
        consequence = (
            f"judged {judged.verdict} with no verified quote: counted not_met"
            if unsupported
            else None
        )
        if flag := _evidence_flag(criterion.id, f"criterion {criterion.id}", evidence, consequence):
            flags.append(flag)
        results.append(
            CriterionResult(
                id=criterion.id,
                description=criterion.description,
                weight=criterion.weight,
                verdict="not_met" if unsupported else judged.verdict,
                judged=judged.verdict,
                evidence=evidence,
                unsupported=unsupported,
            )
        )
    return results, flags


def _span_evidence(span: Span) -> Evidence:
    return Evidence(quote=span.text, verified=True, span=span)


def _red_flags(
    question: Question,
    judgment: Judgment,
    answer: str,
    folded: NormalizedText,
    cue_hits: dict[str, list[Span]],
) -> tuple[list[RedFlagResult], list[ReviewFlag]]:
    results, flags = [], []
    for flag in question.red_flags:
        judged = judgment.red_flags[flag.id]
        evidence = ground_all(judged.evidence, answer, folded)
        by_judge = judged.present and _verified(evidence)
        unsupported = judged.present and not by_judge
        consequence = "claimed present with no verified quote: not counted" if unsupported else None
        if evidence_flag := _evidence_flag(flag.id, f"red flag {flag.id}", evidence, consequence):
            flags.append(evidence_flag)
        hits = cue_hits.get(flag.id, [])
        if hits and not judged.present:
            flags.append(
                ReviewFlag(
                    code="judge_check_disagreement",
                    ref=flag.id,
                    message=f"the judge missed a red-flag phrase in the answer: {hits[0].text!r}",
                )
            )
        detected_by: list[Literal["judge", "cue"]] = []
        if by_judge:
            detected_by.append("judge")
        if hits:
            detected_by.append("cue")
        shown = {e.span.start for e in evidence if e.span is not None}
        evidence += [_span_evidence(s) for s in hits if s.start not in shown]
        results.append(
            RedFlagResult(
                id=flag.id,
                description=flag.description,
                severity=flag.severity,
                present=bool(detected_by),
                detected_by=detected_by,
                evidence=evidence,
                unsupported=unsupported,
            )
        )
    return results, flags


def _star(
    question: Question, judgment: Judgment, answer: str, folded: NormalizedText
) -> tuple[StarResult, list[ReviewFlag]]:
    parts = {
        part: (ground(quote, answer, folded) if quote else None)
        for part, quote in judgment.star.model_dump().items()
    }
    flags = []
    for part, evidence in parts.items():
        if evidence is not None and (
            flag := _evidence_flag(f"star.{part}", f"STAR {part}", [evidence], None)
        ):
            flags.append(flag)
    return StarResult(policy=question.star, **parts), flags


def recommend(rubric: RubricSet, overall: float, red_flags: list[RedFlagResult]) -> Recommendation:
    """The recommendation for an overall score, capped when a critical red flag is present."""
    thresholds = rubric.scoring.thresholds
    choice: Recommendation = "definitely_not"
    labels: tuple[Recommendation, ...] = ("strong_yes", "yes", "mixed", "no")
    for label in labels:
        if overall >= thresholds[label]:
            choice = label
            break
    if any(f.present and f.severity == "critical" for f in red_flags):
        order: list[Recommendation] = ["strong_yes", "yes", "mixed", "no", "definitely_not"]
        cap = rubric.scoring.critical_cap
        if order.index(choice) < order.index(cap):
            choice = cap
    return choice


def grade(
    rubric: RubricSet,
    question: Question,
    judgment: Judgment,
    answer: str,
    *,
    cue_hits: dict[str, list[Span]] | None = None,
) -> Grade:
    """Ground ``judgment`` in ``answer`` and score it with the rubric's policy."""
    folded = NormalizedText(answer)
    dimensions, flags = _dimensions(rubric, question, judgment, answer, folded)
    criteria, criteria_flags = _criteria(question, judgment, answer, folded)
    red_flags, red_flag_flags = _red_flags(question, judgment, answer, folded, cue_hits or {})
    star, star_flags = _star(question, judgment, answer, folded)
    scored = [d for d in dimensions if d.status == "scored" and d.score is not None]
    total_weight = sum(d.weight for d in scored)
    dim_mean = (
        sum(d.weight * d.score for d in scored if d.score) / total_weight if total_weight else None
    )
    criteria_weight = sum(c.weight for c in criteria)
    coverage = (
        sum(c.weight * _VERDICT_VALUE[c.verdict] for c in criteria) / criteria_weight
        if criteria_weight
        else 0.0
    )
    share = rubric.scoring.criteria_share if dim_mean is not None else 1.0
    base = (1 - share) * (dim_mean or 0.0) + share * (1 + 4 * coverage)
    penalty = sum(rubric.scoring.penalties[f.severity] for f in red_flags if f.present)
    overall = round(min(5.0, max(1.0, base - penalty)), 3)
    return Grade(
        overall=overall,
        overall_100=round((overall - 1) / 4 * 100),
        recommendation=recommend(rubric, overall, red_flags),
        criteria_coverage=round(coverage, 4),
        dimensions=dimensions,
        star=star,
        criteria=criteria,
        red_flags=red_flags,
        review_flags=flags + criteria_flags + red_flag_flags + star_flags,
    )
