"""Batch output: outcome records and writing them (JSONL, CSV) to the results log.

Writing appends one complete line per outcome, flushes it, and fsyncs every ``fsync_every``
records or ``fsync_seconds``. CSV cells are made safe for spreadsheets (``batch.spreadsheet``)
unless ``csv_raw``. Reading the log back to resume is ``batch.resume``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from answer_eval.batch.input import InputFormat, RowError
from answer_eval.batch.spreadsheet import safe_cell
from answer_eval.evaluation import Evaluation

__all__ = [
    "OutputSink",
    "RowResult",
    "csv_columns",
    "flatten",
    "outcome_record",
]


@dataclass(frozen=True)
class RowResult:
    """A judged record: its evaluation (scored or unscored), the extra input fields and the
    answer text (kept in the JSONL log, so a report can show the quotes in place)."""

    row: int
    id: str
    evaluation: Evaluation
    extra: dict[str, Any] = field(default_factory=dict)
    answer: str | None = None


# ---------------------------------------------------------------------------------- writing


def outcome_record(outcome: RowResult | RowError) -> dict[str, Any]:
    """The JSONL record of an outcome: id, row, status, the evaluation or the error, the extra
    input fields, and the answer text when the outcome carries it."""
    if isinstance(outcome, RowError):
        record: dict[str, Any] = {"id": outcome.id, "row": outcome.row, "status": "error"}
        record["error"] = outcome.error
        if outcome.question_id is not None:
            record["question_id"] = outcome.question_id
    else:
        record = {"id": outcome.id, "row": outcome.row, "status": outcome.evaluation.status}
        record["evaluation"] = outcome.evaluation.model_dump(mode="json")
    if outcome.extra:
        record["extra"] = outcome.extra
    if isinstance(outcome, RowResult) and outcome.answer is not None:
        record["answer"] = outcome.answer
    return record


FIXED_COLUMNS = (
    "id", "row", "question_id", "status", "unscored_reason", "detail", "overall", "overall_100",
    "recommendation",
)  # fmt: skip
TAIL_COLUMNS = (
    "red_flags", "review_flags", "model", "attempts", "prompt_tokens", "completion_tokens",
)  # fmt: skip


def flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    """One flat row for a JSONL record: the CSV columns (``score_<dimension>`` per dimension)."""
    ev: Mapping[str, Any] = record.get("evaluation") or {}
    prov: Mapping[str, Any] = ev.get("provenance") or {}
    usage: Mapping[str, Any] = prov.get("usage") or {}
    flat: dict[str, Any] = {
        "id": record.get("id"),
        "row": record.get("row"),
        "question_id": ev.get("question_id", record.get("question_id")),
        "status": record.get("status"),
        "unscored_reason": ev.get("unscored_reason"),
        "detail": record.get("error", ev.get("detail")),
        "overall": ev.get("overall"),
        "overall_100": ev.get("overall_100"),
        "recommendation": ev.get("recommendation"),
    }
    for dim in ev.get("dimensions", ()):
        flat[f"score_{dim['id']}"] = dim.get("score")
    codes = dict.fromkeys(f["code"] for f in ev.get("review_flags", ()))
    flat.update(
        red_flags=";".join(r["id"] for r in ev.get("red_flags", ()) if r.get("present")),
        review_flags=";".join(codes),
        model=prov.get("model"),
        attempts=prov.get("attempts"),
        prompt_tokens=usage.get("prompt_tokens"),
        completion_tokens=usage.get("completion_tokens"),
    )
    for key, value in (record.get("extra") or {}).items():
        if key not in flat:
            flat[key] = (
                value
                if isinstance(value, str | int | float) or value is None
                else json.dumps(value)
            )
    return flat


def csv_columns(dimension_ids: Iterable[str], extra_names: Iterable[str]) -> list[str]:
    """The CSV header: fixed columns, a score per dimension, the tail, extra fields, ``extra``."""
    columns = [*FIXED_COLUMNS, *(f"score_{d}" for d in dimension_ids), *TAIL_COLUMNS]
    columns += [name for name in extra_names if name not in columns and name != "extra"]
    return [*columns, "extra"]  # extra fields the header did not foresee, as JSON


class OutputSink:
    """Appends outcome records to a JSONL or CSV file (or stdout), durably.

    Each record is one ``write`` of a complete line, flushed at once; ``fsync`` runs every
    ``fsync_every`` records or ``fsync_seconds``, and on close. CSV text cells that a
    spreadsheet would run as a formula get a leading ``'`` unless ``csv_raw``.
    """

    def __init__(
        self,
        stream: IO[bytes],
        fmt: InputFormat,
        *,
        columns: list[str] | None = None,
        write_header: bool = False,
        fsync_every: int = 100,
        fsync_seconds: float = 1.0,
        owns_stream: bool = True,
        clock: Callable[[], float] = time.monotonic,
        csv_raw: bool = False,
        answer_text: bool = True,
    ) -> None:
        self.stream, self.fmt, self.columns = stream, fmt, columns or []
        self.csv_raw, self.answer_text = csv_raw, answer_text
        self.owns_stream = owns_stream
        self.fsync_every, self.fsync_seconds, self._clock = fsync_every, fsync_seconds, clock
        self._unsynced, self._synced_at = 0, clock()
        if fmt == "csv" and write_header:
            self._write_csv(self.columns)

    def _write_csv(self, values: list[Any]) -> None:
        buffer = io.StringIO()
        cells = values if self.csv_raw else [safe_cell(v) for v in values]
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)  # RFC 4180: quotes a CR too
        self._write(buffer.getvalue().encode("utf-8"))

    def _write(self, data: bytes) -> None:
        self.stream.write(data)
        self.stream.flush()
        self._unsynced += 1
        if (
            self._unsynced >= self.fsync_every
            or self._clock() - self._synced_at >= self.fsync_seconds
        ):
            self.sync()

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one record (a JSONL line, or a flattened CSV row)."""
        if self.fmt == "csv":
            flat = flatten(record)
            rest = {k: v for k, v in flat.items() if k not in self.columns and v not in (None, "")}
            values = [flat.get(c) for c in self.columns]
            if rest and "extra" in self.columns:
                values[self.columns.index("extra")] = json.dumps(rest, ensure_ascii=False)
            self._write_csv(["" if v is None else v for v in values])
        else:
            if not self.answer_text and "answer" in record:
                record = {k: v for k, v in record.items() if k != "answer"}
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            self._write(line.encode("utf-8"))

    def sync(self) -> None:
        """Flush and fsync now (a no-op for pipes and terminals)."""
        self.stream.flush()
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.fsync(self.stream.fileno())
        self._unsynced, self._synced_at = 0, self._clock()

    def close(self) -> None:
        """Sync, and close the stream when the sink owns it (stdout is flushed, not closed)."""
        if self.stream.closed:
            return
        self.sync()
        if self.owns_stream:
            self.stream.close()
