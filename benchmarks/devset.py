"""The third-party dev set: where it is, how its questions map to ours, how it splits by source.

The set itself is not part of this repository (its answers are third-party text, kept for
internal evaluation only). It is found at ``$ANSWER_EVAL_DEVSET`` (the ``answers.jsonl`` file or
its folder) when that is set, else at ``../shared/devset/answers.jsonl`` next to the repository
root; ``locate()`` returns None when it is not there, and everything that needs it skips.

* ``benchmarks/devset_questions.yaml`` maps the set's question ids (Q01-Q20) to rubric ids.
* Split by source: each answer's *site* (its URL's host without "www.", reduced to the
  registrable name; sub-sites of blogging platforms stay apart) goes to one half by a hash of
  the site name, so no site is on both sides. The "fit" half is what ``fit_offline.py`` fits
  the judge's weights on; the "held-out" half is reported separately.
* Pairs: every strong answer against every weak answer to the same question of the set.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

import yaml

__all__ = [
    "MAPPING",
    "Answer",
    "Half",
    "load",
    "locate",
    "pairs",
    "question_map",
    "site",
]

ROOT = Path(__file__).resolve().parent.parent
MAPPING = Path(__file__).resolve().parent / "devset_questions.yaml"
ENV = "ANSWER_EVAL_DEVSET"
SPLIT_SALT = "a"  # chosen for balance of strong/weak answers between the halves, nothing else
FIT_HALF = 1
_PLATFORMS = {"blogspot.com", "substack.com", "pages.dev"}
_SECOND_LEVEL = {"com", "co", "org", "net", "ac", "gov"}

Half = Literal["fit", "held-out"]


@dataclass(frozen=True)
class Answer:
    """One dev-set answer, mapped to a rubric question."""

    id: str
    set_question: str
    question_id: str
    label: str
    text: str
    site: str
    half: Half


def locate() -> Path | None:
    """The dev set's ``answers.jsonl``, or None when it is not available."""
    configured = os.environ.get(ENV)
    candidates = [Path(configured)] if configured else [ROOT.parent / "shared" / "devset"]
    for candidate in candidates:
        path = candidate / "answers.jsonl" if candidate.is_dir() else candidate
        if path.is_file():
            return path
    return None


def question_map() -> dict[str, str]:
    """The set's question ids -> rubric question ids."""
    data = yaml.safe_load(MAPPING.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["questions"].items()}


def site(url: str) -> str:
    """The site an answer comes from: registrable host name, platform sub-sites kept apart."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    two = ".".join(parts[-2:])
    return ".".join(parts[-3:]) if two in _PLATFORMS else two


def _half(site_name: str) -> Half:
    digest = hashlib.sha256((SPLIT_SALT + site_name).encode()).hexdigest()
    return "fit" if int(digest, 16) % 2 == FIT_HALF else "held-out"


def load(path: Path | None = None) -> list[Answer]:
    """Every answer of the dev set (``locate()`` unless ``path`` is given)."""
    path = path or locate()
    if path is None:
        raise FileNotFoundError(f"no dev set: set {ENV} or put it at ../shared/devset")
    mapping = question_map()
    answers = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        name = site(row["source_url"])
        answers.append(
            Answer(
                id=row["id"],
                set_question=row["question_id"],
                question_id=mapping[row["question_id"]],
                label=row["label"],
                text=row["answer"],
                site=name,
                half=_half(name),
            )
        )
    return answers


def pairs(answers: list[Answer], half: Half | None = None) -> list[tuple[Answer, Answer]]:
    """(strong, weak) pairs to the same question of the set, within ``half`` when given."""
    chosen = [a for a in answers if half is None or a.half == half]
    return [
        (s, w)
        for s in chosen
        if s.label == "strong"
        for w in chosen
        if w.label == "weak" and w.set_question == s.set_question
    ]
