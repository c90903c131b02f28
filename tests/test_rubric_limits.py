"""Rubric (and golden-set) YAML is untrusted: oversized files and alias bombs are refused fast,
naming the file and the reason, before anything is built from them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.errors import GoldenSetError, RubricError
from answer_eval.regression.golden import load_golden_sets
from answer_eval.rubrics.loading import (
    MAX_YAML_NODES,
    load_rubric_set,
    load_yaml,
    question_from_file,
)
from answer_eval.rubrics.models import RubricSet
from batch_servers import small_library

REPO = Path(__file__).resolve().parents[1]


def _laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join(f"*a{i - 1}" for _ in range(9)) + "]")
    return "\n".join(lines) + f"\nid: laughs\ntext: *a{levels - 1}\n"


def test_an_alias_bomb_is_refused_with_the_file_and_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text(_laughs(), encoding="utf-8")
    assert bomb.stat().st_size < 2_000
    started = time.monotonic()
    with pytest.raises(RubricError) as info:
        question_from_file(bomb)
    assert time.monotonic() - started < 1.0
    assert str(info.value).startswith(f"{bomb}: refused: its aliases expand to more than")
    assert main(["rubrics", "validate", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert f"{bomb}: refused" in err
    assert "Traceback" not in err


def test_a_few_aliases_are_still_fine() -> None:
    assert load_yaml("base: &b {a: 1, b: [1, 2]}\none: *b\ntwo: *b\n")["two"] == {
        "a": 1,
        "b": [1, 2],
    }
    assert MAX_YAML_NODES >= 100_000


def test_an_oversized_rubric_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("id: big\nnotes: |\n" + ("  " + "x" * 98 + "\n") * 500_000, encoding="utf-8")
    assert big.stat().st_size > 50_000_000
    started = time.monotonic()
    with pytest.raises(
        RubricError, match=r"refused: it is 50,\d{3},\d{3} bytes; the limit is 1,000,000"
    ):
        question_from_file(big)
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("a: &x [*x]\n", "refers to the node that contains it"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ],
)
def test_looping_and_deeply_nested_yaml_is_refused(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError, match=why):
        question_from_file(path)


def test_a_library_with_a_bomb_names_that_file(tmp_path: Path) -> None:
    library = small_library(tmp_path / "lib")
    (library / "questions" / "zz-bomb.yaml").write_text(_laughs(), encoding="utf-8")
    with pytest.raises(RubricError) as info:
        load_rubric_set(library)
    (problem,) = info.value.problems
    assert problem.startswith(f"{library / 'questions' / 'zz-bomb.yaml'}: refused: its aliases")
    assert f"more than {MAX_YAML_NODES:,} nodes" in problem


def test_golden_sets_get_the_same_limits(tmp_path: Path, rubric_set: RubricSet) -> None:
    bomb = tmp_path / "golden_bomb.yaml"
    bomb.write_text(_laughs(), encoding="utf-8")
    with pytest.raises(GoldenSetError, match="refused: its aliases expand"):
        load_golden_sets([bomb], rubric_set)


def test_the_shipped_library_loads_within_the_limits() -> None:
    assert len(load_rubric_set(REPO / "rubrics").questions) >= 23
