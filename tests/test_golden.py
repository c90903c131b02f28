"""Golden set files: loading errors name the file, the answer and the field; the schema is fresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.errors import GoldenSetError
from answer_eval.regression.golden import (
    SCHEMA_FILE,
    golden_files,
    golden_schema_text,
    golden_set_from_file,
    load_golden_sets,
)
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from batch_servers import small_library

REPO = Path(__file__).resolve().parents[1]
QUESTION = "difficult-customer-issue"
VALID = f"""\
# yaml-language-server: $schema=golden.schema.json
question_id: {QUESTION}
answers:
  - id: strong
    kind: strong
    answer: I listened, found the root cause and refunded her within 4 hours.
    expect:
      overall: {{min: 3.0}}
      recommendation: [strong_yes, yes, mixed]
      dimensions:
        empathy: {{min: 3}}
      red_flags:
        present: []
        absent: [harsh-blame]
      star: [action]
"""


@pytest.fixture(scope="module")
def rubric(tmp_path_factory: pytest.TempPathFactory) -> RubricSet:
    return load_rubric_set(small_library(tmp_path_factory.mktemp("lib") / "rubrics"))


def _write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path, rubric: RubricSet) -> str:
    with pytest.raises(GoldenSetError) as excinfo:
        golden_set_from_file(path, rubric)
    message = str(excinfo.value)
    assert str(path) in message
    return message


def test_valid_file_loads(tmp_path: Path, rubric: RubricSet) -> None:
    golden = golden_set_from_file(_write(tmp_path, VALID), rubric)
    assert golden.question_id == QUESTION
    [answer] = golden.answers
    assert answer.expect.overall is not None
    assert answer.expect.overall.describe() == ">= 3"
    assert answer.expect.status == "scored"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "kind: strong",
            "kind: strong\n    colour: red",
            "answers[0] (id 'strong'): unknown key 'colour'",
        ),
        ("kind: strong", "kind: great", "answers[0] (id 'strong').kind: must be one of"),
        ("{min: 3.0}", "{min: 6}", "answers[0] (id 'strong').expect.overall.min"),
        ("{min: 3.0}", "{min: 4, max: 2}", "min (4.0) is above max (2.0)"),
        ("{min: 3.0}", "{min: 1}", "the band covers the whole 1-5 scale, so it can never fail"),
        (
            "[strong_yes, yes, mixed]",
            "[strong_yes, yes, mixed, no, definitely_not]",
            "can never fail",
        ),
        ("[strong_yes, yes, mixed]", "[yes, maybe]", "expect.recommendation[1]: must be one of"),
        ("star: [action]", "star: [outcome]", "expect.star[0]: must be one of"),
        ("present: []", "present: [harsh-blame]", "expected both present and absent"),
        ("  - id: strong", "  - id: Strong Answer", "answers[0] (id 'Strong Answer').id"),
        ("question_id", "question", "question_id: required field is missing"),
        (
            "answer: I listened, found the root cause and refunded her within 4 hours.",
            'answer: "  "',
            "(id 'strong').answer: the answer is blank",
        ),
        ("answers:", "answers: []\nold_answers:", "answers: List should have at least 1 item"),
    ],
)
def test_invalid_fields_name_file_answer_and_field(
    tmp_path: Path, rubric: RubricSet, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    message = _error(_write(tmp_path, VALID.replace(old, new, 1)), rubric)
    assert expected in message


def test_expectations_must_check_something(tmp_path: Path, rubric: RubricSet) -> None:
    text = VALID.split("    expect:")[0] + "    expect: {}\n"
    assert "expect nothing checkable" in _error(_write(tmp_path, text), rubric)


def test_duplicate_answer_ids(tmp_path: Path, rubric: RubricSet) -> None:
    answer = VALID.split("answers:\n")[1]
    message = _error(_write(tmp_path, VALID + answer), rubric)
    assert "duplicate answer id(s) ['strong']" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            f"question_id: {QUESTION}",
            "question_id: no-such-question",
            "question_id: unknown question 'no-such-question' in rubric set 'customer-service'",
        ),
        (
            "empathy: {min: 3}",
            "coachability: {min: 3}",
            "answers[0] (id 'strong').expect.dimensions.coachability: question "
            f"'{QUESTION}' is not scored on dimension 'coachability'",
        ),
        (
            "empathy: {min: 3}",
            "warmth: {min: 3}",
            "expect.dimensions.warmth: question",
        ),
        (
            "absent: [harsh-blame]",
            "absent: [harsh-blame, blame]",
            "answers[0] (id 'strong').expect.red_flags.absent[1]: question "
            f"'{QUESTION}' has no red flag 'blame' (known: vague-best-effort, "
            "immediate-escalation, harsh-blame)",
        ),
    ],
)
def test_ids_unknown_to_the_rubric(
    tmp_path: Path, rubric: RubricSet, old: str, new: str, expected: str
) -> None:
    message = _error(_write(tmp_path, VALID.replace(old, new, 1)), rubric)
    assert expected in message


def test_yaml_syntax_error_names_the_line(tmp_path: Path, rubric: RubricSet) -> None:
    message = _error(_write(tmp_path, VALID.replace("[action]", "[action")), rubric)
    assert "YAML syntax error at line" in message


@pytest.mark.parametrize(("text", "expected"), [("", "got nothing"), ("- a\n", "got list")])
def test_not_a_mapping(tmp_path: Path, rubric: RubricSet, text: str, expected: str) -> None:
    assert expected in _error(_write(tmp_path, text), rubric)


def test_yes_and_no_stay_text(tmp_path: Path, rubric: RubricSet) -> None:
    # YAML 1.1 would read `no` as false; golden files use the YAML 1.2 loader of rubrics.
    path = _write(tmp_path, VALID.replace("[strong_yes, yes, mixed]", "[yes, no]"))
    golden = golden_set_from_file(path, rubric)
    assert golden.answers[0].expect.recommendation == ["yes", "no"]


def test_load_collects_problems_of_all_files(tmp_path: Path, rubric: RubricSet) -> None:
    _write(tmp_path, VALID.replace("kind: strong", "kind: great"), "a.yaml")
    _write(tmp_path, VALID.replace("harsh-blame", "blame"), "b.yaml")
    _write(tmp_path, "{}", "notes.txt")  # not a YAML file: ignored
    with pytest.raises(GoldenSetError) as excinfo:
        load_golden_sets([tmp_path], rubric)
    lines = str(excinfo.value).splitlines()
    assert any(line.startswith(str(tmp_path / "a.yaml")) for line in lines)
    assert any(line.startswith(str(tmp_path / "b.yaml")) for line in lines)


def test_same_answer_in_two_files(tmp_path: Path, rubric: RubricSet) -> None:
    _write(tmp_path, VALID, "a.yaml")
    _write(tmp_path, VALID, "b.yaml")
    with pytest.raises(GoldenSetError, match=r"b\.yaml: answer 'strong' .* also in .*a\.yaml"):
        load_golden_sets([tmp_path], rubric)


def test_folders_are_read_without_recursion(tmp_path: Path) -> None:
    _write(tmp_path, VALID, "a.yaml")
    (tmp_path / "cassettes").mkdir()
    _write(tmp_path / "cassettes", "interactions: []", "a.yaml")
    assert golden_files([tmp_path]) == [tmp_path / "a.yaml"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldenSetError, match="empty: no golden set files"):
        golden_files([tmp_path / "empty"])


def test_cli_exit_2_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rubric: RubricSet
) -> None:
    library = small_library(tmp_path / "rubrics")
    path = _write(tmp_path, VALID.replace("harsh-blame", "blame"))
    code = main(["regress", str(path), "--judge", "offline", "--rubrics", str(library)])
    assert code == 2
    assert f"{path}: answers[0] (id 'strong').expect.red_flags.absent[0]" in capsys.readouterr().err


# ---------------------------------------------------------------------------- shipped files


def test_schema_file_is_current() -> None:
    """Regenerate: `python -m answer_eval.regression.golden > golden/golden.schema.json`."""
    shipped = (REPO / "golden" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == golden_schema_text(), "regenerate golden/golden.schema.json (see docstring)"
    assert json.loads(shipped)["title"] == "answer-eval golden set"


def test_every_golden_file_points_editors_at_the_schema() -> None:
    files = sorted((REPO / "golden").glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}", path.name
