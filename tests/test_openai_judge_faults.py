"""OpenAIJudge against a real HTTP server on 127.0.0.1 that misbehaves on cue.

Every test counts the requests the server saw and checks the reason, mode and attempts the judge
reports. Retry waits are recorded by an injected sleep, never slept.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import openai
import pytest

from answer_eval.errors import JudgeConfigError, JudgeProtocolError
from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.retry import RetryPolicy
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import judgment_for
from fault_server import FaultServer, Reply, iter_messages

QUESTION_ID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."
KEY = "local-key-0123456789"


SHAPE_HEADING = "# Reply: JSON only, every key required"
GENERIC_500 = Reply.error(500, "Internal Server Error")  # names no parameter


@pytest.fixture
def judge_request(rubric_set: RubricSet) -> JudgeRequest:
    question = rubric_set.question(QUESTION_ID)
    dims = tuple(rubric_set.dimension(d) for d in question.applicable_dimensions())
    return JudgeRequest.render(question=question, dimensions=dims, answer=ANSWER)


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


def test_a_500_in_a_mode_that_worked_is_retried_not_probed(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    """Once json_schema has worked on an endpoint, a 5xx there is a passing fault."""
    server.script(Reply.ok(valid))
    judge.judge(judge_request)
    server.script(GENERIC_500, Reply.ok(valid))
    reply = judge.judge(judge_request)
    assert server.modes() == ["json_schema"] * 3
    assert (reply.attempts, reply.output_mode, reply.mode_fallback) == (2, "json_schema", None)


def test_a_generic_500_on_json_schema_costs_one_extra_call_per_endpoint_not_per_answer(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server cannot do json_schema and says nothing useful about why: one probe of
    json_object finds out, the endpoint remembers, and no retry budget or backoff is spent."""
    server.route({"json_schema": GENERIC_500, "json_object": Reply.ok(valid)})
    with caplog.at_level(logging.WARNING, logger="answer_eval"):
        replies = [judge.judge(judge_request) for _ in range(5)]
    assert len(server.requests) == 5 + 1
    assert server.modes() == ["json_schema"] + ["json_object"] * 5
    assert waits == []
    assert [r.attempts for r in replies] == [2, 1, 1, 1, 1]
    assert {r.output_mode for r in replies} == {"json_object"}
    for reply in replies:  # every result says why it was not judged in json_schema
        assert reply.mode_fallback is not None
        assert "json_schema" in reply.mode_fallback
        assert "HTTP 500" in reply.mode_fallback
    assert judge.output_mode == "json_object"
    # json_object does not enforce the schema on every server: its prompt shows the shape
    assert SHAPE_HEADING not in server.requests[0]["messages"][0]["content"]
    assert all(SHAPE_HEADING in r["messages"][0]["content"] for r in server.requests[1:])
    warnings = [r for r in caplog.records if r.name.startswith("answer_eval")]
    assert len(warnings) == 1  # said once, naming the endpoint and both modes
    assert warnings[0].levelno == logging.WARNING
    message = warnings[0].getMessage()
    assert server.url in message
    assert "json_schema" in message
    assert "json_object" in message


def test_a_step_down_is_recorded_in_provenance(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    from answer_eval.evaluator import Evaluator

    server.route({"json_schema": GENERIC_500, "json_object": Reply.ok(valid)})
    evaluator = Evaluator(judge=judge)
    first, second = (evaluator.evaluate(QUESTION_ID, ANSWER) for _ in range(2))
    assert (first.status, second.status) == ("scored", "scored")
    assert (first.provenance.attempts, second.provenance.attempts) == (2, 1)
    for evaluation in (first, second):
        assert evaluation.provenance.output_mode == "json_object"
        assert "json_schema failed with HTTP 500" in str(evaluation.provenance.mode_fallback)
    assert len(server.requests) == 3


def test_answers_in_flight_when_the_mode_is_learned_do_not_probe(
    server: FaultServer, judge_request: JudgeRequest, valid: str, waits: list[float]
) -> None:
    """Concurrent answers: each pays at most its own json_schema request, once."""
    judge = OpenAIJudge(model="m", base_url=server.url, retry=RetryPolicy(sleep=waits.append))
    server.route({"json_schema": GENERIC_500, "json_object": Reply.ok(valid, delay=0.05)})
    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(lambda _: judge.judge(judge_request), range(12)))
    judge.close()
    structured = server.modes().count("json_schema")
    assert 1 <= structured <= 4  # at most the answers sent before the first one learned
    assert server.modes().count("json_object") == 12
    assert len(server.requests) == 12 + structured
    assert {r.output_mode for r in replies} == {"json_object"}
    assert waits == []


