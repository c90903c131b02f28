"""Warning signs in plain words: blame, dismissing AI or feedback, refusing to apologise,
self-serving motives, denial, complaining, hand-offs, evasion, hedging, stock phrases.

Each sign is a list of quotable hits, counted per sentence, with negation ("I didn't blame
anyone") and concession ("even though it wasn't my fault, I ...") taken into account, and
blame said of oneself ("I dropped the ball") told apart from blame put on others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answer_eval.judges.offline.evidence import AnswerText, FoundFn, Hit, RawHits
from answer_eval.judges.offline.lexicon.catalogue import (
    AI_MISUSE,
    BLAME,
    COMPLAINING,
    DEFENSIVE,
    ENTITLEMENT,
    ESCALATION,
    EVASIVE,
    OWNERSHIP,
    VAGUE,
)
from answer_eval.judges.offline.lexicon.conduct import (
    CLICHES,
    DISMISSIVE,
    FAULT,
    HEDGES,
    NO_APOLOGY,
    QUALIFIERS,
    SELF_SERVING,
)
from answer_eval.judges.offline.lexicon.vocabulary import AI_WORDS, OTHER_PARTY_WORDS
from answer_eval.judges.offline.reading import Sentence

__all__ = ["WARNINGS", "Warnings", "ai_sentences", "names_ai", "sentence_warnings"]

WARNINGS = (
    "blame",
    "dismisses_ai",
    "over_reliance",
    "no_apology",
    "self_serving",
    "denial",
    "resists_feedback",
    "complaining",
    "hand_off",
    "evasive",
    "hedging",
    "stock_phrases",
)
_CONCESSION = ("though", "although", "even if", "while", "whether")
_SELF_SUBJECT = re.compile(r"\b(?:i|we|i've|we've|i'd|myself)\s+(?:\w+\s+)?$")
_OWNING = frozenset({"took responsibility", "owned it", "my mistake"})
_SELF_WORDS = ("i ", "i'", "my ", "we ", "our ", "taking ", "take ")


@dataclass(frozen=True)
class Warnings:
    """Per warning sign: the hits that show it (verbatim-quotable)."""

    hits: dict[str, list[Hit]] = field(default_factory=dict)

    def count(self, name: str) -> int:
        return len({h.sentence for h in self.hits.get(name, [])})

    def present(self) -> list[str]:
        return [name for name in WARNINGS if self.hits.get(name)]


def names_ai(sentence: Sentence, folded: str) -> bool:
    """Whether a sentence names AI or a software tool."""
    if not AI_WORDS.isdisjoint(sentence.words):
        return True
    start, end = sentence.start, sentence.end
    return folded.find("ai-", start, end) >= 0 or folded.find("a.i", start, end) >= 0


def ai_sentences(sentences: list[Sentence], folded: str) -> list[int]:
    """The sentences that name AI or a software tool (``names_ai``), in order."""
    if "ai-" in folded or "a.i" in folded:
        return [i for i, s in enumerate(sentences) if names_ai(s, folded)]
    return [i for i, s in enumerate(sentences) if not AI_WORDS.isdisjoint(s.words)]


def _said_of_self(text: AnswerText, hit: Hit) -> bool:
    """The fault is the speaker's own ("I dropped the ball", "we never tested it")."""
    floor = text.spans[hit.sentence][0]
    return _SELF_SUBJECT.search(text.folded, max(floor, hit.start - 24), hit.start) is not None


def _in_concession(text: AnswerText, hit: Hit) -> bool:
    floor = text.spans[hit.sentence][0]
    before = text.folded[max(floor, hit.start - 24) : hit.start]
    return any(word in before for word in _CONCESSION)


def sentence_warnings(
    text: AnswerText,
    sentences: list[Sentence],
    raw: RawHits,
    found: FoundFn,
    ai_sentences: set[int],
) -> Warnings:
    """Warning signs in plain words, each hit quotable, negation already excluded.
    ``ai_sentences``: the sentences that name AI or a tool (``names_ai``)."""
    hits: dict[str, list[Hit]] = {name: [] for name in WARNINGS}
    owned = {
        h.sentence
        for h, _ in raw[id(OWNERSHIP)]
        if h.label in _OWNING
        and (text.folded.startswith(_SELF_WORDS, h.start) or _said_of_self(text, h))
    }
    for hit, _ in raw[id(BLAME)]:
        said_by_others = not _in_concession(text, hit) and not _said_of_self(text, hit)
        if said_by_others and hit.sentence not in owned:
            hits["blame"].append(hit)
    # blame in other words: someone else, and a fault put on them, in one sentence
    blamed = {h.sentence for h in hits["blame"]}
    for hit, _ in raw[id(FAULT)]:
        s = hit.sentence
        fresh = not OTHER_PARTY_WORDS.isdisjoint(sentences[s].words)
        fresh = fresh and s not in owned and s not in blamed
        if fresh and not _said_of_self(text, hit) and not _in_concession(text, hit):
            hits["blame"].append(hit)
            blamed.add(s)
    for hit, _ in raw[id(DEFENSIVE)]:
        if hit.label == "not my fault":
            if not _in_concession(text, hit):
                hits["blame"].append(hit)
        elif hit.label == "never fails":
            hits["denial"].append(hit)
        else:
            hits["resists_feedback"].append(hit)
    for hit, _ in raw[id(VAGUE)]:
        if hit.label == "never stressed":
            hits["denial"].append(hit)
    qualified = {h.sentence for h, _ in raw[id(QUALIFIERS)]}
    for hit, _ in raw[id(DISMISSIVE)]:
        s = hit.sentence
        about_ai = s in ai_sentences or (s - 1 in ai_sentences and sentences[s].refers_back)
        if about_ai and s not in qualified:
            hits["dismisses_ai"].append(hit)
    for hit, _ in raw[id(AI_MISUSE)]:
        if hit.label == "over-reliance":
            hits["over_reliance"].append(hit)
        elif hit.sentence not in qualified:
            hits["dismisses_ai"].append(hit)
    hits["no_apology"] = [h for h, _ in raw[id(NO_APOLOGY)]]
    hits["self_serving"] = [h for h, _ in raw[id(SELF_SERVING)]] + [
        h for h, _ in raw[id(ENTITLEMENT)]
    ]
    hits["complaining"] = [h for h, _ in raw[id(COMPLAINING)]]
    hits["hand_off"] = found(ESCALATION)
    hits["evasive"] = [h for h, _ in raw[id(EVASIVE)]]
    hits["hedging"] = [h for h, _ in raw[id(HEDGES)]]
    # stock phrases ("I always do my best") said as the answer, not beside an example
    hits["stock_phrases"] = [
        h
        for lex in (CLICHES, VAGUE)
        for h, _ in raw[id(lex)]
        if not sentences[h.sentence].anchors and not sentences[h.sentence].actions
    ]
    return Warnings(hits)
