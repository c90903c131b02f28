"""OpenAIJudge against a real llama.cpp server, replayed from cassettes (never the network).

Recorded from ``scripts/serve_local_model.sh`` (llama-cpp-python's OpenAI-compatible server with
gemma-3 270M, a *base* model: its grades mean nothing) by ``scripts/record_cassettes.sh``.
The tests pin the protocol facts the real server showed: which modes were sent, the statuses
that came back, how many requests a call took, and the reason when nothing usable came back.

The question is defined here, not taken from the shipped library, so rubric edits do not change
what the recorded replies mean; it is small to keep the prompt (and the recording) short.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import pytest
from vcr.cassette import Cassette

from answer_eval.errors import JudgeProtocolError
from answer_eval.judges.contract import JudgeReply, JudgeRequest
from answer_eval.judges.openai_compatible import OpenAIJudge, OutputMode
from answer_eval.judges.openai_protocol import decode_reply
from answer_eval.judges.retry import RetryPolicy
from answer_eval.judgment import JudgmentError, parse_judgment
from answer_eval.rubrics.models import Dimension, Question

BASE_URL = "http://127.0.0.1:8765/v1"  # scripts/serve_local_model.sh
MODEL = "gemma-3-270m-q4_k_m"  # the server's --model_alias
ANSWER = "A good teammate helps others and shares what they know."
SOURCE = {"document": "000_c8d2ee9dff4bbc27.txt", "question": 11, "excerpt": "supportive"}
DIMENSION = {
    "id": "teamwork",
    "name": "Teamwork",
    "description": "Whether the candidate values helping and supporting colleagues.",
    "anchors": {
        1: "Shows no interest in colleagues.",
        3: "Mentions helping others in general terms.",
        5: "Gives a concrete way they support colleagues.",
    },
}
QUESTION = {
    "id": "good-teammate-mini",
    "text": "What makes a good teammate?",
    "reveals": "Whether the candidate works well with others.",
    "kind": "motivational",
    "star": "not_applicable",
    "source": SOURCE,
    "weights": {"teamwork": 1.0},
    "criteria": [
        {"id": "supportive", "description": "Values supporting co-workers.", "source": SOURCE}
    ],
}


@pytest.fixture
def judge_request() -> JudgeRequest:
    question = Question.model_validate(QUESTION)
    dims = (Dimension.model_validate(DIMENSION),)
    return JudgeRequest.render(question=question, dimensions=dims, answer=ANSWER)


def make_judge(*, modes: tuple[OutputMode, ...] | None = None, **options: Any) -> OpenAIJudge:
    settings: dict[str, Any] = {"seed": 0, "max_tokens": 256, "max_reasks": 1, **options}
    return OpenAIJudge(
        model=MODEL,
        base_url=BASE_URL,
        api_key="local-key",
        modes=modes or ("json_schema", "json_object", "text"),
        retry=RetryPolicy(max_attempts=2, sleep=lambda _seconds: None),
        timeout=600.0,
        **settings,
    )


def sent_modes(cassette: Cassette) -> list[str]:
    bodies = [json.loads(request.body) for request in cassette.requests]
    return [(body.get("response_format") or {}).get("type", "text") for body in bodies]


def statuses(cassette: Cassette) -> list[int]:
    return [int(response["status"]["code"]) for response in cassette.responses]


def response_json(cassette: Cassette, index: int) -> Any:
    body = cassette.responses[index]["body"]["string"]
    return json.loads(body if isinstance(body, str) else body.decode())


@pytest.mark.vcr
def test_json_schema_is_rejected_and_json_object_works(
    vcr: Cassette, judge_request: JudgeRequest
) -> None:
    judge = make_judge()
    try:
        reply = judge.judge(judge_request)
    finally:
        judge.close()
    # llama-cpp-python answers json_schema with HTTP 500 naming response_format ...
    assert sent_modes(vcr) == ["json_schema", "json_object"]
    assert statuses(vcr) == [500, 200]
    assert "response_format" in response_json(vcr, 0)["error"]["message"]
    # ... and the schema sent with json_object constrains the reply to a valid judgment.
    assert (reply.output_mode, reply.attempts, reply.model) == ("json_object", 2, MODEL)
    assert judge.output_mode == "json_object"
    assert reply.usage.prompt_tokens > 0
    assert reply.usage.completion_tokens > 0
    assert list(reply.judgment.dimensions) == ["teamwork"]
    assert list(reply.judgment.criteria) == ["supportive"]


@pytest.mark.vcr
def test_an_invalid_reply_is_reasked_with_its_validation_errors(
    vcr: Cassette, judge_request: JudgeRequest
) -> None:
    # Only "some JSON object" is enforced (what OpenAI's json_object mode gives): this model
    # then answers an incomplete judgment, which the judge re-asks with pydantic's errors.
    loose = dataclasses.replace(judge_request, schema={"type": "object"})
    judge = make_judge(modes=("json_object",))
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(loose)
    judge.close()
    assert (info.value.reason, info.value.attempts) == ("invalid_output", 2)
    assert sent_modes(vcr) == ["json_object", "json_object"]
    assert statuses(vcr) == [200, 200]
    first_reply = response_json(vcr, 0)["choices"][0]["message"]["content"]
    reask = json.loads(vcr.requests[1].body)["messages"]
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert reask[2]["content"] == first_reply
    with pytest.raises(JudgmentError) as found:  # what is wrong with the recorded reply ...
        parse_judgment(decode_reply(first_reply), loose.question)
    assert found.value.problems
    for problem in found.value.problems:  # ... is what the re-ask tells the model
        assert f"- {problem}" in reask[3]["content"]


@pytest.mark.vcr
def test_async_judge_end_to_end(vcr: Cassette, judge_request: JudgeRequest) -> None:
    judge = make_judge(modes=("json_object",))

    async def main() -> JudgeReply:
        try:
            return await judge.ajudge(judge_request)
        finally:
            await judge.aclose()

    reply = asyncio.run(main())
    assert sent_modes(vcr) == ["json_object"]
    assert (reply.output_mode, reply.attempts, reply.model) == ("json_object", 1, MODEL)
    assert list(reply.judgment.criteria) == ["supportive"]


@pytest.mark.vcr
def test_a_reply_cut_by_max_tokens_is_truncated(vcr: Cassette, judge_request: JudgeRequest) -> None:
    judge = make_judge(modes=("text",), max_tokens=16)
    with pytest.raises(JudgeProtocolError) as info:
        judge.judge(judge_request)
    judge.close()
    assert (info.value.reason, info.value.attempts) == ("truncated", 1)
    assert sent_modes(vcr) == ["text"]
    assert response_json(vcr, 0)["choices"][0]["finish_reason"] == "length"
