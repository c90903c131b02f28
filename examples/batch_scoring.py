"""Use 2 of 3: batch scoring from Python (what `answer-eval batch` does, without shelling out).

Run: python examples/batch_scoring.py [examples/answers.csv]

Streams the rows through ``evaluate_many`` (bounded concurrency; bad rows come back as
``RowError`` and the rest go on) and prints, per question, the answers ranked by overall score.
The command-line equivalent, with resume and a response cache:

    answer-eval batch examples/answers.csv -o results.jsonl && answer-eval report results.jsonl
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from answer_eval import Evaluator, choose_judge, evaluate_many
from answer_eval.batch.input import RowError

EXAMPLES = Path(__file__).resolve().parent


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLES / "answers.csv"
    evaluator = Evaluator(judge=choose_judge("auto"))
    ranked: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    with source.open(encoding="utf-8", newline="") as handle:
        for outcome in evaluate_many(evaluator, csv.DictReader(handle), concurrency=8):
            if isinstance(outcome, RowError):
                print(f"row {outcome.row}: {outcome.error}", file=sys.stderr)
                continue
            evaluation = outcome.evaluation
            if evaluation.status == "unscored":
                print(f"{outcome.id}: unscored ({evaluation.unscored_reason})", file=sys.stderr)
                continue
            candidate = str(outcome.extra.get("candidate", outcome.id))
            verdict = str(evaluation.recommendation)
            ranked[evaluation.question_id].append((evaluation.overall or 0.0, candidate, verdict))
    for question_id, entries in sorted(ranked.items()):
        print(question_id)
        for overall, candidate, verdict in sorted(entries, reverse=True):
            print(f"  {overall:4.2f}  {verdict:14}  {candidate}")


if __name__ == "__main__":
    main()
