"""Choosing a judge: explicitly (``offline`` / ``openai``) or ``auto`` from the environment.

``auto`` picks the OpenAI-compatible judge when an endpoint or key is configured (arguments, or
``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``) *and* a model is named (``model=``,
``ANSWER_EVAL_MODEL`` or ``OPENAI_MODEL``); otherwise the offline judge. It says which in the
notice it returns, so a user never mistakes the offline baseline for an LLM.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from answer_eval.errors import JudgeConfigError
from answer_eval.judges.contract import Judge
from answer_eval.judges.openai_protocol import Endpoint

__all__ = ["JudgeName", "choose_judge", "resolve_judge"]

JudgeName = Literal["auto", "offline", "openai"]


def resolve_judge(
    name: JudgeName = "auto", *, env: Mapping[str, str] | None = None, **openai_options: Any
) -> tuple[Judge, str | None]:
    """The judge to use and, for ``auto``, a one-line notice saying which one was chosen."""
    if name not in ("auto", "offline", "openai"):
        raise JudgeConfigError(f"unknown judge {name!r}; choose auto, offline or openai")
    endpoint = Endpoint.resolve(
        model=openai_options.get("model"),
        base_url=openai_options.get("base_url"),
        api_key=openai_options.get("api_key"),
        env=env,
    )
    configured = endpoint.configured or openai_options.get("client") is not None
    if name == "openai" or (name == "auto" and configured and endpoint.model):
        from answer_eval.judges.openai_compatible import OpenAIJudge

        judge = OpenAIJudge(**openai_options)
        notice = f"judge: {judge.model} at {judge.endpoint}" if name == "auto" else None
        return judge, notice
    from answer_eval.judges.offline import OfflineJudge

    if name != "auto":
        return OfflineJudge(), None
    if configured:
        notice = (
            "judge: offline rule-based judge (an endpoint or key is set but no model: set "
            "ANSWER_EVAL_MODEL or pass --model for LLM judging)"
        )
    else:
        notice = (
            "judge: offline rule-based judge (no OPENAI_BASE_URL or OPENAI_API_KEY set); "
            "use --judge openai with an endpoint for LLM judging"
        )
    return OfflineJudge(), notice


def choose_judge(name: JudgeName = "auto", **openai_options: Any) -> Judge:
    """The judge for ``name`` (see ``resolve_judge``), without the notice."""
    return resolve_judge(name, **openai_options)[0]
