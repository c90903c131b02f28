"""Keyword stuffing: cue phrases packed more densely than real answers pack them.

Real answers mention a listening cue, an ownership cue or a result now and then, inside
sentences that tell something. A salad of rubric phrases ("listened, empathized, took ownership,
root cause, followed up, renewed within 4 hours") is made of little else. The judge measures how
much of the text the cue phrases cover (the question's cue phrases and the evidence lexicons'
entries, overlapping finds merged), per sentence, per run of sentences and over the answer.
Text covered beyond what real answers show is *stuffed* and earns nothing, and such an answer is
flagged ``possible_keyword_stuffing``. The thresholds (``tuning.yaml``, ``stuffing``) sit above
the densest real answers of the dev set, the labelled set and the golden sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from answer_eval.judges.offline.evidence import Hit
from answer_eval.judges.offline.reading import Sentence
from answer_eval.judges.offline.tuning import Tuning

__all__ = ["Stuffing", "find_stuffing"]


@dataclass(frozen=True)
class Stuffing:
    """Where cue phrases are packed beyond real answers, and whether to flag the answer."""

    stuffed: frozenset[int]  # sentence indexes that earn nothing
    coverage: float  # share of the answer's words inside cue phrases
    flagged: bool
    quote: int | None  # a stuffed sentence to show a reviewer


def _merged(hits: list[Hit]) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the cue spans with overlapping finds merged."""
    per_sentence: dict[int, list[tuple[int, int]]] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        spans = per_sentence.setdefault(hit.sentence, [])
        if spans and hit.start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hit.end))
        else:
            spans.append((hit.start, hit.end))
    return per_sentence


def find_stuffing(
    folded: str, sentences: list[Sentence], cue_hits: list[Hit], tuning: Tuning
) -> Stuffing:
    """The stuffed sentences of an answer and the share of its words that are cue phrases."""
    per_sentence = _merged(cue_hits)
    limits = tuning.stuffing
    n = len(sentences)
    spans = [0] * n
    covered = [0] * n
    for i, found in per_sentence.items():
        if i >= n:
            continue
        spans[i] = len(found)
        covered[i] = sum(folded.count(" ", a, b) + 1 for a, b in found)
    words = [len(s.words) for s in sentences]
    stuffed = {
        i
        for i in range(n)
        if spans[i] >= limits["sentence_min_cues"]
        and covered[i] >= limits["sentence_coverage"] * words[i]
    }
    # a run of short sentences, each with a cue or two, packs them as densely as one list does
    width = int(limits["window_sentences"])
    for first in range(max(0, n - width + 1)):
        last = first + width
        cues, total = sum(spans[first:last]), sum(words[first:last])
        dense = sum(covered[first:last]) >= limits["window_coverage"] * total
        if cues >= limits["window_min_cues"] and dense:
            # the run's own dense sentences, not a real sentence that happens to stand beside
            stuffed.update(
                i
                for i in range(first, last)
                if covered[i] >= limits["window_member_coverage"] * words[i]
            )
    all_words = sum(words)
    coverage = sum(covered) / all_words if all_words else 0.0
    stuffed_words = sum(words[i] for i in stuffed)
    flagged = bool(all_words) and (
        (sum(spans) >= limits["answer_min_cues"] and coverage >= limits["answer_coverage"])
        or stuffed_words >= limits["stuffed_share"] * all_words
    )
    return Stuffing(
        stuffed=frozenset(stuffed),
        coverage=coverage,
        flagged=flagged,
        quote=min(stuffed) if stuffed else None,
    )
