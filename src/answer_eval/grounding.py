"""Grounding: find each quote a judge gave in the answer, as a span with character offsets.

Three steps, strictest first:

1. exact: the quote (trimmed of surrounding quote marks, whitespace and ellipses) is a substring;
2. normalized: equal after folding case, typographic quotes/dashes and runs of whitespace;
3. fuzzy: a window of the answer whose similarity to the quote is at least ``FUZZY_THRESHOLD``,
   for quotes of at least ``FUZZY_MIN_CHARS`` characters.

Why 0.9: a judge that copies a sentence sometimes drops an article, fixes a typo or changes
punctuation, about one character in ten; a paraphrase ("I calmed the client down" for "I helped
the customer calm down") changes far more and scores well under 0.85. Short quotes are never
fuzzy-matched: a few characters match somewhere by chance. A quote that is not found is kept,
marked unverified, and never counts as support.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher

from answer_eval.evaluation import Evidence, MatchKind, Span

__all__ = ["FUZZY_MIN_CHARS", "FUZZY_THRESHOLD", "NormalizedText", "ground", "ground_all"]

FUZZY_THRESHOLD = 0.9
FUZZY_MIN_CHARS = 20

# One character for one character, so offsets survive folding; an ellipsis folds to one dot
# (quotes are split at ellipses before they are matched anyway).
_FOLD_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2026": ".",
    }
)  # fmt: skip
_TRIM = " \t\r\n\"'`\u2018\u2019\u201c\u201d.\u2026"
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\S+")
_WORD = re.compile(r"\w+")
# A copied quote shares nearly all its words with the answer; an invented one does not. Below
# this share of shared words no character-level fuzzy search is tried (it is the costly part).
FUZZY_MIN_WORD_SHARE = 0.6


class NormalizedText:
    """A folded copy of a text (case, typographic quotes and dashes, runs of whitespace) with a
    map back to the original's offsets.

    Also memoises grounding results, since a judge often cites the same quote several times.
    """

    def __init__(self, text: str) -> None:
        self.memo: dict[str, Evidence] = {}
        self._words: frozenset[str] | None = None
        folded = text.translate(_FOLD_SAME_LENGTH).lower()
        if len(folded) != len(text):  # a character whose lower case is longer (e.g. 'İ')
            folded = "".join(
                low if len(low := c.lower()) == 1 else c for c in text.translate(_FOLD_SAME_LENGTH)
            )
        parts: list[str] = []
        self._starts: list[int] = []  # where each run starts in the folded text
        self._origins: list[int] = []  # ... and in the original
        position = 0
        for run in _RUN.finditer(folded):
            if parts:
                parts.append(" ")
                position += 1
            self._starts.append(position)
            self._origins.append(run.start())
            parts.append(run.group(0))
            position += len(run.group(0))
        self.text = "".join(parts)

    @property
    def words(self) -> frozenset[str]:
        """The folded text's distinct words, for a cheap first test of fuzzy candidates."""
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.text))
        return self._words

    def _origin(self, index: int) -> int:
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range ``[start, end)`` (trimmed of edge spaces)."""
        while start < end and self.text[start] == " ":
            start += 1
        while end > start and self.text[end - 1] == " ":
            end -= 1
        return self._origin(start), self._origin(end - 1) + 1


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD_SAME_LENGTH).lower()).strip()


def _clean(quote: str) -> str:
    quote = quote.strip(_TRIM)
    # judges sometimes mark elisions; an elided quote is checked as its longest piece
    pieces = [p.strip(_TRIM) for p in re.split(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*", quote)]
    return max(pieces, key=len) if len(pieces) > 1 else quote


def ground(quote: str, answer: str, folded: NormalizedText | None = None) -> Evidence:
    """Locate ``quote`` in ``answer``; unverified Evidence when it is not there."""
    needle = _clean(quote)
    if not needle:
        return Evidence(quote=quote, verified=False)
    start = answer.find(needle)
    if start >= 0:
        end = start + len(needle)
        return _evidence(quote, answer, start, end, "exact", 1.0)
    folded = folded or NormalizedText(answer)
    target = _normalize(needle)
    at = folded.text.find(target)
    if at >= 0 and target:
        start, end = folded.span(at, at + len(target))
        return _evidence(quote, answer, start, end, "normalized", 1.0)
    if len(target) >= FUZZY_MIN_CHARS and _shares_words(target, folded):
        best = _fuzzy(folded.text, target)
        if best is not None:
            at, stop, ratio = best
            start, end = folded.span(at, stop)
            return _evidence(quote, answer, start, end, "fuzzy", round(ratio, 4))
    return Evidence(quote=quote, verified=False)


def _shares_words(target: str, folded: NormalizedText) -> bool:
    words = _WORD.findall(target)
    if not words:
        return False
    shared = sum(1 for w in words if w in folded.words)
    return shared / len(words) >= FUZZY_MIN_WORD_SHARE


def _evidence(
    quote: str, answer: str, start: int, end: int, match: MatchKind, ratio: float
) -> Evidence:
    span = Span(start=start, end=end, text=answer[start:end], match=match, similarity=ratio)
    return Evidence(quote=quote, verified=True, span=span)


def _fuzzy(haystack: str, needle: str) -> tuple[int, int, float] | None:
    """Best window of ``haystack`` similar to ``needle`` (ratio >= threshold), or None."""
    size = len(needle)
    if len(haystack) < size * FUZZY_THRESHOLD:
        return None
    starts = _anchors(haystack, needle)
    scorer = SequenceMatcher(None, autojunk=False)
    scorer.set_seq2(needle)
    ranked: list[tuple[float, int]] = []
    for anchor in starts:
        scorer.set_seq1(haystack[anchor : anchor + size])
        bound = scorer.quick_ratio()  # an upper bound of ratio(), far cheaper
        if bound >= FUZZY_THRESHOLD:
            ranked.append((bound, anchor))
    best: tuple[int, int, float] | None = None
    for _bound, anchor in sorted(ranked, reverse=True)[:2]:
        scorer.set_seq1(haystack[anchor : anchor + size])
        ratio = scorer.ratio()
        if ratio >= FUZZY_THRESHOLD and (best is None or ratio > best[2]):
            best = (anchor, anchor + size, ratio)
    if best is None:
        return None
    start, stop, ratio = _refine(haystack, needle, scorer, best)
    return start, stop, ratio


def _anchors(haystack: str, needle: str, limit: int = 48) -> set[int]:
    """Where a copy of ``needle`` could start: aligned on the needle's words found in the text."""
    starts: set[int] = set()
    for word in _WORD.finditer(needle):
        if len(word.group(0)) < 4:
            continue
        for hit in re.finditer(r"\b" + re.escape(word.group(0)) + r"\b", haystack):
            starts.add(max(0, hit.start() - word.start()))
        if len(starts) >= limit:
            break
    return starts


def _refine(
    haystack: str, needle: str, scorer: SequenceMatcher[str], best: tuple[int, int, float]
) -> tuple[int, int, float]:
    """Polish a fuzzy window: best end within a few characters, then whole words only."""
    start, stop, ratio = best
    # the window has the quote's length; a dropped or added word moves its true end a little
    for end in (stop - 8, stop - 4, stop + 4, stop + 8):
        if start < end <= len(haystack):
            scorer.set_seq1(haystack[start:end])
            candidate = scorer.ratio()
            if candidate > ratio:
                stop, ratio = end, candidate
    while start > 0 and haystack[start - 1].isalnum() and haystack[start].isalnum():
        start -= 1
    while stop < len(haystack) and haystack[stop - 1].isalnum() and haystack[stop].isalnum():
        stop += 1
    while start < stop and haystack[start] == " ":
        start += 1
    while stop > start and (
        haystack[stop - 1] == " " or (haystack[stop - 1] in ".,;:!?" and needle[-1:].isalnum())
    ):
        stop -= 1
    scorer.set_seq1(haystack[start:stop])
    return start, stop, scorer.ratio()


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
