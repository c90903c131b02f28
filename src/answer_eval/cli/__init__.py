"""The ``answer-eval`` command: a thin shell over the public API.

Exit codes: 0 success; 1 a regression, threshold or scoring failure; 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from answer_eval._version import __version__
from answer_eval.cli import (
    agree_cmd,
    audit_cmd,
    batch_cmd,
    export_cmd,
    regress_cmd,
    report_cmd,
    rubrics_cmd,
    score_cmd,
)
from answer_eval.errors import AnswerEvalError
from answer_eval.reports.terminal import terminal_safe

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="answer-eval",
        description="Evidence-grounded evaluation of written interview answers.",
        epilog="Exit codes: 0 ok, 1 regression/threshold/scoring failure, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"answer-eval {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        rubrics_cmd,
        score_cmd,
        batch_cmd,
        report_cmd,
        export_cmd,
        regress_cmd,
        agree_cmd,
        audit_cmd,
    ):
        module.register(commands)
    return parser


class _StderrHandler(logging.Handler):
    """Writes to the ``sys.stderr`` of the moment (tests and callers may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr)
        except Exception:  # logging must never break the command
            self.handleError(record)


def _show_library_warnings() -> None:
    """The library's warnings (a judge stepping down an output mode, ...) on stderr, once."""
    log = logging.getLogger("answer_eval")
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        handler = _StderrHandler(logging.WARNING)
        handler.setFormatter(logging.Formatter("answer-eval: warning: %(message)s"))
        log.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _show_library_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except AnswerEvalError as exc:
        print(f"answer-eval: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file named on the command line cannot be read or written
        where = f" {exc.filename}" if exc.filename else ""
        print(f"answer-eval: error: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
