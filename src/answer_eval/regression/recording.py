"""Recording and replaying a judge's HTTP exchanges with vcrpy (cassettes).

Used by the pytest plugin and by ``answer-eval regress --cassette``, so a team can re-run golden
sets against a model's recorded replies offline, in CI, and re-record on purpose. Headers that
identify an account or a session are never written. vcrpy is imported on first use (it is a
test-time dependency: ``pip install vcrpy``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from answer_eval.errors import JudgeConfigError

__all__ = ["RECORD_MODES", "unrecorded_call_error", "use_cassette"]

RECORD_MODES = ("none", "once", "new_episodes", "all")
SECRET_REQUEST_HEADERS = (
    "authorization",
    "api-key",
    "openai-organization",
    "openai-project",
    "cookie",
)
SECRET_RESPONSE_HEADERS = ("openai-organization", "openai-project", "set-cookie", "x-request-id")


def _scrub(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in [h for h in headers if h.lower() in SECRET_RESPONSE_HEADERS]:
        del headers[name]
    return response


def use_cassette(path: Path, mode: str = "none") -> AbstractContextManager[Any]:
    """A context in which HTTP calls are replayed from (or recorded to) the cassette ``path``.

    ``mode`` is vcrpy's record mode: ``none`` replays only (an unrecorded call fails), ``once``
    records a missing cassette, ``new_episodes`` adds calls, ``all`` re-records from scratch.
    Requests match on method, URL and body, so a changed prompt, rubric or answer is a new call.
    """
    if mode not in RECORD_MODES:
        raise JudgeConfigError(
            f"record mode must be one of {', '.join(RECORD_MODES)}, not {mode!r}"
        )
    try:
        import vcr  # type: ignore[import-untyped]  # vcrpy ships no type hints
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise JudgeConfigError(
            "recording and replaying judge calls needs vcrpy: pip install vcrpy"
        ) from exc
    if mode == "all":  # re-record from scratch: vcrpy would keep (and replay) old exchanges
        path.unlink(missing_ok=True)
    recorder = vcr.VCR(
        record_mode=mode,
        match_on=("method", "scheme", "host", "port", "path", "query", "body"),
        filter_headers=list(SECRET_REQUEST_HEADERS),
        decode_compressed_response=True,
        before_record_response=_scrub,
    )
    return recorder.use_cassette(str(path))  # type: ignore[no-any-return]


def unrecorded_call_error() -> type[BaseException]:
    """The exception vcrpy raises when replay meets a call the cassette does not hold."""
    from vcr.errors import CannotOverwriteExistingCassetteException  # type: ignore[import-untyped]

    return CannotOverwriteExistingCassetteException  # type: ignore[no-any-return]
