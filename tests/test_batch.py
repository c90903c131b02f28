"""The batch API: outcomes for every row, bounded concurrency, adaptation to rate limits."""

from __future__ import annotations

import asyncio
import io
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from answer_eval.batch.input import rows_from_mappings
from answer_eval.batch.limiter import AdaptiveLimiter
from answer_eval.batch.output import OutputSink, flatten, outcome_record
from answer_eval.batch.run import RowError, RowResult, Summary, aevaluate_many, evaluate_many
from answer_eval.batch.workers import WorkerDiedError, run_batch_in_processes
from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import JudgeKind
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings
from answer_eval.judges.retry import RetryHook
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge
from batch_servers import small_library

QID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."


@pytest.fixture(scope="module")
def rubrics(tmp_path_factory: pytest.TempPathFactory) -> RubricSet:
    return load_rubric_set(small_library(tmp_path_factory.mktemp("rubrics")))


def _rows(n: int) -> list[dict[str, str]]:
    return [{"id": f"a{i}", "question_id": QID, "answer": f"{ANSWER} Case {i}."} for i in range(n)]


class SlowJudge:
    """A judge that sleeps, counts concurrent calls, and can fail or report 429s (sync or async)."""

    kind: JudgeKind = "fake"
    settings = JudgeSettings(kind="fake", model="slow")

    def __init__(self, delay: float = 0.01, *, fail: set[str] = frozenset(), retries: int = 0):
        self.inner, self.delay, self.fail, self.retries = FakeJudge(), delay, fail, retries
        self.active = self.peak = self.calls = 0
        self.lock = threading.Lock()

    def _enter(self, request: JudgeRequest, on_retry: RetryHook | None) -> None:
        with self.lock:
            self.calls += 1
            self.active += 1
            self.peak = max(self.peak, self.active)
        for _ in range(self.retries):  # the judge's own retry layer saw a 429
            if on_retry is not None:
                on_retry(_RateLimitedError(), 0.0)

    def _exit(self, request: JudgeRequest) -> JudgeReply:
        with self.lock:
            self.active -= 1
        if any(marker in request.answer for marker in self.fail):
            raise JudgeProtocolError("transport", "connection reset", attempts=3)
        return self.inner.judge(request)

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        self._enter(request, on_retry)
        time.sleep(self.delay)
        return self._exit(request)

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        self._enter(request, on_retry)
        await asyncio.sleep(self.delay)
        return self._exit(request)

    def close(self) -> None:
        pass

    async def aclose(self) -> None:
        pass


class _RateLimitedError(Exception):
    status_code = 429


def test_every_row_gets_one_outcome_and_concurrency_is_bounded(rubrics: RubricSet) -> None:
    judge = SlowJudge()
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    rows = [*_rows(40), {"id": "bad", "question_id": "nope", "answer": "x"}, {"id": "a3"}]
    outcomes = list(evaluate_many(evaluator, rows, concurrency=5))
    assert len(outcomes) == 42
    results = [o for o in outcomes if isinstance(o, RowResult)]
    errors = {o.id: o for o in outcomes if isinstance(o, RowError)}
    assert len(results) == 40
    assert all(r.evaluation.status == "scored" for r in results)
    assert {r.evaluation.answer_id for r in results} == {f"a{i}" for i in range(40)}
    assert "unknown question 'nope'" in errors["bad"].error
    assert errors["bad"].row == 41
    # a duplicate's error is its own row's: the id belongs to the first row with it
    assert "duplicate id 'a3'" in errors[None].error
    assert errors[None].row == 42
    assert judge.peak == 5


def test_async_iterator_and_unscored_rows(rubrics: RubricSet) -> None:
    judge = SlowJudge(fail={"Case 3."})
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)

    async def collect() -> list[RowResult | RowError]:
        return [o async for o in aevaluate_many(evaluator, _rows(6), concurrency=3)]

    outcomes = asyncio.run(collect())
    statuses = {o.id: o.evaluation.status for o in outcomes if isinstance(o, RowResult)}
    assert statuses.pop("a3") == "unscored"
    assert set(statuses.values()) == {"scored"}


