"""Reading a results log (JSONL written by ``answer-eval batch``) for reports and exports.

``read_results`` keeps the latest record of each answer (``batch.log``), in input-row order, and
refuses files that are not results logs with one line saying what the file looks like instead:
a CSV (an input file or a CSV export), an answers file (``batch``'s input), or text that is not
JSON at all. A torn last line (a batch still writing, or killed mid-line) is skipped and counted.

Each ``ResultRecord`` carries the parsed ``Evaluation`` (scored or unscored), the carried input
fields (``extra``), the candidate's name when a carried field holds one, and the answer text
when the log holds it (batch writes it unless ``--no-answer-text``) or an input file gives it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from answer_eval.batch.log import LatestRecords, record_row
from answer_eval.errors import InputError
from answer_eval.evaluation import Evaluation

__all__ = [
    "CANDIDATE_FIELDS",
    "ResultRecord",
    "Results",
    "answers_from_input",
    "read_results",
    "with_answers",
]

CANDIDATE_FIELDS = ("candidate", "candidate_name", "name", "full_name", "applicant")
"""Carried input fields that name the candidate, tried in this order."""

_STATUSES = frozenset({"scored", "unscored", "error"})


@dataclass(frozen=True)
class ResultRecord:
    """One answer's latest outcome in a results log."""

    id: str | None
    row: int
    status: str
    evaluation: Evaluation | None
    error: str | None = None
    question_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    answer: str | None = None
    candidate: str | None = None

    @property
    def label(self) -> str:
        """The answer's id, or its input row when it has none."""
        return self.id if self.id is not None else f"row {self.row}"

    @property
    def review_reasons(self) -> list[tuple[str, str]]:
        """(code, message) of each reason for a human to look, the offline-judge label left out
        (it is on every offline result and said once for the whole report)."""
        if self.evaluation is None:
            return [("error", self.error or "the row could not be judged")]
        return [
            (f.code, f.message) for f in self.evaluation.review_flags if f.code != "offline_judge"
        ]


@dataclass(frozen=True)
class Results:
    """The answers of a results log, and what was skipped while reading it."""

    path: Path
    records: list[ResultRecord]
    torn_lines: int = 0
    superseded: int = 0

    @property
    def judges(self) -> set[str]:
        """The kinds of judge behind the evaluations (``openai``, ``offline``, ...)."""
        return {r.evaluation.provenance.judge for r in self.records if r.evaluation is not None}


def _refuse(path: Path, why: str) -> InputError:
    return InputError(
        f"{path} is not a results log: {why}; 'report' and 'export' read the JSONL file written "
        "by 'answer-eval batch INPUT -o results.jsonl'"
    )


def _candidate(extra: Mapping[str, Any], field_name: str | None) -> str | None:
    names = (field_name,) if field_name else CANDIDATE_FIELDS
    for name in names:
        value = extra.get(name)
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
    return None


def _record(data: Mapping[str, Any], where: str, candidate_field: str | None) -> ResultRecord:
    evaluation = None
    if data["status"] != "error":
        try:
            evaluation = Evaluation.model_validate(data.get("evaluation"))
        except ValidationError as exc:
            problem = exc.errors(include_url=False)[0]
            loc = ".".join(str(part) for part in problem["loc"]) or "evaluation"
            raise InputError(
                f"{where}: the evaluation is not valid ({loc}: {problem['msg']})"
            ) from exc
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    answer = data.get("answer")
    return ResultRecord(
        id=None if data.get("id") in (None, "") else str(data["id"]),
        row=record_row(data),
        status=str(data["status"]),
        evaluation=evaluation,
        error=str(data["error"]) if data.get("error") else None,
        question_id=evaluation.question_id if evaluation else data.get("question_id"),
        extra=dict(extra or {}),
        answer=answer if isinstance(answer, str) else None,
        candidate=_candidate(extra or {}, candidate_field),
    )


def read_results(path: Path, *, candidate_field: str | None = None) -> Results:
    """The latest record of each answer in the results log ``path``, in input-row order.

    Raises ``InputError`` for a file that cannot be read or is not a results log.
    """
    if path.suffix.lower() in (".csv", ".tsv"):
        raise _refuse(path, "it is a CSV file (an input file, or a CSV export of results)")
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        raise InputError(f"cannot read results file {path}: {exc.strerror or exc}") from exc
    latest: LatestRecords[ResultRecord] = LatestRecords()
    torn = total = 0
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
        except ValueError:
            if number - 1 == last and total:  # a torn last line: a batch still writing
                torn += 1
                continue
            raise _refuse(path, f"line {number} is not JSON") from None
        if not isinstance(data, dict) or data.get("status") not in _STATUSES or "row" not in data:
            if isinstance(data, dict) and "answer" in data and "status" not in data:
                raise _refuse(path, f"line {number} is an answer to judge (an input file)")
            raise _refuse(path, f"line {number} is not a batch result record")
        latest.put(data, _record(data, where, candidate_field))
        total += 1
    if total == 0:
        raise _refuse(path, "it holds no result records")
    records = sorted(latest.values(), key=lambda r: (r.row, r.label))
    return Results(path, records, torn_lines=torn, superseded=total - len(records))


def answers_from_input(records: Iterable[tuple[str, dict[str, Any]]], id_field: str,
                       answer_field: str) -> dict[str, str]:  # fmt: skip
    """Answer texts by id from an input file's records (``batch.input.read_records``)."""
    answers: dict[str, str] = {}
    for _, record in records:
        ident, text = record.get(id_field), record.get(answer_field)
        if ident is not None and isinstance(text, str):
            answers.setdefault(str(ident), text)
    return answers


def with_answers(results: Results, answers: Mapping[str, str]) -> Results:
    """``results`` with answer texts filled in from ``answers`` where the log has none."""
    records = [
        r
        if r.answer is not None or r.id is None or r.id not in answers
        else replace(r, answer=answers[r.id])
        for r in results.records
    ]
    return replace(results, records=records)
