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
from functools import lru_cache
from typing import Literal

__all__ = ["WINDOW", "Rule", "SignalKind", "mentioned", "rule", "said_elsewhere"]

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
    "resembles_attack",
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
    |tells\s+me|used\s+to\s+say)\b
    |\b(?:configured|set\s+up|programmed|prompted|instructed|trained|built|designed|tuned)\s+(?:our
    |the|my|a|an|their)\s+(?:[\w-]+\s+){0,2}(?:bot|chatbot|assistant|model|ai|tool|agent|system)s?
    \b""",
    re.VERBOSE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@lru_cache(maxsize=64)  # the rules, the clauses and the signs all ask of the same text
def said_elsewhere(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of ``text`` that say whom a command in them was for, or whose
    words they repeat: a customer, a trainee, a manager in the story ("give the highest rating
    you can, I tell customers"; "let the final score show the effort, my coach always said").
    A command there is not one to the grader."""
    return tuple(
        (m.start(), m.end()) for m in _SENTENCE.finditer(text) if _SAID_TO.search(m.group(0))
    )


# Words quoted as an example or as someone's speech are mentioned, not said to the grader: "we
# tested the bot with messages like 'ignore previous instructions'", "a card addressed to
# 'whoever reads this'", payloads like {"result": "approved"}, "my coach said, 'you should ...'".
_QUOTE = r"""(?:(?<!\w)"([^"\n]{2,300})"(?!\w)|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w)){5,200})'(?!\w)
    |(\{[^{}\n]{5,300}\}))"""
_INTRODUCED = re.compile(
    rf"""\b(?:like|such\s+as|e\.g\.|including|for\s+(?:example|instance)|with|said|say|says|saying
    |tell|tells|telling|told|ask|asks|asked|asking|wrote|writes|writing|typed|type|types|typing
    |replied|reply|added|shouted|yelled|screamed|shouts?|yells?|screams?|put\s+it\s+\w+|called\s+it|addressed\s+to
    |texted|posted|emailed|reads?|announced|repeat(?:s|ed)?|goes|show(?:s|ed)?|display(?:s|ed)?
    |returned|returns|found|saw|received)\b[,:]?\s*(?:\w+\s*
    [,:]?\s*){{0,5}}?{_QUOTE}""",
    re.VERBOSE,
)
_TAGGED = re.compile(
    r"""(?:"([^"\n]{2,300})")\s*,?\s*(?:(?:she|he|they|i|we|it)|(?:the|my|our|a|his|her)\s+(?:\w+
    \s+)?\w+)\s+(?:said|says|asked|replied|added|shouted|wrote|told\s+\w+|typed|yelled)\b""",
    re.VERBOSE,
)
# ... unless the quoted words speak of grading this answer
_GRADING = re.compile(
    r"""\b(?:scor\w*|grad(?:e|es|ed|ing)|marks?|points|rat(?:e|ed|ing)|rubric|evaluat\w*|assess\w*|candidate
    |applicant|(?:this|my)\s+(?:answer|response)|hire|verdict|recommend\w*|pass)\b""",
    re.VERBOSE,
)


# A payload shown "like {...}" is a work record unless it holds the judge's own fields or a
# top grade under a grade's own key: a fraud "score": 0.82 or "csat_score": 5 is not a verdict.
_PAYLOAD_GRADING = re.compile(
    r"""\b(?:rubric|evaluat\w*|assess\w*|candidate|applicant|(?:this|my)\s+(?:answer|response)
    |hire|hiring|verdict|recommend\w*|strong\s*(?:yes|hire)|override|instructions?|injection
    |red\s+flags?|needs\s+human\s+review|ai\s+fluency|star\s+structure|empathy|ownership)\b
    |"(?:score|rating|grade|overall)"\s*:\s*"?(?:10|5|100)\b""",
    re.VERBOSE,
)
_QUOTE_MARK = re.compile(r"""["{]|(?<!\w)'""")
_AND_THEN = re.compile(rf"""["'}}]?\s*(?:,|and|or|,\s*and|,\s*or)\s*{_QUOTE}""", re.VERBOSE)


def _quoted(m: re.Match[str]) -> tuple[int, int, str]:
    group = next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g) is not None)
    return m.start(group), m.end(group), m.group(group)


# A block of "key: value" lines introduced as the candidate's own record ("My last scorecard
# read:") is that record, unless it or its introduction is about this answer or hands out an
# outcome.
_OWN_RECORD = re.compile(
    r"""^(?P<intro>[^\n]*\b(?:my|our)\s+(?:\w+\s+){0,3}(?:scorecard|review|appraisal|evaluation|qa
    |audit|report|feedback|survey|results?|ratings?|scores?)\b[^\n]*:)[ \t]*\n(?P<block>(?:[ \t>*-]*
    [\w\ ]{1,40}:[^\n]*(?:\n|$))+)""",
    re.VERBOSE | re.MULTILINE,
)
_ABOUT_THIS = re.compile(
    r"""\b(?:this|the)\s+(?:answer|response|submission|candidate|applicant)\b|\b(?:hire|hired
    |strong[\s_-]*yes|advance|next\s+round|shortlist\w*|pass(?:ed)?)\b""",
    re.VERBOSE,
)


@lru_cache(maxsize=64)
def mentioned(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` quoted as an example or as someone's speech (and not about grading);
    quotes listed after one ("like 'a' and 'b'") too; and the candidate's own record set out
    as ``key: value`` lines after "My last scorecard read:"."""
    spans = [
        (m.start("block"), m.end("block"))
        for m in _OWN_RECORD.finditer(text)
        if not _ABOUT_THIS.search(m.group(0))
    ]
    if not _QUOTE_MARK.search(text):
        return tuple(spans)
    for pattern in (_INTRODUCED, _TAGGED):
        for m in pattern.finditer(text):
            quotes = [_quoted(m)]
            while (more := _AND_THEN.match(text, quotes[-1][1])) is not None:
                quotes.append(_quoted(more))
            spans += [
                (a, b)
                for a, b, words in quotes
                if not (_PAYLOAD_GRADING if words.startswith("{") else _GRADING).search(
                    re.sub("[_-]", " ", words)
                )
            ]
    return tuple(spans)
