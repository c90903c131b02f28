"""Scoring through the OpenAI Batch API (or vLLM's batch runner), resumable across invocations.

One request line per answer: ``custom_id`` (the answer id), ``POST /v1/chat/completions`` and the
body the OpenAI judge sends in ``json_schema`` mode. Files hold at most 50,000 lines. Each
invocation of ``OpenAIBatchJob.run``:

1. polls the batches a previous invocation submitted (state in ``<output>.batch-state.json``),
   downloads their output and error files, and joins them into the output;
2. when none is left running, submits the rows not yet in the output (and not running), then
   waits for those batches and joins them too (unless ``wait=False``).

Joining validates each reply with ``parse_judgment`` and grades it with ``Evaluator.finish``;
a failed request, refusal, truncation or invalid reply becomes an ``unscored`` evaluation (there
are no re-asks in a batch). Requests a batch did not run (it expired, was cancelled or failed)
are written nowhere: the next invocation submits them again, at most ``max_submissions`` times,
after which they are written as unscored ``transport``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from answer_eval.batch import pending_rows
from answer_eval.batch_io import BatchRow, OutputSink, RowError, RowResult, ScanResult, flatten
from answer_eval.batch_io import outcome_record as _record
from answer_eval.batch_summary import Summary
from answer_eval.errors import AnswerEvalError, JudgeConfigError, JudgeProtocolError
from answer_eval.evaluation import Evaluation, Usage
from answer_eval.evaluator import Evaluator
from answer_eval.judging import JudgeKind, JudgeReply, JudgeRequest
from answer_eval.judgment import JudgmentError, parse_judgment

__all__ = [
    "MAX_BYTES",
    "MAX_LINES",
    "BatchApiJudge",
    "BatchSettings",
    "OpenAIBatchJob",
    "chat_body",
    "result_outcome",
    "write_request_files",
]

MAX_LINES = 50_000
MAX_BYTES = 190 * 1024 * 1024  # under the Files API's 200 MB
URL = "/v1/chat/completions"
TERMINAL = {"completed", "expired", "failed", "cancelled"}
# Error codes of requests a batch never ran: submitted again by the next invocation.
NOT_RUN = {"batch_expired", "batch_cancelled", "batch_failed"}


@dataclass(frozen=True)
class BatchSettings:
    """The judge settings each request carries, and how batches are run."""

    model: str
    temperature: float | None = 0.0
    seed: int | None = None
    max_tokens: int | None = 2048
    endpoint: str | None = None
    completion_window: str = "24h"
    max_lines: int = MAX_LINES
    max_bytes: int = MAX_BYTES
    max_submissions: int = 3


class BatchApiJudge:
    """Stands for the model behind a Batch API in provenance; it cannot judge one at a time."""

    kind: JudgeKind = "openai"

    def __init__(self, settings: BatchSettings) -> None:
        self.model, self.endpoint = settings.model, settings.endpoint

    def judge(self, request: JudgeRequest) -> JudgeReply:
        """Always raises: answers go through the Batch API."""
        raise JudgeConfigError("this judge stands for a Batch API; it cannot judge directly")

    async def ajudge(self, request: JudgeRequest) -> JudgeReply:
        """Always raises: answers go through the Batch API."""
        return self.judge(request)


def chat_body(request: JudgeRequest, settings: BatchSettings) -> dict[str, Any]:
    """The chat completion request the OpenAI judge sends in ``json_schema`` mode."""
    body: dict[str, Any] = {
        "model": settings.model,
        "messages": [dict(m) for m in request.messages],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "judgment", "strict": True, "schema": request.schema},
        },
    }
    for key in ("temperature", "seed", "max_tokens"):
        if getattr(settings, key) is not None:
            body[key] = getattr(settings, key)
    return body


def write_request_files(
    lines: Iterable[dict[str, Any]],
    folder: Path,
    *,
    max_lines: int = MAX_LINES,
    max_bytes: int = MAX_BYTES,
    prefix: str = "requests",
) -> Iterator[tuple[Path, list[str]]]:
    """Write request lines to ``folder/<prefix>-0001.jsonl``...; yield each file and its ids.

    A file ends at ``max_lines`` lines or before it would pass ``max_bytes`` (the API takes
    50,000 requests and 200 MB per file; a judge request is ~13 kB, so bytes bind first).
    """
    number, ids, size, handle, path = 0, [], 0, None, folder / "unused"
    for line in lines:
        data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        if handle is not None and (len(ids) >= max_lines or size + len(data) > max_bytes):
            handle.close()
            yield path, ids
            ids, size, handle = [], 0, None
        if handle is None:
            folder.mkdir(parents=True, exist_ok=True)
            number += 1
            path = folder / f"{prefix}-{number:04d}.jsonl"
            handle = path.open("wb")
        handle.write(data)
        size += len(data)
        ids.append(str(line["custom_id"]))
    if handle is not None:
        handle.close()
        yield path, ids


def _message(entry: dict[str, Any]) -> str:
    body = (entry.get("response") or {}).get("body") or {}
    error = entry.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
    if not isinstance(error, dict):
        return str(error)
    return str(error.get("message") or error.get("code") or "no detail")


def result_outcome(
    evaluator: Evaluator,
    request: JudgeRequest,
    row: BatchRow,
    entry: dict[str, Any],
    settings: BatchSettings,
) -> Evaluation | None:
    """Grade one Batch API result line; None when the batch never ran that request."""

    def unscored(reason: str, detail: str) -> Evaluation:
        error = JudgeProtocolError(reason, detail, attempts=1)
        return evaluator.unscored(request, error, 0.0, answer_id=row.id)

    error, response = entry.get("error"), entry.get("response") or {}
    if isinstance(error, dict) and error.get("code") in NOT_RUN:
        return None
    status = response.get("status_code")
    if error or status != 200:
        reason = "transport" if status is None or status == 429 or status >= 500 else "error"
        return unscored(reason, f"batch request failed (HTTP {status}): {_message(entry)}")
    body = response.get("body") or {}
    try:
        choice = body["choices"][0]
        message, finish = choice["message"], choice.get("finish_reason")
    except (KeyError, IndexError, TypeError):
        return unscored("invalid_output", "the batch result has no chat completion choice")
    if message.get("refusal"):
        return unscored("refusal", f"the model refused: {message['refusal']}")
    if finish in ("length", "content_filter"):
        reason = "truncated" if finish == "length" else "content_filter"
        return unscored(reason, f"the completion stopped: finish_reason {finish}")
    try:
        judgment = parse_judgment(json.loads(message.get("content") or ""), request.question)
    except (ValueError, JudgmentError) as exc:
        return unscored("invalid_output", f"invalid judgment (no re-ask in a batch): {exc}")
    usage = body.get("usage") or {}
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
    tokens = Usage(
        prompt_tokens=usage.get("prompt_tokens") or 0,
        completion_tokens=usage.get("completion_tokens") or 0,
        cached_tokens=cached,
    )
    reply = JudgeReply(
        judgment=judgment,
        model=str(body.get("model") or settings.model),
        output_mode="json_schema",
        usage=tokens,
        endpoint=settings.endpoint,
        temperature=settings.temperature,
        seed=settings.seed,
        max_tokens=settings.max_tokens,
    )
    return evaluator.finish(request, reply, answer_id=row.id)


def _index(files: Iterable[Path]) -> dict[str, tuple[Path, int, bool]]:
    """custom_id -> where its result line is; a line that ran beats one the batch never ran."""
    index: dict[str, tuple[Path, int, bool]] = {}
    for path in files:
        offset = 0
        with path.open("rb") as handle:
            for raw in handle:
                try:
                    entry = json.loads(raw)
                    cid = str(entry["custom_id"])
                    error = entry.get("error")
                    ran = not (isinstance(error, dict) and error.get("code") in NOT_RUN)
                except (ValueError, KeyError, TypeError):
                    offset += len(raw)
                    continue
                if cid not in index or (ran and not index[cid][2]):
                    index[cid] = (path, offset, ran)
                offset += len(raw)
    return index


def _read_at(path: Path, offset: int) -> dict[str, Any]:
    with path.open("rb") as handle:
        handle.seek(offset)
        return dict(json.loads(handle.readline()))


class OpenAIBatchJob:
    """Submits, polls and joins Batch API work for one output file (see the module docstring).

    ``rows`` is a callable giving a fresh iterator over the input rows (it is read more than
    once). ``client`` is an ``openai.OpenAI`` (or compatible); not needed to write request
    files or to join result files.
    """

    def __init__(
        self,
        evaluator: Evaluator,
        settings: BatchSettings,
        rows: Callable[[], Iterable[BatchRow | RowError]],
        sink: OutputSink,
        scan: ScanResult,
        summary: Summary,
        *,
        state_path: Path,
        work_dir: Path,
        client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] = print,
    ) -> None:
        self.evaluator, self.settings, self.rows = evaluator, settings, rows
        self.sink, self.scan, self.summary = sink, scan, summary
        self.state_path, self.work_dir = state_path, work_dir
        self.client, self.sleep, self.log = client, sleep, log
        self.state: dict[str, Any] = {"version": 1, "batches": [], "submissions": {}}
        if state_path.exists():
            self.state = json.loads(state_path.read_text(encoding="utf-8"))

    # ------------------------------------------------------------------ state and output

    def _save(self) -> None:
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(self.state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.state_path)

    def _write(self, outcome: RowResult | RowError) -> None:
        if isinstance(outcome, RowError):
            if (outcome.row, outcome.id) in self.scan.done_errors:
                return
            self.scan.done_errors.add((outcome.row, outcome.id))
        else:
            self.scan.done_ids.add(outcome.id)
        record = _record(outcome)
        self.sink.write(record)
        self.summary.add(flatten(record))

    def _requests(self, wanted: Callable[[str], bool]) -> Iterator[tuple[BatchRow, JudgeRequest]]:
        """Pending rows with their judge requests; rows in error are written on the way."""
        for row in pending_rows(self.rows(), self.scan):
            if isinstance(row, RowError):
                self._write(row)
            elif wanted(row.id):
                try:
                    yield row, self.evaluator.request(row.question_id, row.answer)
                except AnswerEvalError as exc:
                    message = f"row {row.row}: {exc}"
                    self._write(RowError(row.row, row.id, message, row.question_id, row.extra))

    # ------------------------------------------------------------------ phases

    def request_lines(self) -> Iterator[dict[str, Any]]:
        """The Batch API request line of every row still to judge."""
        submissions: dict[str, int] = self.state["submissions"]
        for row, request in self._requests(lambda _: True):
            if submissions.get(row.id, 0) >= self.settings.max_submissions:
                failure = JudgeProtocolError(
                    "transport", f"not run by {submissions[row.id]} batch submissions", attempts=0
                )
                evaluation = self.evaluator.unscored(request, failure, 0.0, answer_id=row.id)
                self._write(RowResult(row.row, row.id, evaluation, row.extra))
                continue
            body = chat_body(request, self.settings)
            yield {"custom_id": row.id, "method": "POST", "url": URL, "body": body}

    def join(self, files: Iterable[Path]) -> int:
        """Join result files (output and error) into the output; returns the rows written."""
        index, joined = _index(files), 0
        for row, request in self._requests(lambda ident: ident in index):
            path, offset, _ = index[row.id]
            entry = _read_at(path, offset)
            evaluation = result_outcome(self.evaluator, request, row, entry, self.settings)
            if evaluation is not None:  # None: the batch never ran it; submitted again later
                self._write(RowResult(row.row, row.id, evaluation, row.extra))
                joined += 1
        return joined

    def submit(self) -> int:
        """Write, upload and create batches for every row still to judge; returns their count."""
        count = 0
        self.state["rounds"] = self.state.get("rounds", 0) + 1
        folder = self.work_dir / f"round-{self.state['rounds']:03d}"
        settings = self.settings
        files = write_request_files(
            self.request_lines(), folder, max_lines=settings.max_lines, max_bytes=settings.max_bytes
        )
        for path, ids in files:
            with path.open("rb") as handle:
                uploaded = self.client.files.create(file=(path.name, handle), purpose="batch")
            entry: dict[str, Any] = {
                "id": None,
                "input_file_id": uploaded.id,
                "request_file": str(path),
                "custom_ids": ids,
                "status": "uploaded",
                "results": [],
                "joined": False,
            }
            self.state["batches"].append(entry)
            for cid in ids:
                self.state["submissions"][cid] = self.state["submissions"].get(cid, 0) + 1
            self._save()
            self._create(entry)
            count += len(ids)
        return count

    def _create(self, entry: dict[str, Any]) -> None:
        batch = self.client.batches.create(
            input_file_id=entry["input_file_id"],
            endpoint=URL,
            completion_window=self.settings.completion_window,
            metadata={"source": "answer-eval", "request_file": Path(entry["request_file"]).name},
        )
        entry.update(id=batch.id, status=batch.status)
        self._save()
        self.log(f"openai batch: created {batch.id} ({len(entry['custom_ids'])} requests)")

    def poll(self, *, wait: bool, poll_interval: float) -> int:
        """Poll active batches until they end (or once); download and join the ended ones."""
        while True:
            active = [b for b in self.state["batches"] if not b["joined"]]
            for entry in active:
                if entry["id"] is None:  # uploaded, but the batch was never created
                    self._create(entry)
                batch = self.client.batches.retrieve(entry["id"])
                entry["status"] = batch.status
                if batch.status in TERMINAL:
                    self._download(entry, batch)
                    joined = self.join(Path(p) for p in entry["results"])
                    entry["joined"] = True
                    self._save()
                    left = sum(c not in self.scan.done_ids for c in entry["custom_ids"])
                    again = f", {left} not run (submitted again next time)" if left else ""
                    self.log(f"openai batch: {entry['id']} {batch.status}: {joined} joined{again}")
            running = [b["id"] for b in self.state["batches"] if not b["joined"]]
            if not running or not wait:
                return len(running)
            self.log(f"openai batch: waiting for {', '.join(running)}")
            self.sleep(poll_interval)

    def _download(self, entry: dict[str, Any], batch: Any) -> None:
        for kind in ("output_file_id", "error_file_id"):
            file_id = getattr(batch, kind, None)
            if file_id:
                path = self.work_dir / f"{entry['id']}-{kind.split('_')[0]}.jsonl"
                self.client.files.content(file_id).write_to_file(path.with_suffix(".part"))
                os.replace(path.with_suffix(".part"), path)
                entry["results"].append(str(path))

    def run(self, *, wait: bool = True, poll_interval: float = 30.0) -> int:
        """One invocation: poll earlier batches, else submit new ones; returns rows pending."""
        self.work_dir.mkdir(parents=True, exist_ok=True)
        if any(not b["joined"] for b in self.state["batches"]) or self.submit():
            self.poll(wait=wait, poll_interval=poll_interval)
        return self.pending()

    def pending(self) -> int:
        """Rows neither in the output nor reported as errors."""
        return sum(
            isinstance(r, BatchRow) and (r.row, r.id) not in self.scan.done_errors
            for r in pending_rows(self.rows(), self.scan)
        )
