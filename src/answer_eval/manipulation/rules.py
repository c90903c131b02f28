"""How a manipulation rule is written and run: a pattern of one kind, tried only where one of
its needles occurs.

Each rule is a vocabulary put into a structure (an imperative verb and its object, an address
and its addressee, a key and a value on a line of its own), never a list of known attack
sentences: the same structures catch wordings nobody here wrote. Rules run on the skeleton
(``normalize.skeleton``): lower case, accents and disguises removed, line breaks as ``\\n``.
``needles`` are plain substrings, one of which must occur before the rule's pattern is run.
The English rules are in ``english``, other languages in ``languages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["WINDOW", "Rule", "SignalKind", "rule", "said_elsewhere"]

SignalKind = Literal[
    "instruction_override",
    "grader_address",
    "score_claim",
    "forged_structure",
    "forged_boundary",
    "role_play",
    "prompt_leak",
    "tool_call",
    "template_syntax",
    "encoded",
]


@dataclass(frozen=True)
class Rule:
    """One pattern of one kind; run only when one of ``needles`` occurs in the text.

    Every match holds a needle, so a ``windowed`` rule (one without ``$``, which would match at
    a window's end) runs only within ``WINDOW`` characters of its needles: on a long answer the
    patterns are the costly part.
    """

    kind: SignalKind
    needles: tuple[str, ...]
    pattern: re.Pattern[str]
    windowed: bool


WINDOW = (120, 240)
"""Characters before and after a needle that a rule's match can reach."""


def rule(kind: SignalKind, needles: str, pattern: str) -> Rule:
    """A rule of ``kind`` from space-separated ``needles`` ("_" in a needle stands for a space)
    and a verbose, multi-line pattern."""
    compiled = re.compile(pattern, re.VERBOSE | re.MULTILINE)
    words = tuple(n.replace("_", " ") for n in needles.split())
    return Rule(kind, words, compiled, "$" not in pattern)


_SAID_TO = re.compile(
    r"""\b(?:i|we)\s+(?:\w+ly\s+)?(?:tell|told|ask|asked|say\s+to|said\s+to|remind|reminded|teach
    |taught|coach|coached)\s+(?:the\s+|my\s+|our\s+|new\s+|every\s+|a\s+)?(?:\w+\s+)?(?:customers?
    |callers?|clients?|guests?|shoppers?|trainees?|new\s+hires?|hires|team|colleagues?|agents?|staff
    |vendors?|suppliers?|warehouse|courier|him|her|them)\b
    |\b(?:my|our|the|a)\s+(?:[\w-]+\s+)?(?:coach|manager|mentor|trainer|lead|supervisor|boss|teacher
    |customer|colleague|caller|client)\s+(?:always\s+|once\s+|often\s+|then\s+)?(?:said|says|told\s+me
    |tells\s+me|used\s+to\s+say)\b""",
    re.VERBOSE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def said_elsewhere(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` that say whom a command in them was for, or whose
    words they repeat: a customer, a trainee, a manager in the story ("give the highest rating
    you can, I tell customers"; "let the final score show the effort, my coach always said").
    A command there is not one to the grader."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if _SAID_TO.search(m.group(0))]
