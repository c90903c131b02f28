"""Manipulation detection on the published corpus: recall by kind and by set, precision by kind.

Run: python benchmarks/manipulation_corpus.py

The corpus is tests/data/injection_corpus.yaml; its header says how each set was used (dev,
held out, or written after the rules and measured once before they changed). Also prints the
detector's median cost on a 300-word honest answer: all of it, the rules alone, and what the
resemblance model's first answer in a process costs while it works out its words' signs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from overhead import ANSWER  # noqa: E402

from answer_eval.manipulation import manipulation_signals, rule_signals  # noqa: E402
from answer_eval.manipulation.resemblance import word_signs  # noqa: E402
from corpus_measure import CORPUS, measure, report  # noqa: E402


def _ms(detect: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    detect(text)
    return (time.perf_counter() - start) * 1000


def _median_ms(detect: Callable[[str], object], text: str, runs: int = 300) -> float:
    return statistics.median(_ms(detect, text) for _ in range(runs))


def main() -> None:
    print(report(measure(CORPUS)), end="")
    words = len(ANSWER.split())
    whole, rules = _median_ms(manipulation_signals, ANSWER), _median_ms(rule_signals, ANSWER)
    word_signs.cache_clear()
    first = _ms(manipulation_signals, ANSWER)
    print(f"cost: median {whole:.3f} ms for a {words}-word answer, the rules alone {rules:.3f} ms")
    print(f"  first answer of a process (no word's signs known yet): {first:.3f} ms")


if __name__ == "__main__":
    main()
