"""Scores from evidence: STAR, dimensions, criteria, red flags and injection."""

from __future__ import annotations

from dataclasses import dataclass

from answer_eval.judges.offline.cues import Family
from answer_eval.judges.offline.evidence import (
    MAX_QUOTES,
    POSITIVE,
    AnswerText,
    FoundFn,
    Hit,
    RawHits,
    distinct_labels,
    negated,
)
from answer_eval.judges.offline.lexicon.catalogue import (
    DIMENSION_LEXICONS,
    FIRST_PERSON_ACTION,
    HYPOTHETICAL,
    INJECTION,
    INJECTION_MARKUP,
    INJECTION_NEEDLES,
    PROPER_NAME,
    SPECIFICS,
    STAR_RESULT,
    STAR_SITUATION,
    STAR_TASK,
    VAGUE,
)
from answer_eval.judgment import (
    CriterionJudgment,
    DimensionJudgment,
    InjectionJudgment,
    RedFlagJudgment,
    Verdict,
)

__all__ = [
    "Star",
    "criteria_dimension",
    "criterion_judgment",
    "find_star",
    "injection_judgment",
    "lexicon_dimension",
    "red_flag_judgment",
    "star_dimension",
]

_MEASURED = frozenset({"percentage", "duration", "metric change", "rating", "followed up"})


@dataclass(frozen=True)
class Star:
    situation: list[Hit]
    task: list[Hit]
    actions: list[Hit]
    result: list[Hit]
    measured: list[Hit]
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


def find_star(text: AnswerText, found: FoundFn) -> Star:
    actions = []
    for m in FIRST_PERSON_ACTION.finditer(text.folded):
        sentence = text.sentence_at(m.start())
        if text.topical[sentence]:
            actions.append(Hit(m.group("verb"), sentence, m.start(), m.end()))
    result = found(STAR_RESULT)
    specifics = found(SPECIFICS)
    names = any(text.topical[text.sentence_at(m.start())] for m in PROPER_NAME.finditer(text.text))
    measured = [h for h in result if h.label in _MEASURED]
    if not measured and specifics:
        result_sentences = {h.sentence for h in result}
        measured = [h for h in specifics if h.sentence in result_sentences]
    return Star(
        situation=found(STAR_SITUATION),
        task=found(STAR_TASK),
        actions=actions,
        result=result,
        measured=measured,
        specific=bool(specifics) or names,
        vague=distinct_labels(found(VAGUE)),
        hypothetical=HYPOTHETICAL.search(text.folded) is not None,
    )


def star_dimension(text: AnswerText, star: Star) -> DimensionJudgment:
    score, why = star.score()
    hits = (
        star.situation[:1] + star.task[:1] + star.actions[:2] + (star.measured or star.result)[:1]
    )
    return DimensionJudgment(
        evidence=text.quotes(hits), rationale=f"offline judge: STAR {why}", score=score
    )


def lexicon_dimension(dim: str, text: AnswerText, star: Star, found: FoundFn) -> DimensionJudgment:
    lexicons = DIMENSION_LEXICONS[dim]
    positive, negative = found(lexicons.positive), found(lexicons.negative)
    labels, against = distinct_labels(positive), distinct_labels(negative)
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


def criteria_dimension(
    dim: str, criteria: dict[str, CriterionJudgment], star: Star
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


def criterion_judgment(hits: list[Hit], text: AnswerText, raw: RawHits) -> CriterionJudgment:
    hits = [h for h in hits if text.topical[h.sentence]]
    distinct = distinct_labels(hits)
    verdict: Verdict = "not_met"
    if len(distinct) >= 2:
        verdict = "met"
    elif distinct:
        cue_sentences = {h.sentence: h for h in hits}
        supported = any(
            not generic
            and (c := cue_sentences.get(h.sentence)) is not None
            and (h.end <= c.start or h.start >= c.end)
            for lex_id in POSITIVE
            for h, generic in raw[lex_id]
        )
        verdict = "met" if supported else "partial"
    return CriterionJudgment(evidence=text.quotes(hits), verdict=verdict)


def red_flag_judgment(
    hits: list[Hit], families: tuple[Family, ...], text: AnswerText, raw: RawHits
) -> RedFlagJudgment:
    hits = [h for h in hits if not negated(text, h.start)]
    for lex, labels in families:
        hits = hits + [h for h, _ in raw[id(lex)] if labels is None or h.label in labels]
    return RedFlagJudgment(evidence=text.quotes(hits), present=bool(hits))


def injection_judgment(text: AnswerText, raw: RawHits) -> InjectionJudgment:
    hits = [h for h, _ in raw[id(INJECTION)]]
    if any(needle in text.folded for needle in INJECTION_NEEDLES):
        hits += [
            Hit("markup", text.sentence_at(m.start()), m.start(), m.end())
            for m in INJECTION_MARKUP.finditer(text.folded)
        ]
    return InjectionJudgment(evidence=text.quotes(hits), detected=bool(hits))
