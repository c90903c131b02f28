"""``answer-eval report RESULTS``: a per-answer table of a batch's results, for recruiters."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from answer_eval.errors import InputError
from answer_eval.reports.text import ResultRow, render_table

EXIT_OK = 0


def register(commands: Any) -> None:
    """Add the ``report`` command."""
    parser = commands.add_parser(
        "report",
        help="print a per-answer table of a results file written by `batch`",
        description="One line per answer: recommendation, overall score, red flags present and "
        "whether a human should review it; rows that failed show their reason.",
    )
    parser.add_argument("results", type=Path, metavar="RESULTS", help="JSONL written by batch")
    parser.add_argument("--width", type=int, default=40, help="width of the flags column")
    parser.set_defaults(run=run)


def _rows(path: Path) -> list[ResultRow]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read results file {path}: {exc}") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            rows.append(ResultRow(str(number), "?", "error", None, None, [], [], "torn line"))
            continue
        evaluation: dict[str, Any] = record.get("evaluation") or {}
        rows.append(
            ResultRow(
                answer_id=str(record.get("id", number)),
                question_id=str(evaluation.get("question_id") or record.get("question_id") or "?"),
                status=str(record.get("status", "?")),
                recommendation=evaluation.get("recommendation"),
                overall=evaluation.get("overall"),
                red_flags=[f["id"] for f in evaluation.get("red_flags", []) if f.get("present")],
                review=sorted({f["code"] for f in evaluation.get("review_flags", [])}),
                reason=record.get("error") or evaluation.get("unscored_reason"),
            )
        )
    return rows


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(render_table(_rows(args.results), flags_width=args.width))
    return EXIT_OK
