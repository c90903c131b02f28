"""Batch input: reading rows (JSONL, CSV, stdin, in-memory records), with row errors.

Reading streams one record at a time. A record that cannot be used becomes a ``RowError`` naming
its row (1-based: the JSONL line, or the CSV record after the header) and the reading goes on:
undecodable bytes, malformed JSON, a missing or non-text field, an empty id, a duplicate id.
A file whose header (CSV) or first record (JSONL) lacks a mapped field is an ``InputError``
instead, said once: the field mapping is wrong, not every row.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from answer_eval.errors import InputError

__all__ = [
    "BatchRow",
    "FieldMap",
    "InputFormat",
    "RowError",
    "read_records",
    "read_rows",
    "row_from_record",
    "rows_from_mappings",
]

InputFormat = Literal["jsonl", "csv"]


@dataclass(frozen=True)
class FieldMap:
    """Which input fields hold the answer id, the question id and the answer text."""

    id: str = "id"
    question: str = "question_id"
    answer: str = "answer"


@dataclass(frozen=True)
class BatchRow:
    """One usable input record; ``extra`` holds its other fields, carried to the output."""

    row: int
    id: str
    question_id: str
    answer: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RowError:
    """A record that could not be judged, and why (``id`` is None when it could not be read)."""

    row: int
    id: str | None
    error: str
    question_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def row_from_record(
    record: object, row: int, fields: FieldMap, seen: set[str]
) -> BatchRow | RowError:
    """Check one decoded record; ``seen`` holds the ids read so far (for duplicates)."""
    if not isinstance(record, Mapping):
        return RowError(
            row, None, f"row {row}: expected a JSON object, got {type(record).__name__}"
        )
    raw_id = record.get(fields.id)
    ident = str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    ident = ident if ident and ident.strip() else None
    qid, answer = record.get(fields.question), record.get(fields.answer)
    mapped = (fields.id, fields.question, fields.answer)
    extra = {k: v for k, v in record.items() if k not in mapped}
    problem = _problem(fields, ident, seen, qid, answer)
    if problem is not None or ident is None or not isinstance(qid, str):
        qtext = qid if isinstance(qid, str) else None
        # a duplicate's id names the earlier row's answer: this error is about its own row only
        owner = None if ident in seen else ident
        return RowError(row, owner, f"row {row}: {problem}", qtext, extra)
    seen.add(ident)
    return BatchRow(row, ident, qid, str(answer), extra)


def _problem(
    fields: FieldMap, ident: str | None, seen: set[str], qid: Any, answer: Any
) -> str | None:
    if ident is None:
        return f"missing or empty id field {fields.id!r}"
    if ident in seen:
        return f"duplicate id {ident!r} (first seen earlier in the input)"
    for name, value in ((fields.question, qid), (fields.answer, answer)):
        if value is None:
            return f"missing field {name!r}"
        if not isinstance(value, str):
            return f"field {name!r} is not text: {value!r:.60}"
    return None


def rows_from_mappings(
    records: Iterable[Mapping[str, Any]], fields: FieldMap | None = None
) -> Iterator[BatchRow | RowError]:
    """Rows from in-memory records (dicts), numbered from 1, with the file readers' checks."""
    seen: set[str] = set()
    for n, record in enumerate(records, start=1):
        yield row_from_record(record, n, fields or FieldMap(), seen)


def _check_fields(names: Iterable[str], fields: FieldMap, where: str) -> None:
    """One ``InputError`` when ``names`` (a header, a first record) lack a mapped field."""
    have = list(names)
    flags = {fields.id: "--id-field", fields.question: "--question-field"}
    flags[fields.answer] = "--answer-field"
    missing = [name for name in flags if name not in have]
    if missing:
        shown = ", ".join(repr(n) for n in have[:20]) or "none"
        how = ", ".join(f"{flags[name]} NAME" for name in missing)
        raise InputError(
            f"{where} has no field {', '.join(repr(n) for n in missing)} (its fields: {shown}); "
            f"name the right ones with {how}"
        )


def _jsonl_rows(
    source: IO[bytes], fields: FieldMap, check: bool = True
) -> Iterator[BatchRow | RowError]:
    seen: set[str] = set()
    for n, raw in enumerate(source, start=1):
        line = raw.removeprefix(b"\xef\xbb\xbf") if n == 1 else raw
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RowError(n, None, f"row {n}: undecodable bytes (not UTF-8) at byte {exc.start}")
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RowError(n, None, f"row {n}: malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if check and isinstance(record, Mapping):
            _check_fields(record, fields, "the first record of the input")
            check = False
        yield row_from_record(record, n, fields, seen)


def _has_undecodable(values: Iterable[str]) -> bool:
    try:
        for value in values:
            value.encode("utf-8")
    except UnicodeEncodeError:  # surrogate-escaped bytes that were not UTF-8
        return True
    return False


def _csv_rows(
    source: IO[bytes], fields: FieldMap, check: bool = True
) -> Iterator[BatchRow | RowError]:
    text = io.TextIOWrapper(source, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        reader = csv.reader(text)
        header = next(reader, None)
        if check and header is not None:
            _check_fields(header, fields, "the CSV header of the input")
        seen: set[str] = set()
        for n, values in enumerate(reader if header else (), start=1):
            if not values:
                continue
            if _has_undecodable(values):
                yield RowError(n, None, f"row {n}: undecodable bytes (not UTF-8)")
            elif header is not None and len(values) != len(header):
                problem = f"{len(values)} fields, the header has {len(header)}"
                yield RowError(n, None, f"row {n}: {problem}")
            elif header is not None:
                yield row_from_record(dict(zip(header, values, strict=True)), n, fields, seen)
    finally:
        with contextlib.suppress(ValueError):  # the caller owns (and closes) the byte stream
            text.detach()


def read_rows(
    source: IO[bytes],
    fmt: InputFormat,
    fields: FieldMap | None = None,
    *,
    check_fields: bool = True,
) -> Iterator[BatchRow | RowError]:
    """Stream the rows of a JSONL or CSV byte stream (a file opened ``rb``, or stdin's buffer).

    With ``check_fields``, a CSV header or first JSONL record without the mapped fields raises
    ``InputError`` (once, when reading starts).
    """
    if fmt == "csv":
        return _csv_rows(source, fields or FieldMap(), check_fields)
    return _jsonl_rows(source, fields or FieldMap(), check_fields)


def read_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file:line, record)`` for each record of a small CSV, TSV or JSONL file (labels,
    evaluations); unlike ``read_rows`` a bad record is an ``InputError``, not a row error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    if path.suffix.lower() in (".csv", ".tsv"):
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        for record in reader:
            yield f"{path}:{reader.line_num}", dict(record)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}: expected a JSON object")
        yield f"{path}:{number}", record
