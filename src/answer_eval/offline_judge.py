"""The offline judge: deterministic, no network, built from cue phrases and generic lexicons.

It returns the same ``Judgment`` a model judge returns, so grounding and scoring are shared:

* criteria: the question's cue phrases, matched case-insensitively on word boundaries (``'`` and
  ``’`` alike) in sentences about the job; met with two distinct cues, or one cue beside other
  lexicon evidence in its sentence; partial with one; else not met;
* red flags: present when a cue phrase stands anywhere in the answer, or when a generic lexicon
  shows the same warning sign (blame-shifting, dismissing AI, complaining, handing off);
* STAR: situation, task, first-person actions and results, with specifics (numbers, durations);
* dimensions: 1-5 from the number of *distinct* kinds of evidence (``answer_eval.lexicon``), never
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
import re
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from answer_eval._version import __version__
from answer_eval.checks import cue_pattern
from answer_eval.evaluation import Usage
from answer_eval.judging import JudgeKind, JudgeReply, JudgeRequest
from answer_eval.judgment import (
    CriterionJudgment,
    DimensionJudgment,
    InjectionJudgment,
    Judgment,
    RedFlagJudgment,
    StarJudgment,
    Verdict,
)
from answer_eval.lexicon import (
    DIMENSION_LEXICONS,
    DOMAIN,
    FIRST_PERSON_ACTION,
    HYPOTHETICAL,
    INJECTION,
    INJECTION_MARKUP,
    INJECTION_NEEDLES,
    NEGATION,
    NEGATOR,
    PERSON_PRONOUN,
    PROPER_NAME,
    RED_FLAG_FAMILIES,
    SENTENCE_END,
    SPECIFICS,
    STAR_RESULT,
    STAR_SITUATION,
    STAR_TASK,
    STOPWORDS,
    VAGUE,
    Lexicon,
    LexiconIndex,
    fold,
)
from answer_eval.rubric import Question

__all__ = ["OfflineJudge"]

MAX_QUOTES = 4
_LONG_SENTENCE = 240
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[-\u2013\u2014]\s")
_AT_WORD = re.compile(r"[\w$]")
_MEASURED = frozenset({"percentage", "duration", "metric change", "rating", "followed up"})
_CACHE_SIZE = 256
_SCANNED: tuple[Lexicon, ...] = tuple(
    dict.fromkeys(
        [STAR_SITUATION, STAR_TASK, STAR_RESULT, SPECIFICS, VAGUE]
        + [lex for d in DIMENSION_LEXICONS.values() for lex in (d.positive, d.negative) if lex]
        + [family.lexicon for family in RED_FLAG_FAMILIES]
    )
)
_INDEX = LexiconIndex((DOMAIN, INJECTION, *_SCANNED))
_POSITIVE = tuple(
    id(lex)
    for lex in [STAR_SITUATION, STAR_TASK, STAR_RESULT]
    + [d.positive for d in DIMENSION_LEXICONS.values()]
)


@dataclass(frozen=True, slots=True)
class _Hit:
    label: str
    sentence: int
    start: int
    end: int


_Raw = dict[int, list[tuple[_Hit, bool]]]  # lexicon id -> (hit, generic entry)
_FoundFn = Callable[[Lexicon | None], list[_Hit]]
_Family = tuple[Lexicon, frozenset[str] | None]


@dataclass(frozen=True)
class _CompiledQuestion:
    """A question's cue phrases, compiled once per question content.

    ``cues`` indexes one lexicon per criterion, then one per red flag, then the question's own
    content words (they make a sentence on topic). ``loose`` holds the cues that do not start at
    a word (e.g. "%"), searched anywhere, by lexicon position.
    """

    criteria: tuple[str, ...]
    red_flags: tuple[tuple[str, tuple[_Family, ...]], ...]
    cues: LexiconIndex
    loose: tuple[tuple[int, str, re.Pattern[str]], ...]


def _compile_question(question: Question) -> _CompiledQuestion:
    groups = [(c.id, c.cues or _description_cues(c.description)) for c in question.criteria]
    groups += [(f.id, f.cues) for f in question.red_flags]
    lexicons: list[Lexicon] = []
    loose: list[tuple[int, str, re.Pattern[str]]] = []
    for position, (owner, cues) in enumerate(groups):
        at_word = [c for c in cues if _AT_WORD.match(fold(c).strip())]
        loose += [(position, c, _cue_pattern(c)) for c in cues if c not in at_word]
        patterns = tuple(_cue_pattern(c) for c in at_word)
        lexicons.append(Lexicon(owner, tuple(at_word), (False,) * len(at_word), patterns))
    topic = Lexicon("topic", ("topic",), (False,), (re.compile(_topic_regex(question.text)),))
    flags = []
    for f in question.red_flags:
        text = f"{f.id.replace('-', ' ')} {f.description}".lower()
        families = tuple(
            (family.lexicon, family.labels)
            for family in RED_FLAG_FAMILIES
            if family.matches.search(text) and not (family.unless and family.unless.search(text))
        )
        flags.append((f.id, families))
    return _CompiledQuestion(
        criteria=tuple(c.id for c in question.criteria),
        red_flags=tuple(flags),
        cues=LexiconIndex((*lexicons, topic), base=_INDEX),
        loose=tuple(loose),
    )


_PRONOUN_CLASSES = {
    "them": "(?:them|him|her)",
    "him": "(?:them|him|her)",
    "her": "(?:her|him|them|his|their)",
    "his": "(?:his|her|their)",
    "their": "(?:their|his|her)",
    "they": "(?:they|he|she)",
    "he": "(?:they|he|she)",
    "she": "(?:they|he|she)",
}


def _cue_pattern(cue: str) -> re.Pattern[str]:
    """Like ``checks.cue_pattern``, but a pronoun matches any person ("let them explain" also
    finds "let her explain")."""
    words = fold(cue).strip().split()
    if not any(w in _PRONOUN_CLASSES for w in words):
        return cue_pattern(cue)
    body = r"\s+".join(_PRONOUN_CLASSES.get(w) or re.escape(w) for w in words)
    left = r"\b" if words[0][:1].isalnum() else ""
    right = r"\b" if words[-1][-1:].isalnum() else ""
    return re.compile(left + body + right)


def _topic_regex(text: str) -> str:
    """The question's content words (roughly stemmed): a sentence using one is on topic."""
    stems = {
        re.sub(r"(?:ed|ing|es|s|ly)$", "", w) if len(w) > 5 else w
        for w in re.findall(r"[a-z]+", fold(text))
        if len(w) >= 5 and w not in STOPWORDS
    }
    return r"(?:" + "|".join(sorted(stems)) + r")\w*" if stems else r"(?!)"


