"""Deterministic red-flag checks that run beside any judge.

* ``cue_red_flags``: a red flag whose cue phrase stands verbatim in the answer (folded with
  ``text.fold``, on word boundaries) is reported even when a judge missed it, unless a negation
  within three words before it, in the same clause, negates it ("I didn't want to just say no").

It returns spans of the answer itself, so what it reports is checkable. Text that addresses the
evaluator is found by ``answer_eval.manipulation``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from answer_eval.evaluation import Span
from answer_eval.rubrics.models import Question
from answer_eval.text import fold, negated_before

__all__ = ["cue_pattern", "cue_red_flags"]


@lru_cache(maxsize=4096)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """The compiled pattern for one cue phrase (word boundaries where the cue has word ends)."""
    text = fold(cue).strip()
    body = r"\s+".join(re.escape(part) for part in text.split())
    left = r"\b" if text[:1].isalnum() else ""
    right = r"\b" if text[-1:].isalnum() else ""
    return re.compile(left + body + right)


def cue_red_flags(question: Question, answer: str) -> dict[str, list[Span]]:
    """Red flag id -> spans where one of its cue phrases stands verbatim in the answer."""
    folded = fold(answer)
    found: dict[str, list[Span]] = {}
    for flag in question.red_flags:
        spans = []
        for cue in flag.cues:
            for m in cue_pattern(cue).finditer(folded):
                # "I didn't want to just say no": the candidate distances themselves from it
                if negated_before(folded, m.start()):
                    continue
                spans.append(
                    Span(
                        start=m.start(),
                        end=m.end(),
                        text=answer[m.start() : m.end()],
                        match="normalized",
                        similarity=1.0,
                    )
                )
        if spans:
            found[flag.id] = sorted(spans, key=lambda s: s.start)
    return found
