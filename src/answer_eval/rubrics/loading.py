"""Loading rubrics from YAML: file -> text -> dict -> model, with errors a rubric author can read.

A rubric library is a folder holding ``rubric-set.yaml`` (id, title, dimensions, scoring) and a
``questions/`` folder with one question per ``*.yaml`` file. A single YAML file holding a whole
rubric set (with a ``questions:`` list) loads too.

Every error names the file, the question id and the field path, e.g.::

    rubrics/questions/x.yaml: question 'x': red_flags[1] (id 'blame').severity: must be one of
    'minor', 'major', 'critical' (got 'huge')

YAML is untrusted input too: a file over ``MAX_YAML_BYTES``, or whose aliases expand to more
than ``MAX_YAML_NODES`` nodes (a "billion laughs" of a few hundred kilobytes can take gigabytes
once used), is refused before anything is built from it, with the file and the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from answer_eval.errors import RubricError
from answer_eval.resources import rubrics_dir
from answer_eval.rubrics.models import Question, RubricSet

__all__ = [
    "MAX_YAML_BYTES",
    "MAX_YAML_NODES",
    "SET_FILE",
    "YamlLimitError",
    "default_rubric_set",
    "json_schemas",
    "load_rubric_set",
    "load_yaml",
    "question_from_dict",
    "question_from_file",
    "question_from_text",
    "rubric_set_from_dict",
    "validate_paths",
    "validation_problems",
    "yaml_error_message",
]

MAX_YAML_BYTES = 1_000_000
"""The largest rubric or golden-set file read (the shipped ones are under 10 kB)."""
MAX_YAML_NODES = 200_000
"""The most YAML nodes a document may hold once its aliases are expanded."""
SET_FILE = "rubric-set.yaml"
QUESTIONS_DIR = "questions"
SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "rubric-set.schema.json": RubricSet,
    "question.schema.json": Question,
}


# ---------------------------------------------------------------------------- text -> dict


class _Yaml12SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but only ``true``/``false`` are booleans (as in YAML 1.2).

    YAML 1.1 reads ``yes``, ``no``, ``on`` and ``off`` as booleans, so a rubric author writing
    ``thresholds: {yes: 3.6}`` would silently get ``True``.
    """


_Yaml12SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class YamlLimitError(yaml.YAMLError):
    """YAML refused before use: too large, or aliases that expand too far (or into a loop)."""

    def __init__(self, problem: str) -> None:
        self.problem, self.problem_mark = problem, None
        super().__init__(problem)


def _expanded_size(root: yaml.Node) -> int:
    """How many nodes the document holds with every alias expanded (shared nodes counted at
    each use), stopping as soon as the count passes ``MAX_YAML_NODES``."""
    sizes: dict[int, int] = {}
    busy: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in busy:
            raise YamlLimitError("an alias refers to the node that contains it (a loop)")
        busy.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            children: list[yaml.Node] = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = []
        for child in children:
            total += size(child)
            if total > MAX_YAML_NODES:
                raise YamlLimitError(
                    f"its aliases expand to more than {MAX_YAML_NODES:,} nodes; write the "
                    "repeated parts out instead of using anchors and aliases"
                )
        busy.discard(key)
        sizes[key] = total
        return total

    return size(root)