def _description_cues(description: str) -> list[str]:
    """Cue words for a criterion that has no cues: its longer content words."""
    words = re.findall(r"[a-z]+", description.lower())
    skip = STOPWORDS | {"customer", "customers", "candidate", "answer", "example", "should"}
    return sorted({w for w in words if len(w) >= 6 and w not in skip})


class _Answer:
    """An answer split into sentences (exact offsets), folded for matching."""

    def __init__(self, answer: str) -> None:
        self.text = answer
        self.folded = folded = fold(answer)
        spans: list[tuple[int, int]] = []
        paragraphs: list[int] = []
        paragraph, start = 0, 0
        for m in [*SENTENCE_END.finditer(folded), None]:
            end = m.end() if m else len(folded)
            s, e = start, end
            while s < e and folded[s].isspace():
                s += 1
            while e > s and folded[e - 1].isspace():
                e -= 1
            if s < e:
                if spans and folded[spans[-1][1] : s].count("\n") >= 2:
                    paragraph += 1
                spans.append((s, e))
                paragraphs.append(paragraph)
            start = end
        self.spans = spans
        self.paragraphs = paragraphs
        self._starts = [s for s, _ in spans]
        self.negated = {self.sentence_at(m.start()) for m in NEGATOR.finditer(folded)}
        self.direct = [False] * len(spans)  # names the job, the question's topic or evidence
        self.topical = self.direct

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def settle_topic(self) -> None:
        """On topic: a sentence that names the job, or continues one about a person."""
        topical = list(self.direct)
        for i in range(1, len(topical)):
            if not topical[i] and topical[i - 1] and self.paragraphs[i] == self.paragraphs[i - 1]:
                s, e = self.spans[i]
                topical[i] = PERSON_PRONOUN.search(self.folded, s, e) is not None
        self.topical = topical

    def quote(self, hit: _Hit) -> str:
        """The sentence holding ``hit``, or its clause when the sentence is long."""
        s, e = self.spans[hit.sentence]
        if e - s > _LONG_SENTENCE:
            for m in _CLAUSE_BREAK.finditer(self.folded, s, e):
                if m.end() <= hit.start:
                    s = m.end()
                elif m.start() >= hit.end:
                    e = m.start()
                    break
        return self.text[s:e].strip()

    def quotes(self, hits: list[_Hit], limit: int = MAX_QUOTES) -> list[str]:
        out: list[str] = []
        for hit in sorted(hits, key=lambda h: h.start):
            q = self.quote(hit)
            if q and q not in out:
                out.append(q)
                if len(out) == limit:
                    break
        return out

    def first(self, hits: list[_Hit]) -> str | None:
        quotes = self.quotes(hits, 1)
        return quotes[0] if quotes else None


