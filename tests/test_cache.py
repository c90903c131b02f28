"""The response cache: same request and judge settings, no second call; failures never stored."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import Usage
from answer_eval.evaluator import Evaluator
from answer_eval.judges.cache import CachingJudge, ResponseCache, cache_key
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings
from answer_eval.judges.offline import OfflineJudge
from answer_eval.judges.retry import RetryHook
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge
from batch_servers import small_library

QID = "difficult-customer-issue"
ANSWER = "A customer was double-billed. I listened, refunded her and fixed the root cause."


@pytest.fixture(scope="module")
def rubrics(tmp_path_factory: pytest.TempPathFactory) -> RubricSet:
    return load_rubric_set(small_library(tmp_path_factory.mktemp("rubrics")))


class ModelJudge(FakeJudge):
    """A FakeJudge that looks like a model judge: settings, tokens, a retry hook it calls."""

    def __init__(self, **changes: Any) -> None:
        super().__init__(model=changes.get("model", "gpt-test"))
        self.kind = "openai"
        defaults = {
            "endpoint": "http://127.0.0.1:1/v1",
            "output_modes": ("json_schema", "json_object", "text"),
            "temperature": 0.0,
            "seed": 7,
            "max_tokens": 900,
        }
        self.settings = JudgeSettings(kind="openai", **{"model": "gpt-test", **defaults, **changes})
        self.endpoint = self.settings.endpoint
        self.temperature, self.seed = self.settings.temperature, self.settings.seed

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        if on_retry is not None:
            on_retry(RuntimeError("a transient error"), 0.0)
        reply = super().judge(request)
        return dataclasses.replace(
            reply,
            output_mode="json_schema",
            endpoint=self.endpoint,
            temperature=self.temperature,
            seed=self.seed,
            usage=Usage(prompt_tokens=500, completion_tokens=80),
            latency_ms=120.0,
        )


def test_a_hit_returns_the_stored_judgment_with_no_cost(tmp_path: Path, rubrics: RubricSet) -> None:
    inner = ModelJudge()
    judge = CachingJudge(inner, ResponseCache(tmp_path / "c.sqlite3"))
    evaluator = Evaluator(judge=judge, rubric_set=rubrics)
    first = evaluator.evaluate(QID, ANSWER)
    second = evaluator.evaluate(QID, ANSWER)
    assert inner.calls == 1
    assert first.provenance.attempts == 1
    assert first.provenance.usage.prompt_tokens == 500
    p = second.provenance
    assert (p.attempts, p.usage, p.latency_ms) == (0, Usage(), 0.0)
    assert (p.model, p.output_mode, p.endpoint, p.seed) == (
        "gpt-test",
        "json_schema",
        inner.endpoint,
        7,
    )
    assert first.model_dump(exclude={"provenance"}) == second.model_dump(exclude={"provenance"})
    assert judge.cache.hits == 1
    assert judge.cache.misses == 1


def test_the_cache_persists_across_processes_in_wal_mode(
    tmp_path: Path, rubrics: RubricSet
) -> None:
    path = tmp_path / "sub" / "c.sqlite3"
    Evaluator(judge=CachingJudge(ModelJudge(), ResponseCache(path)), rubric_set=rubrics).evaluate(
        QID, ANSWER
    )
    again = ModelJudge()
    Evaluator(judge=CachingJudge(again, ResponseCache(path)), rubric_set=rubrics).evaluate(
        QID, ANSWER
    )
    assert again.calls == 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    "change",
    [
        {"model": "other-model"},
        {"endpoint": "http://elsewhere/v1"},
        {"output_modes": ("json_object", "text")},
        {"temperature": 0.7},
        {"seed": 8},
        {"max_tokens": 100},
    ],
)
def test_every_judge_setting_is_in_the_key(rubrics: RubricSet, change: dict[str, Any]) -> None:
    request = Evaluator(judge=FakeJudge(), rubric_set=rubrics).request(QID, ANSWER)
    key = cache_key(ModelJudge().settings, request)
    assert key != cache_key(ModelJudge(**change).settings, request)
    assert key == cache_key(ModelJudge().settings, request)


def test_the_request_and_rubric_are_in_the_key(rubrics: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(), rubric_set=rubrics)
    request = evaluator.request(QID, ANSWER)
    settings = ModelJudge().settings
    key = cache_key(settings, request)
    assert key != cache_key(settings, evaluator.request(QID, ANSWER + " More."))
    assert key != cache_key(settings, dataclasses.replace(request, prompt_hash="0" * 64))
    edited = request.question.model_copy(update={"text": "Edited question text?"})
    assert key != cache_key(settings, dataclasses.replace(request, question=edited))
    assert key != cache_key(settings.model_copy(update={"kind": "fake"}), request)


def test_failures_are_never_cached(tmp_path: Path, rubrics: RubricSet) -> None:
    cache = ResponseCache(tmp_path / "c.sqlite3")
    failing = CachingJudge(FakeJudge(fail="invalid_output"), cache)
    evaluation = Evaluator(judge=failing, rubric_set=rubrics).evaluate(QID, ANSWER)
    assert evaluation.status == "unscored"
    assert len(cache) == 0
    with pytest.raises(JudgeProtocolError):
        failing.judge(Evaluator(judge=FakeJudge(), rubric_set=rubrics).request(QID, ANSWER))


def test_a_damaged_entry_is_asked_again(tmp_path: Path, rubrics: RubricSet) -> None:
    inner = ModelJudge()
    cache = ResponseCache(tmp_path / "c.sqlite3")
    request = Evaluator(judge=inner, rubric_set=rubrics).request(QID, ANSWER)
    key = cache_key(inner.settings, request)
    cache.put(key, '{"dimensions": {}}', {"model": "x", "output_mode": "y"})
    reply = asyncio.run(CachingJudge(inner, cache).ajudge(request))
    assert inner.calls == 1
    assert reply.attempts == 1


def test_the_wrapper_forwards_the_contract_and_nothing_else(
    tmp_path: Path, rubrics: RubricSet
) -> None:
    inner = ModelJudge()
    judge = CachingJudge(inner, ResponseCache(tmp_path / "c.sqlite3"))
    assert (judge.kind, judge.settings) == ("openai", inner.settings)
    assert not hasattr(judge, "endpoint")  # not part of the contract: not forwarded
    seen: list[BaseException] = []
    request = Evaluator(judge=inner, rubric_set=rubrics).request(QID, ANSWER)
    judge.judge(request, on_retry=lambda exc, wait: seen.append(exc))
    assert len(seen) == 1  # the hook passed in reached the inner judge
    judge.judge(request, on_retry=lambda exc, wait: seen.append(exc))
    assert len(seen) == 1  # a cache hit sends nothing, so nothing is retried


def test_a_hit_keeps_the_judges_review_flags(tmp_path: Path, rubrics: RubricSet) -> None:
    """The offline judge's own flags (keyword stuffing, unsure) come back from the cache too."""
    stuffed = "Apologize, empathy, root cause, follow up, refund, escalate, ownership, listen."
    judge = CachingJudge(OfflineJudge(), ResponseCache(tmp_path / "c.sqlite3"))
    request = Evaluator(judge=judge, rubric_set=rubrics).request(QID, stuffed)
    first = judge.judge(request)
    again = judge.judge(request)
    assert first.review_flags, "the offline judge flags a bare list of cues"
    assert (again.attempts, again.review_flags) == (0, first.review_flags)
