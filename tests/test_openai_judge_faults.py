"""OpenAIJudge against a real HTTP server on 127.0.0.1 that misbehaves on cue.

Every test counts the requests the server saw and checks the reason, mode and attempts the judge
reports. Retry waits are recorded by an injected sleep, never slept.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import openai
import pytest

from answer_eval.errors import JudgeConfigError, JudgeProtocolError
from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.retry import RetryPolicy
from answer_eval.judgment import judgment_schema
from answer_eval.prompting import prompt_hash, render_messages
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import judgment_for
from fault_server import FaultServer, Reply, iter_messages

QUESTION_ID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."
KEY = "local-key-0123456789"


@pytest.fixture
def judge_request(rubric_set: RubricSet) -> JudgeRequest:
    question = rubric_set.question(QUESTION_ID)
    dims = tuple(rubric_set.dimension(d) for d in question.applicable_dimensions())
    return JudgeRequest(
        question=question,
        dimensions=dims,
        answer=ANSWER,
        messages=render_messages(question=question, dimensions=dims, answer=ANSWER),
        schema=judgment_schema(question),
        prompt_hash=prompt_hash(),
    )


@pytest.fixture
def valid(judge_request: JudgeRequest) -> str:
    """A reply that is a complete, valid judgment for the question."""
    return json.dumps(judgment_for(judge_request.question, quote="I listened", score=4))


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def judge(server: FaultServer, waits: list[float]) -> Iterator[OpenAIJudge]:
    built = OpenAIJudge(
        model="judge-model",
        base_url=server.url,
        api_key=KEY,
        retry=RetryPolicy(sleep=waits.append),
        seed=7,
    )
    yield built
    built.close()


def run_async(judge: OpenAIJudge, request: JudgeRequest) -> JudgeReply:
    """``judge.ajudge`` in a fresh event loop, closing the judge's clients inside that loop."""

    async def main() -> JudgeReply:
        try:
            return await judge.ajudge(request)
        finally:
            await judge.aclose()

    return asyncio.run(main())


def test_a_valid_reply_is_one_request_in_the_best_mode(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    server.script(Reply.ok(valid, prompt_tokens=900, completion_tokens=300, cached_tokens=512))
    reply = judge.judge(judge_request)
    assert isinstance(judge, Judge)
    assert server.modes() == ["json_schema"]
    sent = server.requests[0]
    assert sent["response_format"]["json_schema"]["schema"] == judge_request.schema
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert (sent["model"], sent["temperature"], sent["seed"], sent["max_tokens"]) == (
        "judge-model",
        0.0,
        7,
        2048,
    )
    assert server.request_headers[0]["authorization"] == f"Bearer {KEY}"
    assert (reply.output_mode, reply.attempts, reply.model) == (
        "json_schema",
        1,
        "fault-model-2024",
    )
    assert (reply.usage.prompt_tokens, reply.usage.completion_tokens) == (900, 300)
    assert reply.usage.cached_tokens == 512
    assert reply.endpoint == server.url
    assert (reply.temperature, reply.seed, reply.max_tokens) == (0.0, 7, 2048)
    assert reply.latency_ms > 0
    assert set(reply.judgment.criteria) == {c.id for c in judge_request.question.criteria}


def test_429_waits_at_least_retry_after_then_succeeds(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
) -> None:
    seen: list[tuple[int | None, float]] = []
    server.script(Reply.error(429, headers={"Retry-After": "3"}), Reply.ok(valid))
    reply = judge.judge(
        judge_request,
        on_retry=lambda exc, wait: seen.append((getattr(exc, "status_code", None), wait)),
    )
    assert reply.attempts == 2
    assert len(server.requests) == 2
    assert len(waits) == 1
    assert waits[0] >= 3.0
    assert seen == [(429, waits[0])]


def test_retry_after_ms_is_honoured(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
) -> None:
    server.script(Reply.error(429, headers={"retry-after-ms": "4500"}), Reply.ok(valid))
    assert judge.judge(judge_request).attempts == 2
    assert waits[0] >= 4.5


def test_an_excessive_retry_after_is_not_waited_for(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, waits: list[float]
) -> None:
    server.script(Reply.error(429, headers={"Retry-After": "3600"}))
    with pytest.raises(JudgeProtocolError) as caught:
        judge.judge(judge_request)
    assert caught.value.reason == "rate_limited"
    assert caught.value.retry_after == 3600
    assert len(server.requests) == 1
    assert waits == []


def test_a_200_that_is_not_json_is_a_protocol_error(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest
) -> None:
    server.script(Reply(body=b"<html>502 Bad Gateway</html>"))
    with pytest.raises(JudgeProtocolError) as caught:
        judge.judge(judge_request)
    assert caught.value.reason == "error"
    assert len(server.requests) == 1


def test_a_plain_500_is_transient_not_a_mode_rejection(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    server.script(Reply.error(500, "upstream hiccup"), Reply.ok(valid))
    reply = judge.judge(judge_request)
    assert server.modes() == ["json_schema", "json_schema"]
    assert (reply.attempts, reply.output_mode) == (2, "json_schema")


@pytest.mark.parametrize("run", ["sync", "async"])
@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(Reply.ok("{}", delay=30.0), id="silent"),
        pytest.param(Reply.ok("{}", drip=0.05), id="dripping"),
    ],
)
def test_the_timeout_bounds_the_whole_call(
    server: FaultServer, judge_request: JudgeRequest, run: str, reply: Reply
) -> None:
    """A server that says nothing, or sends a byte every 50 ms for ever, is cut at the timeout
    (per-read timeouts alone never fire on the drip), and no retry outlives it."""
    judge = OpenAIJudge(
        model="m", base_url=server.url, timeout=0.6, retry=RetryPolicy(initial=0.01)
    )
    server.script(reply)
    started = time.monotonic()
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request) if run == "sync" else run_async(judge, judge_request)
    elapsed = time.monotonic() - started
    judge.close()
    assert info.value.reason == "transport"
    assert "0.6 s timeout" in str(info.value)
    assert 0.5 <= elapsed < 2.0
    assert info.value.attempts == len(server.requests) >= 1