def _scan(text: _Answer, found: list[list[tuple[int, int, int]]]) -> _Raw:
    """Per generic lexicon id: (hit, generic) for every entry found and not negated."""
    for _, start, _ in found[0]:
        text.direct[text.sentence_at(start)] = True
    raw: _Raw = {
        id(INJECTION): [
            (_Hit("injection", text.sentence_at(start), start, end), False)
            for _, start, end in found[1]
        ]
    }
    for lex, matches in zip(_INDEX.lexicons[2:], found[2 : len(_INDEX.lexicons)], strict=True):
        hits = []
        for index, start, end in matches:
            sentence = text.sentence_at(start)
            if _negated(text, start):
                continue
            hits.append((_Hit(lex.labels[index], sentence, start, end), lex.generic[index]))
        raw[id(lex)] = hits
    return raw


def _negated(text: _Answer, start: int) -> bool:
    """Whether a negation ("didn't", "never", "rather than") stands just before ``start``."""
    sentence = text.sentence_at(start)
    if sentence not in text.negated:
        return False
    floor = text.spans[sentence][0]
    return NEGATION.search(text.folded, max(floor, start - 48), start) is not None


def _cue_hits(
    compiled: _CompiledQuestion, text: _Answer, found: list[list[tuple[int, int, int]]]
) -> list[list[_Hit]]:
    """Per criterion, then per red flag: where its cue phrases stand in the answer."""
    for _, start, _ in found[-1]:
        text.direct[text.sentence_at(start)] = True
    own = slice(len(_INDEX.lexicons), -1)
    hits = [
        [_Hit(lex.labels[i], text.sentence_at(s), s, e) for i, s, e in matches]
        for lex, matches in zip(compiled.cues.lexicons[own], found[own], strict=True)
    ]
    for position, cue, pattern in compiled.loose:
        hits[position] += [
            _Hit(cue, text.sentence_at(m.start()), m.start(), m.end())
            for m in pattern.finditer(text.folded)
        ]
    return hits


def _distinct(hits: list[_Hit]) -> list[str]:
    return list(dict.fromkeys(h.label for h in sorted(hits, key=lambda h: h.start)))


@dataclass(frozen=True)
class _Star:
    situation: list[_Hit]
    task: list[_Hit]
    actions: list[_Hit]
    result: list[_Hit]
    measured: list[_Hit]
    specific: bool
    vague: list[str]
    hypothetical: bool

    @property
    def verbs(self) -> int:
        return len({h.label for h in self.actions})

    @property
    def concrete(self) -> bool:
        """Tells a real experience: a situation, or first-person actions with specifics."""
        return bool(self.situation) or self.verbs >= 2 or (self.verbs == 1 and self.specific)

    def score(self) -> tuple[int, str]:
        s, t, r, m = bool(self.situation), bool(self.task), bool(self.result), bool(self.measured)
        verbs = self.verbs
        if not self.concrete:
            score, why = (2 if s or verbs else 1), "no concrete example"
            if self.hypothetical:
                score, why = 1, "hypothetical only, no past example"
        elif verbs == 0:
            score, why = 2, "a situation but no first-person action"
        elif not r:
            score, why = (3 if verbs >= 2 else 2), "actions without a result"
        elif s and t and m and verbs >= 2:
            score, why = 5, "situation, task, actions and a measured result"
        elif (s or t) and (t or m or verbs >= 3):
            score, why = 4, "situation, task, actions and a result"
        else:
            score, why = 3, "actions and a result; situation or task vague"
        if len(self.vague) >= 2 and score > 1:
            score, why = score - 1, f"{why}; vague ({', '.join(self.vague)})"
        return score, why


