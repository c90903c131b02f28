"""A tamper-evident audit log: one hash-chained JSON line per evaluation.

Each line (an ``AuditEntry``) records which answer was judged (its SHA-256, never its text),
against which rubric and prompt (their hashes), by which judge, model and endpoint (without
credentials), when (UTC), and the SHA-256 of the result (``result_hash``: recompute it from a
stored evaluation to show the result is the one logged). Each line carries ``prev``, the
``hash`` of the line before (``GENESIS`` for the first), and its own ``hash`` over its other
fields, so ``verify_log`` finds an edited, dropped, inserted or reordered line, and a torn last
line, and names the first bad line.

What a chain cannot show by itself: whole lines removed from the end, or every line from some
point rewritten with fresh hashes. Against both, keep the head that ``verify_log`` reports (the
number of entries and the last hash) where the log's writer cannot change it, and verify with
``head=`` / ``entries=`` later.

Appends are serialised by a lock within a process and by ``flock`` between processes (batch
workers share one log), each line written whole with one ``write`` and flushed; ``fsync=True``
also forces it to disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from answer_eval.errors import AuditLogError
from answer_eval.evaluation import Evaluation
from answer_eval.judges.openai_protocol import public_url

try:  # POSIX: serialise writers across processes too
    import fcntl
except ImportError:  # pragma: no cover - Windows: the in-process lock only
    fcntl = None  # type: ignore[assignment]

__all__ = ["GENESIS", "AuditEntry", "AuditLog", "LogCheck", "canonical_hash", "verify_log"]

GENESIS = "0" * 64
"""The ``prev`` of the first line."""


def canonical_hash(value: Any) -> str:
    """SHA-256 of ``value`` as canonical JSON (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AuditEntry(BaseModel):
    """One line of the audit log."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int = Field(ge=1, description="Line number, from 1.")
    evaluation_id: str = Field(description="A fresh id for this evaluation (UUID4, hex).")
    time: datetime = Field(description="When it was logged (UTC).")
    answer_id: str | None = Field(description="The caller's id for the answer, if any.")
    question_id: str = Field(description="The question judged against.")
    status: str = Field(description="scored or unscored.")
    answer_sha256: str = Field(description="SHA-256 of the answer text (UTF-8), not the text.")
    rubric_hash: str = Field(description="Content hash of the question's rubric.")
    prompt_hash: str = Field(description="Hash of the prompt templates.")
    judge: str = Field(description="Kind of judge: openai, offline or fake.")
    model: str = Field(description="Model name as reported.")
    endpoint: str | None = Field(description="Endpoint base URL without credentials or query.")
    result_hash: str = Field(description="canonical_hash of the evaluation as JSON.")
    prev: str = Field(description="The previous line's hash; GENESIS for the first line.")
    hash: str = Field(description="canonical_hash of this line's other fields.")


def _line_hash(fields: Mapping[str, Any]) -> str:
    return canonical_hash({k: v for k, v in fields.items() if k != "hash"})


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """Appends one ``AuditEntry`` per evaluation to a JSONL file (created on first use).

    Give it to ``Evaluator(audit_log=...)``; share one per file within a process.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        fsync: bool = False,
        clock: Callable[[], datetime] = _utc_now,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.path = Path(path)
        self.fsync = fsync
        self._clock = clock
        self._new_id = new_id
        self._lock = threading.Lock()
        self._tail: tuple[int, int, str] | None = None  # (file size, seq, hash) after our write

    def __repr__(self) -> str:
        return f"AuditLog({str(self.path)!r})"

    def record(self, evaluation: Evaluation, *, answer: str) -> AuditEntry:
        """Append the entry for ``evaluation`` of ``answer`` (the original text); return it."""
        prov = evaluation.provenance
        fields: dict[str, Any] = {
            "evaluation_id": self._new_id(),
            "time": self._clock().astimezone(UTC).isoformat(),
            "answer_id": evaluation.answer_id,
            "question_id": evaluation.question_id,
            "status": evaluation.status,
            "answer_sha256": hashlib.sha256(answer.encode("utf-8")).hexdigest(),
            "rubric_hash": prov.rubric_hash,
            "prompt_hash": prov.prompt_hash,
            "judge": prov.judge,
            "model": prov.model,
            "endpoint": public_url(prov.endpoint) if prov.endpoint else None,
            "result_hash": canonical_hash(evaluation.model_dump(mode="json")),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a+b") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                seq, prev = self._last(handle)
                fields = {"seq": seq + 1, **fields, "prev": prev}
                fields["hash"] = _line_hash(fields)
                line = json.dumps(fields, ensure_ascii=False, separators=(",", ":")) + "\n"
                handle.write(line.encode("utf-8"))
                handle.flush()
                if self.fsync:
                    os.fsync(handle.fileno())
                self._tail = (handle.tell(), fields["seq"], fields["hash"])
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return AuditEntry.model_validate(fields)

    def _last(self, handle: Any) -> tuple[int, str]:
        """(seq, hash) of the file's last line; (0, GENESIS) when empty."""
        size = handle.seek(0, os.SEEK_END)
        if self._tail is not None and self._tail[0] == size:  # nobody wrote since we did
            return self._tail[1], self._tail[2]
        if size == 0:
            return 0, GENESIS
        chunk = 4096
        while True:
            start = max(0, size - chunk)
            handle.seek(start)
            data = handle.read(size - start)
            if not data.endswith(b"\n"):
                raise AuditLogError(
                    f"{self.path}: the last line is torn; run answer-eval audit verify"
                )
            body = data[:-1]
            cut = body.rfind(b"\n")
            if cut >= 0 or start == 0:
                last = body[cut + 1 :]
                break
            chunk *= 2
        try:
            entry = json.loads(last)
            return int(entry["seq"]), str(entry["hash"])
        except (ValueError, KeyError, TypeError) as exc:
            raise AuditLogError(f"{self.path}: the last line is not an audit entry") from exc


@dataclass(frozen=True)
class LogCheck:
    """What ``verify_log`` found: ``problem`` is None when the log is intact."""

    entries: int
    head: str
    line: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when every line verified (and the expected head, if given, matched)."""
        return self.problem is None


def verify_log(
    path: str | Path, *, head: str | None = None, entries: int | None = None
) -> LogCheck:
    """Check every line of the log at ``path``; stop at the first bad one.

    ``head`` and ``entries``, when given, are what an earlier check reported: a log whose lines
    were cut from the end, or rewritten from some line on, no longer ends with them.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise AuditLogError(f"cannot read audit log {path}: {exc.strerror or exc}") from exc
    lines = data.split(b"\n")
    torn = lines.pop()  # after the last newline: empty unless the tail is torn
    prev, count = GENESIS, 0
    for number, raw in enumerate(lines, start=1):
        problem = _check_line(raw, number, prev)
        if problem is not None:
            return LogCheck(count, prev, number, problem)
        prev, count = json.loads(raw)["hash"], number
    if torn:
        return LogCheck(count, prev, count + 1, "truncated: the last line has no end (torn write)")
    if entries is not None and count != entries:
        return LogCheck(count, prev, count + 1, f"expected {entries} entries, found {count}")
    if head is not None and prev != head:
        return LogCheck(
            count, prev, count + 1, f"the log ends with {prev[:16]}..., expected {head[:16]}..."
        )
    return LogCheck(count, prev)


def _check_line(raw: bytes, number: int, prev: str) -> str | None:
    try:
        fields = json.loads(raw)
        AuditEntry.model_validate(fields)
    except (ValueError, ValidationError):
        return "not an audit entry (edited, or not an audit log)"
    if _line_hash(fields) != fields["hash"]:
        return "its content does not match its hash (edited)"
    if fields["prev"] != prev:
        previous = "the start of the log" if number == 1 else f"line {number - 1}"
        return f"does not follow {previous} (a line was dropped, inserted or reordered)"
    if fields["seq"] != number:
        return f"sequence number {fields['seq']}, expected {number}"
    return None
