"""Broken rubric files: each gives exit 2 with a message naming the file and the place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.errors import RubricError
from answer_eval.resources import rubrics_dir
from answer_eval.rubrics.loading import load_rubric_set, question_from_text

QUESTION = "difficult-customer-issue"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A writable copy of the shipped rubric library."""
    target = tmp_path / "rubrics"
    shutil.copytree(rubrics_dir(), target)
    return target


def _edit(library: Path, old: str, new: str, name: str = QUESTION) -> Path:
    path = library / "questions" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str]:
    code = main(["rubrics", "validate", *map(str, paths)])
    return code, capsys.readouterr().err


def test_shipped_library_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubrics", "validate"]) == 0
    assert "valid" in capsys.readouterr().out


def test_unknown_key(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edit(library, "kind: behavioural", "kind: behavioural\ndifficulty: hard")
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(path) in err
    assert f"question '{QUESTION}'" in err
    assert "unknown key 'difficulty'" in err


def test_unknown_key_inside_a_criterion_names_its_id(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(library, "  - id: root-cause\n", "  - id: root-cause\n    colour: red\n")
    code, err = _validate(capsys, library)
    assert code == 2
    assert "criteria[2] (id 'root-cause')" in err
    assert "unknown key 'colour'" in err


def test_duplicate_criterion_id(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edit(library, "  - id: root-cause\n", "  - id: active-listening\n")
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(path) in err
    assert "duplicate id 'active-listening' in criteria" in err


def test_duplicate_question_id_across_files(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = library / "questions" / "zz-copy.yaml"
    shutil.copy(library / "questions" / f"{QUESTION}.yaml", copy)
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(copy) in err
    assert "duplicate id" in err


def test_undefined_dimension(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edit(library, "  empathy: 1.0\n", "  empathy: 1.0\n  charisma: 2.0\n")
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(path) in err
    assert "weights.charisma" in err
    assert "dimension 'charisma' is not defined" in err


def test_bad_severity(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edit(library, "    severity: major\n", "    severity: huge\n")
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(path) in err
    assert "red_flags[0] (id 'vague-best-effort').severity" in err
    assert "'huge'" in err


def test_yaml_syntax_error_names_line(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edit(library, "kind: behavioural", "kind: [behavioural")
    code, err = _validate(capsys, library)
    assert code == 2
    assert str(path) in err
    assert "YAML syntax error at line" in err


def test_empty_file(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = library / "questions" / "empty.yaml"
    path.write_text("", encoding="utf-8")
    code, err = _validate(capsys, library)
    assert code == 2
    assert f"{path}: the file is empty" in err


def test_missing_field(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(library, "reveals: How", "reveal_s: How")
    code, err = _validate(capsys, library)
    assert code == 2
    assert "reveals: required field is missing" in err


def test_negative_and_all_zero_weights(library: Path) -> None:
    _edit(library, "  star: 1.5\n", "  star: -1\n")
    with pytest.raises(RubricError, match="star"):
        load_rubric_set(library)


def test_a_lone_question_file_is_checked_against_its_library(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _edit(library, "    severity: major\n", "    severity: huge\n")
    code, err = _validate(capsys, path)
    assert code == 2
    assert str(path) in err


def test_all_problems_are_reported_together(library: Path) -> None:
    _edit(library, "    severity: major\n", "    severity: huge\n")
    _edit(library, "kind: behavioural", "kind: heroic", name="fussy-customer")
    with pytest.raises(RubricError) as caught:
        load_rubric_set(library)
    assert len(caught.value.problems) == 2


def test_yes_and_no_stay_strings() -> None:
    """YAML 1.1 would read `no` as False; rubric text must not change type silently."""
    with pytest.raises(RubricError, match="kind: must be one of"):
        question_from_text("id: q\ntext: t\nreveals: r\nkind: no\n")
