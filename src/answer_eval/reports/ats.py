"""Scorecards for applicant-tracking systems: one JSON document per candidate.

The mapping from answer-eval's recommendation and 1-5 dimension scores to the usual ATS
vocabulary (Definitely Not / No / Yes / Strong Yes, 1-4 attribute ratings) is data, in
``reports/ats_mapping.yaml`` (documented there; pass another file to change it). Per candidate
(``reports.candidates``): the overall recommendation (the most cautious of their answers), one
attribute per rubric dimension (the mean of their scores, rounded half up, then mapped), and per
answer the question, its own recommendation and score, red flags, review reasons and the
evidence quotes, so the ATS note says why. ``write_scorecards`` names each file after the
candidate, made safe for a file system, plus a hash that keeps two similar names apart.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from answer_eval._version import __version__
from answer_eval.errors import InputError
from answer_eval.reports.candidates import Candidate, by_candidate
from answer_eval.reports.results import ResultRecord, Results
from answer_eval.rubrics.loading import load_yaml

__all__ = ["SCHEMA", "AtsMapping", "scorecard", "scorecard_filename", "write_scorecards"]

SCHEMA = "answer-eval/ats-scorecard/1"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class AtsMapping:
    """The vocabulary mapping read from a mapping file (default: the shipped one)."""

    def __init__(self, data: Mapping[str, Any], source: str = "<mapping>") -> None:
        try:
            self.recommendation = {str(k): str(v) for k, v in data["recommendation"].items()}
            self.not_scored = str(data["not_scored"])
            self.labels = {str(k): str(v) for k, v in data["recommendation_labels"].items()}
            self.rating = {int(k): int(v) for k, v in data["rating"].items()}
            self.rating_labels = {int(k): str(v) for k, v in data["rating_labels"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"{source}: not an ATS mapping ({type(exc).__name__}: {exc})") from exc
        if set(self.rating) != {1, 2, 3, 4, 5}:
            raise InputError(f"{source}: rating must map each score 1-5")

    @classmethod
    def load(cls, path: Path | None = None) -> AtsMapping:
        """The mapping in ``path``, or the shipped ``ats_mapping.yaml``."""
        if path is None:
            shipped = files("answer_eval.reports").joinpath("ats_mapping.yaml")
            return cls(load_yaml(shipped.read_text(encoding="utf-8")), "ats_mapping.yaml")
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: cannot read the ATS mapping: {exc}") from exc
        if not isinstance(data, Mapping):
            raise InputError(f"{path}: not an ATS mapping (expected keys at the top)")
        return cls(data, str(path))

    def overall(self, ours: str | None) -> str:
        """Our recommendation (None: not scored) in the ATS vocabulary."""
        return self.recommendation.get(ours, self.not_scored) if ours else self.not_scored

    def rate(self, score: float) -> int:
        """A 1-5 score (a mean is rounded half up) as a 1-4 attribute rating."""
        return self.rating[min(5, max(1, math.floor(score + 0.5)))]


def _answer(record: ResultRecord, mapping: AtsMapping) -> dict[str, Any]:
    ev = record.evaluation
    entry: dict[str, Any] = {
        "answer_id": record.id,
        "question_id": record.question_id,
        "status": record.status,
        "review_reasons": [{"code": c, "message": m} for c, m in record.review_reasons],
    }
    if ev is None or ev.status != "scored":
        entry["not_scored_because"] = record.error if ev is None else ev.unscored_reason
        return entry
    entry.update(
        recommendation=mapping.overall(ev.recommendation),
        source_recommendation=ev.recommendation,
        overall=ev.overall,
        red_flags=[
            {"id": f.id, "severity": f.severity, "description": f.description}
            for f in ev.red_flags
            if f.present
        ],
        evidence={
            d.id: [e.span.text if e.span else e.quote for e in d.evidence if e.verified]
            for d in ev.dimensions
            if d.status == "scored"
        },
    )
    return entry


def _attributes(candidate: Candidate, mapping: AtsMapping) -> list[dict[str, Any]]:
    scores: dict[str, tuple[str, list[int]]] = {}
    for record in candidate.records:
        if record.evaluation is None or record.evaluation.status != "scored":
            continue
        for dim in record.evaluation.dimensions:
            if dim.status == "scored" and dim.score is not None:
                scores.setdefault(dim.id, (dim.name, []))[1].append(dim.score)
    attributes = []
    for dim_id, (name, values) in scores.items():
        mean = sum(values) / len(values)
        rating = mapping.rate(mean)
        attributes.append(
            {
                "dimension": dim_id,
                "name": name,
                "rating": rating,
                "rating_label": mapping.rating_labels[rating],
                "source_score": round(mean, 2),
                "source_scale": "1-5",
            }
        )
    return attributes


def scorecard(candidate: Candidate, mapping: AtsMapping) -> dict[str, Any]:
    """The scorecard document of one candidate (see the module docstring)."""
    overall = mapping.overall(candidate.recommendation)
    judges = sorted(
        {
            f"{r.evaluation.provenance.judge}:{r.evaluation.provenance.model}"
            for r in candidate.records
            if r.evaluation is not None
        }
    )
    return {
        "schema": SCHEMA,
        "candidate": {"name": candidate.name, "key": candidate.key},
        "overall_recommendation": overall,
        "overall_recommendation_label": mapping.labels.get(overall, overall),
        "source_recommendation": candidate.recommendation,
        "complete": candidate.complete,
        "needs_review": any(r.review_reasons for r in candidate.records),
        "mean_overall": candidate.mean_overall,
        "attributes": _attributes(candidate, mapping),
        "answers": [_answer(r, mapping) for r in candidate.records],
        "generated_by": f"answer-eval {__version__}",
        "judges": judges,
    }


def scorecard_filename(candidate: Candidate) -> str:
    """``<name>-<hash>.scorecard.json``: only letters, digits, ``.``, ``_`` and ``-``."""
    slug = _UNSAFE.sub("-", candidate.label).strip("-.")[:60] or "candidate"
    digest = hashlib.sha256(f"{candidate.name}\0{candidate.key}".encode()).hexdigest()[:8]
    return f"{slug}-{digest}.scorecard.json"


def write_scorecards(results: Results, folder: Path, mapping: AtsMapping) -> list[Path]:
    """One scorecard file per candidate in ``folder`` (created); returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file; the scorecards go in a folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for candidate in by_candidate(results.records):
        path = folder / scorecard_filename(candidate)
        text = json.dumps(scorecard(candidate, mapping), indent=2, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
