"""Terminal safety: answers, ids and error messages never reach a terminal as control sequences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.reports.terminal import terminal_safe
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge

QID = "difficult-customer-issue"
# Anything a terminal acts on: C0 (ESC, CR, BEL), DEL, C1 (CSI), bidi controls, separators.
_RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("\x9b2J", "\\x9b2J"),
        ("left\u202eright", "left\\u202eright"),
        ("one\ntwo\tthree\u2028four", "one\\ntwo\\tthree\\u2028four"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("café 中文 🙂 a\u00a0b", "café 中文 🙂 a\u00a0b"),
    ],
)
def test_terminal_safe_escapes_controls_and_keeps_text(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_a_crafted_id_cannot_repaint_the_report(
    tmp_path: Path, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    weak = Evaluator(judge=FakeJudge(score=1, verdict="not_met"), rubric_set=rubric_set)
    evaluation = weak.evaluate(QID, "I always try my best. I fixed it quickly for her.")
    crafted = "c-1\x1b[1A\x1b[2K\rc-0  difficult-customer-issue  strong_yes 5.00"
    record = {"id": crafted, "row": 1, "status": "scored"}
    record["evaluation"] = evaluation.model_dump(mode="json")
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert not _RAW_CONTROL.search(out)
    (row,) = [line for line in out.splitlines() if line.startswith("c-1")]
    assert row.startswith("c-1\\x1b[1A\\x1b[2K\\rc-0")
    assert evaluation.recommendation is not None
    assert f"{evaluation.overall:.2f}" in row


def test_score_text_output_escapes_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    answer = (
        "Last year a client was double-billed.\x1b]0;hacked\x07 I traced the duplicate "
        "subscription\u202e and refunded it within two days, then I followed up."
    )
    main(["score", "--question", QID, "--judge", "offline", "--answer", answer])
    out = capsys.readouterr().out
    assert "I traced the duplicate" in out  # the answer's quotes are shown ...
    assert not _RAW_CONTROL.search(out)  # ... without their control characters


def test_error_messages_escape_what_they_echo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "/no/such/\x1b[2Jresults.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "cannot read results file" in err
    assert "\\x1b[2J" in err
    assert not _RAW_CONTROL.search(err.rstrip("\n"))
