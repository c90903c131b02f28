"""``answer-eval regress``: golden sets, baselines, drift.

Exit codes: 0 ok; 1 an expectation failed or the run drifted from the baseline; 2 usage or
input error (an invalid golden set names its file and field). See docs/regression.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer_eval.cli.options import add_judge_options, judge_from_args
from answer_eval.errors import InputError

if TYPE_CHECKING:
    from answer_eval.audit.counterfactual import CounterfactualReport
    from answer_eval.evaluator import Evaluator
    from answer_eval.regression.golden import GoldenSet

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: Any) -> None:
    """Add the ``regress`` command."""
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


# ---------------------------------------------------------------------------- regress


def run_regress(args: argparse.Namespace) -> int:
    """Run ``answer-eval regress``."""
    from answer_eval.evaluator import Evaluator
    from answer_eval.regression.baseline import baseline_of, load_baseline
    from answer_eval.regression.drift import compare, stability
    from answer_eval.regression.golden import load_golden_sets
    from answer_eval.regression.run import run_golden
    from answer_eval.reports.regression import (
        drift_json,
        outcome_json,
        render_drift,
        render_run,
        render_stability,
        stability_json,
    )
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

        recording = use_cassette(args.cassette, args.record_mode)  # no vcrpy: exit 2 here
        unrecorded = unrecorded_call_error()
        try:
            with recording as cassette:
                run = run_golden(
                    evaluator, golden, repeat=args.repeat, concurrency=args.concurrency
                )
                counterfactual = _counterfactual(args, evaluator, golden)
        except unrecorded as exc:
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
        report: dict[str, Any] = {
            "passed": run.passed and not (drift and drift.has_drift) and fair,
            "answers": [outcome_json(o) for o in run.outcomes],
            "drift": drift_json(drift) if drift else None,
            "stability": stability_json(steady) if steady else None,
        }
        if counterfactual is not None:
            from answer_eval.audit.counterfactual import counterfactual_json

            report["counterfactual"] = counterfactual_json(counterfactual)
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render_run(run, current), end="")
        if drift is not None:
            print(render_drift(drift, args.baseline), end="")
        if steady is not None:
            print(render_stability(steady), end="")
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
