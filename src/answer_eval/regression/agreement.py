"""Agreement between the machine's scores and human raters, in pure Python.

Metrics, per question, per dimension and overall, each with a seeded percentile bootstrap
confidence interval (answers resampled with replacement):

* ``quadratic_weighted_kappa`` on integer ratings 1-5. Machine scores are continuous (an overall
  of 3.62), so they are rounded half up to the nearest integer first (3.5 -> 4, 3.49 -> 3);
  human scores that are not integers (a mean of raters) are rounded the same way.
* ``spearman``: Pearson correlation of ranks, tied values sharing their average rank; on the
  unrounded scores.
* exact agreement (rounded scores equal) and adjacent agreement (they differ by at most 1).
* ``pairwise_accuracy``: over pairs of answers *to the same question* that the humans scored
  differently, the share the machine orders the same way (a machine tie counts half).

A metric that is undefined for the data (kappa or Spearman when a side has no variance, pairwise
with no pair the humans separate) is ``None``, never a made-up number.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from answer_eval.errors import InputError

__all__ = [
    "METRICS",
    "AgreementReport",
    "Estimate",
    "GroupAgreement",
    "Rated",
    "adjacent_agreement",
    "agreement_report",
    "average_ranks",
    "bootstrap",
    "exact_agreement",
    "join_scores",
    "metrics",
    "pairwise_accuracy",
    "quadratic_weighted_kappa",
    "rating",
    "spearman",
]

METRICS = ("qwk", "spearman", "exact", "adjacent", "pairwise")


def rating(score: float, *, low: int = 1, high: int = 5) -> int:
    """``score`` rounded half up (not to even) and clamped to ``low``-``high``."""
    return min(high, max(low, math.floor(score + 0.5)))


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1; tied values share the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def _pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    if len(x) < 2:
        return None
    mx, my = fmean(x), fmean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho with average ranks for ties; None below 2 items or without variance."""
    return _pearson(average_ranks(x), average_ranks(y))


def quadratic_weighted_kappa(
    a: Sequence[int], b: Sequence[int], *, low: int = 1, high: int = 5
) -> float | None:
    """Cohen's kappa with quadratic weights ((i - j) / (high - low))^2 on ratings low-high.

    None when the chance-expected disagreement is zero (both raters always give one rating).
    """
    n, k = len(a), high - low + 1
    if n == 0:
        return None
    observed = [[0.0] * k for _ in range(k)]
    for i, j in zip(a, b, strict=True):
        observed[i - low][j - low] += 1
    rows = [sum(r) for r in observed]
    cols = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * observed[i][j]
            den += w * rows[i] * cols[j] / n
    return None if den == 0 else 1 - num / den


