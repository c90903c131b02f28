"""``answer-eval batch --via openai-batch``: the OpenAI Batch API (or vLLM's batch runner).

The job (``answer_eval.batch.openai_batch``) keeps its state next to the output, so running the
same command again polls, joins and resubmits what is left.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from answer_eval.batch.files import FileBatch, FileBatchRun
from answer_eval.batch.summary import Summary
from answer_eval.errors import InputError
from answer_eval.reports.terminal import terminal_safe
from answer_eval.rubrics.models import RubricSet

__all__ = ["add_openai_batch_options", "run_openai_batch"]

EXIT_OK, EXIT_FAILED = 0, 1
Finish = Callable[..., int]


def add_openai_batch_options(p: argparse.ArgumentParser) -> None:
    """The options of ``--via openai-batch``."""
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


def log(line: str) -> None:
    """One line on stderr (terminal-safe: it may echo ids and errors from the input)."""
    print(terminal_safe(line), file=sys.stderr)


def run_openai_batch(
    args: argparse.Namespace,
    batch: FileBatch,
    rubric: RubricSet,
    summary: Summary,
    finish: Finish,
) -> int:
    """``answer-eval batch --via openai-batch``: write, submit, poll or join; then ``finish``."""
    from answer_eval.batch.openai_batch.job import OpenAIBatchJob, connect
    from answer_eval.batch.openai_batch.requests import BatchSettings, write_request_files
    from answer_eval.judges.openai_protocol import Endpoint

    if batch.input is None or batch.output is None:
        raise InputError(
            "--via openai-batch reads INPUT more than once and keeps its state next to the "
            "output: give an input file and --output"
        )
    endpoint = Endpoint.resolve(model=args.model, base_url=args.base_url)
    if args.join_results and not endpoint.model:  # joining needs no model; provenance says so
        endpoint = Endpoint(model="unknown", base_url=endpoint.base_url)
    sampling = {"temperature": args.temperature, "seed": args.seed, "max_tokens": args.max_tokens}
    settings = BatchSettings.from_endpoint(endpoint, **sampling)
    run = FileBatchRun.open(batch, rubric, summary, log=log)
    pending = -1  # unknown until the job has run
    try:
        job = OpenAIBatchJob.for_file(run, settings, log=log)
        if args.write_requests_only is not None:
            for path, ids in write_request_files(job.request_lines(), args.write_requests_only):
                log(f"wrote {path} ({len(ids)} requests)")
            return EXIT_OK if not summary.by_status["error"] else EXIT_FAILED
        if args.join_results:
            job.join(args.join_results)
        else:
            job.client = connect(endpoint)
            job.run(wait=not args.no_wait, poll_interval=args.poll_interval)
        pending = job.pending()
    except KeyboardInterrupt:  # the state file is saved after every step: nothing to undo
        run.close(complete=False)
        return finish(args, summary, interrupted=True)
    finally:
        run.close(complete=pending == 0)
    return finish(args, summary, pending=pending)
