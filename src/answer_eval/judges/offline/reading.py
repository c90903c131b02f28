"""Reading an answer sentence by sentence: words, stems, clauses, specifics, first person.

Folding, sentence splitting and tokenising come from the shared text module
(``answer_eval.text``: ``fold``, ``sentences``, ``compound_words`` over ``unhyphenated_dashes``
text, see ``AnswerText``); this module reads what the sentences hold, behind one small
interface, ``read_sentences(text) -> list[Sentence]``.

A ``Sentence`` says what a reader notices before judging content: whether it is a clause (a
subject with a verb) or a list of fragments, whether it is the candidate's own account (first
person), which content words it holds (stemmed, generic words apart), and which concrete anchors
it names (numbers, times, names, first-person past actions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from answer_eval.judges.offline.evidence import AnswerText
from answer_eval.judges.offline.lexicon.star import FIRST_PERSON_ACTION
from answer_eval.judges.offline.lexicon.vocabulary import (
    AUXILIARIES,
    CONNECTORS,
    FIRST_PERSON,
    SUBJECT_PRONOUNS,
    WORD_STOPWORDS,
)
from answer_eval.judges.offline.wordclass import Classes, classes_of, is_verb, stem
from answer_eval.text import compound_words

__all__ = ["Sentence", "connectors_of", "read_sentences", "stem"]

# where a list's pieces part: "a(?<!\wa)nd" is "\band" with its letter first, for the regex engine
_SEGMENT_BREAK = re.compile(r"[,;:]|\s[-\u2013\u2014]\s|a(?<!\wa)nd\b|o(?<!\wo)r\b")
# a capitalised word after a lower-case word or a comma: "[A-Z](?<=...)" looks for the capital
# first
_NAME = re.compile(r"[A-Z](?<=[a-z0-9,;:)] [A-Z])(?:[a-z]+|[A-Z]+s?)\b")
_MONEY = re.compile(r"[$\u20ac\u00a3]\s?\d")
_CONNECTOR_PHRASES = tuple((c, frozenset(c.split()), f" {c} ") for c in CONNECTORS)
# fmt: off
_DETERMINERS = frozenset(["the", "a", "an", "my", "our", "his", "her", "their", "this", "that",
                          "these", "those", "every", "each"])
_REFERS_BACK = frozenset(["they", "them", "it", "this", "that", "these", "those", "he", "she",
                          "him", "her", "his", "their"])
# fmt: on
_CLAUSE_STARTS = SUBJECT_PRONOUNS | _DETERMINERS | AUXILIARIES


class Sentence(NamedTuple):
    """What one sentence of an answer holds (offsets into the answer)."""

    start: int
    end: int
    words: tuple[str, ...]
    stems: frozenset[str]  # content words, stemmed, generic words excluded
    generic_stems: frozenset[str]  # generic words, stemmed ("job", "work", "customer")
    generic: int  # generic words ("always", "best", "things")
    clause: bool  # a subject and a verb
    fragments: bool  # a clause that is a list of short verbless pieces ("empathy, ownership, ...")
    first_person: bool
    actions: frozenset[str]  # first-person past-tense verbs ("i called", "we fixed")
    action_spans: tuple[tuple[str, int, int], ...]  # (verb, start, end) of each of them
    anchors: frozenset[str]  # numbers, times, names, money
    refers_back: bool  # a pronoun that points at an earlier sentence ("they", "it", "this")
    own_account: bool  # reads as the candidate's own account: a clause, not a list of fragments

    @property
    def connectors(self) -> frozenset[str]:
        """Because, for example, then, as a result ... (worked out when asked)."""
        return connectors_of((self,))


def _has_clause(words: tuple[str, ...], verbs: set[str]) -> bool:
    """A subject followed by a verb within a few words (pronoun or determiner + noun)."""
    if _CLAUSE_STARTS.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        if word in SUBJECT_PRONOUNS:
            following = words[i + 1 : i + 4]
            if not verbs.isdisjoint(following):
                return True
            # "I handle", "we use": after a subject pronoun, a content word is its verb
            nxt = next((w for w in following if not w.endswith("ly")), "")
            if nxt and nxt not in WORD_STOPWORDS and not nxt.isdigit():
                return True
        elif (word in _DETERMINERS and not verbs.isdisjoint(words[i + 2 : i + 5])) or (
            word in AUXILIARIES and i > 0
        ):
            return True
    return False


def _fragment_list(text: str) -> bool:
    """Four or more pieces, nearly all of them one to three words without a verb."""
    if text.count(",") + text.count(";") < 2:  # a list needs separators
        return False
    pieces = [p for p in map(str.split, _SEGMENT_BREAK.split(text)) if p]
    if len(pieces) < 4:
        return False
    if len(pieces) - sum(1 for p in pieces if len(p) > 3) < 0.75 * len(pieces):
        return False  # too many long pieces, whatever the short ones hold
    short = sum(1 for p in pieces if len(p) <= 3 and not any(map(is_verb, p[1:])))
    return short >= 0.75 * len(pieces)


def connectors_of(sentences: Iterable[Sentence]) -> frozenset[str]:
    """The connectors ("because", "for example", "as a result" ...) ``sentences`` use, each
    within one sentence: a phrase is looked for, in their words joined (the sentences kept
    apart by "|"), only when all its words are there."""
    sentences = list(sentences)
    every = set().union(*(s.words for s in sentences))
    found, joined = [], ""
    for phrase, words, padded in _CONNECTOR_PHRASES:
        if every.issuperset(words):
            if " " in phrase:  # a phrase: its words in a row, in one sentence
                joined = joined or f" {' | '.join(' '.join(s.words) for s in sentences)} "
                if padded not in joined:
                    continue
            found.append(phrase)
    return frozenset(found)


_EMPTY: frozenset[str] = frozenset()


def _read(
    folded: str,
    wording: str,
    start: int,
    end: int,
    names: set[str] | None,
    action_spans: tuple[tuple[str, int, int], ...],
) -> Sentence:
    words = tuple(compound_words(wording, start, end))
    classes: Classes = classes_of(words)
    generic = list(filter(None, map(classes.generic.get, words)))  # stems are never empty
    anchors = classes.anchors.intersection(words)
    if names:
        anchors |= names
    clause = _has_clause(words, classes.verbs)
    fragments = clause and _fragment_list(folded[start:end])  # only a clause needs telling apart
    return Sentence(  # positional, in the order of the fields: quicker to build
        start,
        end,
        words,
        frozenset(filter(None, map(classes.content.get, words))),
        frozenset(generic),
        len(generic),
        clause,
        fragments,
        not FIRST_PERSON.isdisjoint(words),
        frozenset(verb for verb, _, _ in action_spans) if action_spans else _EMPTY,
        action_spans,
        frozenset(anchors),
        not _REFERS_BACK.isdisjoint(words),
        clause and not fragments,
    )


def read_sentences(text: AnswerText) -> list[Sentence]:
    """Every sentence of ``text``, read (in order, aligned with ``text.spans``)."""
    n = len(text.spans)
    names: list[set[str] | None] = [None] * n
    for m in _NAME.finditer(text.text):
        i = text.sentence_at(m.start())
        names[i] = (names[i] or set()) | {m.group(0).lower()}
    for m in _MONEY.finditer(text.text):
        i = text.sentence_at(m.start())
        names[i] = (names[i] or set()) | {"$"}
    actions: list[list[tuple[str, int, int]]] = [[] for _ in range(n)]
    for m in FIRST_PERSON_ACTION.finditer(text.folded):
        actions[text.sentence_at(m.start())].append((m.group("verb"), m.start(), m.end()))
    return [
        _read(text.folded, text.wording, s, e, names[i], tuple(actions[i]))
        for i, (s, e) in enumerate(text.spans)
    ]
