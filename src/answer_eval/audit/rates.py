"""Counting categories for impact ratios: rates, exclusions, the reference, ratios, bootstrap.

The mechanics behind ``audit.impact`` (which documents the rules). Rates and ratios are exact
``Fraction``s; the bootstrap resamples within each sex x race cell, in a fixed order, so its
intervals depend on the seed and the data, not on the order of the rows.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

__all__ = [
    "RANKS",
    "UNKNOWN",
    "Assessed",
    "Counts",
    "Key",
    "TableName",
    "bootstrap_ratios",
    "count_categories",
    "exclusions",
    "impact_ratios",
    "is_selected",
    "reference",
    "table_keys",
]

UNKNOWN = "Unknown"
RANKS = {"definitely_not": 0, "no": 1, "mixed": 2, "yes": 3, "strong_yes": 4}
TableName = Literal["sex", "race_ethnicity", "intersection"]


@dataclass(frozen=True)
class Assessed:
    """One result joined to its candidate's categories (None: unknown)."""

    id: str
    status: Literal["scored", "unscored", "error"]
    score: float | None = None
    recommendation: str | None = None
    sex: str | None = None
    race: str | None = None


Key = Callable[[str | None, str | None], str]
"""Maps (sex, race) to a table's category."""


def table_keys(
    sexes: Sequence[str], races: Sequence[str]
) -> dict[TableName, tuple[Key, list[str]]]:
    """Per table: how a person maps to a category, and every category in display order
    (every sex x race pair is a category of the intersection table, filled or not)."""

    def intersection(s: str | None, r: str | None) -> str:
        return f"{s} / {r}" if s is not None and r is not None else UNKNOWN

    crossed = [f"{s} / {r}" for s in sexes for r in races]
    return {
        "sex": (lambda s, _: UNKNOWN if s is None else s, [*sexes, UNKNOWN]),
        "race_ethnicity": (lambda _, r: UNKNOWN if r is None else r, [*races, UNKNOWN]),
        "intersection": (intersection, [*crossed, UNKNOWN]),
    }


@dataclass
class Counts:
    """Per category: scored, above the median, selected, and results not scored."""

    assessed: int = 0
    above: int = 0
    selected: int = 0
    not_scored: int = 0


def is_selected(recommendation: str | None, cut: str | None) -> bool:
    """True when ``recommendation`` is ``cut`` or better."""
    return cut is not None and RANKS.get(recommendation or "", -1) >= RANKS[cut]


def exclusions(
    counts: dict[str, Counts], sample: int, min_share: Fraction
) -> dict[str, str | None]:
    """Category -> why it is not rated (None: rated)."""
    reasons: dict[str, str | None] = {}
    for name, c in counts.items():
        if name == UNKNOWN:
            reasons[name] = "unknown"
        elif c.assessed == 0:
            reasons[name] = "none assessed"
        elif Fraction(c.assessed, sample) < min_share:
            reasons[name] = f"under {float(min_share):.0%} of the sample"
        else:
            reasons[name] = None
    return reasons


def reference(counts: dict[str, Counts], rated: list[str], attr: str) -> str | None:
    """The rated category with the highest rate (ties: larger, then first by name)."""
    if not rated:
        return None
    # max() keeps the first of equal keys, and ``rated`` is in name order
    return max(rated, key=lambda n: (Fraction(getattr(counts[n], attr), counts[n].assessed),
                                     counts[n].assessed))  # fmt: skip


def impact_ratios(counts: dict[str, Counts], rated: list[str], attr: str) -> dict[str, Fraction]:
    """Rated category -> its rate over the highest rate; empty when that rate is zero."""
    ref = reference(counts, rated, attr)
    if ref is None:
        return {}
    top = Fraction(getattr(counts[ref], attr), counts[ref].assessed)
    if top == 0:
        return {}
    return {n: Fraction(getattr(counts[n], attr), counts[n].assessed) / top for n in rated}


def count_categories(
    people: Iterable[Assessed], key: Key, names: list[str], median: float | None, cut: str | None
) -> dict[str, Counts]:
    """Counts per category; people not scored are counted apart, never above or selected."""
    counts = {n: Counts() for n in names}
    for p in people:
        c = counts.setdefault(key(p.sex, p.race), Counts())
        if p.status != "scored" or p.score is None:
            c.not_scored += 1
            continue
        c.assessed += 1
        c.above += median is not None and p.score > median
        c.selected += is_selected(p.recommendation, cut)
    return counts


def bootstrap_ratios(
    scored: Sequence[Assessed],
    tables: dict[TableName, tuple[Key, list[str]]],
    rated: dict[TableName, list[str]],
    cut: str | None,
    resamples: int,
    seed: int,
) -> dict[tuple[TableName, str, str], list[float]]:
    """Ratios per (table, category, 'above' | 'selected') over stratified resamples."""
    cells: dict[tuple[str, str], list[Assessed]] = {}
    for p in scored:
        cells.setdefault((p.sex or "", p.race or ""), []).append(p)
    ordered = [  # fixed order, whatever the order of the input rows
        sorted(
            cells[k], key=lambda p: (p.score or 0.0, RANKS.get(p.recommendation or "", -1), p.id)
        )
        for k in sorted(cells)
    ]
    rng = random.Random(seed)
    found: dict[tuple[TableName, str, str], list[float]] = {}
    for _ in range(resamples):
        drawn = [rng.choices(cell, k=len(cell)) for cell in ordered]
        median = statistics.median(p.score or 0.0 for cell in drawn for p in cell)
        pooled = [p for cell in drawn for p in cell]
        for table, (key, names) in tables.items():
            counts = count_categories(pooled, key, names, median, cut)
            for attr in ("above", "selected") if cut else ("above",):
                for name, ratio in impact_ratios(counts, rated[table], attr).items():
                    found.setdefault((table, name, attr), []).append(float(ratio))
    return found
