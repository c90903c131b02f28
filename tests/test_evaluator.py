"""The evaluator with a scripted judge: status, provenance and failures as results."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from answer_eval import __version__
from answer_eval.errors import InputError, UnknownQuestionError
from answer_eval.evaluator import Evaluator
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge, judgment_for

QID = "difficult-customer-issue"
ANSWER = (
    "Last spring an enterprise client was double-billed for three months. My task was to fix it "
    "before renewal. I listened to the finance lead, traced the root cause to a duplicated "
    "subscription, refunded it and updated our documentation. A week later I followed up and "
    "they renewed."
)


def _fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_scored_evaluation_carries_provenance(rubric_set: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(score=4), rubric_set=rubric_set, clock=_fixed_clock)
    evaluation = evaluator.evaluate(QID, ANSWER, answer_id="cand-17")
    assert evaluation.status == "scored"
    assert evaluation.answer_id == "cand-17"
    assert evaluation.overall is not None
    assert 1 <= evaluation.overall <= 5
    assert evaluation.recommendation is not None
    p = evaluation.provenance
    assert p.library_version == __version__
    assert p.rubric_set == f"{rubric_set.id}@{rubric_set.version}"
    assert p.rubric_hash == rubric_set.content_hash(QID)
    assert len(p.prompt_hash) == 64
    assert (p.judge, p.model, p.attempts) == ("fake", "fake-judge", 1)
    assert p.created_at == _fixed_clock()
    question = rubric_set.question(QID)
    assert [c.id for c in evaluation.criteria] == [c.id for c in question.criteria]
    assert [r.id for r in evaluation.red_flags] == [r.id for r in question.red_flags]


def test_every_quote_is_a_real_span(rubric_set: RubricSet) -> None:
    evaluation = Evaluator(judge=FakeJudge(score=4), rubric_set=rubric_set).evaluate(QID, ANSWER)
    spans = [e.span for d in evaluation.dimensions for e in d.evidence if e.span]
    assert spans
    for span in spans:
        assert ANSWER[span.start : span.end] == span.text


def test_a_judge_that_invents_quotes_gets_flagged(rubric_set: RubricSet) -> None:
    question = rubric_set.question(QID)
    invented = judgment_for(question, quote="I personally saved a million-dollar account", score=5)
    evaluation = Evaluator(
        judge=FakeJudge(reply=lambda _: invented), rubric_set=rubric_set
    ).evaluate(QID, ANSWER)
    assert evaluation.status == "scored"
    assert evaluation.needs_review
    assert {f.code for f in evaluation.review_flags} == {"unverified_evidence"}
    assert evaluation.criteria_coverage == 0.0
    assert all(not e.verified for d in evaluation.dimensions for e in d.evidence)


@pytest.mark.parametrize("reason", ["invalid_output", "refusal", "truncated", "transport"])
def test_judge_failures_are_unscored_not_fake_scores(rubric_set: RubricSet, reason: str) -> None:
    evaluation = Evaluator(judge=FakeJudge(fail=reason), rubric_set=rubric_set).evaluate(
        QID, ANSWER
    )
    assert evaluation.status == "unscored"
    assert evaluation.unscored_reason == reason
    assert evaluation.overall is None
    assert evaluation.recommendation is None
    assert evaluation.dimensions == []
    assert evaluation.criteria == []
    assert [f.code for f in evaluation.review_flags] == ["unscored"]


def test_input_errors_raise(rubric_set: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(), rubric_set=rubric_set, max_answer_chars=100)
    with pytest.raises(UnknownQuestionError):
        evaluator.evaluate("no-such-question", ANSWER)
    with pytest.raises(InputError, match="empty"):
        evaluator.evaluate(QID, "   \n")
    with pytest.raises(InputError, match="limit"):
        evaluator.evaluate(QID, "x" * 101)


def test_async_twin_matches_sync(rubric_set: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(score=4), rubric_set=rubric_set, clock=_fixed_clock)
    sync = evaluator.evaluate(QID, ANSWER)
    async_ = asyncio.run(evaluator.aevaluate(QID, ANSWER))
    assert async_.model_dump(exclude={"provenance"}) == sync.model_dump(exclude={"provenance"})


def test_evaluation_round_trips_as_json(rubric_set: RubricSet) -> None:
    from answer_eval.evaluation import Evaluation

    evaluation = Evaluator(judge=FakeJudge(), rubric_set=rubric_set).evaluate(QID, ANSWER)
    assert Evaluation.model_validate_json(evaluation.model_dump_json()) == evaluation
