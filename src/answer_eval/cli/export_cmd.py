"""``answer-eval export RESULTS``: a results log for other systems (CSV, ATS scorecards).

The work is in ``answer_eval.reports`` (``csv_export``, ``ats``). Exit codes: 0 ok; 2 usage or
input error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from answer_eval.cli.report_cmd import load
from answer_eval.errors import InputError

EXIT_OK = 0


def register(commands: Any) -> None:
    """Add the ``export`` command."""
    parser = commands.add_parser(
        "export",
        help="a results file as CSV, or as one ATS scorecard JSON per candidate",
        description="Export the latest result of each answer. --to csv: one row per answer, "
        "cells a spreadsheet would run as a formula prefixed with ' (unless --csv-raw). --to "
        "ats: one scorecard JSON per candidate in the folder -o names, with the recommendation "
        "and 1-4 attribute ratings in the usual ATS vocabulary (mapping: --mapping, default "
        "the shipped reports/ats_mapping.yaml).",
        epilog="Exit codes: 0 ok; 2 usage or input error. See docs/report.md.",
    )
    parser.add_argument("results", type=Path, metavar="RESULTS", help="JSONL written by batch")
    parser.add_argument("--to", choices=("csv", "ats"), required=True, help="what to write")
    parser.add_argument(
        "--output", "-o", type=Path, required=True, metavar="PATH", help="CSV file / ATS folder"
    )
    parser.add_argument("--csv-raw", action="store_true", help="CSV cells exactly as given")
    parser.add_argument("--mapping", type=Path, metavar="FILE", help="ATS vocabulary mapping")
    parser.add_argument("--candidate-field", metavar="NAME", help="field naming the candidate")
    parser.set_defaults(run=run, input=None)


def run(args: argparse.Namespace) -> int:
    """Run ``answer-eval export``."""
    results = load(args)
    if args.to == "csv":
        from answer_eval.reports.csv_export import write_csv

        if args.output.is_dir():
            raise InputError(f"--output {args.output} is a folder; name the CSV file to write")
        count = write_csv(results, args.output, csv_raw=args.csv_raw)
        print(f"wrote {args.output} ({count} answers)", file=sys.stderr)
        return EXIT_OK
    from answer_eval.reports.ats import AtsMapping, write_scorecards

    written = write_scorecards(results, args.output, AtsMapping.load(args.mapping))
    print(f"wrote {len(written)} scorecards to {args.output}", file=sys.stderr)
    return EXIT_OK
