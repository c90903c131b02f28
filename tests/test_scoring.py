"""Scoring: weights, verified support, red-flag penalties and recommendation caps."""

from __future__ import annotations

import pytest

from answer_eval.judgment import parse_judgment
from answer_eval.rubrics.models import RubricSet
from answer_eval.scoring import CORE_DIMENSIONS, grade
from answer_eval.testing import judgment_for

QID = "difficult-customer-issue"
ANSWER = "Last year a client was double-billed. I fixed the root cause within 4 hours."
QUOTE = "I fixed the root cause within 4 hours"


def _grade(rubric_set: RubricSet, **kwargs: object):  # type: ignore[no-untyped-def]
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=str(kwargs.pop("quote", QUOTE)), **kwargs)  # type: ignore[arg-type]
    return grade(rubric_set, question, parse_judgment(data, question), ANSWER)


def test_all_fives_and_criteria_met_is_strong_yes(rubric_set: RubricSet) -> None:
    result = _grade(rubric_set, score=5, verdict="met")
    assert result.overall == 5.0
    assert result.overall_100 == 100
    assert result.recommendation == "strong_yes"
    assert result.criteria_coverage == 1.0
    assert result.review_flags == []


def test_all_ones_and_nothing_met_is_definitely_not(rubric_set: RubricSet) -> None:
    result = _grade(rubric_set, score=1, verdict="not_met")
    assert result.overall == 1.0
    assert result.overall_100 == 0
    assert result.recommendation == "definitely_not"


def test_weighted_mean_follows_rubric_weights(rubric_set: RubricSet) -> None:
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=QUOTE, score=3, verdict="not_met")
    data["dimensions"]["star"]["score"] = 5  # star weighs 1.5 of 5.25
    result = grade(rubric_set, question, parse_judgment(data, question), ANSWER)
    weights = question.weights
    expected_dims = (3 * sum(weights.values()) + 2 * weights["star"]) / sum(weights.values())
    share = rubric_set.scoring.criteria_share
    assert abs(result.overall - ((1 - share) * expected_dims + share * 1.0)) < 1e-3


def test_core_dimensions_always_listed(rubric_set: RubricSet) -> None:
    question = rubric_set.question("define-customer-service")
    data = judgment_for(question, quote="Customers", score=4)
    result = grade(rubric_set, question, parse_judgment(data, question), "Customers matter.")
    listed = {d.id: d for d in result.dimensions}
    for dim in CORE_DIMENSIONS:
        assert dim in listed
        if dim not in question.applicable_dimensions():
            assert listed[dim].status == "not_applicable"
            assert listed[dim].reason


def test_invented_quotes_never_support(rubric_set: RubricSet) -> None:
    result = _grade(rubric_set, score=5, verdict="met", quote="I single-handedly saved the account")
    assert all(c.verdict == "not_met" and c.judged == "met" for c in result.criteria)
    assert result.criteria_coverage == 0.0
    codes = {(f.code, f.ref) for f in result.review_flags}
    for dim in rubric_set.question(QID).applicable_dimensions():
        assert ("unverified_evidence", dim) in codes
    assert all(not e.verified for d in result.dimensions for e in d.evidence)


def test_red_flag_penalty_and_critical_cap(rubric_set: RubricSet) -> None:
    question = next(
        q for q in rubric_set.questions if any(r.severity == "critical" for r in q.red_flags)
    )
    critical = next(r for r in question.red_flags if r.severity == "critical")
    answer = "I handled it well and the customer was happy in the end, truly."
    clean = judgment_for(question, quote=answer, score=5)
    flagged = judgment_for(question, quote=answer, score=5, red_flags={critical.id: answer})
    good = grade(rubric_set, question, parse_judgment(clean, question), answer)
    bad = grade(rubric_set, question, parse_judgment(flagged, question), answer)
    assert good.recommendation == "strong_yes"
    assert bad.overall < good.overall
    assert bad.recommendation in ("no", "definitely_not")
    (flag,) = [f for f in bad.red_flags if f.id == critical.id]
    assert flag.present
    assert flag.detected_by == ["judge"]


def test_cue_phrase_red_flag_counts_when_the_judge_misses_it(rubric_set: RubricSet) -> None:
    from answer_eval.checks import cue_red_flags

    question = rubric_set.question(QID)
    answer = "I always try my best with every customer. I fixed the root cause within 4 hours."
    data = judgment_for(question, quote="I fixed the root cause within 4 hours", score=4)
    result = grade(
        rubric_set,
        question,
        parse_judgment(data, question),
        answer,
        cue_hits=cue_red_flags(question, answer),
    )
    (flag,) = [f for f in result.red_flags if f.id == "vague-best-effort"]
    assert flag.present
    assert flag.detected_by == ["cue"]
    assert flag.evidence[0].span is not None
    assert flag.evidence[0].span.text == "I always try my best"
    assert ("judge_check_disagreement", "vague-best-effort") in {
        (f.code, f.ref) for f in result.review_flags
    }


def _grade_with(rubric_set: RubricSet, data: dict[str, object], answer: str = ANSWER):  # type: ignore[no-untyped-def]
    question = rubric_set.question(QID)
    return grade(rubric_set, question, parse_judgment(data, question), answer)


