"""Choosing a judge: explicitly (``offline`` / ``openai``) or ``auto`` from the environment.

``auto`` picks the OpenAI-compatible judge when an endpoint or key is configured (arguments, or
``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``), otherwise the offline judge, and says which in the
notice it returns, so a user never mistakes the offline baseline for an LLM.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from answer_eval.errors import JudgeConfigError
from answer_eval.judging import Judge

__all__ = ["JudgeName", "choose_judge", "resolve_judge"]

JudgeName = Literal["auto", "offline", "openai"]


def resolve_judge(
    name: JudgeName = "auto", *, env: Mapping[str, str] | None = None, **openai_options: Any
) -> tuple[Judge, str | None]:
    """The judge to use and, for ``auto``, a one-line notice saying which one was chosen."""
    environ = os.environ if env is None else env
    if name not in ("auto", "offline", "openai"):
        raise JudgeConfigError(f"unknown judge {name!r}; choose auto, offline or openai")
    configured = bool(
        openai_options.get("base_url")
        or openai_options.get("api_key")
        or openai_options.get("client")
        or environ.get("OPENAI_BASE_URL")
        or environ.get("OPENAI_API_KEY")
    )
    if name == "openai" or (name == "auto" and configured):
        from answer_eval.openai_judge import OpenAIJudge

        judge = OpenAIJudge(**openai_options)
        notice = f"judge: {judge.model} at {judge.endpoint}" if name == "auto" else None
        return judge, notice
    from answer_eval.offline_judge import OfflineJudge

    notice = (
        "judge: offline rule-based judge (no OPENAI_BASE_URL or OPENAI_API_KEY set); "
        "use --judge openai with an endpoint for LLM judging"
        if name == "auto"
        else None
    )
    return OfflineJudge(), notice


def choose_judge(name: JudgeName = "auto", **openai_options: Any) -> Judge:
    """The judge for ``name`` (see ``resolve_judge``), without the notice."""
    return resolve_judge(name, **openai_options)[0]
