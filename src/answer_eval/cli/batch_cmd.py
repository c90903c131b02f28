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
from pathlib import Path
from typing import Any

from answer_eval.batch.files import FileBatch, FileBatchRun, format_of
from answer_eval.batch.input import FieldMap
from answer_eval.batch.summary import Summary
from answer_eval.batch.workers import WorkerDiedError
from answer_eval.cli.batch_api import add_openai_batch_options, run_openai_batch
from answer_eval.cli.options import add_judge_options, judge_factory
from answer_eval.cli.progress import Progress
from answer_eval.errors import InputError
from answer_eval.judges.cache import DEFAULT_CACHE_PATH
from answer_eval.rubrics.loading import load_rubric_set

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130


def register(commands: Any) -> None:
    """Add the ``batch`` command."""
    p = commands.add_parser(
        "batch",
        help="grade a JSONL or CSV file of answers (resumable)",
        description="Grade every answer in INPUT (JSONL or CSV; '-' reads stdin). Each row needs "
        "an id, a question id and the answer text; other fields are carried to the output. "
        "Outcomes are appended as they finish; re-running the same command resumes.",
        epilog="Exit codes: 0 every row scored; 1 a row unscored, in error or pending; 2 usage "
        "or input error. See docs/batch.md.",
    )
    p.add_argument("input", metavar="INPUT", help="JSONL or CSV file, or '-' for stdin")
    p.add_argument("--input-format", choices=("jsonl", "csv"), help="default: from the extension")
    p.add_argument("--id-field", default="id", metavar="NAME", help="answer id field (id)")
    p.add_argument("--question-field", default="question_id", metavar="NAME", help="(question_id)")
    p.add_argument("--answer-field", default="answer", metavar="NAME", help="answer text (answer)")
    out = p.add_argument_group("output")
    out.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="default: stdout (no resume)"
    )
    out.add_argument("--output-format", choices=("jsonl", "csv"), help="default: from --output")
    out.add_argument("--summary-json", type=Path, metavar="FILE", help="write the summary as JSON")
    out.add_argument("--price-in", type=float, metavar="USD", help="USD per 1M prompt tokens")
    out.add_argument("--price-out", type=float, metavar="USD", help="USD per 1M completion tokens")
    out.add_argument(
        "--fsync-every",
        type=int,
        default=100,
        metavar="N",
        help="fsync the output every N records (100)",
    )
    out.add_argument(
        "--csv-raw",
        action="store_true",
        help="CSV output exactly as given: no ' before cells a spreadsheet would run as a "
        "formula (=, +, -, @, tab, CR); for programs, not spreadsheets",
    )
    out.add_argument(
        "--no-answer-text",
        dest="answer_text",
        action="store_false",
        help="leave the answer text out of the JSONL results ('report --html' then needs --input)",
    )
    out.add_argument(
        "--no-retry-failed",
        dest="retry_failed",
        action="store_false",
        help="on a re-run, keep unscored and error rows as they are instead of trying them again",
    )
    prog = out.add_mutually_exclusive_group()
    prog.add_argument("--progress", action="store_true", default=None, help="always show progress")
    prog.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show progress"
    )
    run = p.add_argument_group("running")
    run.add_argument(
        "--concurrency", type=int, default=8, metavar="N", help="max calls at once (8)"
    )
    run.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="judge in N processes, sharing --concurrency, to use more cores (1)",
    )
    run.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE_PATH,
        metavar="PATH",
        help=f"response cache (SQLite; default {DEFAULT_CACHE_PATH})",
    )
    run.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    run.add_argument(
        "--via",
        choices=("direct", "openai-batch"),
        default="direct",
        help="direct calls (default) or the OpenAI Batch API",
    )
    add_openai_batch_options(p)
    add_judge_options(p)
    p.set_defaults(run=run_command)


def _check_args(args: argparse.Namespace) -> None:
    if args.concurrency < 1:
        raise InputError(f"--concurrency must be at least 1, got {args.concurrency}")
    if not 1 <= args.workers <= 64:
        raise InputError(f"--workers must be between 1 and 64, got {args.workers}")
    if args.fsync_every < 1:
        raise InputError(f"--fsync-every must be at least 1, got {args.fsync_every}")
    for name in ("price_in", "price_out"):
        if getattr(args, name) is not None and getattr(args, name) < 0:
            raise InputError(f"--{name.replace('_', '-')} cannot be negative")
    if args.input != "-" and not Path(args.input).is_file():
        raise InputError(f"input file not found: {args.input}")
    if args.via == "direct" and (args.write_requests_only or args.join_results or args.no_wait):
        raise InputError(
            "--write-requests-only, --join-results and --no-wait need --via openai-batch"
        )


def _batch(args: argparse.Namespace) -> FileBatch:
    source = None if args.input == "-" else Path(args.input)
    return FileBatch(
        input=source,
        output=args.output,
        input_format=format_of(source, args.input_format, "jsonl"),
        output_format=format_of(args.output, args.output_format, "jsonl"),
        fields=FieldMap(args.id_field, args.question_field, args.answer_field),
        concurrency=args.concurrency,
        workers=args.workers,
        cache=None if args.no_cache else args.cache,
        fsync_every=args.fsync_every,
        retry_failed=args.retry_failed,
        csv_raw=args.csv_raw,
        answer_text=args.answer_text,
    )


def _log(line: str) -> None:
    print(line, file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Run ``answer-eval batch``."""
    _check_args(args)
    batch = _batch(args)
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
    return EXIT_OK if summary.all_scored and not pending else EXIT_FAILED
