"""Grounding properties over random answers and quotes (hypothesis).

* Soundness: a verified quote's words, leaving out the small words a copying judge may drop
  ("the", "a", "to"), stand in the answer as whole words, contiguous and in order (each piece
  of an elided quote, pieces in order), and its span is the answer's own text on word bounds.
* Negation: a quote that adds a negation to the answer's words, or takes words the answer
  negates, is never verified.
* Completeness (so the properties cannot hold vacuously): a verbatim run of the answer's words
  with two content words, outside any negation, is verified exactly.

The vocabulary's content words are pairwise far apart in spelling, so no random quote is a
typo of another word: fuzzy matching is exercised only by the small words it may drop.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from answer_eval.edits import DROPPABLE
from answer_eval.evaluation import Evidence, Span
from answer_eval.grounding import ground
from answer_eval.text import fold, negated_before, words

_CONTENT_TEXT = """refund invoice manager ticket billing customer apology warehouse courier contract
renewal checklist engineer schedule feedback password shipment discount laptop printer budget
meeting survey"""
CONTENT = _CONTENT_TEXT.split()
ABSENT = ["volcano", "penguin", "marble", "saxophone"]
SMALL = ["the", "a", "to", "and", "i", "she", "her"]
NEGATIONS = ["not", "never", "didn't"]
# Derandomised and without an example database: the same examples on every run and machine.
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def test_the_vocabulary_holds_no_near_spellings() -> None:
    for a, b in combinations(CONTENT + ABSENT, 2):
        assert SequenceMatcher(None, a, b).ratio() < 0.8, (a, b)
        assert a not in b
        assert b not in a


def _kept(text: str) -> list[str]:
    return [t.text for t in words(fold(text)) if t.text not in DROPPABLE]


def _find(needle: list[str], haystack: list[str], start: int) -> int:
    """Index after the first contiguous occurrence of ``needle`` from ``start``, or -1."""
    for i in range(start, len(haystack) - len(needle) + 1):
        if haystack[i : i + len(needle)] == needle:
            return i + len(needle)
    return -1


def _in_answer_in_order(quote: str, answer: str) -> bool:
    pieces = [p for p in quote.split("...") if _kept(p)]
    haystack, at = _kept(answer), 0
    for piece in pieces:
        at = _find(_kept(piece), haystack, at)
        if at < 0:
            return False
    return True


def _on_word_bounds(span: Span, answer: str) -> bool:
    before = answer[span.start - 1 : span.start]
    after = answer[span.end : span.end + 1]
    return (
        answer[span.start : span.end] == span.text
        and not (before.isalnum() and span.text[:1].isalnum())
        and not (after.isalnum() and span.text[-1:].isalnum())
    )


def _check_sound(quote: str, answer: str) -> Evidence:
    evidence = ground(quote, answer)
    if evidence.verified:
        assert _in_answer_in_order(quote, answer), (quote, answer, evidence)
        assert evidence.span is not None
        spans = evidence.pieces or [evidence.span]
        folded = fold(answer)
        for span in spans:
            assert _on_word_bounds(span, answer), (quote, answer, span)
            assert not negated_before(folded, span.start), (quote, answer, span)
    return evidence


answers = st.lists(st.sampled_from(CONTENT + SMALL + NEGATIONS), min_size=4, max_size=40)
plain_answers = st.lists(st.sampled_from(CONTENT + SMALL), min_size=4, max_size=40)


def _render(tokens: list[str], commas: list[bool]) -> str:
    return " ".join(t + ("," if c else "") for t, c in zip(tokens, commas, strict=False))


@st.composite
def answer_and_quote(draw: st.DrawFn) -> tuple[str, str]:
    tokens = draw(answers)
    answer = _render(tokens, draw(st.lists(st.booleans(), min_size=len(tokens))))
    i = draw(st.integers(0, len(tokens) - 1))
    j = draw(st.integers(i + 1, len(tokens)))
    run = tokens[i:j]
    kind = draw(st.sampled_from(["run", "words", "swap", "replace", "cut", "elided", "drop"]))
    if kind == "words":
        run = draw(st.lists(st.sampled_from(CONTENT + SMALL + ABSENT), min_size=1, max_size=8))
    elif kind == "swap" and len(run) >= 2:
        k = draw(st.integers(0, len(run) - 2))
        run[k], run[k + 1] = run[k + 1], run[k]
    elif kind == "replace":
        run[draw(st.integers(0, len(run) - 1))] = draw(st.sampled_from(CONTENT + ABSENT))
    elif kind == "drop" and len(run) >= 3:
        del run[draw(st.integers(1, len(run) - 2))]
    elif kind == "cut":
        start = draw(st.integers(0, max(0, len(answer) - 2)))
        return answer, answer[start : draw(st.integers(start + 1, len(answer)))]
    elif kind == "elided":
        k = draw(st.integers(0, len(tokens) - 1))
        other = tokens[k : k + draw(st.integers(1, 6))]
        first, second = (run, other) if draw(st.booleans()) else (other, run)
        return answer, " ".join(first) + " ... " + " ".join(second)
    if draw(st.booleans()):
        run = [w.upper() if draw(st.booleans()) else w for w in run]
    return answer, " ".join(run)


@PROPERTY
@given(answer_and_quote())
def test_no_quote_outside_the_answer_is_ever_verified(case: tuple[str, str]) -> None:
    answer, quote = case
    _check_sound(quote, answer)


@st.composite
def negated_quote(draw: st.DrawFn) -> tuple[str, str]:
    tokens = draw(plain_answers)
    i = draw(st.integers(0, len(tokens) - 2))
    j = draw(st.integers(i + 2, len(tokens)))
    run = list(tokens[i:j])
    run.insert(draw(st.integers(0, len(run))), draw(st.sampled_from(NEGATIONS)))
    return " ".join(tokens), " ".join(run)


@PROPERTY
@given(negated_quote())
def test_a_quote_with_an_added_negation_is_never_verified(case: tuple[str, str]) -> None:
    answer, quote = case
    evidence = _check_sound(quote, answer)
    assert not evidence.verified
    assert evidence.rejection in ("meaning_changed", "not_found", "too_short")


@st.composite
def dodged_negation(draw: st.DrawFn) -> tuple[str, str, int]:
    tokens = draw(plain_answers)
    at = draw(st.integers(0, len(tokens) - 2))
    tokens.insert(at, draw(st.sampled_from(NEGATIONS)))
    run = tokens[at + 1 : at + 1 + draw(st.integers(2, 6))]
    where = len(" ".join(tokens[: at + 1])) + 1
    return " ".join(tokens), " ".join(run), where


@PROPERTY
@given(dodged_negation())
def test_words_the_answer_negates_are_never_verified_from_there(
    case: tuple[str, str, int],
) -> None:
    answer, quote, negated_at = case
    evidence = _check_sound(quote, answer)
    if evidence.verified:  # only where the same words also stand un-negated elsewhere
        assert evidence.span is not None
        assert evidence.span.start != negated_at


@st.composite
def verbatim_run(draw: st.DrawFn) -> tuple[str, str]:
    tokens = draw(plain_answers.filter(lambda t: sum(w in CONTENT for w in t) >= 2))
    content_at = [k for k, w in enumerate(tokens) if w in CONTENT]
    a = draw(st.integers(0, len(content_at) - 2))
    b = draw(st.integers(a + 1, len(content_at) - 1))
    return " ".join(tokens), " ".join(tokens[content_at[a] : content_at[b] + 1])


@PROPERTY
@given(verbatim_run())
def test_a_verbatim_run_with_two_content_words_is_verified(case: tuple[str, str]) -> None:
    answer, quote = case
    evidence = _check_sound(quote, answer)
    assert evidence.verified, evidence
    assert evidence.span is not None
    assert evidence.span.match == "exact"
    assert evidence.span.text == quote
