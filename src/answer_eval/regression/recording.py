"""Recording and replaying a judge's HTTP exchanges with vcrpy (cassettes).

Used by the pytest plugin, by ``answer-eval regress --cassette`` and by this project's own tests
(``vcr_options``: one set of filters), so a team can re-run golden sets against a model's
recorded replies offline, in CI, and re-record on purpose. Nothing that identifies an account
is written: every auth header shape in use (``Authorization``, Azure's ``api-key``, ``x-api-key``,
API gateways' ``Ocp-Apim-Subscription-Key``, organisation and project ids, cookies) is dropped,
and recorded URIs keep neither ``user:password@`` nor a query string (``public_url``). The same
filters apply to requests when a cassette is matched, so replays still find their recording.
vcrpy is imported on first use (a test-time dependency: ``pip install vcrpy``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from answer_eval.errors import JudgeConfigError
from answer_eval.judges.openai_protocol import public_url

__all__ = [
    "RECORD_MODES",
    "SECRET_REQUEST_HEADERS",
    "SECRET_RESPONSE_HEADERS",
    "scrub_request",
    "scrub_response",
    "unrecorded_call_error",
    "use_cassette",
    "vcr_options",
]

RECORD_MODES = ("none", "once", "new_episodes", "all")
SECRET_REQUEST_HEADERS = (
    "authorization",
    "proxy-authorization",
    "api-key",
    "x-api-key",
    "ocp-apim-subscription-key",
    "x-goog-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
)
SECRET_RESPONSE_HEADERS = (
    "openai-organization",
    "openai-project",
    "set-cookie",
    "x-request-id",
    "apim-request-id",
)


def scrub_request(request: Any) -> Any:
    """A vcrpy request without secret headers, URI credentials or query string."""
    request.uri = public_url(request.uri)
    for name in [h for h in request.headers if h.lower() in SECRET_REQUEST_HEADERS]:
        del request.headers[name]
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """A recorded response without the headers that identify an account or a request."""
    headers = response.get("headers") or {}
    for name in [h for h in headers if h.lower() in SECRET_RESPONSE_HEADERS]:
        del headers[name]
    return response


def vcr_options() -> dict[str, Any]:
    """vcrpy settings every recording here uses: the filters above, decoded bodies."""
    return {
        "filter_headers": list(SECRET_REQUEST_HEADERS),
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
    }


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
        **vcr_options(),
    )
    return recorder.use_cassette(str(path))  # type: ignore[no-any-return]


def unrecorded_call_error() -> type[BaseException]:
    """The exception vcrpy raises when replay meets a call the cassette does not hold."""
    from vcr.errors import CannotOverwriteExistingCassetteException  # type: ignore[import-untyped]

    return CannotOverwriteExistingCassetteException  # type: ignore[no-any-return]
