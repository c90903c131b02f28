"""What a word is to a reader of an answer: its stem, its class, whether it reads as a verb.

A word (``text.compound_words``) is an *anchor* (a number, a time, a number word), a *generic*
word ("always", "best", "things"), a *content* word, or a function word. Each word is worked out
once and remembered (``Classes.learn``), so that reading a sentence is a few set and dictionary
operations over its words rather than a loop over them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from answer_eval.judges.offline.lexicon.vocabulary import (
    AUXILIARIES,
    GENERIC_WORDS,
    IRREGULAR_PAST,
    NUMBER_WORDS,
    TIME_WORDS,
    WORD_STOPWORDS,
)

__all__ = ["LEARNED", "Classes", "classes_of", "is_verb", "stem"]

_LIMIT = 1 << 16  # words remembered
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")


def stem(word: str) -> str:
    """A crude stem: enough to make "listened", "listening" and "listens" one word."""
    if word.endswith(("'s", "s'")):
        word = word[:-2]
    if len(word) <= 4:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    # "improve" and "improved" alike: a final e goes, as the suffixes took it
    return word[:-1] if word.endswith("e") else word


_VERBS: dict[str, bool] = {}


def is_verb(word: str) -> bool:
    """Whether a word (or any whitespace-separated token) reads as a verb: an auxiliary, an
    irregular past, or a past tense in "-ed" that is not a generic word."""
    known = _VERBS.get(word)
    if known is None:
        known = (
            word in AUXILIARIES
            or word in IRREGULAR_PAST
            or (len(word) > 4 and word.endswith("ed") and word not in GENERIC_WORDS)
        )
        if len(_VERBS) < _LIMIT:
            _VERBS[word] = known
    return known


@dataclass
class Classes:
    """Words by class: ``content`` and ``generic`` map a word to its stem; ``anchors`` and
    ``verbs`` are sets of words; ``known``: every word learned."""

    content: dict[str, str] = field(default_factory=dict)
    generic: dict[str, str] = field(default_factory=dict)
    anchors: set[str] = field(default_factory=set)
    verbs: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)

    def learn(self, words: Iterable[str], limit: int | None = None) -> bool:
        """Learn the words not known yet, while fewer than ``limit`` are known; whether all of
        ``words`` are known now. A word is entered in ``known`` last, so a word found there is
        complete (readers in other threads see it whole)."""
        for word in words:
            if word in self.known:
                continue
            if limit is not None and len(self.known) >= limit:
                return False
            if word[0].isdigit() or word in TIME_WORDS or word in NUMBER_WORDS:
                self.anchors.add(word)
            elif word in GENERIC_WORDS:
                self.generic[word] = stem(word)
            elif word not in WORD_STOPWORDS and len(word) > 2:
                self.content[word] = stem(word)
            if is_verb(word):
                self.verbs.add(word)
            self.known.add(word)
        return True

    @classmethod
    def of(cls, words: Sequence[str]) -> Classes:
        """The classes of ``words`` alone (when ``LEARNED`` is full)."""
        classes = cls()
        classes.learn(words)
        return classes


LEARNED = Classes()
"""Every word read so far (up to a limit): shared, so each word is worked out once."""


def classes_of(words: Sequence[str]) -> Classes:
    """``LEARNED`` once it knows every one of ``words``, else their classes alone."""
    if LEARNED.known.issuperset(words) or LEARNED.learn(words, _LIMIT):
        return LEARNED
    return Classes.of(words)
