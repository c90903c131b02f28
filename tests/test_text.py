"""The text module: one folding table, offset maps, words, sentences and negation scope."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_eval.judges.offline.lexicon.entries import fold as lexicon_fold
from answer_eval.text import (
    _SENTENCE_END,
    FoldedText,
    MappedText,
    compound_words,
    content_words,
    fold,
    is_negation,
    negated_before,
    sentences,
    squash,
    unhyphenated_dashes,
    words,
)


@settings(derandomize=True, database=None)
@given(st.text())
def test_fold_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)


def test_the_offline_judge_folds_with_the_shared_table() -> None:
    assert lexicon_fold is fold


def test_compound_words_keep_hyphenated_words_and_dashes_part_them() -> None:
    original = "I followed up\u2014twice\u2013with a co-worker\u2019s well\u2010known fix"
    folded = fold(original)
    assert "\u2014" not in folded
    wording = unhyphenated_dashes(original, folded)
    assert len(wording) == len(original)
    assert compound_words(wording) == [
        "i", "followed", "up", "twice", "with", "a", "co-worker's", "well-known", "fix"
    ]  # fmt: skip
    assert compound_words(folded)[2] == "up-twice-with"  # what the dashes would have joined
    assert unhyphenated_dashes("no dash", "no dash") == "no dash"
    assert compound_words(wording, 2, 10) == ["followed"]


def test_fold_plain_punctuation_and_growing_characters() -> None:
    assert fold("İİ Didn’t “SAY” it — ok\u00a0x") == 'İİ didn\'t "say" it - ok x'


def test_folded_text_maps_back_to_the_original() -> None:
    original = "  Hello,\n\tWORLD’s   end  "
    folded = FoldedText(original)
    assert folded.text == "hello, world's end"
    at = folded.text.index("world's end")
    start, end = folded.span(at, at + len("world's end"))
    assert original[start:end] == "WORLD’s   end"
    assert squash(original) == folded.text


def test_mapped_text_rewrites_keep_original_ranges() -> None:
    original = "a\\u0073b"
    mapped = MappedText(original)
    mapped.add("a", 0, 1)
    mapped.add("s", 1, 7)
    mapped.add("b", 7, 8)
    assert mapped.text == "asb"
    assert mapped.span(1, 2) == (1, 7)
    collapsed = mapped.rewrite(re.compile(r"sb"), "X")
    assert collapsed.text == "aX"
    assert collapsed.span(1, 2) == (1, 8)


def test_words_keep_inner_apostrophes() -> None:
    tokens = words("i didn't see the customer's note")
    assert [t.text for t in tokens] == ["i", "didn't", "see", "the", "customer's", "note"]
    assert all("i didn't see the customer's note"[t.start : t.end] == t.text for t in tokens)


def test_content_words_leave_out_stopwords_and_negations() -> None:
    assert content_words("i did not refund the order in 4 hours") == [
        "refund",
        "order",
        "4",
        "hours",
    ]
    assert content_words("i the he she it") == []
    assert is_negation("didn't")
    assert is_negation("never")
    assert not is_negation("note")


def test_sentences_split_at_ends_and_line_breaks() -> None:
    text = "I called her. She was upset!\nWe fixed it"
    assert [text[a:b] for a, b in sentences(text)] == [
        "I called her.",
        "She was upset!",
        "We fixed it",
    ]


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("i did not want to apologize to him", "apologize", True),
        ("instead of blaming the customer, i listened", "blaming", True),
        ("instead of blaming the customer, i listened", "listened", False),
        ("i never said it was their fault", "it was", True),
        ("i didn't apologize because it was their fault", "it was", False),
        ("i not only refunded the order", "refunded", False),
        ("the delay was not mine. i passed it on", "passed", False),
        ("nothing normal about it: i stayed", "stayed", False),
        ("i said no to nobody and i refunded", "refunded", False),
    ],
)
def test_negation_reaches_three_words_within_its_clause(
    text: str, word: str, negated: bool
) -> None:
    assert negated_before(text, text.index(word)) is negated


def test_aligned_mapped_text_keeps_offsets_through_rewrites() -> None:
    original = "Say 1GN0RE now"
    mapped = MappedText.aligned(original, original.lower())
    assert mapped.span(4, 10) == (4, 10)
    same = mapped.with_text(mapped.text.replace("1gn0re", "ignore"))
    assert same.text == "say ignore now"
    assert same.span(4, 10) == (4, 10)
    shorter = same.rewrite(re.compile(r"ignore "), "")
    assert shorter.text == "say now"
    assert shorter.span(4, 7) == (11, 14)
    with pytest.raises(ValueError, match="length"):
        MappedText.aligned(original, "x")


@settings(derandomize=True, database=None, max_examples=300)
@given(st.text(alphabet="ab .!?\n\"')]\u3002\uff01\t\r"))
def test_sentence_ends_are_the_plain_alternation(text: str) -> None:
    plain = re.compile(r"[.!?\u3002\uff01\uff1f]+[\"')\]]*(?=\s|$)|\n")
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
