"""The bias-audit figures inside the recruiter's report: ``report --demographics`` adds the
impact-ratio section to the HTML page and the table to the text, and nothing a demographics file
holds can drive the terminal."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from answer_eval.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "answers.jsonl"
DEMOGRAPHICS = REPO / "examples" / "demographics.csv"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("impact") / "results.jsonl"
    code = main(["batch", str(EXAMPLES), "-o", str(out), "--judge", "offline", "--no-progress"])
    assert code in (0, 1)
    return out


def test_the_html_report_carries_the_impact_section(results: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    args = ["report", str(results), "--html", str(page), "--demographics", str(DEMOGRAPHICS)]
    assert main(args) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="answer-eval-impact">') == 1
    assert "Impact ratios" in html
    assert (
        "<script"
        not in html.split('<section class="answer-eval-impact">')[1].split("</section>")[0]
    )
    plain = tmp_path / "plain.html"
    assert main(["report", str(results), "--html", str(plain)]) == 0
    assert "answer-eval-impact" not in plain.read_text(encoding="utf-8")


def test_category_names_cannot_drive_the_terminal(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = [json.loads(line)["id"] for line in results.read_text(encoding="utf-8").splitlines()]
    hostile = tmp_path / "demographics.csv"
    with hostile.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "sex", "race_ethnicity"])
        for n, ident in enumerate(ids):
            sex = "Female\x1b[2K\u202eMale" if n % 2 else "Male"
            writer.writerow([ident, sex, "White"])
    assert main(["report", str(results), "--demographics", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "Female\\x1b[2K\\u202eMale" in out
    assert main(["audit", "impact", str(results), "--demographics", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Female\\x1b[2K\\u202eMale" in out
