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
from typing import NamedTuple

from answer_eval.judges.offline.evidence import AnswerText
from answer_eval.judges.offline.lexicon.star import FIRST_PERSON_ACTION
from answer_eval.judges.offline.lexicon.vocabulary import (
    AUXILIARIES,
    CONNECTORS,
    FIRST_PERSON,
    GENERIC_WORDS,
    IRREGULAR_PAST,
    NUMBER_WORDS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    WORD_STOPWORDS,
)
from answer_eval.text import compound_words

__all__ = ["Sentence", "read_sentences", "stem"]

_SEGMENT_BREAK = re.compile(r"[,;:]|\s[-\u2013\u2014]\s|\band\b|\bor\b")
_NAME = re.compile(r"(?<=[a-z0-9,;:)] )(?:[A-Z][a-z]+|[A-Z]{2,}s?)\b")
_MONEY = re.compile(r"[$\u20ac\u00a3]\s?\d")
_CONNECTOR_HEADS = frozenset(c.split()[0] for c in CONNECTORS)
_CONNECTOR_PHRASES = tuple((c.split()[0], f" {c} ") for c in CONNECTORS)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
    ]
)
_REFERS_BACK = frozenset(
    [
        "they",
        "them",
        "it",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "him",
        "her",
        "his",
        "their",
    ]
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")


def stem(word: str) -> str:
    """A crude stem: enough to make "listened", "listening" and "listens" one word."""
    if word.endswith(("'s", "s'")):
        word = word[:-2]
    if len(word) <= 4:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    # "improve" and "improved" alike: a final e goes, as the suffixes took it
    return word[:-1] if word.endswith("e") else word


class Sentence(NamedTuple):
    """What one sentence of an answer holds (offsets into the answer)."""

    start: int
    end: int
    words: tuple[str, ...]
    stems: frozenset[str]  # content words, stemmed, generic words excluded
    generic_stems: frozenset[str]  # generic words, stemmed ("job", "work", "customer")
    generic: int  # generic words ("always", "best", "things")
    clause: bool  # a subject and a verb
    fragments: bool  # a list of short verbless pieces ("empathy, ownership, root cause")
    first_person: bool
    actions: frozenset[str]  # first-person past-tense verbs ("i called", "we fixed")
    action_spans: tuple[tuple[str, int, int], ...]  # (verb, start, end) of each of them
    anchors: frozenset[str]  # numbers, times, names, money
    connectors: frozenset[str]  # because, for example, then, as a result ...
    refers_back: bool  # a pronoun that points at an earlier sentence ("they", "it", "this")

    @property
    def own_account(self) -> bool:
        """Reads as the candidate's own account: a clause, not a list of fragments."""
        return self.clause and not self.fragments


_VERBS: dict[str, bool] = {}


def _is_verb(word: str) -> bool:
    known = _VERBS.get(word)
    if known is None:
        known = (
            word in AUXILIARIES
            or word in IRREGULAR_PAST
            or (len(word) > 4 and word.endswith("ed") and word not in GENERIC_WORDS)
        )
        if len(_VERBS) < _CLASSES_LIMIT:
            _VERBS[word] = known
    return known


def _has_clause(words: tuple[str, ...]) -> bool:
    """A subject followed by a verb within a few words (pronoun or determiner + noun)."""
    for i, word in enumerate(words):
        if word in SUBJECT_PRONOUNS:
            following = words[i + 1 : i + 4]
            if any(_is_verb(w) for w in following):
                return True
            # "I handle", "we use": after a subject pronoun, a content word is its verb
            nxt = next((w for w in following if not w.endswith("ly")), "")
            if nxt and nxt not in WORD_STOPWORDS and not nxt.isdigit():
                return True
        elif (word in _DETERMINERS and any(_is_verb(w) for w in words[i + 2 : i + 5])) or (
            word in AUXILIARIES and i > 0
        ):
            return True
    return False


def _fragment_list(text: str) -> bool:
    """Four or more pieces, nearly all of them one to three words without a verb."""
    if text.count(",") + text.count(";") < 2:  # a list needs separators
        return False
    pieces = [p.split() for p in _SEGMENT_BREAK.split(text)]
    pieces = [p for p in pieces if p]
    if len(pieces) < 4:
        return False
    short = sum(1 for p in pieces if len(p) <= 3 and not any(_is_verb(w) for w in p[1:]))
    return short >= 0.75 * len(pieces)


_ANCHOR, _GENERIC, _CONTENT, _OTHER = range(4)
_CLASSES: dict[str, tuple[int, str]] = {}
_CLASSES_LIMIT = 1 << 16


def _classify(word: str) -> tuple[int, str]:
    """What a word is to a reader (anchor, generic, content, function word) and its stem."""
    if word[0].isdigit() or word in TIME_WORDS or word in NUMBER_WORDS:
        return _ANCHOR, word
    if word in GENERIC_WORDS:
        return _GENERIC, stem(word)
    if word not in WORD_STOPWORDS and len(word) > 2:
        return _CONTENT, stem(word)
    return _OTHER, word


def _connectors(words: tuple[str, ...]) -> frozenset[str]:
    """The connectors of a sentence: a set lookup per word, phrases only when their first
    word is there."""
    present = _CONNECTOR_HEADS.intersection(words)
    if not present:
        return frozenset()
    joined = f" {' '.join(words)} "
    return frozenset(
        phrase.strip()
        for head, phrase in _CONNECTOR_PHRASES
        if head in present and phrase in joined
    )


def _read(
    folded: str,
    wording: str,
    start: int,
    end: int,
    names: set[str],
    action_spans: tuple[tuple[str, int, int], ...],
) -> Sentence:
    words = tuple(compound_words(wording, start, end))
    stems: set[str] = set()
    generic_stems: set[str] = set()
    generic = 0
    anchors = names
    classes = _CLASSES
    for word in words:
        found = classes.get(word)
        if found is None:
            found = _classify(word)
            if len(classes) < _CLASSES_LIMIT:
                classes[word] = found
        kind, base = found
        if kind == _CONTENT:
            stems.add(base)
        elif kind == _GENERIC:
            generic += 1
            generic_stems.add(base)
        elif kind == _ANCHOR:
            anchors.add(base)
    return Sentence(
        start=start,
        end=end,
        words=words,
        stems=frozenset(stems),
        generic_stems=frozenset(generic_stems),
        generic=generic,
        clause=_has_clause(words),
        fragments=_fragment_list(folded[start:end]),
        first_person=not FIRST_PERSON.isdisjoint(words),
        actions=frozenset(verb for verb, _, _ in action_spans),
        action_spans=action_spans,
        anchors=frozenset(anchors),
        connectors=_connectors(words),
        refers_back=not _REFERS_BACK.isdisjoint(words),
    )


def read_sentences(text: AnswerText) -> list[Sentence]:
    """Every sentence of ``text``, read (in order, aligned with ``text.spans``)."""
    n = len(text.spans)
    names: list[set[str]] = [set() for _ in range(n)]
    for m in _NAME.finditer(text.text):
        names[text.sentence_at(m.start())].add(m.group(0).lower())
    for m in _MONEY.finditer(text.text):
        names[text.sentence_at(m.start())].add("$")
    actions: list[list[tuple[str, int, int]]] = [[] for _ in range(n)]
    for m in FIRST_PERSON_ACTION.finditer(text.folded):
        actions[text.sentence_at(m.start())].append((m.group("verb"), m.start(), m.end()))
    return [
        _read(text.folded, text.wording, s, e, names[i], tuple(actions[i]))
        for i, (s, e) in enumerate(text.spans)
    ]
