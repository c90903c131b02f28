"""A question's cue phrases: compiled once per question, then found in each answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer_eval.checks import cue_pattern
from answer_eval.judges.offline.evidence import EVIDENCE_LEXICONS, GENERIC_INDEX, AnswerText, Hit
from answer_eval.judges.offline.lexicon.catalogue import (
    RED_FLAG_FAMILIES,
    STOPWORDS,
    Lexicon,
    LexiconIndex,
)
from answer_eval.judges.offline.lexicon.vocabulary import (
    COMMON_WORDS,
    GENERIC_WORDS,
    WORD_STOPWORDS,
    WORK_WORDS,
)
from answer_eval.judges.offline.reading import stem
from answer_eval.rubrics.models import Question
from answer_eval.text import compound_words, fold, unhyphenated_dashes

__all__ = [
    "CRITERION_KINDS",
    "CompiledQuestion",
    "Family",
    "compile_question",
    "locate_cues",
]

_AT_WORD = re.compile(r"[\w$]")
Family = tuple[str, frozenset[str] | None]  # a warning sign and the entries that count


@dataclass(frozen=True)
class CompiledQuestion:
    """A question's cue phrases, compiled once per question content.

    ``cues`` indexes one lexicon per criterion, then one per red flag, after the generic
    lexicons. ``loose`` holds the cues that do not start at a word (e.g. "%"), searched
    anywhere, by lexicon position.
    """

    criteria: tuple[str, ...]
    red_flags: tuple[tuple[str, tuple[Family, ...]], ...]
    cues: LexiconIndex
    loose: tuple[tuple[int, str, re.Pattern[str]], ...]
    vocabulary: frozenset[str]  # stems of the question's and the job's words
    criterion_terms: tuple[frozenset[str], ...]  # per criterion: stems of its text and cues
    criterion_weights: tuple[float, ...]
    criterion_links: tuple[frozenset[tuple[int, str]], ...]  # (lexicon id, entry label)
    criterion_kinds: tuple[str, ...]  # "star", "specifics" or "" (see CRITERION_KINDS)


def compile_question(question: Question) -> CompiledQuestion:
    groups = [(c.id, c.cues or _description_cues(c.description)) for c in question.criteria]
    groups += [(f.id, f.cues) for f in question.red_flags]
    lexicons: list[Lexicon] = []
    loose: list[tuple[int, str, re.Pattern[str]]] = []
    for position, (owner, cues) in enumerate(groups):
        at_word = [c for c in cues if _AT_WORD.match(fold(c).strip())]
        loose += [(position, c, _cue_pattern(c)) for c in cues if c not in at_word]
        patterns = tuple(_cue_pattern(c) for c in at_word)
        lexicons.append(Lexicon(owner, tuple(at_word), (False,) * len(at_word), patterns))
    flags = []
    for f in question.red_flags:
        text = f"{f.id.replace('-', ' ')} {f.description}".lower()
        families = tuple(
            (family.warning, family.labels)
            for family in RED_FLAG_FAMILIES
            if family.matches.search(text) and not (family.unless and family.unless.search(text))
        )
        flags.append((f.id, families))
    criterion_terms = tuple(
        _terms(" ".join([c.description, c.source.excerpt, *c.cues])) for c in question.criteria
    )
    links = tuple(_links(terms) for terms in criterion_terms)
    kinds = tuple(
        next((kind for kind, rx in CRITERION_KINDS if rx.search(f"{c.id} {c.description}")), "")
        for c in question.criteria
    )
    own_words = " ".join([question.text, question.reveals, *question.follow_ups])
    vocabulary = WORK_STEMS | _terms(own_words) | frozenset().union(*criterion_terms)
    return CompiledQuestion(
        criteria=tuple(c.id for c in question.criteria),
        red_flags=tuple(flags),
        cues=LexiconIndex(tuple(lexicons), base=GENERIC_INDEX),
        loose=tuple(loose),
        vocabulary=vocabulary,
        criterion_terms=criterion_terms,
        criterion_weights=tuple(c.weight for c in question.criteria),
        criterion_links=links,
        criterion_kinds=kinds,
    )


# Criteria judged from the story's shape rather than from words: a STAR narrative, specifics.
CRITERION_KINDS = (
    ("star", re.compile(r"\bstar\b|situation, task|structured (?:story|narrative)", re.I)),
    ("specifics", re.compile(r"measur|quantif|timeline|metric|specifics such as", re.I)),
)
# Label words too common to link a criterion to a lexicon entry ("a customer called").
_UNLINKED = frozenset(
    [
        "customer",
        "time",
        "year",
        "date",
        "number",
        "made",
        "one",
        "day",
        "work",
        "job",
        "call",
        "name",
        "named",
        "specific",
        "interest",
        "mention",
        "mentioned",
        "tool",
        "ai",
        "it",
        "was",
        "them",
        "her",
        "him",
        "the",
        "my",
        "i",
        "not",
        "no",
        "but",
        "made",
        "took",
        "sure",
        "went",
        "last",
        "period",
        "first",
        "month",
        "need",
        "needed",
        "fail",
        "up",
        "back",
    ]
)


def _links(terms: frozenset[str]) -> frozenset[tuple[int, str]]:
    """The evidence-lexicon entries whose labels use the criterion's words: "active listening"
    is shown by the empathy lexicon's "listened" entry, in any of its phrasings."""
    out = set()
    for lex in EVIDENCE_LEXICONS:
        for label in lex.labels:
            label_stems = {stem(w) for w in compound_words(fold(label))} - _UNLINKED
            if label_stems & terms:
                out.add((id(lex), label))
    return frozenset(out)


