"""Regression runs over golden sets: expectations, baselines, drift and stability.

* ``check_expectations`` grades one ``Evaluation`` against a golden answer's expectations; a
  failed check carries the evidence behind it (the quotes that earned the score or fired the
  red flag), so a reader sees *why* without opening the result.
* ``run_golden`` / ``arun_golden`` judge every golden answer ``repeat`` times.
* ``Baseline`` stores a run (scores, recommendation and red flags per answer; rubric hash, prompt
  hash and model per question); ``compare`` reports drift against it: per question and dimension
  the mean shift beyond a tolerance, flips of red flags, recommendations and status, and the
  questions whose rubric, prompt or model changed (reported, but not drift by itself).
* ``stability`` summarises repeated runs: the share of identical results and the spread.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from answer_eval._version import __version__
from answer_eval.evaluation import Evaluation, Evidence
from answer_eval.evaluator import Evaluator
from answer_eval.golden import Expectations, GoldenAnswer, GoldenSet, ScoreBand
from answer_eval.rubric import Recommendation

__all__ = [
    "AnswerOutcome",
    "AnswerRecord",
    "Baseline",
    "Check",
    "DriftReport",
    "Flip",
    "QuestionRecord",
    "RegressionRun",
    "Shift",
    "Stability",
    "arun_golden",
    "baseline_of",
    "check_expectations",
    "compare",
    "load_baseline",
    "run_answer",
    "run_golden",
    "stability",
]


@dataclass(frozen=True)
class Check:
    """One expectation and whether it held; ``evidence`` explains a failure."""

    name: str
    passed: bool
    expected: str
    actual: str
    evidence: tuple[str, ...] = ()


def _quote(evidence: Evidence) -> str:
    text = " ".join((evidence.span.text if evidence.span else evidence.quote).split())
    return f'"{text}"' + ("" if evidence.verified else " [NOT IN ANSWER]")


def _summary_evidence(ev: Evaluation) -> tuple[str, ...]:
    """What an overall score or recommendation rests on: scores, criteria and red flags."""
    scores = ", ".join(f"{d.id} {d.score}" for d in ev.dimensions if d.status == "scored")
    met = [c.id for c in ev.criteria if c.verdict == "met"]
    missed = [c.id for c in ev.criteria if c.verdict == "not_met"]
    lines = [
        f"dimension scores: {scores or 'none'}",
        f"criteria met: {', '.join(met) or 'none'}; not met: {', '.join(missed) or 'none'}",
    ]
    for flag in ev.red_flags:
        if flag.present:
            quotes = "; ".join(_quote(e) for e in flag.evidence[:2] if e.verified)
            lines.append(f"red flag {flag.id} ({flag.severity}): {quotes}")
    return tuple(lines)


def _band(name: str, band: ScoreBand, value: float, evidence: tuple[str, ...]) -> Check:
    ok = band.contains(value)
    return Check(name, ok, band.describe(), f"{value:g}", () if ok else evidence)


def check_expectations(expect: Expectations, ev: Evaluation) -> list[Check]:
    """Check ``ev`` against ``expect``; one ``Check`` per expectation."""
    if ev.status != expect.status or ev.status == "unscored":
        actual = ev.status if ev.status == "scored" else f"unscored ({ev.unscored_reason})"
        evidence: tuple[str, ...] = (ev.detail,) if ev.detail else ()
        return [Check("status", ev.status == expect.status, expect.status, actual, evidence)]
    checks: list[Check] = []
    if expect.overall is not None and ev.overall is not None:
        checks.append(_band("overall", expect.overall, ev.overall, _summary_evidence(ev)))
    if expect.recommendation is not None:
        ok = ev.recommendation in expect.recommendation
        checks.append(
            Check(
                "recommendation",
                ok,
                " | ".join(expect.recommendation),
                str(ev.recommendation),
                () if ok else _summary_evidence(ev),
            )
        )
    for dim_id, band in expect.dimensions.items():
        dim = next(d for d in ev.dimensions if d.id == dim_id)
        if dim.score is None:
            checks.append(Check(dim_id, False, band.describe(), "not scored", (dim.reason or "",)))
            continue
        rationale = (f"rationale: {dim.rationale}",) if dim.rationale else ()
        quotes = tuple(_quote(e) for e in dim.evidence) + rationale
        checks.append(_band(dim_id, band, dim.score, quotes or ("no quotes",)))
    flags = {f.id: f for f in ev.red_flags}
    for want, ids in ((True, expect.red_flags.present), (False, expect.red_flags.absent)):
        for flag_id in ids:
            flag = flags[flag_id]
            ok = flag.present == want
            shown = [_quote(e) for e in flag.evidence]
            if flag.present:
                shown.append(f"found by {' + '.join(flag.detected_by)}")
            shown = shown or ["nothing in the answer was found for it"]
            evidence = () if ok else tuple(shown)
            expected, actual = ("present" if b else "absent" for b in (want, flag.present))
            checks.append(Check(f"red flag {flag_id}", ok, expected, actual, evidence))
    found = ev.star.found() if ev.star else []
    for part in expect.star:
        ok = part in found
        claim = getattr(ev.star, part) if ev.star else None
        evidence = () if ok else ((_quote(claim),) if claim else ("the judge gave no quote",))
        checks.append(Check(f"STAR {part}", ok, "found", "found" if ok else "missing", evidence))
    return checks


@dataclass(frozen=True)
class AnswerOutcome:
    """A golden answer, its evaluations (one per repeat) and the checks of each run."""

    file: Path
    question_id: str
    answer: GoldenAnswer
    runs: tuple[Evaluation, ...]
    checks: tuple[tuple[Check, ...], ...]

    @property
    def key(self) -> str:
        """``question_id/answer_id``: how baselines and reports name the answer."""
        return f"{self.question_id}/{self.answer.id}"

    @property
    def passed(self) -> bool:
        """True when every check of every run held."""
        return all(c.passed for run in self.checks for c in run)

    def failures(self) -> list[tuple[int, Check]]:
        """(run number from 1, check) for every failed check."""
        return [(n, c) for n, run in enumerate(self.checks, 1) for c in run if not c.passed]


def _outcome(
    file: Path, golden: GoldenSet, answer: GoldenAnswer, runs: Sequence[Evaluation]
) -> AnswerOutcome:
    checks = tuple(tuple(check_expectations(answer.expect, ev)) for ev in runs)
    return AnswerOutcome(file, golden.question_id, answer, tuple(runs), checks)


def run_answer(
    evaluator: Evaluator, file: Path, golden: GoldenSet, answer: GoldenAnswer
) -> AnswerOutcome:
    """Judge one golden answer once and check it (synchronous; the pytest plugin uses it)."""
    ev = evaluator.evaluate(golden.question_id, answer.answer, answer_id=answer.id)
    return _outcome(file, golden, answer, [ev])


@dataclass(frozen=True)
class RegressionRun:
    """The outcomes of one regression run, in golden file order."""

    outcomes: list[AnswerOutcome]
    repeat: int
    rubric_set: str
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def passed(self) -> bool:
        """True when every answer passed."""
        return all(o.passed for o in self.outcomes)


async def arun_golden(
    evaluator: Evaluator,
    golden_sets: Sequence[tuple[Path, GoldenSet]],
    *,
    repeat: int = 1,
    concurrency: int = 4,
) -> RegressionRun:
    """Judge every golden answer ``repeat`` times, at most ``concurrency`` calls at once."""
    if repeat < 1 or concurrency < 1:
        raise ValueError("repeat and concurrency must be at least 1")
    gate = asyncio.Semaphore(concurrency)

    async def judged(golden: GoldenSet, answer: GoldenAnswer) -> Evaluation:
        async with gate:
            return await evaluator.aevaluate(golden.question_id, answer.answer, answer_id=answer.id)

    jobs = [(f, g, a) for f, g in golden_sets for a in g.answers]
    results = await asyncio.gather(*(judged(g, a) for _, g, a in jobs for _ in range(repeat)))
    outcomes = [
        _outcome(f, g, a, results[i * repeat : (i + 1) * repeat])
        for i, (f, g, a) in enumerate(jobs)
    ]
    rubric = evaluator.rubric_set
    return RegressionRun(outcomes, repeat, f"{rubric.id}@{rubric.version}")


def run_golden(
    evaluator: Evaluator,
    golden_sets: Sequence[tuple[Path, GoldenSet]],
    *,
    repeat: int = 1,
    concurrency: int = 4,
) -> RegressionRun:
    """Synchronous ``arun_golden`` (not from inside a running event loop)."""
    return asyncio.run(arun_golden(evaluator, golden_sets, repeat=repeat, concurrency=concurrency))


# ---------------------------------------------------------------------------- baselines


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


# ---------------------------------------------------------------------------- drift


@dataclass(frozen=True)
class Shift:
    """Mean score change of one question's answers on one dimension (or ``overall``)."""

    question_id: str
    dimension: str
    answers: int
    before: float
    after: float
    drifted: bool

    @property
    def shift(self) -> float:
        """``after - before`` (mean of the per-answer differences)."""
        return self.after - self.before


