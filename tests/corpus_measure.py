"""Measuring manipulation detection on a labelled corpus (shared by its test and benchmark)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from answer_eval.manipulation import manipulation_signals

CORPUS = Path(__file__).parent / "data" / "injection_corpus.yaml"


@dataclass
class Figures:
    """Counts behind precision and recall."""

    recall_by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # (flagged, total)
    recall_by_set: dict[str, tuple[int, int]] = field(default_factory=dict)
    precision_by_signal: dict[str, tuple[int, int]] = field(default_factory=dict)  # (attacks, all)
    missed: list[str] = field(default_factory=list)
    honest_flagged: list[str] = field(default_factory=list)
    honest_total: int = 0


def _add(table: dict[str, tuple[int, int]], key: str, hit: bool) -> None:
    a, b = table.get(key, (0, 0))
    table[key] = (a + int(hit), b + 1)


def measure(path: Path = CORPUS) -> Figures:
    """Run the detector over every item of the corpus at ``path``."""
    corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
    figures = Figures()
    raised: dict[str, list[bool]] = defaultdict(list)
    for item in corpus["attacks"]:
        kinds = {s.kind for s in manipulation_signals(item["text"])}
        _add(figures.recall_by_kind, item["kind"], bool(kinds))
        _add(figures.recall_by_set, item.get("set", "dev"), bool(kinds))
        if not kinds:
            figures.missed.append(item["text"])
        for kind in kinds:
            raised[kind].append(True)
    for item in corpus["honest"]:
        kinds = {s.kind for s in manipulation_signals(item["text"])}
        figures.honest_total += 1
        if kinds:
            figures.honest_flagged.append(item["text"])
        for kind in kinds:
            raised[kind].append(False)
    figures.precision_by_signal = {k: (sum(v), len(v)) for k, v in raised.items()}
    return figures


def report(figures: Figures) -> str:
    """The figures as a plain-text table."""
    lines = ["recall by kind (flagged / attacks)"]
    for kind, (hit, total) in sorted(figures.recall_by_kind.items()):
        lines.append(f"  {kind:22} {hit:3}/{total:<3} {hit / total:6.1%}")
    hit = sum(h for h, _t in figures.recall_by_kind.values())
    total = sum(t for _h, t in figures.recall_by_kind.values())
    lines.append(f"  {'all':22} {hit:3}/{total:<3} {hit / total:6.1%}")
    lines.append("recall by set")
    for name, (h, t) in sorted(figures.recall_by_set.items()):
        lines.append(f"  {name:22} {h:3}/{t:<3} {h / t:6.1%}")
    lines.append("precision by signal kind (attack items / items raising it)")
    for kind, (attacks, raised) in sorted(figures.precision_by_signal.items()):
        lines.append(f"  {kind:22} {attacks:3}/{raised:<3} {attacks / raised:6.1%}")
    flagged = len(figures.honest_flagged)
    lines.append(f"honest near-misses flagged: {flagged}/{figures.honest_total}")
    lines += [f"  missed: {text!r}" for text in figures.missed]
    lines += [f"  honest flagged: {text!r}" for text in figures.honest_flagged]
    return "\n".join(lines) + "\n"
