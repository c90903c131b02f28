"""What a lexicon is: entries compiled for matching on folded text.

Every pattern runs on *folded* text: lower case, typographic apostrophes and quotes made plain,
with the same length as the answer so that match offsets are offsets in the answer (see
``fold``). A ``Lexicon`` is one compiled alternation; group *i* + 1 is entry *i*, so one pass over
an answer finds every entry, and ``labels[i]`` names it in rationales ("listened", "root cause").

An entry marked ``generic`` is a word that is evidence only in context ("learned", "resolved",
"last year", a number): it counts only in sentences about the job (see ``DOMAIN``), so unrelated
padding cannot add evidence. Other entries ("acknowledged her frustration", "root cause") are
evidence wherever they stand, and make their sentence count as on topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from answer_eval.text import fold

__all__ = ["Entry", "Lexicon", "fold", "lexicon"]


class Entry(NamedTuple):
    """One lexicon entry: a label for rationales, a regex (no capturing groups), context need."""

    label: str
    regex: str
    generic: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Compiled entries: ``patterns[i]`` (anchored at a word start) finds ``labels[i]``."""

    name: str
    labels: tuple[str, ...]
    generic: tuple[bool, ...]
    patterns: tuple[re.Pattern[str], ...]


def lexicon(name: str, entries: list[Entry]) -> Lexicon:
    """Compile ``entries``; each must match from a word start to a word end."""
    patterns = tuple(re.compile(rf"(?:{e.regex})(?!\w)") for e in entries)
    for entry, pattern in zip(entries, patterns, strict=True):
        if pattern.groups:
            raise ValueError(f"lexicon {name!r}: entry {entry.label!r} holds a capturing group")
    return Lexicon(
        name=name,
        labels=tuple(e.label for e in entries),
        generic=tuple(e.generic for e in entries),
        patterns=patterns,
    )
