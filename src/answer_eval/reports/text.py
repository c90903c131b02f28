"""Plain-text rendering of an Evaluation for people (pure).

Every field that comes from an answer, a results file or a judge passes through
``terminal_safe`` (``reports.terminal``), so it cannot drive the terminal it is printed on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from answer_eval.evaluation import Evaluation, Evidence
from answer_eval.reports.terminal import terminal_safe as _safe

__all__ = ["ResultRow", "render_evaluation", "render_table"]


@dataclass(frozen=True)
class ResultRow:
    """One answer's line in a results table."""

    answer_id: str
    question_id: str
    status: str
    recommendation: str | None
    overall: float | None
    red_flags: list[str]
    review: list[str]
    reason: str | None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 3)] + "..."


def render_table(rows: list[ResultRow], *, flags_width: int = 40) -> str:
    """A fixed-width table, one line per answer, then counts by recommendation and status."""
    rows = [
        ResultRow(
            answer_id=_safe(r.answer_id),
            question_id=_safe(r.question_id),
            status=_safe(r.status),
            recommendation=None if r.recommendation is None else _safe(str(r.recommendation)),
            overall=r.overall,
            red_flags=[_safe(str(f)) for f in r.red_flags],
            review=r.review,
            reason=None if r.reason is None else _safe(str(r.reason)),
        )
        for r in rows
    ]
    id_w = max([len("ANSWER"), *(len(r.answer_id) for r in rows)])
    q_w = max([len("QUESTION"), *(len(r.question_id) for r in rows)])
    lines = [
        f"{'ANSWER':{id_w}}  {'QUESTION':{q_w}}  {'RECOMMENDATION':14}  {'SCORE':>5}  "
        f"{'REVIEW':6}  RED FLAGS / NOTES"
    ]
    for r in rows:
        score = f"{r.overall:.2f}" if isinstance(r.overall, int | float) else "-"
        verdict = r.recommendation or r.status
        notes = ", ".join(r.red_flags) if r.status == "scored" else f"{r.status}: {r.reason}"
        review = "yes" if r.review and r.review != ["offline_judge"] else "-"
        lines.append(
            f"{r.answer_id:{id_w}}  {r.question_id:{q_w}}  {verdict:14}  {score:>5}  "
            f"{review:6}  {_clip(notes or '-', flags_width)}"
        )
    by_verdict = Counter(r.recommendation or r.status for r in rows)
    order = ["strong_yes", "yes", "mixed", "no", "definitely_not", "unscored", "error"]
    counts = ", ".join(f"{k} {by_verdict[k]}" for k in order if by_verdict[k])
    lines.append(f"\n{len(rows)} answers: {counts}")
    if any(r.review == ["offline_judge"] or "offline_judge" in r.review for r in rows):
        lines.append(
            "scored by the offline rule-based judge: a baseline, not an LLM; "
            "REVIEW marks answers with other reasons to look"
        )
    return "\n".join(lines) + "\n"


def _quote(evidence: Evidence, width: int = 90) -> str:
    text = evidence.span.text if evidence.span else evidence.quote
    text = " ".join(text.split())
    text = text if len(text) <= width else text[: width - 3] + "..."
    mark = "" if evidence.verified else f"  [NOT IN ANSWER: {evidence.rejection or 'not_found'}]"
    return f'"{_safe(text)}"{mark}'


def render_evaluation(evaluation: Evaluation, answer: str | None = None) -> str:
    """A readable summary: scores, evidence quotes, red flags, review flags, provenance."""
    p = evaluation.provenance
    lines = [f"Question: {_safe(evaluation.question_id)}"]
    if evaluation.status == "unscored":
        lines += [
            f"UNSCORED ({evaluation.unscored_reason}): {_safe(evaluation.detail or '')}",
            f"Judge: {p.judge} {_safe(p.model)} ({p.attempts} attempts)",
        ]
        return "\n".join(lines) + "\n"
    lines.append(
        f"Overall: {evaluation.overall:.2f}/5 ({evaluation.overall_100}/100)  "
        f"Recommendation: {evaluation.recommendation}  "
        f"Criteria coverage: {evaluation.criteria_coverage:.0%}"
    )
    lines.append("\nDimensions")
    for d in evaluation.dimensions:
        if d.status == "not_applicable":
            lines.append(f"  {d.name:26} n/a  ({d.reason})")
            continue
        note = f"  UNSUPPORTED: judged {d.judged_score}, no verified quote" if d.unsupported else ""
        lines.append(f"  {d.name:26} {d.score}/5  weight {d.weight:g}{note}")
        lines += [f"      {_quote(e)}" for e in d.evidence[:3]]
    if evaluation.star is not None and evaluation.star.policy != "not_applicable":
        found = evaluation.star.found()
        lines.append(f"\nSTAR ({evaluation.star.policy}): found {', '.join(found) or 'none'}")
    lines.append("\nCriteria")
    for c in evaluation.criteria:
        note = "" if c.verdict == c.judged else f" (judge said {c.judged}, no verified quote)"
        lines.append(f"  [{c.verdict:7}] {c.id}{note}")
        lines += [f"      {_quote(e)}" for e in c.evidence[:2] if e.verified]
    present = [f for f in evaluation.red_flags if f.present]
    lines.append(f"\nRed flags: {len(present)} of {len(evaluation.red_flags)} present")
    for f in present:
        lines.append(f"  ! {f.id} ({f.severity}, found by {' + '.join(f.detected_by)})")
        lines += [f"      {_quote(e)}" for e in f.evidence[:2] if e.verified]
    if evaluation.review_flags:
        lines.append("\nNeeds human review")
        lines += [f"  - {r.code}: {_safe(r.message)}" for r in evaluation.review_flags]
    lines.append(
        f"\nJudge: {p.judge} {_safe(p.model)} mode={_safe(p.output_mode)} attempts={p.attempts} "
        f"tokens={p.usage.prompt_tokens}+{p.usage.completion_tokens} latency={p.latency_ms:.0f} ms"
    )
    lines.append(f"Rubric: {p.rubric_set} {p.question_id} sha256:{p.rubric_hash[:12]}")
    return "\n".join(lines) + "\n"