@pytest.mark.parametrize("quote", ["I", "the", "he"])
def test_stopword_quotes_earn_no_coverage_and_no_high_score(
    rubric_set: RubricSet, quote: str
) -> None:
    # release 0.1: coverage 1.0, overall 5.0, strong_yes
    result = _grade(rubric_set, score=5, verdict="met", quote=quote)
    assert result.criteria_coverage == 0.0
    assert all(c.verdict == "not_met" and c.unsupported for c in result.criteria)
    cap = rubric_set.scoring.no_evidence_score
    assert all(d.score == cap for d in result.dimensions if d.status == "scored")
    assert result.overall <= cap
    assert result.recommendation in ("no", "definitely_not")
    rejections = {e.rejection for d in result.dimensions for e in d.evidence}
    assert rejections == {"too_short"}


def test_a_dimension_without_verified_quotes_is_capped_at_the_no_evidence_level(
    rubric_set: RubricSet,
) -> None:
    # release 0.1: a 5 with no verified quote still counted (overall 3.4, "mixed")
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=QUOTE, score=5, verdict="not_met")
    data["dimensions"]["empathy"]["evidence"] = ["I comforted the crying customer for an hour"]
    result = _grade_with(rubric_set, data)
    empathy = next(d for d in result.dimensions if d.id == "empathy")
    cap = rubric_set.scoring.no_evidence_score
    assert (empathy.score, empathy.judged_score, empathy.unsupported) == (cap, 5, True)
    others = [d for d in result.dimensions if d.status == "scored" and d.id != "empathy"]
    assert all((d.score, d.judged_score, d.unsupported) == (5, 5, False) for d in others)
    (flag,) = [f for f in result.review_flags if f.ref == "empathy"]
    assert (flag.code, flag.failed_quotes) == ("unverified_evidence", 1)


def test_the_cap_comes_from_the_rubric_set(rubric_set: RubricSet) -> None:
    scoring = rubric_set.scoring.model_copy(update={"no_evidence_score": 1})
    strict = rubric_set.model_copy(update={"scoring": scoring})
    result = _grade(strict, score=4, verdict="met", quote="I single-handedly saved the account")
    assert {d.score for d in result.dimensions if d.status == "scored"} == {1}
    assert result.overall == 1.0


def test_a_low_score_without_quotes_is_weak_not_unsupported(rubric_set: RubricSet) -> None:
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=QUOTE, score=1, verdict="not_met")
    data["dimensions"]["empathy"]["evidence"] = []
    result = _grade_with(rubric_set, data)
    empathy = next(d for d in result.dimensions if d.id == "empathy")
    assert (empathy.score, empathy.unsupported) == (1, False)
    assert result.review_flags == []


def test_a_score_with_no_quote_at_all_is_unsupported(rubric_set: RubricSet) -> None:
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=QUOTE, score=4, verdict="met")
    data["dimensions"]["ownership"]["evidence"] = []
    result = _grade_with(rubric_set, data)
    ownership = next(d for d in result.dimensions if d.id == "ownership")
    assert ownership.unsupported
    (flag,) = [f for f in result.review_flags if f.ref == "ownership"]
    assert flag.failed_quotes is None


def test_an_invented_quote_beside_a_real_one_is_flagged(rubric_set: RubricSet) -> None:
    # issue 15: the invented quote was marked unverified, but nothing asked for review
    question = rubric_set.question(QID)
    data = judgment_for(question, quote=QUOTE, score=4, verdict="met")
    invented = "I escalated it to the CEO the same day"
    data["dimensions"]["ownership"]["evidence"] = [QUOTE, invented]
    criterion = question.criteria[0].id
    data["criteria"][criterion]["evidence"] = [invented, QUOTE, "I"]
    result = _grade_with(rubric_set, data)
    ownership = next(d for d in result.dimensions if d.id == "ownership")
    assert (ownership.score, ownership.unsupported) == (4, False)
    flags = {f.ref: f for f in result.review_flags}
    assert set(flags) == {"ownership", criterion}
    assert flags["ownership"].failed_quotes == 1
    assert flags[criterion].failed_quotes == 2
    verdict = next(c for c in result.criteria if c.id == criterion)
    assert (verdict.verdict, verdict.unsupported) == ("met", False)


def test_unverified_star_and_red_flag_quotes_are_flagged_by_name(rubric_set: RubricSet) -> None:
    question = rubric_set.question(QID)
    red_flag = question.red_flags[0].id
    data = judgment_for(
        question, quote=QUOTE, score=4, red_flags={red_flag: "I blamed the billing team loudly"}
    )
    data["star"]["result"] = "The customer renewed for five years"
    result = _grade_with(rubric_set, data)
    flags = {f.ref: f for f in result.review_flags}
    assert set(flags) == {red_flag, "star.result"}
    (flag,) = [f for f in result.red_flags if f.id == red_flag]
    assert (flag.present, flag.unsupported) == (False, True)
    assert result.star.result is not None
    assert result.star.result.rejection == "not_found"
