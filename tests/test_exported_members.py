"""Pin the public API: a change to what answer_eval exports must be deliberate."""

import answer_eval

EXPECTED = [
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


def test_all_is_pinned_and_sorted() -> None:
    assert answer_eval.__all__ == EXPECTED
    assert sorted(answer_eval.__all__) == answer_eval.__all__


def test_every_export_resolves() -> None:
    for name in answer_eval.__all__:
        assert getattr(answer_eval, name) is not None, name


def test_errors_share_one_root() -> None:
    for name in answer_eval.__all__:
        if name.endswith("Error"):
            assert issubclass(getattr(answer_eval, name), answer_eval.AnswerEvalError), name
