"""The request body on the wire is exactly the JSON the SDK would send, with shared parts
(the system message, the schema) encoded once."""

from __future__ import annotations

import json

import pytest

from answer_eval.evaluator import Evaluator
from answer_eval.judges import transport
from answer_eval.judges.openai_protocol import MODES, OutputMode, chat_body
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge


@pytest.mark.parametrize("mode", MODES)
def test_encoded_bodies_are_the_sdks_json_and_share_the_static_parts(
    rubric_set: RubricSet, mode: OutputMode
) -> None:
    evaluator = Evaluator(judge=FakeJudge(), rubric_set=rubric_set)
    bodies = []
    for answer in ("I refunded her \u2014 fast.", 'She said "thanks" \\ twice.'):
        request = evaluator.request("difficult-customer-issue", answer)
        messages = [*request.messages, {"role": "assistant", "content": "{}"}]
        bodies.append(chat_body(model="m", messages=messages, schema=request.schema, mode=mode,
                                temperature=0.0, seed=3, max_tokens=99))  # fmt: skip
    transport._SHARED.clear()
    for body in bodies:
        expected = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        assert transport.encode_body(body) == expected.encode()
    shared = {id(v) for v, _ in transport._SHARED.values()}
    assert id(bodies[0]["messages"][0]["content"]) in shared  # the system message, once
    assert len(transport._SHARED) == (2 if mode != "text" else 1)  # and the schema
