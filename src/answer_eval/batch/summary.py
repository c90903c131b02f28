"""The summary of a batch: counts by status, reason and recommendation, tokens, cost.

``Summary.add`` counts one flat record (``batch_output.flatten``, or a CSV row read back), so the
same summary covers the records of this run and those an earlier run left in the output. The
cost is estimated only from prices the caller gives (USD per million tokens), never guessed.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Summary"]


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Summary:
    """Counts over a batch's output records (fed flat records, see ``batch_output.flatten``).

    ``cost_usd`` is known only when both prices (USD per million tokens) are given.
    """

    price_in: float | None = None
    price_out: float | None = None
    rows: int = 0
    resumed: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    unscored_reasons: Counter[str] = field(default_factory=Counter)
    by_recommendation: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    started: float = field(default_factory=time.monotonic)
    _overall: dict[str, list[float]] = field(default_factory=dict)

    def add(self, flat: Mapping[str, Any]) -> None:
        """Count one record."""
        self.rows += 1
        status = str(flat.get("status") or "error")
        self.by_status[status] += 1
        if status == "unscored":
            self.unscored_reasons[str(flat.get("unscored_reason") or "error")] += 1
        if flat.get("recommendation"):
            self.by_recommendation[str(flat["recommendation"])] += 1
        overall = _number(flat.get("overall"))
        if overall is not None and flat.get("question_id"):
            total = self._overall.setdefault(str(flat["question_id"]), [0.0, 0.0])
            total[0] += overall
            total[1] += 1
        self.prompt_tokens += int(_number(flat.get("prompt_tokens")) or 0)
        self.completion_tokens += int(_number(flat.get("completion_tokens")) or 0)

    @property
    def all_scored(self) -> bool:
        """True when every record is scored (the batch's exit code 0)."""
        return self.by_status["scored"] == self.rows

    def mean_overall(self) -> dict[str, float]:
        """Mean overall score (1-5) per question id."""
        return {q: round(s / n, 3) for q, (s, n) in sorted(self._overall.items())}

    def cost_usd(self) -> float | None:
        """Estimated cost from the prices per million tokens; None without both prices."""
        if self.price_in is None or self.price_out is None:
            return None
        return (self.prompt_tokens * self.price_in + self.completion_tokens * self.price_out) / 1e6

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary (``--summary-json``)."""
        cost = self.cost_usd()
        return {
            "rows": self.rows,
            "resumed": self.resumed,
            "by_status": dict(sorted(self.by_status.items())),
            "unscored_reasons": dict(sorted(self.unscored_reasons.items())),
            "by_recommendation": dict(sorted(self.by_recommendation.items())),
            "mean_overall": self.mean_overall(),
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
            "cache_hits": self.cache_hits,
            "cost_usd": None if cost is None else round(cost, 6),
            "prices_usd_per_million": {"input": self.price_in, "output": self.price_out},
            "elapsed_seconds": round(time.monotonic() - self.started, 3),
        }

    def render(self) -> str:
        """A few readable lines for stderr."""
        d = self.to_dict()
        lines = [
            f"rows: {self.rows} ({self.resumed} from an earlier run)",
            f"status: {_counts(d['by_status'])}",
        ]
        if self.unscored_reasons:
            lines.append(f"unscored reasons: {_counts(d['unscored_reasons'])}")
        lines.append(f"recommendations: {_counts(d['by_recommendation'])}")
        lines += [f"mean overall {q}: {m:.2f}" for q, m in d["mean_overall"].items()]
        tokens = f"tokens: {self.prompt_tokens} prompt, {self.completion_tokens} completion"
        cost = self.cost_usd()
        lines.append(tokens + (f", estimated cost ${cost:.4f}" if cost is not None else ""))
        if self.cache_hits:
            lines.append(f"cache hits: {self.cache_hits}")
        return "\n".join(lines) + "\n"
