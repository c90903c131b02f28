"""How well the offline judge ranks the labelled answers in tests/data/labelled_answers.yaml.

Run: ``python benchmarks/offline_accuracy.py [--verbose]``

Every answer goes through the full pipeline, ``Evaluator(judge=OfflineJudge())``: grounding,
the deterministic cue checks, criteria, red-flag penalties. Per pair kind it reports pairwise
accuracy:

* strong_vs_weak, length_matched_vague: correct when the better answer's overall score is higher;
* blame_added, ai_dismissed: correct when the pair's ``dimension`` score is lower for the worse
  answer;
* padded_weak: correct when padding did not raise the weak answer's overall score.

Ties count as wrong (except padded_weak, where "not higher" is the requirement). A word-count
baseline (longer = better; for dimension pairs too) runs on the same pairs. Red-flag precision
and recall compare the evaluation's red flags (judge + cue checks) with each answer's
``expected_red_flags``.

Caveat: the offline judge's lexicons were tuned while this set was written (the "v2" answers
were written with the v2 detectors in view), so these figures are an upper bound for unseen
answers, not a measurement of them: the second check. The measurement is
``benchmarks/devset_eval.py`` on third-party answers.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.rubrics.loading import load_yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "labelled_answers.yaml"
KINDS = ("strong_vs_weak", "length_matched_vague", "blame_added", "ai_dismissed", "padded_weak")


def _dimension(evaluation: Evaluation, dim: str) -> float:
    result = evaluation.dimension(dim)
    return float(result.score) if result.score is not None else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every pair")
    args = parser.parse_args(argv)
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    answers: dict[str, dict[str, Any]] = data["answers"]
    evaluator = Evaluator(judge=OfflineJudge())
    judged: dict[str, Evaluation] = {
        answer_id: evaluator.evaluate(answer["question_id"], answer["text"])
        for answer_id, answer in answers.items()
    }

    right: dict[str, list[bool]] = defaultdict(list)
    baseline: dict[str, list[bool]] = defaultdict(list)
    ties: dict[str, int] = defaultdict(int)
    for pair in data["pairs"]:
        kind, better, worse = pair["kind"], pair["better"], pair["worse"]
        dim = pair.get("dimension")
        b: float
        w: float
        if dim is not None:
            b, w = _dimension(judged[better], dim), _dimension(judged[worse], dim)
        else:
            b, w = judged[better].overall or 0.0, judged[worse].overall or 0.0
        ok = w <= b if kind == "padded_weak" else b > w
        ties[kind] += b == w
        right[kind].append(ok)
        words = (len(answers[better]["text"].split()), len(answers[worse]["text"].split()))
        baseline[kind].append(
            words[1] <= words[0] if kind == "padded_weak" else words[0] > words[1]
        )
        if args.verbose:
            mark = "ok " if ok else "BAD"
            print(f"{mark} {kind:21s} {better:24s} {b:5.2f}  {worse:26s} {w:5.2f}")

    print(f"{'pair kind':22s} {'pairs':>5s} {'offline':>8s} {'ties':>5s} {'words':>8s}")
    for kind in KINDS:
        if right[kind]:
            n = len(right[kind])
            acc, base = sum(right[kind]) / n, sum(baseline[kind]) / n
            print(f"{kind:22s} {n:5d} {acc:8.0%} {ties[kind]:5d} {base:8.0%}")
    all_right = [ok for kind in KINDS for ok in right[kind]]
    all_base = [ok for kind in KINDS for ok in baseline[kind]]
    if all_right:
        n = len(all_right)
        print(f"{'all':22s} {n:5d} {sum(all_right) / n:8.0%} {sum(ties.values()):5d} "
              f"{sum(all_base) / n:8.0%}")  # fmt: skip

    true_pos = false_pos = false_neg = 0
    for answer_id, evaluation in judged.items():
        expected = set(answers[answer_id].get("expected_red_flags") or [])
        found = {flag.id for flag in evaluation.red_flags if flag.present}
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if args.verbose and found != expected:
            print(f"red flags {answer_id}: expected {sorted(expected)}, found {sorted(found)}")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    print(f"red flags over {len(judged)} answers: precision {precision:.0%}, recall {recall:.0%} "
          f"(tp {true_pos}, fp {false_pos}, fn {false_neg})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
