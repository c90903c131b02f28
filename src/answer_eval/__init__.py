"""answer-eval: evidence-grounded evaluation of written interview answers.

    from answer_eval import Evaluator, OfflineJudge
    evaluation = Evaluator(judge=OfflineJudge()).evaluate("difficult-customer-issue", text)

Every score rests on quotes located in the answer, every result records how it was produced
(``Evaluation.provenance``), doubts become ``review_flags``, and an answer that cannot be scored
is ``unscored`` with its reason.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face
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
    from answer_eval.batch.run import aevaluate_many, evaluate_many
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
    from answer_eval.judges.choice import choose_judge
    from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest
    from answer_eval.judges.offline.judge import OfflineJudge
    from answer_eval.judges.openai_compatible import OpenAIJudge
    from answer_eval.judges.retry import RetryPolicy
    from answer_eval.judgment import Judgment
    from answer_eval.rubrics.loading import default_rubric_set, load_rubric_set
    from answer_eval.rubrics.models import (
        Criterion,
        Dimension,
        Question,
        RedFlag,
        RubricSet,
        SeedRef,
    )

# Everything but the errors loads on first use, so `import answer_eval` (and the pytest plugin,
# which pytest imports in every run once answer-eval is installed) stays cheap.
_FACE = {
    "Criterion": "answer_eval.rubrics",
    "CriterionResult": "answer_eval.evaluation",
    "Dimension": "answer_eval.rubrics",
    "DimensionResult": "answer_eval.evaluation",
    "Evaluation": "answer_eval.evaluation",
    "Evaluator": "answer_eval.evaluator",
    "Evidence": "answer_eval.evaluation",
    "Judge": "answer_eval.judges",
    "JudgeReply": "answer_eval.judges",
    "JudgeRequest": "answer_eval.judges",
    "Judgment": "answer_eval.judgment",
    "OfflineJudge": "answer_eval.judges",
    "OpenAIJudge": "answer_eval.judges",
    "Provenance": "answer_eval.evaluation",
    "Question": "answer_eval.rubrics",
    "RedFlag": "answer_eval.rubrics",
    "RedFlagResult": "answer_eval.evaluation",
    "RetryPolicy": "answer_eval.judges",
    "ReviewFlag": "answer_eval.evaluation",
    "RubricSet": "answer_eval.rubrics",
    "SeedRef": "answer_eval.rubrics",
    "Span": "answer_eval.evaluation",
    "StarResult": "answer_eval.evaluation",
    "Usage": "answer_eval.evaluation",
    "choose_judge": "answer_eval.judges",
    "aevaluate_many": "answer_eval.batch",
    "default_rubric_set": "answer_eval.rubrics",
    "evaluate_many": "answer_eval.batch",
    "load_rubric_set": "answer_eval.rubrics",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())

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
