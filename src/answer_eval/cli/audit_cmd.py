"""``answer-eval audit impact | counterfactual | verify``: fairness figures and audit records.

Exit codes: 0 ok; 1 a counterfactual shift beyond --tolerance, or an audit log that does not
verify; 2 usage or input error. See docs/fairness.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer_eval.cli.options import add_judge_options, judge_from_args
from answer_eval.errors import InputError
from answer_eval.reports.terminal import terminal_safe_lines

if TYPE_CHECKING:
    from answer_eval.audit.counterfactual import Case, CounterfactualReport
    from answer_eval.audit.demographics import Joined
    from answer_eval.audit.impact import ImpactReport
    from answer_eval.evaluator import Evaluator

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: Any) -> None:
    """Add the ``audit`` command group."""
    group = commands.add_parser(
        "audit",
        help="impact ratios, counterfactual checks, audit-log verification",
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
    add_impact_options(impact, required=True)
    impact.add_argument("--format", choices=("table", "json"), default="table")
    impact.set_defaults(run=run_impact)

    cf = sub.add_parser(
        "counterfactual",
        help="judge answers again with names, pronouns or spelling swapped; report the shifts",
        description="Rewrite each answer with names, pronouns and gendered words swapped, or "
        "British and American spelling swapped (lists in answer_eval/audit/data), judge both, "
        "and report per variant the mean shift per dimension and the share of recommendations "
        "that flip. INPUT is a golden set file or folder (as 'regress' takes) or a batch input "
        "(JSONL or CSV with id, question_id, answer).",
        epilog="Exit codes: 0 no mean shift beyond --tolerance; 1 a shift beyond it; 2 usage or "
        "input error.",
    )
    cf.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="golden or batch input")
    cf.add_argument(
        "--variants",
        metavar="LIST",
        help="comma-separated variant names (default: all; see docs/fairness.md)",
    )
    cf.add_argument(
        "--tolerance",
        type=float,
        default=0.25,
        metavar="X",
        help="mean shift on the 1-5 scale that fails the run (0.25)",
    )
    cf.add_argument("--concurrency", type=int, default=4, metavar="N", help="calls at once (4)")
    cf.add_argument("--format", choices=("table", "json"), default="table")
    cf.add_argument(
        "--cassette",
        type=Path,
        metavar="FILE",
        help="replay the judge's HTTP calls from FILE (vcrpy), or record them",
    )
    cf.add_argument(
        "--record-mode",
        choices=("none", "once", "new_episodes", "all"),
        default="none",
        help="with --cassette (none: replay only)",
    )
    add_judge_options(cf)
    cf.set_defaults(run=run_counterfactual)

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


def add_impact_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """--demographics and how to read and rate it (``audit impact``, ``report``)."""
    parser.add_argument(
        "--demographics",
        type=Path,
        required=required,
        metavar="FILE",
        help="CSV or JSONL with an id and the categories",
    )
    parser.add_argument("--id-column", default="id", metavar="NAME", help="(id)")
    parser.add_argument("--sex-column", default="sex", metavar="NAME", help="(sex)")
    parser.add_argument(
        "--race-column", default="race_ethnicity", metavar="NAME", help="(race_ethnicity)"
    )
    parser.add_argument(
        "--selected",
        choices=("strong_yes", "yes", "mixed", "no"),
        help="also report selection rates, counting this recommendation or better as selected",
    )
    parser.add_argument(
        "--min-share",
        type=float,
        default=0.02,
        metavar="X",
        help="rate categories of at least this share of the sample (0.02)",
    )
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="resamples")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (0)")
    parser.add_argument("--confidence", type=float, default=0.95, help="interval level (0.95)")


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
    from answer_eval.audit.impact_report import impact_json, render_impact_text

    if not 0 <= args.min_share < 1 or not 0 < args.confidence < 1 or args.bootstrap < 0:
        raise InputError(
            "--min-share must be in [0, 1), --confidence in (0, 1), --bootstrap at least 0"
        )
    report, joined = impact_of(args)
    if args.format == "json":
        print(_json(impact_json(report, joined)))
    else:
        print(terminal_safe_lines(render_impact_text(report, joined)), end="")
    return EXIT_OK


def impact_of(args: argparse.Namespace) -> tuple[ImpactReport, Joined]:
    """The impact report the options ask for (``audit impact``, ``report --demographics``)."""
    from answer_eval.audit.demographics import Columns, join, read_demographics, read_results
    from answer_eval.audit.impact import impact_report

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
    return report, joined


def _cases(paths: list[Path], rubric: Any) -> list[Case]:
    """Golden sets (folders, .yaml) and batch inputs (.jsonl, .csv) as counterfactual cases."""
    from answer_eval.audit.counterfactual import cases_from_golden, cases_from_rows
    from answer_eval.batch.input import read_rows
    from answer_eval.regression.golden import load_golden_sets

    golden = [p for p in paths if p.is_dir() or p.suffix.lower() in (".yaml", ".yml")]
    cases = cases_from_golden(load_golden_sets(golden, rubric)) if golden else []
    for path in (p for p in paths if p not in golden):
        if not path.is_file():
            raise InputError(f"input not found: {path}")
        with path.open("rb") as handle:
            rows = read_rows(handle, "csv" if path.suffix.lower() == ".csv" else "jsonl")
            found, skipped = cases_from_rows(rows)
        if skipped:
            print(f"{path}: {skipped} unusable row(s) skipped", file=sys.stderr)
        cases += found
    if not cases:
        raise InputError("no answers to check")
    return cases


def counterfactual_run(
    args: argparse.Namespace, evaluator: Evaluator, cases: list[Case]
) -> CounterfactualReport:
    """Judge ``cases`` and their rewrites, then close the judge's connections in the same event
    loop (the caller holds any cassette open)."""
    from answer_eval.audit.counterfactual import arun_counterfactual
    from answer_eval.audit.rewriting import VARIANTS

    given = getattr(args, "variants", None)  # regress --counterfactual checks every variant
    chosen = [v.strip() for v in given.split(",")] if given else list(VARIANTS)
    unknown = [v for v in chosen if v not in VARIANTS]
    if unknown:
        raise InputError(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(VARIANTS)}")

    async def job() -> CounterfactualReport:
        try:
            return await arun_counterfactual(
                evaluator, cases, variants=chosen, tolerance=args.tolerance,
                concurrency=args.concurrency,
            )  # fmt: skip
        finally:
            await evaluator.judge.aclose()

    return asyncio.run(job())


def run_counterfactual(args: argparse.Namespace) -> int:
    """Run ``answer-eval audit counterfactual``."""
    from answer_eval.audit.counterfactual import counterfactual_json, render_counterfactual_text
    from answer_eval.evaluator import Evaluator
    from answer_eval.rubrics.loading import load_rubric_set

    if args.tolerance < 0 or args.concurrency < 1:
        raise InputError("--tolerance cannot be negative and --concurrency must be at least 1")
    rubric = load_rubric_set(args.rubrics)
    cases = _cases(args.inputs, rubric)
    evaluator = Evaluator(judge=judge_from_args(args), rubric_set=rubric, redact=args.redact)
    if evaluator.redactor is not None:
        print(
            "note: redaction is on, so names are replaced before judging: the name variants "
            "check the pipeline as deployed (use --no-redact to probe the model itself)",
            file=sys.stderr,
        )
    if args.cassette is None:
        report = counterfactual_run(args, evaluator, cases)
    else:
        report = _replayed(args, lambda: counterfactual_run(args, evaluator, cases))
    if args.format == "json":
        print(_json(counterfactual_json(report)))
    else:
        print(terminal_safe_lines(render_counterfactual_text(report)), end="")
    return EXIT_OK if report.passed else EXIT_FAILED


def _replayed(args: argparse.Namespace, job: Callable[[], CounterfactualReport]) -> Any:
    """Run ``job`` with the judge's HTTP calls replayed from (or recorded to) ``--cassette``."""
    from answer_eval.regression.recording import unrecorded_call_error, use_cassette

    try:
        with use_cassette(args.cassette, args.record_mode) as cassette:
            result = job()
    except unrecorded_call_error() as exc:
        raise InputError(
            f"{args.cassette}: the judge made a call the cassette has not recorded (record mode "
            f"{args.record_mode}); re-record with --record-mode new_episodes or all"
        ) from exc
    if args.record_mode == "none" and not cassette.all_played:
        print(f"warning: {args.cassette} was not fully played", file=sys.stderr)
    return result


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
