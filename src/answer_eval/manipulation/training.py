"""Training: the resemblance model learned from the injection corpus.

Each sentence of the corpus is one example, read as the detector reads it (the skeleton):

* a sentence of an attack that the rules flag is an attack sentence;
* a sentence of an attack that no rule flags is most likely the story around the attack, and
  counts as honest at half weight (some of them are attacks the rules missed);
* an attack in which no rule flags anything is left out (which sentence is the attack is not
  known);
* every sentence of an honest near-miss is honest, at double weight (they were written to
  look like attacks, and a false flag costs an honest candidate a review).

The fit is a plain logistic regression (AdaGrad over shuffled examples, L2 penalty spread over
each feature's occurrences), written out here so that the shipped model can be rebuilt from
the corpus with nothing but this package: ``python -m answer_eval.manipulation.training``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from answer_eval.manipulation import Signal, rule_signals
from answer_eval.manipulation.normalize import skeleton
from answer_eval.manipulation.resemblance import (
    Model,
    features,
    sentences_read,
    signs_fingerprint,
)
from answer_eval.manipulation.rules import mentioned

__all__ = ["Example", "Settings", "fit", "labelled_sentences", "main", "train"]

_DEFAULT_CORPUS = Path("tests/data/injection_corpus.yaml")
_DEFAULT_OUT = Path(__file__).with_name("resemblance.json")


@dataclass(frozen=True)
class Example:
    features: frozenset[str]
    attack: bool
    weight: float


@dataclass(frozen=True)
class Settings:
    """How the model is fitted; recorded in the model file."""

    c: float = 4.0  # inverse strength of the L2 penalty
    epochs: int = 30
    rate: float = 0.5
    seed: int = 0
    unflagged_weight: float = 0.5  # weight of an attack's sentences that no rule flags
    honest_weight: float = 2.0  # weight of a near-miss's sentences
    min_count: int = 2  # features seen fewer times are left out (they only memorise)
    threshold: float = 0.6  # probability from which a sentence is flagged
    min_words: int = 4  # shorter sentences are not judged


def labelled_sentences(
    attacks: Iterable[str],
    honest: Iterable[str],
    settings: Settings = Settings(),
    flag: Callable[[str], list[Signal]] = rule_signals,
) -> list[Example]:
    """The sentences of the corpus as examples, labelled as the module docstring says."""
    examples = []
    for text in attacks:
        signals = flag(text)
        if not signals:
            continue  # an attack no rule reads: which of its sentences is the attack is unknown
        view = skeleton(text)
        for a, b, words in sentences_read(view.text, mentioned(view.text)):
            start, end = view.span(a, b)
            hit = any(s.start < end and start < s.end for s in signals)
            weight = 1.0 if hit else settings.unflagged_weight
            examples.append(Example(features(words), hit, weight))
    for text in honest:
        view = skeleton(text)
        examples += [
            Example(features(words), False, settings.honest_weight)
            for *_, words in sentences_read(view.text, mentioned(view.text))
        ]
    return [e for e in examples if e.features]


def fit(examples: Sequence[Example], settings: Settings = Settings()) -> Model:
    """A logistic regression of ``examples``: minimises the weighted log loss plus
    ||w||^2 / (2c), the penalty applied to each feature where it occurs (1/count each time)."""
    counts = Counter(f for e in examples for f in e.features)
    rare = {f for f, n in counts.items() if n < settings.min_count}
    examples = [
        Example(e.features - rare, e.attack, e.weight) for e in examples if e.features - rare
    ]
    weights: defaultdict[str, float] = defaultdict(float)
    squares: defaultdict[str, float] = defaultdict(float)
    bias = bias_squares = 0.0
    order = list(range(len(examples)))
    rng = random.Random(settings.seed)
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            example = examples[i]
            x = 1.0 / math.sqrt(len(example.features))
            z = bias + x * sum(weights[f] for f in example.features)
            p = 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0
            error = example.weight * (p - example.attack)
            for f in example.features:
                g = error * x + weights[f] / (settings.c * counts[f])
                squares[f] += g * g
                weights[f] -= settings.rate * g / math.sqrt(squares[f])
            bias_squares += error * error
            bias -= settings.rate * error / math.sqrt(bias_squares + 1e-12)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
    return Model(round(bias, 4), kept, settings.threshold, settings.min_words)


def train(corpus: Path, settings: Settings = Settings()) -> tuple[Model, dict[str, object]]:
    """The model fitted on ``corpus`` (the injection corpus's YAML), with a record of how."""
    raw = corpus.read_bytes()
    data = yaml.safe_load(raw)
    attacks = [item["text"] for item in data["attacks"]]
    honest = [item["text"] for item in data["honest"]]
    examples = labelled_sentences(attacks, honest, settings)
    model = fit(examples, settings)
    record = {
        "corpus": corpus.name,
        "corpus_sha256": hashlib.sha256(raw).hexdigest(),
        "signs_sha256": signs_fingerprint(),
        "attacks": len(attacks),
        "honest": len(honest),
        "sentences": len(examples),
        "attack_sentences": sum(e.attack for e in examples),
        "settings": vars(settings),
    }
    return model, record


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    args = parser.parse_args(argv)
    model, record = train(args.corpus)
    payload = {
        "trained_on": record,
        "threshold": model.threshold,
        "min_words": model.min_words,
        "bias": model.bias,
        "weights": model.weights,
    }
    args.out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(model.weights)} weights from {record['sentences']} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
