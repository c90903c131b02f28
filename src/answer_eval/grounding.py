"""Grounding: find each quote a judge gave in the answer, as a span with character offsets.

A quote is **verified** only when all of these hold (otherwise it is kept, unverified, with the
reason in ``Evidence.rejection``, and never counts as support):

1. it carries at least ``MIN_CONTENT_WORDS`` content words (words that are not stopwords such
   as "I", "the", "he"), or one when it is a whole sentence of the answer ("That was my
   fault."): ``too_short`` otherwise;
2. it stands in the answer as whole words: exactly, or after folding case, whitespace and
   typographic quotes (``normalized``), or as a near-copy (``fuzzy``, below). Text found only
   inside longer words ("he" in "the") is ``partial_word``;
3. no negation governs it in the answer: "blamed the customer" taken from "I never blamed the
   customer" is ``meaning_changed``;
4. a near-copy (``fuzzy``) has a character similarity of at least ``FUZZY_THRESHOLD`` to the
   final span of whole words (computed on that span, not on a search window) and differs from
   it only in spelling (a typo, British/American, a plural) and small words ("the", "a"): a
   changed negation, number, person or antonym-prone word is ``meaning_changed``
   (``answer_eval.edits``), any other changed word is ``not_found``;
5. a quote with elisions ("...", "…", "[...]") is verified only when every piece is found, in
   order (``pieces_out_of_order`` when they all exist in another order).

Why two content words: one word ("refund", "customer") shows only that a topic is mentioned and
stands in almost any answer; two content words in their original order form a phrase ("issued
a refund", "followed up the next day") that says what the candidate did. A whole sentence is a
complete statement of the candidate's, so one content word is enough there. Why 0.9: a copy with a
typo or a dropped comma differs by about one character in ten; a paraphrase differs far more.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from answer_eval.edits import compare_words
from answer_eval.evaluation import Evidence, MatchKind, Rejection, Span
from answer_eval.text import (
    FoldedText,
    Token,
    content_words,
    negated_before,
    sentences,
    split_words,
    squash,
    words,
)

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_CONTENT_WORDS",
    "NormalizedText",
    "ground",
    "ground_all",
]

MIN_CONTENT_WORDS = 2
FUZZY_THRESHOLD = 0.9
# A copied quote shares nearly all its words with the answer; an invented one does not. Below
# this share no fuzzy search is tried (it is the costly part).
_FUZZY_MIN_WORD_SHARE = 0.5
_TRIM = " \t\r\n\"'`\u2018\u2019\u201c\u201d.\u2026"
_DOTS = r"(?:\.{3,}|\u2026)"
_ELISION = re.compile(rf"\s*(?:\[\s*{_DOTS}\s*\]|\(\s*{_DOTS}\s*\)|{_DOTS})\s*")
# The worse reason wins when several occurrences fail differently.
_RANK: dict[Rejection, int] = {"not_found": 0, "partial_word": 1, "meaning_changed": 2}


class NormalizedText(FoldedText):
    """An answer folded for grounding, with its words indexed and quotes memoised (a judge
    often cites the same quote several times)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.memo: dict[str, Evidence] = {}
        self._tokens: list[Token] | None = None
        self._where: dict[str, list[int]] = {}

    @property
    def tokens(self) -> list[Token]:
        """The words of the folded text, in order."""
        if self._tokens is None:
            self._tokens = words(self.text)
            for i, token in enumerate(self._tokens):
                self._where.setdefault(token.text, []).append(i)
        return self._tokens

    def where(self, word: str) -> list[int]:
        """Indexes in ``tokens`` of the occurrences of ``word``."""
        _ = self.tokens
        return self._where.get(word, [])


class _Found(NamedTuple):
    start: int  # offsets in the folded text
    end: int
    match: MatchKind
    similarity: float


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _whole_words(text: str, start: int, end: int) -> bool:
    if _is_word_char(text, start) and _is_word_char(text, start - 1):
        return False
    if _is_word_char(text, end - 1) and _is_word_char(text, end):
        return False
    return not (text[end : end + 2] == "'t" and text[end - 1 : end] == "n")  # "didn" of "didn't"


def _negated(folded: NormalizedText, start: int) -> bool:
    return negated_before(folded.folded, folded.origin(start))


def _exact(folded: NormalizedText, target: str, after: int) -> _Found | Rejection:
    text = folded.text
    worst: Rejection = "not_found"
    at = text.find(target, after)
    while at >= 0:
        end = at + len(target)
        if not _whole_words(text, at, end):
            worst = max(worst, "partial_word", key=_RANK.__getitem__)
        elif _negated(folded, at):
            worst = "meaning_changed"
        else:
            return _Found(at, end, "normalized", 1.0)
        at = text.find(target, at + 1)
    return worst


