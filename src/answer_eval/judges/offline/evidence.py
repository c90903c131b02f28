"""Where evidence stands in an answer: sentences, the generic lexicon scan, quotes.

An answer is split into sentences with exact offsets and folded for matching, and every generic
lexicon is scanned in one pass (negated finds dropped). Every quote is a sentence (for long
sentences, a clause) copied from the answer, so grounding finds it exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple

from answer_eval.judges.offline.lexicon.catalogue import (
    AI_TALK_LEXICONS,
    CONDUCT_LEXICONS,
    DIMENSION_LEXICONS,
    INJECTION,
    NEGATION,
    NEGATOR,
    SPECIFICS,
    STAR_RESULT,
    STAR_SITUATION,
    STAR_TASK,
    VAGUE,
    Lexicon,
    LexiconIndex,
)
from answer_eval.text import fold, sentences, unhyphenated_dashes

__all__ = [
    "EVIDENCE_LEXICONS",
    "GENERIC_INDEX",
    "MAX_QUOTES",
    "POSITIVE",
    "AnswerText",
    "FoundFn",
    "Hit",
    "RawHits",
    "ai_talk_hits",
    "apart",
    "distinct_labels",
    "generic_hits",
    "negated",
]

MAX_QUOTES = 4
_LONG_SENTENCE = 240
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[-\u2013\u2014]\s")

# Lexicons of evidence, warnings and red flags, each once.
_SCANNED: tuple[Lexicon, ...] = tuple(
    dict.fromkeys(
        [STAR_SITUATION, STAR_TASK, STAR_RESULT, SPECIFICS, VAGUE]
        + [lex for d in DIMENSION_LEXICONS.values() for lex in (d.positive, d.negative) if lex]
        + list(CONDUCT_LEXICONS)
    )
)
# The generic lexicons, scanned in one pass: injection, then ``_SCANNED``.
GENERIC_INDEX = LexiconIndex((INJECTION, *_SCANNED))
AI_TALK_INDEX = LexiconIndex(AI_TALK_LEXICONS)
# The lexicons whose entries are evidence *for* something (a STAR part, a dimension), and ids.
EVIDENCE_LEXICONS: tuple[Lexicon, ...] = (
    STAR_SITUATION,
    STAR_TASK,
    STAR_RESULT,
    *(d.positive for d in DIMENSION_LEXICONS.values()),
)
POSITIVE = tuple(id(lex) for lex in EVIDENCE_LEXICONS)


class Hit(NamedTuple):
    """Where an entry (``label``) was found: its sentence and offsets in the answer."""

    label: str
    sentence: int
    start: int
    end: int


_START = itemgetter(2)  # a hit's start
RawHits = dict[int, list[tuple[Hit, bool]]]  # lexicon id -> (hit, generic entry)
FoundFn = Callable[[Lexicon | None], list[Hit]]


class AnswerText:
    """An answer split into sentences (exact offsets), folded for matching (``text.fold``,
    ``text.sentences``); ``wording``: the folded text words are read from (dashes part them)."""

    def __init__(self, answer: str) -> None:
        self.text = answer
        self.folded = folded = fold(answer)
        self.wording = unhyphenated_dashes(answer, folded)  # what words are read from
        self.spans = sentences(folded)
        self._starts = [s for s, _ in self.spans]
        self._negating: list[bool | None] = [None] * len(self.spans)
        self._quoted: dict[int, str] = {}  # the quote of each short sentence, once made

    def negating(self, sentence: int) -> bool:
        """Whether a sentence holds a negating word (``NEGATOR``): only then can a negation
        stand before a find in it (looked at once per sentence, when first asked)."""
        found = self._negating[sentence]
        if found is None:
            start, end = self.spans[sentence]
            found = self._negating[sentence] = NEGATOR.search(self.folded, start, end) is not None
        return found

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def quote(self, hit: Hit) -> str:
        """The sentence holding ``hit``, or its clause when the sentence is long."""
        sentence = hit.sentence
        quoted = self._quoted.get(sentence)
        if quoted is not None:
            return quoted
        s, e = self.spans[sentence]
        if e - s <= _LONG_SENTENCE:
            quoted = self._quoted[sentence] = self.text[s:e].strip()
            return quoted
        for m in _CLAUSE_BREAK.finditer(self.folded, s, e):
            if m.end() <= hit.start:
                s = m.end()
            elif m.start() >= hit.end:
                e = m.start()
                break
        return self.text[s:e].strip()

    def quotes(self, hits: list[Hit], limit: int = MAX_QUOTES) -> list[str]:
        out: list[str] = []
        quoted = self._quoted
        for hit in sorted(hits, key=_START):
            q = quoted.get(hit.sentence) or self.quote(hit)
            if q and q not in out:
                out.append(q)
                if len(out) == limit:
                    break
        return out

    def first(self, hits: list[Hit]) -> str | None:
        quotes = self.quotes(hits, 1)
        return quotes[0] if quotes else None


def generic_hits(text: AnswerText, found: list[list[tuple[int, int, int]]]) -> RawHits:
    """Per generic lexicon id: (hit, generic) for every entry found and not negated."""
    raw: RawHits = {
        id(INJECTION): [
            (Hit("injection", text.sentence_at(start), start, end), False)
            for _, start, end in found[0]
        ]
    }
    lexicons = GENERIC_INDEX.lexicons
    _collect(text, lexicons[1:], found[1 : len(lexicons)], raw)
    for lex in AI_TALK_INDEX.lexicons:
        raw[id(lex)] = []
    return raw


def ai_talk_hits(text: AnswerText, raw: RawHits, sentences: list[int]) -> None:
    """Add what ``sentences`` say about AI and tools (``AI_TALK_LEXICONS``) to ``raw``: only
    the sentences that name AI or a tool (or refer back to one) are scanned, separately."""
    found: list[list[tuple[int, int, int]]] = [[] for _ in AI_TALK_INDEX.lexicons]
    runs: list[list[int]] = []  # consecutive sentences are scanned in one go
    for index in sentences:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        start, end = text.spans[run[0]][0], text.spans[run[-1]][1]
        for lexicon, matches in enumerate(AI_TALK_INDEX.scan(text.folded[start:end])):
            found[lexicon] += [(entry, start + s, start + e) for entry, s, e in matches]
    _collect(text, AI_TALK_INDEX.lexicons, found, raw)


def _collect(
    text: AnswerText,
    lexicons: tuple[Lexicon, ...],
    found: list[list[tuple[int, int, int]]],
    raw: RawHits,
) -> None:
    starts, folded, spans = text._starts, text.folded, text.spans
    negating = text._negating
    for lex, matches in zip(lexicons, found, strict=True):
        hits = []
        if matches:
            labels, generic = lex.labels, lex.generic
            for index, start, end in matches:
                sentence = max(0, bisect_right(starts, start) - 1)
                negates = negating[sentence]
                if negates is None:
                    negates = text.negating(sentence)
                if negates:  # only then can a negation stand before it
                    floor = max(spans[sentence][0], start - 48)
                    if NEGATION.search(folded, floor, start) is not None:
                        continue
                hits.append((Hit(labels[index], sentence, start, end), generic[index]))
        raw[id(lex)] = hits


def negated(text: AnswerText, start: int) -> bool:
    """Whether a negation ("didn't", "never", "rather than") stands just before ``start``."""
    sentence = text.sentence_at(start)
    if not text.negating(sentence):
        return False
    floor = text.spans[sentence][0]
    return NEGATION.search(text.folded, max(floor, start - 48), start) is not None


def distinct_labels(hits: list[Hit]) -> list[str]:
    return list(dict.fromkeys(h.label for h in sorted(hits, key=_START)))


def apart(hits: list[Hit], other: list[Hit]) -> list[Hit]:
    """``hits`` outside the sentence ``other`` is first quoted from, when there are any."""
    taken = {h.sentence for h in other[:1]}
    return [h for h in hits if h.sentence not in taken] or hits
