"""The response cache: same request and judge settings, no second call; failures never stored."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from answer_eval.cache import CachingJudge, ResponseCache, cache_key
from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import Usage
from answer_eval.evaluator import Evaluator
from answer_eval.judging import JudgeReply, JudgeRequest
from answer_eval.rubric import RubricSet
from answer_eval.rubric_loading import load_rubric_set
from answer_eval.testing import FakeJudge
from batch_servers import small_library

QID = "difficult-customer-issue"
ANSWER = "A customer was double-billed. I listened, refunded her and fixed the root cause."


@pytest.fixture(scope="module")
def rubrics(tmp_path_factory: pytest.TempPathFactory) -> RubricSet:
    return load_rubric_set(small_library(tmp_path_factory.mktemp("rubrics")))


class ModelJudge(FakeJudge):
    """A FakeJudge that looks like a model judge: settings, tokens, an on_retry hook."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(model=settings.pop("model", "gpt-test"))
        self.kind = "openai"  # type: ignore[assignment]
        self.endpoint = "http://127.0.0.1:1/v1"
        self.modes = ("json_schema", "json_object", "text")
        self.temperature, self.seed, self.max_tokens = 0.0, 7, 900
        self.on_retry: Any = None
        for key, value in settings.items():
            setattr(self, key, value)

    def judge(self, request: JudgeRequest) -> JudgeReply:
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
        {"modes": ("json_object", "text")},
        {"temperature": 0.7},
        {"seed": 8},
        {"max_tokens": 100},
    ],
)
def test_every_judge_setting_is_in_the_key(rubrics: RubricSet, change: dict[str, Any]) -> None:
    request = Evaluator(judge=FakeJudge(), rubric_set=rubrics).request(QID, ANSWER)
    assert cache_key(ModelJudge(), request) != cache_key(ModelJudge(**change), request)
    assert cache_key(ModelJudge(), request) == cache_key(ModelJudge(), request)


def test_the_request_and_rubric_are_in_the_key(rubrics: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(), rubric_set=rubrics)
    request = evaluator.request(QID, ANSWER)
    judge = ModelJudge()
    key = cache_key(judge, request)
    assert key != cache_key(judge, evaluator.request(QID, ANSWER + " More."))
    assert key != cache_key(judge, dataclasses.replace(request, prompt_hash="0" * 64))
    edited = request.question.model_copy(update={"text": "Edited question text?"})
    assert key != cache_key(judge, dataclasses.replace(request, question=edited))
    assert key != cache_key(FakeJudge(model="gpt-test"), request)  # judge kind differs


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
    cache.put(cache_key(inner, request), '{"dimensions": {}}', {"model": "x", "output_mode": "y"})
    reply = asyncio.run(CachingJudge(inner, cache).ajudge(request))
    assert inner.calls == 1
    assert reply.attempts == 1


def test_the_wrapper_looks_like_its_judge(tmp_path: Path) -> None:
    inner = ModelJudge()
    judge = CachingJudge(inner, ResponseCache(tmp_path / "c.sqlite3"))
    assert (judge.kind, judge.model, judge.endpoint) == ("openai", "gpt-test", inner.endpoint)

    def hook(exc: BaseException, wait: float) -> None:
        pass

    judge.on_retry = hook
    assert inner.on_retry is hook
    plain = CachingJudge(FakeJudge(), ResponseCache(tmp_path / "d.sqlite3"))
    assert not hasattr(plain, "on_retry")