def load_yaml(text: str) -> Any:
    """Parse YAML safely, with YAML 1.2 booleans; refuse text over ``MAX_YAML_BYTES`` or whose
    aliases expand past ``MAX_YAML_NODES`` nodes (``YamlLimitError``)."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(f"it holds {len(text):,} characters; the limit is {MAX_YAML_BYTES:,}")
    loader = _Yaml12SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _expanded_size(root)
        return loader.construct_document(root)
    except RecursionError as exc:  # PyYAML composes and constructs recursively
        raise YamlLimitError("it is nested too deeply") from exc
    finally:
        loader.dispose()


def yaml_error_message(exc: yaml.YAMLError) -> str:
    """'YAML syntax error at line L, column C: problem', in an author's terms (or, for a file
    refused by the limits, 'refused: why')."""
    if isinstance(exc, YamlLimitError):
        return f"refused: {exc.problem}"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return f"YAML syntax error{where}: {problem}"


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise RubricError(f"{source}: {yaml_error_message(exc)}") from exc
    if data is None:
        raise RubricError(f"{source}: the file is empty")
    if not isinstance(data, dict):
        raise RubricError(
            f"{source}: expected a mapping of keys at the top, got {type(data).__name__}"
        )
    return data


# ---------------------------------------------------------------------------- dict -> model


def _describe_location(loc: Sequence[int | str], data: Any) -> str:
    """Turn pydantic's ('criteria', 2, 'severity') into "criteria[2] (id 'x').severity"."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and key < len(node):
                node = node[key]
                if isinstance(node, Mapping) and isinstance(node.get("id"), str):
                    label += f" (id {node['id']!r})"
            else:
                node = None
            parts.append(label)
        else:
            if key.startswith(("function-", "model-", "tagged-union")):
                continue
            if key == "[key]":
                parts.append(" (key)")
                continue
            parts.append(("." if parts else "") + key)
            node = node.get(key) if isinstance(node, Mapping) else None
    return "".join(parts) or "(top level)"