@dataclass(frozen=True)
class Flip:
    """A categorical change of one answer: status, recommendation or a red flag."""

    question_id: str
    answer_id: str
    what: str
    before: str
    after: str


@dataclass(frozen=True)
class DriftReport:
    """A run compared with a baseline."""

    tolerance: float
    shifts: list[Shift]
    flips: list[Flip]
    rubric_changed: list[str]
    prompt_changed: list[str]
    model_changed: list[str]
    missing: list[str]
    added: list[str]

    @property
    def drifted(self) -> list[Shift]:
        """Shifts beyond the tolerance."""
        return [s for s in self.shifts if s.drifted]

    @property
    def has_drift(self) -> bool:
        """True when a mean moved beyond the tolerance or anything flipped."""
        return bool(self.drifted or self.flips)

    def questions(self) -> list[str]:
        """Ids of the questions the report names: drift, flips, or a changed rubric/prompt/model."""
        named = {s.question_id for s in self.drifted} | {f.question_id for f in self.flips}
        named |= set(self.rubric_changed) | set(self.prompt_changed) | set(self.model_changed)
        return sorted(named)


def _flips(before: AnswerRecord, after: AnswerRecord) -> list[Flip]:
    q, a = after.question_id, after.answer_id
    flips = []
    if before.status != after.status:
        flips.append(Flip(q, a, "status", before.status, after.status))
    if before.recommendation != after.recommendation and "unscored" not in (
        before.status,
        after.status,
    ):
        flips.append(
            Flip(q, a, "recommendation", str(before.recommendation), str(after.recommendation))
        )
    for flag in sorted(set(before.red_flags) ^ set(after.red_flags)):
        was = "present" if flag in before.red_flags else "absent"
        now = "present" if flag in after.red_flags else "absent"
        flips.append(Flip(q, a, f"red flag {flag}", was, now))
    return flips


