"""The offline judge on the third-party dev set: ranking, verdicts, length-controlled pairs.

Run: ``python benchmarks/devset_eval.py [--verbose]`` (needs the dev set; see ``devset.py``).

Every answer goes through the full pipeline, ``Evaluator(judge=OfflineJudge())``. Printed:

1. Pairwise accuracy on (strong, weak) pairs to the same question: the judge's overall score
   beside word-count and sentence-count baselines (ties count as wrong), over all pairs, over
   pairs whose lengths differ by under 25%, and on the fit and held-out halves (split by source
   site; the judge's fitted weights saw only the fit half).
2. The recommendation confusion table (source label x recommendation) and the goal shares.
3. Per question of the set: pairs, accuracy, mean overall of strong and weak answers.
4. Length-controlled pairs (``perturb.py``): the share held, by kind and by sentence-bank half.
5. Cue salads alone, for every rubric question and salad shape: the highest recommendation.

What was tuned on what: the lexicons were written by reading the whole dev set (no answer text
copied), the latent weights were fitted on the fit half only, the calibration knots were set on
the fit half, and the detectors were improved against the "dev" half of the sentence banks.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devset
import perturb

from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.judges.offline.judge import OfflineJudge

ORDER = ("strong_yes", "yes", "mixed", "no", "definitely_not")
GOALS = {
    "pairwise accuracy (all pairs)": 0.95,
    "held share, every kind of length-controlled pair": 0.90,
    "model answers at yes or better": 0.70,
    "answers to avoid at no or worse": 0.80,
}


@dataclass
class Report:
    """Every figure the script prints, for tests to assert on."""

    accuracy: dict[str, dict[str, float]] = field(default_factory=dict)  # subset -> method -> acc
    counts: dict[str, int] = field(default_factory=dict)  # subset -> pairs
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    held: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # kind -> bank
    salad_worst: str = "definitely_not"
    salad_flagged: tuple[int, int] = (0, 0)
    per_question: list[tuple[str, str, int, float, float, float, float]] = field(
        default_factory=list
    )
    uncertain: int = 0

    def share(self, label: str, recommendations: tuple[str, ...]) -> float:
        counts = self.confusion.get(label, Counter())
        total = sum(counts.values())
        return sum(counts[r] for r in recommendations) / total if total else 0.0

    def held_share(self, kind: str, bank: str | None = None) -> float:
        parts = [v for b, v in self.held[kind].items() if bank is None or b == bank]
        total = sum(n for _, n in parts)
        return sum(h for h, _ in parts) / total if total else 0.0


def _words(text: str) -> int:
    return len(text.split())


def _sentences(text: str) -> int:
    return max(
        1, sum(1 for part in text.replace("!", ".").replace("?", ".").split(".") if part.strip())
    )


def _accuracy(pairs: list[tuple[float, float]]) -> float:
    return sum(b > w for b, w in pairs) / len(pairs) if pairs else float("nan")


def evaluate(evaluator: Evaluator | None = None, verbose: bool = False) -> Report:
    """Judge the dev set and the pairs built from it; every figure in a ``Report``."""
    evaluator = evaluator or Evaluator(judge=OfflineJudge())
    answers = devset.load()
    judged: dict[str, Evaluation] = {
        a.id: evaluator.evaluate(a.question_id, a.text) for a in answers
    }
    overall = {k: e.overall or 0.0 for k, e in judged.items()}
    report = Report()
    all_pairs = devset.pairs(answers)
    subsets = {
        "all": all_pairs,
        "length within 25%": [
            (s, w)
            for s, w in all_pairs
            if abs(_words(s.text) - _words(w.text)) < 0.25 * max(_words(s.text), _words(w.text))
        ],
        "fit half": devset.pairs(answers, "fit"),
        "held-out half": devset.pairs(answers, "held-out"),
    }
    for name, pairs in subsets.items():
        report.counts[name] = len(pairs)
        report.accuracy[name] = {
            "offline judge": _accuracy([(overall[s.id], overall[w.id]) for s, w in pairs]),
            "word count": _accuracy([(_words(s.text), _words(w.text)) for s, w in pairs]),
            "sentence count": _accuracy(
                [(_sentences(s.text), _sentences(w.text)) for s, w in pairs]
            ),
        }
    for half in ("all", "fit", "held-out"):
        for a in answers:
            if half == "all" or a.half == half:
                report.confusion.setdefault(f"{a.label}|{half}", Counter())[
                    judged[a.id].recommendation or "unscored"
                ] += 1
    for label in ("strong", "adequate", "weak"):
        report.confusion[label] = report.confusion.get(f"{label}|all", Counter())
    report.uncertain = sum(
        any(f.code == "offline_uncertain" for f in e.review_flags) for e in judged.values()
    )
    by_question: dict[str, list[tuple[devset.Answer, devset.Answer]]] = defaultdict(list)
    for s, w in all_pairs:
        by_question[s.set_question].append((s, w))
    for q in sorted({a.set_question for a in answers}):
        members = [a for a in answers if a.set_question == q]
        strong = [overall[a.id] for a in members if a.label == "strong"]
        weak = [overall[a.id] for a in members if a.label == "weak"]
        pairs = by_question.get(q, [])
        report.per_question.append(
            (
                q,
                members[0].question_id,
                len(pairs),
                _accuracy([(overall[s.id], overall[w.id]) for s, w in pairs]),
                _accuracy([(_words(s.text), _words(w.text)) for s, w in pairs]),
                sum(strong) / len(strong) if strong else float("nan"),
                sum(weak) / len(weak) if weak else float("nan"),
            )
        )
    questions = {q.id: q for q in evaluator.rubric_set.questions}
    built = perturb.build_pairs(
        [(a.id, a.question_id, a.label, a.text) for a in answers], questions
    )
    for pair in built:
        better = evaluator.evaluate(pair.question_id, pair.better)
        worse = evaluator.evaluate(pair.question_id, pair.worse)
        b, w = better.overall or 0.0, worse.overall or 0.0
        ok = w <= b if pair.kind in ("padding", "stuffing") else w < b
        if ok and pair.kind == "dismiss_ai" and "ai_fluency" in questions[pair.question_id].weights:
            ok = (worse.dimension("ai_fluency").score or 0) < (
                better.dimension("ai_fluency").score or 0
            )
        h, n = report.held.setdefault(pair.kind, {}).get(pair.bank, (0, 0))
        report.held[pair.kind][pair.bank] = (h + ok, n + 1)
        if verbose and not ok:
            print(f"  not held: {pair.kind} {pair.source} ({pair.bank}) {b:.2f} -> {w:.2f}")
    shapes = perturb.banks()["salad_shapes"]
    worst, flagged, total = len(ORDER) - 1, 0, 0
    for question in questions.values():
        for salad in perturb.salads(question, shapes):
            result = evaluator.evaluate(question.id, salad)
            worst = min(worst, ORDER.index(result.recommendation or "definitely_not"))
            flagged += any(f.code == "possible_keyword_stuffing" for f in result.review_flags)
            total += 1
    report.salad_worst = ORDER[worst]
    report.salad_flagged = (flagged, total)
    if verbose:
        for a in answers:
            e = judged[a.id]
            dims = " ".join(f"{d.id[:4]}={d.score}" for d in e.dimensions if d.score)
            print(
                f"  {a.id} {a.label:8s} {a.half:8s} {e.overall:5.2f} {e.recommendation:14s} {dims}"
            )
    return report


def goals(report: Report) -> dict[str, tuple[float, float]]:
    """Each goal: (figure, target)."""
    kinds = min(report.held_share(k) for k in report.held) if report.held else 0.0
    return {
        "pairwise accuracy (all pairs)": (
            report.accuracy["all"]["offline judge"],
            GOALS["pairwise accuracy (all pairs)"],
        ),
        "held share, every kind of length-controlled pair": (
            kinds,
            GOALS["held share, every kind of length-controlled pair"],
        ),
        "model answers at yes or better": (
            report.share("strong", ("strong_yes", "yes")),
            GOALS["model answers at yes or better"],
        ),
        "answers to avoid at no or worse": (
            report.share("weak", ("no", "definitely_not")),
            GOALS["answers to avoid at no or worse"],
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every answer and miss")
    args = parser.parse_args(argv)
    if devset.locate() is None:
        print(f"no dev set found (set {devset.ENV} or put it at ../shared/devset)")
        return 2
    report = evaluate(verbose=args.verbose)
    print("1. Pairwise accuracy, (strong, weak) pairs to the same question (ties count as wrong)")
    print(f"   {'pairs':22s} {'n':>4s} {'offline':>8s} {'words':>8s} {'sentences':>10s}")
    for name, figures in report.accuracy.items():
        print(
            f"   {name:22s} {report.counts[name]:4d} {figures['offline judge']:8.3f}"
            f" {figures['word count']:8.3f} {figures['sentence count']:10.3f}"
        )
    print("\n2. Recommendations by source label (rows) - all answers, then held-out half only")
    for half in ("all", "held-out"):
        print(f"   [{half}] {'label':9s}" + "".join(f"{r:>15s}" for r in ORDER))
        for label in ("strong", "adequate", "weak"):
            counts = report.confusion.get(f"{label}|{half}", Counter())
            print(
                f"   {'':{len(half) + 3}s}{label:9s}" + "".join(f"{counts[r]:15d}" for r in ORDER)
            )
    for half in ("all", "held-out"):
        yes = report.share(f"strong|{half}", ("strong_yes", "yes"))
        no = report.share(f"weak|{half}", ("no", "definitely_not"))
        print(f"   [{half}] model answers at yes or better: {yes:.0%};"
              f" answers to avoid at no or worse: {no:.0%}")  # fmt: skip
    print(f"   answers flagged offline_uncertain: {report.uncertain}")
    print("\n3. Per question of the set (accuracy over its pairs; mean overall score)")
    print(f"   {'set':4s} {'rubric question':32s} {'pairs':>5s} {'offline':>8s} {'words':>6s}"
          f" {'strong':>7s} {'weak':>6s}")  # fmt: skip
    for q, rubric, n, acc, words, strong, weak in report.per_question:
        print(f"   {q:4s} {rubric:32s} {n:5d} {acc:8.3f} {words:6.3f} {strong:7.2f} {weak:6.2f}")
    print("\n4. Length-controlled pairs built from dev-set answers: share held")
    print(f"   {'kind':12s} {'all':>12s} {'dev bank':>12s} {'check bank':>12s}")
    for kind in perturb.KINDS:
        cells = []
        for bank in (None, "dev", "check"):
            parts = [v for b, v in report.held.get(kind, {}).items() if bank is None or b == bank]
            h, n = sum(x for x, _ in parts), sum(y for _, y in parts)
            cells.append(f"{h}/{n} {h / n:4.0%}" if n else "-")
        print(f"   {kind:12s} " + " ".join(f"{c:>12s}" for c in cells))
    flagged, total = report.salad_flagged
    print(f"\n5. Cue salads alone ({total}): highest recommendation {report.salad_worst};"
          f" flagged possible_keyword_stuffing: {flagged}/{total}")  # fmt: skip
    print("\nGoals")
    met = True
    for name, (value, target) in goals(report).items():
        ok = value >= target
        met &= ok
        print(f"   {'met ' if ok else 'MISS'} {name}: {value:.3f} (goal {target})")
    salad_ok = ORDER.index(report.salad_worst) >= ORDER.index("mixed")
    met &= salad_ok
    print(f"   {'met ' if salad_ok else 'MISS'} cue salad never above mixed: {report.salad_worst}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