def exact_agreement(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Share of items with equal ratings."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else None


def adjacent_agreement(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Share of items whose ratings differ by at most one point."""
    return sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)) / len(a) if a else None


def pairwise_accuracy(
    human: Sequence[float], machine: Sequence[float], groups: Sequence[str]
) -> float | None:
    """Among pairs in the same group with different human scores, the share the machine orders
    the same way (machine ties count half). O(n log n) per group."""
    by_group: dict[str, list[tuple[float, float]]] = {}
    for h, m, g in zip(human, machine, groups, strict=True):
        by_group.setdefault(g, []).append((h, m))
    pairs = concordant = 0.0
    for items in by_group.values():
        items.sort()
        below: list[float] = []  # machine scores of items with a lower human score
        start = 0
        while start < len(items):
            end = start
            while end < len(items) and items[end][0] == items[start][0]:
                end += 1
            for _, m in items[start:end]:
                lo, hi = bisect_left(below, m), bisect_right(below, m)
                concordant += lo + (hi - lo) / 2
                pairs += len(below)
            for _, m in items[start:end]:
                insort(below, m)
            start = end
    return concordant / pairs if pairs else None


@dataclass(frozen=True)
class Rated:
    """One answer scored by both sides (``group`` is its question id)."""

    id: str
    group: str
    human: float
    machine: float


def metrics(items: Sequence[Rated]) -> dict[str, float | None]:
    """Every metric of ``METRICS`` for ``items``."""
    h = [i.human for i in items]
    m = [i.machine for i in items]
    hr, mr = [rating(x) for x in h], [rating(x) for x in m]
    return {
        "qwk": quadratic_weighted_kappa(hr, mr),
        "spearman": spearman(h, m),
        "exact": exact_agreement(hr, mr),
        "adjacent": adjacent_agreement(hr, mr),
        "pairwise": pairwise_accuracy(h, m, [i.group for i in items]),
    }


@dataclass(frozen=True)
class Estimate:
    """A metric's value on the data and its bootstrap interval (None where undefined)."""

    value: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class GroupAgreement:
    """Agreement on one group of answers: ``overall``, a question id or a dimension id."""

    scope: str
    name: str
    n: int
    metrics: dict[str, Estimate]


def _quantile(values: list[float], q: float) -> float:
    pos = q * (len(values) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (pos - low)


def bootstrap(
    items: Sequence[Rated],
    statistic: Callable[[Sequence[Rated]], dict[str, float | None]],
    *,
    resamples: int,
    rng: random.Random,
    confidence: float,
) -> dict[str, Estimate]:
    """Percentile intervals of each statistic over ``resamples`` resamples with replacement."""
    point = statistic(items)
    draws: dict[str, list[float]] = {name: [] for name in point}
    n = len(items)
    for _ in range(resamples if n else 0):
        sample = [items[rng.randrange(n)] for _ in range(n)]
        for name, value in statistic(sample).items():
            if value is not None:
                draws[name].append(value)
    tail = (1 - confidence) / 2
    result = {}
    for name, value in point.items():
        got = sorted(draws[name])
        # an interval needs most resamples to define the metric
        if value is None or len(got) < max(1, resamples // 2):
            result[name] = Estimate(value, None, None)
        else:
            result[name] = Estimate(value, _quantile(got, tail), _quantile(got, 1 - tail))
    return result


@dataclass(frozen=True)
class AgreementReport:
    """Agreement overall, per question and per dimension, and what could not be joined."""

    overall: GroupAgreement
    questions: list[GroupAgreement]
    dimensions: list[GroupAgreement]
    resamples: int
    seed: int
    confidence: float
    unmatched: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)


def agreement_report(
    overall: Sequence[Rated],
    dimensions: Mapping[str, Sequence[Rated]],
    *,
    resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    unmatched: Sequence[str] = (),
    unscored: Sequence[str] = (),
) -> AgreementReport:
    """Metrics with bootstrap intervals, seeded per group so each group's numbers are stable."""

    def group(scope: str, name: str, items: Sequence[Rated]) -> GroupAgreement:
        rng = random.Random(f"{seed}:{scope}:{name}")
        estimates = bootstrap(items, metrics, resamples=resamples, rng=rng, confidence=confidence)
        return GroupAgreement(scope, name, len(items), estimates)

    questions = sorted({i.group for i in overall})
    return AgreementReport(
        overall=group("overall", "overall", overall),
        questions=[group("question", q, [i for i in overall if i.group == q]) for q in questions],
        dimensions=[group("dimension", d, items) for d, items in sorted(dimensions.items())],
        resamples=resamples,
        seed=seed,
        confidence=confidence,
        unmatched=list(unmatched),
        unscored=list(unscored),
    )


# ---------------------------------------------------------------------------- joining

Row = tuple[str, Mapping[str, Any]]  # (where: "file:line", record)
_LABEL_KEYS = ("id", "question_id", "overall")


def _score(value: Any, where: str, name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        score = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: {name}: not a number: {value!r}") from None
    if not 1 <= score <= 5:
        raise InputError(f"{where}: {name}: must be between 1 and 5, got {value!r}")
    return score


def _machine(record: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
    """(answer id, evaluation) of an ``answer-eval batch`` record or a bare Evaluation."""
    if isinstance(record.get("evaluation"), Mapping):
        return record.get("id"), record["evaluation"]
    return record.get("answer_id") or record.get("id"), record


def label_rows(records: Iterable[Row]) -> Iterator[Row]:
    """Label records with nested ``dimensions`` ({"empathy": 4, ...}) flattened into columns,
    as CSV labels have them; evaluation records (with provenance) are left as they are."""
    for where, record in records:
        dims = record.get("dimensions")
        if isinstance(dims, dict) and "provenance" not in record:
            record = {k: v for k, v in record.items() if k != "dimensions"} | dims
        yield where, record


def join_scores(
    labels: Iterable[Row], evaluations: Iterable[Row]
) -> tuple[list[Rated], dict[str, list[Rated]], list[str], list[str]]:
    """Join human labels with evaluations on the answer id.

    Returns the overall pairs, the pairs per dimension (label columns named after a dimension
    the evaluations score), the label ids with no evaluation, and those whose evaluation is
    unscored or an error. A label whose question differs from its evaluation's is an error.
    """
    machine: dict[str, Mapping[str, Any]] = {}
    for where, record in evaluations:
        ident, ev = _machine(record)
        if ident is None:
            raise InputError(f"{where}: the record has no id")
        machine[str(ident)] = ev if record.get("status", ev.get("status")) == "scored" else {}
    overall: list[Rated] = []
    dims: dict[str, list[Rated]] = {}
    unmatched: list[str] = []
    unscored: list[str] = []
    seen: set[str] = set()
    for where, label in labels:
        missing = [k for k in _LABEL_KEYS if not str(label.get(k) or "").strip()]
        if missing:
            raise InputError(f"{where}: missing {', '.join(missing)}")
        ident, qid = str(label["id"]), str(label["question_id"])
        if ident in seen:
            raise InputError(f"{where}: duplicate id {ident!r}")
        seen.add(ident)
        human = _score(label["overall"], where, "overall")
        found = machine.get(ident)
        if found is None:
            unmatched.append(ident)
            continue
        if not found or found.get("overall") is None:
            unscored.append(ident)
            continue
        if found.get("question_id") != qid:
            raise InputError(
                f"{where}: id {ident!r} is labelled for question {qid!r} but its evaluation "
                f"is for {found.get('question_id')!r}"
            )
        overall.append(Rated(ident, qid, human or 0.0, float(found["overall"])))
        scores = {d.get("id"): d.get("score") for d in found.get("dimensions") or ()}
        for name, value in label.items():
            if name in _LABEL_KEYS or scores.get(name) is None:
                continue
            score = _score(value, where, name)
            if score is not None:
                dims.setdefault(name, []).append(Rated(ident, qid, score, float(scores[name])))
    return overall, dims, unmatched, unscored
