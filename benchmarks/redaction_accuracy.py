"""Precision and recall of the redactor per kind, on the hand-labelled answers in tests/data.

Run: python benchmarks/redaction_accuracy.py [--misses]

Recall: share of labelled items whose every character is covered by a span of their kind (a
name without its surname is a miss). Precision: share of found spans that overlap a labelled
item of their kind. Both sets were written for this project, so the figures describe text like
them; docs/fairness.md says how each set was made.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from answer_eval.privacy.redaction_quality import labelled_answers, score_detection
from answer_eval.rubrics.loading import load_yaml

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = ("pii_answers.yaml", "pii_answers_hard.yaml")


def _figure(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    for name in SETS:
        answers = labelled_answers(load_yaml((DATA / name).read_text(encoding="utf-8")))
        scores = score_detection(answers)
        print(f"{name}: {len(answers)} answers, {scores['all'].expected} labelled items")
        print(f"  {'KIND':8} {'ITEMS':>5} {'FOUND':>5} {'RECALL':>6} {'PRECISION':>9}")
        for kind, s in scores.items():
            print(
                f"  {kind:8} {s.expected:>5} {s.found:>5} {_figure(s.recall):>6} "
                f"{_figure(s.precision):>9}"
            )
            if args.misses and kind != "all":
                for line in s.misses:
                    print(f"      miss {line}")
                for line in s.false_alarms:
                    print(f"      false alarm {line}")


if __name__ == "__main__":
    main()
