"""The results log's one rule: the latest record per answer wins.

A batch appends one record per outcome and never edits a line in place, so an answer retried
after a fix has an old and a new record. Everything that reads the log (resume, the summary and
exit code, ``report``, exports) goes through ``LatestRecords`` and so counts answers, not lines:

* a record with an id stands for that answer; a later record with the same id replaces it;
* a record without an id (an input row that could not be read) stands for its input row, and
  any later record of the same row replaces it (the row was fixed, or fails differently now).

``compact`` rewrites a log to hold only the records that win (atomically: a temporary file
renamed over it), dropping too the error records an earlier run wrote when this run has read
the whole input again (errors are re-derived from the input on every run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

__all__ = ["LatestRecords", "compact", "record_key", "record_row"]

T = TypeVar("T")


def record_row(record: Mapping[str, Any]) -> int:
    """The input row a record came from (0 when unknown); CSV logs hold it as text."""
    try:
        return int(record.get("row") or 0)
    except (TypeError, ValueError):
        return 0


def record_key(record: Mapping[str, Any]) -> str:
    """``id:<id>`` for a record with an id, else ``row:<row>``."""
    ident = record.get("id")
    if ident is None or ident == "":
        return f"row:{record_row(record)}"
    return f"id:{ident}"


class LatestRecords(Generic[T]):
    """A value per answer, following the log's rule (see the module docstring).

    Iteration order is the order in which the winning records were written.
    """

    def __init__(self) -> None:
        self._values: dict[str, T] = {}

    def put(self, record: Mapping[str, Any], value: T) -> list[T]:
        """Record ``value`` for ``record``'s answer; returns the values it replaced."""
        key = record_key(record)
        gone = []
        if (old := self._values.pop(key, None)) is not None:
            gone.append(old)
        orphan = f"row:{record_row(record)}"
        if orphan != key and (old := self._values.pop(orphan, None)) is not None:
            gone.append(old)
        self._values[key] = value
        return gone

    def pop(self, key: str) -> T | None:
        """Forget one answer; its value, if it had one."""
        return self._values.pop(key, None)

    def get(self, key: str) -> T | None:
        """The value for ``key`` (see ``record_key``), or None."""
        return self._values.get(key)

    def items(self) -> Iterator[tuple[str, T]]:
        """(key, value) of every answer."""
        return iter(list(self._values.items()))

    def values(self) -> Iterator[T]:
        """The value of every answer."""
        return iter(list(self._values.values()))

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values


Span = tuple[int, int, str]  # start and end byte offsets of a record, its status


def compact(
    path: Path, spans: Iterator[tuple[Mapping[str, Any], int, int]], *, errors_from: int = 0
) -> int:
    """Rewrite ``path`` keeping only the records that win; returns how many it dropped.

    ``spans`` yields each record (flat) with the byte offsets of its text, in file order, after
    any header (bytes before the first record are kept). Error records that start before
    ``errors_from`` are dropped too (an earlier run's errors, re-derived by this run).
    The new file replaces the old one atomically and is fsync'd.
    """
    latest: LatestRecords[Span] = LatestRecords()
    head, total = None, 0
    for record, start, end in spans:
        head = start if head is None else head
        total += 1
        latest.put(record, (start, end, str(record.get("status") or "")))
    kept = sorted(
        span for span in latest.values() if not (span[2] == "error" and span[0] < errors_from)
    )
    if len(kept) == total:
        return 0
    tmp = path.with_name(path.name + ".compact.tmp")
    with path.open("rb") as source, tmp.open("wb") as target:
        target.write(source.read(head or 0))
        for start, end, _ in kept:
            source.seek(start)
            target.write(source.read(end - start))
        target.flush()
        os.fsync(target.fileno())
    os.replace(tmp, path)
    _sync_folder(path.parent)
    return total - len(kept)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX: fsync the directory)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
