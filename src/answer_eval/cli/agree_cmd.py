"""``answer-eval agree``: agreement of evaluations with human raters.

Exit codes: 0 ok; 2 usage or input error. See docs/regression.md.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from answer_eval.batch.input import read_records
from answer_eval.errors import InputError

EXIT_OK = 0


def register(commands: Any) -> None:
    """Add the ``agree`` command."""
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


def run_agree(args: argparse.Namespace) -> int:
    """Run ``answer-eval agree``."""
    from answer_eval.regression.agreement import (
        METRICS,
        agreement_report,
        join_scores,
        label_rows,
    )

    if args.bootstrap < 0 or not 0 < args.confidence < 1:
        raise InputError("--bootstrap must be >= 0 and --confidence between 0 and 1")
    overall, dims, unmatched, unscored = join_scores(
        label_rows(read_records(args.labels)), read_records(args.evaluations)
    )
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