def _fuzzy(folded: NormalizedText, target: str, after: int) -> _Found | Rejection:
    """The best whole-word window similar to ``target`` whose edits keep its meaning."""
    quoted = split_words(target)
    shared = sum(1 for w in quoted if w in folded.vocabulary)
    if not quoted or shared / len(quoted) < _FUZZY_MIN_WORD_SHARE:
        return "not_found"
    tokens, votes = folded.tokens, dict[int, int]()
    for i, word in enumerate(quoted):  # each shared word votes for where the copy starts
        for j in folded.where(word):
            votes[j - i] = votes.get(j - i, 0) + 1
    scorer = SequenceMatcher(None, autojunk=False)
    scorer.set_seq2(target)
    windows: set[tuple[int, int]] = set()
    for start in sorted(votes, key=votes.__getitem__, reverse=True)[:2]:
        # a dropped or added word moves the copy's first and last word by one
        for first in (start - 1, start, start + 1):
            for last in range(first + len(quoted) - 2, first + len(quoted) + 1):
                if 0 <= first <= last < len(tokens) and tokens[first].start >= after:
                    windows.add((tokens[first].start, tokens[last].end))
    ranked = []
    for a, b in windows:
        scorer.set_seq1(folded.text[a:b])
        if scorer.real_quick_ratio() >= FUZZY_THRESHOLD:
            bound = scorer.quick_ratio()  # an upper bound of ratio(), far cheaper
            if bound >= FUZZY_THRESHOLD:
                ranked.append((bound, a, b))
    worst: Rejection = "not_found"
    scored = []
    for _bound, a, b in sorted(ranked, reverse=True)[:4]:
        scorer.set_seq1(folded.text[a:b])
        scored.append((scorer.ratio(), a, b))
    for ratio, a, b in sorted(scored, reverse=True):
        if ratio < FUZZY_THRESHOLD:
            break
        edits = compare_words(quoted, split_words(folded.text[a:b]))
        if edits == "meaning_changed" or (edits == "same" and _negated(folded, a)):
            worst = "meaning_changed"
        elif edits == "same":
            return _Found(a, b, "fuzzy", round(ratio, 4))
    return worst


def _locate(folded: NormalizedText, piece: str, after: int) -> _Found | Rejection:
    target = squash(piece)
    found = _exact(folded, target, after)
    if found != "not_found":  # found, or found only inside words or under a negation
        return found
    return _fuzzy(folded, target, after)


def _span(answer: str, folded: NormalizedText, found: _Found, piece: str) -> Span:
    start, end = folded.span(found.start, found.end)
    text = answer[start:end]
    match = "exact" if found.match == "normalized" and text == piece else found.match
    return Span(start=start, end=end, text=text, match=match, similarity=found.similarity)


def _whole_sentence(answer: str, span: Span) -> bool:
    """True when ``span`` is one sentence of ``answer``, with or without its end mark."""
    for start, end in sentences(answer):
        if start == span.start and answer[span.end : end].strip(".!?\"')]") == "":
            return span.end <= end
    return False


def _rejected(quote: str, reason: Rejection) -> Evidence:
    return Evidence(quote=quote, verified=False, rejection=reason)


def ground(
    quote: str,
    answer: str,
    folded: NormalizedText | None = None,
    *,
    min_content: int = MIN_CONTENT_WORDS,
) -> Evidence:
    """Locate ``quote`` in ``answer``: verified Evidence with its span, or unverified Evidence
    with the reason it was rejected.

    ``min_content`` is the evidence minimum of content words; a caller that only needs to find
    where a fragment stands (as redaction does, before grounding proper) may lower it.
    """
    pieces = [p.strip(_TRIM) for p in _ELISION.split(quote.strip(_TRIM))]
    pieces = [p for p in pieces if p]
    if not pieces:
        return _rejected(quote, "empty")
    content = sum(len(content_words(squash(p))) for p in pieces)
    if content < min_content and (content == 0 or len(pieces) > 1):
        return _rejected(quote, "too_short")
    folded = folded or NormalizedText(answer)
    spans: list[Span] = []
    after = 0
    for piece in pieces:
        found = _locate(folded, piece, after)
        if not isinstance(found, _Found):
            if content < min_content:  # rejected whatever the search says
                return _rejected(quote, "too_short")
            if spans and isinstance(_locate(folded, piece, 0), _Found):
                return _rejected(quote, "pieces_out_of_order")
            return _rejected(quote, found)
        spans.append(_span(answer, folded, found, piece))
        after = found.end
    if len(spans) == 1:
        if content < min_content and not _whole_sentence(answer, spans[0]):
            return _rejected(quote, "too_short")
        return Evidence(quote=quote, verified=True, span=spans[0])
    start, end = spans[0].start, spans[-1].end
    whole = Span(
        start=start,
        end=end,
        text=answer[start:end],
        match="elided",
        similarity=min(s.similarity for s in spans),
    )
    return Evidence(quote=quote, verified=True, span=whole, pieces=spans)


def ground_all(
    quotes: list[str], answer: str, folded: NormalizedText | None = None
) -> list[Evidence]:
    """Ground several quotes against one answer, sharing the folded copy."""
    if not quotes:
        return []
    folded = folded or NormalizedText(answer)
    found = []
    for quote in quotes:
        if quote not in folded.memo:
            folded.memo[quote] = ground(quote, answer, folded)
        found.append(folded.memo[quote])
    return found