def compare(baseline: Baseline, current: Baseline, *, tolerance: float = 0.25) -> DriftReport:
    """Drift of ``current`` from ``baseline``: mean shifts per question and dimension beyond
    ``tolerance`` (1-5 scale), flips, and the questions whose rubric, prompt or model changed."""
    old = {r.key: r for r in baseline.answers}
    new = {r.key: r for r in current.answers}
    pairs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    flips: list[Flip] = []
    for key in [k for k in new if k in old]:
        before, after = old[key], new[key]
        flips += _flips(before, after)
        values = [("overall", before.overall, after.overall)]
        values += [(d, v, after.dimensions.get(d)) for d, v in before.dimensions.items()]
        for dim, b, c in values:
            if b is not None and c is not None:
                pairs.setdefault((after.question_id, dim), []).append((b, c))
    shifts = []
    for (question_id, dim), scores in pairs.items():
        b, c = fmean(v[0] for v in scores), fmean(v[1] for v in scores)
        drifted = abs(c - b) > tolerance + 1e-9
        shifts.append(Shift(question_id, dim, len(scores), round(b, 4), round(c, 4), drifted))
    both = [q for q in current.questions if q in baseline.questions]

    def changed(attr: str) -> list[str]:
        return sorted(
            q
            for q in both
            if getattr(baseline.questions[q], attr) != getattr(current.questions[q], attr)
        )

    return DriftReport(
        tolerance=tolerance,
        shifts=shifts,
        flips=flips,
        rubric_changed=changed("rubric_hash"),
        prompt_changed=changed("prompt_hash"),
        model_changed=changed("model"),
        missing=sorted(k for k in old if k not in new),
        added=sorted(k for k in new if k not in old),
    )


# ---------------------------------------------------------------------------- stability


@dataclass(frozen=True)
class AnswerStability:
    """How much repeated judging of one answer agreed with itself."""

    key: str
    runs: int
    identical: float
    overall_spread: float
    dimension_spread: int


@dataclass(frozen=True)
class Stability:
    """Stability of a run with repeats: per answer and in summary."""

    repeat: int
    answers: list[AnswerStability]

    @property
    def identical_share(self) -> float:
        """Share of answers whose every run gave the very same result."""
        return sum(a.identical == 1 for a in self.answers) / max(1, len(self.answers))

    @property
    def mean_identical(self) -> float:
        """Mean over answers of the share of runs identical to the most common result."""
        return fmean(a.identical for a in self.answers) if self.answers else 1.0

    @property
    def max_spread(self) -> float:
        """Largest max-min range of an answer's overall score across its runs."""
        return max((a.overall_spread for a in self.answers), default=0.0)


def _signature(ev: Evaluation) -> tuple[object, ...]:
    dims = tuple((d.id, d.score) for d in ev.dimensions)
    flags = tuple(f.id for f in ev.red_flags if f.present)
    return (ev.status, ev.overall, ev.recommendation, dims, flags)


def stability(run: RegressionRun) -> Stability:
    """Per answer: share of runs identical to the most common result, and the score spread."""
    answers = []
    for outcome in run.outcomes:
        runs = outcome.runs
        top = Counter(_signature(ev) for ev in runs).most_common(1)[0][1]
        overall = [ev.overall for ev in runs if ev.overall is not None]
        per_dim: dict[str, list[int]] = {}
        for ev in runs:
            for d in ev.dimensions:
                if d.score is not None:
                    per_dim.setdefault(d.id, []).append(d.score)
        answers.append(
            AnswerStability(
                key=outcome.key,
                runs=len(runs),
                identical=top / len(runs),
                overall_spread=round(max(overall) - min(overall), 4) if overall else 0.0,
                dimension_spread=max((max(v) - min(v) for v in per_dim.values()), default=0),
            )
        )
    return Stability(run.repeat, answers)
