"""Manipulation detection on the published corpus: recall by kind and by set, precision by kind.

Run: python benchmarks/manipulation_corpus.py

The corpus is tests/data/injection_corpus.yaml; its header says how each set was used (dev,
held out, or written after the rules and measured once before they changed). Also prints the
detector's median cost per answer on the corpus and on a 300-word honest answer.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from overhead import ANSWER  # noqa: E402

from answer_eval.manipulation import manipulation_signals  # noqa: E402
from corpus_measure import CORPUS, measure, report  # noqa: E402


def _median_ms(text: str, runs: int = 300) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        manipulation_signals(text)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    print(report(measure(CORPUS)), end="")
    print(f"cost: median {_median_ms(ANSWER):.3f} ms for a {len(ANSWER.split())}-word answer")


if __name__ == "__main__":
    main()
