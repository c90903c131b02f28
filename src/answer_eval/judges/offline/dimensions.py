"""Dimension scores: the base score, moved by each dimension's own evidence, capped by warnings.

Every applicable dimension starts from the answer's base score (``quality.base_score``). Its own
evidence moves it: distinct entries of its lexicon in the candidate's own, relevant sentences
(or, for STAR, the parts of the story; for a dimension without a lexicon, criteria coverage),
compared with what a typical answer shows. Warning signs cap the dimensions they speak against
(blame caps ownership, dismissing AI caps AI fluency); a warning whose dimensions the question
does not weigh lowers the question's heaviest dimension instead, so it always costs something.

The continuous values are rounded together (``round_together``): each score is the floor or the
ceiling of its value, the largest remainders rounded up first, as long as the weighted mean of
the scores does not pass the weighted mean of the values. Small differences between answers
therefore still show in the overall score, while no score is more than one point from its value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from answer_eval.judges.offline.evidence import MAX_QUOTES, AnswerText, Hit, distinct_labels
from answer_eval.judges.offline.lexicon.catalogue import DIMENSION_LEXICONS
from answer_eval.judges.offline.reading import Sentence
from answer_eval.judges.offline.scoring import Star
from answer_eval.judges.offline.tuning import Tuning
from answer_eval.judgment import CriterionJudgment, DimensionJudgment

_SLACK = 1e-9  # float noise: a sum equal to the target counts as not above it

__all__ = [
    "DimensionEvidence",
    "DimensionValue",
    "dimension_evidence",
    "round_together",
    "score_dimensions",
    "settle",
    "substance_hits",
]


@dataclass
class DimensionValue:
    """One dimension before rounding: its value, the cap warnings put on it, and why."""

    value: float
    cap: float = 5.0
    notes: list[str] | None = None

    def note(self, text: str) -> None:
        self.notes = [*(self.notes or []), text]


def settle(
    values: dict[str, DimensionValue],
    weights: dict[str, float],
    warnings: list[str],
    vague: int,
    tuning: Tuning,
) -> None:
    """Apply the warning caps and the cost of generic talk (in place), falling back to the
    heaviest dimension when the ones a warning speaks against do not apply."""
    heaviest = max(weights, key=lambda d: (weights[d], d)) if weights else None
    if vague:
        targets = {d: p for d, p in tuning.vague_points.items() if d in values}
        if not targets and heaviest is not None:
            targets = {heaviest: tuning.vague_fallback}
        # generic talk dilutes every dimension's evidence a little, and STAR and communication
        # (whose anchors name it) more
        targets = {d: targets.get(d, 0.0) + tuning.vague_all for d in values}
        for dim, points in targets.items():
            values[dim].value -= points * vague
            values[dim].note(f"-{points * vague:g}: {vague} vague sentence{'s' * (vague > 1)}")
    for warning in warnings:
        caps = tuning.warning_caps.get(warning, {})
        hit = False
        for dim, cap in caps.items():
            if dim in values:
                hit = True
                if cap < values[dim].cap:
                    values[dim].cap = cap
                    values[dim].note(f"capped at {cap:g}: {warning.replace('_', ' ')}")
        if not hit and heaviest is not None and warning in tuning.fallback_warnings:
            target = values[heaviest]
            target.value -= tuning.fallback_points
            target.note(f"-{tuning.fallback_points:g}: {warning.replace('_', ' ')}")


def round_together(values: dict[str, DimensionValue], weights: dict[str, float]) -> dict[str, int]:
    """Integer scores 1-5, each the floor or the ceiling of its (capped) value.

    Largest remainders first, a dimension is rounded up only while the weighted sum of the
    scores stays within the weighted sum of the values. Never rounding the sum up keeps a lower
    value from buying a higher weighted mean through a different rounding, and no score is more
    than one point from its value.
    """
    capped = {d: max(1.0, min(v.value, v.cap, 5.0)) for d, v in values.items()}
    scores = {d: math.floor(x) for d, x in capped.items()}
    room = sum(weights[d] * (x - scores[d]) for d, x in capped.items()) + _SLACK
    for dim in sorted(capped, key=lambda d: (scores[d] - capped[d], d)):
        if capped[dim] > scores[dim] and scores[dim] < 5 and weights[dim] <= room:
            scores[dim] += 1
            room -= weights[dim]
    return scores


class DimensionEvidence(NamedTuple):
    """What one dimension rests on: its own hits (for) and the warning hits (against)."""

    support: list[Hit]
    against: list[Hit]
    value: float  # the dimension's own evidence, 0-1
    kind: str  # "lexicon", "star" or "criteria"
    summary: str


def score_dimensions(
    weights: dict[str, float],
    base: float,
    evidence: dict[str, DimensionEvidence],
    warnings: list[str],
    vague: int,
    text: AnswerText,
    tuning: Tuning,
    *,
    cap: int | None = None,
    preamble: str = "",
    substance: Callable[[], list[Hit]] | None = None,
) -> dict[str, DimensionJudgment]:
    """The judgment of every applicable dimension (see the module docstring).

    ``substance``: gives (when asked) the sentences the base score rests on, quoted for a
    dimension scored above the floor that has no evidence of its own, so every score shows what
    it was given for.
    """
    knobs = tuning.dimensions
    by_kind = {
        "star": (knobs["star_weight"], knobs["star_typical"]),
        "criteria": (knobs["criteria_weight"], knobs["criteria_typical"]),
    }
    by_lexicon = (knobs["evidence_weight"], knobs["evidence_typical"])
    values: dict[str, DimensionValue] = {}
    for dim, found in evidence.items():
        weight, typical = by_kind.get(found.kind, by_lexicon)
        # clipped before warnings and vague talk take their part, so that they always cost
        # something, however strong the rest of the answer
        value = DimensionValue(min(5.0, max(1.0, base + weight * (found.value - typical))))
        ceiling = tuning.no_evidence.get(dim)
        if ceiling is not None and not found.support and value.value > ceiling:
            value.cap = ceiling
            value.note(f"at most {ceiling:g}: nothing on it")
        if cap is not None and cap < value.cap:
            value.cap = cap
            value.note(f"capped at {cap}: possible keyword stuffing")
        values[dim] = value
    settle(values, weights, warnings, vague, tuning)
    scores = round_together(values, weights)
    out = {}
    for dim, found in evidence.items():
        quotes = text.quotes(found.against, 2) + text.quotes(found.support)
        if not quotes and scores[dim] > 1 and substance is not None:
            quotes = text.quotes(substance(), 2)
        notes = "; ".join(values[dim].notes or [])
        rationale = f"offline judge: {preamble}; {found.summary}" + (f"; {notes}" if notes else "")
        out[dim] = DimensionJudgment(
            evidence=list(dict.fromkeys(quotes))[:MAX_QUOTES],
            rationale=rationale,
            score=scores[dim],
        )
    return out


def substance_hits(text: AnswerText, sentences: list[Sentence], credit: list[bool]) -> list[Hit]:
    """The sentences that earn credit, most content first: what the base score rests on."""
    ranked = sorted(
        (i for i, c in enumerate(credit) if c), key=lambda i: (-len(sentences[i].stems), i)
    )
    return [Hit("substance", i, text.spans[i][0], text.spans[i][0]) for i in ranked[:2]]


def dimension_evidence(
    weights: dict[str, float],
    lexicon_hits: dict[str, list[Hit]],
    star: Star,
    criteria: dict[str, CriterionJudgment],
    against: dict[str, list[Hit]],
    tuning: Tuning,
) -> dict[str, DimensionEvidence]:
    """What each dimension rests on: STAR parts, its lexicon's distinct entries, or (without a
    lexicon) criteria coverage; and the warning hits that speak against it."""
    scale = tuning.dimensions["evidence_scale"]
    values = {"met": 1.0, "partial": 0.5, "not_met": 0.0}
    coverage = sum(values[c.verdict] for c in criteria.values()) / max(1, len(criteria))
    out: dict[str, DimensionEvidence] = {}
    warned_by: dict[str, list[Hit]] = {}  # per dimension, the hits of the warnings that cap it
    for warning, caps in tuning.warning_caps.items():
        for dim in caps:
            warned_by.setdefault(dim, []).extend(against.get(warning, ()))
    for dim in weights:
        warned = list(warned_by.get(dim, ()))
        if dim == "star":
            share = star.share()
            actions = star.actions[:2]
            support = (
                star.situation[:1] + star.task[:1] + actions + (star.measured or star.result)[:1]
            )
            out[dim] = DimensionEvidence(support, warned, share, "star", f"STAR: {star.describe()}")
        elif dim in lexicon_hits:
            hits = lexicon_hits[dim]
            labels = distinct_labels(hits)
            name = DIMENSION_LEXICONS[dim].positive.name
            summary = f"{len(labels)} {name} cue{'' if len(labels) == 1 else 's'}"
            if labels:
                summary += f" ({', '.join(labels)})"
            saturated = 1.0 - math.exp(-len(labels) / scale)
            out[dim] = DimensionEvidence(hits, warned, saturated, "lexicon", summary)
        else:
            out[dim] = DimensionEvidence(
                [],
                warned,
                coverage,
                "criteria",
                f"no lexicon; criteria coverage {coverage:.2f}",
            )
    return out