WORK_STEMS = frozenset(stem(w) for w in WORK_WORDS)
_NO_TOPIC = WORD_STOPWORDS | GENERIC_WORDS | COMMON_WORDS
_SKIP_TERMS = frozenset(
    [
        "customer",
        "customers",
        "candidate",
        "candidates",
        "answer",
        "answers",
        "example",
        "examples",
        "should",
    ]
)


def _terms(text: str) -> frozenset[str]:
    """Stems of the content words of rubric text (the candidate-facing vocabulary): no function
    words, no generic or everyday words that name no topic."""
    words = compound_words(unhyphenated_dashes(text, fold(text)))
    return frozenset(
        stem(w)
        for w in words
        if len(w) > 2 and not w[0].isdigit() and w not in _SKIP_TERMS and w not in _NO_TOPIC
    )


_PRONOUN_CLASSES = {
    "them": "(?:them|him|her)",
    "him": "(?:them|him|her)",
    "her": "(?:her|him|them|his|their)",
    "his": "(?:his|her|their)",
    "their": "(?:their|his|her)",
    "they": "(?:they|he|she)",
    "he": "(?:they|he|she)",
    "she": "(?:they|he|she)",
}


def _cue_pattern(cue: str) -> re.Pattern[str]:
    """Like ``checks.cue_pattern``, but a pronoun matches any person ("let them explain" also
    finds "let her explain")."""
    words = fold(cue).strip().split()
    if not any(w in _PRONOUN_CLASSES for w in words):
        return cue_pattern(cue)
    body = r"\s+".join(_PRONOUN_CLASSES.get(w) or re.escape(w) for w in words)
    left = r"\b" if words[0][:1].isalnum() else ""
    right = r"\b" if words[-1][-1:].isalnum() else ""
    return re.compile(left + body + right)


def _description_cues(description: str) -> list[str]:
    """Cue words for a criterion that has no cues: its longer content words."""
    words = re.findall(r"[a-z]+", description.lower())
    skip = STOPWORDS | {"customer", "customers", "candidate", "answer", "example", "should"}
    return sorted({w for w in words if len(w) >= 6 and w not in skip})


def locate_cues(
    compiled: CompiledQuestion, text: AnswerText, found: list[list[tuple[int, int, int]]]
) -> list[list[Hit]]:
    """Per criterion, then per red flag: where its cue phrases stand in the answer."""
    own = slice(len(GENERIC_INDEX.lexicons), None)
    hits = [
        [Hit(lex.labels[i], text.sentence_at(s), s, e) for i, s, e in matches]
        for lex, matches in zip(compiled.cues.lexicons[own], found[own], strict=True)
    ]
    for position, cue, pattern in compiled.loose:
        hits[position] += [
            Hit(cue, text.sentence_at(m.start()), m.start(), m.end())
            for m in pattern.finditer(text.folded)
        ]
    return hits
