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
from difflib import SequenceMatcher

from answer_eval.evaluation import Evidence, MatchKind, Span

__all__ = ["FUZZY_MIN_CHARS", "FUZZY_THRESHOLD", "NormalizedText", "ground", "ground_all"]

FUZZY_THRESHOLD = 0.9
FUZZY_MIN_CHARS = 20

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2026": "...",
    }
)  # fmt: skip
_TRIM = " \t\r\n\"'`\u2018\u2019\u201c\u201d.\u2026"
_SPACE = re.compile(r"\s+")


class NormalizedText:
    """A folded copy of a text with a map from each folded character back to the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        previous_space = True
        for index, char in enumerate(text):
            folded = char.translate(_FOLD).lower()
            if folded.isspace():
                if previous_space:
                    continue
                folded = " "
            for out in folded:
                chars.append(out)
                origin.append(index)
            previous_space = folded == " "
        while chars and chars[-1] == " ":
            chars.pop()
            origin.pop()
        self.text = "".join(chars)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD).lower()).strip()


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
    if len(target) >= FUZZY_MIN_CHARS:
        best = _fuzzy(folded.text, target)
        if best is not None:
            at, stop, ratio = best
            start, end = folded.span(at, stop)
            return _evidence(quote, answer, start, end, "fuzzy", round(ratio, 4))
    return Evidence(quote=quote, verified=False)


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
    matcher = SequenceMatcher(None, haystack, needle, autojunk=False)
    best: tuple[int, int, float] | None = None
    starts: set[int] = set()
    for block in matcher.get_matching_blocks():
        if block.size >= 4:
            starts.add(max(0, block.a - block.b))
    scorer = SequenceMatcher(None, autojunk=False)
    scorer.set_seq2(needle)
    for anchor in sorted(starts):
        for length in {size - size // 10, size, size + size // 10}:
            for start in (anchor - 2, anchor, anchor + 2):
                if start < 0 or start + length > len(haystack):
                    continue
                scorer.set_seq1(haystack[start : start + length])
                if (
                    scorer.real_quick_ratio() < FUZZY_THRESHOLD
                    or scorer.quick_ratio() < FUZZY_THRESHOLD
                ):
                    continue
                ratio = scorer.ratio()
                if ratio >= FUZZY_THRESHOLD and (best is None or ratio > best[2]):
                    best = (start, start + length, ratio)
    if best is None:
        return None
    start, stop, ratio = _refine(haystack, scorer, best)
    return start, stop, ratio


def _refine(
    haystack: str, scorer: SequenceMatcher[str], best: tuple[int, int, float]
) -> tuple[int, int, float]:
    """Polish a fuzzy window: best end within a few characters, then whole words only."""
    start, stop, ratio = best
    for end in range(max(start + 1, stop - 6), min(len(haystack), stop + 6) + 1):
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
    while stop > start and haystack[stop - 1] == " ":
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
    return [ground(q, answer, folded) for q in quotes]
