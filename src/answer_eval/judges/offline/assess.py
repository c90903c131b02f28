"""One answer, start to finish: read, find evidence, weigh it, judge every rubric item.

1. Read: sentences with offsets, one scan of every lexicon and of the question's cue phrases.
2. Decide which sentences earn credit: relevant to the question or the job, the candidate's own
   account (a clause, not fragments), not stuffed with cue phrases.
3. Features (substance, specifics, narrative, ...) and warning signs -> latent quality (0-1)
   -> base score (1-5).
4. Dimensions from the base and their own evidence, capped by warnings, rounded together;
   criteria from cue phrases and related wording; red flags from cues and warning signs.
5. Review notes: keyword stuffing, and answers the judge cannot place (quality in the
   uncertain band), which it scores "mixed".
"""

from __future__ import annotations

from dataclasses import dataclass

from answer_eval.evaluation import ReviewFlag
from answer_eval.judges.offline.cues import CompiledQuestion, locate_cues
from answer_eval.judges.offline.dimensions import (
    dimension_evidence,
    score_dimensions,
    substance_hits,
)
from answer_eval.judges.offline.evidence import (
    POSITIVE,
    AnswerText,
    Hit,
    ai_talk_hits,
    apart,
    distinct_labels,
    generic_hits,
    negated,
)
from answer_eval.judges.offline.features import (
    Features,
    extract,
    relevant_sentences,
    stock_sentences,
    vague_sentences,
)
from answer_eval.judges.offline.lexicon.catalogue import DIMENSION_LEXICONS, QUALIFIERS, Lexicon
from answer_eval.judges.offline.quality import base_score, latent, quality
from answer_eval.judges.offline.reading import read_sentences
from answer_eval.judges.offline.review import review_notes
from answer_eval.judges.offline.scoring import (
    Counted,
    criterion_judgment,
    find_star,
    injection_judgment,
    red_flag_judgment,
    shape_verdict,
)
from answer_eval.judges.offline.signs import ai_sentences
from answer_eval.judges.offline.signs import sentence_warnings as find_warnings
from answer_eval.judges.offline.stuffing import Stuffing, find_stuffing
from answer_eval.judges.offline.tuning import Tuning
from answer_eval.judgment import Judgment, StarJudgment
from answer_eval.rubrics.models import Question

__all__ = ["Assessment", "assess"]

_JUDGMENT_CALLS = frozenset({"dismisses_ai", "over_reliance"})


@dataclass(frozen=True)
class Assessment:
    """The judgment of one answer and what it rests on."""

    judgment: Judgment
    quality: float
    latent: float
    features: Features
    stuffing: Stuffing
    notes: tuple[ReviewFlag, ...]


