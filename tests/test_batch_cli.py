"""``answer-eval batch`` with a scripted judge: exit codes, outputs, resume, summary."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from answer_eval.cli import batch_cmd, main
from answer_eval.judges.contract import Judge
from answer_eval.testing import FakeJudge
from batch_servers import small_library

QID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."


@pytest.fixture
def judge(monkeypatch: pytest.MonkeyPatch) -> FakeJudge:
    fake = FakeJudge(score=4)

    def factory(args: argparse.Namespace) -> Callable[[], Judge]:
        return lambda: fake

    monkeypatch.setattr(batch_cmd, "judge_factory", factory)
    return fake


@pytest.fixture
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


def _write_jsonl(path: Path, rows: list[dict[str, Any]], tail: bytes = b"") -> Path:
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in rows) + tail)
    return path


def _rows(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"id": f"a{i}", "question_id": QID, "answer": f"{ANSWER} Case {i}.", "team": f"t{i % 2}"}
        for i in range(start, start + n)
    ]


def _run(lib: Path, *args: str | Path) -> int:
    return main(["batch", *map(str, args), "--rubrics", str(lib), "--no-progress"])


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_all_scored_exits_0_with_extras_and_a_summary(
    tmp_path: Path, lib: Path, judge: FakeJudge, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _rows(5))
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    code = _run(lib, source, "-o", out, "--summary-json", summary, "--cache", tmp_path / "c.db")
    assert code == 0
    records = _records(out)
    assert [r["id"] for r in records] == [f"a{i}" for i in range(5)]
    assert records[1]["extra"] == {"team": "t1"}
    assert records[1]["row"] == 2
    assert records[1]["evaluation"]["answer_id"] == "a1"
    data = json.loads(summary.read_text())
    assert data["rows"] == 5
    assert data["by_status"] == {"scored": 5}
    assert data["cost_usd"] is None
    assert "rows: 5" in capsys.readouterr().err


def test_bad_rows_become_error_records_and_exit_1(
    tmp_path: Path, lib: Path, judge: FakeJudge
) -> None:
    rows = [*_rows(2), {"id": "q", "question_id": "nope", "answer": "x"}]
    rows += [{"id": "e", "question_id": QID, "answer": "  "}, {"id": "a0", "question_id": QID}]
    rows += [{"id": "big", "question_id": QID, "answer": "x" * 20_001}]
    source = _write_jsonl(tmp_path / "in.jsonl", rows, tail=b"{oops\n")
    out = tmp_path / "out.jsonl"
    assert _run(lib, source, "-o", out, "--no-cache") == 1
    errors = {r["row"]: r for r in _records(out) if r["status"] == "error"}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "unknown question" in errors[3]["error"]
    assert errors[3]["id"] == "q"
    assert "empty" in errors[4]["error"]
    assert "duplicate id 'a0'" in errors[5]["error"]
    assert "limit is 20000" in errors[6]["error"]
    assert "malformed JSON" in errors[7]["error"]
    assert errors[7]["id"] is None
    assert _run(lib, source, "-o", out, "--no-cache") == 1
    assert len(_records(out)) == 7  # nothing written twice, errors included


def test_resume_skips_done_rows_and_rewrites_a_torn_line(
    tmp_path: Path, lib: Path, judge: FakeJudge
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _rows(10))
    out = tmp_path / "out.jsonl"
    assert _run(lib, source, "-o", out, "--no-cache") == 0
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:6]) + lines[6][:40])  # as if killed while writing row 7
    judge.calls = 0
    assert _run(lib, source, "-o", out, "--no-cache") == 0
    assert judge.calls == 4
    ids = [r["id"] for r in _records(out)]
    assert sorted(ids) == sorted(f"a{i}" for i in range(10))
    assert len(ids) == 10


def test_csv_in_csv_out_with_mapped_fields(tmp_path: Path, lib: Path, judge: FakeJudge) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cand", "qid", "text", "recruiter"])
        writer.writerow(["c1", QID, ANSWER, "Ana"])
        writer.writerow(["c2", "nope", ANSWER, "Bo"])
    out = tmp_path / "out.csv"
    args = ["--id-field", "cand", "--question-field", "qid", "--answer-field", "text"]
    assert _run(lib, source, "-o", out, "--no-cache", *args) == 1
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["c1", "c2"]
    assert rows[0]["status"] == "scored"
    assert rows[0]["recruiter"] == "Ana"
    assert rows[0]["score_star"] == "4"
    assert rows[0]["model"] == "fake-judge"
    assert rows[0]["overall"]
    assert rows[0]["recommendation"]
    assert rows[1]["status"] == "error"
    assert "unknown question" in rows[1]["detail"]
    assert _run(lib, source, "-o", out, "--no-cache", *args) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_stdin_to_stdout_with_prices(
    tmp_path: Path,
    lib: Path,
    judge: FakeJudge,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    data = b"".join(json.dumps(r).encode() + b"\n" for r in _rows(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    summary = tmp_path / "s.json"
    prices = ["--price-in", "2.5", "--price-out", "10", "--summary-json", summary]
    assert _run(lib, "-", "--no-cache", *prices) == 0
    captured = capsysbinary.readouterr()
    assert len(captured.out.splitlines()) == 3
    assert json.loads(summary.read_text())["cost_usd"] == 0.0  # the fake judge uses no tokens
    assert b"estimated cost $0.0000" in captured.err


def test_the_cache_is_used_by_default(tmp_path: Path, lib: Path, judge: FakeJudge) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _rows(3))
    cache = tmp_path / "cache.sqlite3"
    assert _run(lib, source, "-o", tmp_path / "one.jsonl", "--cache", cache) == 0
    assert _run(lib, source, "-o", tmp_path / "two.jsonl", "--cache", cache) == 0
    assert judge.calls == 3
    assert {
        r["evaluation"]["provenance"]["attempts"] for r in _records(tmp_path / "two.jsonl")
    } == {0}


@pytest.mark.parametrize(
    "args",
    [
        ["missing.jsonl"],
        ["in.jsonl", "--concurrency", "0"],
        ["in.jsonl", "--price-in", "-1"],
        ["in.jsonl", "--join-results", "x.jsonl"],
        ["-", "--via", "openai-batch", "--model", "m"],
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, lib: Path, judge: FakeJudge, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_jsonl(tmp_path / "in.jsonl", _rows(1))
    assert _run(lib, *args) == 2


def test_bad_flags_exit_2(lib: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        _run(lib, "in.jsonl", "--concurrency", "many")
    assert exc.value.code == 2


def test_progress_line_on_request(
    tmp_path: Path, lib: Path, judge: FakeJudge, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _rows(3))
    code = main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--rubrics", str(lib),
                 "--no-cache", "--progress"])  # fmt: skip
    assert code == 0
    err = capsys.readouterr().err
    assert "done 3/3" in err
    assert "failed 0" in err
    assert "tokens" in err


def test_worker_processes_give_the_same_output(tmp_path: Path, lib: Path, judge: FakeJudge) -> None:
    rows = [*_rows(30), {"id": "q", "question_id": "nope", "answer": "x"}]
    source = _write_jsonl(tmp_path / "in.jsonl", rows, tail=b"{oops\n")
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    args = ["-o", out, "--no-cache", "--workers", "2", "--concurrency", "4"]
    assert _run(lib, source, *args, "--summary-json", summary) == 1
    records = _records(out)
    assert sorted(r["id"] or "" for r in records) == sorted(
        ["", "q", *(f"a{i}" for i in range(30))]
    )
    assert json.loads(summary.read_text())["by_status"] == {"error": 2, "scored": 30}
    assert _run(lib, source, *args) == 1
    assert len(_records(out)) == 32  # resumed: nothing written twice
