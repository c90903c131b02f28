"""The recruiter's table of a results log (``answer-eval report``), as plain text (pure).

One line per answer (the latest record of each): the candidate when the input named one, the
question, the recommendation, the overall score on its 1-5 scale, the reasons to review it and
every red flag present, in full. Below the table, why each flagged answer needs a human: the
review messages in words. Failed rows show their reason instead of a score. Every field from
the results file passes through ``terminal_safe``: an id or answer cannot drive the terminal.
"""

from __future__ import annotations

from collections import Counter

from answer_eval.reports.results import ResultRecord, Results
from answer_eval.reports.terminal import terminal_safe as _safe

__all__ = ["RECOMMENDATIONS", "SCALE", "render_results_table"]

RECOMMENDATIONS = ("strong_yes", "yes", "mixed", "no", "definitely_not")
SCALE = (
    "Scores are on a 1-5 scale (1 weak, 3 adequate, 5 strong); recommendations, best first: "
    + " > ".join(RECOMMENDATIONS)
    + "."
)


def _clip(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: max(0, width - 3)] + "..."


def _flags(record: ResultRecord) -> str:
    ev = record.evaluation
    if record.status == "error":
        return f"error: {record.error}"
    if ev is None or ev.status == "unscored":
        reason = ev.unscored_reason if ev is not None else "unknown"
        return f"unscored: {reason}"
    present = [f"{f.id} ({f.severity})" for f in ev.red_flags if f.present]
    return ", ".join(present) or "-"


def _cells(record: ResultRecord, flags_width: int | None) -> list[str]:
    ev = record.evaluation
    score = f"{ev.overall:.2f}/5" if ev is not None and ev.overall is not None else "-"
    verdict = (ev.recommendation if ev is not None else None) or record.status
    codes = [code for code, _ in record.review_reasons if code not in ("error", "unscored")]
    cells = [
        record.label,
        record.candidate or "-",
        record.question_id or "-",
        verdict,
        score,
        ", ".join(codes) or "-",
        _clip(_flags(record), flags_width),
    ]
    return [_safe(cell) for cell in cells]


def render_results_table(results: Results, *, flags_width: int | None = None) -> str:
    """The table, the review reasons and the totals, as text ending in a newline."""
    header = ["ANSWER", "CANDIDATE", "QUESTION", "RECOMMENDATION", "SCORE", "REVIEW", "RED FLAGS"]
    rows = [_cells(r, flags_width) for r in results.records]
    show = [i for i in range(len(header)) if i != 1 or any(r.candidate for r in results.records)]
    widths = {i: max(len(header[i]), *(len(row[i]) for row in rows)) for i in show}
    last = show[-1]

    def line(cells: list[str]) -> str:
        return "  ".join(cells[i] if i == last else f"{cells[i]:{widths[i]}}" for i in show)

    lines = [SCALE, line(header), *(line(row) for row in rows)]
    flagged = [(r, r.review_reasons) for r in results.records if r.review_reasons]
    if flagged:
        lines.append("\nWhy a human should look:")
        for record, reasons in flagged:
            who = f" ({record.candidate})" if record.candidate else ""
            lines += [
                _safe(f"  {record.label}{who}: {code}: {message}") for code, message in reasons
            ]
    verdicts = Counter(
        (r.evaluation.recommendation if r.evaluation else None) or r.status for r in results.records
    )
    order = [*RECOMMENDATIONS, "unscored", "error"]
    counts = ", ".join(f"{k} {verdicts[k]}" for k in order if verdicts[k])
    lines.append(f"\n{len(results.records)} answers: {counts}")
    if results.superseded:
        lines.append(f"{results.superseded} older records of retried answers not shown")
    if results.torn_lines:
        lines.append("the last line is incomplete (a batch still writing?): not shown")
    if "offline" in results.judges:
        lines.append(
            "scored by the offline rule-based judge: a baseline, not an LLM; "
            "REVIEW names the other reasons to look"
        )
    return "\n".join(lines) + "\n"
