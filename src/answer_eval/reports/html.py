"""The recruiter's HTML report (``answer-eval report --html``): one self-contained page (pure).

No network, no framework: the CSS and a few lines of JavaScript (sorting the overview table) are
inlined from ``reports/assets``, and a Content-Security-Policy forbids loading anything else.
Every piece of text that comes from a results log (names, ids, answers, quotes, messages) is
HTML-escaped here; candidate text is hostile input.

Per candidate: the recommendation (the most cautious of their answers, ``reports.candidates``),
and per answer the score on its 1-5 scale, the reasons to review it, the red flags present, each
dimension's score with its evidence quotes, the answer text with the quoted spans highlighted
(``<mark data-start data-end>``, character offsets into the answer) and how it was scored.

``sections`` takes extra HTML fragments (each a ``<section>``, e.g. from ``answer_eval.audit``);
they are trusted and inserted as given after the overview.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from importlib.resources import files

from answer_eval._version import __version__
from answer_eval.evaluation import Evaluation, Evidence
from answer_eval.reports.candidates import RECOMMENDATION_ORDER, Candidate, by_candidate
from answer_eval.reports.highlight import highlight_answer
from answer_eval.reports.results import ResultRecord, Results
from answer_eval.reports.table import SCALE

__all__ = ["render_html"]

_CAUTIOUS = "A candidate's recommendation is the most cautious of their answers."
_NONE = '<span class="note">none</span>'
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
_RANK = {name: len(RECOMMENDATION_ORDER) - i for i, name in enumerate(RECOMMENDATION_ORDER)}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _asset(name: str) -> str:
    return files("answer_eval.reports").joinpath("assets", name).read_text(encoding="utf-8")


def _rec(value: str | None, status: str) -> str:
    name = value or status
    return f'<span class="rec rec-{_e(name)}">{_e(name.replace("_", " "))}</span>'


# ---------------------------------------------------------------------------- pieces


def _quote(evidence: Evidence) -> str:
    text = evidence.span.text if evidence.span is not None else evidence.quote
    warning = "" if evidence.verified else ' <span class="unverified">not in the answer</span>'
    return f"<li>&ldquo;{_e(text)}&rdquo;{warning}</li>"


def _dimensions(evaluation: Evaluation) -> str:
    rows = []
    for dim in evaluation.dimensions:
        if dim.status == "not_applicable":
            reason = _e(dim.reason or "not applicable")
            score, quotes = "n/a", f'<span class="note">{reason}</span>'
        else:
            score = f"{dim.score} / 5" if dim.score is not None else "-"
            items = "".join(_quote(e) for e in dim.evidence)
            quotes = f'<ul class="quotes">{items}</ul>' if items else _NONE
        rows.append(
            f'<tr><td>{_e(dim.name)}</td><td class="num">{score}</td>'
            f'<td class="num">{dim.weight:g}</td><td>{quotes}</td></tr>'
        )
    head = (
        "<thead><tr><th>Dimension</th><th>Score (1-5)</th><th>Weight</th>"
        "<th>Evidence quoted from the answer</th></tr></thead>"
    )
    return f'<table class="dims">{head}<tbody>{"".join(rows)}</tbody></table>'


def _review(record: ResultRecord) -> str:
    reasons = record.review_reasons
    if not reasons:
        return ""
    items = "".join(f"<li><strong>{_e(code)}</strong>: {_e(msg)}</li>" for code, msg in reasons)
    return f'<div class="review"><strong>Why a human should look</strong><ul>{items}</ul></div>'


def _flags(evaluation: Evaluation) -> str:
    present = [f for f in evaluation.red_flags if f.present]
    if not present:
        return '<p class="note">No red flags.</p>'
    items = "".join(
        f'<li><span class="sev">{_e(f.id)}</span> ({_e(f.severity)}): {_e(f.description)}</li>'
        for f in present
    )
    return f'<div class="flags"><strong>Red flags</strong><ul>{items}</ul></div>'


def _provenance(evaluation: Evaluation) -> str:
    p = evaluation.provenance
    fields = [
        ("judge", f"{p.judge} ({p.model})"),
        ("endpoint", p.endpoint or "-"),
        ("output mode", p.output_mode),
        ("attempts", p.attempts),
        ("tokens", f"{p.usage.prompt_tokens} prompt + {p.usage.completion_tokens} completion"),
        ("rubric", f"{p.rubric_set}, {p.question_id}, sha256 {p.rubric_hash[:16]}"),
        ("prompt", f"sha256 {p.prompt_hash[:16]}"),
        ("scored at", p.created_at.isoformat(timespec="seconds")),
        ("answer-eval", p.library_version),
    ]
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fields)
    summary = "<summary>How this was scored</summary>"
    return f'<details class="provenance">{summary}<dl>{rows}</dl></details>'


def _text(record: ResultRecord, evaluation: Evaluation) -> str:
    if record.answer is None:
        return (
            '<p class="note">The answer text is not in the results (batch --no-answer-text): '
            "pass --input to show it.</p>"
        )
    marked, _, mismatched = highlight_answer(record.answer, evaluation)
    changed = (
        f'<p class="note">{mismatched} quotes do not match this answer text (it changed since '
        "it was scored) and are not highlighted.</p>"
        if mismatched
        else ""
    )
    return (
        f'<h4>The answer, quotes highlighted</h4><div class="answer-text">{marked}</div>{changed}'
    )


def _answer(record: ResultRecord, anchor: str, *, verdict: bool) -> str:
    ev = record.evaluation
    question = _e(record.question_id or "unknown question")
    head = f'<h3>{question} <span class="note">answer {_e(record.label)}</span></h3>'
    opening = f'<section class="answer" id="{anchor}" data-answer-id="{_e(record.label)}">'
    if ev is None or ev.status != "scored":
        why = record.error if ev is None else f"{ev.unscored_reason}: {ev.detail or ''}"
        body = f'<div class="verdict">{_rec(None, record.status)}</div>'
        body += f'<p class="note">Not scored: {_e(why)}</p>'
        return f"{opening}{head}{body}{_review(record)}</section>"
    line = ""
    if verdict:  # one answer of several: its own recommendation and score
        score = f'<span class="score">{ev.overall:.2f} / 5</span>' if ev.overall is not None else ""
        line = f"{_rec(ev.recommendation, 'scored')}{score}"
    if ev.criteria_coverage is not None:
        line += f'<span class="note">criteria covered: {ev.criteria_coverage:.0%}</span>'
    parts = [head, f'<div class="verdict">{line}</div>', _review(record), _flags(ev)]
    parts += [_dimensions(ev), _text(record, ev), _provenance(ev)]
    return f"{opening}{''.join(parts)}</section>"


def _candidate(candidate: Candidate, anchors: dict[int, str], index: int) -> str:
    several = len(candidate.records) > 1
    incomplete = "" if candidate.complete else '<span class="note">not every answer scored</span>'
    mean = candidate.mean_overall
    score = f'<span class="score">{mean:.2f} / 5</span>' if mean is not None else ""
    if several and mean is not None:
        score += f'<span class="note">mean of {len(candidate.records)} answers</span>'
    answers = "".join(_answer(r, anchors[id(r)], verdict=several) for r in candidate.records)
    status = candidate.records[0].status
    return (
        f'<article class="candidate" id="candidate-{index}"><header><h2>{_e(candidate.label)}</h2>'
        f"{_rec(candidate.recommendation, status)}{score}{incomplete}</header>{answers}</article>"
    )


_COLUMNS = (
    ("Candidate", ""),
    ("Answer", ""),
    ("Question", ""),
    ("Recommendation", "number"),
    ("Score (1-5)", "number"),
    ("Review", ""),
    ("Red flags", ""),
)


def _overview(records: Sequence[ResultRecord], anchors: dict[int, str]) -> str:
    heads = "".join(
        f'<th{f" data-type={kind!r}" if kind else ""}><button type="button">{name}</button></th>'
        for name, kind in _COLUMNS
    )
    rows = []
    for r in records:
        ev = r.evaluation
        rec = (ev.recommendation if ev else None) or r.status
        overall = ev.overall if ev is not None else None
        codes = ", ".join(code for code, _ in r.review_reasons) or "-"
        flags = ", ".join(f.id for f in ev.red_flags if f.present) if ev else ""
        shown = f"{overall:.2f}" if overall is not None else "-"
        cells = [
            f'<td><a href="#{anchors[id(r)]}">{_e(r.candidate or r.label)}</a></td>',
            f"<td>{_e(r.label)}</td><td>{_e(r.question_id or '-')}</td>",
            f'<td data-value="{_RANK.get(rec, 0)}">{_rec(rec, r.status)}</td>',
            f'<td class="num" data-value="{overall if overall is not None else ""}">{shown}</td>',
            f"<td>{_e(codes)}</td><td>{_e(flags or '-')}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head, body = f"<thead><tr>{heads}</tr></thead>", "".join(rows)
    return f'<table id="overview" class="sortable">{head}<tbody>{body}</tbody></table>'


def render_html(
    results: Results,
    *,
    title: str | None = None,
    sections: Sequence[str] = (),
    generated_at: datetime | None = None,
) -> str:
    """The whole report page for ``results`` (see the module docstring)."""
    records = results.records
    anchors = {id(r): f"answer-{i}" for i, r in enumerate(records)}
    candidates = by_candidate(records)
    when = (generated_at or datetime.now(UTC)).isoformat(timespec="seconds")
    heading = title or "Written interview answers"
    counts = {k: 0 for k in (*RECOMMENDATION_ORDER, "unscored", "error")}
    for r in records:
        counts[(r.evaluation.recommendation if r.evaluation else None) or r.status] += 1
    tally = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items() if v)
    offline = (
        '<p class="note">Scored by the offline rule-based judge: a baseline, not an LLM.</p>'
        if "offline" in results.judges
        else ""
    )
    legend = (
        '<p class="legend note">Highlights: <mark class="hl dim">dimension evidence</mark> '
        '<mark class="hl star">STAR part</mark> <mark class="hl flag">red flag</mark></p>'
    )
    body = [
        f'<header><h1>{_e(heading)}</h1><p class="meta">{len(candidates)} candidates, '
        f"{len(records)} answers ({_e(tally)}), from {_e(results.path.name)}, generated {_e(when)} "
        f"by answer-eval {_e(__version__)}</p>",
        f'<p class="scale">{_e(SCALE)} {_CAUTIOUS}</p>{offline}{legend}</header>',
        '<section id="overview-section"><h2>Overview</h2>',
        '<p class="note no-print">Click a column to sort.</p>',
        f"{_overview(records, anchors)}</section>",
        *sections,
        "<main>",
        *(_candidate(c, anchors, i) for i, c in enumerate(candidates)),
        "</main>",
        f"<footer>answer-eval {_e(__version__)}: scores rest on quotes located in the answers; "
        "read the quotes, not only the numbers.</footer>",
    ]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(heading)}</title><style>{_asset('report.css')}</style></head>"
        f"<body>{''.join(body)}<script>{_asset('report.js')}</script></body></html>\n"
    )