def test_a_retry_that_would_end_past_the_timeout_is_not_made(
    server: FaultServer, judge_request: JudgeRequest, waits: list[float]
) -> None:
    judge = OpenAIJudge(
        model="m", base_url=server.url, timeout=5.0, retry=RetryPolicy(sleep=waits.append)
    )
    server.script(Reply.error(503, headers={"Retry-After": "10"}))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    judge.close()
    assert (info.value.reason, len(server.requests), waits) == ("transport", 1, [])


@pytest.mark.parametrize("run", ["sync", "async"])
def test_an_oversized_reply_is_refused_and_never_re_sent(
    server: FaultServer, judge_request: JudgeRequest, run: str
) -> None:
    judge = OpenAIJudge(model="m", base_url=server.url, max_reply_bytes=100_000)
    server.script(Reply.ok("x" * 3_000_000))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request) if run == "sync" else run_async(judge, judge_request)
    judge.close()
    assert info.value.reason == "invalid_output"
    assert "larger than 100,000 bytes" in str(info.value)
    assert len(server.requests) == 1  # not retried, not re-asked


def test_a_long_invalid_reply_is_echoed_only_in_part_in_the_re_ask(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    server.script(Reply.ok("no JSON here " * 20_000), Reply.ok(valid))
    assert judge.judge(judge_request).attempts == 2
    echoed = server.requests[1]["messages"][-2]
    assert echoed["role"] == "assistant"
    assert 8_000 <= len(echoed["content"]) < 8_100
    assert echoed["content"].endswith("more characters cut]")
    assert len(json.dumps(server.requests[1])) < len(json.dumps(server.requests[0])) + 12_000


def test_an_api_key_a_header_cannot_carry_is_a_config_error() -> None:
    with pytest.raises(JudgeConfigError, match="position 4") as info:
        OpenAIJudge(model="m", base_url="http://127.0.0.1:9/v1", api_key="sk-\u201csecret")
    assert "secret" not in str(info.value)


def test_malformed_json_is_reasked_then_invalid_output(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest
) -> None:
    server.script(Reply.ok('{"dimensions": {"star": '))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    assert info.value.reason == "invalid_output"
    assert info.value.attempts == len(server.requests) == 1 + judge.max_reasks
    last = list(iter_messages(server.requests[-1]))
    # the system and user prompt, then one (assistant reply, re-ask) pair per re-ask
    assert [role for role, _ in last] == ["system", "user"] + ["assistant", "user"] * 2
    assert last[-2][1] == '{"dimensions": {"star": '
    assert "not valid JSON" in last[-1][1]


def test_a_broken_judge_gives_unscored_with_what_it_spent(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest
) -> None:
    """Broken JSON every time: an unscored Evaluation, no exception, no score, tokens counted."""
    from answer_eval.evaluator import Evaluator

    server.script(Reply.ok('{"dimensions": {"star": '))
    evaluator = Evaluator(judge=judge)
    evaluation = evaluator.evaluate(judge_request.question.id, judge_request.answer)
    assert evaluation.status == "unscored"
    assert evaluation.unscored_reason == "invalid_output"
    assert evaluation.overall is None
    assert evaluation.recommendation is None
    p = evaluation.provenance
    assert p.attempts == len(server.requests) == 1 + judge.max_reasks
    assert p.output_mode == "json_schema"
    assert p.usage.prompt_tokens == 100 * p.attempts


def test_an_invalid_judgment_is_reasked_with_its_problems(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    partial = json.loads(valid)
    criterion = next(iter(partial["criteria"]))
    del partial["criteria"][criterion]
    server.script(Reply.ok("```json\n" + json.dumps(partial) + "\n```"), Reply.ok(valid))
    reply = judge.judge(judge_request)
    assert (reply.attempts, reply.usage.prompt_tokens) == (2, 200)
    reask = list(iter_messages(server.requests[1]))[-1][1]
    assert f"criteria: missing ['{criterion}']" in reask


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply.ok('{"dimensions": {', finish_reason="length"), "truncated"),
        (Reply.ok(None, refusal="I can't help with grading people."), "refusal"),
        (Reply.ok(None, finish_reason="content_filter"), "content_filter"),
    ],
)
def test_unusable_replies_fail_at_once(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    reply: Reply,
    reason: str,
) -> None:
    server.script(reply)
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    assert (info.value.reason, info.value.attempts, len(server.requests)) == (reason, 1, 1)