def _star(text: _Answer, found: _FoundFn) -> _Star:
    actions = []
    for m in FIRST_PERSON_ACTION.finditer(text.folded):
        sentence = text.sentence_at(m.start())
        if text.topical[sentence]:
            actions.append(_Hit(m.group("verb"), sentence, m.start(), m.end()))
    result = found(STAR_RESULT)
    specifics = found(SPECIFICS)
    names = any(text.topical[text.sentence_at(m.start())] for m in PROPER_NAME.finditer(text.text))
    measured = [h for h in result if h.label in _MEASURED]
    if not measured and specifics:
        result_sentences = {h.sentence for h in result}
        measured = [h for h in specifics if h.sentence in result_sentences]
    return _Star(
        situation=found(STAR_SITUATION),
        task=found(STAR_TASK),
        actions=actions,
        result=result,
        measured=measured,
        specific=bool(specifics) or names,
        vague=_distinct(found(VAGUE)),
        hypothetical=HYPOTHETICAL.search(text.folded) is not None,
    )


def _star_dimension(text: _Answer, star: _Star) -> DimensionJudgment:
    score, why = star.score()
    hits = (
        star.situation[:1] + star.task[:1] + star.actions[:2] + (star.measured or star.result)[:1]
    )
    return DimensionJudgment(
        evidence=text.quotes(hits), rationale=f"offline judge: STAR {why}", score=score
    )


def _lexicon_dimension(dim: str, text: _Answer, star: _Star, found: _FoundFn) -> DimensionJudgment:
    lexicons = DIMENSION_LEXICONS[dim]
    positive, negative = found(lexicons.positive), found(lexicons.negative)
    labels, against = _distinct(positive), _distinct(negative)
    n = len(labels)
    # No evidence: 1 where the anchor's level 1 is "not at all", else 2 (level 1 describes
    # misconduct: blaming, dismissing AI, complaining).
    score = min(5, n + 1) if n else (1 if dim == "empathy" else 2)
    notes: list[str] = []
    if not star.concrete and score > 3:
        score, notes = 3, ["capped at 3: no concrete example"]
    elif not star.specific and score > 4:
        score, notes = 4, ["capped at 4: no specifics"]
    if not star.concrete and len(star.vague) >= 2 and score > 2:
        score, notes = 2, [*notes, "capped at 2: vague and example-free"]
    if against:
        score = max(1, min(score - 2 * len(against), 2))
        notes.append(f"{len(against)} against ({', '.join(against)})")
    cues = f"{n} {lexicons.positive.name} cue{'' if n == 1 else 's'}"
    if n:
        cues += f" ({', '.join(labels)})"
    quotes = text.quotes(negative, 2) + text.quotes(positive)
    return DimensionJudgment(
        evidence=list(dict.fromkeys(quotes))[:MAX_QUOTES],
        rationale="; ".join([f"offline judge: {cues}", *notes]),
        score=score,
    )


def _criteria_dimension(
    dim: str, criteria: dict[str, CriterionJudgment], star: _Star
) -> DimensionJudgment:
    """A dimension the lexicons do not know: scored from criteria coverage."""
    values = {"met": 1.0, "partial": 0.5, "not_met": 0.0}
    coverage = sum(values[c.verdict] for c in criteria.values()) / max(1, len(criteria))
    score = 1 + round(4 * coverage)
    if not star.concrete:
        score = min(score, 3)
    evidence = list(dict.fromkeys(q for c in criteria.values() for q in c.evidence))
    return DimensionJudgment(
        evidence=evidence[:MAX_QUOTES],
        rationale=f"offline judge: no lexicon for {dim}; criteria coverage {coverage:.2f}",
        score=score,
    )


def _criterion(hits: list[_Hit], text: _Answer, raw: _Raw) -> CriterionJudgment:
    hits = [h for h in hits if text.topical[h.sentence]]
    distinct = _distinct(hits)
    verdict: Verdict = "not_met"
    if len(distinct) >= 2:
        verdict = "met"
    elif distinct:
        cue_sentences = {h.sentence: h for h in hits}
        supported = any(
            not generic
            and (c := cue_sentences.get(h.sentence)) is not None
            and (h.end <= c.start or h.start >= c.end)
            for lex_id in _POSITIVE
            for h, generic in raw[lex_id]
        )
        verdict = "met" if supported else "partial"
    return CriterionJudgment(evidence=text.quotes(hits), verdict=verdict)