def test_async_a_generic_500_costs_one_extra_call_per_endpoint(
    judge: OpenAIJudge, server: FaultServer, judge_request: JudgeRequest, valid: str
) -> None:
    server.route({"json_schema": GENERIC_500, "json_object": Reply.ok(valid)})

    async def main() -> list[JudgeReply]:
        try:
            return [await judge.ajudge(judge_request) for _ in range(3)]
        finally:
            await judge.aclose()

    replies = asyncio.run(main())
    assert server.modes() == ["json_schema", "json_object", "json_object", "json_object"]
    assert [r.attempts for r in replies] == [2, 1, 1]


def test_an_outage_of_every_mode_ends_unscored_transport_and_teaches_nothing(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    waits: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from answer_eval.evaluator import Evaluator

    server.route(dict.fromkeys(("json_schema", "json_object", "text"), GENERIC_500))
    with caplog.at_level(logging.WARNING, logger="answer_eval"):
        evaluation = Evaluator(judge=judge).evaluate(QUESTION_ID, ANSWER)
    assert (evaluation.status, evaluation.unscored_reason) == ("unscored", "transport")
    assert evaluation.provenance.attempts == len(server.requests) == judge.retry.max_attempts
    # one probe of the next mode, then the rest of the budget on the best mode, with backoff
    assert server.modes() == ["json_schema", "json_object", "json_schema", "json_schema"]
    assert len(waits) == 2
    assert evaluation.provenance.output_mode == "json_schema"
    assert judge.output_mode == "json_schema"  # nothing learned from an outage
    assert not [r for r in caplog.records if r.name.startswith("answer_eval")]


def test_a_passing_fault_on_a_fresh_endpoint_keeps_json_schema(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
) -> None:
    """The probe fails too, then json_schema works: no step down."""
    server.script(GENERIC_500, GENERIC_500, Reply.ok(valid))
    reply = judge.judge(judge_request)
    assert server.modes() == ["json_schema", "json_object", "json_schema"]
    assert (reply.output_mode, reply.attempts, reply.mode_fallback) == ("json_schema", 3, None)
    assert len(waits) == 1  # the backoff before going back to json_schema
    assert judge.output_mode == "json_schema"


def test_a_5xx_that_asks_us_to_wait_is_not_probed(
    judge: OpenAIJudge,
    server: FaultServer,
    judge_request: JudgeRequest,
    valid: str,
    waits: list[float],
) -> None:
    server.script(Reply.error(503, headers={"Retry-After": "2"}), Reply.ok(valid))
    reply = judge.judge(judge_request)
    assert server.modes() == ["json_schema", "json_schema"]
    assert (reply.output_mode, reply.attempts) == ("json_schema", 2)
    assert waits[0] >= 2.0


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
    assert first.mode_fallback is not None
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
    shown = [SHAPE_HEADING in r["messages"][0]["content"] for r in server.requests]
    assert shown == [False, True, True, True]  # the shape only where no schema is enforced
    assert reply.mode_fallback == "json_object refused with HTTP 422"
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
    # the first 503 probes json_object (no wait); the rest of the budget retries json_schema
    assert server.modes() == ["json_schema", "json_object", "json_schema", "json_schema"]
    assert len(waits) == 2
    assert info.value.output_mode == "json_schema"
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


def test_the_retry_budget_counts_attempts_spent_before_the_call() -> None:
    """``retry.call(spent=n, last_error=e)``: waits as after attempt n, then n + 1 ... max."""
    from answer_eval.judges import retry

    waits: list[float] = []
    heard: list[float] = []
    policy = RetryPolicy(max_attempts=4, initial=1.0, jitter=False, sleep=waits.append)
    calls = 0

    def fail() -> None:
        nonlocal calls
        calls += 1
        raise ValueError("still down")

    earlier = ValueError("down")
    with pytest.raises(ValueError, match="still down"):
        retry.call(
            policy,
            fail,
            transient=lambda e: isinstance(e, ValueError),
            on_retry=lambda _e, seconds: heard.append(seconds),
            spent=2,
            last_error=earlier,
        )
    assert calls == 2  # 2 spent + 2 here = max_attempts
    assert waits == heard == [2.0, 4.0]  # backoff after attempts 2 and 3
    with pytest.raises(ValueError, match=r"^down$"):  # nothing left: the last error, no call
        retry.call(policy, fail, transient=lambda e: True, spent=4, last_error=earlier)
    assert calls == 2
