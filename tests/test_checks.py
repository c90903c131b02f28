"""Deterministic red-flag checks: verbatim cue phrases, as spans of the answer."""

from __future__ import annotations

import pytest

from answer_eval.checks import cue_red_flags
from answer_eval.rubrics.models import RubricSet


@pytest.mark.parametrize(
    ("question_id", "answer", "flag"),
    [
        ("difficult-customer-issue", "Honestly I always try my best.", "vague-best-effort"),
        ("request-cannot-fulfill", "I tell them I’ll look into it and move on.", None),
        ("request-cannot-fulfill", "I tell them I'll look into it and move on.", None),
        ("positive-attitude-rude-customers", "Dealing with customers is tiring.", None),
    ],
)
def test_cue_phrases_are_found_with_either_apostrophe(
    rubric_set: RubricSet, question_id: str, answer: str, flag: str | None
) -> None:
    question = rubric_set.question(question_id)
    hits = cue_red_flags(question, answer)
    assert hits, answer
    if flag is not None:
        assert flag in hits
    for spans in hits.values():
        for span in spans:
            assert answer[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "answer",
    [
        "I didn't want to just say no in an email, so I called her.",
        "Instead of saying I'll look into it, I gave her a date.",
    ],
)
def test_negated_cues_are_not_red_flags(rubric_set: RubricSet, answer: str) -> None:
    assert cue_red_flags(rubric_set.question("request-cannot-fulfill"), answer) == {}


def test_cue_needs_word_boundaries(rubric_set: RubricSet) -> None:
    question = rubric_set.question("difficult-customer-issue")
    assert cue_red_flags(question, "I always try my bestest.") == {}


def test_negation_does_not_reach_into_the_previous_sentence(rubric_set: RubricSet) -> None:
    question = rubric_set.question("difficult-customer-issue")
    answer = "The mistake was not mine. I passed it to my manager and went home."
    assert "immediate-escalation" in cue_red_flags(question, answer)


def test_cue_spans_stay_true_after_characters_that_grow_when_lower_cased(
    rubric_set: RubricSet,
) -> None:
    question = rubric_set.question("difficult-customer-issue")
    answer = "İİİİ Honestly I always try my best."
    (span,) = cue_red_flags(question, answer)["vague-best-effort"]
    assert span.text == "I always try my best"
    assert answer[span.start : span.end] == span.text
