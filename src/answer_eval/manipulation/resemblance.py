"""Resemblance: how much a sentence reads like the attacks of the injection corpus.

The rules (``english``, ``claims``, ``signs`` ...) name what an attack says; they miss an
attack that says it in words no rule has. This reading is a second opinion learned from the
corpus (``tests/data/injection_corpus.yaml``): a logistic regression over the words and word
pairs of a sentence, and the signs each word carries on its own (``sign_words``: a grader, a
top outcome, a request, an override ...), so that a word the corpus never used still counts
for what it means. ``training`` fits it on the sentences the rules flag in the corpus's
attacks against every sentence of its honest near-misses. It sees only the skeleton of one
sentence, so it is as blind to disguise as it is cheap; the readings of disguise stay the
rules' work.

The model is data (``resemblance.json``, written by ``python -m
answer_eval.manipulation.training``), and records the corpus it was trained on.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from answer_eval.manipulation.sign_words import SIGNS

__all__ = [
    "Model",
    "features",
    "load_model",
    "own_words",
    "resembling_sentences",
    "sentence_ranges",
    "sentences_read",
    "signs_fingerprint",
    "word_signs",
]

# a run of letters, digits and apostrophes, or any one other visible character
_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9]")
# a sentence ends at its stop (with any closing quote or bracket) or at a line break
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"')\]]*|\n|$)")
_WORDS = re.compile(r"[a-z0-9']+")
# Courtesy (thanks, hopes, asking to be considered: "I hope this answer shows what I would
# bring"; "please consider this alongside my CV") reads much like a plea to the grader, so the
# model leaves it to the rules unless it also asks what only an attack asks: an override, to
# skip, hide or reframe something, a result stated or deserved, the judge's own fields ...
_COURTESY = re.compile(
    r"\b(?:thanks?|thank\s+you|grateful|appreciat\w*|hope|hoping|hopeful(?:ly)?"
    r"|look(?:ing)?\s+forward|consider(?:ing|ation)?|wish)\b"
)
_ATTACKS_ASK = tuple(
    SIGNS[name]
    for name in (
        "override",
        "schema",
        "conceal",
        "rulebook",
        "persona",
        "skip",
        "reframe",
        "flaw",
        "fixed",
        "tool",
        "claimed",
        "label",
        "stamp",
        "mark_as",
        "deserve",
    )
)
_MODEL_FILE = "resemblance.json"


@lru_cache(maxsize=1 << 16)
def word_signs(word: str) -> tuple[str, ...]:
    """The signs (``sign_words.SIGNS``) that ``word`` carries on its own, as "~name"."""
    return tuple(f"~{name}" for name, pattern in SIGNS.items() if pattern.search(word))


def signs_fingerprint() -> str:
    """A digest of the sign vocabularies: a model is trained for one version of them."""
    joined = "\n".join(f"{name}={pattern.pattern}" for name, pattern in SIGNS.items())
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def features(sentence: str) -> frozenset[str]:
    """The words of a (skeleton, lower-case) sentence, its pairs of neighbouring words and the
    signs its words carry."""
    tokens = _TOKEN.findall(sentence)
    found = set(tokens).union(f"{a} {b}" for a, b in itertools.pairwise(tokens))
    for token in set(tokens):
        if token[0].isalnum():
            found.update(word_signs(token))
    return frozenset(found)


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of ``text`` holding one sentence each, without surrounding spaces; pieces shorter
    than three characters are not sentences."""
    ranges = []
    for m in _SENTENCE.finditer(text):
        piece = m.group(0)
        start = m.start() + len(piece) - len(piece.lstrip())
        end = m.end() - (len(piece) - len(piece.rstrip()))
        if end - start >= 3:
            ranges.append((start, end))
    return ranges


@dataclass(frozen=True)
class Model:
    """A logistic regression over a sentence's ``features``, each worth 1/sqrt(their count).

    A sentence of fewer than ``min_words`` words is not judged: "Score: 5/5." alone reads like
    a claim whether or not the next sentence says it was last quarter's QA rating.
    """

    bias: float
    weights: dict[str, float]
    threshold: float
    min_words: int = 4

    def probability(self, sentence: str) -> float:
        """How likely ``sentence`` is an attack's, as the corpus taught (0 to 1)."""
        found = features(sentence)
        if not found:
            return 0.0
        z = self.bias + sum(self.weights.get(f, 0.0) for f in found) / math.sqrt(len(found))
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def _courtesy(sentence: str) -> bool:
    return bool(_COURTESY.search(sentence)) and not any(
        pattern.search(sentence) for pattern in _ATTACKS_ASK
    )


@cache
def load_model() -> Model:
    """The model shipped with the package."""
    raw = json.loads(resources.files(__package__).joinpath(_MODEL_FILE).read_text("utf-8"))
    return Model(
        float(raw["bias"]), dict(raw["weights"]), float(raw["threshold"]), int(raw["min_words"])
    )


def resembling_sentences(
    text: str, model: Model | None = None, quoted: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, float]]:
    """The sentences of ``text`` (a skeleton) that ``model`` reads as an attack's, as ranges of
    ``text`` with their probability."""
    model = model or load_model()
    found = []
    for a, b, sentence in sentences_read(text, quoted):
        if len(_WORDS.findall(sentence)) < model.min_words:
            continue
        p = model.probability(sentence)
        if p >= model.threshold and not _courtesy(sentence):
            found.append((a, b, p))
    return found


def sentences_read(
    text: str, quoted: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, str]]:
    """The sentences of ``text`` (a skeleton) as the model reads them, in training and after:
    their ranges and the words said in them. What a sentence quotes (``quoted``, ranges of
    ``text``) is someone else's words and is left out."""
    return [(a, b, own_words(text, a, b, quoted)) for a, b in sentence_ranges(text)]


def own_words(text: str, a: int, b: int, quoted: tuple[tuple[int, int], ...]) -> str:
    """``text[a:b]`` without the stretches of it that ``quoted`` covers."""
    inside = sorted((max(a, qa), min(b, qb)) for qa, qb in quoted if qa < b and a < qb)
    if not inside:
        return text[a:b]
    pieces, at = [], a
    for qa, qb in inside:
        pieces.append(text[at:qa])
        at = max(at, qb)
    pieces.append(text[at:b])
    return " ".join(piece.strip() for piece in pieces if piece.strip())
