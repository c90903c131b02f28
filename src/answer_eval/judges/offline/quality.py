"""From features to one latent quality, and from it to a base score on the 1-5 scale.

``latent`` is a weighted sum of the answer-level features (``tuning.yaml``, ``latent``): the
weights of substance, specifics, narrative and the rest were fitted on half of the third-party
dev set (split by source); the weights of the warning signs were set a priori, because the dev
set holds too few of each to fit them. ``quality`` squashes it to 0-1 (how much the answer reads
like a published model answer) and ``base_score`` maps that onto the 1-5 scale through the
calibration knots, chosen so that on the dev set model answers land at "yes" or better and
answers to avoid at "no" or worse.
"""

from __future__ import annotations

import math
from itertools import pairwise

from answer_eval.judges.offline.features import Features
from answer_eval.judges.offline.tuning import Tuning

__all__ = ["base_score", "contributions", "latent", "quality", "uncertain"]


def contributions(features: Features, tuning: Tuning, behavioural: bool) -> dict[str, float]:
    """Each feature's share of the latent quality (weight x value), for rationales."""
    out = {}
    for name, weight in tuning.latent_weights.items():
        if behavioural:
            weight += tuning.behavioural_weights.get(name, 0.0)
        value = features[name] * weight
        if value:
            out[name] = value
    return out


def latent(features: Features, tuning: Tuning, behavioural: bool) -> float:
    """The latent quality: bias plus the weighted features."""
    return tuning.latent_bias + sum(contributions(features, tuning, behavioural).values())


def quality(value: float) -> float:
    """The latent squashed to 0-1."""
    return 1.0 / (1.0 + math.exp(-value))


def base_score(q: float, tuning: Tuning) -> float:
    """The 1-5 base every dimension starts from: the calibration knots, interpolated."""
    knots = tuning.knots
    if q <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in pairwise(knots):
        if q <= x1:
            return y0 + (y1 - y0) * (q - x0) / (x1 - x0)
    return knots[-1][1]


def uncertain(q: float, tuning: Tuning) -> bool:
    """Whether the judge cannot tell: the quality lies in the band between answers to avoid and
    model answers, where it says "mixed" and asks a human to look."""
    low, high = tuning.uncertain
    return low <= q < high
