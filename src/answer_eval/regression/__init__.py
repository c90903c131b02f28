"""Regression-testing rubrics: golden answers, baselines, drift, agreement with raters.

``golden`` (golden-set files and their expectations), ``run`` (judge them and check each
expectation), ``baseline`` and ``drift`` (what moved after a rubric, prompt or model change),
``agreement`` (kappa and friends against human labels), ``recording`` (replay a model's replies
from cassettes) and ``pytest_plugin`` (golden files as test items). Imports nothing eagerly:
pytest loads the plugin in every run.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.regression.golden import GoldenSet, load_golden_sets
    from answer_eval.regression.run import run_golden

_FACE = {
    "GoldenSet": "answer_eval.regression.golden",
    "load_golden_sets": "answer_eval.regression.golden",
    "run_golden": "answer_eval.regression.run",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = [
    "GoldenSet",
    "load_golden_sets",
    "run_golden",
]
