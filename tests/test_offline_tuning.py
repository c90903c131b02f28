"""The offline judge's numbers live in ``tuning.yaml``; its calibration shows in verdicts and in
review flags that reach the Evaluation (uncertain answers, keyword stuffing)."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

import answer_eval
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.offline.dimensions import DimensionValue, round_together
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.judges.offline.quality import base_score
from answer_eval.judges.offline.tuning import TUNING_PATH, Tuning, load_tuning
from answer_eval.judgment import judgment_schema
from answer_eval.rubrics.loading import default_rubric_set

STRONG = (
    "Last spring a long-time customer was double-billed for her annual plan and had already been"
    " passed between two agents. I listened to the whole story, apologized, and told her I would"
    " own the case until it was fixed. I checked the payment logs and found that a failed card"
    " update had triggered a retry, so I refunded the second charge within four hours and asked"
    " our billing team to fix the retry. A week later I called her back: the refund had arrived,"
    " and she renewed for another year."
)


def raw_tuning() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TUNING_PATH.read_text(encoding="utf-8"))
    return data


def request(question_id: str, answer: str) -> JudgeRequest:
    question = default_rubric_set().question(question_id)
    return JudgeRequest(
        question=question,
        dimensions=(),
        answer=answer,
        messages=(),
        schema=judgment_schema(question),
        prompt_hash="test",
    )


# ------------------------------------------------------------------ the data file


def test_the_tuning_file_sits_inside_the_package() -> None:
    """Inside ``src/answer_eval`` hatch packages it with the wheel (``scripts/check_wheel.sh``
    scores with the offline judge from an installed wheel, which reads it)."""
    package = Path(answer_eval.__file__).resolve().parent
    assert TUNING_PATH.is_file()
    assert TUNING_PATH.resolve().is_relative_to(package)


def test_every_latent_weight_and_knot_comes_from_the_file() -> None:
    tuning = load_tuning()
    raw = raw_tuning()
    assert tuning.latent_weights == {k: float(v) for k, v in raw["latent"]["weights"].items()}
    assert tuning.knots == tuple((float(x), float(y)) for x, y in raw["quality"]["knots"])
    assert tuning.version == str(raw["version"])


def test_other_numbers_change_the_judgment() -> None:
    data = copy.deepcopy(raw_tuning())
    data["quality"]["knots"] = [[0.0, 1.0], [1.0, 1.0]]  # every answer at the floor
    harsh = OfflineJudge(tuning=Tuning.from_dict(data))
    usual = OfflineJudge()
    question = default_rubric_set().question("difficult-customer-issue")
    scores = [d.score for d in harsh.assess(question, STRONG).dimensions.values()]
    assert max(s or 0 for s in scores) <= 2
    assert max(d.score or 0 for d in usual.assess(question, STRONG).dimensions.values()) >= 4


def test_base_score_follows_the_knots() -> None:
    tuning = load_tuning()
    xs = [x for x, _ in tuning.knots]
    values = [base_score(q / 100, tuning) for q in range(101)]
    assert values == sorted(values)  # never falls as quality rises
    for x, y in tuning.knots:
        assert base_score(x, tuning) == pytest.approx(y)
    assert base_score(-1.0, tuning) == tuning.knots[0][1]
    assert base_score(2.0, tuning) == tuning.knots[-1][1]
    assert xs == sorted(xs)


# ------------------------------------------------------------------ rounding


def test_rounding_keeps_each_score_within_a_point_and_never_lifts_the_mean() -> None:
    rng = random.Random(12)
    for _ in range(500):
        dims = [f"d{i}" for i in range(rng.randint(1, 7))]
        weights = {d: rng.choice([0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0]) for d in dims}
        values = {d: DimensionValue(rng.uniform(0.5, 5.5)) for d in dims}
        scores = round_together(values, weights)
        clipped = {d: min(5.0, max(1.0, v.value)) for d, v in values.items()}
        assert all(1 <= s <= 5 for s in scores.values())
        assert all(abs(scores[d] - clipped[d]) < 1 for d in dims)
        total = sum(weights[d] * scores[d] for d in dims)
        assert total <= sum(weights[d] * clipped[d] for d in dims) + 1e-9


def test_caps_bind_after_rounding() -> None:
    values = {"a": DimensionValue(4.9, cap=2.0), "b": DimensionValue(4.9)}
    assert round_together(values, {"a": 1.0, "b": 1.0})["a"] == 2


# ------------------------------------------------------------------ verdicts and review flags


def test_review_flags_of_the_judge_reach_the_evaluation() -> None:
    salad = "Listened, empathized, took ownership, root cause, followed up, renewed, 30% CSAT."
    result = Evaluator(judge=OfflineJudge()).evaluate("difficult-customer-issue", salad)
    reply = OfflineJudge().judge(request("difficult-customer-issue", salad))
    assert [f.code for f in reply.review_flags] == ["possible_keyword_stuffing"]
    assert "possible_keyword_stuffing" in {f.code for f in result.review_flags}
    assert "offline_judge" in {f.code for f in result.review_flags}


def test_an_answer_the_judge_cannot_place_is_mixed_and_flagged() -> None:
    judge = OfflineJudge()
    evaluator = Evaluator(judge=judge)
    low, high = judge.tuning.uncertain
    answers = [
        "Excellent customer service means being friendly, answering questions correctly and"
        " making sure the customer leaves satisfied. It also means being patient.",
        "A customer's parcel was late and he was annoyed. I checked the tracking and told him"
        " when it would arrive and gave him a discount code. He was ok with that.",
    ]
    seen = 0
    for question_id, answer in zip(
        ["excellent-customer-service", "difficult-customer-issue"], answers, strict=True
    ):
        quality = judge.assessment(default_rubric_set().question(question_id), answer).quality
        result = evaluator.evaluate(question_id, answer)
        flagged = "offline_uncertain" in {f.code for f in result.review_flags}
        assert flagged == (low <= quality < high)
        if flagged:
            seen += 1
            assert result.recommendation == "mixed"
    assert seen >= 1


def test_model_answer_is_recommended_and_an_answer_to_avoid_is_not() -> None:
    evaluator = Evaluator(judge=OfflineJudge())
    good = evaluator.evaluate("difficult-customer-issue", STRONG)
    bad = evaluator.evaluate("difficult-customer-issue", "I always try my best with customers.")
    assert good.recommendation in {"strong_yes", "yes"}
    assert bad.recommendation in {"no", "definitely_not"}
    assert not any(f.code == "offline_uncertain" for f in good.review_flags)


@pytest.mark.parametrize("answer", ["", "  ", "N/A", "Yes.", "I don't know."])
def test_nothing_on_the_question_is_quality_zero(answer: str) -> None:
    question = default_rubric_set().question("difficult-customer-issue")
    assert OfflineJudge().assessment(question, answer).quality == 0.0
