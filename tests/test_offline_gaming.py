"""The offline judge cannot be gamed: cue salads, comma lists of cues, repetition and unrelated
text earn nothing, and packed cue phrases raise the ``possible_keyword_stuffing`` review flag."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.rubrics.loading import default_rubric_set, load_yaml
from answer_eval.rubrics.models import Question

DATA = Path(__file__).parent / "data" / "labelled_answers.yaml"
ORDER = ("strong_yes", "yes", "mixed", "no", "definitely_not")
# Salads of the kind the issue describes, and variations on them (hand-written).
GENERIC_SALADS = [
    "Active listening, empathy, ownership, root cause analysis, follow-up, de-escalation, STAR,"
    " sentiment analysis, knowledge base, CSAT, within 4 hours, renewed.",
    "I listened, empathized, apologized, took ownership, found the root cause, collaborated with"
    " the team, followed up, and as a result the customer renewed within 24 hours with 95%"
    " satisfaction.",
    "I listened and acknowledged her frustration. I took ownership and responsibility. I found the"
    " root cause and prevented recurrence. I followed up and checked back a week later. As a"
    " result she renewed and CSAT rose 30%.",
    "Situation, task, action, result. Listened. Empathized. Owned it. Root cause. Prevented."
    " Followed up. Renewed. 30% better.",
]


@cache
def evaluator() -> Evaluator:
    return Evaluator(judge=OfflineJudge())


@cache
def questions() -> tuple[Question, ...]:
    return tuple(default_rubric_set().questions)


@cache
def labelled() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    return data


def evaluate(question_id: str, answer: str) -> Evaluation:
    return evaluator().evaluate(question_id, answer)


def codes(evaluation: Evaluation) -> set[str]:
    return {flag.code for flag in evaluation.review_flags}


def question_salads(question: Question) -> list[str]:
    """The question's own cue phrases as a comma list, as fragments and as "I" chains."""
    cues = [cue for criterion in question.criteria for cue in criterion.cues]
    return [
        ", ".join(cues) + ".",
        "I " + ", ".join(cues[:8]) + " and " + cues[-1] + ".",
        ". ".join(cue[:1].upper() + cue[1:] for cue in cues) + ".",
    ]


@pytest.mark.parametrize("question", questions(), ids=lambda q: q.id)
def test_cue_salads_are_never_above_mixed_and_are_flagged(question: Question) -> None:
    for salad in GENERIC_SALADS + question_salads(question):
        result = evaluate(question.id, salad)
        assert result.recommendation is not None
        assert ORDER.index(result.recommendation) >= ORDER.index("mixed"), salad
        assert "possible_keyword_stuffing" in codes(result), salad


def test_the_salad_of_the_issue_no_longer_scores_like_the_best_answer() -> None:
    best = evaluate("difficult-customer-issue", labelled()["answers"]["dci-strong"]["text"])
    for salad in GENERIC_SALADS + question_salads(default_rubric_set().question(best.question_id)):
        assert (evaluate(best.question_id, salad).overall or 0) < (best.overall or 0) - 1.0


@pytest.mark.parametrize("answer_id", ["dci-weak", "rcf-weak", "calm-weak", "ai-weak"])
def test_a_salad_added_to_a_weak_answer_earns_nothing(answer_id: str) -> None:
    answer = labelled()["answers"][answer_id]
    question = default_rubric_set().question(answer["question_id"])
    before = evaluate(question.id, answer["text"])
    for salad in GENERIC_SALADS[:2] + question_salads(question)[:2]:
        after = evaluate(question.id, f"{answer['text'].strip()} {salad}")
        assert (after.overall or 0) <= (before.overall or 0), salad


def test_real_answers_are_not_flagged_as_stuffing() -> None:
    for answer_id, answer in labelled()["answers"].items():
        if answer["question_id"] in {q.id for q in questions()}:
            result = evaluate(answer["question_id"], answer["text"])
            assert "possible_keyword_stuffing" not in codes(result), answer_id


def test_the_stuffing_flag_quotes_the_stuffed_text() -> None:
    salad = GENERIC_SALADS[1]
    answer = f"I worked at a bike shop last year. {salad}"
    flag = next(
        f
        for f in evaluate("difficult-customer-issue", answer).review_flags
        if f.code == "possible_keyword_stuffing"
    )
    assert "empathized" in flag.message


def test_repeating_an_answer_adds_nothing() -> None:
    text = labelled()["answers"]["rcf-strong"]["text"]
    once = evaluate("request-cannot-fulfill", text)
    thrice = evaluate("request-cannot-fulfill", "\n\n".join([text] * 3))
    assert thrice.overall == once.overall
    assert [d.score for d in thrice.dimensions] == [d.score for d in once.dimensions]


@pytest.mark.parametrize(
    "padding",
    [
        "The Eiffel Tower was completed in 1889. Honey never spoils. Octopuses have three hearts.",
        "On weekends I go hiking with my two dogs, and last summer my family rented a cabin by a"
        " lake. My grandmother grew tomatoes and beans in her garden.",
    ],
)
@pytest.mark.parametrize("answer_id", ["dci-weak", "pos-weak", "fussy-weak"])
def test_unrelated_text_earns_nothing(answer_id: str, padding: str) -> None:
    answer = labelled()["answers"][answer_id]
    before = evaluate(answer["question_id"], answer["text"])
    after = evaluate(answer["question_id"], f"{answer['text'].strip()} {padding}")
    assert (after.overall or 0) <= (before.overall or 0)
