"""Rubric models: what a good answer to each interview question contains.

A ``RubricSet`` holds the scoring ``dimensions`` (STAR structure, empathy, ownership, AI fluency,
...), each on a behaviourally anchored 1-5 scale, and the ``questions``. A ``Question`` carries its
best-response ``criteria`` and ``red_flags``, each traced to the seed passage it comes from.

The models are strict (an unknown key is an error) and frozen. They are pure data: loading from
files lives in ``answer_eval.rubrics.loading``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "Criterion",
    "Dimension",
    "Question",
    "QuestionKind",
    "Recommendation",
    "RedFlag",
    "RubricSet",
    "ScoringPolicy",
    "SeedRef",
    "Severity",
    "StarPolicy",
]

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=80)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Severity = Literal["minor", "major", "critical"]
StarPolicy = Literal["required", "encouraged", "not_applicable"]
QuestionKind = Literal["behavioural", "situational", "motivational", "knowledge"]
Recommendation = Literal["strong_yes", "yes", "mixed", "no", "definitely_not"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedRef(_Model):
    """Where a rubric item comes from in the seed guides, so a reader can check it."""

    document: Text = Field(
        description="File name of the seed guide, e.g. 000_c8d2ee9dff4bbc27.txt."
    )
    question: int | None = Field(
        default=None, ge=1, description="Number of the question in that guide (None: general text)."
    )
    excerpt: Text = Field(
        description="A short verbatim excerpt of the guide that this item encodes."
    )


class Dimension(_Model):
    """A scoring dimension on a behaviourally anchored 1-5 scale."""

    id: Identifier = Field(description="Stable id, e.g. 'empathy'.")
    name: Text = Field(description="Human name, e.g. 'Empathy'.")
    description: Text = Field(description="What this dimension measures.")
    anchors: dict[int, Text] = Field(
        description="What an answer at a level looks like; levels 1, 3 and 5 are required."
    )
    sources: list[SeedRef] = Field(default_factory=list, description="Seed passages behind it.")

    @model_validator(mode="after")
    def _check_anchors(self) -> Dimension:
        bad = sorted(k for k in self.anchors if k not in range(1, 6))
        if bad:
            raise ValueError(f"anchor levels must be 1-5, got {bad}")
        missing = [k for k in (1, 3, 5) if k not in self.anchors]
        if missing:
            raise ValueError(f"anchors must describe levels 1, 3 and 5; missing {missing}")
        return self


class Criterion(_Model):
    """Something the best responses to a question contain."""

    id: Identifier = Field(description="Stable id, unique within the question.")
    description: Text = Field(description="What a best response shows, in words a judge can apply.")
    weight: float = Field(default=1.0, ge=0, description="Relative weight within the question.")
    cues: list[Text] = Field(
        default_factory=list, description="Phrases that suggest the criterion is met (lower case)."
    )
    source: SeedRef = Field(description="The seed passage this criterion encodes.")


class RedFlag(_Model):
    """Something the guides warn about in an answer."""

    id: Identifier = Field(description="Stable id, unique within the question.")
    description: Text = Field(description="What the warning sign looks like.")
    severity: Severity = Field(description="minor, major or critical (critical caps the grade).")
    cues: list[Text] = Field(
        default_factory=list,
        description="Phrases that, verbatim in an answer, show the flag (e.g. 'i work fast').",
    )
    source: SeedRef = Field(description="The seed passage this red flag encodes.")


class Question(_Model):
    """One interview question with its criteria, red flags and dimension weights."""

    id: Identifier = Field(description="Stable id used by the API, the CLI and result files.")
    text: Text = Field(description="The question as asked.")
    reveals: Text = Field(description="What the question reveals about the candidate.")
    kind: QuestionKind = Field(description="behavioural, situational, motivational or knowledge.")
    star: StarPolicy = Field(description="Whether a STAR-structured story is expected.")
    source: SeedRef = Field(description="The guide and question number this rubric encodes.")
    weights: dict[Identifier, float] = Field(
        description="Weight per applicable dimension id; a dimension left out does not apply."
    )
    criteria: list[Criterion] = Field(min_length=1, description="What best responses contain.")
    red_flags: list[RedFlag] = Field(default_factory=list, description="What to watch out for.")
    follow_ups: list[Text] = Field(default_factory=list, description="Follow-up questions to ask.")
    related: list[Identifier] = Field(
        default_factory=list, description="Ids of questions that ask the same thing elsewhere."
    )

    @model_validator(mode="after")
    def _check_question(self) -> Question:
        for kind, items in (("criteria", self.criteria), ("red_flags", self.red_flags)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"duplicate id {item.id!r} in {kind}")
                seen.add(item.id)
        for dim, weight in self.weights.items():
            if weight < 0:
                raise ValueError(f"weight of dimension {dim!r} is negative ({weight})")
        if not any(w > 0 for w in self.weights.values()):
            raise ValueError("weights: at least one dimension needs a weight above zero")
        if not any(c.weight > 0 for c in self.criteria):
            raise ValueError("criteria: at least one criterion needs a weight above zero")
        if self.star == "not_applicable" and self.weights.get("star", 0) > 0:
            raise ValueError("star is 'not_applicable' but the star dimension has a weight")
        if self.star != "not_applicable" and self.weights.get("star", 0) <= 0:
            raise ValueError(f"star is {self.star!r} but the star dimension has no weight")
        if self.id in self.related:
            raise ValueError("related: a question cannot be related to itself")
        return self

    def applicable_dimensions(self) -> list[str]:
        """Ids of the dimensions this question is scored on, in the order of ``weights``."""
        return [d for d, w in self.weights.items() if w > 0]


def _default_penalties() -> dict[Severity, float]:
    return {"minor": 0.25, "major": 0.6, "critical": 1.2}


def _default_thresholds() -> dict[Recommendation, float]:
    return {"strong_yes": 4.3, "yes": 3.6, "mixed": 2.8, "no": 2.0}


class ScoringPolicy(_Model):
    """How dimension scores, criteria and red flags combine into an overall grade."""

    criteria_share: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description="Share of the overall score that criteria coverage makes.",
    )
    penalties: dict[Severity, float] = Field(
        default_factory=_default_penalties,
        description="Points (on the 1-5 scale) taken off the overall score per red flag present.",
    )
    critical_cap: Literal["no", "definitely_not"] = Field(
        default="no",
        description="Best recommendation possible when a critical red flag is present.",
    )
    thresholds: dict[Recommendation, float] = Field(
        default_factory=_default_thresholds,
        description="Lowest overall score (1-5) per recommendation; below 'no': definitely_not.",
    )
    no_evidence_score: int = Field(
        default=2,
        ge=1,
        le=5,
        description="Highest dimension score (1-5) that stands without a verified quote: a judge "
        "that scores higher without evidence found in the answer is capped here, and the "
        "dimension is marked unsupported.",
    )

    @model_validator(mode="after")
    def _check_thresholds(self) -> ScoringPolicy:
        order: tuple[Recommendation, ...] = ("strong_yes", "yes", "mixed", "no")
        missing = [k for k in order if k not in self.thresholds]
        if missing:
            raise ValueError(f"thresholds: missing {missing}")
        values = [self.thresholds[k] for k in order]
        if values != sorted(values, reverse=True):
            raise ValueError("thresholds must fall from strong_yes to no")
        return self


class RubricSet(_Model):
    """Dimensions, scoring policy and questions that are judged together."""

    id: Identifier = Field(description="Id of the rubric set, e.g. 'customer-service'.")
    title: Text = Field(description="Human title.")
    version: Text = Field(description="Version label the authors bump on purpose.")
    dimensions: list[Dimension] = Field(min_length=1, description="Scoring dimensions.")
    scoring: ScoringPolicy = Field(default_factory=ScoringPolicy, description="Scoring policy.")
    questions: list[Question] = Field(default_factory=list, description="The questions.")

    @model_validator(mode="after")
    def _check_references(self) -> RubricSet:
        dims = [d.id for d in self.dimensions]
        dup_dims = sorted({d for d in dims if dims.count(d) > 1})
        if dup_dims:
            raise ValueError(f"duplicate dimension id(s) {dup_dims}")
        ids = [q.id for q in self.questions]
        dup_q = sorted({q for q in ids if ids.count(q) > 1})
        if dup_q:
            raise ValueError(f"duplicate question id(s) {dup_q}")
        known = set(ids)
        for q in self.questions:
            undefined = sorted(set(q.weights) - set(dims))
            if undefined:
                raise ValueError(
                    f"question {q.id!r}: weights name undefined dimension(s) {undefined}"
                )
            unknown = sorted(set(q.related) - known)
            if unknown:
                raise ValueError(f"question {q.id!r}: related names unknown question(s) {unknown}")
        return self

    def question(self, question_id: str) -> Question:
        """The question with this id; raises ``UnknownQuestionError`` otherwise."""
        for q in self.questions:
            if q.id == question_id:
                return q
        from answer_eval.errors import UnknownQuestionError

        raise UnknownQuestionError(
            f"unknown question {question_id!r}; known: {', '.join(q.id for q in self.questions)}"
        )

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id (KeyError if undefined)."""
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    def content_hash(self, question_id: str) -> str:
        """SHA-256 over one question, the dimensions it uses and the scoring policy.

        Identifies the version of the rubric that judged an answer: editing anything that can
        change that question's grade changes the hash; editing another question does not.
        """
        q = self.question(question_id)
        payload = {
            "set": self.id,
            "question": q.model_dump(mode="json"),
            "dimensions": [
                self.dimension(d).model_dump(mode="json") for d in q.applicable_dimensions()
            ],
            "scoring": self.scoring.model_dump(mode="json"),
        }
        blob = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()