def test_a_rejected_mode_falls_back_and_is_remembered(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    rejection = Reply.error(500, "1 validation error: ('body', 'response_format', 'type')")
    server.script(rejection, Reply.ok(valid))
    first = judge.judge(judge_request)
    assert (first.output_mode, first.attempts) == ("json_object", 2)
    assert server.requests[1]["response_format"] == {
        "type": "json_object",
        "schema": judge_request.schema,
    }
    assert judge.output_mode == "json_object"
    second = judge.judge(judge_request)
    assert (second.output_mode, second.attempts) == ("json_object", 1)
    assert server.modes() == ["json_schema", "json_object", "json_object"]


def test_modes_fall_through_to_text_and_prose_around_json_is_re_asked(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    """A judgment is never picked out of prose: the reply must be the JSON object alone."""
    server.script(
        Reply.error(400, "response_format json_schema is not supported"),
        Reply.error(422, "unknown field: response_format"),
        Reply.ok(f"Here is my evaluation:\n{valid}\nHope this helps."),
        Reply.ok(f"```json\n{valid}\n```"),
    )
    reply = judge.judge(judge_request)
    assert server.modes() == ["json_schema", "json_object", "text", "text"]
    assert "response_format" not in server.requests[2]
    assert (reply.output_mode, reply.attempts) == ("text", 4)
    reask = server.requests[3]["messages"][-1]["content"]
    assert "one JSON object and nothing else" in reask


def test_persistent_503_is_transport_after_max_attempts(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, waits: list[float]
) -> None:
    server.script(Reply.error(503, "overloaded"))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    assert info.value.reason == "transport"
    assert info.value.attempts == len(server.requests) == judge.retry.max_attempts == 4
    assert len(waits) == 3
    assert isinstance(info.value.__cause__, openai.InternalServerError)


def test_a_user_client_does_not_multiply_attempts(
    server: FaultServer, judge_request: JudgeRequest, waits: list[float]
) -> None:
    client = openai.OpenAI(base_url=server.url, api_key=KEY)  # SDK default: 2 retries
    assert client.max_retries == 2
    judge = OpenAIJudge(
        model="m", client=client, retry=RetryPolicy(max_attempts=3, sleep=waits.append)
    )
    server.script(Reply.error(503))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    assert info.value.attempts == len(server.requests) == 3
    assert judge.endpoint == server.url
    client.close()


def test_a_non_transient_error_is_reported_without_the_key(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest
) -> None:
    server.script(Reply.error(401, f"Incorrect API key provided: {KEY}"))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    assert (info.value.reason, info.value.attempts, len(server.requests)) == ("error", 1, 1)
    assert "401" in str(info.value)
    assert isinstance(info.value.__cause__, openai.AuthenticationError)
    assert KEY not in str(info.value)
    assert KEY not in repr(judge)


def test_configuration_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANSWER_EVAL_MODEL", "OPENAI_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(JudgeConfigError, match="model"):
        OpenAIJudge(base_url="http://127.0.0.1:9/v1")
    with pytest.raises(JudgeConfigError, match="API key"):
        OpenAIJudge(model="m")
    monkeypatch.setenv("OPENAI_MODEL", "env-model")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://user:secret@127.0.0.1:9/v1/")
    judge = OpenAIJudge()  # a local endpoint needs no key
    assert (judge.model, judge.endpoint) == ("env-model", "http://127.0.0.1:9/v1")
    assert "secret" not in repr(judge)
    judge.close()


def test_async_happy_path(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    server.script(Reply.ok(valid))
    reply = run_async(judge, judge_request)
    assert (reply.output_mode, reply.attempts, len(server.requests)) == ("json_schema", 1, 1)


def test_async_retries_and_falls_back(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
) -> None:
    server.script(
        Reply.error(429, headers={"Retry-After": "2"}),
        Reply.error(500, "json_schema is not supported"),
        Reply.ok(valid),
    )
    reply = run_async(judge, judge_request)
    assert server.modes() == ["json_schema", "json_schema", "json_object"]
    assert (reply.attempts, reply.output_mode) == (3, "json_object")
    assert len(waits) == 1
    assert waits[0] >= 2.0


def test_async_persistent_503_is_transport(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest
) -> None:
    server.script(Reply.error(503))
    with pytest.raises(JudgeProtocolError) as info:
        run_async(judge, judge_request)
    assert (info.value.reason, info.value.attempts, len(server.requests)) == ("transport", 4, 4)
