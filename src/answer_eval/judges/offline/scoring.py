"""Judgments from evidence: STAR parts, criteria verdicts, red flags and injection.

Only sentences that count earn credit: relevant, the candidate's own account (a clause, not a
list of fragments) and not stuffed with cue phrases (``Counted``). Dimension scores are in
``dimensions``; this module finds the STAR parts they use and judges criteria and red flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from answer_eval.judges.offline.cues import Family
from answer_eval.judges.offline.evidence import AnswerText, FoundFn, Hit, RawHits, distinct_labels
from answer_eval.judges.offline.lexicon.catalogue import (
    HYPOTHETICAL,
    INJECTION,
    INJECTION_MARKUP,
    SPECIFICS,
    STAR_RESULT,
    STAR_SITUATION,
    STAR_TASK,
    markup_possible,
)
from answer_eval.judges.offline.reading import Sentence
from answer_eval.judges.offline.signs import Warnings
from answer_eval.judges.offline.tuning import Tuning
from answer_eval.judgment import CriterionJudgment, InjectionJudgment, RedFlagJudgment, Verdict

__all__ = [
    "Counted",
    "Star",
    "criterion_judgment",
    "find_star",
    "injection_judgment",
    "red_flag_judgment",
    "shape_verdict",
]

_MEASURED = frozenset({"percentage", "duration", "metric change", "rating", "followed up"})
_ORDER: dict[Verdict, int] = {"not_met": 0, "partial": 1, "met": 2}


class Counted(NamedTuple):
    """Which sentences earn credit, the answer's quality (0-1), and whether it says enough
    (``full``) to meet a criterion: in a line or two, cue phrases show a criterion only in part."""

    sentences: tuple[bool, ...]
    quality: float
    full: bool = True

    def __call__(self, hit: Hit) -> bool:
        return self.sentences[hit.sentence]


@dataclass(frozen=True)
class Star:
    """The STAR parts found in the sentences that count."""

    situation: list[Hit]
    task: list[Hit]
    actions: list[Hit]
    result: list[Hit]
    measured: list[Hit]
    specific: bool
    hypothetical: bool

    @cached_property
    def verbs(self) -> int:
        """The distinct first-person actions."""
        return len({h.label for h in self.actions})

    def share(self) -> float:
        """Situation, task, one action, several actions, result, measured result: the share."""
        parts = (
            bool(self.situation),
            bool(self.task),
            self.verbs >= 1,
            self.verbs >= 3,
            bool(self.result),
            bool(self.measured),
        )
        return sum(parts) / len(parts)

    def describe(self) -> str:
        names = ["situation", "task", "actions", "result", "measured result"]
        have = [bool(self.situation), bool(self.task), self.verbs > 0, bool(self.result)]
        have.append(bool(self.measured))
        found = [n for n, h in zip(names, have, strict=True) if h]
        text = ", ".join(found) if found else "no STAR part"
        return text + ("; hypothetical only" if self.hypothetical and not self.verbs else "")


def find_star(
    text: AnswerText, sentences: list[Sentence], found: FoundFn, counted: Counted
) -> Star:
    """Situation, task, first-person actions and results in the sentences that count."""
    actions = [
        Hit(verb, index, start, end)
        for index, sentence in enumerate(sentences)
        if counted.sentences[index]
        for verb, start, end in sentence.action_spans
    ]
    result = found(STAR_RESULT)
    specifics = found(SPECIFICS)
    measured = [h for h in result if h.label in _MEASURED]
    if not measured and specifics:
        result_sentences = {h.sentence for h in result}
        measured = [h for h in specifics if h.sentence in result_sentences]
    return Star(
        situation=found(STAR_SITUATION),
        task=found(STAR_TASK),
        actions=actions,
        result=result,
        measured=measured,
        specific=bool(specifics),
        hypothetical=HYPOTHETICAL.search(text.folded) is not None,
    )


def criterion_judgment(
    hits: list[Hit],
    terms: frozenset[str],
    text: AnswerText,
    sentences: list[Sentence],
    counted: Counted,
    tuning: Tuning,
    *,
    shape: tuple[Verdict, list[Hit]] = ("not_met", []),
    cap: Verdict = "met",
) -> CriterionJudgment:
    """Met: two distinct cues (the criterion's phrases or lexicon entries named like it), or one
    in an answer of good quality, in an answer that says enough; partial: one cue, or a sentence
    in the criterion's own words in an answer of fair quality; ``shape``: the verdict the story's
    shape gives (STAR parts, specifics) when that is better. Never above ``cap``."""
    credit = counted.sentences
    hits = [h for h in hits if credit[h.sentence]]
    distinct = distinct_labels(hits)
    limits = tuning.criteria
    verdict: Verdict = "not_met"
    quotes = text.quotes(hits)
    if counted.full and (
        len(distinct) >= 2 or (distinct and counted.quality >= limits["met_quality"])
    ):
        verdict = "met"
    elif distinct:
        verdict = "partial"
    elif counted.quality >= limits["partial_quality"]:
        best, overlap = None, 0
        for index, sentence in enumerate(sentences):
            if credit[index]:
                shared = len(terms.intersection(sentence.stems))
                if shared > overlap:
                    best, overlap = index, shared
        if best is not None and overlap >= limits["term_overlap"]:
            strong = counted.full and counted.quality >= limits["related_met_quality"]
            verdict = "met" if strong and overlap >= limits["related_met_overlap"] else "partial"
            start = text.spans[best][0]
            quotes = text.quotes([Hit("related", best, start, start)])
    if _ORDER[shape[0]] > _ORDER[verdict] and shape[1]:
        verdict, quotes = shape[0], text.quotes(shape[1])
    if _ORDER[verdict] > _ORDER[cap]:
        verdict = cap
    return CriterionJudgment(evidence=quotes if verdict != "not_met" else [], verdict=verdict)


def shape_verdict(
    kind: str, star: Star, anchored: list[Hit], tuning: Tuning
) -> tuple[Verdict, list[Hit]]:
    """The verdict a criterion about the story's shape earns: a STAR narrative from the share
    of STAR parts, specifics from the distinct anchors (numbers, times, names) named."""
    limits = tuning.criteria
    if kind == "star":
        share = star.share()
        support = star.situation[:1] + star.actions[:1] + (star.measured or star.result)[:1]
        if share >= limits["star_met"]:
            return "met", support
        if share >= limits["star_partial"]:
            return "partial", support
    elif kind == "specifics":
        anchors = len({h.label for h in anchored})
        if anchors >= limits["specifics_met"]:
            return "met", anchored
        if anchors >= 1:
            return "partial", anchored
    return "not_met", []


def red_flag_judgment(
    hits: list[Hit],
    families: tuple[Family, ...],
    text: AnswerText,
    warnings: Warnings,
) -> RedFlagJudgment:
    """Present when a cue phrase stands in the answer (not negated) or a warning sign of the
    flag's family shows in plain words."""
    found = list(hits)
    for warning, labels in families:
        shown = warnings.hits.get(warning, [])
        found += [h for h in shown if labels is None or h.label in labels]
    return RedFlagJudgment(evidence=text.quotes(found), present=bool(found))


def injection_judgment(text: AnswerText, raw: RawHits) -> InjectionJudgment:
    """Text that addresses the evaluator rather than the interviewer."""
    hits = [h for h, _ in raw[id(INJECTION)]]
    folded = text.folded
    if markup_possible(folded):
        hits += [
            Hit("markup", text.sentence_at(m.start()), m.start(), m.end())
            for m in INJECTION_MARKUP.finditer(folded)
        ]
    return InjectionJudgment(evidence=text.quotes(hits), detected=bool(hits))
