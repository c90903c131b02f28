"""What a lexicon entry's matches can start with, read from its regex.

``LexiconIndex`` (``lexicon.index``) tries at each word start only the entries whose matches can
start with the next few characters there: ``prefixes`` reads them (up to ``LONG_KEY``) from a
small parser of the regex subset the entries use (literals, classes, groups, alternation,
quantifiers, anchors and lookarounds); ``entry_keys`` reads the first one to three.

Prefixes are in key characters, and looked up in a copy of the text in key characters
(``keyed``): every decimal digit is "0" and every space " " (in any script, as "\\d" and "\\s"
match them), every other character outside ``KEY_ALPHABET`` is "\\0".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "KEY_ALPHABET",
    "KEY_LENGTH",
    "LONG_KEY",
    "entry_keys",
    "key_char",
    "keyed",
    "prefixes",
]

KEY_LENGTH = 3
LONG_KEY = 8  # how far ``prefixes`` reads: the characters a word start is looked up by
_KEY_LIMIT = 400
_DIGITS = frozenset("0123456789")
KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0 .,;:!?'\"-()/$%&\x00"


def key_char(c: str) -> str:
    """The key character ``c`` stands for: "0" for a decimal digit, " " for whitespace (what
    ``\\d`` and ``\\s`` match, in any script), "\\0" for anything else outside
    ``KEY_ALPHABET``."""
    if c.isdecimal():
        return "0"
    if c in KEY_ALPHABET:
        return c
    return " " if c.isspace() else "\x00"


_KEYED = str.maketrans({chr(i): key_char(chr(i)) for i in range(128)})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _non_ascii_key(m: re.Match[str]) -> str:
    return key_char(m.group())


def keyed(text: str) -> str:
    """``text`` in key characters, padded by ``LONG_KEY`` spaces so that a key can be read at
    any position."""
    out = text.translate(_KEYED)
    if not out.isascii():
        out = _NON_ASCII.sub(_non_ascii_key, out)
    return out + " " * LONG_KEY


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
    if e == "d":  # any decimal digit: "0" in key text
        return _Item(chars=_DIGITS)
    if e in "snrtfv":  # any whitespace: " " in key text
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


def _starts(
    items: tuple[_Item, ...], i: int, k: int, unroll: bool = False
) -> set[tuple[str, bool]]:
    """(text, ended): up to ``k`` characters ``items[i:]`` can start with; ended: all consumed.
    ``unroll``: read on after a repeated item ("\\s+" is one "\\s", then more or what
    follows) instead of stopping there."""
    if k == 0:
        return {("", False)}
    if i == len(items):
        return {("", True)}
    item = items[i]
    if item.zero:
        return _starts(items, i + 1, k, unroll)
    out = _starts(items, i + 1, k, unroll) if item.lo == 0 else set()
    if item.group is not None:
        once = {s for alt in item.group for s in _starts(alt, 0, k, unroll)}
    elif item.chars is not None:
        once = {(c, True) for c in item.chars}
    else:
        once = {("", False)}
    for text, ended in once:
        if not ended or len(text) == k or (item.hi != 1 and not (unroll and text)):
            out.add((text, False))
        elif item.hi != 1:  # once more at most hi - 1 times, at least lo - 1
            more = item.hi - 1 if item.hi > 0 else -1
            again = _Item(item.chars, item.group, False, max(0, item.lo - 1), more)
            if again.hi == 0:
                out.update((text + t, e) for t, e in _starts(items, i + 1, k - len(text), True))
            else:
                rest = (again, *items[i + 1 :])
                out.update((text + t, e) for t, e in _starts(rest, 0, k - len(text), True))
        else:
            out.update((text + t, e) for t, e in _starts(items, i + 1, k - len(text), unroll))
        if len(out) > _KEY_LIMIT:
            raise _TooManyKeysError
    return out


@lru_cache(maxsize=4096)
def entry_keys(rx: str) -> frozenset[str] | None:
    """The strings (1-3 characters) every match of ``rx`` starts with; None: could be any."""
    alternatives, _ = _parse(rx)
    for k in range(KEY_LENGTH, 0, -1):
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


_WIDE = 4  # key characters from which a set is taken for any character


def _narrow(chars: frozenset[str] | None) -> frozenset[str] | None:
    keys = None if chars is None else frozenset(map(key_char, chars))
    return keys if keys is not None and len(keys) <= _WIDE else None


def _in_key_characters(
    alternatives: tuple[tuple[_Item, ...], ...],
) -> tuple[tuple[_Item, ...], ...]:
    """The same alternatives with each character set in key characters (fewer strings), and
    a wide set (such as "[a-z]") taken for any character, so that the strings stay few."""
    return tuple(
        tuple(
            _Item(
                _narrow(item.chars),
                None if item.group is None else _in_key_characters(item.group),
                item.zero,
                item.lo,
                item.hi,
            )
            for item in alternative
        )
        for alternative in alternatives
    )


@lru_cache(maxsize=8192)
def prefixes(rx: str) -> frozenset[str] | None:
    """What every match of ``rx`` starts with, in key characters: up to ``LONG_KEY`` of them,
    fewer where a match can be shorter or the next character could be any (after "\\w", say).
    None: a match could start with anything."""
    alternatives = _in_key_characters(_parse(rx)[0])
    for k in range(LONG_KEY, 0, -1):
        try:
            found = {t for alt in alternatives for t, _ in _starts(alt, 0, k, True)}
        except _TooManyKeysError:
            continue
        if "" in found:
            return None
        # a start another one begins with adds nothing
        return frozenset(t for t in found if not any(t[:k] in found for k in range(1, len(t))))
    return None
