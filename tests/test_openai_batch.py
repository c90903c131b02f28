"""``--via openai-batch`` against a local Files/Batches server: submit, poll, join, resume."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from answer_eval.batch.input import read_rows
from answer_eval.batch.openai_batch.job import BatchApiJudge, OpenAIBatchJob
from answer_eval.batch.openai_batch.requests import BatchSettings, request_line, write_request_files
from answer_eval.batch.output import OutputSink
from answer_eval.batch.resume import scan_output
from answer_eval.batch.run import Summary
from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.openai_protocol import CHAT_PATH
from answer_eval.rubrics.loading import load_rubric_set
from batch_servers import QUESTIONS, StubConfig, StubServer, small_library, value_from_schema

ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


@pytest.fixture
def server(lib: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    monkeypatch.setenv("OPENAI_API_KEY", "local-key")
    with StubServer(StubConfig(polls_to_complete=2), rubric_set=load_rubric_set(lib)) as stub:
        yield stub


def _input(tmp_path: Path, n: int, *bad: dict[str, Any]) -> Path:
    path = tmp_path / "answers.jsonl"
    rows = [
        {"id": f"a{i}", "question_id": QUESTIONS[i % 2], "answer": f"{ANSWER} Case {i}.", "n": i}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in [*rows, *bad]), encoding="utf-8")
    return path


def _cli(lib: Path, server: StubServer, source: Path, out: Path, *more: str) -> int:
    args = ["batch", str(source), "-o", str(out), "--rubrics", str(lib), "--via", "openai-batch"]
    args += ["--model", "stub", "--base-url", server.base_url, "--poll-interval", "0"]
    return main([*args, "--no-progress", *more])


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_submit_poll_join_in_one_invocation(tmp_path: Path, lib: Path, server: StubServer) -> None:
    unknown = {"id": "u", "question_id": "nope", "answer": "x"}
    source, out = _input(tmp_path, 6, unknown), tmp_path / "out.jsonl"
    assert _cli(lib, server, source, out, "--summary-json", str(tmp_path / "s.json")) == 1
    records = {r["id"]: r for r in _records(out)}
    assert len(records) == 7
    assert records["u"]["status"] == "error"
    scored = [r for r in records.values() if r["status"] == "scored"]
    assert len(scored) == 6
    provenance = scored[0]["evaluation"]["provenance"]
    assert provenance["output_mode"] == "json_schema"
    assert provenance["judge"] == "openai"
    assert provenance["usage"]["prompt_tokens"] > 0
    assert scored[0]["extra"]["n"] >= 0
    assert len(server.batches) == 1
    assert sum(server.batch_lines.values()) == 6
    state = json.loads((tmp_path / "out.jsonl.batch-state.json").read_text())
    assert [b["joined"] for b in state["batches"]] == [True]
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["by_status"] == {"error": 1, "scored": 6}
    assert summary["pending"] == 0
    # Nothing left: a new invocation submits nothing and writes nothing.
    assert _cli(lib, server, source, out) == 1
    assert len(_records(out)) == 7
    assert len(server.batches) == 1


def test_an_expired_batch_keeps_its_answers_and_resubmits_the_rest(
    tmp_path: Path, lib: Path, server: StubServer
) -> None:
    source, out = _input(tmp_path, 8), tmp_path / "out.jsonl"
    server.config.expire_after = 3
    summary = tmp_path / "s.json"
    assert _cli(lib, server, source, out, "--summary-json", str(summary)) == 1
    assert [r["id"] for r in _records(out)] == ["a0", "a1", "a2"]
    assert json.loads(summary.read_text())["pending"] == 5
    server.config.expire_after = None
    assert _cli(lib, server, source, out) == 0
    ids = [r["id"] for r in _records(out)]
    assert sorted(ids) == sorted(f"a{i}" for i in range(8))
    assert len(ids) == 8
    assert set(server.batch_lines.values()) == {1}  # no answer ran twice
    state = json.loads((tmp_path / "out.jsonl.batch-state.json").read_text())
    assert state["submissions"]["a0"] == 1
    assert state["submissions"]["a7"] == 2


def test_failed_requests_and_failed_batches(tmp_path: Path, lib: Path, server: StubServer) -> None:
    source, out = _input(tmp_path, 4), tmp_path / "out.jsonl"
    server.config.fail_batches = 1
    assert _cli(lib, server, source, out) == 1
    assert not out.read_text()  # the whole batch failed: nothing ran, all will be resubmitted
    server.config.fail_ids = {"a2"}
    assert _cli(lib, server, source, out) == 1
    records = {r["id"]: r for r in _records(out)}
    assert len(records) == 4
    failed = records["a2"]["evaluation"]
    assert failed["status"] == "unscored"
    assert failed["unscored_reason"] == "transport"
    assert "HTTP 500" in failed["detail"]


def test_no_wait_submits_then_a_later_run_joins(
    tmp_path: Path, lib: Path, server: StubServer
) -> None:
    source, out = _input(tmp_path, 3), tmp_path / "out.jsonl"
    server.config.polls_to_complete = 3
    assert _cli(lib, server, source, out, "--no-wait") == 1
    assert not out.read_text()
    assert (
        _cli(lib, server, source, out, "--no-wait") == 1
    )  # still running: polled, not resubmitted
    assert len(server.batches) == 1
    assert _cli(lib, server, source, out) == 0
    assert len(_records(out)) == 3
    assert len(server.batches) == 1


def _job(
    tmp_path: Path, lib: Path, source: Path, settings: BatchSettings, client: Any
) -> tuple[OpenAIBatchJob, OutputSink]:
    rubrics = load_rubric_set(lib)
    out = tmp_path / "out.jsonl"

    def rows() -> Iterator[Any]:
        with source.open("rb") as handle:
            yield from read_rows(handle, "jsonl")

    scan = scan_output(out, "jsonl")
    sink = OutputSink(out.open("ab"), "jsonl")
    evaluator = Evaluator(judge=BatchApiJudge(settings), rubric_set=rubrics)
    job = OpenAIBatchJob(evaluator, settings, rows, sink, scan, Summary(), client=client,
                         state_path=tmp_path / "state.json", work_dir=tmp_path / "work",
                         log=lambda _: None)  # fmt: skip
    return job, sink


def test_request_files_split_at_max_lines_and_give_up_after_max_submissions(
    tmp_path: Path, lib: Path, server: StubServer
) -> None:
    source = _input(tmp_path, 7)
    client = openai.OpenAI(base_url=server.base_url, api_key="local-key")
    settings = BatchSettings(model="stub", max_lines=3, max_submissions=2)
    job, sink = _job(tmp_path, lib, source, settings, client)
    server.config.fail_batches = 99
    assert job.run(poll_interval=0) == 7
    assert len(server.batches) == 3  # 3 + 3 + 1 lines
    assert [len(b["custom_ids"]) for b in job.state["batches"]] == [3, 3, 1]
    assert job.run(poll_interval=0) == 7
    assert job.run(poll_interval=0) == 0  # submitted twice, never run: unscored now
    sink.close()
    records = _records(tmp_path / "out.jsonl")
    assert len(records) == 7
    assert {r["evaluation"]["unscored_reason"] for r in records} == {"transport"}
    client.close()


def _vllm_like_results(request_file: Path, results: Path, broken: str) -> None:
    """What vLLM's run_batch writes: one output line per request line."""
    with request_file.open() as lines, results.open("a") as out:
        for line in lines:
            request = json.loads(line)
            judgment = value_from_schema(
                request["body"]["response_format"]["json_schema"]["schema"]
            )
            content = "{truncated" if request["custom_id"] == broken else json.dumps(judgment)
            body = {
                "model": request["body"]["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 100, "completion_tokens": 20},
            }  # fmt: skip
            response = {"status_code": 200, "request_id": "r", "body": body}
            out.write(json.dumps({"id": "x", "custom_id": request["custom_id"],
                                  "response": response, "error": None}) + "\n")  # fmt: skip


def test_offline_request_files_and_join_results(tmp_path: Path, lib: Path) -> None:
    source, out, folder = _input(tmp_path, 5), tmp_path / "out.jsonl", tmp_path / "requests"
    base = ["batch", str(source), "-o", str(out), "--rubrics", str(lib), "--via", "openai-batch"]
    assert main([*base, "--model", "my-model", "--write-requests-only", str(folder)]) == 0
    (request_file,) = sorted(folder.iterdir())
    lines = [json.loads(x) for x in request_file.read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == [f"a{i}" for i in range(5)]
    first = lines[0]
    assert (first["method"], first["url"]) == ("POST", "/v1/chat/completions")
    body = first["body"]
    assert body["model"] == "my-model"
    assert [m["role"] for m in body["messages"]] == [
        "system",
        "user",
    ]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    results = tmp_path / "results.jsonl"
    _vllm_like_results(request_file, results, broken="a3")
    assert main([*base, "--join-results", str(results)]) == 1
    records = {r["id"]: r["evaluation"] for r in _records(out)}
    assert len(records) == 5
    assert records["a0"]["status"] == "scored"
    assert records["a0"]["provenance"]["model"] == "my-model"
    assert records["a3"]["unscored_reason"] == "invalid_output"
    assert main([*base, "--join-results", str(results)]) == 1
    assert len(_records(out)) == 5


def test_request_files_also_split_by_size(tmp_path: Path) -> None:
    lines = [{"custom_id": f"c{i}", "body": {"pad": "x" * 100}} for i in range(10)]
    size = len(json.dumps(lines[0], separators=(",", ":"))) + 1
    files = list(write_request_files(lines, tmp_path, max_bytes=3 * size + 2))
    assert [len(ids) for _, ids in files] == [3, 3, 3, 1]
    assert all(path.stat().st_size <= 3 * size + 2 for path, _ in files)
    assert [len(ids) for _, ids in write_request_files(lines, tmp_path / "n", max_lines=4)] == [
        4,
        4,
        2,
    ]


def test_the_request_body_is_the_judges_json_schema_request(lib: Path) -> None:
    rubrics = load_rubric_set(lib)
    settings = BatchSettings(model="gpt-x", temperature=0.2, seed=5, max_tokens=999)
    request = Evaluator(judge=BatchApiJudge(settings), rubric_set=rubrics).request(
        QUESTIONS[0], ANSWER
    )
    judge = OpenAIJudge(model="gpt-x", base_url="http://127.0.0.1:9/v1", api_key="k",
                        temperature=0.2, seed=5, max_tokens=999)  # fmt: skip
    # Both paths build the body with openai_protocol.chat_body; this pins that they still do.
    expected = judge._body(request, [], "json_schema")  # no re-asks: the first request
    line = request_line("a1", request, settings)
    assert line["body"] == expected
    assert (line["custom_id"], line["method"], line["url"]) == ("a1", "POST", CHAT_PATH)
