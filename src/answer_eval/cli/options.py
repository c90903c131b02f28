"""Options shared by the commands that judge answers (score, batch, regress)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer_eval.judges.choice import choose_judge, resolve_judge
from answer_eval.judges.contract import Judge
from answer_eval.judges.retry import RetryPolicy

if TYPE_CHECKING:
    from answer_eval.audit.log import AuditLog


def add_judge_options(parser: argparse.ArgumentParser) -> None:
    """--judge, --model, --base-url, --temperature, --seed, --max-tokens, --timeout, --redact,
    --rubrics."""
    group = parser.add_argument_group("judge")
    group.add_argument(
        "--judge",
        choices=("auto", "offline", "openai"),
        default="auto",
        help="auto (default): openai when OPENAI_BASE_URL or OPENAI_API_KEY is set, else offline",
    )
    group.add_argument("--model", help="model name (default: $ANSWER_EVAL_MODEL or $OPENAI_MODEL)")
    group.add_argument("--base-url", help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL)")
    group.add_argument("--temperature", type=float, default=0.0, help="sampling temperature")
    group.add_argument("--seed", type=int, default=None, help="sampling seed, where supported")
    group.add_argument("--max-tokens", type=int, default=2048, help="completion token limit")
    group.add_argument(
        "--timeout",
        type=_seconds,
        default=120.0,
        metavar="S",
        help="seconds one answer's judge call may take in all: every attempt, retry wait and "
        "re-ask (120); past it the answer is unscored (transport)",
    )
    privacy = group.add_mutually_exclusive_group()
    privacy.add_argument(
        "--redact",
        action="store_true",
        default=None,
        help="replace names, emails, phone numbers, addresses, card and account numbers with "
        "placeholders before an answer is sent (default: on for non-local endpoints only)",
    )
    privacy.add_argument(
        "--no-redact", dest="redact", action="store_false", help="send answers as written"
    )
    parser.add_argument("--rubrics", type=Path, help="rubric library folder (default: shipped)")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _options(args: argparse.Namespace) -> dict[str, Any]:
    if args.judge == "offline":
        return {}
    keys = ("model", "base_url", "temperature", "seed", "max_tokens", "timeout")
    options = {key: getattr(args, key) for key in keys if getattr(args, key) is not None}
    if getattr(args, "max_pause", None) is not None:  # batch: the judge waits no longer either
        options["retry"] = RetryPolicy(max_retry_after=args.max_pause)
    return options


def judge_from_args(args: argparse.Namespace) -> Judge:
    """Build the judge the options ask for; print the auto-choice notice on stderr."""
    judge, notice = resolve_judge(args.judge, **_options(args))
    if notice:
        print(notice, file=sys.stderr)
    return judge


def judge_factory(args: argparse.Namespace) -> Callable[[], Judge]:
    """A builder of the judge the options ask for (one per worker process); the auto-choice
    notice is printed now, once, and the judge's settings are checked now too."""
    judge_from_args(args).close()
    options = _options(args)
    return partial(choose_judge, args.judge, **options)


def add_audit_log_option(parser: argparse.ArgumentParser) -> None:
    """--audit-log FILE (default: $ANSWER_EVAL_AUDIT_LOG)."""
    parser.add_argument(
        "--audit-log",
        type=Path,
        metavar="FILE",
        help="append a hash-chained line per evaluation to FILE (default: "
        "$ANSWER_EVAL_AUDIT_LOG; check it with 'answer-eval audit verify')",
    )


def audit_log_from_args(args: argparse.Namespace) -> AuditLog | None:
    """The audit log ``--audit-log`` or ``$ANSWER_EVAL_AUDIT_LOG`` names, if any."""
    path = getattr(args, "audit_log", None) or os.environ.get("ANSWER_EVAL_AUDIT_LOG")
    if not path:
        return None
    from answer_eval.audit.log import AuditLog

    return AuditLog(path)
