"""Quotes highlighted in the answer text, for the HTML report (pure).

Every verified quote (dimension evidence, STAR parts, red flags present) is a character span of
the answer. ``highlight_answer`` escapes the answer and wraps each span in ``<mark>``; where
quotes overlap, the text is cut at every span boundary and each piece's ``<mark>`` names all
the quotes covering it, so no span is ever nested or lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from itertools import pairwise

from answer_eval.evaluation import Evaluation, Evidence

__all__ = ["highlight_answer"]

Mark = tuple[int, int, str, str]  # start, end, kind (dim / star / flag), label


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _marks(evaluation: Evaluation) -> Iterable[tuple[Evidence, str, str]]:
    for dim in evaluation.dimensions:
        for evidence in dim.evidence:
            yield evidence, "dim", dim.name
    if evaluation.star is not None:
        for part in ("situation", "task", "action", "result"):
            evidence = getattr(evaluation.star, part)
            if evidence is not None:
                yield evidence, "star", f"STAR {part}"
    for flag in evaluation.red_flags:
        if flag.present:
            for evidence in flag.evidence:
                yield evidence, "flag", f"red flag: {flag.id}"


def highlight_answer(answer: str, evaluation: Evaluation) -> tuple[str, int, int]:
    """The answer as HTML with each verified quote's span in ``<mark>``s; also how many spans
    were highlighted and how many did not match this answer text (it changed since scoring).

    Overlapping quotes are cut into segments at every span boundary; a segment's ``<mark>``
    carries its offsets, the kinds of the quotes covering it as classes, and their labels.
    """
    spans: list[Mark] = []
    mismatched = 0
    for evidence, kind, label in _marks(evaluation):
        span = evidence.span
        if not evidence.verified or span is None:
            continue
        if answer[span.start : span.end] != span.text:
            mismatched += 1
            continue
        spans.append((span.start, span.end, kind, label))
    cuts = sorted({0, len(answer), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    parts = []
    for start, end in pairwise(cuts):
        covering = [m for m in spans if m[0] <= start and end <= m[1]]
        text = _e(answer[start:end])
        if not covering:
            parts.append(text)
            continue
        kinds = " ".join(sorted({m[2] for m in covering}))
        labels = "; ".join(dict.fromkeys(m[3] for m in covering))
        parts.append(
            f'<mark class="hl {kinds}" data-start="{start}" data-end="{end}" '
            f'title="{_e(labels)}">{text}</mark>'
        )
    return "".join(parts), len(spans), mismatched
