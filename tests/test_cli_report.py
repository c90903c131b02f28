"""`answer-eval report`: one line per answer of a results file, failures with their reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge


def test_report_lists_every_answer(
    tmp_path: Path, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluator = Evaluator(judge=FakeJudge(score=5), rubric_set=rubric_set)
    good = evaluator.evaluate("difficult-customer-issue", "I always try my best. I fixed it.")
    failed = Evaluator(judge=FakeJudge(fail="refusal"), rubric_set=rubric_set).evaluate(
        "ai-tools", "I use AI drafts."
    )
    records = [
        {"id": "a1", "row": 1, "status": "scored", "evaluation": good.model_dump(mode="json")},
        {"id": "a2", "row": 2, "status": "unscored", "evaluation": failed.model_dump(mode="json")},
        {"id": "a3", "row": 3, "status": "error", "error": "unknown question 'x'"},
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"torn', encoding="utf-8")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    by_id = {line.split()[0]: line for line in lines[2:5]}
    assert set(by_id) == {"a1", "a2", "a3"}
    assert "vague-best-effort (major)" in by_id["a1"]
    assert "judge_check_disagreement" in by_id["a1"]  # why it needs review, not a bare "yes"
    assert "unscored: refusal" in by_id["a2"]
    assert "error: unknown question 'x'" in by_id["a3"]
    assert "3 answers:" in out
    assert "the last line is incomplete" in out


def test_report_of_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "/no/such/results.jsonl"]) == 2
    assert "cannot read results file" in capsys.readouterr().err
