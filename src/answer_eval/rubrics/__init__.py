"""Rubrics: the questions, their dimensions, criteria and red flags, as strict pydantic models.

A rubric library is a folder: ``rubric-set.yaml`` (dimensions and the scoring policy) and
``questions/*.yaml`` (one question each). ``models`` holds the models, ``loading`` reads YAML
1.2 in layers (file -> text -> dict -> model, errors naming file and field) and writes the JSON
Schemas that YAML editors validate with.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.rubrics.loading import (
        default_rubric_set,
        json_schemas,
        load_rubric_set,
        validate_paths,
    )
    from answer_eval.rubrics.models import (
        Criterion,
        Dimension,
        Question,
        RedFlag,
        RubricSet,
        SeedRef,
    )

_FACE = {
    "Criterion": "answer_eval.rubrics.models",
    "Dimension": "answer_eval.rubrics.models",
    "Question": "answer_eval.rubrics.models",
    "RedFlag": "answer_eval.rubrics.models",
    "RubricSet": "answer_eval.rubrics.models",
    "SeedRef": "answer_eval.rubrics.models",
    "default_rubric_set": "answer_eval.rubrics.loading",
    "json_schemas": "answer_eval.rubrics.loading",
    "load_rubric_set": "answer_eval.rubrics.loading",
    "validate_paths": "answer_eval.rubrics.loading",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = [
    "Criterion",
    "Dimension",
    "Question",
    "RedFlag",
    "RubricSet",
    "SeedRef",
    "default_rubric_set",
    "json_schemas",
    "load_rubric_set",
    "validate_paths",
]
