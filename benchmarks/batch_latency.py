"""Batch throughput against a slow endpoint, next to the bare openai SDK on the same server.

Run: python benchmarks/batch_latency.py [--answers 2000] [--concurrency 64] [--latency 0.2]
                                         [--workers 1] [--repeats 3]

Starts the stub OpenAI-compatible server of ``tests/batch_servers.py`` in a separate process
(asyncio: it really holds every concurrent request for ``latency`` seconds), then, ``repeats``
times and alternating, in this process:

* **floor**: the bare openai SDK (``AsyncOpenAI(max_retries=0)``) sending the very requests the
  judge sends (rendered beforehand, outside the clock) with ``concurrency`` in flight, and
  nothing else: no rendering, grounding, scoring or writing;
* **batch**: ``answer-eval batch --judge openai`` (the real ``OpenAIJudge``), without the response
  cache, at its default settings apart from ``--concurrency`` (one process unless ``--workers``):
  the whole command, rubric loading, judge set-up and every answer written.

A warm-up of ``concurrency`` answers for each pays the one-off imports first. Prints the wall
times, their medians, the ratio batch / floor (target <= 1.15) and the ratio to the ideal
``answers / concurrency x latency``; exits 1 when the median ratio to the floor misses the target.
On a machine shared with other work, compare the two within one run, never across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from answer_eval.cli import main  # noqa: E402
from answer_eval.evaluator import Evaluator  # noqa: E402
from answer_eval.judges.openai_protocol import chat_body  # noqa: E402
from answer_eval.rubrics.loading import load_rubric_set  # noqa: E402
from answer_eval.testing import FakeJudge  # noqa: E402
from batch_servers import QUESTIONS, small_library  # noqa: E402

TARGET = 1.15


def _answer(i: int) -> str:
    return f"A customer was double-billed. I listened and refunded her. #{i}"


def _bodies(library: Path, n: int) -> list[dict[str, Any]]:
    """The requests ``OpenAIJudge(model="stub")`` sends for the batch's answers."""
    evaluator = Evaluator(judge=FakeJudge(), rubric_set=load_rubric_set(library))
    bodies = []
    for i in range(n):
        request = evaluator.request(QUESTIONS[i % 2], _answer(i))
        bodies.append(
            chat_body(
                model="stub",
                messages=request.messages,
                schema=request.schema,
                mode="json_schema",
                temperature=0.0,
                max_tokens=2048,
            )
        )
    return bodies


async def _floor(base_url: str, bodies: list[dict[str, Any]], concurrency: int) -> int:
    """The bare SDK: every body sent, ``concurrency`` at a time; returns the replies."""
    import openai

    client = openai.AsyncOpenAI(api_key="local-key", base_url=base_url, max_retries=0)
    slots = asyncio.Semaphore(concurrency)

    async def send(body: dict[str, Any]) -> object:
        async with slots:
            return await client.chat.completions.create(**body)

    try:
        return len(await asyncio.gather(*(send(body) for body in bodies)))
    finally:
        await client.close()


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=1, help="answer-eval batch --workers (1)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "batch_servers.py"), "--latency", str(args.latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    floors: list[float] = []
    batches: list[float] = []
    cpu: dict[str, list[float]] = {"floor": [], "batch": []}
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        base_url = f"http://127.0.0.1:{port}/v1"
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            library = small_library(folder / "rubrics")
            os.environ["OPENAI_API_KEY"] = "local-key"
            bodies = _bodies(library, args.answers)

            def batch(n: int, name: str) -> tuple[int, int]:
                source, out = folder / f"{name}.jsonl", folder / f"{name}-results.jsonl"
                out.unlink(missing_ok=True)
                with source.open("w", encoding="utf-8") as handle:
                    for i in range(n):
                        row = {"id": f"a{i}", "question_id": QUESTIONS[i % 2], "answer": _answer(i)}
                        handle.write(json.dumps(row) + "\n")
                argv = ["batch", str(source), "-o", str(out), "--rubrics", str(library),
                        "--judge", "openai", "--model", "stub", "--base-url", base_url,
                        "--no-cache", "--no-progress", "--concurrency", str(args.concurrency),
                        "--workers", str(args.workers)]  # fmt: skip
                code = main(argv)
                return code, len(out.read_text(encoding="utf-8").splitlines())

            asyncio.run(_floor(base_url, bodies[: args.concurrency], args.concurrency))
            batch(args.concurrency, "warmup")
            for _ in range(args.repeats):
                started, used = time.perf_counter(), time.process_time()
                sent = asyncio.run(_floor(base_url, bodies, args.concurrency))
                floors.append(time.perf_counter() - started)
                cpu["floor"].append(time.process_time() - used)
                started, used = time.perf_counter(), time.process_time()
                code, lines = batch(args.answers, "answers")
                batches.append(time.perf_counter() - started)
                cpu["batch"].append(time.process_time() - used)
                if code != 0 or lines != args.answers or sent != args.answers:
                    print(f"batch exit code {code}, {lines} lines; floor sent {sent}")
                    sys.exit(1)
    finally:
        server.terminate()
        server.wait()
    ideal = args.answers / args.concurrency * args.latency
    floor, taken = statistics.median(floors), statistics.median(batches)
    print(f"answers: {args.answers}  concurrency: {args.concurrency}  latency: {args.latency} s  "
          f"workers: {args.workers}  ({os.cpu_count()} cores)")  # fmt: skip
    print("floor (bare SDK) s: " + "  ".join(f"{t:.2f}" for t in floors))
    print("batch s:            " + "  ".join(f"{t:.2f}" for t in batches))
    for name, spent in cpu.items():
        print(f"{name} CPU s (this process): " + "  ".join(f"{t:.2f}" for t in spent))
    print(
        "ratio per repeat:   "
        + "  ".join(f"{b / f:.3f}" for b, f in zip(batches, floors, strict=True))
    )
    ratio = taken / floor
    print(f"median: floor {floor:.2f} s, batch {taken:.2f} s, ideal {ideal:.2f} s")
    print(f"batch / floor: {ratio:.3f} (target <= {TARGET})  batch / ideal: {taken / ideal:.3f}")
    sys.exit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    run()
