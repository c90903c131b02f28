"""Generic lexicons of the offline judge, drawn from the language of the seed guides.

This module is the catalogue: which lexicons speak for which dimension (``DIMENSION_LEXICONS``)
and which show a red flag (``RED_FLAG_FAMILIES``), and the one place every lexicon, pattern and
the matching machinery can be imported from. The parts live by concept:

* ``lexicon_entries``: entries, lexicons and the folding they match on;
* ``lexicon_index``: finding every entry of many lexicons in one pass;
* ``lexicon_signals``: sentences about the job, negation, sentence ends, injection;
* ``lexicon_star``: situation, task, action and result markers, specifics, vagueness;
* ``lexicon_dimensions``: evidence for each dimension;
* ``lexicon_warnings``: evidence against one (complaining, blame, hand-offs, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

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
    DOMAIN,
    INJECTION,
    INJECTION_MARKUP,
    INJECTION_NEEDLES,
    NEGATION,
    NEGATOR,
    PERSON_PRONOUN,
    SENTENCE_END,
    STOPWORDS,
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
    "COMPLAINING",
    "DIMENSION_LEXICONS",
    "DOMAIN",
    "ESCALATION",
    "FIRST_PERSON_ACTION",
    "HYPOTHETICAL",
    "INJECTION",
    "INJECTION_MARKUP",
    "INJECTION_NEEDLES",
    "NEGATION",
    "NEGATOR",
    "PERSON_PRONOUN",
    "PROPER_NAME",
    "RED_FLAG_FAMILIES",
    "SENTENCE_END",
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


class RedFlagFamily(NamedTuple):
    """Lexicon entries (None: all) that show a red flag whose id/description matches."""

    matches: re.Pattern[str]
    lexicon: Lexicon
    labels: frozenset[str] | None = None
    unless: re.Pattern[str] | None = None  # a more specific family covers these flags


# A red flag is also shown by these lexicon entries, even when none of its own cue phrases
# stands in the answer: "harsh blame" <- the blame-shifting lexicon.
# fmt: off
RED_FLAG_FAMILIES: tuple[RedFlagFamily, ...] = (
    RedFlagFamily(re.compile(r"blam"), BLAME, None, re.compile(r"unreasonable")),
    RedFlagFamily(re.compile(r"dismiss\w* ai|ai entirely|(?:rejects?|refuses?) (?:ai|tools)"),
                  AI_MISUSE, frozenset({"dismisses AI", "prefers no tools"})),
    RedFlagFamily(re.compile(r"too heavily|over-?relian|relies? (?:entirely|blindly)"),
                  AI_MISUSE, frozenset({"over-reliance"})),
    RedFlagFamily(re.compile(r"complain"), COMPLAINING,
                  frozenset({"customers are annoying", "annoying customers"})),
    RedFlagFamily(re.compile(r"unreasonable"), COMPLAINING,
                  frozenset({"unreasonable customer"})),
    RedFlagFamily(re.compile(r"dealing with"), COMPLAINING,
                  frozenset({"dealing with customers"})),
    RedFlagFamily(re.compile(r"yell|shout|raises? (?:their |his |her )?voice"), COMPLAINING,
                  frozenset({"lost temper"})),
    RedFlagFamily(re.compile(r"escalat|hands? (?:it )?off"), ESCALATION),
    RedFlagFamily(re.compile(r"never (?:feels? |gets? )?stressed"), VAGUE,
                  frozenset({"never stressed"})),
    RedFlagFamily(re.compile(r"look into it|vague assurance"), EVASIVE,
                  frozenset({"vague assurance"})),
    RedFlagFamily(re.compile(r"citing (?:the )?policy|underlying need"), EVASIVE,
                  frozenset({"cites policy"})),
)
# fmt: on
