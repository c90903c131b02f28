"""The audit log: one hash-chained line per evaluation; every kind of tampering is found.

Each tampering test edits a real log the way an attacker or an accident would and checks that
verification fails at the right line; the limits of a chain (lines cut from the end) are shown
too, with the head anchor that closes them.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from answer_eval.audit.log import GENESIS, AuditLog, canonical_hash, verify_log
from answer_eval.cli import main
from answer_eval.errors import AuditLogError
from answer_eval.evaluator import Evaluator
from answer_eval.testing import FakeJudge

QID = "difficult-customer-issue"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."
FIXED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def _log(path: Path, n: int) -> list[bytes]:
    """A log of ``n`` evaluations; returns its lines (with their newlines)."""
    log = AuditLog(path, clock=lambda: FIXED)
    evaluator = Evaluator(judge=FakeJudge(), audit_log=log)
    for i in range(n):
        evaluator.evaluate(QID, f"{ANSWER} Case {i}.", answer_id=f"a-{i}")
    return path.read_bytes().splitlines(keepends=True)


def test_each_evaluation_appends_one_chained_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path, clock=lambda: FIXED, new_id=lambda: "e-1")
    evaluator = Evaluator(judge=FakeJudge(), audit_log=log)
    scored = evaluator.evaluate(QID, ANSWER, answer_id="cand-17")
    unscored = Evaluator(judge=FakeJudge(fail="refusal"), audit_log=log).evaluate(QID, ANSWER)
    first, second = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert first["seq"] == 1
    assert first["prev"] == GENESIS
    assert second["prev"] == first["hash"]
    assert first["evaluation_id"] == "e-1"
    assert first["time"] == "2025-01-02T03:04:05+00:00"
    assert first["answer_id"] == "cand-17"
    assert first["answer_sha256"] == hashlib.sha256(ANSWER.encode()).hexdigest()
    assert ANSWER not in path.read_text("utf-8")  # the hash, never the text
    assert first["rubric_hash"] == scored.provenance.rubric_hash
    assert first["prompt_hash"] == scored.provenance.prompt_hash
    assert (first["judge"], first["model"]) == ("fake", "fake-judge")
    assert first["result_hash"] == canonical_hash(scored.model_dump(mode="json"))
    assert (second["status"], second["result_hash"]) == (
        "unscored",
        canonical_hash(unscored.model_dump(mode="json")),
    )
    check = verify_log(path)
    assert (check.ok, check.entries, check.head) == (True, 2, second["hash"])


def test_the_endpoint_is_logged_without_credentials(tmp_path: Path) -> None:
    from answer_eval.evaluation import Evaluation

    evaluation = Evaluator(judge=FakeJudge()).evaluate(QID, ANSWER)
    provenance = evaluation.provenance.model_copy(
        update={"endpoint": "https://user:secret@llm.example.com/v1?key=abc"}
    )
    leaky = Evaluation.model_validate(
        {**evaluation.model_dump(), "provenance": provenance.model_dump()}
    )
    entry = AuditLog(tmp_path / "log.jsonl").record(leaky, answer=ANSWER)
    assert entry.endpoint == "https://llm.example.com/v1"
    assert "secret" not in (tmp_path / "log.jsonl").read_text("utf-8")


def _verify_fails_at(path: Path, lines: list[bytes], line: int, words: str) -> None:
    path.write_bytes(b"".join(lines))
    check = verify_log(path)
    assert not check.ok
    assert check.line == line
    assert words in (check.problem or "")


def test_an_edited_line_is_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 5)
    lines[2] = lines[2].replace(b'"status":"scored"', b'"status":"unscored"')
    _verify_fails_at(path, lines, 3, "edited")


def test_an_edited_line_with_a_fresh_hash_breaks_the_next_link(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 5)
    fields = json.loads(lines[2])
    fields["model"] = "a-better-model"
    fields["hash"] = canonical_hash({k: v for k, v in fields.items() if k != "hash"})
    lines[2] = json.dumps(fields, separators=(",", ":")).encode() + b"\n"
    _verify_fails_at(path, lines, 4, "does not follow line 3")


def test_a_dropped_line_is_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 5)
    del lines[1]
    _verify_fails_at(path, lines, 2, "does not follow")


def test_an_inserted_line_is_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 5)
    lines.insert(3, lines[1])
    _verify_fails_at(path, lines, 4, "does not follow")


def test_reordered_lines_are_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 5)
    lines[1], lines[2] = lines[2], lines[1]
    _verify_fails_at(path, lines, 2, "does not follow")


def test_a_truncated_tail_is_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 3)
    lines[2] = lines[2][:40]
    _verify_fails_at(path, lines, 3, "truncated")
    with pytest.raises(AuditLogError, match="torn"):  # and nothing is chained onto it
        _log(path, 1)


def test_lines_cut_from_the_end_need_the_head_to_be_found(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 4)
    full = verify_log(path)
    path.write_bytes(b"".join(lines[:3]))
    assert verify_log(path).ok  # a chain alone cannot tell: this is what the head is for
    cut = verify_log(path, head=full.head)
    assert (cut.ok, cut.line) == (False, 4)
    assert not verify_log(path, entries=full.entries).ok


def test_a_file_that_is_not_a_log_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 2)
    _verify_fails_at(path, [lines[0], b'{"id": "x"}\n', lines[1]], 2, "not an audit entry")


def test_concurrent_writers_in_one_process_keep_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    evaluator = Evaluator(judge=FakeJudge(), audit_log=AuditLog(path))

    def work(worker: int) -> None:
        for i in range(25):
            evaluator.evaluate(QID, ANSWER, answer_id=f"{worker}-{i}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = verify_log(path)
    assert (check.ok, check.entries) == (True, 200)


WRITER = """
import sys
from answer_eval.audit.log import AuditLog
from answer_eval.evaluator import Evaluator
from answer_eval.testing import FakeJudge
evaluator = Evaluator(judge=FakeJudge(), audit_log=AuditLog(sys.argv[1]))
for i in range(40):
    evaluator.evaluate("difficult-customer-issue", "I listened and refunded her.", answer_id=str(i))
