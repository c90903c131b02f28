"""Regression runs for people and tools: the text table and JSON of a golden run, drift and
stability (``answer-eval regress`` prints these)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from answer_eval.regression.baseline import Baseline
from answer_eval.regression.drift import DriftReport, Stability
from answer_eval.regression.run import AnswerOutcome, RegressionRun

__all__ = ["drift_json", "outcome_json", "render_drift", "render_run", "render_stability",
           "stability_json"]  # fmt: skip


def outcome_json(o: AnswerOutcome) -> dict[str, Any]:
    return {
        "file": str(o.file),
        "question_id": o.question_id,
        "answer_id": o.answer.id,
        "kind": o.answer.kind,
        "passed": o.passed,
        "overall": [ev.overall for ev in o.runs],
        "recommendation": [ev.recommendation for ev in o.runs],
        "failures": [{"run": n, **asdict(c)} for n, c in o.failures()],
    }


def drift_json(d: DriftReport) -> dict[str, Any]:
    return {
        "has_drift": d.has_drift,
        "tolerance": d.tolerance,
        "questions": d.questions(),
        "shifts": [{**asdict(s), "shift": round(s.shift, 4)} for s in d.shifts],
        "flips": [asdict(f) for f in d.flips],
        **{k: getattr(d, k) for k in ("rubric_changed", "prompt_changed", "model_changed")},
        "missing": d.missing,
        "added": d.added,
    }


def stability_json(s: Stability) -> dict[str, Any]:
    return {
        "repeat": s.repeat,
        "identical_share": s.identical_share,
        "mean_identical": s.mean_identical,
        "max_spread": s.max_spread,
        "answers": [asdict(a) for a in s.answers],
    }


def render_run(run: RegressionRun, current: Baseline) -> str:
    lines = [f"{'RESULT':6}  {'ANSWER':58} {'KIND':9} {'OVERALL':>7}  RECOMMENDATION"]
    for o in run.outcomes:
        ev = o.runs[0]
        overall = f"{ev.overall:.2f}" if ev.overall is not None else "-"
        lines.append(
            f"{'pass' if o.passed else 'FAIL':6}  {o.key:58} {o.answer.kind:9} {overall:>7}  "
            f"{ev.recommendation or ev.unscored_reason}"
        )
        failures = o.failures()
        runs = sorted({n for n, _ in failures})
        if run.repeat > 1 and failures:
            lines.append(f"        failed in run(s) {', '.join(map(str, runs))} of {run.repeat}")
        for n, check in failures:
            if n != runs[0]:
                continue
            lines.append(f"        x {check.name}: expected {check.expected}, got {check.actual}")
            lines += [f"            {e}" for e in check.evidence]
    failed = sum(not o.passed for o in run.outcomes)
    checks = sum(len(c) for o in run.outcomes for c in o.checks)
    judges = sorted({f"{q.judge} {q.model}" for q in current.questions.values()})
    lines.append(
        f"\n{len(run.outcomes)} answers in {len(current.questions)} question(s): "
        f"{len(run.outcomes) - failed} passed, {failed} failed ({checks} checks; judge: "
        f"{', '.join(judges)})"
    )
    return "\n".join(lines) + "\n"


def render_drift(d: DriftReport, path: Path) -> str:
    lines = [f"\nDrift against {path} (tolerance {d.tolerance:g} on the 1-5 scale)"]
    for s in sorted(d.drifted, key=lambda s: (s.question_id, s.dimension)):
        lines.append(
            f"  DRIFT {s.question_id} {s.dimension}: {s.before:.2f} -> {s.after:.2f} "
            f"({s.shift:+.2f}, {s.answers} answers)"
        )
    for f in d.flips:
        lines.append(f"  FLIP  {f.question_id}/{f.answer_id} {f.what}: {f.before} -> {f.after}")
    for label, ids in (
        ("rubric changed", d.rubric_changed),
        ("prompt changed", d.prompt_changed),
        ("model changed", d.model_changed),
    ):
        lines += [f"  {label}: {q}" for q in ids]
    if d.missing:
        lines.append(f"  not in this run: {', '.join(d.missing)}")
    if d.added:
        lines.append(f"  not in the baseline: {', '.join(d.added)}")
    verdict = "drift" if d.has_drift else "no drift"
    named = ", ".join(d.questions()) or "none"
    lines.append(f"{verdict}; questions named: {named}")
    return "\n".join(lines) + "\n"


def render_stability(s: Stability) -> str:
    lines = [
        f"\nStability over {s.repeat} runs: {s.identical_share:.0%} of answers identical in "
        f"every run; mean identical share {s.mean_identical:.2f}; "
        f"largest overall spread {s.max_spread:.2f}"
    ]
    for a in s.answers:
        if a.identical < 1:
            lines.append(
                f"  unstable {a.key}: identical {a.identical:.0%}, overall spread "
                f"{a.overall_spread:.2f}, dimension spread {a.dimension_spread}"
            )
    return "\n".join(lines) + "\n"
