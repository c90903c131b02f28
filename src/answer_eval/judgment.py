"""The Judgment: what a judge must return about one answer (the model's contract).

Kept apart from the public ``Evaluation``: a judgment holds *claims* (quotes, verdicts, scores)
that grounding and scoring still have to check. Within every item the evidence comes first, then
the rationale, then the verdict or score, so a generating model commits to quotes before grading.

``judgment_schema(question)`` builds the JSON Schema for one question: one required property per
applicable dimension, criterion and red flag, so constrained decoding cannot skip any of them.
``parse_judgment(data, question)`` validates a reply against the generic model and checks that it
covers exactly that question's ids; its errors are what a judge re-asks with.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from answer_eval.rubrics.models import Question

__all__ = [
    "CriterionJudgment",
    "DimensionJudgment",
    "InjectionJudgment",
    "Judgment",
    "JudgmentError",
    "RedFlagJudgment",
    "StarJudgment",
    "Verdict",
    "judgment_schema",
    "parse_judgment",
]

Verdict = Literal["met", "partial", "not_met"]
STAR_PARTS = ("situation", "task", "action", "result")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DimensionJudgment(_Model):
    """The judge's view of one dimension."""

    evidence: list[str] = Field(description="Verbatim quotes from the answer supporting the score.")
    rationale: str = Field(description="Why the evidence earns this score on the anchored scale.")
    score: int | None = Field(
        ge=1, le=5, description="1-5 on the anchored scale; null when the answer gives no basis."
    )


class StarJudgment(_Model):
    """One verbatim quote (or null) for each STAR component."""

    situation: str | None = Field(description="Quote that sets the situation, or null.")
    task: str | None = Field(description="Quote that states the candidate's own task, or null.")
    action: str | None = Field(description="Quote of an action the candidate took, or null.")
    result: str | None = Field(description="Quote of the result or outcome, or null.")


class CriterionJudgment(_Model):
    """Whether the answer meets one best-response criterion."""

    evidence: list[str] = Field(description="Verbatim quotes from the answer.")
    verdict: Verdict = Field(description="met, partial or not_met.")


class RedFlagJudgment(_Model):
    """Whether one red flag shows in the answer."""

    evidence: list[str] = Field(
        description="Verbatim quotes showing the red flag (empty if absent)."
    )
    present: bool = Field(description="True when the answer shows the red flag.")


class InjectionJudgment(_Model):
    """Whether the answer tries to instruct the evaluator."""

    evidence: list[str] = Field(description="Verbatim quotes that address the evaluator.")
    detected: bool = Field(description="True when the answer tries to steer its own grade.")


class Judgment(_Model):
    """Everything a judge claims about one answer to one question."""

    dimensions: dict[str, DimensionJudgment] = Field(description="Per applicable dimension id.")
    star: StarJudgment = Field(description="STAR components found in the answer.")
    criteria: dict[str, CriterionJudgment] = Field(description="Per criterion id.")
    red_flags: dict[str, RedFlagJudgment] = Field(description="Per red flag id.")
    injection: InjectionJudgment = Field(description="Attempts to instruct the evaluator.")


class JudgmentError(ValueError):
    """A reply is not a valid judgment for the question; ``problems`` is what to re-ask with."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def parse_judgment(data: Any, question: Question) -> Judgment:
    """Validate ``data`` (decoded JSON) as a judgment covering exactly ``question``'s ids."""
    try:
        judgment = Judgment.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors(include_url=False)
        ]
        raise JudgmentError(problems) from exc
    problems = []
    for label, got, want in (
        ("dimensions", judgment.dimensions, question.applicable_dimensions()),
        ("criteria", judgment.criteria, [c.id for c in question.criteria]),
        ("red_flags", judgment.red_flags, [r.id for r in question.red_flags]),
    ):
        missing = [k for k in want if k not in got]
        extra = [k for k in got if k not in want]
        if missing:
            problems.append(f"{label}: missing {missing}")
        if extra:
            problems.append(f"{label}: unexpected {extra} (allowed: {want})")
    if problems:
        raise JudgmentError(problems)
    return judgment


_QUOTES = {"type": "array", "items": {"type": "string"}}
_QUOTE_OR_NULL = {"type": ["string", "null"]}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def judgment_schema(question: Question) -> dict[str, Any]:
    """JSON Schema of a judgment for ``question``, usable by OpenAI strict structured output.

    Compact, because in ``json_schema`` mode it is billed as prompt tokens on every answer: each
    item shape the question uses is defined once under ``$defs`` and referenced per id, and it
    carries no descriptions (the system prompt already says what each key means).
    """
    dimensions = question.applicable_dimensions()
    criteria = [c.id for c in question.criteria]
    red_flags = [r.id for r in question.red_flags]
    item_shapes = {
        "dimension": (
            dimensions,
            {
                "evidence": _QUOTES,
                "rationale": {"type": "string"},
                # an enum, not minimum/maximum: constrained decoders (llama.cpp grammars) enforce
                # enums but not numeric bounds, and OpenAI strict mode accepts both
                "score": {"enum": [1, 2, 3, 4, 5, None]},
            },
        ),
        "criterion": (
            criteria,
            {"evidence": _QUOTES, "verdict": {"enum": list(get_args(Verdict))}},
        ),
        "red_flag": (red_flags, {"evidence": _QUOTES, "present": {"type": "boolean"}}),
    }
    schema = _object(
        {
            "dimensions": _object({d: _ref("dimension") for d in dimensions}),
            "star": _object(dict.fromkeys(STAR_PARTS, _QUOTE_OR_NULL)),
            "criteria": _object({c: _ref("criterion") for c in criteria}),
            "red_flags": _object({r: _ref("red_flag") for r in red_flags}),
            "injection": _object({"evidence": _QUOTES, "detected": {"type": "boolean"}}),
        }
    )
    schema["$defs"] = {name: _object(shape) for name, (ids, shape) in item_shapes.items() if ids}
    return schema
