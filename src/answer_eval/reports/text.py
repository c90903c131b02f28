"""Plain-text rendering of an Evaluation for people (pure). The table of a whole results log is
``reports.table``.

Every field that comes from an answer, a results file or a judge passes through
``terminal_safe`` (``reports.terminal``), so it cannot drive the terminal it is printed on.
"""

from __future__ import annotations

from answer_eval.evaluation import Evaluation, Evidence
from answer_eval.reports.terminal import terminal_safe as _safe

__all__ = ["render_evaluation"]


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
