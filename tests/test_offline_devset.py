"""The offline judge on the third-party dev set: the goals of issue 12, asserted.

The dev set is not in the repository. It is read from ``$ANSWER_EVAL_DEVSET`` or from
``../shared/devset`` next to the repository root; without it these tests skip. The figures come
from ``benchmarks/devset_eval.py`` (run it to see them all).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from answer_eval.rubrics.loading import default_rubric_set

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _benchmark(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return __import__(name)


devset = _benchmark("devset")
devset_eval = _benchmark("devset_eval")


def test_the_question_map_covers_the_sets_questions_with_rubric_ids() -> None:
    mapping = devset.question_map()
    assert sorted(mapping) == [f"Q{i:02d}" for i in range(1, 21)]
    known = {q.id for q in default_rubric_set().questions}
    assert set(mapping.values()) <= known


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.everydayinterviewtips.com/a", "everydayinterviewtips.com"),
        ("https://everydayinterviewtips.com/b", "everydayinterviewtips.com"),
        ("https://learn.rumie.org/x", "rumie.org"),
        ("https://learnssr.rumie.org/y", "rumie.org"),
        ("https://www.meritsolutions.com.au/z", "meritsolutions.com.au"),
        ("https://someone.blogspot.com/p", "someone.blogspot.com"),
    ],
)
def test_sites_are_named_by_registrable_host(url: str, site: str) -> None:
    assert devset.site(url) == site


needs_devset = pytest.mark.skipif(
    devset.locate() is None, reason="the third-party dev set is not available here"
)


@cache
def report() -> Any:
    return devset_eval.evaluate()


@needs_devset
def test_no_site_is_on_both_sides_of_the_split() -> None:
    answers = devset.load()
    halves: dict[str, set[str]] = {}
    for answer in answers:
        halves.setdefault(answer.site, set()).add(answer.half)
    assert all(len(sides) == 1 for sides in halves.values())
    assert {a.half for a in answers} == {"fit", "held-out"}


@needs_devset
def test_pairwise_accuracy_beats_the_length_baselines() -> None:
    figures = report().accuracy
    assert figures["all"]["offline judge"] >= 0.95
    assert figures["all"]["offline judge"] > figures["all"]["word count"]
    assert figures["all"]["offline judge"] > figures["all"]["sentence count"]
    assert figures["held-out half"]["offline judge"] >= 0.95
    assert figures["length within 25%"]["offline judge"] >= 0.9


@needs_devset
def test_length_controlled_pairs_hold_in_every_kind() -> None:
    held = report()
    for kind in ("filler", "blame", "dismiss_ai", "padding", "stuffing"):
        assert held.held_share(kind) >= 0.9, kind


@needs_devset
def test_verdicts_are_calibrated() -> None:
    figures = report()
    assert figures.share("strong", ("strong_yes", "yes")) >= 0.7
    assert figures.share("weak", ("no", "definitely_not")) >= 0.8


@needs_devset
def test_cue_salads_are_never_above_mixed() -> None:
    figures = report()
    order = devset_eval.ORDER
    assert order.index(figures.salad_worst) >= order.index("mixed")
    flagged, total = figures.salad_flagged
    assert total >= 23
    assert flagged == total
