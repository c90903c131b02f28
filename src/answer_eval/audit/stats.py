"""Exact statistics for impact ratios, in pure Python (no SciPy).

``fisher_exact`` is the two-sided Fisher exact test of a 2x2 table, computed from the
hypergeometric distribution with integer arithmetic: the p-value is the total probability of
every table with the same margins that is no more likely than the one observed. Integers make
"no more likely" an exact comparison, where floating-point implementations need a tolerance.
``percentile`` is the linear-interpolation percentile used for bootstrap intervals.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb

__all__ = ["fisher_exact", "percentile"]


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of the table ``[[a, b], [c, d]]`` (counts, not rates).

    Rows are the two groups compared, columns the outcome (e.g. above the median, or not).
    """
    if min(a, b, c, d) < 0:
        raise ValueError("a 2x2 table holds counts, which cannot be negative")
    row, col, total = a + b, a + c, a + b + c + d
    low, high = max(0, row + col - total), min(row, col)
    # comb(col, x) * comb(total - col, row - x) tables have x in the top left; each weight
    # follows from the one before by an exact integer step, far cheaper than fresh binomials
    weights = [comb(col, low) * comb(total - col, row - low)]
    for x in range(low, high):
        step = (col - x) * (row - x)
        weights.append(weights[-1] * step // ((x + 1) * (total - col - row + x + 1)))
    observed = weights[a - low]
    extreme = sum(w for w in weights if w <= observed)
    return min(1.0, extreme / comb(total, row))


def percentile(sorted_values: Sequence[float], share: float) -> float:
    """The ``share`` (0-1) percentile of already sorted values, by linear interpolation."""
    if not sorted_values:
        raise ValueError("no values")
    position = share * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    fraction = position - below
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * fraction
