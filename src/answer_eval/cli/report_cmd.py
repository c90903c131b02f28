"""``answer-eval report RESULTS``: the recruiter's view of a batch's results (text or HTML).

The work is in ``answer_eval.reports`` (reading the log, the table, the HTML page); this module
parses options and writes. Exit codes: 0 ok; 2 usage or input error (a file that is not a
results log is refused, not shown as a page of blanks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from answer_eval.cli.audit_cmd import add_impact_options, impact_of
from answer_eval.errors import InputError

EXIT_OK = 0


def register(commands: Any) -> None:
    """Add the ``report`` command."""
    parser = commands.add_parser(
        "report",
        help="the recruiter's view of a results file written by `batch` (table or --html)",
        description="One line per answer (the latest result of each): candidate, question, "
        "recommendation, score on its 1-5 scale, reasons to review and red flags in full, then "
        "why each flagged answer needs a human. --html writes one self-contained page instead: "
        "per candidate, the dimension scores with the quotes highlighted in the answer text.",
        epilog="Exit codes: 0 ok; 2 usage or input error. See docs/report.md.",
    )
    parser.add_argument("results", type=Path, metavar="RESULTS", help="JSONL written by batch")
    parser.add_argument("--html", type=Path, metavar="FILE", help="write the HTML report to FILE")
    parser.add_argument(
        "--input",
        type=Path,
        metavar="FILE",
        help="the batch's input (JSONL or CSV), for answer texts the results do not hold",
    )
    parser.add_argument("--id-field", default="id", metavar="NAME", help="with --input (id)")
    parser.add_argument("--answer-field", default="answer", metavar="NAME", help="(answer)")
    parser.add_argument(
        "--candidate-field",
        metavar="NAME",
        help="carried input field naming the candidate (default: candidate, candidate_name, "
        "name, full_name or applicant, whichever is there)",
    )
    parser.add_argument("--title", help="the HTML page's title")
    parser.add_argument("--width", type=int, metavar="N", help="clip the red-flags column to N")
    add_impact_options(parser, required=False)  # the bias-audit section (docs/fairness.md)
    parser.set_defaults(run=run)


def load(args: argparse.Namespace) -> Any:
    """The results (``reports.results.Results``), with answer texts from ``--input``."""
    from answer_eval.batch.input import read_records
    from answer_eval.reports.results import answers_from_input, read_results, with_answers

    results = read_results(args.results, candidate_field=args.candidate_field)
    if getattr(args, "input", None) is not None:
        answers = answers_from_input(read_records(args.input), args.id_field, args.answer_field)
        results = with_answers(results, answers)
    return results


def run(args: argparse.Namespace) -> int:
    """Run ``answer-eval report``."""
    results = load(args)
    if args.html is None:
        from answer_eval.reports.table import render_results_table

        sys.stdout.write(render_results_table(results, flags_width=args.width))
        if args.demographics is not None:
            from answer_eval.audit.impact_report import render_impact_text
            from answer_eval.reports.terminal import terminal_safe_lines

            report, joined = impact_of(args)
            print("\n" + terminal_safe_lines(render_impact_text(report, joined)), end="")
        return EXIT_OK
    from answer_eval.reports.html import render_html

    if args.html.is_dir():
        raise InputError(f"--html {args.html} is a folder; name the page to write")
    sections: list[str] = []
    if args.demographics is not None:
        from answer_eval.audit.impact_report import render_impact_html

        sections.append(render_impact_html(*impact_of(args)))
    page = render_html(results, title=args.title, sections=sections)
    try:
        args.html.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {args.html}: {exc.strerror or exc}") from exc
    size = len(page.encode("utf-8"))
    print(
        f"wrote {args.html} ({len(results.records)} answers, {size / 1024:.0f} KB)", file=sys.stderr
    )
    return EXIT_OK
