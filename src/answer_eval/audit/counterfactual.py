"""Counterfactual checks: judge each answer and its rewrites, and measure what moved.

For every answer and every variant (``audit.rewriting``) that changes its text, both versions
are judged by the same evaluator (for a signed variant: the answer signed by each group's name;
every distinct text is judged once). Per variant the report gives the mean and the largest score
shift per dimension and overall (rewrite minus original, over pairs where both were scored) and
the share of pairs whose recommendation or status flipped. A variant fails when the mean shift
of any dimension, or of the overall score, is beyond ``tolerance`` on the 1-5 scale: a
systematic tilt. Answers a variant leaves unchanged are counted, not judged again.

The offline judge reads words, not people: it must show no shift and no flip at all. A model
judge is nondeterministic even at temperature 0, so single flips happen; judge with a seed,
read the flipped pairs' text, and compare with a run of the same answers judged twice.
"""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from answer_eval.audit.rewriting import VARIANTS, variant
from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator

__all__ = [
    "Case",
    "CounterfactualReport",
    "Pair",
    "VariantSummary",
    "arun_counterfactual",
    "cases_from_golden",
    "cases_from_rows",
    "counterfactual_json",
    "render_counterfactual_text",
    "run_counterfactual",
]

OVERALL = "overall"


@dataclass(frozen=True)
class Case:
    """One answer to check: an id for the report, its question, its text."""

    id: str
    question_id: str
    answer: str


@dataclass(frozen=True)
class Pair:
    """An answer judged as written and as rewritten by one variant."""

    case: str
    variant: str
    rewritten: str
    base: str | None  # what the rewrite is compared with when not the answer as written
    before: str  # recommendation, or "unscored (reason)"
    after: str
    shifts: dict[str, float]  # dimension (and "overall") -> after - before, both scored

    @property
    def flipped(self) -> bool:
        """True when the recommendation (or scored/unscored) differs."""
        return self.before != self.after


@dataclass(frozen=True)
class VariantSummary:
    """What one variant did across all answers."""

    variant: str
    description: str
    changed: int
    unchanged: int
    compared: int
    flips: int
    mean_shift: dict[str, float] = field(default_factory=dict)
    max_shift: dict[str, float] = field(default_factory=dict)
    beyond_tolerance: list[str] = field(default_factory=list)

    @property
    def flip_share(self) -> float | None:
        """Flips per judged pair."""
        return self.flips / self.changed if self.changed else None


@dataclass(frozen=True)
class CounterfactualReport:
    """The variants' summaries and every judged pair."""

    tolerance: float
    answers: int
    judge: str
    variants: tuple[VariantSummary, ...]
    pairs: tuple[Pair, ...]

    @property
    def passed(self) -> bool:
        """True when no variant's mean shift is beyond the tolerance."""
        return not any(v.beyond_tolerance for v in self.variants)


def cases_from_golden(golden_sets: Iterable[tuple[Path, object]]) -> list[Case]:
    """One case per golden answer, named ``question_id/answer_id`` as regress names them."""
    from answer_eval.regression.golden import GoldenSet

    cases = []
    for _, golden in golden_sets:
        assert isinstance(golden, GoldenSet)
        for answer in golden.answers:
            cases.append(
                Case(f"{golden.question_id}/{answer.id}", golden.question_id, answer.answer)
            )
    return cases


def _outcome(ev: Evaluation) -> str:
    return str(ev.recommendation) if ev.status == "scored" else f"unscored ({ev.unscored_reason})"


def _scores(ev: Evaluation) -> dict[str, float]:
    if ev.status != "scored" or ev.overall is None:
        return {}
    found: dict[str, float] = {OVERALL: ev.overall}
    found.update({d.id: float(d.score) for d in ev.dimensions if d.score is not None})
    return found


def _pair(
    case: Case, name: str, texts: tuple[str, str], before: Evaluation, after: Evaluation
) -> Pair:
    old, new = _scores(before), _scores(after)
    shifts = {k: round(new[k] - old[k], 6) for k in old if k in new}
    base = None if texts[0] == case.answer else texts[0]
    return Pair(case.id, name, texts[1], base, _outcome(before), _outcome(after), shifts)


def _summary(name: str, pairs: Sequence[Pair], unchanged: int, tolerance: float) -> VariantSummary:
    keys = sorted({k for p in pairs for k in p.shifts}, key=lambda k: (k != OVERALL, k))
    mean = {k: statistics.fmean(p.shifts[k] for p in pairs if k in p.shifts) for k in keys}
    largest = {k: max((p.shifts[k] for p in pairs if k in p.shifts), key=abs) for k in keys}
    return VariantSummary(
        variant=name,
        description=variant(name).description,
        changed=len(pairs),
        unchanged=unchanged,
        compared=sum(bool(p.shifts) for p in pairs),
        flips=sum(p.flipped for p in pairs),
        mean_shift={k: round(v, 4) for k, v in mean.items()},
        max_shift=largest,
        beyond_tolerance=[k for k, v in mean.items() if abs(v) > tolerance + 1e-9],
    )


