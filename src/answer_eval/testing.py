"""Test helpers for users' suites and ours: a scripted ``FakeJudge`` that needs no network.

    from answer_eval.testing import FakeJudge
    evaluator = Evaluator(judge=FakeJudge(score=5, verdict="met"))

See ``answer_eval.judges.fake`` for every option.
"""

from answer_eval.judges.fake import FakeJudge, judgment_for

__all__ = ["FakeJudge", "judgment_for"]
