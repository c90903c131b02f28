"""Context signals: sentences about the job, negation, text aimed at the judge."""

from __future__ import annotations

import re

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "INJECTION",
    "INJECTION_MARKUP",
    "NEGATION",
    "NEGATOR",
    "PERSON_PRONOUN",
    "STOPWORDS",
    "markup_possible",
]

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
PERSON_PRONOUN = re.compile(r"\b(?:she|he|they|them|her|him|his|their|hers)\b")
# A cheap first look: does a sentence hold any negating word ("not", "never", "no", "nobody",
# "without", "nor", "rather", "instead", "avoid...", "refus...", "stop", "...n't")? Each word
# starts with its letter and "(?<!\wx)" after it stands for "\b", so that the regex engine can
# skip to the letters that can start one.
NEGATOR = re.compile(
    r"n't\b|n(?<!\wn)(?:ot|ever|o|obody|or)\b|w(?<!\ww)ithout\b|r(?<!\wr)(?:ather|efus\w*)\b"
    r"|i(?<!\wi)nstead\b|a(?<!\wa)void\w*\b|s(?<!\ws)top\b"
)
# A negation just before the end of the text searched: "not", "never", "no", "nobody",
# "without", "didn't", "don't", "doesn't", "wasn't", "weren't", "won't", "couldn't", "nor",
# "rather than", "instead of", "avoid...", "refus...", "stop", then perhaps "want to" (or
# "need", "try", "have", "going" to) and one more word. Written letter-first as NEGATOR is.
NEGATION = re.compile(
    r"(?:n(?<!\wn)(?:ot|ever|o|obody|or)|w(?<!\ww)(?:ithout|asn't|eren't|on't)"
    r"|d(?<!\wd)(?:idn't|on't|oesn't)|c(?<!\wc)ouldn't|r(?<!\wr)(?:ather than|efus\w*)"
    r"|i(?<!\wi)nstead of|a(?<!\wa)void\w*|s(?<!\ws)top)\W+(?:(?:want|wanted|need|needed|try"
    r"|tried|have|had|going) to\W+)?(?:\w+\W+)?$"
)
_STOPWORD_TEXT = (
    "a an and are about any as at be been but by can did do does for from had has have how i if"
    " in into is it its me my of on or our so tell than that the their them there these they this"
    " those time to us was we were what when where which while who why will with would you your"
    " yours recall under over would could should there which where after other think give"
    " describe example being doing"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

INJECTION = lexicon("injection", [
    Entry("ignore instructions", r"(?:ignore|disregard|forget|override)\b[^.\n]{0,30}?"
          r"\b(?:instructions?|rubric|criteria|guidelines|prompt|rules|scoring)"),
    Entry("asks for a top score", r"give\s+(?:me|this(?:\s+answer|\s+response)?|my\s+answer"
          r"|it|the\s+candidate)\s+(?:a\s+|an\s+|the\s+)?(?:5|five|10|ten|full\s+marks"
          r"|top\s+score|perfect\s+score|maximum|highest)\b(?!\s*-?\s*(?:minutes?|hours?"
          r"|days?|%|percent|star))"),
    Entry("score this", r"score\s+this|(?:rate|grade|mark|score)\s+(?:this\s+answer"
          r"|this\s+response|my\s+answer|me)\s+(?:as\s+)?(?:a\s+|an\s+)?(?:5|five|10|ten"
          r"|excellent|perfect|top|highest|full)"),
    Entry("addresses the model", r"you\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|evaluator|grader"
          r"|language\s+model|assistant|judge|scoring)|note\s+to\s+(?:the\s+)?(?:ai|evaluator"
          r"|grader|model|llm|assistant|reviewer)"),
    Entry("system prompt", r"(?:system|developer)\s+(?:prompt|message)"),
])
# fmt: on

# Forged delimiters, role lines, template syntax and JSON verdicts; searched only when
# ``markup_possible``.
INJECTION_MARKUP = re.compile(
    r"""
    ^[ \t]*(?:begin|end)[ \t_-]+answer\b[^\n]*
    | ^[ \t]*(?:system|assistant)[ \t]*:
    | \{\{ | \{%
    | \{[^{}]{0,200}?"(?:score|verdict|detected|present|dimensions|recommendation)"\s*:
    """,
    re.VERBOSE | re.MULTILINE,
)
_MARKUP_LINES = ("begin", "end", "system", "assistant")


def markup_possible(folded: str) -> bool:
    """A quick look: whether ``INJECTION_MARKUP`` can match ``folded`` at all (a brace, or a
    line that starts with one of the words its line forms start with)."""
    if "{" in folded:
        return True
    return any(line.lstrip(" \t").startswith(_MARKUP_LINES) for line in folded.split("\n"))
