"""Golden sets: answers to one question with what grading them must give.

A golden set file holds one question id and a list of answers, each with expectations: score
bands per dimension and overall, the recommendations allowed, red flags that must and must not
fire, and STAR components that must be found. ``answer_eval.regression.run`` runs them.

Loading is layered like rubric loading: file -> text -> dict -> model -> checked against the
rubric set. Every error is a ``GoldenSetError`` naming the file, the answer and the field::

    golden/biggest-failure.yaml: answers[2] (id 'blames-manager').expect.red_flags.present[0]:
    question 'biggest-failure' has no red flag 'blame' (known: blames-others, evasive-vague)

An expectation that cannot fail (a band of 1-5, every recommendation allowed) is an error too.
``python -m answer_eval.regression.golden > golden/golden.schema.json`` regenerates the
editor schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from answer_eval.errors import GoldenSetError
from answer_eval.rubrics.loading import load_yaml, validation_problems, yaml_error_message
from answer_eval.rubrics.models import Question, Recommendation, RubricSet

__all__ = [
    "SCHEMA_FILE",
    "Expectations",
    "GoldenAnswer",
    "GoldenSet",
    "RedFlagExpectations",
    "ScoreBand",
    "StarPart",
    "check_against_rubric",
    "golden_files",
    "golden_schema_text",
    "golden_set_from_dict",
    "golden_set_from_file",
    "golden_set_from_text",
    "load_golden_sets",
]

SCHEMA_FILE = "golden.schema.json"
StarPart = Literal["situation", "task", "action", "result"]
AnswerKind = Literal["strong", "mediocre", "red_flag", "edge"]
Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=80)
]
_RECOMMENDATIONS = ("strong_yes", "yes", "mixed", "no", "definitely_not")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScoreBand(_Model):
    """A band on the 1-5 scale; ``min`` and ``max`` are inclusive, at least one is given."""

    min: float | None = Field(default=None, ge=1, le=5, description="Lowest score that passes.")
    max: float | None = Field(default=None, ge=1, le=5, description="Highest score that passes.")

    @model_validator(mode="after")
    def _check_band(self) -> ScoreBand:
        low, high = self.min, self.max
        if low is not None and high is not None and low > high:
            raise ValueError(f"min ({low}) is above max ({high})")
        if (low is None or low <= 1) and (high is None or high >= 5):
            raise ValueError("the band covers the whole 1-5 scale, so it can never fail")
        return self

    def contains(self, value: float) -> bool:
        """True when ``value`` lies in the band (a tolerance of 1e-9 for rounding)."""
        return (self.min is None or value >= self.min - 1e-9) and (
            self.max is None or value <= self.max + 1e-9
        )

    def describe(self) -> str:
        """The band in words, e.g. '>= 3.6', '<= 2.8' or '2 to 3.5'."""
        if self.min is not None and self.max is not None:
            return f"{self.min:g} to {self.max:g}"
        return f">= {self.min:g}" if self.min is not None else f"<= {self.max:g}"


class RedFlagExpectations(_Model):
    """Red flags that must fire and red flags that must not."""

    present: list[Identifier] = Field(
        default_factory=list, description="Ids of red flags that must be present."
    )
    absent: list[Identifier] = Field(
        default_factory=list, description="Ids of red flags that must not be present."
    )

    @model_validator(mode="after")
    def _check_disjoint(self) -> RedFlagExpectations:
        both = sorted(set(self.present) & set(self.absent))
        if both:
            raise ValueError(f"red flag(s) {both} are expected both present and absent")
        return self


class Expectations(_Model):
    """What grading one golden answer must give; every field given is checked."""

    status: Literal["scored", "unscored"] = Field(
        default="scored", description="Whether the answer must be scored (the usual case)."
    )
    overall: ScoreBand | None = Field(default=None, description="Band for the overall score.")
    recommendation: list[Recommendation] | None = Field(
        default=None, min_length=1, description="Recommendations allowed (any of these passes)."
    )
    dimensions: dict[Identifier, ScoreBand] = Field(
        default_factory=dict, description="Band per dimension id (the dimension must be scored)."
    )
    red_flags: RedFlagExpectations = Field(
        default_factory=RedFlagExpectations, description="Red flags that must and must not fire."
    )
    star: list[StarPart] = Field(
        default_factory=list, description="STAR components that must be found (verified quotes)."
    )

    @model_validator(mode="after")
    def _check_meaningful(self) -> Expectations:
        if self.recommendation is not None and set(self.recommendation) >= set(_RECOMMENDATIONS):
            raise ValueError("recommendation: allowing all five can never fail")
        if self.status == "scored" and not (
            self.overall
            or self.recommendation
            or self.dimensions
            or self.red_flags.present
            or self.red_flags.absent
            or self.star
        ):
            raise ValueError("expect nothing checkable: give overall, recommendation, ...")
        return self


class GoldenAnswer(_Model):
    """One written answer and what grading it must give."""

    id: Identifier = Field(description="Stable id, unique within the file.")
    kind: AnswerKind = Field(
        description="What the answer is meant to exemplify: strong, mediocre, red_flag or edge."
    )
    note: str = Field(default="", description="Why the answer deserves these expectations.")
    answer: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="The candidate's written answer, verbatim (not blank)."
    )
    expect: Expectations = Field(description="What grading this answer must give.")

    @field_validator("answer")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the answer is blank")
        return value


class GoldenSet(_Model):
    """Golden answers to one question of a rubric set."""

    question_id: Identifier = Field(description="Id of the question the answers respond to.")
    description: str = Field(default="", description="What this golden set covers.")
    answers: list[GoldenAnswer] = Field(min_length=1, description="The golden answers.")

    @model_validator(mode="after")
    def _check_ids(self) -> GoldenSet:
        ids = [a.id for a in self.answers]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate answer id(s) {dup}")
        return self


# ---------------------------------------------------------------------------- loading


def golden_set_from_dict(data: dict[str, Any], *, source: str = "<dict>") -> GoldenSet:
    """Validate a golden set mapping; errors name ``source`` and the field."""
    try:
        return GoldenSet.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, data, f"{source}: ")
        raise GoldenSetError("\n".join(problems), problems) from exc


def golden_set_from_text(text: str, *, source: str = "<text>") -> GoldenSet:
    """Parse YAML text (YAML 1.2 booleans) and validate it as a golden set."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise GoldenSetError(f"{source}: {yaml_error_message(exc)}") from exc
    if not isinstance(data, dict):
        got = "nothing" if data is None else type(data).__name__
        raise GoldenSetError(
            f"{source}: expected a mapping with question_id and answers, got {got}"
        )
    return golden_set_from_dict(data, source=source)


