"""The offline judge: deterministic, no network; a baseline and a guardrail.

It returns the same ``Judgment`` a model judge returns, so grounding and scoring are shared
(``assess`` says how one answer is judged). In short:

* credit only for sentences that are relevant, the candidate's own account (a clause, not a list
  of fragments) and not stuffed with cue phrases; repeated sentences add nothing;
* one latent quality from features that transfer between authors (substance that saturates,
  specifics, first-person narrative, reasoning, the rubric's cues, and warning signs said in
  plain words: blame, dismissing AI or feedback, refusing to apologise, self-serving motives,
  denial, hedging), with weights in ``tuning.yaml`` fitted or set on a third-party dev set;
* dimensions from that quality and each dimension's own evidence, capped by the warnings that
  speak against them; criteria from cue phrases and related wording; red flags from cue phrases
  and warning signs;
* review notes for possible keyword stuffing and for answers it cannot place (scored "mixed").

Every quote is a sentence (for long sentences, a clause) copied from the answer, so grounding
finds it exactly. Results are labelled ``offline_judge`` by the evaluator.
"""

from __future__ import annotations

import hashlib
import time

from answer_eval._version import __version__
from answer_eval.evaluation import JudgeKind, Usage
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings, LocalJudge
from answer_eval.judges.offline.assess import Assessment, assess
from answer_eval.judges.offline.cues import CompiledQuestion, compile_question
from answer_eval.judges.offline.evidence import GENERIC_INDEX as _INDEX  # noqa: F401  (tests inspect it)
from answer_eval.judges.offline.tuning import Tuning, load_tuning
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import Judgment
from answer_eval.rubrics.models import Question

__all__ = ["OfflineJudge"]

_CACHE_SIZE = 256


class OfflineJudge(LocalJudge):
    """A deterministic judge from the rubric's cue phrases and generic lexicons (no network).

    A baseline and a guardrail: every reply it gives is labelled with its ``model``
    ("answer-eval-offline-<version>") and ``output_mode`` "offline". Compiled cue patterns are
    cached per question id and content, so an edited rubric is never judged with stale cues.
    """

    kind: JudgeKind = "offline"

    def __init__(self, *, tuning: Tuning | None = None) -> None:
        self.tuning = tuning or load_tuning()
        self.model = f"answer-eval-offline-{__version__}"
        self.settings = JudgeSettings(kind=self.kind, model=self.model, output_modes=("offline",))
        self._by_object: dict[int, tuple[Question, CompiledQuestion]] = {}
        self._by_content: dict[tuple[str, str], CompiledQuestion] = {}

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer; the judgment covers every applicable id of the question."""
        started = time.perf_counter()
        assessment = self.assessment(request.question, request.answer)
        return JudgeReply(
            judgment=assessment.judgment,
            model=self.model,
            output_mode="offline",
            usage=Usage(),
            attempts=0,
            latency_ms=(time.perf_counter() - started) * 1000.0,
            review_flags=assessment.notes,
        )

    def assess(self, question: Question, answer: str) -> Judgment:
        """The judgment of ``answer`` to ``question`` (what ``judge`` wraps in a reply)."""
        return self.assessment(question, answer).judgment

    def assessment(self, question: Question, answer: str) -> Assessment:
        """The judgment of ``answer`` with what it rests on: quality, features, review notes."""
        return assess(question, self._compiled(question), answer, self.tuning)

    def _compiled(self, question: Question) -> CompiledQuestion:
        entry = self._by_object.get(id(question))
        if entry is not None and entry[0] is question:
            return entry[1]
        digest = hashlib.sha256(question.model_dump_json().encode()).hexdigest()
        key = (question.id, digest)
        compiled = self._by_content.get(key)
        if compiled is None:
            if len(self._by_content) >= _CACHE_SIZE:
                self._by_content.clear()
            compiled = self._by_content[key] = compile_question(question)
        if len(self._by_object) >= _CACHE_SIZE:
            self._by_object.clear()
        self._by_object[id(question)] = (question, compiled)
        return compiled
