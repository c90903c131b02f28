"""Grounding: quotes become spans of the answer, or stay unverified."""

from __future__ import annotations

import pytest

from answer_eval.grounding import FUZZY_MIN_CHARS, ground

ANSWER = (
    "Last March a customer’s  invoice was wrong and she was furious.\n"
    "I listened to her, apologised and fixed the billing error within 4 hours. "
    "A week later I followed up and she renewed her contract."
)


def _located(quote: str) -> tuple[str, str]:
    evidence = ground(quote, ANSWER)
    assert evidence.verified, quote
    assert evidence.span is not None
    assert ANSWER[evidence.span.start : evidence.span.end] == evidence.span.text
    return evidence.span.match, evidence.span.text


def test_exact_quote() -> None:
    assert _located("I listened to her") == ("exact", "I listened to her")


def test_quote_marks_and_trailing_ellipsis_are_trimmed() -> None:
    assert _located('"I followed up..."') == ("exact", "I followed up")


def test_normalized_case_whitespace_and_typographic_quotes() -> None:
    match, text = _located("customer's invoice was WRONG")
    assert match == "normalized"
    assert text == "customer’s  invoice was wrong"


def test_normalized_across_a_line_break() -> None:
    match, text = _located("she was furious. I listened")
    assert match == "normalized"
    assert text == "she was furious.\nI listened"


def test_fuzzy_tolerates_a_typo_and_dropped_comma() -> None:
    match, text = _located("I listened to her apologised and fixed the billing eror within 4 hours")
    assert match == "fuzzy"
    assert text == "I listened to her, apologised and fixed the billing error within 4 hours"


@pytest.mark.parametrize(
    "quote",
    [
        "I calmed the client down and refunded the whole order",  # paraphrase, invented
        "I listened to the customer, apologized and fixed the problem within four hours",
        "furious customer",  # words present, not in that order
        "",
    ],
)
def test_invented_or_paraphrased_quotes_stay_unverified(quote: str) -> None:
    evidence = ground(quote, ANSWER)
    assert not evidence.verified
    assert evidence.span is None
    assert evidence.quote == quote


def test_short_quotes_are_never_fuzzy() -> None:
    short = "I listend"
    assert len(short) < FUZZY_MIN_CHARS
    assert not ground(short, ANSWER).verified


def test_elided_quote_is_checked_by_its_longest_piece() -> None:
    evidence = ground("I listened to her ... she renewed her contract", ANSWER)
    assert evidence.verified
    assert evidence.span is not None
    assert evidence.span.text == "she renewed her contract"
