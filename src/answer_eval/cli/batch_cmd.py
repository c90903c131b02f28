"""``answer-eval batch``: grade a JSONL or CSV file of answers; resumable, nothing lost.

Each outcome is appended to the output as soon as it is known. Running the same command again
after a crash or Ctrl-C skips what the output already holds. Exit codes: 0 every row scored,
1 any row unscored or in error (or still pending in an OpenAI batch), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import itertools
import json
import os
import sys
import time
from collections.abc import Awaitable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

from answer_eval.batch.input import BatchRow, FieldMap, InputFormat, RowError, read_rows
from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.output import OutputSink, ScanResult, csv_columns, scan_output
from answer_eval.batch.run import Summary, close_judge, run_batch
from answer_eval.batch.workers import WorkerDiedError, run_batch_in_processes
from answer_eval.cli.options import (
    add_audit_log_option,
    add_judge_options,
    audit_log_from_args,
    judge_from_args,
)
from answer_eval.errors import InputError, JudgeConfigError
from answer_eval.evaluator import Evaluator
from answer_eval.judges.cache import DEFAULT_CACHE_PATH, CachingJudge, ResponseCache
from answer_eval.judges.contract import Judge
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet

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
    ob = p.add_argument_group("openai batch (with --via openai-batch)")
    ob.add_argument(
        "--write-requests-only",
        type=Path,
        metavar="DIR",
        help="write request files to DIR and stop (for vLLM run_batch or a manual upload)",
    )
    ob.add_argument(
        "--join-results",
        type=Path,
        action="append",
        metavar="FILE",
        help="join a Batch API output or error file instead of calling the API (repeatable)",
    )
    ob.add_argument("--poll-interval", type=float, default=30.0, metavar="S", help="seconds (30)")
    ob.add_argument("--no-wait", action="store_true", help="submit or poll once, then exit")
    add_judge_options(p)
    add_audit_log_option(p)
    p.set_defaults(run=run_command)


def _format(path: Path | None, given: str | None, default: InputFormat) -> InputFormat:
    if given in ("jsonl", "csv"):
        return "csv" if given == "csv" else "jsonl"
    if path is not None and path.suffix.lower() == ".csv":
        return "csv"
    return default


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


class Progress:
    """One self-rewriting stderr line: done, failed, rate, ETA, tokens."""

    def __init__(self, stream: IO[str], total: int | None, summary: Summary) -> None:
        self.stream, self.total, self.summary = stream, total, summary
        self.done = self.failed = 0
        self.started = self._drawn = time.monotonic()

    def __call__(self, flat: dict[str, Any]) -> None:
        self.done += 1
        self.failed += flat.get("status") != "scored"
        if time.monotonic() - self._drawn >= 0.2:
            self.draw()

    def draw(self, end: str = "") -> None:
        self._drawn = now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        line = f"done {self.done}" + (f"/{self.total}" if self.total is not None else "")
        line += f"  failed {self.failed}  {rate:.1f}/s"
        if self.total is not None and rate > 0:
            line += f"  ETA {_duration(max(0, self.total - self.done) / rate)}"
        tokens = self.summary.prompt_tokens + self.summary.completion_tokens
        self.stream.write(f"\r{line}  tokens {tokens:,}\x1b[K{end}")
        self.stream.flush()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m{secs:02d}s"


def _count_rows(path: Path, fmt: InputFormat) -> int:
    """Records in the input, for the ETA (CSV is parsed: a quoted field may span lines)."""
    with path.open("rb") as handle:
        if fmt == "jsonl":
            return sum(1 for line in handle if line.strip())
        return sum(1 for _ in read_rows(handle, fmt, FieldMap("\0", "\0", "\0")))


def _open_output(
    args: argparse.Namespace,
    rubric: RubricSet,
    fmt: InputFormat,
    extra: list[str],
    summary: Summary,
) -> tuple[OutputSink, ScanResult]:
    columns = csv_columns([d.id for d in rubric.dimensions], extra)
    if args.output is None:
        stdout = sys.stdout.buffer
        sink = OutputSink(stdout, fmt, columns=columns, write_header=True, owns_stream=False)
        return sink, ScanResult()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    scan = scan_output(args.output, fmt, on_record=summary.add)
    summary.resumed = summary.rows
    sink = OutputSink(
        args.output.open("ab"),
        fmt,
        columns=scan.columns or columns,
        write_header=not scan.columns,
        fsync_every=args.fsync_every,
    )
    if scan.truncated_bytes:
        print(f"resume: cut a torn last record ({scan.truncated_bytes} bytes)", file=sys.stderr)
    if scan.records:
        print(f"resume: {scan.records} records already in {args.output}", file=sys.stderr)
    return sink, scan


def _peek(rows: Iterator[BatchRow | RowError]) -> tuple[list[str], Iterator[BatchRow | RowError]]:
    """The first row's extra field names (CSV output columns), and the rows, none consumed."""
    first = next(rows, None)
    if first is None:
        return [], rows
    return list(first.extra), itertools.chain([first], rows)


def _judge(args: argparse.Namespace) -> tuple[Judge, ResponseCache | None]:
    judge = judge_from_args(args)
    if args.no_cache or judge.kind == "offline":  # the offline judge is cheaper than a lookup
        return judge, None
    cache = ResponseCache(args.cache)
    return CachingJudge(judge, cache), cache


async def _closing(judge: Judge, job: Awaitable[Summary]) -> None:
    """Run ``job``, then close the judge's connections in the same event loop (we own it)."""
    try:
        await job
    finally:
        await close_judge(judge)


