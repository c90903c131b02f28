"""The shipped rubric library: every question of both seed guides, traceable to the seeds."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.resources import rubrics_dir
from answer_eval.rubrics.loading import json_schemas
from answer_eval.rubrics.models import RubricSet

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GUIDE_A = "000_c8d2ee9dff4bbc27.txt"
GUIDE_B = "001_4e2b80bb8cb9a5a3.txt"


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed guide {path} is missing in CI")
        pytest.skip(f"seed guides not beside the checkout ({path})")
    return path.read_text(encoding="utf-8")


def _questions_in_seed(name: str) -> list[str]:
    text = _seed(name)
    if name == GUIDE_A:
        # bullet questions end with '?'; the traits section's bullets do not
        return [m.group(1).strip() for m in re.finditer(r"^\s*•\s*(.+\?)\s*$", text, re.M)]
    return [m.group(1).strip() for m in re.finditer(r"^\d+\. (.+)$", text, re.M)]


def test_every_question_of_both_guides_is_encoded(rubric_set: RubricSet) -> None:
    for guide in (GUIDE_A, GUIDE_B):
        seed_questions = _questions_in_seed(guide)
        encoded = {q.source.question: q for q in rubric_set.questions if q.source.document == guide}
        assert sorted(encoded) == list(range(1, len(seed_questions) + 1)), guide
        for number, text in enumerate(seed_questions, start=1):
            assert encoded[number].source.excerpt == text


def test_library_size(rubric_set: RubricSet) -> None:
    documents = [q.source.document for q in rubric_set.questions]
    assert documents.count(GUIDE_A) == 11
    assert documents.count(GUIDE_B) == 12


def test_every_excerpt_is_verbatim_in_its_seed(rubric_set: RubricSet) -> None:
    seeds = {name: _seed(name) for name in (GUIDE_A, GUIDE_B)}
    refs = [(f"dimension {d.id}", s) for d in rubric_set.dimensions for s in d.sources]
    for q in rubric_set.questions:
        refs += [(f"{q.id}.{c.id}", c.source) for c in q.criteria]
        refs += [(f"{q.id}.{r.id}", r.source) for r in q.red_flags]
    missing = [where for where, ref in refs if ref.excerpt not in seeds[ref.document]]
    assert missing == []


def test_items_cite_their_own_question(rubric_set: RubricSet) -> None:
    for q in rubric_set.questions:
        for item in [*q.criteria, *q.red_flags]:
            assert item.source.document == q.source.document, (q.id, item.id)
            assert item.source.question == q.source.question, (q.id, item.id)


def test_guides_quoted_phrases_are_red_flag_cues(rubric_set: RubricSet) -> None:
    cues = {cue.lower() for q in rubric_set.questions for r in q.red_flags for cue in r.cues}
    for phrase in (
        "i always try my best",
        "i work fast",
        "i stay positive",
        "dealing with customers",
        "finding a quiet spot",
        "i'll look into it",
    ):
        assert phrase in cues, phrase
    assert any("never feel stressed" in cue for cue in cues)


def test_related_questions_link_both_ways(rubric_set: RubricSet) -> None:
    for q in rubric_set.questions:
        for other in q.related:
            assert q.id in rubric_set.question(other).related, (q.id, other)
    linked_across = {
        (q.source.document, rubric_set.question(o).source.document)
        for q in rubric_set.questions
        for o in q.related
    }
    assert (GUIDE_A, GUIDE_B) in linked_across


def test_core_dimensions_have_anchored_scales(rubric_set: RubricSet) -> None:
    ids = {d.id for d in rubric_set.dimensions}
    assert {"star", "empathy", "ownership", "ai_fluency"} <= ids
    assert {"drive", "coachability", "positivity", "problem_solving"} <= ids


def test_content_hash_moves_only_with_its_question(rubric_set: RubricSet) -> None:
    data = rubric_set.model_dump()
    target = data["questions"][0]
    target["criteria"][0]["description"] += " (reworded)"
    changed = RubricSet.model_validate(data)
    first, second = rubric_set.questions[0].id, rubric_set.questions[1].id
    assert changed.content_hash(first) != rubric_set.content_hash(first)
    assert changed.content_hash(second) == rubric_set.content_hash(second)


def test_json_schemas_are_current() -> None:
    for name, text in json_schemas().items():
        path = rubrics_dir() / name
        assert path.is_file(), f"{name} missing: run `answer-eval rubrics schema --write rubrics`"
        assert path.read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `answer-eval rubrics schema --write rubrics`"
        )


def test_yaml_files_point_editors_at_the_schema() -> None:
    for path in sorted(rubrics_dir().rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), path


def test_list_json_gives_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubrics", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 23
    assert {r["document"] for r in rows} == {GUIDE_A, GUIDE_B}
    assert all(isinstance(r["number"], int) and r["text"] for r in rows)


def test_list_table_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubrics", "list"]) == 0
    table = capsys.readouterr().out
    assert "difficult-customer-issue" in table
    assert "23 questions" in table
    assert main(["rubrics", "show", "difficult-customer-issue", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == "difficult-customer-issue"
    assert len(shown["content_hash"]) == 64


def test_show_unknown_question_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubrics", "show", "no-such-question"]) == 2
    assert "unknown question 'no-such-question'" in capsys.readouterr().err
