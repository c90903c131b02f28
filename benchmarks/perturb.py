"""Length-controlled pairs built programmatically from answers: one change, everything else kept.

Kinds (``better`` is the unchanged answer unless said otherwise):

* ``filler``: one sentence of a model answer swapped for vague filler of about the same length
  (within a quarter of its words), so the answer's length barely moves; the filler must lose.
* ``blame``: a blame-shifting sentence inserted at a sentence boundary; it must lose.
* ``dismiss_ai``: a sentence dismissing AI and tools inserted; it must lose (and, where the
  question weighs AI fluency, score lower on it).
* ``padding``: an answer to avoid padded with unrelated sentences to a model answer's length;
  the padded answer must not score higher (``better`` is the unpadded one).
* ``stuffing``: an answer to avoid with a salad of the question's cue phrases added; it must not
  score higher.

The inserted sentences come from ``perturbations.yaml`` (hand-written for this project, varied,
split into a "dev" and a "check" half); choices are seeded by the answer id, so every run builds
the same pairs. ``salads`` builds cue salads alone, for the "never above mixed" check.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from answer_eval.rubrics.models import Question

__all__ = ["KINDS", "Pair", "banks", "build_pairs", "salads"]

BANKS = Path(__file__).resolve().parent / "perturbations.yaml"
KINDS = ("filler", "blame", "dismiss_ai", "padding", "stuffing")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|$)")
_PADDED_WORDS = 90  # about the median model answer of the dev set (87 words)
_EXTRA_CUES = [
    "listened",
    "took ownership",
    "root cause",
    "followed up",
    "as a result",
    "within 24 hours",
    "95% satisfaction",
    "empathized",
]


@dataclass(frozen=True)
class Pair:
    """Two versions of one answer; ``better`` must score higher (padding, stuffing: not lower)."""

    kind: str
    question_id: str
    source: str
    bank: str  # "dev" or "check": which half of the sentence bank the change came from
    better: str
    worse: str


def banks() -> dict[str, Any]:
    """The sentence banks, each split into its "dev" (even) and "check" (odd) positions."""
    data: dict[str, Any] = yaml.safe_load(BANKS.read_text(encoding="utf-8"))
    out: dict[str, Any] = {"salad_shapes": data["salad_shapes"]}
    for name in ("filler", "blame", "dismiss_ai", "padding"):
        out[name] = {"dev": data[name][0::2], "check": data[name][1::2]}
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of two words or more, without surrounding spaces."""
    out = []
    for m in _SENTENCE.finditer(text):
        body = m.group(0)
        if len(body.split()) >= 2:
            start = m.start() + len(body) - len(body.lstrip())
            out.append((start, m.start() + len(body.rstrip())))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _insert(text: str, sentence: str, rng: random.Random) -> str:
    bounds = [e for _, e in _sentences(text)]
    at = rng.choice(bounds) if bounds else len(text)
    return f"{_ended(text[:at])} {sentence} {text[at:].lstrip()}".strip()


def _filler(text: str, bank: list[str], rng: random.Random) -> str | None:
    spans = [s for s in _sentences(text) if _words(text[s[0] : s[1]]) >= 4]
    if len(spans) < 2:
        return None
    start, end = rng.choice(spans)
    size = _words(text[start:end])
    options = [f for f in bank if abs(_words(f) - size) <= max(2, size // 4)]
    options += [
        f"{a} {b}"
        for a in bank
        for b in bank
        if a < b and abs(_words(a) + _words(b) - size) <= max(2, size // 4)
    ]
    if not options:
        return None
    return f"{text[:start]}{rng.choice(sorted(options))}{text[end:]}"


def _ended(text: str) -> str:
    """``text`` with a full stop if it ends without one, so what is added is a new sentence."""
    text = text.rstrip()
    return text if text[-1:] in ".!?\"')" else text + "."


def _pad(text: str, bank: list[str], rng: random.Random) -> str:
    sentences = list(bank)
    rng.shuffle(sentences)
    padded = _ended(text)
    for sentence in sentences:
        if _words(padded) >= _PADDED_WORDS:
            break
        padded += " " + sentence
    return padded


def _cues(question: Question) -> list[str]:
    return sorted({c for criterion in question.criteria for c in criterion.cues})


def _salad(question: Question, shape: str, rng: random.Random) -> str:
    cues = _cues(question) + _EXTRA_CUES
    picked = rng.sample(cues, min(len(cues), rng.randint(7, 11)))
    result = shape.replace("{cues}", ", ".join(picked[:-1]) + f" and {picked[-1]}")
    for cue in picked:
        result = result.replace("{cue}", cue, 1).replace("{Cue}", cue[:1].upper() + cue[1:], 1)
    return result


def salads(question: Question, shapes: list[str], seed: str = "salad") -> list[str]:
    """One cue salad per shape, from ``question``'s cue phrases (and a few generic ones)."""
    rng = random.Random(f"{seed}-{question.id}")
    return [_salad(question, shape, rng) for shape in shapes]


def build_pairs(
    answers: list[tuple[str, str, str, str]], questions: dict[str, Question]
) -> list[Pair]:
    """Pairs of every kind from ``answers``: (id, question id, label, text) tuples.

    Model answers (strong) get filler, blame and dismissal; answers to avoid and middling ones
    (weak, adequate) get padding and cue salads. Two variants per bank half for the first three
    kinds, one for the last two.
    """
    data = banks()
    out: list[Pair] = []
    for answer_id, question_id, label, text in answers:
        question = questions[question_id]
        for half in ("dev", "check"):
            if label == "strong":
                for k in range(2):
                    rng = random.Random(f"{answer_id}-{half}-{k}")
                    swapped = _filler(text, data["filler"][half], rng)
                    if swapped is not None:
                        out.append(Pair("filler", question_id, answer_id, half, text, swapped))
                    for kind in ("blame", "dismiss_ai"):
                        sentence = rng.choice(data[kind][half])
                        worse = _insert(text, sentence, rng)
                        out.append(Pair(kind, question_id, answer_id, half, text, worse))
            if label in ("weak", "adequate"):
                rng = random.Random(f"{answer_id}-{half}-pad")
                padded = _pad(text, data["padding"][half], rng)
                out.append(Pair("padding", question_id, answer_id, half, text, padded))
                shape = rng.choice(data["salad_shapes"])
                stuffed = f"{_ended(text)} {_salad(question, shape, rng)}"
                out.append(Pair("stuffing", question_id, answer_id, half, text, stuffed))
    return out
