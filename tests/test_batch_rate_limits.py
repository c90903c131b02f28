"""Rate limits in a batch: a shared pause for every call, a ceiling past which the rows not yet
sent end ``rate_limited`` (never all sent into the same 429), and re-runs that retry them."""

from __future__ import annotations

import ctypes
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.cli import main
from answer_eval.judgment import judgment_schema
from answer_eval.rubrics.models import RubricSet
from batch_servers import small_library, value_from_schema
from fault_server import FaultServer, Reply

QID = "difficult-customer-issue"


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


@pytest.fixture
def valid(rubric_set: RubricSet) -> str:
    return json.dumps(value_from_schema(judgment_schema(rubric_set.question(QID))))


def _input(path: Path, n: int) -> Path:
    rows = [
        {"id": f"a{i}", "question_id": QID, "answer": f"I refunded her. Case {i}."}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _batch(lib: Path, server: FaultServer, *args: str | Path) -> int:
    argv = ["batch", *map(str, args), "--rubrics", str(lib), "--judge", "openai", "--model", "m",
            "--base-url", server.url, "--no-cache", "--no-progress"]  # fmt: skip
    return main(argv)


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_retry_after_beyond_the_ceiling_sends_nothing_more_and_a_re_run_retries(
    tmp_path: Path, lib: Path, server: FaultServer, valid: str
) -> None:
    source, out = _input(tmp_path / "in.jsonl", 50), tmp_path / "out.jsonl"
    summary = tmp_path / "s.json"
    server.script(Reply.error(429, "slow down", headers={"Retry-After": "1000"}))
    started = time.monotonic()
    code = _batch(lib, server, source, "-o", out, "--concurrency", "8", "--summary-json", summary)
    assert code == 1
    assert time.monotonic() - started < 10  # nobody waited 1000 s
    assert len(server.requests) <= 8  # the calls already in flight, no more
    data = json.loads(summary.read_text())
    assert data["unscored_reasons"] == {"rate_limited": 50}
    details = {r["evaluation"]["detail"] for r in _records(out)}
    assert any(
        d.startswith("not sent: the server asked for a pause longer than 300 s") for d in details
    )
    server.script(Reply.ok(valid))
    sent_before = len(server.requests)
    assert _batch(lib, server, source, "-o", out, "--summary-json", summary) == 0
    assert len(server.requests) - sent_before == 50  # each rate-limited answer, once
    assert sorted(r["id"] for r in _records(out)) == sorted(f"a{i}" for i in range(50))
    assert json.loads(summary.read_text())["by_status"] == {"scored": 50}


def test_a_retry_after_within_the_ceiling_pauses_every_new_call(
    tmp_path: Path, lib: Path, server: FaultServer, valid: str
) -> None:
    source, out = _input(tmp_path / "in.jsonl", 12), tmp_path / "out.jsonl"
    server.script(Reply.error(429, "slow down", headers={"Retry-After": "1"}), Reply.ok(valid))
    assert _batch(lib, server, source, "-o", out, "--concurrency", "4") == 0
    assert len(server.requests) == 13  # 12 answers, one of them twice
    first = server.arrivals[0]
    during = [t - first for t in server.arrivals[1:] if 0.1 < t - first < 0.95]
    assert during == []  # nothing new was sent while the server asked to wait
    assert max(server.arrivals) - first >= 1.0
    assert sorted(r["status"] for r in _records(out)) == ["scored"] * 12


def test_a_pause_beyond_the_ceiling_closes_the_limiter_for_every_sharer() -> None:
    shared = ctypes.c_double(-float("inf"))
    one = AdaptiveLimiter(4, max_pause=60, shared_pause=shared)
    two = AdaptiveLimiter(4, max_pause=60, shared_pause=shared)  # as in another worker process
    one.throttled(30)
    assert 29 < two.paused_for <= 30
    assert not two.closed
    one.throttled(61)
    assert two.closed
    assert two.paused_for == 0  # closed: slots are given at once, and nothing is sent


def test_max_pause_sets_the_ceiling(
    tmp_path: Path, lib: Path, server: FaultServer, valid: str
) -> None:
    source, out = _input(tmp_path / "in.jsonl", 6), tmp_path / "out.jsonl"
    server.script(Reply.error(429, "slow down", headers={"Retry-After": "5"}), Reply.ok(valid))
    args = ["-o", out, "--concurrency", "1", "--max-pause", "2"]
    assert _batch(lib, server, source, *args) == 1
    assert len(server.requests) == 1
    reasons = {r["evaluation"]["unscored_reason"] for r in _records(out)}
    assert reasons == {"rate_limited"}
