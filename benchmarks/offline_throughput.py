"""Offline judge throughput on one core for answers of about 300 words.

Run: ``python benchmarks/offline_throughput.py [--answers N] [--words W]``

Builds ``N`` distinct answers of about ``W`` words from the labelled set's answers (sentences
shuffled with a fixed seed, so every answer is different and the run is reproducible), judges
each against its own question in one process on one thread, and prints answers per second and
the median and p95 latency. The first call per question (cue compilation) is warmed up first,
as in a batch; the target is at least 1,000 answers per second.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.judgment import judgment_schema
from answer_eval.rubrics.loading import default_rubric_set, load_yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "labelled_answers.yaml"
TARGET = 1000.0


def requests(count: int, words: int) -> list[JudgeRequest]:
    """``count`` requests with answers of about ``words`` words to questions of the library."""
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    library = {q.id: q for q in default_rubric_set().questions}
    sources = [a for a in data["answers"].values() if a["question_id"] in library]
    sentences = [s for a in sources for s in re.split(r"(?<=[.!?])\s+", a["text"].strip())]
    rng = random.Random(20240601)
    schemas = {qid: judgment_schema(q) for qid, q in library.items()}
    out = []
    for i in range(count):
        source = sources[i % len(sources)]
        picked: list[str] = []
        while sum(len(s.split()) for s in picked) < words:
            picked.append(rng.choice(sentences))
        text = " ".join(" ".join(picked).split()[:words])
        question = library[source["question_id"]]
        out.append(
            JudgeRequest(
                question=question,
                dimensions=(),
                answer=text,
                messages=(),
                schema=schemas[question.id],
                prompt_hash="benchmark",
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000, help="answers to judge (2000)")
    parser.add_argument("--words", type=int, default=300, help="words per answer (300)")
    args = parser.parse_args(argv)
    work = requests(args.answers, args.words)
    judge = OfflineJudge()
    for request in {r.question.id: r for r in work}.values():
        judge.judge(request)
    latencies = []
    started = time.perf_counter()
    for request in work:
        t0 = time.perf_counter()
        judge.judge(request)
        latencies.append((time.perf_counter() - t0) * 1000.0)
    elapsed = time.perf_counter() - started
    rate = len(work) / elapsed
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    mean_words = statistics.mean(len(r.answer.split()) for r in work)
    print(f"offline judge: {len(work)} answers of ~{mean_words:.0f} words on one core")
    print(f"  {rate:,.0f} answers/s (target >= {TARGET:.0f})")
    print(f"  median {statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