def _worker_evaluator(args: argparse.Namespace, rubric: RubricSet) -> Evaluator:
    """A worker process's own judge (and cache connection); the notice was printed once."""
    with contextlib.redirect_stderr(io.StringIO()):
        judge, _ = _judge(args)
    return Evaluator(
        judge=judge, rubric_set=rubric, redact=args.redact, audit_log=audit_log_from_args(args)
    )


def run_command(args: argparse.Namespace) -> int:
    """Run ``answer-eval batch``."""
    _check_args(args)
    in_path = None if args.input == "-" else Path(args.input)
    in_fmt = _format(in_path, args.input_format, "jsonl")
    out_fmt = _format(args.output, args.output_format, "jsonl")
    fields = FieldMap(args.id_field, args.question_field, args.answer_field)
    rubric = load_rubric_set(args.rubrics)
    summary = Summary(price_in=args.price_in, price_out=args.price_out)
    if args.via == "openai-batch":
        return _run_openai_batch(args, rubric, summary, in_fmt, out_fmt, fields)
    source = sys.stdin.buffer if in_path is None else in_path.open("rb")
    extra, rows = _peek(read_rows(source, in_fmt, fields))
    judge, cache = _judge(args)
    sink, scan = _open_output(args, rubric, out_fmt, extra, summary)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    total = None
    if show and in_path is not None:
        total = max(0, _count_rows(in_path, in_fmt) - scan.records)
    progress = Progress(sys.stderr, total, summary) if show else None
    interrupted = failed = False
    try:
        if args.workers > 1:
            if cache is not None:  # each worker opens its own connection after the fork
                cache.close()
                cache = None
            make = partial(_worker_evaluator, args, rubric)
            run_batch_in_processes(make, rows, sink, workers=args.workers, scan=scan,
                                   summary=summary, concurrency=args.concurrency,
                                   on_record=progress)  # fmt: skip
        else:
            evaluator = Evaluator(judge=judge, rubric_set=rubric, redact=args.redact,
                                  audit_log=audit_log_from_args(args))  # fmt: skip
            limiter = AdaptiveLimiter(args.concurrency)
            job = run_batch(evaluator, rows, sink, scan=scan, summary=summary,
                            limiter=limiter, on_record=progress)  # fmt: skip
            asyncio.run(_closing(judge, job))
    except KeyboardInterrupt:
        interrupted = True
    except WorkerDiedError as exc:
        print(f"answer-eval: {exc}", file=sys.stderr)
        failed = True
    finally:
        sink.close()
        if in_path is not None:
            source.close()
        if progress is not None:
            progress.draw(end="\n")
        if cache is not None:
            summary.cache_hits = cache.hits
            cache.close()
    return max(finish(args, summary, interrupted=interrupted), EXIT_FAILED if failed else 0)


def _run_openai_batch(
    args: argparse.Namespace,
    rubric: RubricSet,
    summary: Summary,
    in_fmt: InputFormat,
    out_fmt: InputFormat,
    fields: FieldMap,
) -> int:
    from answer_eval.batch.openai_batch import job as ob
    from answer_eval.batch.openai_batch import requests as br

    if args.input == "-" or args.output is None:
        raise InputError(
            "--via openai-batch reads INPUT more than once and keeps its state next to the "
            "output: give an input file and --output"
        )
    model = args.model or os.environ.get("ANSWER_EVAL_MODEL") or os.environ.get("OPENAI_MODEL")
    if not model and not args.join_results:
        raise InputError("--via openai-batch needs --model (or $ANSWER_EVAL_MODEL)")
    base_url = args.base_url or os.environ.get("OPENAI_BASE_URL")
    settings = br.BatchSettings(
        model=model or "unknown",
        temperature=args.temperature,
        seed=args.seed,
        max_tokens=args.max_tokens,
        endpoint=base_url or "https://api.openai.com/v1",
    )
    evaluator = Evaluator(judge=ob.BatchApiJudge(settings), rubric_set=rubric,
                          redact=args.redact, audit_log=audit_log_from_args(args))  # fmt: skip

    def rows() -> Iterator[BatchRow | RowError]:
        with Path(args.input).open("rb") as handle:
            yield from read_rows(handle, in_fmt, fields)

    extra, _ = _peek(rows())
    sink, scan = _open_output(args, rubric, out_fmt, extra, summary)
    output: Path = args.output
    job = ob.OpenAIBatchJob(
        evaluator,
        settings,
        rows,
        sink,
        scan,
        summary,
        state_path=output.with_name(output.name + ".batch-state.json"),
        work_dir=output.with_name(output.name + ".batch"),
        log=lambda line: print(line, file=sys.stderr),
    )
    try:
        if args.write_requests_only is not None:
            written = list(br.write_request_files(job.request_lines(), args.write_requests_only))
            for path, ids in written:
                print(f"wrote {path} ({len(ids)} requests)", file=sys.stderr)
            return EXIT_OK if not summary.by_status["error"] else EXIT_FAILED
        if args.join_results:
            job.join(args.join_results)
        else:
            job.client = _openai_client(base_url)
            job.run(wait=not args.no_wait, poll_interval=args.poll_interval)
    except KeyboardInterrupt:  # the state file is saved after every step: nothing to undo
        return finish(args, summary, interrupted=True)
    finally:
        sink.close()
    return finish(args, summary, pending=job.pending())


def _openai_client(base_url: str | None) -> Any:
    import openai

    key = os.environ.get("OPENAI_API_KEY") or ("local" if base_url else None)
    try:
        return openai.OpenAI(base_url=base_url, api_key=key)
    except openai.OpenAIError as exc:
        raise JudgeConfigError(f"cannot build the OpenAI client: {exc}") from exc


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
