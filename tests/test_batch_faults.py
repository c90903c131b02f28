"""The real OpenAI judge against a faulty local server, and a batch killed with SIGKILL."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.run import RowError, RowResult, aevaluate_many, evaluate_many
from answer_eval.cli import batch_cmd, main
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import Judge
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.retry import RetryPolicy
from answer_eval.prompting import answer_boundary
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from batch_servers import QUESTIONS, StubConfig, StubServer, small_library

NO_WAIT = RetryPolicy(initial=0.0, maximum=0.0, jitter=False)
REASONS = {"refusal", "truncated", "invalid_output", "content_filter", "transport", "error"}


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


@pytest.fixture(scope="module")
def rubrics(lib: Path) -> RubricSet:
    return load_rubric_set(lib)


def _answer(i: int) -> str:
    return f"Last spring a customer was double-billed. I listened and refunded her. Case {i}."


def _rows(n: int) -> list[dict[str, Any]]:
    return [
        {"id": f"a{i}", "question_id": QUESTIONS[i % 2], "answer": _answer(i)} for i in range(n)
    ]


@pytest.fixture
def faulty(rubrics: RubricSet) -> Iterator[StubServer]:
    config = StubConfig(rate_429=0.10, rate_500=0.05, rate_malformed=0.05, seed=6)
    with StubServer(config, rubric_set=rubrics) as server:
        yield server


class OwnedJudge(OpenAIJudge):
    """The real judge on an async client the test owns; ``aclose`` is the CLI's closing hook."""

    def __init__(self, base_url: str) -> None:
        self.client = openai.AsyncOpenAI(base_url=base_url, api_key="local-key")
        super().__init__(model="stub", async_client=self.client, retry=NO_WAIT)

    async def aclose(self) -> None:
        await self.client.close()


def test_faults_end_scored_or_with_a_reason_and_the_summary_adds_up(
    tmp_path: Path, lib: Path, faulty: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    judge = OwnedJudge(faulty.base_url)

    def factory(args: argparse.Namespace) -> Callable[[], Judge]:
        return lambda: judge

    monkeypatch.setattr(batch_cmd, "judge_factory", factory)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _rows(300)), encoding="utf-8")
    out, summary_path = tmp_path / "out.jsonl", tmp_path / "summary.json"
    args = ["batch", str(source), "-o", str(out), "--rubrics", str(lib), "--no-progress"]
    code = main([*args, "--no-cache", "--concurrency", "16", "--summary-json", str(summary_path)])
    assert min(faulty.statuses[429], faulty.statuses[500]) > 0  # the faults really happened
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(f"a{i}" for i in range(300))
    for record in records:
        evaluation = record["evaluation"]
        if record["status"] == "scored":
            assert evaluation["overall"] is not None
            assert evaluation["recommendation"]
        else:
            assert record["status"] == "unscored"
            assert evaluation["unscored_reason"] in REASONS
            assert evaluation["detail"]
    summary = json.loads(summary_path.read_text())
    assert summary["rows"] == 300 == sum(summary["by_status"].values())
    assert sum(summary["by_recommendation"].values()) == summary["by_status"].get("scored", 0)
    assert sum(summary["unscored_reasons"].values()) == summary["by_status"].get("unscored", 0)
    assert summary["tokens"]["prompt"] > 0
    assert code == (0 if summary["by_status"] == {"scored": 300} else 1)


def test_the_limiter_hears_429s_through_the_judges_retry_hook(
    rubrics: RubricSet, faulty: StubServer
) -> None:
    judge = OwnedJudge(faulty.base_url)
    limiter = AdaptiveLimiter(16, cooldown=0.0)

    async def run() -> list[RowResult | RowError]:
        evaluator = Evaluator(judge=judge, rubric_set=rubrics)
        try:
            return [o async for o in aevaluate_many(evaluator, _rows(100), limiter=limiter)]
        finally:
            await judge.aclose()

    outcomes = asyncio.run(run())
    assert len(outcomes) == 100
    assert all(isinstance(o, RowResult) for o in outcomes)
    assert 0 < limiter.throttle_events <= faulty.statuses[429]


def test_the_sync_api_runs_the_judge_in_threads_and_can_run_twice(
    rubrics: RubricSet, faulty: StubServer
) -> None:
    judge = OpenAIJudge(model="stub", base_url=faulty.base_url, api_key="local-key", retry=NO_WAIT)
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    for _ in range(2):  # no event loop outlives a call: the second run works like the first
        outcomes = list(evaluate_many(evaluator, _rows(20), concurrency=8))
        assert sorted(o.id for o in outcomes) == sorted(f"a{i}" for i in range(20))
        assert (
            sum(o.evaluation.status == "scored" for o in outcomes if isinstance(o, RowResult)) > 15
        )


def _cached(path: Path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])


@pytest.mark.parametrize(
    ("stop", "workers"),
    [(signal.SIGKILL, 1), (signal.SIGKILL, 2), (signal.SIGINT, 1), (signal.SIGINT, 2)],
    ids=["sigkill", "sigkill-2-workers", "ctrl-c", "ctrl-c-2-workers"],
)
def test_a_batch_stopped_by_a_signal_resumes_without_loss_or_repeats(
    tmp_path: Path, lib: Path, rubrics: RubricSet, stop: signal.Signals, workers: int
) -> None:
    rows = _rows(60)
    source, out, cache = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "cache.sqlite3"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with StubServer(StubConfig(latency=0.05), rubric_set=rubrics) as server:
        command = [sys.executable, "-m", "answer_eval.cli", "batch", str(source), "-o", str(out),
                   "--rubrics", str(lib), "--judge", "openai", "--model", "stub",
                   "--base-url", server.base_url, "--cache", str(cache), "--concurrency", "4",
                   "--fsync-every", "1", "--no-progress", "--workers", str(workers)]  # fmt: skip
        env = {**os.environ, "OPENAI_API_KEY": "local-key"}
        process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 15:
                break
            time.sleep(0.01)
        process.send_signal(stop)
        assert process.wait() == (130 if stop == signal.SIGINT else -signal.SIGKILL)
        if workers > 1 and stop == signal.SIGKILL:  # orphans finish the calls in flight, then stop
            time.sleep(1.5)
            settled = server.requests
            time.sleep(0.6)
            assert server.requests == settled
        before_ids = {json.loads(line)["id"] for line in out.read_text().splitlines() if line}
        assert 15 <= len(before_ids) < 60
        cached_at_kill, sent_before = _cached(cache), server.requests
        rerun = subprocess.run(command, env=env, stderr=subprocess.PIPE, text=True, check=False)
        assert rerun.returncode == 0, rerun.stderr
        sent_after = server.requests - sent_before

    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(r["id"] for r in rows)  # each exactly once
    assert all(r["status"] == "scored" for r in records)
    assert sent_after == 60 - cached_at_kill  # nothing cached was sent again
    by_id = {r["id"]: server.by_answer[answer_boundary(r["answer"])] for r in rows}
    assert all(by_id[i] == 1 for i in before_ids)
    assert sum(by_id.values()) <= 60 + 4  # at most the calls in flight at the kill ran twice
