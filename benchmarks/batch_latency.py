"""Batch throughput against a slow endpoint: concurrency, not the library, sets the pace.

Run: python benchmarks/batch_latency.py [--answers 2000] [--concurrency 64] [--latency 0.2]
                                         [--workers 2]

Starts the stub OpenAI-compatible server of ``tests/batch_servers.py`` in a separate process
(threaded: it really holds every concurrent request for ``latency`` seconds), then scores the
answers with ``answer-eval batch --judge openai`` (the real ``OpenAIJudge``, async client) in
this process, without the response cache, after a warm-up batch of ``concurrency`` answers that
pays the one-off imports. Prints the wall time of the measured run (the whole command: rubric
loading, judge set-up, every answer written) against the ideal ``answers / concurrency x
latency``, the CPU each process used, and fails when the ratio exceeds 1.15.

The client needs about 3.5 ms of CPU per answer (mostly the openai SDK), so one process cannot
keep 64 answers in flight at 200 ms on its own; ``--workers 2`` spreads it over two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from answer_eval.cli import main  # noqa: E402
from batch_servers import QUESTIONS, small_library  # noqa: E402


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of another process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=2, help="answer-eval batch --workers")
    args = parser.parse_args()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "batch_servers.py"), "--latency", str(args.latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            library = small_library(folder / "rubrics")
            os.environ["OPENAI_API_KEY"] = "local-key"

            def batch(n: int, name: str) -> tuple[int, Path]:
                source, out = folder / f"{name}.jsonl", folder / f"{name}-results.jsonl"
                with source.open("w", encoding="utf-8") as handle:
                    for i in range(n):
                        answer = f"A customer was double-billed. I listened and refunded her. #{i}"
                        row = {"id": f"a{i}", "question_id": QUESTIONS[i % 2], "answer": answer}
                        handle.write(json.dumps(row) + "\n")
                argv = ["batch", str(source), "-o", str(out), "--rubrics", str(library),
                        "--judge", "openai", "--model", "stub",
                        "--base-url", f"http://127.0.0.1:{port}/v1", "--no-cache", "--no-progress",
                        "--concurrency", str(args.concurrency),
                        "--workers", str(args.workers)]  # fmt: skip
                return main(argv), out

            started = time.perf_counter()
            batch(args.concurrency, "warmup")  # pays the one-off imports (openai SDK, ...)
            warmup = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            code, out = batch(args.answers, "answers")
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            lines = len(out.read_text(encoding="utf-8").splitlines())
        server_cpu = _cpu_seconds(server.pid)
        workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_cpu_s = workers_cpu.ru_utime + workers_cpu.ru_stime  # joined workers only
    finally:
        server.terminate()
        server.wait()
    ideal = args.answers / args.concurrency * args.latency
    ratio = elapsed / ideal if ideal else float("inf")
    print(f"answers: {args.answers}  concurrency: {args.concurrency}  latency: {args.latency} s")
    print(f"exit code: {code}  output lines: {lines}")
    print(
        f"CPU: main process {cpu:.2f} s, worker processes {workers_cpu_s:.2f} s, "
        f"stub server {server_cpu:.2f} s ({os.cpu_count()} cores)"
    )
    print(f"warm-up run ({args.concurrency} answers, first imports): {warmup:.2f} s")
    print(f"wall time: {elapsed:.2f} s  ideal: {ideal:.2f} s  ratio: {ratio:.3f} (target <= 1.15)")
    sys.exit(0 if ratio <= 1.15 and code == 0 and lines == args.answers else 1)


if __name__ == "__main__":
    run()
