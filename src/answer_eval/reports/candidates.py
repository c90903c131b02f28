"""Answers grouped by candidate, with one recommendation per candidate (pure).

A candidate usually answers several screening questions. Records are grouped by the candidate
field the input carried (``ResultRecord.candidate``); an answer without one stands alone,
named by its id. A candidate's recommendation is the *most cautious* of their scored answers:
one answer with a critical red flag is reason enough to hold a candidate back, and averaging
would hide it; the per-answer detail says which answer it was. A candidate with an answer that
was not scored is marked incomplete, so nobody mistakes a partial picture for a whole one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from answer_eval.reports.results import ResultRecord

__all__ = ["RECOMMENDATION_ORDER", "Candidate", "by_candidate", "most_cautious"]

RECOMMENDATION_ORDER = ("strong_yes", "yes", "mixed", "no", "definitely_not")


def most_cautious(recommendations: Iterable[str | None]) -> str | None:
    """The lowest recommendation of those given (None when none is given)."""
    known = [r for r in recommendations if r in RECOMMENDATION_ORDER]
    return max(known, key=RECOMMENDATION_ORDER.index, default=None)


@dataclass
class Candidate:
    """One candidate (or one unnamed answer) and their answers, in input order."""

    key: str
    name: str | None
    records: list[ResultRecord] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The candidate's name, or the answer id standing for them."""
        return self.name or self.key

    @property
    def recommendation(self) -> str | None:
        """The most cautious recommendation of the scored answers (None if none is scored)."""
        return most_cautious(r.evaluation.recommendation for r in self.records if r.evaluation)

    @property
    def complete(self) -> bool:
        """True when every answer of the candidate was scored."""
        return all(r.status == "scored" for r in self.records)

    @property
    def mean_overall(self) -> float | None:
        """The mean overall score (1-5) of the scored answers."""
        scores = [
            r.evaluation.overall
            for r in self.records
            if r.evaluation is not None and r.evaluation.overall is not None
        ]
        return round(sum(scores) / len(scores), 2) if scores else None


def by_candidate(records: Iterable[ResultRecord]) -> list[Candidate]:
    """Candidates in the order their first answer appears."""
    groups: dict[str, Candidate] = {}
    for record in records:
        key = f"name:{record.candidate}" if record.candidate else f"answer:{record.label}"
        group = groups.get(key)
        if group is None:
            group = groups[key] = Candidate(key=record.label, name=record.candidate)
        group.records.append(record)
    return list(groups.values())
