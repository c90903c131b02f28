"""Rewording one criterion in a copy of the rubrics: ``regress --baseline`` names that question,
through its rubric content hash, and no other question."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.resources import rubrics_dir

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
QUESTION = "difficult-customer-issue"
OLD = "Digs for the root cause rather than the surface symptom"
NEW = "Looks for the underlying cause instead of only the visible symptom"


def test_reworded_criterion_names_only_its_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "rubrics"
    shutil.copytree(rubrics_dir(), library)
    baseline = tmp_path / "baseline.json"
    common = [str(GOLDEN), "--judge", "offline", "--format", "json", "--rubrics", str(library)]
    assert main(["regress", *common, "--save-baseline", str(baseline)]) == 0
    capsys.readouterr()

    question = library / "questions" / f"{QUESTION}.yaml"
    text = question.read_text(encoding="utf-8")
    assert OLD in text
    question.write_text(text.replace(OLD, NEW, 1), encoding="utf-8")

    code = main(["regress", *common, "--baseline", str(baseline)])
    drift = json.loads(capsys.readouterr().out)["drift"]
    # The offline judge ignores criterion descriptions, so scores may not move at all; the
    # content hash still tells which question's rubric changed, and only that one.
    assert drift["rubric_changed"] == [QUESTION]
    assert drift["questions"] == [QUESTION]
    assert drift["prompt_changed"] == drift["model_changed"] == []
    moved = {s["question_id"] for s in drift["shifts"] if s["drifted"]}
    moved |= {f["question_id"] for f in drift["flips"]}
    assert moved <= {QUESTION}
    assert code == (1 if drift["has_drift"] else 0)

    # The table says the same in words.
    main(["regress", *common[:3], *common[5:], "--baseline", str(baseline)])
    out = capsys.readouterr().out
    assert f"rubric changed: {QUESTION}" in out
    assert out.count("rubric changed:") == 1
    assert f"questions named: {QUESTION}\n" in out
