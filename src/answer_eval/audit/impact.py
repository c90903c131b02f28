"""Impact ratios as New York City defines them for automated employment decision tools.

The DCWP rule (6 RCNY 5-300 to 5-304) for a tool that *scores*: the **median** score of the
sample; per category, the number **assessed**, the **scoring rate** (the share scoring *above*
the median: a score equal to it is not above) and the **impact ratio** (its scoring rate over
the highest category's). For a tool that *selects* (``selected``: a recommendation or better),
the **selection rate** and its impact ratio likewise. Categories: sex, race/ethnicity, and
their intersections. Here, in addition:

* the sample is the *scored* results; unscored and error results are counted per category
  (``not_scored``) but are not in the sample;
* an unknown category is counted and reported but not rated; so is a category under
  ``min_share`` of the sample (the rule lets an auditor leave out categories under 2%), and a
  category nobody in the sample belongs to; each is named with why (``excluded``);
* the highest rate is taken among rated categories; when it is zero, no ratio is defined;
* rates and ratios are exact fractions, so "under four-fifths" (``ratio < 0.8``) is exact;
* each rated category is compared with the highest one (ties: the larger, then the first by
  name) by Fisher's exact test, and each ratio gets a seeded percentile bootstrap interval
  (resampling within each sex x race cell, so category sizes stay fixed).

These figures inform people; they do not decide anything. See docs/fairness.md.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from answer_eval.audit.rates import (
    RANKS,
    UNKNOWN,
    Assessed,
    Counts,
    TableName,
    bootstrap_ratios,
    count_categories,
    exclusions,
    impact_ratios,
    reference,
    table_keys,
)
from answer_eval.audit.stats import fisher_exact, percentile

__all__ = [
    "RANKS",
    "UNKNOWN",
    "Assessed",
    "CategoryRow",
    "ImpactReport",
    "ImpactTable",
    "Rate",
    "impact_report",
]

FOUR_FIFTHS = Fraction(4, 5)
SMALL = 30


@dataclass(frozen=True)
class Rate:
    """A scoring or selection rate of one category and its impact ratio."""

    count: int  # above the median, or selected
    rate: float | None
    impact_ratio: float | None
    below_four_fifths: bool
    p_value: float | None  # Fisher's exact test against the highest category
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class CategoryRow:
    """One category of one table."""

    category: str
    assessed: int
    share: float
    not_scored: int
    excluded: str | None
    scoring: Rate
    selection: Rate | None


@dataclass(frozen=True)
class ImpactTable:
    """The categories of sex, race/ethnicity or their intersection."""

    by: TableName
    rows: tuple[CategoryRow, ...]
    scoring_reference: str | None
    selection_reference: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ImpactReport:
    """Everything ``answer-eval audit impact`` reports."""

    sample: int
    median: float | None
    at_median: int
    unscored: int
    errors: int
    selected: str | None
    min_share: float
    resamples: int
    seed: int
    confidence: float
    tables: tuple[ImpactTable, ...]
    caveats: tuple[str, ...]


def impact_report(
    people: Sequence[Assessed],
    *,
    sexes: Iterable[str] = (),
    races: Iterable[str] = (),
    selected: str | None = None,
    min_share: float = 0.02,
    resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> ImpactReport:
    """The impact report of ``people`` (see the module docstring).

    ``sexes`` and ``races`` add categories that may have nobody scored (from the demographics
    file), so an empty category is shown rather than silently missing.
    """
    if selected is not None and selected not in RANKS:
        raise ValueError(f"unknown recommendation {selected!r}")
    if not 0 <= min_share < 1 or not 0 < confidence < 1 or resamples < 0:
        raise ValueError("min_share must be in [0, 1), confidence in (0, 1), resamples >= 0")
    scored = [p for p in people if p.status == "scored" and p.score is not None]
    sample = len(scored)
    median = statistics.median(p.score or 0.0 for p in scored) if scored else None
    sex_names = sorted({*sexes, *(p.sex for p in people if p.sex is not None)})
    race_names = sorted({*races, *(p.race for p in people if p.race is not None)})
    tables = table_keys(sex_names, race_names)
    share = Fraction(str(min_share))
    counted = {
        t: count_categories(people, key, names, median, selected)
        for t, (key, names) in tables.items()
    }
    reasons = {t: exclusions(c, sample, share) for t, c in counted.items()}
    rated = {t: [n for n, why in r.items() if why is None] for t, r in reasons.items()}
    boot = bootstrap_ratios(scored, tables, rated, selected, resamples, seed) if sample else {}
    built = []
    for table, counts in counted.items():
        built.append(
            _table(table, counts, reasons[table], rated[table], selected, sample, boot, confidence)
        )
    return ImpactReport(
        sample=sample,
        median=median,
        at_median=sum(p.score == median for p in scored),
        unscored=sum(p.status == "unscored" for p in people),
        errors=sum(p.status == "error" for p in people),
        selected=selected,
        min_share=min_share,
        resamples=resamples,
        seed=seed,
        confidence=confidence,
        tables=tuple(built),
        caveats=_caveats(built, median, sum(p.score == median for p in scored)),
    )


def _rate(
    counts: dict[str, Counts],
    name: str,
    attr: str,
    ratios: dict[str, Fraction],
    reference: str | None,
    interval: list[float] | None,
    confidence: float,
) -> Rate:
    c = counts[name]
    count = getattr(c, attr)
    ratio = ratios.get(name)
    p_value = None
    if ratio is not None and reference is not None and name != reference:
        ref = counts[reference]
        ref_count = getattr(ref, attr)
        p_value = fisher_exact(count, c.assessed - count, ref_count, ref.assessed - ref_count)
    low = high = None
    if interval and ratio is not None:
        ordered = sorted(interval)
        tail = (1 - confidence) / 2
        low, high = percentile(ordered, tail), percentile(ordered, 1 - tail)
    return Rate(
        count=count,
        rate=float(Fraction(count, c.assessed)) if c.assessed else None,
        impact_ratio=None if ratio is None else float(ratio),
        below_four_fifths=ratio is not None and ratio < FOUR_FIFTHS,
        p_value=p_value,
        ci_low=low,
        ci_high=high,
    )


def _table(
    table: TableName,
    counts: dict[str, Counts],
    reasons: dict[str, str | None],
    rated: list[str],
    cut: str | None,
    sample: int,
    boot: dict[tuple[TableName, str, str], list[float]],
    confidence: float,
) -> ImpactTable:
    measures = ("above", "selected") if cut else ("above",)
    refs = {a: reference(counts, rated, a) for a in measures}
    ratios = {a: impact_ratios(counts, rated, a) for a in measures}
    rows = []
    for name, c in counts.items():
        rates = {
            a: _rate(counts, name, a, ratios[a], refs[a], boot.get((table, name, a)), confidence)
            for a in measures
        }
        rows.append(
            CategoryRow(
                category=name,
                assessed=c.assessed,
                share=c.assessed / sample if sample else 0.0,
                not_scored=c.not_scored,
                excluded=reasons[name],
                scoring=rates["above"],
                selection=rates.get("selected"),
            )
        )
    notes = []
    for attr, what in (("above", "scored above the median"), ("selected", "was selected")):
        if attr in measures and rated and not ratios[attr]:
            notes.append(f"no rated category {what}: impact ratios are undefined")
    if not rated:
        notes.append("no category could be rated")
    return ImpactTable(
        by=table,
        rows=tuple(rows),
        scoring_reference=refs["above"] if ratios["above"] else None,
        selection_reference=refs.get("selected") if ratios.get("selected") else None,
        notes=tuple(notes),
    )


def _caveats(tables: list[ImpactTable], median: float | None, at_median: int) -> tuple[str, ...]:
    lines = [
        "Fisher's exact test compares each rated category with the highest-rated one; small "
        "categories give it little power, so a large p-value does not show that there is no "
        "adverse impact, and among many categories some small p-values arise by chance."
    ]
    small = sorted(
        {r.category for t in tables for r in t.rows if r.excluded is None and r.assessed < SMALL}
    )
    if small:
        lines.append(f"Under {SMALL} assessed, rates and ratios are unstable: {', '.join(small)}.")
    if median is not None and at_median:
        lines.append(
            f"{at_median} score(s) equal the median ({median:g}) and count as not above it."
        )
    return tuple(lines)
