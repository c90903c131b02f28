"""Shared fixtures: VCR settings for recorded HTTP tests, and the shipped rubric set."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from answer_eval.regression.recording import vcr_options
from answer_eval.rubrics.loading import default_rubric_set
from answer_eval.rubrics.models import RubricSet


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """pytest-recording's settings: the library's own filters (every auth header shape, URI
    credentials and query strings, account response headers), decoded bodies."""
    return vcr_options()


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
