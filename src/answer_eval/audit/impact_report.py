"""Showing an ``ImpactReport``: a text table, a JSON-ready dict, and an HTML ``<section>``.

The HTML fragment is for inclusion in a larger report page: one ``<section>``, every value
escaped, no scripts and no inline styles (classes only: ``below-four-fifths`` marks a ratio
under 0.8, ``not-rated`` a category counted but not rated).
"""

from __future__ import annotations

from dataclasses import asdict
from html import escape
from typing import Any

from answer_eval.audit.demographics import Joined
from answer_eval.audit.impact import CategoryRow, ImpactReport, ImpactTable, Rate

__all__ = ["impact_json", "render_impact_html", "render_impact_text"]

_TITLES = {"sex": "Sex", "race_ethnicity": "Race/ethnicity", "intersection": "Sex x race/ethnicity"}


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _interval(rate: Rate) -> str:
    if rate.ci_low is None or rate.ci_high is None:
        return "-"
    return f"[{rate.ci_low:.2f}, {rate.ci_high:.2f}]"


def _p(rate: Rate) -> str:
    if rate.p_value is None:
        return "-"
    return "<0.001" if rate.p_value < 0.001 else f"{rate.p_value:.3f}"


def _summary(report: ImpactReport, joined: Joined | None) -> list[str]:
    median = "-" if report.median is None else f"{report.median:g}"
    lines = [
        f"{report.sample} scored results; median overall score {median} "
        f"({report.at_median} at the median); not in the sample: {report.unscored} unscored, "
        f"{report.errors} errors.",
        f"Scoring rate: share scoring above the median. Rated: categories with at least "
        f"{report.min_share:.0%} of the sample. Intervals: {report.confidence:.0%} percentile "
        f"bootstrap, {report.resamples} resamples, seed {report.seed}.",
    ]
    if report.selected is not None:
        lines.append(f"Selection rate: share recommended {report.selected} or better.")
    if joined is not None:
        lines.append(
            f"Join: {joined.without_demographics} result(s) without demographics (counted as "
            f"Unknown); {joined.demographics_without_result} demographics row(s) without a "
            f"result; {joined.unreadable_lines} unreadable results line(s)."
        )
    return lines


def _measures(report: ImpactReport) -> list[tuple[str, str]]:
    pairs = [("scoring", "ABOVE")]
    return [*pairs, ("selection", "SELECTED")] if report.selected else pairs


def _text_table(table: ImpactTable, report: ImpactReport) -> list[str]:
    width = max(8, *(len(r.category) for r in table.rows))
    lines = [f"\n{_TITLES[table.by]}"]
    for measure, label in _measures(report):
        lines.append(
            f"  {'CATEGORY':{width}} {'N':>5} {'SHARE':>6} {'UNSCORED':>8} {label:>8} "
            f"{measure.upper() + ' RATE':>14} {'IMPACT RATIO':>12} {'CI':>14} {'P':>7}"
        )
        for row in table.rows:
            rate: Rate = getattr(row, measure)
            head = (
                f"  {row.category:{width}} {row.assessed:>5} {row.share:>6.1%} "
                f"{row.not_scored:>8} {rate.count:>8} {_num(rate.rate):>14}"
            )
            if row.excluded is not None:
                lines.append(f"{head} {'not rated:':>12} {row.excluded}")
                continue
            flag = "  under 4/5" if rate.below_four_fifths else ""
            lines.append(
                f"{head} {_num(rate.impact_ratio):>12} {_interval(rate):>14} {_p(rate):>7}{flag}"
            )
    lines += [f"  note: {n}" for n in table.notes]
    return lines


def render_impact_text(report: ImpactReport, joined: Joined | None = None) -> str:
    """The report as text tables, one per category kind, then the caveats."""
    lines = ["Impact ratios (NYC DCWP rule for automated employment decision tools)"]
    lines += _summary(report, joined)
    for table in report.tables:
        lines += _text_table(table, report)
    lines.append("")
    lines += [f"Caveat: {c}" for c in report.caveats]
    lines.append("These figures inform a bias audit; they do not decide hiring or compliance.")
    return "\n".join(lines) + "\n"


def impact_json(report: ImpactReport, joined: Joined | None = None) -> dict[str, Any]:
    """The report as plain data (for ``--format json``)."""
    data = asdict(report)
    if joined is not None:
        data["join"] = {
            "without_demographics": joined.without_demographics,
            "demographics_without_result": joined.demographics_without_result,
            "unreadable_lines": joined.unreadable_lines,
        }
    return data


def _html_row(row: CategoryRow, measures: list[tuple[str, str]]) -> str:
    cells = [
        f'<th scope="row">{escape(row.category)}</th>',
        f"<td>{row.assessed}</td>",
        f"<td>{row.share:.1%}</td>",
        f"<td>{row.not_scored}</td>",
    ]
    for measure, _ in measures:
        rate: Rate = getattr(row, measure)
        cells += [f"<td>{rate.count}</td>", f"<td>{_num(rate.rate)}</td>"]
        if row.excluded is not None:
            cells.append(
                f'<td colspan="3" class="not-rated">not rated: {escape(row.excluded)}</td>'
            )
            continue
        flagged = ' class="below-four-fifths"' if rate.below_four_fifths else ""
        cells += [
            f"<td{flagged}>{_num(rate.impact_ratio)}</td>",
            f"<td>{escape(_interval(rate))}</td>",
            f"<td>{escape(_p(rate))}</td>",
        ]
    return "<tr>" + "".join(cells) + "</tr>"


def render_impact_html(report: ImpactReport, joined: Joined | None = None) -> str:
    """The report as one escaped HTML ``<section>`` (no scripts), for a larger report page."""
    measures = _measures(report)
    out = ['<section class="answer-eval-impact">', "<h2>Impact ratios</h2>"]
    out += [f"<p>{escape(line)}</p>" for line in _summary(report, joined)]
    for table in report.tables:
        head = "".join(
            f"<th>{escape(label.title())}</th><th>{measure.title()} rate</th>"
            "<th>Impact ratio</th><th>Interval</th><th>Fisher p</th>"
            for measure, label in measures
        )
        out += [
            "<table>",
            f"<caption>{escape(_TITLES[table.by])}</caption>",
            f"<thead><tr><th>Category</th><th>N</th><th>Share</th><th>Unscored</th>{head}</tr>"
            "</thead>",
            "<tbody>",
            *(_html_row(row, measures) for row in table.rows),
            "</tbody>",
            "</table>",
        ]
        out += [f'<p class="note">{escape(n)}</p>' for n in table.notes]
    out.append('<ul class="caveats">')
    out += [f"<li>{escape(c)}</li>" for c in report.caveats]
    out += ["</ul>", "</section>"]
    return "\n".join(out) + "\n"