def golden_set_from_file(path: str | Path, rubric_set: RubricSet | None = None) -> GoldenSet:
    """Read, parse and validate a golden set file; check it against ``rubric_set`` if given."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldenSetError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldenSetError(f"{path}: cannot read: {exc}") from exc
    golden = golden_set_from_text(text, source=str(path))
    if rubric_set is not None:
        check_against_rubric(golden, rubric_set, source=str(path))
    return golden


def check_against_rubric(golden: GoldenSet, rubric_set: RubricSet, *, source: str) -> None:
    """Raise ``GoldenSetError`` for ids the rubric does not define (question, dimension, flag)."""
    known = {q.id: q for q in rubric_set.questions}
    question = known.get(golden.question_id)
    if question is None:
        raise GoldenSetError(
            f"{source}: question_id: unknown question {golden.question_id!r} in rubric set "
            f"{rubric_set.id!r} (known: {', '.join(sorted(known))})"
        )
    problems = [
        f"{source}: answers[{index}] (id {answer.id!r}).expect.{problem}"
        for index, answer in enumerate(golden.answers)
        for problem in _unknown_ids(answer.expect, question)
    ]
    if problems:
        raise GoldenSetError("\n".join(problems), problems)


def _unknown_ids(expect: Expectations, question: Question) -> list[str]:
    problems = []
    dims = question.applicable_dimensions()
    for dim in expect.dimensions:
        if dim not in dims:
            problems.append(
                f"dimensions.{dim}: question {question.id!r} is not scored on dimension {dim!r} "
                f"(scored on: {', '.join(dims)})"
            )
    flags = [r.id for r in question.red_flags]
    for kind, ids in (("present", expect.red_flags.present), ("absent", expect.red_flags.absent)):
        for index, flag in enumerate(ids):
            if flag not in flags:
                problems.append(
                    f"red_flags.{kind}[{index}]: question {question.id!r} has no red flag "
                    f"{flag!r} (known: {', '.join(flags) or 'none'})"
                )
    return problems


def golden_files(paths: Iterable[str | Path]) -> list[Path]:
    """The golden set files named by ``paths``: files as given; a folder's ``*.yaml`` sorted.

    Folders are not searched recursively (a cassette folder beside them is not read).
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
            if not found:
                raise GoldenSetError(f"{path}: no golden set files (*.yaml) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise GoldenSetError(f"{path}: no such file or folder")
    return files


def load_golden_sets(
    paths: Sequence[str | Path], rubric_set: RubricSet
) -> list[tuple[Path, GoldenSet]]:
    """Load every golden set under ``paths``, checked against ``rubric_set``.

    All problems across all files are collected into one ``GoldenSetError``; the same
    (question id, answer id) in two files is an error, since results are keyed by it.
    """
    loaded: list[tuple[Path, GoldenSet]] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], Path] = {}
    for path in golden_files(paths):
        try:
            golden = golden_set_from_file(path, rubric_set)
        except GoldenSetError as exc:
            problems.extend(exc.problems)
            continue
        for answer in golden.answers:
            key = (golden.question_id, answer.id)
            if key in seen:
                problems.append(
                    f"{path}: answer {answer.id!r} of question {golden.question_id!r} is also "
                    f"in {seen[key]}"
                )
            seen.setdefault(key, path)
        loaded.append((path, golden))
    if problems:
        raise GoldenSetError("\n".join(problems), problems)
    return loaded


def golden_schema_text() -> str:
    """The JSON Schema of golden set files, as written to ``golden/golden.schema.json``."""
    schema = GoldenSet.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "answer-eval golden set"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(golden_schema_text(), end="")