def _red_flag(
    hits: list[_Hit], families: tuple[_Family, ...], text: _Answer, raw: _Raw
) -> RedFlagJudgment:
    hits = [h for h in hits if not _negated(text, h.start)]
    for lex, labels in families:
        hits = hits + [h for h, _ in raw[id(lex)] if labels is None or h.label in labels]
    return RedFlagJudgment(evidence=text.quotes(hits), present=bool(hits))


def _injection(text: _Answer, raw: _Raw) -> InjectionJudgment:
    hits = [h for h, _ in raw[id(INJECTION)]]
    if any(needle in text.folded for needle in INJECTION_NEEDLES):
        hits += [
            _Hit("markup", text.sentence_at(m.start()), m.start(), m.end())
            for m in INJECTION_MARKUP.finditer(text.folded)
        ]
    return InjectionJudgment(evidence=text.quotes(hits), detected=bool(hits))


def _apart(hits: list[_Hit], other: list[_Hit]) -> list[_Hit]:
    """``hits`` outside the sentence ``other`` is first quoted from, when there are any."""
    taken = {h.sentence for h in other[:1]}
    return [h for h in hits if h.sentence not in taken] or hits


class OfflineJudge:
    """A deterministic judge from the rubric's cue phrases and generic lexicons (no network).

    A baseline and a guardrail: every reply it gives is labelled with its ``model``
    ("answer-eval-offline-<version>") and ``output_mode`` "offline". Compiled cue patterns are
    cached per question id and content, so an edited rubric is never judged with stale cues.
    """

    kind: JudgeKind = "offline"

    def __init__(self) -> None:
        self.model = f"answer-eval-offline-{__version__}"
        self._by_object: dict[int, tuple[Question, _CompiledQuestion]] = {}
        self._by_content: dict[tuple[str, str], _CompiledQuestion] = {}

    def judge(self, request: JudgeRequest) -> JudgeReply:
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

    async def ajudge(self, request: JudgeRequest) -> JudgeReply:
        """Judge one answer (synchronously: it takes about a millisecond of CPU)."""
        return self.judge(request)

    def assess(self, question: Question, answer: str) -> Judgment:
        """The judgment of ``answer`` to ``question`` (what ``judge`` wraps in a reply)."""
        compiled = self._compiled(question)
        text = _Answer(answer)
        found_all = compiled.cues.scan(text.folded)
        raw = _scan(text, found_all)
        cue_hits = _cue_hits(compiled, text, found_all)
        for lex_id in _POSITIVE:
            for hit, generic in raw[lex_id]:
                if not generic:
                    text.direct[hit.sentence] = True
        text.settle_topic()

        def found(lex: Lexicon | None) -> list[_Hit]:
            if lex is None:
                return []
            return [h for h, generic in raw[id(lex)] if not generic or text.topical[h.sentence]]

        star = _star(text, found)
        criteria = {
            cid: _criterion(cue_hits[i], text, raw) for i, cid in enumerate(compiled.criteria)
        }
        dimensions = {}
        for dim in question.applicable_dimensions():
            if dim == "star":
                dimensions[dim] = _star_dimension(text, star)
            elif dim in DIMENSION_LEXICONS:
                dimensions[dim] = _lexicon_dimension(dim, text, star, found)
            else:
                dimensions[dim] = _criteria_dimension(dim, criteria, star)
        offset = len(compiled.criteria)
        return Judgment(
            dimensions=dimensions,
            star=StarJudgment(
                situation=text.first(star.situation),
                task=text.first(star.task),
                action=text.first(_apart(star.actions, star.situation)),
                result=text.first(star.measured or star.result),
            ),
            criteria=criteria,
            red_flags={
                fid: _red_flag(cue_hits[offset + i], families, text, raw)
                for i, (fid, families) in enumerate(compiled.red_flags)
            },
            injection=_injection(text, raw),
        )

    def _compiled(self, question: Question) -> _CompiledQuestion:
        entry = self._by_object.get(id(question))
        if entry is not None and entry[0] is question:
            return entry[1]
        digest = hashlib.sha256(question.model_dump_json().encode()).hexdigest()
        key = (question.id, digest)
        compiled = self._by_content.get(key)
        if compiled is None:
            if len(self._by_content) >= _CACHE_SIZE:
                self._by_content.clear()
            compiled = self._by_content[key] = _compile_question(question)
        if len(self._by_object) >= _CACHE_SIZE:
            self._by_object.clear()
        self._by_object[id(question)] = (question, compiled)
        return compiled
