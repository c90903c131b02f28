"""Where the shipped ``prompts/`` and ``rubrics/`` folders are.

In a wheel they are packaged as ``answer_eval/_data/{prompts,rubrics}``; in a source checkout or
an editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "prompts_dir", "rubrics_dir"]

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped data folder ``name`` ('prompts' or 'rubrics')."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent.parent / name  # src/answer_eval -> repository root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"answer-eval's {name}/ folder is missing from this installation")


def prompts_dir() -> Path:
    """The folder of shipped Jinja2 prompt templates."""
    return data_dir("prompts")


def rubrics_dir() -> Path:
    """The folder of the shipped rubric library."""
    return data_dir("rubrics")
