"""Regression runs over golden sets: judging every golden answer and checking its expectations.

* ``check_expectations`` grades one ``Evaluation`` against a golden answer's expectations; a
  failed check carries the evidence behind it (the quotes that earned the score or fired the
  red flag), so a reader sees *why* without opening the result.
* ``run_golden`` / ``arun_golden`` judge every golden answer ``repeat`` times.

``regression.baseline`` stores a run; ``regression.drift`` compares runs and measures the
stability of repeats.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from answer_eval.evaluation import Evaluation, Evidence
from answer_eval.evaluator import Evaluator
from answer_eval.regression.golden import Expectations, GoldenAnswer, GoldenSet, ScoreBand

__all__ = [
    "AnswerOutcome",
    "Check",
    "RegressionRun",
    "arun_golden",
    "check_expectations",
    "run_answer",
    "run_golden",
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
