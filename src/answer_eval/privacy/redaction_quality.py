"""Measuring the redactor: precision and recall per kind against hand-labelled answers.

An expected item counts as found (recall) when spans of its kind cover every one of its
characters: a name redacted without its surname still leaks the surname, so it is a miss. A
found span counts as correct (precision) when it overlaps an expected item of its kind.
``python benchmarks/redaction_accuracy.py`` prints the figures for ``tests/data/pii_answers.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from answer_eval.privacy.pii import KINDS, PiiSpan, find_pii

__all__ = ["KindScore", "LabelledAnswer", "expected_spans", "labelled_answers", "score_detection"]


@dataclass(frozen=True)
class LabelledAnswer:
    """An answer and the personal data a person marked in it."""

    id: str
    text: str
    expected: tuple[PiiSpan, ...]


@dataclass
class KindScore:
    """Counts and figures for one kind (or ``all``)."""

    kind: str
    expected: int = 0
    found: int = 0
    covered: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        """Share of expected items fully covered by spans of their kind."""
        return self.covered / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        """Share of found spans that overlap an expected item of their kind."""
        return self.correct / self.found if self.found else None


def expected_spans(text: str, items: Iterable[Mapping[str, str]]) -> tuple[PiiSpan, ...]:
    """Every occurrence of each labelled ``{kind, text}`` item, minus occurrences inside a longer
    item of the same kind ("Sarah" inside "Sarah Kim")."""
    spans = []
    for item in items:
        needle = re.escape(item["text"])
        for m in re.finditer(rf"(?<!\w){needle}(?!\w)", text):
            spans.append(PiiSpan(item["kind"], m.start(), m.end()))  # type: ignore[arg-type]
    inner = {
        s
        for s in spans
        for o in spans
        if o != s and o.kind == s.kind and o.start <= s.start and s.end <= o.end
    }
    return tuple(sorted(set(spans) - inner, key=lambda s: s.start))


def labelled_answers(data: Mapping[str, Any]) -> list[LabelledAnswer]:
    """The answers of a decoded ``pii_answers.yaml``."""
    return [
        LabelledAnswer(str(a["id"]), str(a["text"]), expected_spans(str(a["text"]), a["pii"]))
        for a in data["answers"]
    ]


def score_detection(
    answers: Sequence[LabelledAnswer], *, names: Mapping[str, Sequence[str]] | None = None
) -> dict[str, KindScore]:
    """Per kind, and ``all``: how ``find_pii`` does on ``answers``."""
    scores = {kind: KindScore(kind) for kind in (*KINDS, "all")}
    for answer in answers:
        found = find_pii(answer.text, names=(names or {}).get(answer.id, ()))
        for want in answer.expected:
            mine = [s for s in found if s.kind == want.kind]
            covered = all(
                any(s.start <= i < s.end for s in mine) for i in range(want.start, want.end)
            )
            for key in (want.kind, "all"):
                scores[key].expected += 1
                scores[key].covered += covered
                if not covered:
                    scores[key].misses.append(
                        f"{answer.id}: {answer.text[want.start : want.end]!r}"
                    )
        for got in found:
            right = any(
                e.kind == got.kind and e.start < got.end and got.start < e.end
                for e in answer.expected
            )
            for key in (got.kind, "all"):
                scores[key].found += 1
                scores[key].correct += right
                if not right:
                    text = answer.text[got.start : got.end]
                    scores[key].false_alarms.append(f"{answer.id}: {got.kind} {text!r}")
    return scores
