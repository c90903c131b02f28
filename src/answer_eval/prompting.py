"""Rendering the judge's prompt from the Jinja2 templates in ``prompts/`` (pure).

The rubric (instructions, scales, criteria, red flags) forms the system message, identical for
every answer to a question, so providers' prompt caching covers it. The candidate's answer comes
last, in the user message, passed as a template *variable* (never template source) and fenced by
a boundary derived from the answer's own SHA-256: text cannot contain a hash of itself, so an
answer cannot forge the closing line, and the same answer always renders the same prompt (which
keeps response caches and recorded cassettes stable).

An endpoint that enforces the judgment's JSON Schema (``json_schema`` mode) needs no picture of
the reply in the prompt; one that does not (``json_object``, ``text``) gets an example of the
reply's shape at the end of the system message (``reply_shape=True``), still before the answer.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypedDict

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from answer_eval.errors import PromptError
from answer_eval.resources import prompts_dir
from answer_eval.rubrics.models import Dimension, Question

__all__ = [
    "TEMPLATES",
    "Message",
    "answer_boundary",
    "prompt_hash",
    "render_messages",
    "render_reask",
]

TEMPLATES = ("system.j2", "user.j2", "reask.j2")


class Message(TypedDict):
    """A chat message as the OpenAI API takes it."""

    role: Literal["system", "user", "assistant"]
    content: str


@lru_cache(maxsize=8)
def _environment(folder: str) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def _render(name: str, folder: Path | None, **context: Any) -> str:
    env = _environment(str(folder or prompts_dir()))
    try:
        return env.get_template(name).render(**context).strip() + "\n"
    except TemplateError as exc:
        raise PromptError(f"prompt template {name!r} failed to render: {exc}") from exc


def answer_boundary(answer: str) -> str:
    """The fence around an answer: derived from the answer, so the answer cannot contain it."""
    return "ANSWER-" + hashlib.sha256(answer.encode("utf-8")).hexdigest()[:24].upper()


def render_messages(
    *,
    question: Question,
    dimensions: tuple[Dimension, ...],
    answer: str,
    reply_shape: bool = False,
    templates: Path | None = None,
) -> tuple[Message, ...]:
    """The system and user messages that ask a judge to grade ``answer`` against ``question``.

    ``reply_shape`` adds an example of the reply's shape, for endpoints that do not enforce the
    judgment's JSON Schema; with it off the prompt relies on the schema sent alongside.
    """
    system = _system_message(question, dimensions, templates, reply_shape)
    user = _render(
        "user.j2", templates, question=question, answer=answer, boundary=answer_boundary(answer)
    )
    return ({"role": "system", "content": system}, {"role": "user", "content": user})


_SYSTEM: dict[tuple[int, str, bool], tuple[Question, tuple[Dimension, ...], str]] = {}


def _system_message(
    question: Question, dimensions: tuple[Dimension, ...], templates: Path | None, shape: bool
) -> str:
    """The system message, rendered once per (frozen) question object, template folder and
    shape choice: it does not depend on the answer, and rendering it is most of a prompt's cost."""
    key = (id(question), str(templates or ""), shape)
    known = _SYSTEM.get(key)
    if known is not None and known[0] is question and known[1] == dimensions:
        return known[2]
    system = _render(
        "system.j2", templates, question=question, dimensions=dimensions, reply_shape=shape
    )
    if len(_SYSTEM) >= 256:
        _SYSTEM.clear()
    _SYSTEM[key] = (question, dimensions, system)
    return system


def render_reask(*, problems: list[str], templates: Path | None = None) -> Message:
    """The follow-up message asking the judge to fix an invalid reply."""
    return {"role": "user", "content": _render("reask.j2", templates, problems=problems)}


def prompt_hash(templates: Path | None = None) -> str:
    """SHA-256 over the prompt templates' bytes: changes whenever a prompt is edited."""
    folder = templates or prompts_dir()
    digest = hashlib.sha256()
    for name in TEMPLATES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()
