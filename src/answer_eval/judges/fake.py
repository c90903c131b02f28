"""Test helpers for users' suites and ours: a scripted ``FakeJudge`` that needs no network.

judge = FakeJudge()                       # quotes the answer's first sentence, scores 3
judge = FakeJudge(score=5, verdict="met") # a generous judge
judge = FakeJudge(fail="invalid_output")  # every call fails like a broken model
judge = FakeJudge(reply=lambda request: {...})  # full control: a Judgment dict per request
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import JudgeKind
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings, LocalJudge
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import Judgment, Verdict, parse_judgment
from answer_eval.rubrics.models import Question

__all__ = ["FakeJudge", "judgment_for"]

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def judgment_for(
    question: Question,
    *,
    quote: str,
    score: int | None = 3,
    verdict: Verdict = "met",
    red_flags: Mapping[str, str] | None = None,
    injection: str | None = None,
) -> dict[str, Any]:
    """A complete judgment dict for ``question`` that cites ``quote`` everywhere.

    ``red_flags`` maps red flag ids to the quote that shows them; the others are absent.
    """
    flags = dict(red_flags or {})
    return {
        "dimensions": {
            d: {"evidence": [quote], "rationale": "fake judge", "score": score}
            for d in question.applicable_dimensions()
        },
        "star": {"situation": quote, "task": None, "action": quote, "result": None},
        "criteria": {c.id: {"evidence": [quote], "verdict": verdict} for c in question.criteria},
        "red_flags": {
            r.id: {"evidence": [flags[r.id]] if r.id in flags else [], "present": r.id in flags}
            for r in question.red_flags
        },
        "injection": {
            "evidence": [injection] if injection else [],
            "detected": injection is not None,
        },
    }


class FakeJudge(LocalJudge):
    """A deterministic judge for tests. Counts its calls in ``calls``."""

    kind: JudgeKind = "fake"

    def __init__(
        self,
        *,
        reply: Callable[[JudgeRequest], Mapping[str, Any]] | None = None,
        score: int | None = 3,
        verdict: Verdict = "met",
        fail: str | None = None,
        model: str = "fake-judge",
    ) -> None:
        self._reply = reply
        self._score = score
        self._verdict = verdict
        self._fail = fail
        self.model = model
        self.settings = JudgeSettings(kind=self.kind, model=model, output_modes=("fake",))
        self.calls = 0

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Return the scripted judgment (validated like a real reply) or fail as configured."""
        self.calls += 1
        if self._fail is not None:
            raise JudgeProtocolError(
                self._fail, f"fake judge configured to fail: {self._fail}", attempts=1
            )
        if self._reply is not None:
            data: Mapping[str, Any] = self._reply(request)
        else:
            match = _SENTENCE.search(request.answer)
            quote = match.group(0).strip() if match else request.answer.strip()
            data = judgment_for(
                request.question, quote=quote, score=self._score, verdict=self._verdict
            )
        judgment: Judgment = parse_judgment(dict(data), request.question)
        return JudgeReply(judgment=judgment, model=self.model, output_mode="fake", attempts=1)
