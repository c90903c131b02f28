"""Reading a batch's results and a demographics file, and joining them by id for an impact audit.

Results are the JSONL ``answer-eval batch`` writes; when an id repeats (a re-run appended a new
outcome), the last record wins, as in the batch output log. Demographics are CSV or JSONL with
an id and one column each for sex and race/ethnicity; an empty value or one of
``UNKNOWN_VALUES`` ("unknown", "prefer not to say", ...) is an unknown category. A result
without a demographics row, and an error row that batch could not read (it has no id), counts
in the unknown categories; a demographics row without a result is only counted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from answer_eval.audit.impact import Assessed
from answer_eval.errors import InputError

__all__ = ["UNKNOWN_VALUES", "Columns", "Joined", "join", "read_demographics", "read_results"]

UNKNOWN_VALUES = frozenset(
    {"", "unknown", "not known", "not disclosed", "undisclosed", "prefer not to say",
     "declined", "decline to state", "declined to state", "not specified", "n/a", "na", "none"}
)  # fmt: skip


@dataclass(frozen=True)
class Columns:
    """Which demographics columns hold the id, the sex and the race/ethnicity."""

    id: str = "id"
    sex: str = "sex"
    race: str = "race_ethnicity"


@dataclass
class Joined:
    """Results joined to demographics, with what did not join."""

    people: list[Assessed] = field(default_factory=list)
    sexes: set[str] = field(default_factory=set)
    races: set[str] = field(default_factory=set)
    without_demographics: int = 0
    demographics_without_result: int = 0
    unreadable_lines: int = 0


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def read_results(path: Path) -> tuple[dict[str, Mapping[str, Any]], int]:
    """The last record per id of a batch results file, and how many lines were unreadable
    (a torn last line after a crash, say)."""
    latest: dict[str, Mapping[str, Any]] = {}
    unreadable = 0
    for line in _read(path).splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            unreadable += 1
            continue
        if not isinstance(record, dict):
            unreadable += 1
            continue
        ident = record.get("id")
        if ident in (None, ""):  # an input row batch could not read: an error, in no category
            ident = f"(row {record.get('row', '?')})"
        latest.pop(str(ident), None)  # keep the file order of the latest records
        latest[str(ident)] = record
    return latest, unreadable


def _records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    text = _read(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        for row in reader:
            yield reader.line_num, row
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected a JSON object")
            yield number, record


def _category(value: Any) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    return None if text.casefold() in UNKNOWN_VALUES else text


def read_demographics(
    path: Path, columns: Columns | None = None
) -> dict[str, tuple[str | None, str | None]]:
    """Id -> (sex, race/ethnicity), None for unknown. A duplicate id is an input error."""
    cols = columns or Columns()
    found: dict[str, tuple[str | None, str | None]] = {}
    for number, record in _records(path):
        if cols.id not in record:
            raise InputError(f"{path}:{number}: no {cols.id!r} column (use --id-column)")
        ident = str(record[cols.id]).strip()
        if not ident:
            raise InputError(f"{path}:{number}: empty id")
        if ident in found:
            raise InputError(f"{path}:{number}: id {ident!r} appears twice")
        found[ident] = (_category(record.get(cols.sex)), _category(record.get(cols.race)))
    if not found:
        raise InputError(f"{path}: no demographics rows")
    return found


def join(
    results: Mapping[str, Mapping[str, Any]],
    demographics: Mapping[str, tuple[str | None, str | None]],
    unreadable_lines: int = 0,
) -> Joined:
    """One ``Assessed`` per result, with its categories; categories seen in the demographics
    file are all kept (so a category with nobody scored still shows)."""
    joined = Joined(unreadable_lines=unreadable_lines)
    for sex, race in demographics.values():
        joined.sexes.update([sex] if sex else [])
        joined.races.update([race] if race else [])
    for ident, record in results.items():
        sex, race = demographics.get(ident, (None, None))
        joined.without_demographics += ident not in demographics
        evaluation = record.get("evaluation") or {}
        status = record.get("status")
        overall = evaluation.get("overall")
        if status == "scored" and isinstance(overall, int | float):
            person = Assessed(ident, "scored", float(overall), evaluation.get("recommendation"),
                              sex, race)  # fmt: skip
        else:
            person = Assessed(
                ident, "error" if status == "error" else "unscored", sex=sex, race=race
            )
        joined.people.append(person)
    joined.demographics_without_result = sum(i not in results for i in demographics)
    return joined
