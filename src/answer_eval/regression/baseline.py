"""Baselines: a regression run saved to compare later runs against.

``Baseline`` stores a run: scores, recommendation and red flags per answer (with repeats, means
and majority votes over the runs), and rubric hash, prompt hash and model per question.
``baseline_of`` makes one from a ``RegressionRun``; ``load_baseline`` reads one back from JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from answer_eval._version import __version__
from answer_eval.regression.run import AnswerOutcome, RegressionRun
from answer_eval.rubrics.models import Recommendation

__all__ = [
    "AnswerRecord",
    "Baseline",
    "QuestionRecord",
    "baseline_of",
    "load_baseline",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionRecord(_Model):
    """What judged a question's answers: rubric and prompt versions and the model."""

    rubric_hash: str = Field(description="Content hash of the question's rubric (SHA-256).")
    prompt_hash: str = Field(description="Hash of the prompt templates (SHA-256).")
    judge: str = Field(description="Kind of judge: openai, offline or fake.")
    model: str = Field(description="Model name as the judge reported it.")


class AnswerRecord(_Model):
    """One golden answer's result; with repeats, means and majority votes over the runs."""

    file: str = Field(description="The golden set file the answer comes from.")
    question_id: str = Field(description="Question id.")
    answer_id: str = Field(description="Answer id within its golden set.")
    status: Literal["scored", "unscored"] = Field(description="Most common status of the runs.")
    overall: float | None = Field(default=None, description="Mean overall score (1-5).")
    recommendation: Recommendation | None = Field(
        default=None, description="Most common recommendation."
    )
    dimensions: dict[str, float] = Field(
        default_factory=dict, description="Mean score per scored dimension id (1-5)."
    )
    red_flags: list[str] = Field(
        default_factory=list, description="Ids of red flags present in more than half the runs."
    )

    @property
    def key(self) -> str:
        """``question_id/answer_id``."""
        return f"{self.question_id}/{self.answer_id}"


class Baseline(_Model):
    """A saved regression run to compare later runs against."""

    format: Literal[1] = Field(default=1, description="Version of this file format.")
    created_at: datetime = Field(description="When the run finished (UTC).")
    library_version: str = Field(description="answer-eval version that made the run.")
    rubric_set: str = Field(description="Rubric set id and version, 'id@version'.")
    repeat: int = Field(ge=1, description="Times each answer was judged.")
    questions: dict[str, QuestionRecord] = Field(description="Per question id.")
    answers: list[AnswerRecord] = Field(description="Per golden answer.")


def _mode(values: Sequence[str]) -> str:
    return Counter(values).most_common(1)[0][0]


def _record(outcome: AnswerOutcome) -> AnswerRecord:
    scored = [ev for ev in outcome.runs if ev.status == "scored"]
    statuses = [ev.status for ev in outcome.runs]
    dims: dict[str, list[int]] = {}
    for ev in scored:
        for d in ev.dimensions:
            if d.score is not None:
                dims.setdefault(d.id, []).append(d.score)
    flags = Counter(f.id for ev in scored for f in ev.red_flags if f.present)
    recs = [ev.recommendation for ev in scored if ev.recommendation is not None]
    return AnswerRecord.model_validate(
        {
            "file": str(outcome.file),
            "question_id": outcome.question_id,
            "answer_id": outcome.answer.id,
            "status": _mode(statuses),
            "overall": round(fmean(ev.overall for ev in scored if ev.overall), 4)
            if scored
            else None,
            "recommendation": _mode(recs) if recs else None,
            "dimensions": {k: round(fmean(v), 4) for k, v in dims.items()},
            "red_flags": sorted(k for k, n in flags.items() if n * 2 > len(scored)),
        }
    )


def baseline_of(run: RegressionRun) -> Baseline:
    """The baseline that stores ``run``."""
    questions: dict[str, QuestionRecord] = {}
    for outcome in run.outcomes:
        p = outcome.runs[0].provenance
        questions.setdefault(
            outcome.question_id,
            QuestionRecord(
                rubric_hash=p.rubric_hash, prompt_hash=p.prompt_hash, judge=p.judge, model=p.model
            ),
        )
    return Baseline(
        created_at=run.created_at,
        library_version=__version__,
        rubric_set=run.rubric_set,
        repeat=run.repeat,
        questions=questions,
        answers=[_record(o) for o in run.outcomes],
    )


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; ``InputError`` names the file when it cannot be used."""
    from pydantic import ValidationError

    from answer_eval.errors import InputError

    try:
        return Baseline.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(f"{path}: not a baseline file: {where}: {first['msg']}") from exc
