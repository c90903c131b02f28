"""Judges: one rendered request in, one validated ``Judgment`` out.

``contract`` is what every judge takes and gives (``JudgeRequest``, ``JudgeReply``, the ``Judge``
protocol, its ``JudgeSettings`` and the ``JudgeWrapper`` base of wrappers).
``openai_compatible`` talks to any OpenAI-compatible endpoint through the pure ``openai_protocol``
(request body, reply reading, endpoint settings) and the one ``retry`` layer; ``offline`` is the
deterministic rule-based judge with its lexicons; ``fake`` a scripted judge for tests; ``cache``
a wrapper that never pays for the same request twice; ``choice`` picks one from options and the
environment.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.judges.cache import CachingJudge, ResponseCache
    from answer_eval.judges.choice import choose_judge, resolve_judge
    from answer_eval.judges.contract import (
        Judge,
        JudgeReply,
        JudgeRequest,
        JudgeSettings,
        JudgeWrapper,
    )
    from answer_eval.judges.fake import FakeJudge
    from answer_eval.judges.offline import OfflineJudge
    from answer_eval.judges.openai_compatible import OpenAIJudge
    from answer_eval.judges.retry import RetryPolicy

_FACE = {
    "CachingJudge": "answer_eval.judges.cache",
    "FakeJudge": "answer_eval.judges.fake",
    "Judge": "answer_eval.judges.contract",
    "JudgeReply": "answer_eval.judges.contract",
    "JudgeRequest": "answer_eval.judges.contract",
    "JudgeSettings": "answer_eval.judges.contract",
    "JudgeWrapper": "answer_eval.judges.contract",
    "OfflineJudge": "answer_eval.judges.offline",
    "OpenAIJudge": "answer_eval.judges.openai_compatible",
    "ResponseCache": "answer_eval.judges.cache",
    "RetryPolicy": "answer_eval.judges.retry",
    "choose_judge": "answer_eval.judges.choice",
    "resolve_judge": "answer_eval.judges.choice",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = [
    "CachingJudge",
    "FakeJudge",
    "Judge",
    "JudgeReply",
    "JudgeRequest",
    "JudgeSettings",
    "JudgeWrapper",
    "OfflineJudge",
    "OpenAIJudge",
    "ResponseCache",
    "RetryPolicy",
    "choose_judge",
    "resolve_judge",
]
