"""Answer-level features: what transfers from one answer (and one author) to the next.

Each feature is a count over the sentences that count: on the question or the job (relevant),
read as the candidate's own account (a clause, not a list of fragments) and said for the first
time (a repeated sentence adds nothing). Counts are of *distinct* things (content words,
anchors, actions), so substance grows with new content and saturates (``tuning.saturation``),
and never with repetition or length alone.

Warning signs (``signs``) are counted per sentence and weigh in as features too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from answer_eval.judges.offline.evidence import RawHits
from answer_eval.judges.offline.lexicon.catalogue import VAGUE
from answer_eval.judges.offline.lexicon.conduct import CLICHES
from answer_eval.judges.offline.lexicon.vocabulary import PRIVATE_WORDS
from answer_eval.judges.offline.reading import Sentence, connectors_of, stem
from answer_eval.judges.offline.signs import (
    WARNINGS,
    Warnings,
    names_ai,
    sentence_warnings,
)
from answer_eval.judges.offline.tuning import Tuning

PRIVATE_STEMS = frozenset(stem(w) for w in PRIVATE_WORDS)

__all__ = [
    "WARNINGS",
    "Features",
    "Warnings",
    "extract",
    "names_ai",
    "relevant_sentences",
    "sentence_warnings",
    "stock_sentences",
    "vague_sentences",
]


@dataclass(frozen=True)
class Features:
    """The answer-level features the latent quality is computed from (most in 0-1)."""

    values: dict[str, float]
    credit: tuple[bool, ...]  # the sentences that earn credit
    vague: tuple[bool, ...]  # generic talk: no anchor, no action, generic words or stock phrases
    concrete: bool  # some sentence that earns credit names an anchor or a first-person action
    warnings: Warnings
    words: int
    content_words: int  # distinct content words in the sentences that earn credit

    def __getitem__(self, name: str) -> float:
        return self.values[name]


def _saturate(count: float, scale: float) -> float:
    return 1.0 - math.exp(-count / scale) if scale > 0 else 0.0


def relevant_sentences(
    sentences: list[Sentence], vocabulary: frozenset[str], stock: set[int], tuning: Tuning
) -> tuple[list[bool], list[bool]]:
    """Per sentence: relevant (on the question or the job) and unrelated (about something else).

    Relevant: it names at least ``relevance.min_words`` of the question's or the job's content
    words, and more than ``relevance.private`` times as many as of private life (hobbies, family,
    travel); a sentence that refers back ("she", "it") right after a relevant one, and names no
    private life, continues it.
    Unrelated: not relevant, and it names private life or has content of its own. A sentence of
    generic words or stock phrases (``stock``: "I always try my best", "you never know what will
    happen") is neither: it is judged as vague, not as padding.
    """
    relevant: list[bool] = []
    unrelated: list[bool] = []
    previous = False
    least, private = tuning.relevance_min_words, tuning.relevance_private
    for index, sentence in enumerate(sentences):
        on = len(vocabulary.intersection(sentence.stems))
        off = len((sentence.stems | sentence.generic_stems) & PRIVATE_STEMS)
        is_relevant = on >= least and on > private * off
        if not is_relevant and previous and sentence.refers_back and not off:
            is_relevant = True
        relevant.append(is_relevant)
        unrelated.append(
            not is_relevant and (off > 0 or (len(sentence.stems) >= 3 and index not in stock))
        )
        previous = is_relevant
    return relevant, unrelated


def stock_sentences(raw: RawHits) -> set[int]:
    """The sentences holding a stock phrase or a generality ("at the end of the day")."""
    return {h.sentence for lex in (CLICHES, VAGUE) for h, _ in raw[id(lex)]}


def vague_sentences(
    sentences: list[Sentence],
    unrelated: list[bool],
    stuffed: list[bool],
    raw: RawHits,
    cued: set[int],
) -> list[bool]:
    """Generic talk: a clause on the question (not unrelated, not stuffed) that names no anchor
    and no action, and is mostly generic words or a stock phrase ("I always do my best"). A
    sentence that says what the rubric asks for in its own words (``cued``) is not generic."""
    stock = stock_sentences(raw)
    out = []
    for i, sentence in enumerate(sentences):
        considered = not unrelated[i] and not stuffed[i] and sentence.own_account
        concrete = bool(sentence.anchors or sentence.actions) or i in cued
        generic_heavy = sentence.generic >= max(2, len(sentence.stems))
        out.append(considered and not concrete and (generic_heavy or i in stock))
    return out


def extract(
    sentences: list[Sentence],
    credit: list[bool],
    unrelated: list[bool],
    stuffed: list[bool],
    vague: list[bool],
    warnings: Warnings,
    cue_cover: float,
    evidence_labels: int,
    tuning: Tuning,
) -> Features:
    """The features of one answer (see the module docstring).

    ``credit``: the sentences that earn credit (relevant, own account, not stuffed, not vague).
    A sentence that carries a warning sign adds no substance; a repeated one adds nothing.
    """
    warned = {h.sentence for hits in warnings.hits.values() for h in hits}
    seen: set[tuple[str, ...]] = set()
    counted: list[Sentence] = []
    for index, sentence in enumerate(sentences):
        fresh = sentence.words not in seen
        seen.add(sentence.words)
        if fresh and credit[index] and index not in warned:
            counted.append(sentence)
    stems: set[str] = set()
    anchors: set[str] = set()
    actions: set[str] = set()
    for sentence in counted:
        stems |= sentence.stems
        anchors |= sentence.anchors
        actions |= sentence.actions
    connectors = connectors_of(counted)
    considered = [
        not unrelated[i] and not stuffed[i] and s.own_account for i, s in enumerate(sentences)
    ]
    words = sum(len(s.words) for s in sentences)
    off_topic = sum(len(s.words) for s, u in zip(sentences, unrelated, strict=True) if u)
    # fragments: words in lists of fragments or in stuffed sentences (unrelated ones apart)
    in_fragments = sum(
        len(s.words)
        for i, s in enumerate(sentences)
        if not unrelated[i] and (stuffed[i] or not s.own_account)
    )
    sat = tuning.saturation
    # what an answer shows counts in proportion to how much it says, up to a few sentences'
    # worth: one line with a past-tense verb is not yet a story
    body = min(1.0, len(stems) / tuning.brevity_words)
    values = {
        "substance": _saturate(len(stems), sat["substance"]),
        "specifics": body * _saturate(len(anchors), sat["specifics"]),
        "narrative": body * _saturate(len(actions), sat["narrative"]),
        "reasoning": body * _saturate(len(connectors), sat["reasoning"]),
        "evidence": body * _saturate(evidence_labels, sat["evidence"]),
        "cues": body * cue_cover,
        "unrelated": off_topic / words if words else 0.0,
        "fragments": in_fragments / words if words else 0.0,
        "vague": sum(vague) / max(1, sum(considered)),
        # stuffed sentences are generic talk too, and cost as much
        "vague_sentences": float(min(sum(vague) + sum(stuffed), tuning.vague_cap)),
        "first_person": (
            sum(1 for s in counted if s.first_person) / len(counted) if counted else 0.0
        ),
    }
    for name in WARNINGS:
        hits = warnings.hits.get(name)
        values[name] = (
            float(min(len({h.sentence for h in hits}), tuning.warning_cap)) if hits else 0.0
        )
    return Features(
        values=values,
        credit=tuple(credit),
        vague=tuple(vague),
        concrete=bool(anchors or actions),
        warnings=warnings,
        words=words,
        content_words=len(stems),
    )
