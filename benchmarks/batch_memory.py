"""Peak memory of a large batch: rows stream through, nothing accumulates.

Run: python benchmarks/batch_memory.py [--rows 100000] [--judge offline|fake] [--concurrency 8]

Writes ROWS answers (a few hundred characters each, cycling over the rubric library's
questions) to a temporary JSONL file, then scores them with ``answer-eval batch`` in this process
(``answer_eval.cli.main``) to a JSONL output, and prints the process's peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) before and after. Target: under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from answer_eval.cli import batch_cmd, main
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.testing import FakeJudge

SENTENCES = [
    "Last spring a logistics customer was double-billed after a plan migration.",
    "Their finance manager called three times and was understandably upset.",
    "My task was to fix the invoices before the renewal meeting.",
    "I listened without interrupting and repeated back what I heard.",
    "I traced the root cause to a duplicated subscription and removed it.",
    "I refunded the overcharge and added a credit for the trouble.",
    "A week later I followed up and the next invoice was correct.",
    "They renewed for two years and the checklist fix prevented four similar cases.",
    "I used an AI summary to brief the engineer but wrote the reply myself.",
]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _write_input(path: Path, rows: int, questions: list[str]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(rows):
            answer = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3 + i % 5))
            record = {"id": f"cand-{i:06d}", "question_id": questions[i % len(questions)],
                      "answer": f"{answer} (ref {i})", "recruiter": f"r{i % 17}"}  # fmt: skip
            handle.write(json.dumps(record) + "\n")


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--judge", choices=("offline", "fake"), default="offline")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="answer-eval batch --workers")
    parser.add_argument("--rubrics", type=Path, default=None)
    args = parser.parse_args()
    questions = [q.id for q in load_rubric_set(args.rubrics).questions]
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        _write_input(source, args.rows, questions)
        if args.judge == "fake":
            fake = FakeJudge()
            batch_cmd.judge_from_args = lambda _args: fake  # type: ignore[assignment]
        before = _peak_mb()
        started = time.perf_counter()
        argv = ["batch", str(source), "-o", str(out), "--judge", "offline", "--no-progress",
                "--no-cache", "--concurrency", str(args.concurrency),
                "--workers", str(args.workers)]  # fmt: skip
        if args.rubrics is not None:
            argv += ["--rubrics", str(args.rubrics)]
        code = main(argv)
        elapsed = time.perf_counter() - started
        with out.open("rb") as handle:
            lines = sum(1 for _ in handle)
        size_mb = out.stat().st_size / 1e6
    peak = _peak_mb()
    print(f"rows: {args.rows}  judge: {args.judge}  exit code: {code}  output lines: {lines}")
    print(f"output: {size_mb:.0f} MB  time: {elapsed:.1f} s ({args.rows / elapsed:.0f} rows/s)")
    print(f"peak RSS before the batch: {before:.0f} MB; after: {peak:.0f} MB (target < 300 MB)")
    sys.exit(0 if peak < 300 and lines == args.rows else 1)


if __name__ == "__main__":
    main_()
