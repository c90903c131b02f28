"""answer-eval: evidence-grounded evaluation of written interview answers.

    from answer_eval import Evaluator, OfflineJudge
    evaluation = Evaluator(judge=OfflineJudge()).evaluate("difficult-customer-issue", text)

Every score rests on quotes located in the answer, every result records how it was produced
(``Evaluation.provenance``), doubts become ``review_flags``, and an answer that cannot be scored
is ``unscored`` with its reason.
"""

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from answer_eval.batch import aevaluate_many, evaluate_many
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
    from answer_eval.offline_judge import OfflineJudge
    from answer_eval.openai_judge import OpenAIJudge
    from answer_eval.retry import RetryPolicy
    from answer_eval.rubric import Criterion, Dimension, Question, RedFlag, RubricSet, SeedRef
    from answer_eval.rubric_loading import default_rubric_set, load_rubric_set

# Everything but the errors loads on first use, so `import answer_eval` (and the pytest plugin,
# which pytest imports in every run once answer-eval is installed) stays cheap.
_LAZY = {
    "Criterion": "answer_eval.rubric",
    "CriterionResult": "answer_eval.evaluation",
    "Dimension": "answer_eval.rubric",
    "DimensionResult": "answer_eval.evaluation",
    "Evaluation": "answer_eval.evaluation",
    "Evaluator": "answer_eval.evaluator",
    "Evidence": "answer_eval.evaluation",
    "Judge": "answer_eval.judging",
    "JudgeReply": "answer_eval.judging",
    "JudgeRequest": "answer_eval.judging",
    "Judgment": "answer_eval.judgment",
    "OfflineJudge": "answer_eval.offline_judge",
    "OpenAIJudge": "answer_eval.openai_judge",
    "Provenance": "answer_eval.evaluation",
    "Question": "answer_eval.rubric",
    "RedFlag": "answer_eval.rubric",
    "RedFlagResult": "answer_eval.evaluation",
    "RetryPolicy": "answer_eval.retry",
    "ReviewFlag": "answer_eval.evaluation",
    "RubricSet": "answer_eval.rubric",
    "SeedRef": "answer_eval.rubric",
    "Span": "answer_eval.evaluation",
    "StarResult": "answer_eval.evaluation",
    "Usage": "answer_eval.evaluation",
    "choose_judge": "answer_eval.judge_choice",
    "aevaluate_many": "answer_eval.batch",
    "default_rubric_set": "answer_eval.rubric_loading",
    "evaluate_many": "answer_eval.batch",
    "load_rubric_set": "answer_eval.rubric_loading",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'answer_eval' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "aevaluate_many",
    "choose_judge",
    "default_rubric_set",
    "evaluate_many",
    "load_rubric_set",
]
