"""Generic lexicons of the offline judge, drawn from the language of the seed guides.

This module is the catalogue: which lexicons speak for which dimension (``DIMENSION_LEXICONS``)
and which show a red flag (``RED_FLAG_FAMILIES``), and the one place every lexicon, pattern and
the matching machinery can be imported from. The parts live by concept:

* ``lexicon_entries``: entries, lexicons and the folding they match on;
* ``lexicon_index``: finding every entry of many lexicons in one pass (``lexicon_keys``: what
  an entry's matches start with);
* ``lexicon_signals``: sentences about the job, negation, injection;
* ``lexicon_star``: situation, task, action and result markers, specifics, vagueness;
* ``lexicon_dimensions``: evidence for each dimension;
* ``lexicon_warnings``: evidence against one (complaining, blame, hand-offs, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from answer_eval.judges.offline.lexicon.conduct import (
    CLICHES,
    DISMISSIVE,
    FAULT,
    HEDGES,
    NO_APOLOGY,
    QUALIFIERS,
    SELF_SERVING,
)
from answer_eval.judges.offline.lexicon.dimensions import (
    AI_FLUENCY,
    COACHABILITY,
    COMMUNICATION,
    DRIVE,
    EMPATHY,
    OWNERSHIP,
    POSITIVITY,
    PROBLEM_SOLVING,
)
from answer_eval.judges.offline.lexicon.entries import Entry, Lexicon, fold, lexicon
from answer_eval.judges.offline.lexicon.index import LexiconIndex, entry_keys
from answer_eval.judges.offline.lexicon.signals import (
    INJECTION,
    INJECTION_MARKUP,
    NEGATION,
    NEGATOR,
    PERSON_PRONOUN,
    STOPWORDS,
    markup_possible,
)
from answer_eval.judges.offline.lexicon.star import (
    FIRST_PERSON_ACTION,
    HYPOTHETICAL,
    PROPER_NAME,
    SPECIFICS,
    STAR_RESULT,
    STAR_SITUATION,
    STAR_TASK,
    VAGUE,
)
from answer_eval.judges.offline.lexicon.warnings import (
    AI_MISUSE,
    BLAME,
    COMPLAINING,
    DEFENSIVE,
    ENTITLEMENT,
    ESCALATION,
    EVASIVE,
)

__all__ = [
    "AI_MISUSE",
    "AI_TALK_LEXICONS",
    "BLAME",
    "COMPLAINING",
    "CONDUCT_LEXICONS",
    "DEFENSIVE",
    "DIMENSION_LEXICONS",
    "ENTITLEMENT",
    "ESCALATION",
    "EVASIVE",
    "FIRST_PERSON_ACTION",
    "HYPOTHETICAL",
    "INJECTION",
    "INJECTION_MARKUP",
    "NEGATION",
    "NEGATOR",
    "OWNERSHIP",
    "PERSON_PRONOUN",
    "PROPER_NAME",
    "QUALIFIERS",
    "RED_FLAG_FAMILIES",
    "SPECIFICS",
    "STAR_RESULT",
    "STAR_SITUATION",
    "STAR_TASK",
    "STOPWORDS",
    "VAGUE",
    "DimensionLexicon",
    "Entry",
    "Lexicon",
    "LexiconIndex",
    "RedFlagFamily",
    "entry_keys",
    "fold",
    "lexicon",
    "markup_possible",
]


@dataclass(frozen=True)
class DimensionLexicon:
    """Evidence for a dimension (``positive``) and against it (``negative``)."""

    positive: Lexicon
    negative: Lexicon | None = None


DIMENSION_LEXICONS: dict[str, DimensionLexicon] = {
    "empathy": DimensionLexicon(EMPATHY, COMPLAINING),
    "ownership": DimensionLexicon(OWNERSHIP, BLAME),
    "ai_fluency": DimensionLexicon(AI_FLUENCY, AI_MISUSE),
    "problem_solving": DimensionLexicon(PROBLEM_SOLVING, ESCALATION),
    "communication": DimensionLexicon(COMMUNICATION, EVASIVE),
    "positivity": DimensionLexicon(POSITIVITY, COMPLAINING),
    "drive": DimensionLexicon(DRIVE, ENTITLEMENT),
    "coachability": DimensionLexicon(COACHABILITY, DEFENSIVE),
}


# Warning signs found by combination (see ``lexicon.conduct``) and the warnings lexicons that
# no dimension lists; scanned with the rest in one pass.
CONDUCT_LEXICONS: tuple[Lexicon, ...] = (
    FAULT,
    NO_APOLOGY,
    SELF_SERVING,
    HEDGES,
    CLICHES,
    BLAME,
    DEFENSIVE,
    ENTITLEMENT,
    EVASIVE,
    COMPLAINING,
    AI_MISUSE,
)


# What is said about AI and tools: scanned only in answers that name AI or a tool.
AI_TALK_LEXICONS: tuple[Lexicon, ...] = (DISMISSIVE, QUALIFIERS)


class RedFlagFamily(NamedTuple):
    """A warning sign (``features.WARNINGS``) that shows a red flag whose id or description
    matches, even when none of the flag's own cue phrases stands in the answer. ``labels``: only
    these lexicon entries of the warning (None: all of them)."""

    matches: re.Pattern[str]
    warning: str
    labels: frozenset[str] | None = None
    unless: re.Pattern[str] | None = None  # a more specific family covers these flags


# "harsh blame" <- the blame-shifting warning; "dismisses AI" <- dismissing AI in plain words.
# fmt: off
RED_FLAG_FAMILIES: tuple[RedFlagFamily, ...] = (
    RedFlagFamily(re.compile(r"blam"), "blame", None, re.compile(r"unreasonable")),
    RedFlagFamily(re.compile(r"dismiss\w* ai|ai entirely|(?:rejects?|refuses?|avoid\w*) (?:ai"
                             r"|tools)"), "dismisses_ai"),
    RedFlagFamily(re.compile(r"too heavily|over-?relian|relies? (?:entirely|blindly)"),
                  "over_reliance"),
    RedFlagFamily(re.compile(r"complain"), "complaining",
                  frozenset({"customers are annoying", "annoying customers", "badmouths"})),
    RedFlagFamily(re.compile(r"unreasonable"), "complaining",
                  frozenset({"unreasonable customer"})),
    RedFlagFamily(re.compile(r"dealing with"), "complaining",
                  frozenset({"dealing with customers"})),
    RedFlagFamily(re.compile(r"yell|shout|raises? (?:their |his |her )?voice|emotional"),
                  "complaining", frozenset({"lost temper"})),
    RedFlagFamily(re.compile(r"frustrat"), "complaining", frozenset({"frustrating"})),
    RedFlagFamily(re.compile(r"escalat|hands? (?:it )?off|colleague or manager provided"),
                  "hand_off"),
    RedFlagFamily(re.compile(r"look into it|vague assurance"), "evasive",
                  frozenset({"vague assurance"})),
    RedFlagFamily(re.compile(r"citing (?:the )?policy|underlying need"), "evasive",
                  frozenset({"cites policy"})),
    RedFlagFamily(re.compile(r"personal benefit|pay, perks|convenience"), "self_serving"),
    RedFlagFamily(re.compile(r"never been stumped|no real failure|perfectionist"), "denial",
                  frozenset({"never fails"})),
    RedFlagFamily(re.compile(r"never (?:feels? |gets? )?stressed"), "denial",
                  frozenset({"never stressed"})),
    RedFlagFamily(re.compile(r"no research|knows little"), "self_serving",
                  frozenset({"no research"})),
    RedFlagFamily(re.compile(r"personal attack|defensive"), "resists_feedback"),
    # vague talk shows a "vague" flag only through the stock phrase the flag names
    RedFlagFamily(re.compile(r"try my best|best effort|evasive and vague|surface-level|vague answer"
                             r" in general"), "stock_phrases",
                  frozenset({"stock claim", "stock self-description", "I always try my best",
                             "people person"})),
    RedFlagFamily(re.compile(r"i stay positive"), "stock_phrases",
                  frozenset({"I stay positive"})),
    RedFlagFamily(re.compile(r"i work fast"), "stock_phrases", frozenset({"I work fast"})),
)
# fmt: on
