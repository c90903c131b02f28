"""The offline judge: deterministic, no network, built from cue phrases and generic lexicons.

It returns the same ``Judgment`` a model judge returns, so grounding and scoring are shared:

* criteria: the question's cue phrases, matched case-insensitively on word boundaries (``'`` and
  ``’`` alike) in sentences about the job; met with two distinct cues, or one cue beside other
  lexicon evidence in its sentence; partial with one; else not met;
* red flags: present when a cue phrase stands anywhere in the answer, or when a generic lexicon
  shows the same warning sign (blame-shifting, dismissing AI, complaining, handing off);
* STAR: situation, task, first-person actions and results, with specifics (numbers, durations);
* dimensions: 1-5 from the number of *distinct* kinds of evidence (``lexicon.catalogue``), never
  from length or repetition; no concrete example caps a score at 3, negative evidence at 2; a
  score is never null (absence of evidence is evidence of a low score);
* injection: text that addresses the evaluator.

Generic words ("learned", "resolved", numbers) count only in sentences about the job, so padding
an answer with unrelated text adds no evidence. Every quote is a sentence (for long sentences, a
clause) copied from the answer, so grounding finds it exactly. A baseline and a guardrail, not a
grader of nuance.
"""

from __future__ import annotations

import hashlib
import time

from answer_eval._version import __version__
from answer_eval.evaluation import JudgeKind, Usage
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings, LocalJudge
from answer_eval.judges.offline.cues import CompiledQuestion, compile_question, locate_cues
from answer_eval.judges.offline.evidence import GENERIC_INDEX as _INDEX  # noqa: F401  (tests inspect it)
from answer_eval.judges.offline.evidence import POSITIVE, AnswerText, Hit, apart, generic_hits
from answer_eval.judges.offline.lexicon.catalogue import DIMENSION_LEXICONS, Lexicon
from answer_eval.judges.offline.scoring import (
    criteria_dimension,
    criterion_judgment,
    find_star,
    injection_judgment,
    lexicon_dimension,
    red_flag_judgment,
    star_dimension,
)
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import Judgment, StarJudgment
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

    def __init__(self) -> None:
        self.model = f"answer-eval-offline-{__version__}"
        self.settings = JudgeSettings(kind=self.kind, model=self.model, output_modes=("offline",))
        self._by_object: dict[int, tuple[Question, CompiledQuestion]] = {}
        self._by_content: dict[tuple[str, str], CompiledQuestion] = {}

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Judge one answer; the judgment covers every applicable id of the question."""
        started = time.perf_counter()
        judgment = self.assess(request.question, request.answer)
        return JudgeReply(
            judgment=judgment,
            model=self.model,
            output_mode="offline",
            usage=Usage(),
            attempts=0,
            latency_ms=(time.perf_counter() - started) * 1000.0,
        )

    def assess(self, question: Question, answer: str) -> Judgment:
        """The judgment of ``answer`` to ``question`` (what ``judge`` wraps in a reply)."""
        compiled = self._compiled(question)
        text = AnswerText(answer)
        found_all = compiled.cues.scan(text.folded)
        raw = generic_hits(text, found_all)
        cue_hits = locate_cues(compiled, text, found_all)
        for lex_id in POSITIVE:
            for hit, generic in raw[lex_id]:
                if not generic:
                    text.direct[hit.sentence] = True
        text.settle_topic()

        def found(lex: Lexicon | None) -> list[Hit]:
            if lex is None:
                return []
            return [h for h, generic in raw[id(lex)] if not generic or text.topical[h.sentence]]

        star = find_star(text, found)
        criteria = {
            cid: criterion_judgment(cue_hits[i], text, raw)
            for i, cid in enumerate(compiled.criteria)
        }
        dimensions = {}
        for dim in question.applicable_dimensions():
            if dim == "star":
                dimensions[dim] = star_dimension(text, star)
            elif dim in DIMENSION_LEXICONS:
                dimensions[dim] = lexicon_dimension(dim, text, star, found)
            else:
                dimensions[dim] = criteria_dimension(dim, criteria, star)
        offset = len(compiled.criteria)
        return Judgment(
            dimensions=dimensions,
            star=StarJudgment(
                situation=text.first(star.situation),
                task=text.first(star.task),
                action=text.first(apart(star.actions, star.situation)),
                result=text.first(star.measured or star.result),
            ),
            criteria=criteria,
            red_flags={
                fid: red_flag_judgment(cue_hits[offset + i], families, text, raw)
                for i, (fid, families) in enumerate(compiled.red_flags)
            },
            injection=injection_judgment(text, raw),
        )

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
