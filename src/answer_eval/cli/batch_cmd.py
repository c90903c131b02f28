"""``answer-eval batch``: grade a JSONL or CSV file of answers; resumable, nothing lost.

Each outcome is appended to the output as soon as it is known. Running the same command again
after a crash or Ctrl-C skips what the output already holds. Exit codes: 0 every row scored,
1 any row unscored or in error (or still pending in an OpenAI batch), 2 usage or input error.
The work is done by ``answer_eval.batch.files`` (and ``batch.openai_batch``); this module parses
options, shows progress and prints the summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from answer_eval.batch.files import FileBatchRun
from answer_eval.batch.summary import Summary
from answer_eval.batch.workers import WorkerDiedError
from answer_eval.cli.batch_api import add_openai_batch_options, run_openai_batch
from answer_eval.cli.batch_options import add_batch_options, check_args, file_batch
from answer_eval.cli.options import add_audit_log_option, add_judge_options, judge_factory
from answer_eval.cli.progress import Progress
from answer_eval.reports.terminal import terminal_safe
from answer_eval.rubrics.loading import load_rubric_set

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130


def register(commands: Any) -> None:
    """Add the ``batch`` command."""
    p = commands.add_parser(
        "batch",
        help="grade a JSONL or CSV file of answers (resumable)",
        description="Grade every answer in INPUT (JSONL or CSV; '-' reads stdin). Each row needs "
        "an id, a question id and the answer text; other fields are carried to the output. "
        "Outcomes are appended as they finish; re-running the same command resumes, and tries "
        "unscored and failed rows again. The output holds the latest result of each answer.",
        epilog="Exit codes: 0 every row scored; 1 a row unscored, in error or pending; 2 usage "
        "or input error (another process writing the same output included). See docs/batch.md.",
    )
    add_batch_options(p)
    add_openai_batch_options(p)
    add_judge_options(p)
    add_audit_log_option(p)
    p.set_defaults(run=run_command)


def _log(line: str) -> None:
    print(terminal_safe(line), file=sys.stderr)  # lines may echo ids and errors from the input


def run_command(args: argparse.Namespace) -> int:
    """Run ``answer-eval batch``."""
    check_args(args)
    batch = file_batch(args)
    rubric = load_rubric_set(args.rubrics)
    summary = Summary(price_in=args.price_in, price_out=args.price_out)
    if args.via == "openai-batch":
        return run_openai_batch(args, batch, rubric, summary, finish)
    make_judge = judge_factory(args)  # prints the auto-choice notice once
    run = FileBatchRun.open(
        batch, rubric, summary, stdin=sys.stdin.buffer, stdout=sys.stdout.buffer, log=_log
    )
    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = Progress(sys.stderr, run.pending_estimate(), summary) if show else None
    interrupted = failed = False
    try:
        run.execute(make_judge, on_record=progress)
    except KeyboardInterrupt:
        interrupted = True
    except WorkerDiedError as exc:
        _log(f"answer-eval: {exc}")
        failed = True
    finally:
        if progress is not None:
            progress.draw(end="\n")
    return max(finish(args, summary, interrupted=interrupted), EXIT_FAILED if failed else 0)


def finish(
    args: argparse.Namespace, summary: Summary, *, interrupted: bool = False, pending: int = 0
) -> int:
    """Print the summary, write ``--summary-json``, and return the exit code."""
    sys.stderr.write(summary.render())
    if args.summary_json is not None:
        data = {**summary.to_dict(), "pending": pending, "interrupted": interrupted}
        args.summary_json.parent.mkdir(parents=True, exist_ok=True)
        args.summary_json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    if interrupted:
        print("interrupted: run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    if pending:
        print(f"pending: {pending} rows; run the same command again to continue", file=sys.stderr)
    if limited := summary.unscored_reasons["rate_limited"]:
        print(
            f"rate limited: {limited} answers not judged (the server asked to slow down); run "
            "the same command again later to judge them",
            file=sys.stderr,
        )
    return EXIT_OK if summary.all_scored and not pending else EXIT_FAILED
