"""Which differences between a quote and the answer keep the quote's meaning.

A judge that copies a sentence sometimes fixes a typo, changes British to American spelling,
drops an article or a comma. Those edits keep the meaning. Others flip it while changing only a
few characters, which is why a character similarity alone cannot be trusted:

* a negation added or removed ("I did apologise" / "I did not apologise", "didn't", "never");
* an antonym-prone word changed ("always" / "never", "before" / "after", "more" / "less"),
  a modal ("will" / "would"), or a person ("my fault" / "their fault");
* a number changed ("4 hours" / "5 hours", "two" / "three");
* a negating prefix ("satisfied" / "dissatisfied", "resolved" / "unresolved").

``compare_words`` classifies the word-level differences between a quote and a span of the
answer: ``"same"`` (only harmless edits), ``"meaning_changed"`` or ``"words_changed"`` (a word
that carries content was added, removed or replaced by another word: not a copy).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

from answer_eval.text import STOPWORDS, is_negation

__all__ = ["DROPPABLE", "MEANING_WORDS", "WordEdits", "compare_words", "spelling_variant"]

WordEdits = Literal["same", "meaning_changed", "words_changed"]

# Words whose change, addition or removal can reverse or shift a claim: quantifiers and
# frequency, order in time, comparison, polarity, modals and people (who did it, whose fault).
_MEANING_TEXT = """
always never sometimes often usually rarely seldom occasionally ever once twice
all every each any some none both either only just even also still already yet again
more less most least fewer few many much enough too very extremely
before after early earlier late later first last next previous
up down in out on off over under above below
increase increased increases decrease decreased decreases rise rose fall fell raise raised
better worse best worst good bad right wrong true false yes correct incorrect fair unfair
agree agreed disagree disagreed accept accepted reject rejected refuse refused deny denied
approve approved allow allowed won win lost lose pass passed fail failed failure success
happy unhappy satisfied dissatisfied able unable possible impossible like liked dislike disliked
will would can could shall should must may might if unless whether because although though
but or than instead rather
i me my mine we us our ours you your yours he him his she her hers they them their theirs
myself yourself herself himself ourselves themselves yourselves
someone everyone anyone somebody everybody anybody everything anything something
"""
MEANING_WORDS: frozenset[str] = frozenset(_MEANING_TEXT.split())
"""Antonym-prone, modal and person words: changing one of them can change what a quote says."""

_NUMBER_TEXT = """
zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
fifty hundred thousand million half third quarter double triple dozen percent
"""
_NUMBER_WORDS = frozenset(_NUMBER_TEXT.split())


_NEGATING_PREFIXES = ("un", "dis", "in", "im", "ir", "il", "non", "mis")
_SPELLING_SIMILARITY = 0.8


def _is_number(word: str) -> bool:
    return word in _NUMBER_WORDS or any(c.isdigit() for c in word)


def _sensitive(word: str) -> bool:
    # "they're", "i'll": a contraction carries its person and its modal
    head = word.partition("'")[0]
    return is_negation(word) or word in MEANING_WORDS or head in MEANING_WORDS or _is_number(word)


DROPPABLE: frozenset[str] = frozenset(w for w in STOPWORDS | {"really"} if not _sensitive(w))
"""Small words ("the", "a", "that", "to") a copying judge may add, drop or swap without
changing what the quote says."""


def _prefix_negated(a: str, b: str) -> bool:
    for x, y in ((a, b), (b, a)):
        if any(x == p + y for p in _NEGATING_PREFIXES):
            return True
        if x.endswith("less") and y.endswith("ful") and x[:-4] == y[:-3]:  # helpless/helpful
            return True
    return False


def spelling_variant(a: str, b: str) -> bool:
    """True when two (folded) words are the same word spelled differently: a typo, a British or
    American spelling, a plural. Never for numbers or a negating prefix."""
    if a == b:
        return True
    if _is_number(a) or _is_number(b) or _prefix_negated(a, b):
        return False
    return SequenceMatcher(None, a, b).ratio() >= _SPELLING_SIMILARITY


def compare_words(quote: list[str], span: list[str]) -> WordEdits:
    """Classify the differences between a quote's words and a span's words (both folded)."""
    if quote == span:
        return "same"
    outcome: WordEdits = "same"
    matcher = SequenceMatcher(None, quote, span, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        ours, theirs = quote[i1:i2], span[j1:j2]
        if tag == "replace" and len(ours) == len(theirs):
            for a, b in zip(ours, theirs, strict=True):
                if a == b or (a in DROPPABLE and b in DROPPABLE):
                    continue
                if _sensitive(a) or _sensitive(b) or _prefix_negated(a, b):
                    return "meaning_changed"
                if not spelling_variant(a, b):
                    outcome = "words_changed"
            continue
        if any(_sensitive(w) for w in ours + theirs):
            return "meaning_changed"
        if tag == "replace" and spelling_variant("".join(ours), "".join(theirs)):
            continue  # "follow up" / "followup"
        if not all(w in DROPPABLE for w in ours + theirs):
            outcome = "words_changed"
    return outcome
