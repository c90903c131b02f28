"""The options of ``answer-eval batch``, their checks, and the ``FileBatch`` they describe."""

from __future__ import annotations

import argparse
from pathlib import Path

from answer_eval.batch.files import FileBatch, format_of
from answer_eval.batch.input import FieldMap
from answer_eval.batch.limiter import DEFAULT_MAX_PAUSE
from answer_eval.cli.options import audit_log_from_args
from answer_eval.errors import InputError
from answer_eval.judges.cache import DEFAULT_CACHE_PATH

__all__ = ["add_batch_options", "check_args", "file_batch"]


def add_batch_options(p: argparse.ArgumentParser) -> None:
    """Input, output and running options (the judge's and the Batch API's are added apart)."""
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
        "--max-pause",
        type=float,
        default=DEFAULT_MAX_PAUSE,
        metavar="S",
        help="longest rate-limit pause (a 429's Retry-After) to wait out, for every call at "
        f"once ({DEFAULT_MAX_PAUSE:g}); a longer one ends the rows not yet sent as unscored "
        "rate_limited, retried by the next run",
    )
    run.add_argument(
        "--via",
        choices=("direct", "openai-batch"),
        default="direct",
        help="direct calls (default) or the OpenAI Batch API",
    )


def check_args(args: argparse.Namespace) -> None:
    if args.concurrency < 1:
        raise InputError(f"--concurrency must be at least 1, got {args.concurrency}")
    if not 1 <= args.workers <= 64:
        raise InputError(f"--workers must be between 1 and 64, got {args.workers}")
    if not args.max_pause >= 0:
        raise InputError(f"--max-pause cannot be negative, got {args.max_pause}")
    if args.fsync_every < 1:
        raise InputError(f"--fsync-every must be at least 1, got {args.fsync_every}")
    for name in ("price_in", "price_out"):
        if getattr(args, name) is not None and getattr(args, name) < 0:
            raise InputError(f"--{name.replace('_', '-')} cannot be negative")
    for flag, path in (("--output", args.output), ("--summary-json", args.summary_json)):
        if path is not None and path.is_dir():
            raise InputError(f"{flag} {path} is a folder; name a file")
    if args.input != "-" and not Path(args.input).is_file():
        raise InputError(f"input file not found: {args.input}")
    if args.via == "direct" and (args.write_requests_only or args.join_results or args.no_wait):
        raise InputError(
            "--write-requests-only, --join-results and --no-wait need --via openai-batch"
        )


def file_batch(args: argparse.Namespace) -> FileBatch:
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
        max_pause=args.max_pause,
        redact=args.redact,
        audit_log=audit_log_from_args(args),
    )