def validation_problems(exc: ValidationError, data: Any, prefix: str) -> list[str]:
    """One readable line per error in ``exc``: ``prefix``, the field as written in ``data``, why."""
    lines = []
    for err in exc.errors(include_url=False):
        loc = list(err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            field = _describe_location(loc[:-1], data) if len(loc) > 1 else "(top level)"
            lines.append(f"{prefix}{field}: unknown key {loc[-1]!r}")
            continue
        where = _describe_location(loc, data)
        msg = err["msg"]
        if kind == "missing":
            msg = "required field is missing"
        elif kind == "literal_error":
            expected = (err.get("ctx") or {}).get("expected", "")
            msg = f"must be one of {expected} (got {err.get('input')!r})"
        elif msg.startswith("Value error, "):
            msg = msg.removeprefix("Value error, ")
        lines.append(f"{prefix}{where}: {msg}")
    return lines


def _validate(model: type[BaseModel], data: dict[str, Any], source: str, what: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        qid = data.get("id") if isinstance(data.get("id"), str) else None
        prefix = f"{source}: {what} {qid!r}: " if qid else f"{source}: "
        problems = validation_problems(exc, data, prefix)
        raise RubricError("\n".join(problems), problems) from exc


def question_from_dict(data: dict[str, Any], *, source: str = "<dict>") -> Question:
    """Validate one question mapping; errors name ``source``, the question id and the field."""
    return _validate(Question, data, source, "question")  # type: ignore[no-any-return]


def question_from_text(text: str, *, source: str = "<text>") -> Question:
    """Parse and validate one question from YAML text."""
    return question_from_dict(_parse_yaml(text, source), source=source)


def question_from_file(path: str | Path) -> Question:
    """Read, parse and validate one question file."""
    return question_from_text(_read(Path(path)), source=str(path))


def rubric_set_from_dict(data: dict[str, Any], *, source: str = "<dict>") -> RubricSet:
    """Validate a whole rubric set mapping (dimensions, scoring and questions)."""
    return _validate(RubricSet, data, source, "rubric set")  # type: ignore[no-any-return]


def _read(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise RubricError(
                f"{path}: refused: it is {size:,} bytes; the limit is {MAX_YAML_BYTES:,}"
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RubricError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise RubricError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise RubricError(f"{path}: cannot read ({exc.strerror})") from exc


# ---------------------------------------------------------------------------- libraries


def _question_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / QUESTIONS_DIR).glob("*.yaml") if p.is_file())


def load_rubric_set(
    path: str | Path | None = None, *, extra_questions: Iterable[Path] = ()
) -> RubricSet:
    """Load a rubric library folder (or a single rubric-set file); default: the shipped library.

    ``extra_questions`` adds question files that live elsewhere (they use the set's dimensions).
    All problems across all files are collected before raising one ``RubricError``.
    """
    root = Path(path) if path is not None else rubrics_dir()
    set_file = root / SET_FILE if root.is_dir() else root
    data = _parse_yaml(_read(set_file), str(set_file))
    inline = data.get("questions") or []
    base = rubric_set_from_dict({**data, "questions": []}, source=str(set_file))
    dimension_ids = {d.id for d in base.dimensions}
    questions: list[tuple[Question, str]] = []
    problems: list[str] = []
    if not isinstance(inline, list):
        problems.append(f"{set_file}: questions: must be a list of questions")
        inline = []
    for index, raw in enumerate(inline):
        source = f"{set_file}: questions[{index}]"
        try:
            if not isinstance(raw, dict):
                raise RubricError(f"{source}: must be a mapping")
            question = _checked(question_from_dict(raw, source=source), dimension_ids, source)
            questions.append((question, source))
        except RubricError as exc:
            problems.extend(exc.problems)
    files = (_question_files(root) if root.is_dir() else []) + list(extra_questions)
    for file in files:
        try:
            raw = _parse_yaml(_read(file), str(file))
            question = _checked(question_from_dict(raw, source=str(file)), dimension_ids, str(file))
            questions.append((question, str(file)))
        except RubricError as exc:
            problems.extend(exc.problems)
    problems.extend(_cross_check(questions))
    if problems:
        raise RubricError("\n".join(problems), problems)
    merged = {**data, "questions": [q.model_dump() for q, _ in questions]}
    return rubric_set_from_dict(merged, source=str(set_file))


def _cross_check(questions: list[tuple[Question, str]]) -> list[str]:
    """Problems between questions (duplicate ids, unknown related ids), naming each file."""
    problems = []
    first: dict[str, str] = {}
    for question, source in questions:
        if question.id in first:
            where = f"{source}: question {question.id!r}"
            problems.append(f"{where}: id: duplicate id, already used in {first[question.id]}")
        else:
            first[question.id] = source
    for question, source in questions:
        for index, other in enumerate(question.related):
            if other not in first:
                where = f"{source}: question {question.id!r}: related[{index}]"
                problems.append(f"{where}: no question has id {other!r}")
    return problems


def _checked(question: Question, dimension_ids: set[str], source: str) -> Question:
    """Name the file when a question weighs a dimension the set does not define."""
    undefined = [d for d in question.weights if d not in dimension_ids]
    if undefined:
        problems = [
            f"{source}: question {question.id!r}: weights.{d}: dimension {d!r} is not defined "
            f"(defined: {', '.join(sorted(dimension_ids))})"
            for d in undefined
        ]
        raise RubricError("\n".join(problems), problems)
    return question


@lru_cache(maxsize=1)
def default_rubric_set() -> RubricSet:
    """The shipped customer-service rubric library (loaded once per process)."""
    return load_rubric_set()


def validate_paths(paths: Sequence[str | Path]) -> list[str]:
    """Validate rubric folders, set files or question files; return the problems (empty: valid).

    A lone question file is checked against the shipped dimensions, or against the
    ``rubric-set.yaml`` of the library folder it sits in.
    """
    problems: list[str] = []
    targets = [Path(p) for p in paths] or [rubrics_dir()]
    for target in targets:
        try:
            if target.is_dir() or target.name == SET_FILE or _looks_like_set(target):
                load_rubric_set(target)
                continue
            library = target.parent.parent if target.parent.name == QUESTIONS_DIR else None
            if library is not None and (library / SET_FILE).is_file():
                base = load_rubric_set(library)
            else:
                base = default_rubric_set()
            question = question_from_file(target)
            others = [q for q in base.questions if q.id != question.id]
            data = base.model_dump()
            data["questions"] = [q.model_dump() for q in others] + [question.model_dump()]
            rubric_set_from_dict(data, source=str(target))
        except RubricError as exc:
            problems.extend(exc.problems)
    return problems


def _looks_like_set(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and "dimensions" in data


def json_schemas() -> dict[str, str]:
    """The JSON Schemas YAML editors use, by file name, as the text written to ``rubrics/``."""
    return {
        name: json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in SCHEMA_FILES.items()
    }
