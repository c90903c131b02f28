"""The summary of a batch: counts by status, reason and recommendation, tokens, cost.

``Summary.add`` counts one flat record (``batch.output.flatten``, or a CSV row read back), so the
same summary covers the records of this run and those an earlier run left in the output. It
counts answers, not lines: a record replaces the earlier record of the same answer
(``batch.log``), so an answer retried after a fix counts once, with its latest outcome, and so do
its tokens. The cost is estimated only from prices the caller gives (USD per million tokens),
never guessed.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from answer_eval.batch.log import LatestRecords

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


class _Counted(NamedTuple):
    """What one answer's latest record adds to the counts."""

    status: str
    reason: str | None
    recommendation: str | None
    question_id: str | None
    overall: float | None
    prompt_tokens: int
    completion_tokens: int


def _counted(flat: Mapping[str, Any]) -> _Counted:
    status = str(flat.get("status") or "error")
    overall = _number(flat.get("overall"))
    return _Counted(
        status=status,
        reason=str(flat.get("unscored_reason") or "error") if status == "unscored" else None,
        recommendation=str(flat["recommendation"]) if flat.get("recommendation") else None,
        question_id=str(flat["question_id"]) if flat.get("question_id") else None,
        overall=overall,
        prompt_tokens=int(_number(flat.get("prompt_tokens")) or 0),
        completion_tokens=int(_number(flat.get("completion_tokens")) or 0),
    )


@dataclass
class Summary:
    """Counts over a batch's answers (fed flat records, see ``batch.output.flatten``).

    ``rows`` counts answers (the latest record of each, see ``batch.log``); ``superseded`` the
    records replaced by a later one. ``cost_usd`` is known only when both prices (USD per
    million tokens) are given.
    """

    price_in: float | None = None
    price_out: float | None = None
    rows: int = 0
    resumed: int = 0
    superseded: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    unscored_reasons: Counter[str] = field(default_factory=Counter)
    by_recommendation: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    started: float = field(default_factory=time.monotonic)
    _overall: dict[str, list[float]] = field(default_factory=dict)
    _latest: LatestRecords[_Counted] = field(default_factory=LatestRecords)

    def add(self, flat: Mapping[str, Any]) -> None:
        """Count one record, in place of the earlier record of the same answer."""
        counted = _counted(flat)
        for old in self._latest.put(flat, counted):
            self._count(old, -1)
            self.superseded += 1
        self._count(counted, 1)

    def drop_errors(self) -> int:
        """Forget the answers whose latest record is an error (a re-run derives them again)."""
        dropped = 0
        for key, counted in self._latest.items():
            if counted.status == "error":
                self._latest.pop(key)
                self._count(counted, -1)
                dropped += 1
        return dropped

    def _count(self, c: _Counted, sign: int) -> None:
        self.rows += sign
        self.by_status[c.status] += sign
        if c.reason is not None:
            self.unscored_reasons[c.reason] += sign
        if c.recommendation is not None:
            self.by_recommendation[c.recommendation] += sign
        if c.overall is not None and c.question_id is not None:
            total = self._overall.setdefault(c.question_id, [0.0, 0.0])
            total[0] += sign * c.overall
            total[1] += sign
        self.prompt_tokens += sign * c.prompt_tokens
        self.completion_tokens += sign * c.completion_tokens
        if sign < 0:  # keep only what is there: no "unscored 0" in the summary
            for counter in (self.by_status, self.unscored_reasons, self.by_recommendation):
                for name in [k for k, v in counter.items() if v <= 0]:
                    del counter[name]
            for name in [q for q, (_, n) in self._overall.items() if n <= 0]:
                del self._overall[name]

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
            "superseded": self.superseded,
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
        replaced = f", {self.superseded} older records replaced" if self.superseded else ""
        lines = [
            f"rows: {self.rows} answers ({self.resumed} from an earlier run{replaced})",
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
