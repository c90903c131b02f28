"""Grounding cost per evaluation: 20 quotes located in one 300-word answer.

Run: python benchmarks/grounding.py [--runs 2000]

Each evaluation grounds the judge's quotes against a fresh copy of the answer, as scoring does:
10 exact quotes, 3 re-cased or re-spaced, 3 with typos (the fuzzy path), 1 elided, and 3
invented ones (one sharing most of its words with the answer, the costliest case). Prints the
median (p50) and p95 milliseconds per evaluation, and how many quotes were verified. The answer
is the one ``overhead.py`` uses. Target: well under 5 ms per evaluation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from overhead import ANSWER

from answer_eval.grounding import NormalizedText, ground_all

QUOTES = [
    # exact
    "I started by letting her explain the whole story without interrupting",
    "I pulled the billing history",
    "compared it with the migration logs",
    "every seat was billed twice",
    "issued a full refund for the overcharge",
    "I wrote a short fix for the checklist",
    "an upset customer deserves a human reply",
    "The refund reached them within two days",
    "A week later I followed up to confirm the next invoice was correct",
    "They renewed for two more years",
    # normalized: case, spacing
    "i apologised for the stress   we had caused",
    "MY TASK WAS TO STOP THE BLEEDING QUICKLY",
    "shared it with the team so\nthe same mistake would not hit other accounts",
    # fuzzy: typos, a dropped word
    "I worked with our billing engineer to remove the duplicat subscription",
    "I used our helpdesks AI summary to brief the engineer",
    "she thanked us for being transparant",
    # elided
    "I pulled the billing history ... found that the new plan had been applied on top",
    # invented
    "I escalated to my manager immediately",
    "I offered the customer a discount on the next three invoices",
    "I worked with our billing manager to remove the duplicate subscription fee",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    verified = sum(e.verified for e in ground_all(QUOTES, ANSWER, NormalizedText(ANSWER)))
    for _ in range(50):  # warm caches
        ground_all(QUOTES, ANSWER, NormalizedText(ANSWER))
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        ground_all(QUOTES, ANSWER, NormalizedText(ANSWER))
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"answer: {len(ANSWER.split())} words; quotes: {len(QUOTES)} ({verified} verified)")
    print(f"grounding per evaluation: p50 {statistics.median(samples):.3f} ms   p95 {p95:.3f} ms")


if __name__ == "__main__":
    main()