def assess(
    question: Question, compiled: CompiledQuestion, answer: str, tuning: Tuning
) -> Assessment:
    """Judge ``answer`` to ``question`` (see the module docstring)."""
    text = AnswerText(answer)
    scanned = compiled.cues.scan(text.folded)
    raw = generic_hits(text, scanned)
    cue_hits = locate_cues(compiled, text, scanned)
    sentences = read_sentences(text)
    about_ai = ai_sentences(sentences, text.folded)
    if about_ai:  # what is said about AI, in its sentences and the ones right after
        ai_talk_hits(
            text, raw, sorted({j for i in about_ai for j in (i, i + 1) if j < len(sentences)})
        )
    relevant, unrelated = relevant_sentences(
        sentences, compiled.vocabulary, stock_sentences(raw), tuning
    )
    n_criteria = len(compiled.criteria)
    positive = [h for lex_id in POSITIVE for h, _ in raw[lex_id]]
    for lex_id in POSITIVE:  # a specific entry ("acknowledged her frustration") is on topic
        for hit, generic in raw[lex_id]:
            if not generic:
                relevant[hit.sentence] = True
                unrelated[hit.sentence] = False
    stuffing = find_stuffing(
        text.folded,
        sentences,
        [h for hits in cue_hits[:n_criteria] for h in hits] + positive,
        tuning,
    )
    stuffed = [i in stuffing.stuffed for i in range(len(sentences))]
    cued = {h.sentence for hits in cue_hits[:n_criteria] for h in hits}
    vague = vague_sentences(sentences, unrelated, stuffed, raw, cued)
    warnings = find_warnings(
        text,
        sentences,
        raw,
        lambda lex: [h for h, _ in raw[id(lex)]] if lex else [],
        set(about_ai),
    )
    # a sentence that blames, dismisses or refuses earns no credit for what else it says
    warned = {h.sentence for name in tuning.fallback_warnings for h in warnings.hits.get(name, [])}
    short = tuning.min_sentence_words  # "I noticed." alone tells nothing
    credit = [
        r and not st and s.own_account and len(s.words) >= short and not v and i not in warned
        for i, (r, st, s, v) in enumerate(zip(relevant, stuffed, sentences, vague, strict=True))
    ]

    def found(lex: Lexicon | None) -> list[Hit]:
        return [h for h, _ in raw[id(lex)] if credit[h.sentence]] if lex is not None else []

    weights = {d: question.weights[d] for d in question.applicable_dimensions()}
    lexicon_hits = {
        d: found(DIMENSION_LEXICONS[d].positive) for d in weights if d in DIMENSION_LEXICONS
    }
    criteria_weight = sum(compiled.criterion_weights) or 1.0
    cue_cover = sum(
        w
        for hits, w in zip(cue_hits[:n_criteria], compiled.criterion_weights, strict=True)
        if any(credit[h.sentence] for h in hits)
    )
    labels = sum(len(distinct_labels(hits)) for hits in lexicon_hits.values())
    features = extract(
        sentences,
        credit,
        unrelated,
        stuffed,
        vague,
        warnings,
        cue_cover / criteria_weight,
        labels,
        tuning,
    )
    behavioural = question.star == "required"
    value = latent(features, tuning, behavioural)
    q = quality(value)
    if not any(credit):  # nothing that earns credit: generic talk at best
        said = any(r or v for r, v in zip(relevant, vague, strict=True))
        q = min(q, tuning.no_credit_quality if said else 0.0)
    counted = Counted(tuple(credit), q, features.content_words >= tuning.full_answer_words)
    star = find_star(text, sentences, found, counted)
    verdict_cap = tuning.stuffing_cap_verdict if stuffing.flagged else "met"
    anchored = (  # the anchors a criterion about specifics is met by
        [
            Hit(anchor, i, text.spans[i][0], text.spans[i][0])
            for i, sentence in enumerate(sentences)
            if credit[i]
            for anchor in sorted(sentence.anchors)
        ]
        if "specifics" in compiled.criterion_kinds
        else []
    )
    by_label: dict[tuple[int, str], list[Hit]] = {}  # evidence entries, for criteria named alike
    for lex_id in {lex_id for links in compiled.criterion_links for lex_id, _ in links}:
        for h, _ in raw[lex_id]:
            by_label.setdefault((lex_id, h.label), []).append(h)
    criteria = {}
    for i, cid in enumerate(compiled.criteria):
        linked = [h for link in compiled.criterion_links[i] for h in by_label.get(link, ())]
        criteria[cid] = criterion_judgment(
            cue_hits[i] + linked,
            compiled.criterion_terms[i],
            text,
            sentences,
            counted,
            tuning,
            shape=shape_verdict(compiled.criterion_kinds[i], star, anchored, tuning),
            cap=verdict_cap,
        )
    present = warnings.present()
    evidence = dimension_evidence(weights, lexicon_hits, star, criteria, warnings.hits, tuning)
    base = base_score(q, tuning)
    dimensions = score_dimensions(
        weights,
        base,
        evidence,
        present,
        int(features["vague_sentences"]),
        text,
        tuning,
        cap=tuning.stuffing_cap_dimension if stuffing.flagged else None,
        preamble=f"quality {q:.2f}, base {base:.1f}",
        substance=lambda: substance_hits(text, sentences, credit),
    )
    # a dismissal cue in a qualified sentence ("AI can't replace the human touch") is judgment
    qualified = {h.sentence for h, _ in raw[id(QUALIFIERS)]}
    red_flags = {}
    for i, (fid, families) in enumerate(compiled.red_flags):
        hits = [h for h in cue_hits[n_criteria + i] if not negated(text, h.start)]
        if any(warning in _JUDGMENT_CALLS for warning, _ in families):
            hits = [h for h in hits if h.sentence not in qualified]
        red_flags[fid] = red_flag_judgment(hits, families, text, warnings)
    judgment = Judgment(
        dimensions=dimensions,
        star=StarJudgment(
            situation=text.first(star.situation),
            task=text.first(star.task),
            action=text.first(apart(star.actions, star.situation)),
            result=text.first(star.measured or star.result),
        ),
        criteria=criteria,
        red_flags=red_flags,
        injection=injection_judgment(text, raw),
    )
    return Assessment(
        judgment=judgment,
        quality=q,
        latent=value,
        features=features,
        stuffing=stuffing,
        notes=review_notes(text, stuffing, q, tuning),
    )
