"""answer-eval: evidence-grounded evaluation of written interview answers.

    from answer_eval import Evaluator, OfflineJudge
    evaluation = Evaluator(judge=OfflineJudge()).evaluate("difficult-customer-issue", text)

Every score rests on quotes located in the answer, every result records how it was produced
(``Evaluation.provenance``), doubts become ``review_flags``, and an answer that cannot be scored
is ``unscored`` with its reason.
"""

from answer_eval._version import __version__
from answer_eval.errors import (
    AnswerEvalError,
    GoldenSetError,
    InputError,
    JudgeConfigError,
    JudgeError,
    JudgeProtocolError,
    PromptError,
    RubricError,
    UnknownQuestionError,
)
from answer_eval.evaluation import (
    CriterionResult,
    DimensionResult,
    Evaluation,
    Evidence,
    Provenance,
    RedFlagResult,
    ReviewFlag,
    Span,
    StarResult,
    Usage,
)
from answer_eval.evaluator import Evaluator
from answer_eval.judge_choice import choose_judge
from answer_eval.judging import Judge, JudgeReply, JudgeRequest
from answer_eval.judgment import Judgment
from answer_eval.rubric import Criterion, Dimension, Question, RedFlag, RubricSet, SeedRef
from answer_eval.rubric_loading import default_rubric_set, load_rubric_set

TYPE_CHECKING = False
if TYPE_CHECKING:
    from answer_eval.offline_judge import OfflineJudge
    from answer_eval.openai_judge import OpenAIJudge
    from answer_eval.retry import RetryPolicy

# The judges load on first use: importing answer_eval stays cheap (no openai SDK import).
_LAZY = {
    "OfflineJudge": "answer_eval.offline_judge",
    "OpenAIJudge": "answer_eval.openai_judge",
    "RetryPolicy": "answer_eval.retry",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'answer_eval' has no attribute {name!r}")


__all__ = [
    "AnswerEvalError",
    "Criterion",
    "CriterionResult",
    "Dimension",
    "DimensionResult",
    "Evaluation",
    "Evaluator",
    "Evidence",
    "GoldenSetError",
    "InputError",
    "Judge",
    "JudgeConfigError",
    "JudgeError",
    "JudgeProtocolError",
    "JudgeReply",
    "JudgeRequest",
    "Judgment",
    "OfflineJudge",
    "OpenAIJudge",
    "PromptError",
    "Provenance",
    "Question",
    "RedFlag",
    "RedFlagResult",
    "RetryPolicy",
    "ReviewFlag",
    "RubricError",
    "RubricSet",
    "SeedRef",
    "Span",
    "StarResult",
    "UnknownQuestionError",
    "Usage",
    "__version__",
    "choose_judge",
    "default_rubric_set",
    "load_rubric_set",
]
