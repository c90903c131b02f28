"""What the offline judge asks a human to look at (``JudgeReply.review_flags``).

* ``possible_keyword_stuffing``: cue phrases cover more of the answer than real answers show
  (``stuffing``); the stuffed text earned nothing;
* ``offline_uncertain``: the answer's quality lies in the band between answers to avoid and
  model answers (``quality.uncertain``), where the judge's own verdict is "mixed" (the
  recommendation still follows the rubric's thresholds, so it may read otherwise).
"""

from __future__ import annotations

from answer_eval.evaluation import ReviewFlag
from answer_eval.judges.offline.evidence import AnswerText
from answer_eval.judges.offline.quality import uncertain
from answer_eval.judges.offline.stuffing import Stuffing
from answer_eval.judges.offline.tuning import Tuning

__all__ = ["review_notes"]


def review_notes(
    text: AnswerText, stuffing: Stuffing, q: float, tuning: Tuning
) -> tuple[ReviewFlag, ...]:
    """The review notes of an answer of quality ``q``: possible keyword stuffing (with a stuffed
    sentence to show), and an answer the judge cannot place."""
    notes = []
    if stuffing.flagged:
        quote = ""
        if stuffing.quote is not None:
            start, end = text.spans[stuffing.quote]
            quote = f": {text.text[start:end][:120]!r}"
        notes.append(
            ReviewFlag(
                code="possible_keyword_stuffing",
                message=(
                    f"cue phrases cover {stuffing.coverage:.0%} of the answer, beyond what real"
                    f" answers show; stuffed text earned nothing{quote}"
                ),
            )
        )
    if uncertain(q, tuning):
        notes.append(
            ReviewFlag(
                code="offline_uncertain",
                message=(
                    f"the offline judge cannot place this answer (quality {q:.2f} lies between"
                    " answers to avoid and model answers); a human should read it"
                ),
            )
        )
    return tuple(notes)