def test_a_crashing_judge_gives_unscored_rows_not_a_crashed_batch(rubrics: RubricSet) -> None:
    def explode(request: JudgeRequest) -> dict[str, Any]:
        raise RuntimeError("bug in a judge")

    evaluator = Evaluator(judge=FakeJudge(reply=explode), rubric_set=rubrics)
    (outcome,) = evaluate_many(evaluator, _rows(1))
    assert isinstance(outcome, RowResult)
    assert outcome.evaluation.unscored_reason == "error"
    assert "RuntimeError: bug in a judge" in (outcome.evaluation.detail or "")


def test_breaking_out_early_stops_cleanly(rubrics: RubricSet) -> None:
    judge = SlowJudge()
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    for _ in evaluate_many(evaluator, _rows(1000), concurrency=4):
        break
    assert judge.calls < 20


def test_429s_seen_by_the_judge_halve_the_limit(rubrics: RubricSet) -> None:
    judge = SlowJudge(delay=0.0, retries=1)
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    limiter = AdaptiveLimiter(16, cooldown=0.0)
    list(evaluate_many(evaluator, _rows(8), limiter=limiter))
    assert limiter.throttle_events == 8
    assert limiter.limit < 16


def test_transport_failures_throttle_without_a_retry(rubrics: RubricSet) -> None:
    """A judge may give up without retrying (Retry-After too long): the limiter still backs off."""
    judge = SlowJudge(delay=0.0, fail={"Case"})
    limiter = AdaptiveLimiter(16, cooldown=0.0)
    list(evaluate_many(Evaluator(judge=judge, rubric_set=rubrics), _rows(3), limiter=limiter))
    assert limiter.limit == 2.0


def test_summary_counts_add_up(rubrics: RubricSet) -> None:
    judge = SlowJudge(delay=0.0, fail={"Case 1."})
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    rows = [*_rows(4), {"id": "x", "question_id": "nope", "answer": "y"}]
    summary = Summary(price_in=1.0, price_out=2.0)
    for outcome in evaluate_many(evaluator, rows):
        summary.add(flatten(outcome_record(outcome)))
    data = summary.to_dict()
    assert data["rows"] == 5
    assert data["by_status"] == {"error": 1, "scored": 3, "unscored": 1}
    assert sum(data["by_recommendation"].values()) == 3
    assert set(data["mean_overall"]) == {QID}
    assert data["cost_usd"] == 0.0
    assert not summary.all_scored
    assert Summary().cost_usd() is None  # never invented without prices


def test_small_library_is_readable(tmp_path: Path) -> None:
    assert len(load_rubric_set(small_library(tmp_path)).questions) == 2


def test_worker_processes_share_the_rows(rubrics: RubricSet) -> None:
    stream = io.BytesIO()
    sink = OutputSink(stream, "jsonl", owns_stream=False)
    rows = list(rows_from_mappings([*_rows(40), {"id": "a0"}]))

    def make() -> Evaluator:
        return Evaluator(judge=FakeJudge(), rubric_set=rubrics)

    summary = run_batch_in_processes(make, rows, sink, workers=3, concurrency=2)
    ids = [json.loads(line)["id"] or "" for line in stream.getvalue().splitlines()]
    assert sorted(ids) == sorted(["", *(f"a{i}" for i in range(40))])  # the duplicate: no id
    assert summary.to_dict()["by_status"] == {"error": 1, "scored": 40}


def test_a_worker_that_dies_is_reported(rubrics: RubricSet) -> None:
    def make() -> Evaluator:
        os._exit(3)

    sink = OutputSink(io.BytesIO(), "jsonl", owns_stream=False)
    with pytest.raises(WorkerDiedError):
        run_batch_in_processes(make, rows_from_mappings(_rows(5)), sink, workers=2, concurrency=2)
