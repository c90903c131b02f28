"""``answer-eval regress`` (golden sets, baselines, drift) and ``answer-eval agree`` (humans).

Exit codes: 0 ok; 1 an expectation failed or the run drifted from the baseline; 2 usage or
input error (an invalid golden set names its file and field). See docs/regression.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer_eval.cli.options import add_judge_options, judge_from_args
from answer_eval.errors import InputError

if TYPE_CHECKING:
    from answer_eval.audit.counterfactual import CounterfactualReport
    from answer_eval.evaluator import Evaluator
    from answer_eval.regression.baseline import Baseline
    from answer_eval.regression.drift import DriftReport, Stability
    from answer_eval.regression.golden import GoldenSet
    from answer_eval.regression.run import AnswerOutcome, RegressionRun

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: Any) -> None:
    """Add the ``regress`` and ``agree`` commands."""
    p = commands.add_parser(
        "regress",
        help="run golden sets; compare with a baseline",
        description="Judge every answer of the golden set files (or folders of them) and check "
        "its expectations: score bands, recommendations, red flags, STAR components. A failed "
        "expectation is shown with the quotes behind it. --save-baseline stores the run; "
        "--baseline compares with a stored run and reports drift per question and dimension.",
        epilog="Exit codes: 0 all passed and no drift; 1 an expectation failed or drift beyond "
        "--tolerance; 2 usage or input error. See docs/regression.md.",
    )
    p.add_argument("golden", nargs="+", type=Path, metavar="GOLDEN", help="file or folder")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--save-baseline", type=Path, metavar="FILE", help="store this run as JSON")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="compare with a stored run")
    p.add_argument(
        "--tolerance",
        type=float,
        default=0.25,
        metavar="X",
        help="mean shift per question and dimension that counts as drift (0.25, 1-5 scale)",
    )
    p.add_argument("--repeat", type=int, default=1, metavar="N", help="judge each answer N times")
    p.add_argument("--concurrency", type=int, default=4, metavar="N", help="calls at once (4)")
    p.add_argument(
        "--cassette",
        type=Path,
        metavar="FILE",
        help="replay the judge's HTTP calls from FILE (vcrpy), or record them with --record-mode",
    )
    p.add_argument(
        "--record-mode",
        choices=("none", "once", "new_episodes", "all"),
        default="none",
        help="with --cassette: none replays only (default); once/all record from the endpoint",
    )
    p.add_argument(
        "--counterfactual",
        action="store_true",
        help="also judge each golden answer with names, pronouns and spelling swapped (as "
        "'audit counterfactual'); a mean shift beyond --tolerance fails the run",
    )
    add_judge_options(p)
    p.set_defaults(run=run_regress)

    a = commands.add_parser(
        "agree",
        help="agreement of evaluations with human raters",
        description="Join human scores (CSV or JSONL: id, question_id, overall 1-5, optional "
        "columns named after dimensions) with evaluations (JSONL from 'answer-eval batch') on "
        "id; report quadratic weighted kappa, Spearman, exact and adjacent agreement and "
        "pairwise ranking accuracy, per question, per dimension and overall, with bootstrap "
        "confidence intervals. Machine scores are rounded half up to 1-5 for kappa, exact and "
        "adjacent agreement.",
        epilog="Exit codes: 0 ok; 2 usage or input error. See docs/regression.md.",
    )
    a.add_argument("labels", type=Path, metavar="LABELS", help="human scores (.csv or .jsonl)")
    a.add_argument("--evaluations", type=Path, required=True, metavar="FILE", help="JSONL")
    a.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="resamples (1000)")
    a.add_argument("--seed", type=int, default=0, help="bootstrap seed (0)")
    a.add_argument("--confidence", type=float, default=0.95, help="interval level (0.95)")
    a.add_argument("--format", choices=("table", "json"), default="table")
    a.set_defaults(run=run_agree)


# ---------------------------------------------------------------------------- regress


def run_regress(args: argparse.Namespace) -> int:
    """Run ``answer-eval regress``."""
    from answer_eval.evaluator import Evaluator
    from answer_eval.regression.baseline import baseline_of, load_baseline
    from answer_eval.regression.drift import compare, stability
    from answer_eval.regression.golden import load_golden_sets
    from answer_eval.regression.run import run_golden
    from answer_eval.rubrics.loading import load_rubric_set

    if args.repeat < 1 or args.concurrency < 1:
        raise InputError("--repeat and --concurrency must be at least 1")
    if args.tolerance < 0:
        raise InputError("--tolerance cannot be negative")
    rubric = load_rubric_set(args.rubrics)
    golden = load_golden_sets(args.golden, rubric)
    baseline = load_baseline(args.baseline) if args.baseline else None
    evaluator = Evaluator(judge=judge_from_args(args), rubric_set=rubric, redact=args.redact)
    if args.cassette is not None:
        from answer_eval.regression.recording import unrecorded_call_error, use_cassette

        try:
            with use_cassette(args.cassette, args.record_mode) as cassette:
                run = run_golden(
                    evaluator, golden, repeat=args.repeat, concurrency=args.concurrency
                )
                counterfactual = _counterfactual(args, evaluator, golden)
        except unrecorded_call_error() as exc:
            raise InputError(
                f"{args.cassette}: the judge made a call the cassette has not recorded (record "
                f"mode {args.record_mode}); an answer, rubric, prompt or judge setting changed: "
                "re-record with --record-mode new_episodes or all"
            ) from exc
        if args.record_mode == "none" and not cassette.all_played:
            print(
                f"warning: {args.cassette} was not fully played: the golden set, rubric, prompt "
                "or judge settings differ from the recording",
                file=sys.stderr,
            )
    else:
        run = run_golden(evaluator, golden, repeat=args.repeat, concurrency=args.concurrency)
        counterfactual = _counterfactual(args, evaluator, golden)
    current = baseline_of(run)
    drift = compare(baseline, current, tolerance=args.tolerance) if baseline else None
    steady = stability(run) if args.repeat > 1 else None
    if args.save_baseline is not None:
        args.save_baseline.parent.mkdir(parents=True, exist_ok=True)
        args.save_baseline.write_text(current.model_dump_json(indent=2) + "\n", "utf-8")
    fair = counterfactual is None or counterfactual.passed
    if args.format == "json":
        report = {
            "passed": run.passed and not (drift and drift.has_drift) and fair,
            "answers": [_outcome_json(o) for o in run.outcomes],
            "drift": _drift_json(drift) if drift else None,
            "stability": _stability_json(steady) if steady else None,
        }
        if counterfactual is not None:
            from answer_eval.audit.counterfactual import counterfactual_json

            report["counterfactual"] = counterfactual_json(counterfactual)
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(_render_run(run, current), end="")
        if drift is not None:
            print(_render_drift(drift, args.baseline), end="")
        if steady is not None:
            print(_render_stability(steady), end="")
        if counterfactual is not None:
            from answer_eval.audit.counterfactual import render_counterfactual_text

            print("\n" + render_counterfactual_text(counterfactual), end="")
    if args.save_baseline is not None:
        print(f"baseline saved to {args.save_baseline}", file=sys.stderr)
    return EXIT_OK if run.passed and not (drift and drift.has_drift) and fair else EXIT_FAILED


def _counterfactual(
    args: argparse.Namespace, evaluator: Evaluator, golden: Sequence[tuple[Path, GoldenSet]]
) -> CounterfactualReport | None:
    """With --counterfactual: the golden answers judged again, rewritten (audit/rewriting)."""
    if not args.counterfactual:
        return None
    from answer_eval.audit.counterfactual import cases_from_golden
    from answer_eval.cli.audit_cmd import counterfactual_run

    return counterfactual_run(args, evaluator, cases_from_golden(golden))


def _outcome_json(o: AnswerOutcome) -> dict[str, Any]:
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


def _drift_json(d: DriftReport) -> dict[str, Any]:
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


def _stability_json(s: Stability) -> dict[str, Any]:
    return {
        "repeat": s.repeat,
        "identical_share": s.identical_share,
        "mean_identical": s.mean_identical,
        "max_spread": s.max_spread,
        "answers": [asdict(a) for a in s.answers],
    }


def _render_run(run: RegressionRun, current: Baseline) -> str:
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


def _render_drift(d: DriftReport, path: Path) -> str:
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


def _render_stability(s: Stability) -> str:
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


# ---------------------------------------------------------------------------- agree


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(``file:line``, record) for each CSV record or JSONL line of ``path``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    if path.suffix.lower() in (".csv", ".tsv"):
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        for record in reader:
            yield f"{path}:{reader.line_num}", dict(record)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}: expected a JSON object")
        dims = record.pop("dimensions", None)
        if isinstance(dims, dict) and "provenance" not in record:  # labels' nested dimensions
            record.update(dims)
        elif dims is not None:
            record["dimensions"] = dims
        yield f"{path}:{number}", record


def run_agree(args: argparse.Namespace) -> int:
    """Run ``answer-eval agree``."""
    from answer_eval.regression.agreement import METRICS, agreement_report, join_scores

    if args.bootstrap < 0 or not 0 < args.confidence < 1:
        raise InputError("--bootstrap must be >= 0 and --confidence between 0 and 1")
    overall, dims, unmatched, unscored = join_scores(_rows(args.labels), _rows(args.evaluations))
    if not overall:
        raise InputError(f"no label in {args.labels} matches a scored evaluation by id")
    report = agreement_report(
        overall,
        dims,
        resamples=args.bootstrap,
        seed=args.seed,
        confidence=args.confidence,
        unmatched=unmatched,
        unscored=unscored,
    )
    if args.format == "json":
        print(json.dumps(asdict(report), indent=2))
        return EXIT_OK
    level = f"{args.confidence:.0%}"
    print(
        f"Agreement with human raters: {len(overall)} answers (bootstrap {args.bootstrap}, "
        f"seed {args.seed}, {level} intervals)"
    )
    print(f"{'GROUP':40} {'N':>5}  " + "  ".join(f"{m.upper():20}" for m in METRICS))
    for group in [report.overall, *report.questions, *report.dimensions]:
        cells = []
        for name in METRICS:
            e = group.metrics[name]
            text = "n/a" if e.value is None else f"{e.value:.2f}"
            if e.low is not None and e.high is not None:
                text += f" [{e.low:.2f}, {e.high:.2f}]"
            cells.append(f"{text:20}")
        label = group.name if group.scope == "overall" else f"{group.scope} {group.name}"
        print(f"{label:40} {group.n:>5}  " + "  ".join(cells))
    if unmatched:
        print(f"labels without an evaluation: {len(unmatched)} ({', '.join(unmatched[:10])})")
    if unscored:
        print(f"labels whose evaluation is unscored: {len(unscored)}")
    print("QWK, exact and adjacent use scores rounded half up to 1-5; Spearman and pairwise don't.")
    return EXIT_OK
