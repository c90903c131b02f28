"""Resuming a batch: reading back the results log an earlier (possibly killed) run wrote.

``scan_output`` cuts a torn last record off (its answer is judged again and written once) and
works out, from the latest record of each answer (``batch.log``), what is done and what is to be
judged again. ``record_spans`` gives each record with its byte offsets, for ``batch.log.compact``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from answer_eval.batch.input import InputFormat, RowError
from answer_eval.batch.log import LatestRecords, record_key
from answer_eval.batch.output import flatten
from answer_eval.batch.spreadsheet import read_cell

__all__ = ["ScanResult", "error_key", "record_spans", "scan_output"]


@dataclass
class ScanResult:
    """What an earlier run left in the output file.

    ``done_ids``: answers not to judge again (their latest record is scored; or, without
    ``retry_failed``, scored or unscored). ``done_errors``: keys (``batch.log.record_key``) of
    error records not to write again (only without ``retry_failed``: otherwise errors are
    derived again from the input). ``end``: where this run's records begin.
    """

    done_ids: set[str] = field(default_factory=set)
    done_errors: set[str] = field(default_factory=set)
    columns: list[str] = field(default_factory=list)
    records: int = 0
    answers: int = 0
    unreadable: int = 0
    truncated_bytes: int = 0
    good_end: int = 0
    end: int = 0
    retry_failed: bool = True


class _Lines:
    """Complete lines of a file as text, tracking the byte offset consumed; stops at a torn tail."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.offset = handle, 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            if not raw.endswith(b"\n"):
                return
            self.offset += len(raw)
            yield raw.decode("utf-8", "surrogateescape")


def _records(
    lines: _Lines, fmt: InputFormat, scan: ScanResult, csv_raw: bool = False
) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Flat records with their byte spans; ``scan.good_end`` follows the last complete one."""
    if fmt == "jsonl":
        for line in lines:
            start, scan.good_end = scan.good_end, lines.offset
            try:
                yield flatten(json.loads(line)), start, lines.offset
            except (ValueError, KeyError, TypeError, AttributeError):
                scan.unreadable += 1
        return
    reader = csv.reader(lines, strict=True)
    cell = (lambda text: text) if csv_raw else read_cell
    try:
        scan.columns = [cell(name) for name in next(reader)]
        scan.good_end = lines.offset
        for values in reader:
            if len(values) != len(scan.columns):  # a record torn inside a quoted field
                return
            start, scan.good_end = scan.good_end, lines.offset
            yield dict(zip(scan.columns, map(cell, values), strict=True)), start, lines.offset
    except (csv.Error, StopIteration):
        return


def record_spans(
    path: Path, fmt: InputFormat, *, csv_raw: bool = False
) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Each complete record of a results file (flat) with its byte offsets, in file order."""
    with path.open("rb") as handle:
        yield from _records(_Lines(handle), fmt, ScanResult(), csv_raw)


def scan_output(
    path: Path,
    fmt: InputFormat,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    *,
    retry_failed: bool = True,
    csv_raw: bool = False,
) -> ScanResult:
    """Read an existing output: what is done, what to judge again, the CSV header.

    The latest record of each answer counts (``batch.log``). With ``retry_failed`` (the
    default), answers whose latest record is unscored or an error are judged again; without
    it they count as done, and their errors are not written again. A torn tail (the part after
    the last complete record) is cut off the file. ``on_record`` receives each record's flat
    form (for the summary). A missing file scans as empty.
    """
    scan = ScanResult(retry_failed=retry_failed)
    if not path.exists():
        return scan
    latest: LatestRecords[str] = LatestRecords()
    with path.open("rb") as handle:
        for flat, _, _ in _records(_Lines(handle), fmt, scan, csv_raw):
            latest.put(flat, str(flat.get("status") or "error"))
            scan.records += 1
            if on_record is not None:
                on_record(flat)
    done = ("scored",) if retry_failed else ("scored", "unscored")
    for key, status in latest.items():
        if status in done and key.startswith("id:"):
            scan.done_ids.add(key[3:])
        elif status == "error" and not retry_failed:
            scan.done_errors.add(key)
    scan.answers = len(latest)
    size = path.stat().st_size
    if size > scan.good_end:
        scan.truncated_bytes = size - scan.good_end
        os.truncate(path, scan.good_end)
    scan.end = scan.good_end
    return scan


def error_key(error: RowError) -> str:
    """The log key of a row error (``batch.log.record_key``)."""
    return record_key({"id": error.id, "row": error.row})
