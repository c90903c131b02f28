"""Finding the entries of many lexicons in one pass over an answer.

Python's ``re`` tries every alternative at every position, so twenty lexicons scanned one by
one cost milliseconds per answer. Instead each entry is indexed by what its matches can start
with (up to eight characters, ``lexicon.keys.prefixes``), and at each word start only the
entries whose start fits the next eight characters are tried. Which entries those are is worked
out once per eight characters and remembered, so a word start costs one dictionary lookup, and
a match only where an entry could stand.
"""

from __future__ import annotations

import re

from answer_eval.judges.offline.lexicon.entries import Lexicon
from answer_eval.judges.offline.lexicon.keys import LONG_KEY, entry_keys, keyed, prefixes

__all__ = ["LexiconIndex", "entry_keys"]

_SPACES = str.maketrans({c: " " for c in "\t\n\r\f\v"})
_WORD_START = re.compile(r"(?<!\w)(?<!\w')[\w$]")  # not inside a word or after "don'"
# word starts remembered: by the shared index, and by each index built on it (one per question)
_REMEMBERED, _REMEMBERED_ON_BASE = 1 << 16, 1 << 14

_Target = tuple[re.Pattern[str], int, int]  # an entry's pattern, its lexicon and its index


class LexiconIndex:
    """Every entry of some lexicons, found in one pass over the word starts of a folded text.

    ``base``: an index whose lexicons come first and are scanned in the same pass (a question's
    cue phrases ride on the shared generic index).
    """

    def __init__(self, lexicons: tuple[Lexicon, ...], base: LexiconIndex | None = None) -> None:
        offset = len(base.lexicons) if base else 0
        self.lexicons: tuple[Lexicon, ...] = (base.lexicons if base else ()) + lexicons
        self._base = base
        self._by_start: dict[str, list[_Target]] = {}
        anywhere: list[_Target] = []
        for li, lex in enumerate(lexicons, offset):
            for ei, pattern in enumerate(lex.patterns):
                if pattern.groups:
                    raise ValueError(f"{lex.name}: entry {lex.labels[ei]!r} holds a group")
                starts = prefixes(pattern.pattern)
                if starts is None:
                    anywhere.append((pattern, li, ei))
                for start in starts or ():
                    self._by_start.setdefault(start, []).append((pattern, li, ei))
        self._anywhere = tuple(anywhere)
        self._known: dict[str, tuple[_Target, ...]] = {}
        self._limit = _REMEMBERED_ON_BASE if base else _REMEMBERED

    def candidates(self, key: str) -> tuple[_Target, ...]:
        """The entries that can match where the text reads ``key`` (``LONG_KEY`` characters of
        ``keys.keyed`` text): the base's, then in order of lexicon and entry those whose start
        fits, then those that can start anywhere."""
        known = self._known.get(key)
        if known is not None:
            return known
        fitting = {
            target
            for length in range(1, LONG_KEY + 1)
            for target in self._by_start.get(key[:length], ())
        }
        found = (
            (self._base.candidates(key) if self._base else ())
            + tuple(sorted(fitting, key=lambda t: (t[1], t[2])))
            + self._anywhere
        )
        if len(self._known) < self._limit:
            self._known[key] = found
        return found

    def scan(self, folded: str) -> list[list[tuple[int, int, int]]]:
        """Per lexicon, (entry index, start, end) of each entry matched at a word start, in
        order of position (at one position, in the order of the lexicon's entries)."""
        found: list[list[tuple[int, int, int]]] = [[] for _ in self.lexicons]
        text = folded.translate(_SPACES)
        keys = keyed(text)
        known = self._known.get
        # the loop is the judge's hottest: one lookup per word start, the matching inlined
        for start in _WORD_START.finditer(text):
            pos = start.start()
            key = keys[pos : pos + LONG_KEY]
            targets = known(key)
            if targets is None:
                targets = self.candidates(key)
            for pattern, li, ei in targets:
                m = pattern.match(text, pos)
                if m is not None:
                    found[li].append((ei, pos, m.end()))
        return found
