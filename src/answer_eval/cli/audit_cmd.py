"""``answer-eval audit impact | verify``: fairness figures and audit records.

Exit codes: 0 ok; 1 an audit log that does not verify; 2 usage or input error. See docs/fairness.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from answer_eval.errors import InputError

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: Any) -> None:
    """Add the ``audit`` command group."""
    group = commands.add_parser(
        "audit",
        help="impact ratios and audit-log verification",
        description="Figures and records for a bias audit. They inform people; they do not make "
        "hiring decisions or establish legal compliance. See docs/fairness.md.",
    )
    sub = group.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    impact = sub.add_parser(
        "impact",
        help="scoring and selection rates and impact ratios by sex, race/ethnicity and both",
        description="Join RESULTS (JSONL from 'answer-eval batch'; the last record per id wins) "
        "to a demographics file (CSV or JSONL) by id, and report per category the number "
        "assessed, the scoring rate (share scoring above the sample median) and its impact "
        "ratio, as NYC's rule for automated employment decision tools defines them; with "
        "--selected, selection rates too. Unknown categories are counted, not rated.",
        epilog="Exit codes: 0 ok; 2 usage or input error.",
    )
    impact.add_argument("results", type=Path, metavar="RESULTS", help="JSONL written by batch")
    impact.add_argument(
        "--demographics",
        type=Path,
        required=True,
        metavar="FILE",
        help="CSV or JSONL with an id and the categories",
    )
    impact.add_argument("--id-column", default="id", metavar="NAME", help="(id)")
    impact.add_argument("--sex-column", default="sex", metavar="NAME", help="(sex)")
    impact.add_argument(
        "--race-column", default="race_ethnicity", metavar="NAME", help="(race_ethnicity)"
    )
    impact.add_argument(
        "--selected",
        choices=("strong_yes", "yes", "mixed", "no"),
        help="also report selection rates, counting this recommendation or better as selected",
    )
    impact.add_argument(
        "--min-share",
        type=float,
        default=0.02,
        metavar="X",
        help="rate categories of at least this share of the sample (0.02)",
    )
    impact.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="resamples")
    impact.add_argument("--seed", type=int, default=0, help="bootstrap seed (0)")
    impact.add_argument("--confidence", type=float, default=0.95, help="interval level (0.95)")
    impact.add_argument("--format", choices=("table", "json"), default="table")
    impact.set_defaults(run=run_impact)

    verify = sub.add_parser(
        "verify",
        help="check an audit log's hash chain",
        description="Check every line of an audit log written with --audit-log: an edited, "
        "dropped, inserted or reordered line, or a torn last line, fails with the first bad "
        "line's number. Keep the head it prints somewhere safe and pass it back with --head "
        "(and --entries) to detect lines cut from the end.",
        epilog="Exit codes: 0 verified; 1 the log does not verify; 2 usage or input error.",
    )
    verify.add_argument("log", type=Path, metavar="LOG", help="audit log (JSONL)")
    verify.add_argument("--head", metavar="HASH", help="the last hash a previous check reported")
    verify.add_argument("--entries", type=int, metavar="N", help="entries a previous check found")
    verify.set_defaults(run=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    """Run ``answer-eval audit verify``."""
    from answer_eval.audit.log import verify_log

    check = verify_log(args.log, head=args.head, entries=args.entries)
    if not check.ok:
        print(f"{args.log}: line {check.line}: {check.problem}", file=sys.stderr)
        print(f"{check.entries} entries verified before it", file=sys.stderr)
        return EXIT_FAILED
    print(f"{check.entries} entries verified; head {check.head}")
    return EXIT_OK


def run_impact(args: argparse.Namespace) -> int:
    """Run ``answer-eval audit impact``."""
    from answer_eval.audit.demographics import Columns, join, read_demographics, read_results
    from answer_eval.audit.impact import impact_report
    from answer_eval.audit.impact_report import impact_json, render_impact_text

    if not 0 <= args.min_share < 1 or not 0 < args.confidence < 1 or args.bootstrap < 0:
        raise InputError(
            "--min-share must be in [0, 1), --confidence in (0, 1), --bootstrap at least 0"
        )
    results, unreadable = read_results(args.results)
    columns = Columns(args.id_column, args.sex_column, args.race_column)
    joined = join(results, read_demographics(args.demographics, columns), unreadable)
    if not any(p.status == "scored" for p in joined.people):
        raise InputError(f"{args.results}: no scored results")
    report = impact_report(
        joined.people,
        sexes=joined.sexes,
        races=joined.races,
        selected=args.selected,
        min_share=args.min_share,
        resamples=args.bootstrap,
        seed=args.seed,
        confidence=args.confidence,
    )
    if args.format == "json":
        print(_json(impact_json(report, joined)))
    else:
        print(render_impact_text(report, joined), end="")
    return EXIT_OK


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
