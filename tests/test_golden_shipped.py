"""The shipped golden sets: one per question, they pass with the offline judge, and their
expectations discriminate (a weaker answer fails a stronger answer's expectations and back)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.regression.golden import load_golden_sets
from answer_eval.regression.run import AnswerOutcome, RegressionRun, check_expectations, run_golden
from answer_eval.rubrics.loading import default_rubric_set
from answer_eval.rubrics.models import RubricSet

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(scope="module")
def shipped() -> RubricSet:
    return default_rubric_set()


@pytest.fixture(scope="module")
def offline_run(shipped: RubricSet) -> RegressionRun:
    evaluator = Evaluator(judge=OfflineJudge(), rubric_set=shipped)
    return run_golden(evaluator, load_golden_sets([GOLDEN], shipped))


def test_one_golden_file_per_question_with_each_kind(shipped: RubricSet) -> None:
    loaded = load_golden_sets([GOLDEN], shipped)
    assert sorted(g.question_id for _, g in loaded) == sorted(q.id for q in shipped.questions)
    for path, golden in loaded:
        assert path.stem == golden.question_id
        kinds = Counter(a.kind for a in golden.answers)
        for kind in ("strong", "mediocre", "red_flag"):
            assert kinds[kind] >= 1, f"{path.name}: no {kind} answer"


def test_red_flag_answers_expect_their_flags(shipped: RubricSet) -> None:
    for path, golden in load_golden_sets([GOLDEN], shipped):
        if shipped.question(golden.question_id).red_flags:
            for answer in golden.answers:
                if answer.kind == "red_flag":
                    assert answer.expect.red_flags.present, f"{path.name}: {answer.id}"


def test_every_shipped_golden_answer_passes_with_the_offline_judge(
    offline_run: RegressionRun,
) -> None:
    failed = [
        f"{o.key}: {c.name} expected {c.expected}, got {c.actual}"
        for o in offline_run.outcomes
        for _, c in o.failures()
    ]
    assert not failed, "\n".join(failed)
    assert len(offline_run.outcomes) >= 3 * 23


def test_strong_answers_outscore_the_others(offline_run: RegressionRun) -> None:
    best: dict[tuple[str, str], float] = {}
    for o in offline_run.outcomes:
        score = o.runs[0].overall
        assert score is not None
        key = (o.question_id, o.answer.kind)
        best[key] = max(best.get(key, 1.0), score)
    for (question, kind), score in best.items():
        if kind != "strong":
            assert best[(question, "strong")] > score, f"{question}: {kind} {score}"


def test_expectations_tell_the_kinds_apart(offline_run: RegressionRun, shipped: RubricSet) -> None:
    """Each kind's expectations fail on the other kinds' answers: none of them is vacuous.

    Mediocre and red-flag answers are told apart only where the rubric defines red flags.
    """
    by_question: dict[str, dict[str, list[AnswerOutcome]]] = {}
    for o in offline_run.outcomes:
        by_question.setdefault(o.question_id, {}).setdefault(o.answer.kind, []).append(o)
    pairs = [("strong", "mediocre"), ("strong", "red_flag"), ("mediocre", "red_flag")]
    for question, kinds in by_question.items():
        for a, b in pairs:
            if (a, b) == ("mediocre", "red_flag") and not shipped.question(question).red_flags:
                continue
            for mine, theirs in ((a, b), (b, a)):
                for own in kinds[mine]:
                    for other in kinds[theirs]:
                        checks = check_expectations(own.answer.expect, other.runs[0])
                        assert not all(c.passed for c in checks), (
                            f"{question}: the {mine} expectations of {own.answer.id} "
                            f"also pass on {other.answer.id}"
                        )


def test_cli_runs_all_shipped_golden_sets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regress", str(GOLDEN), "--judge", "offline"]) == 0
    out = capsys.readouterr().out
    assert "23 question(s)" in out
    assert ", 0 failed" in out
