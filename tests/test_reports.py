"""The recruiter's views of a results log: the table, the HTML page (in headless Chromium), the
CSV and ATS exports, and the refusal of files that are not results."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from answer_eval.cli import main
from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.reports.ats import AtsMapping
from answer_eval.reports.html import render_html
from answer_eval.reports.results import read_results
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "answers.jsonl"
HOSTILE_NAME = '<img src=x onerror="alert(1)"> & "Bobby" </mark>'
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")


@pytest.fixture(scope="module")
def results_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example answers scored by the offline judge, with a hostile candidate name, an
    error row, and an unscored answer, as ``answer-eval batch`` writes them."""
    folder = tmp_path_factory.mktemp("results")
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()[:6]]
    rows[1]["candidate"] = HOSTILE_NAME
    rows[5]["candidate"] = rows[0]["candidate"]  # one candidate, two answers
    rows.append({"id": "bad-1", "question_id": "why-us", "answer": "x", "candidate": "Zed"})
    source = folder / "answers.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = folder / "results.jsonl"
    code = main(["batch", str(source), "-o", str(out), "--judge", "offline", "--no-progress"])
    assert code == 1  # the unknown question
    return out


def _evaluation_lines(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


# ---------------------------------------------------------------------------- the table


def test_the_table_gives_reasons_full_red_flags_candidates_and_the_scale(
    results_log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(results_log)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Scores are on a 1-5 scale")
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith(("c-", "bad"))}
    assert "Maya R." in lines["c-001"]
    assert (
        "vague-best-effort (major), immediate-escalation (major), harsh-blame (major)"
        in (lines["c-003"])
    )  # every red flag, in full
    assert "error: row 7: unknown question 'why-us'" in lines["bad-1"]
    overall = _evaluation_lines(results_log)["c-001"]["evaluation"]["overall"]
    assert f"{overall:.2f}/5" in lines["c-001"]  # the score on its scale, as the log holds it
    reasons = out.split("Why a human should look:")[1]
    assert "bad-1 (Zed): error: row 7: unknown question" in reasons
    assert "7 answers:" in out


def test_review_reasons_are_named_in_the_review_column_and_explained(
    tmp_path: Path, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluator = Evaluator(judge=FakeJudge(score=5), rubric_set=rubric_set)
    flagged = evaluator.evaluate("difficult-customer-issue", "I always try my best. I fixed it.")
    refused = Evaluator(judge=FakeJudge(fail="refusal"), rubric_set=rubric_set).evaluate(
        "ai-tools", "I use AI drafts."
    )
    records = [
        {"id": "a1", "row": 1, "status": "scored", "evaluation": flagged.model_dump(mode="json")},
        {"id": "a2", "row": 2, "status": "unscored", "evaluation": refused.model_dump(mode="json")},
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"torn', encoding="utf-8")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    a1 = next(line for line in out.splitlines() if line.startswith("a1 "))
    codes = sorted({f.code for f in flagged.review_flags})
    assert codes
    assert all(code in a1 for code in codes)
    assert "CANDIDATE" not in out  # no candidate column when the input named none
    assert "unscored: refusal" in out
    for flag in flagged.review_flags:
        assert f"a1: {flag.code}: {flag.message}" in out
    assert "the last line is incomplete" in out


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("answers.csv", "id,question_id,answer\nc1,ai-tools,hi\n", "it is a CSV file"),
        ("answers.jsonl", EXAMPLES.read_text(encoding="utf-8"), "an answer to judge"),
        ("README.md", (REPO / "README.md").read_text(encoding="utf-8"), "line 1 is not JSON"),
        ("empty.jsonl", "\n", "no result records"),
        ("other.jsonl", '{"id": 1, "row": 1, "status": "maybe"}\n', "not a batch result"),
    ],
)
def test_files_that_are_not_results_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, why: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for command in (["report", str(path)], ["report", str(path), "--html", str(tmp_path / "r")]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "is not a results log" in err
        assert why in err
    assert not (tmp_path / "r").exists()


# ---------------------------------------------------------------------------- HTML


class _Page(HTMLParser):
    """Text and tags of a page, for checks that need no browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_page_is_self_contained_and_escapes_every_text(results_log: Path) -> None:
    html = render_html(read_results(results_log))
    page = _Page()
    page.feed(html)
    names = [t for t, _ in page.tags]
    assert "img" not in names  # the hostile name is text, not an element
    assert HOSTILE_NAME in "".join(page.text)
    assert names.count("script") == 1  # ours, inline
    assert not [a for t, a in page.tags if a.get("src") or (t == "link" and a.get("href"))]
    assert "http://" not in html
    assert "https://" not in html
    assert "default-src 'none'" in html
    assert "@media print" in html


def test_extra_sections_are_placed_after_the_overview(results_log: Path) -> None:
    fragment = '<section id="audit-impact"><h2>Impact ratios</h2></section>'
    html = render_html(read_results(results_log), sections=[fragment])
    assert html.index('id="overview"') < html.index(fragment) < html.index("<main>")


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp / 'chromium-profile'}"]  # fmt: skip
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )


@pytest.fixture(scope="module")
def rendered(results_log: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The report written by the command, and its DOM as headless Chromium built it."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium not installed")
    folder = tmp_path_factory.mktemp("html")
    page = folder / "report.html"
    assert main(["report", str(results_log), "--html", str(page)]) == 0
    dom = _chromium("--dump-dom", page.as_uri(), tmp=folder).stdout
    return page, dom


@needs_chromium
def test_highlights_sit_exactly_on_the_quoted_spans(
    rendered: tuple[Path, str], results_log: Path
) -> None:
    _, dom = rendered
    records = _evaluation_lines(results_log)
    pattern = r'<section class="answer" id="[^"]+" data-answer-id="([^"]+)">(.*?)</section>'
    sections = re.findall(pattern, dom, re.S)
    assert {ident for ident, _ in sections} == {*(f"c-00{i}" for i in range(1, 7)), "bad-1"}
    for ident, section in sections:
        if ident == "bad-1":
            assert "<mark" not in section
            continue
        record = records[ident]
        answer = record["answer"]
        evaluation = Evaluation.model_validate(record["evaluation"])
        expected: set[int] = set()
        for dim in evaluation.dimensions:
            for ev in dim.evidence:
                if ev.verified and ev.span is not None:
                    expected.update(range(ev.span.start, ev.span.end))
        marked: set[int] = set()
        for start, end, text in re.findall(
            r'<mark class="hl [^"]*" data-start="(\d+)" data-end="(\d+)"[^>]*>(.*?)</mark>',
            section,
            re.S,
        ):
            start_i, end_i = int(start), int(end)
            assert unescape(text) == answer[start_i:end_i]  # the mark holds the answer's text
            marked.update(range(start_i, end_i))
        assert expected <= marked, ident  # every dimension quote is highlighted
        assert expected, ident
    flagged = next(s for i, s in sections if i == "c-003")
    assert '<mark class="hl flag' in flagged or 'class="hl dim flag' in flagged


@needs_chromium
def test_the_page_shows_candidates_scale_reasons_and_provenance(
    rendered: tuple[Path, str],
) -> None:
    _, dom = rendered
    assert "Scores are on a 1-5 scale" in dom
    maya = dom[dom.index("<h2>Maya R.</h2>") :]
    maya = maya[: maya.index("</article>")]
    assert maya.count('<section class="answer"') == 2  # her two answers, one card
    assert "mean of 2 answers" in maya
    assert "&lt;img src=x" in dom
    assert "<img" not in dom
    assert "How this was scored" in dom
    assert "answer-eval-offline" in dom
    assert "unknown question 'why-us'" in dom


@needs_chromium
def test_the_overview_sorts_by_a_clicked_column(rendered: tuple[Path, str], tmp_path: Path) -> None:
    page, _ = rendered
    clicked = tmp_path / "clicked.html"
    click = (
        "<script>document.querySelectorAll('#overview th button')[4].click();"
        "document.querySelectorAll('#overview th button')[4].click();</script></body>"
    )  # the score column, twice: descending
    clicked.write_text(page.read_text(encoding="utf-8").replace("</body>", click), "utf-8")
    dom = _chromium("--dump-dom", clicked.as_uri(), tmp=tmp_path).stdout
    table = dom[dom.index('<table id="overview"') : dom.index("</table>")]
    scores = [float(v) for v in re.findall(r'<td class="num" data-value="([\d.]+)"', table)]
    assert len(scores) == 6
    assert scores == sorted(scores, reverse=True)
    assert 'aria-sort="descending"' in table


@needs_chromium
def test_the_page_prints_one_candidate_per_page_and_screenshots(
    rendered: tuple[Path, str], tmp_path: Path
) -> None:
    page, _ = rendered
    pdf, png = tmp_path / "report.pdf", tmp_path / "report.png"
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri(), tmp=tmp_path)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages >= 1 + 6  # the overview, then each of the 6 candidates on a page of their own
    _chromium(f"--screenshot={png}", "--window-size=1200,1600", page.as_uri(), tmp=tmp_path)
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 20_000


# ---------------------------------------------------------------------------- exports


def test_ats_scorecards_map_our_vocabulary_and_name_files_safely(
    results_log: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cards"
    assert main(["export", str(results_log), "--to", "ats", "-o", str(folder)]) == 0
    cards = {p.name: json.loads(p.read_text()) for p in folder.glob("*.scorecard.json")}
    assert len(cards) == 6  # Maya's two answers on one card; the hostile name; Zed's error
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", name) for name in cards)
    maya = next(c for c in cards.values() if c["candidate"]["name"] == "Maya R.")
    assert len(maya["answers"]) == 2
    ours = [a["source_recommendation"] for a in maya["answers"]]
    order = ["strong_yes", "yes", "mixed", "no", "definitely_not"]
    assert maya["source_recommendation"] == max(ours, key=order.index)  # the most cautious
    mapping = AtsMapping.load()
    assert maya["overall_recommendation"] == mapping.recommendation[maya["source_recommendation"]]
    assert mapping.recommendation["mixed"] == "no"
    assert [mapping.rate(s) for s in (1, 2, 3, 4, 5, 3.5, 2.49)] == [1, 2, 2, 3, 4, 3, 2]
    for attribute in maya["attributes"]:
        assert attribute["rating"] == mapping.rate(attribute["source_score"])
        assert 1 <= attribute["rating"] <= 4
    zed = next(c for c in cards.values() if c["candidate"]["name"] == "Zed")
    assert (zed["overall_recommendation"], zed["complete"]) == ("no_decision", False)
    dry = subprocess.run(
        [sys.executable, str(REPO / "examples" / "ats_import.py"), str(folder), "--dry-run"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    bodies = [json.loads(line) for line in dry.stdout.splitlines()]
    assert len(bodies) == 6
    assert not any(b["submitted"] for b in bodies)  # the offline judge: drafts only


def test_a_custom_ats_mapping_is_read_and_checked(results_log: Path, tmp_path: Path) -> None:
    text = (REPO / "src/answer_eval/reports/ats_mapping.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "mapping.yaml"
    custom.write_text(text.replace("  mixed: no", "  mixed: no_decision"), encoding="utf-8")
    assert AtsMapping.load(custom).overall("mixed") == "no_decision"
    custom.write_text("rating: {1: 1}\n", encoding="utf-8")
    assert main(["export", str(results_log), "--to", "ats", "-o", str(tmp_path / "c"),
                 "--mapping", str(custom)]) == 2  # fmt: skip


def test_csv_export_has_one_safe_row_per_answer(results_log: Path, tmp_path: Path) -> None:
    with results_log.open("a", encoding="utf-8") as handle:  # a retried answer: two records
        first = results_log.read_text(encoding="utf-8").splitlines()[0]
        handle.write(first + "\n")
    out = tmp_path / "export.csv"
    assert main(["export", str(results_log), "--to", "csv", "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["id"] for r in rows) == sorted([*(f"c-00{i}" for i in range(1, 7)), "bad-1"])
    hostile = next(r for r in rows if r["id"] == "c-002")
    assert hostile["candidate"] == HOSTILE_NAME  # starts with "<": nothing to escape
