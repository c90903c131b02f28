"""`answer-eval score`: against a real HTTP endpoint, offline, and its usage errors."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from answer_eval.cli import main
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import judgment_for
from fault_server import FaultServer, Reply

QID = "calm-under-pressure"
ANSWER = (
    "Last quarter our ticket queue tripled during an outage. I took a deep breath, split the "
    "backlog by severity and used sentiment analysis to reach the angriest customers first. "
    "I updated everyone every hour. We cleared it in two days and CSAT stayed at 92%."
)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture(autouse=True)
def _no_ambient_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "ANSWER_EVAL_MODEL", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)


def test_score_json_through_an_endpoint_without_json_schema(
    server: FaultServer, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    question = rubric_set.question(QID)
    reply = judgment_for(question, quote="I took a deep breath", score=4)
    reply["star"] = {
        "situation": "our ticket queue tripled during an outage",
        "task": None,
        "action": "split the backlog by severity",
        "result": "We cleared it in two days and CSAT stayed at 92%",
    }
    server.script(
        Reply.error(500, "Input should be 'text' or 'json_object' (response_format)"),
        Reply.ok(json.dumps(reply)),
    )
    code = main(
        ["score", "--judge", "openai", "--base-url", server.url, "--model", "m",
         "--question", QID, "--answer", ANSWER, "--format", "json"]
    )  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    evaluation = json.loads(captured.out)
    assert evaluation["status"] == "scored"
    assert server.modes() == ["json_schema", "json_object"]
    assert evaluation["provenance"]["output_mode"] == "json_object"
    assert evaluation["provenance"]["attempts"] == 2
    assert "json_schema failed with HTTP 500" in evaluation["provenance"]["mode_fallback"]
    # the step down is said once on stderr
    said = [line for line in captured.err.splitlines() if line.startswith("answer-eval: warning:")]
    assert len(said) == 1
    assert "json_object" in said[0]
    dims = {d["id"]: d for d in evaluation["dimensions"]}
    assert {"star", "empathy", "ownership", "ai_fluency"} <= set(dims)
    for dim in dims.values():
        if dim["status"] == "scored":
            assert dim["score"] == 4
            assert dim["evidence"][0]["verified"] is True
        else:
            assert dim["reason"]
    assert [c["id"] for c in evaluation["criteria"]] == [c.id for c in question.criteria]
    assert [r["id"] for r in evaluation["red_flags"]] == [r.id for r in question.red_flags]
    found = [p for p in ("situation", "task", "action", "result") if evaluation["star"][p]]
    assert found == ["situation", "action", "result"]
    span = evaluation["star"]["result"]["span"]
    assert ANSWER[span["start"] : span["end"]] == span["text"]


def test_score_text_offline_shows_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", "--judge", "offline", "--question", QID, "--answer", ANSWER])
    out = capsys.readouterr().out
    assert code == 0
    assert "Recommendation:" in out
    assert "offline" in out


def test_auto_without_endpoint_says_it_uses_the_offline_judge(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", "--question", QID, "--answer", ANSWER, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "offline" in captured.err
    assert json.loads(captured.out)["provenance"]["judge"] == "offline"


def test_answer_from_file_and_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    assert main(["score", "--judge", "offline", "--question", QID, "--answer-file", str(path)]) == 0
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ANSWER.encode())))
    assert main(["score", "--judge", "offline", "--question", QID, "-"]) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--question", "nope", "--answer", "x"], "unknown question 'nope'"),
        (["--question", QID, "--answer", "   "], "the answer is empty"),
        (["--question", QID, "--answer-file", "/no/such/file"], "cannot read answer file"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--judge", "offline", *argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("reply", "reason", "detail"),
    [
        (Reply.ok("{}", delay=30.0), "transport", "no complete reply within the 0.8 s timeout"),
        (Reply.ok("{}", drip=0.1), "transport", "no complete reply within the 0.8 s timeout"),
        (Reply.ok("x" * 2_000_000), "invalid_output", "larger than 1,000,000 bytes"),
    ],
    ids=["silent", "dripping", "oversized"],
)
def test_timeout_and_reply_cap_from_the_command_line(
    server: FaultServer,
    capsys: pytest.CaptureFixture[str],
    reply: Reply,
    reason: str,
    detail: str,
) -> None:
    server.script(reply)
    started = time.monotonic()
    code = main(
        ["score", "--judge", "openai", "--base-url", server.url, "--model", "m", "--timeout",
         "0.8", "--question", QID, "--answer", ANSWER, "--format", "json"]
    )  # fmt: skip
    assert time.monotonic() - started < 3.0
    assert code == 1
    evaluation = json.loads(capsys.readouterr().out)
    assert (evaluation["status"], evaluation["unscored_reason"]) == ("unscored", reason)
    assert detail in evaluation["detail"]
    assert len(server.requests) == evaluation["provenance"]["attempts"]
