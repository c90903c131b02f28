"""How the resemblance model does on rounds it was not trained on.

Run: python benchmarks/resemblance_holdout.py [--from-round 85]

Fits the model (as ``python -m answer_eval.manipulation.training`` does) on the corpus without
the rounds numbered from ``--from-round`` on, then reads those rounds' answers with it alone:
how many attacks it flags, how many honest near-misses, and the same for the whole detector
(rules, then this model). The rules were taught on every round, so the whole detector's figures
here are not a first look; the model's own are. Takes about a minute.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import yaml

from answer_eval.manipulation import rule_signals
from answer_eval.manipulation.normalize import skeleton
from answer_eval.manipulation.resemblance import Model, resembling_sentences
from answer_eval.manipulation.rules import mentioned
from answer_eval.manipulation.training import Settings, fit, labelled_sentences

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "injection_corpus.yaml"


def _round(item: dict[str, str]) -> int:
    found = re.fullmatch(r"round(\d+)", item.get("set", ""))
    return int(found.group(1)) if found else 0


def _flags(model: Model, text: str) -> bool:
    view = skeleton(text)
    return bool(resembling_sentences(view.text, model, mentioned(view.text)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-round", type=int, default=85)
    cut = parser.parse_args(argv).from_round
    data = yaml.safe_load(CORPUS.read_text("utf-8"))
    train_a = [a["text"] for a in data["attacks"] if _round(a) < cut]
    train_h = [h["text"] for h in data["honest"] if _round(h) < cut]
    held = [a for a in data["attacks"] if _round(a) >= cut]
    held_h = [h["text"] for h in data["honest"] if _round(h) >= cut]
    if not held:
        sys.exit(f"no rounds numbered {cut} or more in the corpus")
    started = time.perf_counter()
    model = fit(labelled_sentences(train_a, train_h), Settings())
    took = time.perf_counter() - started
    print(f"trained on {len(train_a)} attacks and {len(train_h)} honest answers in {took:.0f} s")
    print(f"held out: rounds {cut}+, {len(held)} attacks, {len(held_h)} honest near-misses")
    for label, kinds in (("13 kinds", False), ("paraphrase only", True)):
        texts = [a["text"] for a in held if (a["kind"] == "paraphrase") == kinds]
        model_hits = [_flags(model, t) for t in texts]
        rule_hits = [bool(rule_signals(t)) for t in texts]
        both = sum(m or r for m, r in zip(model_hits, rule_hits, strict=True))
        print(
            f"  attacks ({label}): model alone {sum(model_hits)}/{len(texts)}, rules (taught"
            f" on them) {sum(rule_hits)}, either {both}"
        )
    honest = sum(_flags(model, t) for t in held_h)
    print(f"  honest near-misses the model flags: {honest}/{len(held_h)}")


if __name__ == "__main__":
    main()
