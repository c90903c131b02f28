"""Finding the entries of many lexicons in one pass over an answer.

Python's ``re`` tries every alternative at every position, so twenty lexicons scanned one by
one cost milliseconds per answer. Instead each entry is indexed by what its matches can start
with (up to eight key characters, ``lexicon.keys.prefixes``):

1. one pattern, a trie of every entry's starts, finds the word starts where some entry's start
   fits what follows (``_where``); no other word start is looked at;
2. there, the entries whose start fits the next eight characters are looked up (worked out
   once per eight characters and remembered by the shared index, for every index built on it;
   a question's own cues by their first three characters);
3. only those entries are tried, each by its own pattern, so overlapping entries are all found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from answer_eval.judges.offline.lexicon.entries import Lexicon
from answer_eval.judges.offline.lexicon.keys import (
    KEY_ALPHABET,
    LONG_KEY,
    entry_keys,
    keyed,
    prefixes,
)

__all__ = ["LexiconIndex", "entry_keys"]

_SPACES = str.maketrans({c: " " for c in "\t\n\r\f\v"})
_WORD_START = re.compile(r"(?<!\w)(?<!\w')[\w$]")  # not inside a word or after "don'"
_REMEMBERED = 1 << 16  # word starts remembered by a shared index
_SHORT = 3  # the characters an index built on a shared one looks its own entries up by
_WORDY = frozenset("abcdefghijklmnopqrstuvwxyz0$")  # key characters that start a word

_Target = tuple[re.Pattern[str], int, int]  # an entry's pattern, its lexicon and its index
_Trie = dict[str, "_Trie"]
_ESCAPED = {c: re.escape(c) for c in KEY_ALPHABET}  # starts are in key characters


class LexiconIndex:
    """Every entry of some lexicons, found in one pass over the word starts of a folded text.

    ``base``: a shared index whose lexicons come first and are scanned in the same pass (a
    question's cue phrases ride on the generic index). The shared index remembers which of its
    entries can start with each word start it has seen, for every index built on it; one built
    on it looks its own few entries up by the first three characters.
    """

    _starts: set[str]  # what the entries' matches start with (``keys.prefixes``)

    def __init__(self, lexicons: tuple[Lexicon, ...], base: LexiconIndex | None = None) -> None:
        if base is not None and base._shared is not base:
            raise ValueError("an index builds on a shared index, not on one built on another")
        offset = len(base.lexicons) if base else 0
        self.lexicons: tuple[Lexicon, ...] = (base.lexicons if base else ()) + lexicons
        by_start: dict[str, list[_Target]] = {}
        anywhere: list[_Target] = []
        for li, lex in enumerate(lexicons, offset):
            for ei, pattern in enumerate(lex.patterns):
                if pattern.groups:
                    raise ValueError(f"{lex.name}: entry {lex.labels[ei]!r} holds a group")
                starts = prefixes(pattern.pattern)
                if starts is None:
                    anywhere.append((pattern, li, ei))
                for start in starts or ():
                    by_start.setdefault(start, []).append((pattern, li, ei))
        self._anywhere = tuple(anywhere)
        self._known: dict[str, tuple[_Target, ...]] = {}
        self._by_start = by_start
        self._shared: LexiconIndex = base or self
        self._own: dict[str, tuple[tuple[str, _Target], ...]] | None = None
        self._starts = set(by_start) | (base._starts if base else set())
        everywhere = anywhere or (base is not None and base._anywhere)
        self._where = None if everywhere else _where(frozenset(self._starts))
        if base is not None:  # by the first three characters, shorter starts spelled out
            own: dict[str, list[tuple[str, _Target]]] = {}
            for start, targets in by_start.items():
                for suffix in product(KEY_ALPHABET, repeat=max(0, _SHORT - len(start))):
                    key = (start + "".join(suffix))[:_SHORT]
                    own.setdefault(key, []).extend((start, target) for target in targets)
            self._own = {
                key: tuple(sorted(found, key=lambda f: (f[1][1], f[1][2])))
                for key, found in own.items()
            }

    def candidates(self, key: str) -> tuple[_Target, ...]:
        """The entries of a shared index that can match where the text reads ``key``
        (``LONG_KEY`` characters of ``keys.keyed`` text), in order of lexicon and entry, then
        those that can start anywhere."""
        known = self._known.get(key)
        if known is not None:
            return known
        fitting = [
            target
            for length in range(1, LONG_KEY + 1)
            for target in self._by_start.get(key[:length], ())
        ]
        found = tuple(sorted(fitting, key=lambda t: (t[1], t[2]))) + self._anywhere
        if len(self._known) < _REMEMBERED:
            self._known[key] = found
        return found

    def _fitting(self, key: str) -> tuple[_Target, ...]:
        """This index's own entries (built on a shared one) whose start fits ``key``."""
        found = tuple(t for s, t in (self._own or {}).get(key[:_SHORT], ()) if key.startswith(s))
        if len(self._known) < _REMEMBERED:
            self._known[key] = found
        return found

    def scan(self, folded: str) -> list[list[tuple[int, int, int]]]:
        """Per lexicon, (entry index, start, end) of each entry matched at a word start, in
        order of position (at one position, in the order of the lexicon's entries)."""
        found: list[list[tuple[int, int, int]]] = [[] for _ in self.lexicons]
        text = folded.translate(_SPACES)
        spaced = " " + keyed(text)  # the key characters, each after the one before it
        shared = self._shared
        known, candidates = shared._known.get, shared.candidates
        own = self._own.get if self._own is not None else None
        known_here = self._known.get
        anywhere = self._anywhere if shared is not self else ()
        if self._where is not None:  # where some entry's start fits
            starts = [m.end() - 1 for m in self._where.finditer(spaced)]
        else:
            starts = [m.start() for m in _WORD_START.finditer(text)]
        # the loop is the judge's hottest: a lookup or two per word start, the matching inlined
        for pos in starts:
            key = spaced[pos + 1 : pos + 1 + LONG_KEY]
            if (spaced[pos] != " " or key[0] not in _WORDY) and not _WORD_START.match(text, pos):
                continue
            targets = known(key)
            if targets is None:
                targets = candidates(key)
            if own is not None:
                if own(key[:_SHORT]) is not None:
                    mine = known_here(key)
                    targets += self._fitting(key) if mine is None else mine
                if anywhere:
                    targets += anywhere
            for pattern, li, ei in targets:
                m = pattern.match(text, pos)
                if m is not None:
                    found[li].append((ei, pos, m.end()))
        return found


@lru_cache(maxsize=64)  # a question compiled again (another judge, a test) builds no new trie
def _where(starts: frozenset[str]) -> re.Pattern[str]:
    """A pattern of the places in `` `` + keyed text where one of ``starts`` follows a
    character that is not a letter or digit: a word start's key can fit an entry only there.
    ``m.end() - 1`` is the word start's offset in the text. One trie of the starts, so the
    regex engine tells them apart a character at a time."""
    trie: _Trie = {}
    for start in sorted(starts):
        node = trie
        for c in start:
            node = node.setdefault(c, {})
        node[""] = {}

    def alternatives(node: _Trie) -> str:
        if "" in node:  # a start ends here: whatever follows fits
            return ""
        parts = [_ESCAPED[c] + alternatives(child) for c, child in node.items()]
        return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"

    return re.compile(f"[^a-z0](?={alternatives(trie)})")
