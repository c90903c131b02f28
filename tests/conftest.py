"""Shared fixtures: VCR settings for recorded HTTP tests, and the shipped rubric set."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from answer_eval.regression.recording import SECRET_REQUEST_HEADERS, SECRET_RESPONSE_HEADERS
from answer_eval.rubrics.loading import default_rubric_set
from answer_eval.rubrics.models import RubricSet

# Headers that identify an account, a session or a request: never written to a cassette.
FILTERED_HEADERS = tuple(dict.fromkeys(SECRET_REQUEST_HEADERS + SECRET_RESPONSE_HEADERS))


def _without_filtered_headers(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    response["headers"] = {k: v for k, v in headers.items() if k.lower() not in FILTERED_HEADERS}
    return response


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """pytest-recording's settings: account headers filtered both ways, decoded bodies."""
    return {
        "filter_headers": list(FILTERED_HEADERS),  # request headers
        "before_record_response": _without_filtered_headers,  # set-cookie, x-request-id, ...
        "decode_compressed_response": True,
    }


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Fail a test that replayed a cassette without playing every recorded exchange."""
    result = yield
    cassette = getattr(item, "funcargs", {}).get("vcr")
    if cassette is not None and cassette.write_protected and not cassette.all_played:
        pytest.fail(
            f"cassette {cassette._path} was not fully played: "
            f"{len(cassette.play_counts)} of {len(cassette)} recorded requests were sent"
        )
    return result


@pytest.fixture
def rubric_set() -> RubricSet:
    """The rubric set shipped with the package."""
    return default_rubric_set()