async def arun_counterfactual(
    evaluator: Evaluator,
    cases: Sequence[Case],
    *,
    variants: Sequence[str] = VARIANTS,
    tolerance: float = 0.25,
    concurrency: int = 4,
) -> CounterfactualReport:
    """Judge every case as written and as rewritten by each variant; see the module docstring."""
    if tolerance < 0 or concurrency < 1:
        raise ValueError("tolerance must be >= 0 and concurrency >= 1")
    chosen = [variant(v).name for v in variants]  # KeyError names an unknown variant
    gate = asyncio.Semaphore(concurrency)

    async def judged(case: Case, text: str) -> Evaluation:
        async with gate:
            return await evaluator.aevaluate(case.question_id, text, answer_id=case.id)

    versions = [(c, v, variant(v).texts(c.answer, i)) for i, c in enumerate(cases) for v in chosen]
    changed = [(c, v, texts) for c, v, texts in versions if texts[0] != texts[1]]
    # every distinct text is judged once: the original is shared by all swap variants
    wanted = list(dict.fromkeys((c, t) for c, _, texts in changed for t in texts))
    judgements = await asyncio.gather(*(judged(c, t) for c, t in wanted))
    found = {(c.id, t): ev for (c, t), ev in zip(wanted, judgements, strict=True)}
    pairs = [
        _pair(c, v, texts, found[(c.id, texts[0])], found[(c.id, texts[1])])
        for c, v, texts in changed
    ]
    summaries = tuple(
        _summary(v, [p for p in pairs if p.variant == v],
                 sum(1 for _, w, texts in versions if w == v and texts[0] == texts[1]), tolerance)
        for v in chosen
    )  # fmt: skip
    settings = evaluator.judge.settings
    return CounterfactualReport(
        tolerance, len(cases), f"{settings.kind} {settings.model}", summaries, tuple(pairs)
    )


def run_counterfactual(
    evaluator: Evaluator,
    cases: Sequence[Case],
    *,
    variants: Sequence[str] = VARIANTS,
    tolerance: float = 0.25,
    concurrency: int = 4,
) -> CounterfactualReport:
    """Synchronous ``arun_counterfactual`` (not from inside a running event loop)."""
    return asyncio.run(
        arun_counterfactual(
            evaluator, cases, variants=variants, tolerance=tolerance, concurrency=concurrency
        )
    )


def cases_from_rows(rows: Iterable[object]) -> tuple[list[Case], int]:
    """Cases from batch input rows (``batch.input.read_rows``), and how many rows were unusable."""
    from answer_eval.batch.input import BatchRow

    cases, skipped = [], 0
    for row in rows:
        if isinstance(row, BatchRow):
            cases.append(Case(row.id, row.question_id, row.answer))
        else:
            skipped += 1
    return cases, skipped


def render_counterfactual_text(report: CounterfactualReport) -> str:
    """A table per variant, the shifted or flipped pairs, and the verdict."""
    lines = [
        f"Counterfactual check: {report.answers} answers, judge {report.judge}, tolerance "
        f"{report.tolerance:g} (mean shift on the 1-5 scale)",
        f"{'VARIANT':22} {'CHANGED':>7} {'UNCHANGED':>9} {'FLIPS':>5} {'FLIP SHARE':>10} "
        f"{'MEAN OVERALL':>12} {'LARGEST':>8}  BEYOND TOLERANCE",
    ]
    for v in report.variants:
        share = "-" if v.flip_share is None else f"{v.flip_share:.1%}"
        mean = v.mean_shift.get(OVERALL)
        largest = max(v.max_shift.values(), key=abs, default=None)
        lines.append(
            f"{v.variant:22} {v.changed:>7} {v.unchanged:>9} {v.flips:>5} {share:>10} "
            f"{'-' if mean is None else f'{mean:+.2f}':>12} "
            f"{'-' if largest is None else f'{largest:+.2f}':>8}  "
            f"{', '.join(v.beyond_tolerance) or '-'}"
        )
        moved = {k: m for k, m in v.mean_shift.items() if m}
        if moved:
            lines.append("    mean shifts: " + ", ".join(f"{k} {m:+.2f}" for k, m in moved.items()))
    for p in report.pairs:
        nonzero = {k: s for k, s in p.shifts.items() if s}
        if p.flipped or nonzero:
            detail = ", ".join(f"{k} {s:+g}" for k, s in nonzero.items())
            lines.append(f"  {p.variant} {p.case}: {p.before} -> {p.after}  {detail}".rstrip())
    verdict = "passed" if report.passed else "FAILED: a mean shift is beyond the tolerance"
    lines.append(f"counterfactual check {verdict}")
    return "\n".join(lines) + "\n"


def counterfactual_json(report: CounterfactualReport) -> dict[str, object]:
    """The report as plain data (for ``--format json``)."""
    return {
        "passed": report.passed,
        "tolerance": report.tolerance,
        "answers": report.answers,
        "judge": report.judge,
        "variants": [{**asdict(v), "flip_share": v.flip_share} for v in report.variants],
        "pairs": [{**asdict(p), "flipped": p.flipped} for p in report.pairs],
    }
