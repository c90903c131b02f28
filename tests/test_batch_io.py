"""Batch files: row errors name their row, outputs append whole lines, resuming cuts torn tails."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from answer_eval.batch.input import BatchRow, FieldMap, RowError, read_rows, rows_from_mappings
from answer_eval.batch.output import OutputSink, csv_columns, flatten
from answer_eval.batch.resume import scan_output

QID = "difficult-customer-issue"


def _jsonl(*records: object) -> io.BytesIO:
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in records]
    return io.BytesIO(b"\n".join(lines) + b"\n")


def test_jsonl_rows_and_every_kind_of_bad_row() -> None:
    source = _jsonl(
        {"id": "a1", "question_id": QID, "answer": "I fixed it.", "team": "blue"},
        b"{not json",
        b"\xff\xfe not utf-8",
        {"id": "a2", "question_id": QID},
        {"id": "a1", "question_id": QID, "answer": "again"},
        {"question_id": QID, "answer": "no id"},
        ["a", "list"],
        {"id": 7, "question_id": QID, "answer": 42},
        b"",
        {"id": 8, "question_id": QID, "answer": "numeric ids are text"},
    )
    rows = list(read_rows(source, "jsonl"))
    assert rows[0] == BatchRow(1, "a1", QID, "I fixed it.", {"team": "blue"})
    errors = [r for r in rows if isinstance(r, RowError)]
    assert [(e.row, e.id) for e in errors] == [
        (2, None),
        (3, None),
        (4, "a2"),
        (5, None),  # a duplicate: "a1" is the first row's answer, not this error's
        (6, None),
        (7, None),
        (8, "7"),
    ]
    messages = [e.error for e in errors]
    assert "malformed JSON" in messages[0]
    assert "undecodable" in messages[1]
    assert "missing field 'answer'" in messages[2]
    assert "duplicate id 'a1'" in messages[3]
    assert "id field 'id'" in messages[4]
    assert "expected a JSON object" in messages[5]
    assert "not text" in messages[6]
    assert all(m.startswith(f"row {e.row}:") for m, e in zip(messages, errors, strict=True))
    assert rows[-1] == BatchRow(10, "8", QID, "numeric ids are text")


def test_csv_rows_with_field_mapping_bom_and_quoted_newlines() -> None:
    data = (
        "\ufeffcandidate,q,text,notes\r\n"
        f'c1,{QID},"Line one.\nLine two.",keep me\r\n'
        f"c2,{QID},short\r\n"
        f"c3,{QID},,empty answer is for the evaluator to refuse\r\n"
    ).encode() + f"c4,{QID},caf\xe9 in latin-1,x\r\n".encode("latin-1")
    fields = FieldMap(id="candidate", question="q", answer="text")
    rows = list(read_rows(io.BytesIO(data), "csv", fields))
    assert rows[0] == BatchRow(1, "c1", QID, "Line one.\nLine two.", {"notes": "keep me"})
    assert isinstance(rows[1], RowError)
    assert "3 fields, the header has 4" in rows[1].error
    assert rows[2] == BatchRow(
        3, "c3", QID, "", {"notes": "empty answer is for the evaluator to refuse"}
    )
    assert isinstance(rows[3], RowError)
    assert "undecodable" in rows[3].error
    assert rows[3].row == 4


def test_mappings_are_checked_like_files() -> None:
    rows = list(rows_from_mappings([{"id": "x", "question_id": QID, "answer": "a"}, {"id": "x"}]))
    assert isinstance(rows[0], BatchRow)
    assert isinstance(rows[1], RowError)
    assert "duplicate" in rows[1].error


def _record(ident: str, row: int, status: str = "scored") -> dict[str, object]:
    return {"id": ident, "row": row, "status": status, "evaluation": {"question_id": QID}}


def test_sink_appends_whole_lines_and_syncs_every_n(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    sink = OutputSink(path.open("ab"), "jsonl", fsync_every=2, fsync_seconds=1e9)
    syncs = []
    original = sink.sync
    sink.sync = lambda: (syncs.append(1), original())  # type: ignore[method-assign]
    for n in range(5):
        sink.write(_record(f"a{n}", n + 1))
        assert path.read_bytes().endswith(b"\n")  # flushed at once, whole
    assert len(syncs) == 2
    sink.close()
    assert [json.loads(x)["id"] for x in path.read_text().splitlines()] == [
        f"a{n}" for n in range(5)
    ]


def test_scan_cuts_a_torn_tail_and_remembers_ids_and_error_rows(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    lines = [
        json.dumps(_record("a1", 1)),
        json.dumps({"id": None, "row": 4, "status": "error", "error": "row 4: duplicate id"}),
        json.dumps(_record("a2", 2, "unscored")),
        json.dumps(_record("a3", 3, "unscored")),
        json.dumps(_record("a3", 3)),  # retried later: the latest record wins
    ]
    path.write_text("\n".join(lines) + '\n{"id": "a5", "row": 5, "sta', encoding="utf-8")
    seen: list[dict[str, object]] = []
    scan = scan_output(path, "jsonl", on_record=seen.append)
    assert scan.done_ids == {"a1", "a3"}  # a2 is unscored: judged again by default
    assert scan.done_errors == set()  # errors are derived from the input again
    assert (scan.records, scan.answers, len(seen)) == (5, 4, 5)
    assert scan.truncated_bytes > 0
    assert path.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    keep = scan_output(path, "jsonl", retry_failed=False)
    assert keep.done_ids == {"a1", "a2", "a3"}
    assert keep.done_errors == {"row:4"}


def test_csv_output_round_trips_through_the_scan(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    columns = csv_columns(["star", "empathy"], ["team"])
    sink = OutputSink(path.open("ab"), "csv", columns=columns, write_header=True)
    evaluation = {
        "question_id": QID,
        "status": "scored",
        "overall": 3.5,
        "dimensions": [{"id": "star", "score": 4}, {"id": "empathy", "score": None}],
        "red_flags": [{"id": "blame", "present": True}, {"id": "rude", "present": False}],
        "review_flags": [{"code": "unverified_evidence"}, {"code": "unverified_evidence"}],
        "provenance": {"model": "m", "attempts": 1, "usage": {"prompt_tokens": 10}},
    }
    record = {"id": "a1", "row": 1, "status": "scored", "evaluation": evaluation}
    sink.write({**record, "extra": {"team": "multi\nline", "other": [1]}})
    sink.write({"id": None, "row": 2, "status": "error", "error": "row 2: malformed JSON"})
    sink.close()
    with path.open("ab") as handle:
        handle.write(b'a9,9,"torn')
    scan = scan_output(path, "csv", retry_failed=False)
    assert scan.columns == columns
    assert scan.done_ids == {"a1"}
    assert scan.done_errors == {"row:2"}
    assert scan.truncated_bytes == len(b'a9,9,"torn')
    flat = flatten({**record, "extra": {"team": "multi\nline"}})
    assert flat["score_star"] == 4
    assert flat["red_flags"] == "blame"
    assert flat["review_flags"] == "unverified_evidence"
    assert flat["prompt_tokens"] == 10


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_scan_of_a_missing_or_empty_file(tmp_path: Path, fmt: str) -> None:
    assert scan_output(tmp_path / "none", fmt).records == 0  # type: ignore[arg-type]
    (tmp_path / "empty").write_bytes(b"")
    assert scan_output(tmp_path / "empty", fmt).columns == []  # type: ignore[arg-type]
