"""``answer-eval score``: grade one answer and print a readable summary or the JSON result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from answer_eval.cli.options import (
    add_audit_log_option,
    add_judge_options,
    audit_log_from_args,
    judge_from_args,
)
from answer_eval.errors import InputError
from answer_eval.evaluator import Evaluator
from answer_eval.reports.text import render_evaluation
from answer_eval.rubrics.loading import load_rubric_set

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: Any) -> None:
    """Add the ``score`` command."""
    parser = commands.add_parser(
        "score",
        help="grade one answer to one question",
        description="Grade one written answer. The answer comes from --answer, --answer-file, "
        "or standard input when the argument '-' is given. Exit 1 when the answer is unscored.",
    )
    parser.add_argument("--question", required=True, metavar="ID", help="question id")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--answer", metavar="TEXT", help="the answer text")
    source.add_argument(
        "--answer-file", type=Path, metavar="FILE", help="read the answer from FILE"
    )
    source.add_argument("stdin", nargs="?", choices=["-"], help="'-' reads the answer from stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_judge_options(parser)
    add_audit_log_option(parser)
    parser.set_defaults(run=run)


def _read_answer(args: argparse.Namespace) -> str:
    if args.answer is not None:
        return str(args.answer)
    if args.answer_file is not None:
        try:
            return Path(args.answer_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read answer file {args.answer_file}: {exc}") from exc
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"standard input is not UTF-8 text (byte {exc.start}); convert it, e.g. with "
            "iconv -f latin1 -t utf-8"
        ) from exc


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric_set(args.rubrics)
    rubric.question(args.question)  # unknown question: exit 2 before building a judge
    answer = _read_answer(args)
    evaluator = Evaluator(
        judge=judge_from_args(args),
        rubric_set=rubric,
        redact=args.redact,
        audit_log=audit_log_from_args(args),
    )
    evaluation = evaluator.evaluate(args.question, answer)
    if args.format == "json":
        print(evaluation.model_dump_json(indent=2))
    else:
        print(render_evaluation(evaluation, answer), end="")
    return EXIT_OK if evaluation.status == "scored" else EXIT_FAILED