"""


def test_writers_in_separate_processes_keep_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path)]) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    check = verify_log(path)
    assert (check.ok, check.entries) == (True, 120)


def test_audit_verify_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "log.jsonl"
    lines = _log(path, 3)
    assert main(["audit", "verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 entries verified; head ")
    head = out.split()[-1]
    assert main(["audit", "verify", str(path), "--head", head, "--entries", "3"]) == 0
    path.write_bytes(lines[0] + lines[2])
    assert main(["audit", "verify", str(path)]) == 1
    assert f"{path}: line 2: does not follow line 1" in capsys.readouterr().err
    assert main(["audit", "verify", str(tmp_path / "missing.jsonl")]) == 2


def test_score_and_batch_write_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "ANSWER_EVAL_MODEL", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)
    log = tmp_path / "audit.jsonl"
    args = ["score", "--judge", "offline", "--question", QID, "--answer", ANSWER]
    assert main([*args, "--audit-log", str(log)]) == 0
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "".join(json.dumps({"id": f"r{i}", "question_id": QID, "answer": ANSWER}) + "\n"
                for i in range(3)),
        encoding="utf-8",
    )  # fmt: skip
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv("ANSWER_EVAL_AUDIT_LOG", str(log))
    assert main(["batch", str(rows), "-o", str(results), "--judge", "offline"]) == 0
    capsys.readouterr()
    entries = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [e["answer_id"] for e in entries] == [None, "r0", "r1", "r2"]
    assert verify_log(log).entries == 4
    # an auditor ties each stored result to its log line by recomputing the result hash
    stored = [json.loads(line)["evaluation"] for line in results.read_text("utf-8").splitlines()]
    assert sorted(canonical_hash(e) for e in stored) == sorted(
        e["result_hash"] for e in entries[1:]
    )


def test_the_audit_face_resolves() -> None:
    import answer_eval.audit as audit

    assert sorted(audit.__all__) == audit.__all__
    for name in audit.__all__:
        assert getattr(audit, name) is not None, name
