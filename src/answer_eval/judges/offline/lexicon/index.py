"""Finding the entries of many lexicons in one pass over an answer.

Python's ``re`` tries every alternative at every position, so twenty lexicons scanned one by
one cost milliseconds per answer. Instead each entry is indexed by the few strings (up to three
characters) a match can start with, and only the entries whose key starts at a word start are
tried there. The keys come from a small parser of the regex subset the entries use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from answer_eval.judges.offline.lexicon.entries import Lexicon

__all__ = ["LexiconIndex", "entry_keys"]

_KEY_LENGTH = 3
_LONG_KEY = 6  # the second look, for keys many entries share
_REFINE_FROM = 4  # entries under one key from which they are sorted again
_KEY_LIMIT = 400
_SPACES = str.maketrans({c: " " for c in "\t\n\r\f\v"})
_WORD_START = re.compile(r"(?<!\w)(?<!\w')[\w$]")  # not inside a word or after "don'"
_DIGITS = frozenset("0123456789")
# Keys are looked up in a copy of the text with every digit made "0" and every character outside
# this alphabet made "\0", so a key shorter than three characters can be expanded to all the
# three-character keys it stands for, and each word start costs a single lookup.
_KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0 .,;:!?'\"-()/$%&\x00"


def _key_char(c: str) -> str:
    if c.isdigit():
        return "0"
    return c if c in _KEY_ALPHABET else "\x00"


_KEYED = str.maketrans({chr(i): _key_char(chr(i)) for i in range(128)})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class _Item:
    chars: frozenset[str] | None = None  # one character of this set (None: any character)
    group: tuple[tuple[_Item, ...], ...] | None = None  # or one of these alternatives
    zero: bool = False  # zero-width: an anchor or a lookaround
    lo: int = 1
    hi: int = 1  # -1: unbounded


class _TooManyKeysError(Exception):
    pass


def _parse(rx: str, i: int = 0) -> tuple[tuple[tuple[_Item, ...], ...], int]:
    alternatives: list[list[_Item]] = [[]]
    while i < len(rx) and rx[i] != ")":
        if rx[i] == "|":
            alternatives.append([])
            i += 1
            continue
        item, i = _atom(rx, i)
        item, i = _quantifier(rx, i, item)
        alternatives[-1].append(item)
    return tuple(tuple(a) for a in alternatives), i


def _atom(rx: str, i: int) -> tuple[_Item, int]:
    c = rx[i]
    if c == "(":
        j, zero = i + 1, False
        if rx.startswith(("?=", "?!"), j):
            j, zero = j + 2, True
        elif rx.startswith(("?<=", "?<!"), j):
            j, zero = j + 3, True
        elif rx.startswith("?P<", j):
            j = rx.index(">", j) + 1
        elif rx.startswith("?:", j):
            j += 2
        group, j = _parse(rx, j)
        return _Item(group=group, zero=zero), j + 1
    if c == "[":
        return _char_class(rx, i + 1)
    if c == "\\":
        return _escape(rx[i + 1]), i + 2
    if c == ".":
        return _Item(), i + 1
    if c in "^$":
        return _Item(zero=True), i + 1
    return _Item(chars=frozenset(" " if c.isspace() else c)), i + 1


def _escape(e: str) -> _Item:
    if e == "d":
        return _Item(chars=_DIGITS)
    if e in "snrtfv":
        return _Item(chars=frozenset(" "))
    if e in "bBAZ":
        return _Item(zero=True)
    if e in "wWSD":
        return _Item()
    return _Item(chars=frozenset(e))


def _char_class(rx: str, i: int) -> tuple[_Item, int]:
    chars: set[str] | None = set()
    if rx[i] == "^":
        chars, i = None, i + 1
    while rx[i] != "]":
        if rx[i] == "\\":
            sub = _escape(rx[i + 1])
            if chars is not None:
                chars = None if sub.chars is None else chars | sub.chars
            i += 2
        elif rx[i + 1] == "-" and rx[i + 2] != "]":
            if chars is not None:
                chars |= {chr(o) for o in range(ord(rx[i]), ord(rx[i + 2]) + 1)}
            i += 3
        else:
            if chars is not None:
                chars.add(rx[i])
            i += 1
    return _Item(chars=None if chars is None else frozenset(chars)), i + 1


def _quantifier(rx: str, i: int, item: _Item) -> tuple[_Item, int]:
    lo, hi = 1, 1
    if i < len(rx) and rx[i] in "?*+":
        lo, hi = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[rx[i]]
        i += 1
    elif i < len(rx) and rx[i] == "{":
        end = rx.index("}", i)
        low, _, high = rx[i + 1 : end].partition(",")
        lo = int(low or 0)
        hi = lo if not _ else (int(high) if high else -1)
        i = end + 1
    if i < len(rx) and rx[i] == "?":  # lazy
        i += 1
    if (lo, hi) == (1, 1):
        return item, i
    return _Item(item.chars, item.group, item.zero, lo, hi), i


def _starts(items: tuple[_Item, ...], i: int, k: int) -> set[tuple[str, bool]]:
    """(text, ended): up to ``k`` characters ``items[i:]`` can start with; ended: all consumed."""
    if k == 0:
        return {("", False)}
    if i == len(items):
        return {("", True)}
    item = items[i]
    if item.zero:
        return _starts(items, i + 1, k)
    out = _starts(items, i + 1, k) if item.lo == 0 else set()
    if item.group is not None:
        once = {s for alt in item.group for s in _starts(alt, 0, k)}
    elif item.chars is not None:
        once = {(c, True) for c in item.chars}
    else:
        once = {("", False)}
    for text, ended in once:
        if not ended or len(text) == k or item.hi != 1:
            out.add((text, False))
        else:
            out.update((text + t, e) for t, e in _starts(items, i + 1, k - len(text)))
        if len(out) > _KEY_LIMIT:
            raise _TooManyKeysError
    return out


@lru_cache(maxsize=4096)
def _entry_keys(rx: str) -> frozenset[str] | None:
    return entry_keys(rx)


def entry_keys(rx: str) -> frozenset[str] | None:
    """The strings (1-3 characters) every match of ``rx`` starts with; None: could be any."""
    alternatives, _ = _parse(rx)
    for k in range(_KEY_LENGTH, 0, -1):
        try:
            keys = {t for alt in alternatives for t, _ in _starts(alt, 0, k)}
        except _TooManyKeysError:
            continue
        if "" in keys:
            return None
        return frozenset(
            key for key in keys if not any(key.startswith(o) for o in keys if o != key)
        )
    return None


@lru_cache(maxsize=8192)
def _long_keys(rx: str) -> frozenset[str] | None:
    """The ``_LONG_KEY`` characters every match of ``rx`` starts with, when each match is at
    least that long and they are few; None otherwise."""
    alternatives, _ = _parse(rx)
    try:
        found = {t for alt in alternatives for t in _starts(alt, 0, _LONG_KEY)}
    except _TooManyKeysError:
        return None
    if any(ended and len(t) < _LONG_KEY for t, ended in found) or any(
        len(t) < _LONG_KEY for t, _ in found
    ):
        return None
    return frozenset("".join(map(_key_char, t)) for t, _ in found)


def _node(targets: list[tuple[tuple[int, int], str]]) -> _Node:
    """Entries sharing a key; many of them are sorted again by their first six characters, so
    that a common word ("the", "i t") does not try them all."""
    if len(targets) < _REFINE_FROM:
        return None, _together(targets)
    sub: dict[str, list[tuple[tuple[int, int], str]]] = {}
    rest = []
    for target in targets:
        keys = _long_keys(target[1])
        if keys is None:
            rest.append(target)
        for key in keys or ():
            sub.setdefault(key, []).append(target)
    return (
        {key: _together(group) for key, group in sub.items()},
        _together(rest) if rest else None,
    )


class LexiconIndex:
    """Every entry of some lexicons, found in one pass over the word starts of a folded text.

    ``base``: an index whose lexicons come first and are scanned in the same pass (a question's
    cue phrases ride on the shared generic index). Entries sharing a key are tried together by
    one pattern of optional lookaheads, each capturing one entry's match, so overlapping entries
    are all found.
    """

    def __init__(self, lexicons: tuple[Lexicon, ...], base: LexiconIndex | None = None) -> None:
        offset = len(base.lexicons) if base else 0
        self.lexicons: tuple[Lexicon, ...] = (base.lexicons if base else ()) + lexicons
        self._tables: tuple[dict[str, tuple[_Node, ...]], ...] = base._tables if base else ()
        self._anywhere: tuple[_Group, ...] = base._anywhere if base else ()
        by_key: dict[str, list[tuple[tuple[int, int], str]]] = {}
        anywhere: list[tuple[tuple[int, int], str]] = []
        for li, lex in enumerate(lexicons, offset):
            for ei, pattern in enumerate(lex.patterns):
                if pattern.groups:
                    raise ValueError(f"{lex.name}: entry {lex.labels[ei]!r} holds a group")
                keys = _entry_keys(pattern.pattern)
                target = ((li, ei), pattern.pattern)
                if keys is None:
                    anywhere.append(target)
                for key in keys or ():
                    by_key.setdefault("".join(map(_key_char, key)), []).append(target)
        table: dict[str, list[_Node]] = {}
        for key, targets in by_key.items():
            node = _node(targets)
            for suffix in product(_KEY_ALPHABET, repeat=_KEY_LENGTH - len(key)):
                table.setdefault(key + "".join(suffix), []).append(node)
        # one table for the base's entries and these: one lookup per word start, not two
        merged = dict(self._tables[0]) if self._tables else {}
        for key, groups in table.items():
            merged[key] = merged.get(key, ()) + tuple(groups)
        self._tables = (merged,)
        if anywhere:
            self._anywhere += (_together(anywhere),)

    def scan(self, folded: str) -> list[list[tuple[int, int, int]]]:
        """Per lexicon, (entry index, start, end) of each entry matched at a word start."""
        found: list[list[tuple[int, int, int]]] = [[] for _ in self.lexicons]
        text = folded.translate(_SPACES)
        keyed = text.translate(_KEYED)
        if not keyed.isascii():
            keyed = _NON_ASCII.sub("\x00", keyed)
        keyed += " " * _LONG_KEY
        table: dict[str, tuple[_Node, ...]] = self._tables[0] if self._tables else {}
        get = table.get
        anywhere = tuple((None, group) for group in self._anywhere)
        # the loop is the judge's hottest: one lookup per word start, the matching inlined
        for start in _WORD_START.finditer(text):
            pos = start.start()
            nodes = get(keyed[pos : pos + _KEY_LENGTH])
            if anywhere:
                nodes = (nodes or ()) + anywhere
            if nodes is None:
                continue
            for sub, rest in nodes:
                groups: tuple[_Group | None, ...] = (rest,)
                if sub is not None:
                    groups = (sub.get(keyed[pos : pos + _LONG_KEY]), rest)
                for group in groups:
                    if group is None:
                        continue
                    pattern, codes = group
                    m = pattern.match(text, pos)
                    if m is not None:
                        for (li, ei), (_, end) in zip(codes, m.regs[1:], strict=True):
                            if end >= 0:
                                found[li].append((ei, pos, end))
        return found


_Group = tuple[re.Pattern[str], tuple[tuple[int, int], ...]]
_Node = tuple[dict[str, _Group] | None, _Group | None]  # (by six characters, the rest)


def _together(targets: list[tuple[tuple[int, int], str]]) -> _Group:
    """One pattern for entries sharing a key: group i captures entry i's match, if any."""
    codes = tuple(code for code, _ in targets)
    if len(targets) == 1:
        return re.compile(f"({targets[0][1]})"), codes
    guard = "|".join(rx for _, rx in targets)  # fails fast when no entry matches
    lookaheads = "".join(f"(?:(?=({rx})))?" for _, rx in targets)
    return re.compile(f"(?=(?:{guard})){lookaheads}"), codes
