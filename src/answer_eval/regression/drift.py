"""Drift and stability: how much judging moves between runs and between repeats.

* ``compare`` reports drift of a run against a ``Baseline``: per question and dimension the
  mean shift beyond a tolerance, flips of red flags, recommendations and status, and the
  questions whose rubric, prompt or model changed (reported, but not drift by itself).
* ``stability`` summarises repeated runs (``--repeat``): the share of identical results and the
  spread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean

from answer_eval.evaluation import Evaluation
from answer_eval.regression.baseline import AnswerRecord, Baseline
from answer_eval.regression.run import RegressionRun

__all__ = [
    "DriftReport",
    "Flip",
    "Shift",
    "Stability",
    "compare",
    "stability",
]


@dataclass(frozen=True)
class Shift:
    """Mean score change of one question's answers on one dimension (or ``overall``)."""

    question_id: str
    dimension: str
    answers: int
    before: float
    after: float
    drifted: bool

    @property
    def shift(self) -> float:
        """``after - before`` (mean of the per-answer differences)."""
        return self.after - self.before


@dataclass(frozen=True)
class Flip:
    """A categorical change of one answer: status, recommendation or a red flag."""

    question_id: str
    answer_id: str
    what: str
    before: str
    after: str


@dataclass(frozen=True)
class DriftReport:
    """A run compared with a baseline."""

    tolerance: float
    shifts: list[Shift]
    flips: list[Flip]
    rubric_changed: list[str]
    prompt_changed: list[str]
    model_changed: list[str]
    missing: list[str]
    added: list[str]

    @property
    def drifted(self) -> list[Shift]:
        """Shifts beyond the tolerance."""
        return [s for s in self.shifts if s.drifted]

    @property
    def has_drift(self) -> bool:
        """True when a mean moved beyond the tolerance or anything flipped."""
        return bool(self.drifted or self.flips)

    def questions(self) -> list[str]:
        """Ids of the questions the report names: drift, flips, or a changed rubric/prompt/model."""
        named = {s.question_id for s in self.drifted} | {f.question_id for f in self.flips}
        named |= set(self.rubric_changed) | set(self.prompt_changed) | set(self.model_changed)
        return sorted(named)


def _flips(before: AnswerRecord, after: AnswerRecord) -> list[Flip]:
    q, a = after.question_id, after.answer_id
    flips = []
    if before.status != after.status:
        flips.append(Flip(q, a, "status", before.status, after.status))
    if before.recommendation != after.recommendation and "unscored" not in (
        before.status,
        after.status,
    ):
        flips.append(
            Flip(q, a, "recommendation", str(before.recommendation), str(after.recommendation))
        )
    for flag in sorted(set(before.red_flags) ^ set(after.red_flags)):
        was = "present" if flag in before.red_flags else "absent"
        now = "present" if flag in after.red_flags else "absent"
        flips.append(Flip(q, a, f"red flag {flag}", was, now))
    return flips


def compare(baseline: Baseline, current: Baseline, *, tolerance: float = 0.25) -> DriftReport:
    """Drift of ``current`` from ``baseline``: mean shifts per question and dimension beyond
    ``tolerance`` (1-5 scale), flips, and the questions whose rubric, prompt or model changed."""
    old = {r.key: r for r in baseline.answers}
    new = {r.key: r for r in current.answers}
    pairs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    flips: list[Flip] = []
    for key in [k for k in new if k in old]:
        before, after = old[key], new[key]
        flips += _flips(before, after)
        values = [("overall", before.overall, after.overall)]
        values += [(d, v, after.dimensions.get(d)) for d, v in before.dimensions.items()]
        for dim, b, c in values:
            if b is not None and c is not None:
                pairs.setdefault((after.question_id, dim), []).append((b, c))
    shifts = []
    for (question_id, dim), scores in pairs.items():
        b, c = fmean(v[0] for v in scores), fmean(v[1] for v in scores)
        drifted = abs(c - b) > tolerance + 1e-9
        shifts.append(Shift(question_id, dim, len(scores), round(b, 4), round(c, 4), drifted))
    both = [q for q in current.questions if q in baseline.questions]

    def changed(attr: str) -> list[str]:
        return sorted(
            q
            for q in both
            if getattr(baseline.questions[q], attr) != getattr(current.questions[q], attr)
        )

    return DriftReport(
        tolerance=tolerance,
        shifts=shifts,
        flips=flips,
        rubric_changed=changed("rubric_hash"),
        prompt_changed=changed("prompt_hash"),
        model_changed=changed("model"),
        missing=sorted(k for k in old if k not in new),
        added=sorted(k for k in new if k not in old),
    )


# ---------------------------------------------------------------------------- stability


@dataclass(frozen=True)
class AnswerStability:
    """How much repeated judging of one answer agreed with itself."""

    key: str
    runs: int
    identical: float
    overall_spread: float
    dimension_spread: int


@dataclass(frozen=True)
class Stability:
    """Stability of a run with repeats: per answer and in summary."""

    repeat: int
    answers: list[AnswerStability]

    @property
    def identical_share(self) -> float:
        """Share of answers whose every run gave the very same result."""
        return sum(a.identical == 1 for a in self.answers) / max(1, len(self.answers))

    @property
    def mean_identical(self) -> float:
        """Mean over answers of the share of runs identical to the most common result."""
        return fmean(a.identical for a in self.answers) if self.answers else 1.0

    @property
    def max_spread(self) -> float:
        """Largest max-min range of an answer's overall score across its runs."""
        return max((a.overall_spread for a in self.answers), default=0.0)


def _signature(ev: Evaluation) -> tuple[object, ...]:
    dims = tuple((d.id, d.score) for d in ev.dimensions)
    flags = tuple(f.id for f in ev.red_flags if f.present)
    return (ev.status, ev.overall, ev.recommendation, dims, flags)


def stability(run: RegressionRun) -> Stability:
    """Per answer: share of runs identical to the most common result, and the score spread."""
    answers = []
    for outcome in run.outcomes:
        runs = outcome.runs
        top = Counter(_signature(ev) for ev in runs).most_common(1)[0][1]
        overall = [ev.overall for ev in runs if ev.overall is not None]
        per_dim: dict[str, list[int]] = {}
        for ev in runs:
            for d in ev.dimensions:
                if d.score is not None:
                    per_dim.setdefault(d.id, []).append(d.score)
        answers.append(
            AnswerStability(
                key=outcome.key,
                runs=len(runs),
                identical=top / len(runs),
                overall_spread=round(max(overall) - min(overall), 4) if overall else 0.0,
                dimension_spread=max((max(v) - min(v) for v in per_dim.values()), default=0),
            )
        )
    return Stability(run.repeat, answers)
