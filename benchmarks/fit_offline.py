"""Fit the offline judge's latent weights on the fit half of the dev set (split by source).

Run: ``python benchmarks/fit_offline.py [--write]``

A sign-constrained logistic regression with an L2 penalty: strong answers are 1, weak 0,
adequate 0.5. Only the weights of the *positive* features (substance, specifics, narrative,
reasoning, evidence, cues, first person) and the bias are fitted; the weights of the warning
signs and of the other negative features stay as set in ``tuning.yaml`` (the dev set holds too
few of each to fit them) and enter the fit as a fixed offset. Prints the fitted weights, the
pairwise accuracy of the latent score on both halves, and with ``--write`` puts the weights into
``src/answer_eval/judges/offline/tuning.yaml`` (only those numbers change).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devset

from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.judges.offline.tuning import TUNING_PATH
from answer_eval.rubrics.loading import default_rubric_set

FITTED = ("substance", "specifics", "narrative", "reasoning", "evidence", "cues")
TARGET = {"strong": 1.0, "adequate": 0.5, "weak": 0.0}
L2 = 0.05
STEPS = 4000
RATE = 0.3


def fit(rows: list[tuple[list[float], float, float]]) -> tuple[float, list[float]]:
    """Bias and weights for (features, fixed offset, target) rows; weights kept >= 0."""
    weights = [0.0] * len(FITTED)
    bias = 0.0
    n = len(rows)
    for _ in range(STEPS):
        grad_w = [0.0] * len(FITTED)
        grad_b = 0.0
        for x, offset, y in rows:
            z = bias + offset + sum(w * v for w, v in zip(weights, x, strict=True))
            error = 1.0 / (1.0 + math.exp(-z)) - y
            grad_b += error
            for j, v in enumerate(x):
                grad_w[j] += error * v
        bias -= RATE * grad_b / n
        weights = [
            max(0.0, w - RATE * (g / n + L2 * w)) for w, g in zip(weights, grad_w, strict=True)
        ]
    return bias, weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the weights to tuning.yaml")
    args = parser.parse_args(argv)
    if devset.locate() is None:
        print(f"no dev set found (set {devset.ENV} or put it at ../shared/devset)")
        return 2
    judge = OfflineJudge()
    questions = {q.id: q for q in default_rubric_set().questions}
    answers = devset.load()
    fixed = {k: v for k, v in judge.tuning.latent_weights.items() if k not in FITTED}
    data = {}
    for a in answers:
        features = judge.assessment(questions[a.question_id], a.text).features
        offset = sum(w * features[k] for k, w in fixed.items())
        data[a.id] = ([features[k] for k in FITTED], offset, TARGET[a.label])
    bias, weights = fit([data[a.id] for a in answers if a.half == "fit"])

    def score(answer_id: str) -> float:
        x, offset, _ = data[answer_id]
        return bias + offset + sum(w * v for w, v in zip(weights, x, strict=True))

    print(f"fitted on the fit half ({sum(a.half == 'fit' for a in answers)} answers)")
    print(f"  bias: {bias:.2f}")
    for name, weight in zip(FITTED, weights, strict=True):
        print(f"  {name}: {weight:.2f}")
    for half in ("fit", "held-out", None):
        pairs = devset.pairs(answers, half)
        right = sum(score(s.id) > score(w.id) for s, w in pairs)
        print(f"  latent pairwise accuracy, {half or 'all'}: {right}/{len(pairs)}")
    if args.write:
        text = TUNING_PATH.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(  bias: ).*$", rf"\g<1>{bias:.2f}", text, count=1)
        for name, weight in zip(FITTED, weights, strict=True):
            text = re.sub(rf"(?m)^(    {name}: ).*$", rf"\g<1>{weight:.2f}", text, count=1)
        TUNING_PATH.write_text(text, encoding="utf-8")
        print(f"written to {TUNING_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
