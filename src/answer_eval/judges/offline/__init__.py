"""The offline judge: deterministic, rule-based, no network; a baseline and a guardrail.

``judge`` is the ``OfflineJudge``; ``evidence`` picks verbatim sentences, ``cues`` checks the
rubric's cue phrases, ``scoring`` turns evidence into scores, and ``lexicon`` holds the generic
lexicons drawn from the seed guides' language.
"""

from answer_eval.judges.offline.judge import OfflineJudge

__all__ = ["OfflineJudge"]
