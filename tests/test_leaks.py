"""Nothing secret is stored or recorded, and nothing a server sends escapes the work folder:
endpoints without credentials or query strings in provenance, cassettes without any auth
header shape or URI secrets, server ids checked before they name a file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from answer_eval.batch.openai_batch.requests import BatchSettings
from answer_eval.cli import main
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.openai_protocol import Endpoint
from answer_eval.judgment import judgment_schema
from answer_eval.prompting import prompt_hash, render_messages
from answer_eval.regression.recording import use_cassette
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import judgment_for
from batch_servers import QUESTIONS, StubConfig, StubServer, small_library
from fault_server import FaultServer, Reply

QID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."


@pytest.fixture
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


def _input(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "answers.jsonl"
    rows = [
        {"id": f"a{i}", "question_id": QUESTIONS[i % 2], "answer": f"{ANSWER} {i}"}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_batch_api_provenance_keeps_no_credentials_or_query() -> None:
    endpoint = Endpoint.resolve(
        model="m", base_url="https://user:SECRET-PW@gw.example/openai/v1/?api-key=SECRET-Q#frag"
    )
    assert BatchSettings.from_endpoint(endpoint).endpoint == "https://gw.example/openai/v1"


def test_batch_api_results_carry_the_public_endpoint(
    tmp_path: Path, lib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "local-key")
    out = tmp_path / "out.jsonl"
    with StubServer(StubConfig(), rubric_set=load_rubric_set(lib)) as server:
        secret_url = server.base_url.replace("http://", "http://user:SECRET-PW@")
        args = ["batch", str(_input(tmp_path, 2)), "-o", str(out), "--rubrics", str(lib),
                "--via", "openai-batch", "--model", "stub", "--base-url", secret_url,
                "--poll-interval", "0", "--no-progress"]  # fmt: skip
        assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "SECRET" not in text
    endpoints = {
        json.loads(line)["evaluation"]["provenance"]["endpoint"] for line in text.splitlines()
    }
    assert endpoints == {server.base_url}
    state = out.with_name("out.jsonl.batch-state.json").read_text(encoding="utf-8")
    assert "SECRET" not in state


@pytest.fixture
def judge_request(rubric_set: RubricSet) -> JudgeRequest:
    question = rubric_set.question(QID)
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
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def test_cassettes_keep_no_auth_header_credentials_or_query(
    tmp_path: Path, server: FaultServer, judge_request: JudgeRequest
) -> None:
    valid = json.dumps(judgment_for(judge_request.question, quote="I listened", score=4))
    server.script(
        Reply(
            body=Reply.ok(valid).body,
            headers={"Set-Cookie": "session=SECRET-COOKIE", "x-request-id": "SECRET-REQ"},
        )
    )
    secret_url = server.url.replace("http://", "http://user:SECRET-PW@")
    headers = {
        "x-api-key": "SECRET-1",
        "api-key": "SECRET-2",
        "Ocp-Apim-Subscription-Key": "SECRET-3",
        "OpenAI-Organization": "SECRET-4",
    }
    query = {"api-version": "2024-06-01", "sig": "SECRET-5"}

    def judge() -> OpenAIJudge:
        client = openai.OpenAI(base_url=secret_url, api_key="SECRET-KEY", default_headers=headers,
                               default_query=query)  # fmt: skip
        return OpenAIJudge(model="m", client=client)

    cassette = tmp_path / "recorded.yaml"
    with use_cassette(cassette, "once"):
        recorded = judge().judge(judge_request)
    assert server.request_headers[0]["x-api-key"] == "SECRET-1"  # really sent, then filtered
    text = cassette.read_text(encoding="utf-8")
    assert "SECRET" not in text
    assert "uri: http://127.0.0.1:" in text
    assert "?" not in text.split("uri: ", 1)[1].split("\n", 1)[0]
    sent = len(server.requests)
    with use_cassette(cassette, "none") as replay:  # the same filters match the replay
        replayed = judge().judge(judge_request)
    assert replay.all_played
    assert len(server.requests) == sent
    assert replayed.judgment == recorded.judgment


def test_a_server_batch_id_that_is_a_path_is_refused(
    tmp_path: Path, lib: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "local-key")
    work = tmp_path / "work"
    work.mkdir()
    out = work / "out.jsonl"
    with StubServer(StubConfig(), rubric_set=load_rubric_set(lib)) as server:
        issue = server.next_id
        monkeypatch.setattr(
            server, "next_id", lambda prefix: "../../x" if prefix == "batch" else issue(prefix)
        )
        args = ["batch", str(_input(tmp_path, 2)), "-o", str(out), "--rubrics", str(lib),
                "--via", "openai-batch", "--model", "stub", "--base-url", server.base_url,
                "--poll-interval", "0", "--no-progress"]  # fmt: skip
        assert main(args) == 2
    err = capsys.readouterr().err
    assert "unusable batch id '../../x'" in err
    assert "Traceback" not in err
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and work not in p.parents]
    assert {p.name for p in outside} == {"answers.jsonl"}
    assert not list(tmp_path.parent.glob("x-*"))
