"""Scoring through the OpenAI Batch API (or vLLM's batch runner), resumable across invocations.

Request lines and their files come from ``batch_requests``; result lines are graded by
``batch_results``. Each invocation of ``OpenAIBatchJob.run``:

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
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from answer_eval.batch.files import FileBatchRun
from answer_eval.batch.input import BatchRow, RowError
from answer_eval.batch.log import record_key
from answer_eval.batch.openai_batch.requests import (
    BatchSettings,
    request_line,
    write_request_files,
)
from answer_eval.batch.openai_batch.results import read_result, result_index, result_outcome
from answer_eval.batch.output import OutputSink, RowResult, flatten
from answer_eval.batch.output import outcome_record as _record
from answer_eval.batch.resume import ScanResult, error_key
from answer_eval.batch.run import pending_rows
from answer_eval.batch.summary import Summary
from answer_eval.errors import (
    AnswerEvalError,
    InputError,
    JudgeConfigError,
    JudgeError,
    JudgeProtocolError,
)
from answer_eval.evaluation import JudgeKind
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeReply, JudgeRequest, JudgeSettings, LocalJudge
from answer_eval.judges.openai_protocol import CHAT_PATH, Endpoint
from answer_eval.judges.retry import RetryHook

__all__ = ["BatchApiJudge", "OpenAIBatchJob", "connect"]

TERMINAL = {"completed", "expired", "failed", "cancelled"}
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")


def server_id(value: object, what: str) -> str:
    """An id the server sent (a batch or file id), checked before it names a file or a URL
    path: letters, digits, ``_`` and ``-`` only, so ``../../x`` never leaves the work folder."""
    if not isinstance(value, str) or not _SAFE_ID.fullmatch(value):
        raise JudgeError(
            f"the Batch API returned an unusable {what} {str(value)[:80]!r} (expected letters, "
            "digits, '_' and '-'); nothing was written for it"
        )
    return value


class BatchApiJudge(LocalJudge):
    """Stands for the model behind a Batch API in provenance; it cannot judge one at a time."""

    kind: JudgeKind = "openai"

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = JudgeSettings(
            kind=self.kind,
            model=settings.model,
            endpoint=settings.endpoint,
            output_modes=("json_schema",),
            temperature=settings.temperature,
            seed=settings.seed,
            max_tokens=settings.max_tokens,
        )

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """Always raises: answers go through the Batch API."""
        raise JudgeConfigError("this judge stands for a Batch API; it cannot judge directly")


def connect(endpoint: Endpoint) -> Any:
    """An ``openai.OpenAI`` client for ``endpoint`` (the SDK is imported only on this path)."""
    import openai

    try:
        return openai.OpenAI(**endpoint.client_options())
    except openai.OpenAIError as exc:
        raise JudgeConfigError(f"cannot build the OpenAI client: {exc}") from exc


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

    @classmethod
    def for_file(
        cls, run: FileBatchRun, settings: BatchSettings, *, log: Callable[[str], None] = print
    ) -> OpenAIBatchJob:
        """The job for a file batch: state and work files sit next to its output file."""
        output = run.batch.output
        if run.batch.input is None or output is None:
            raise InputError(
                "--via openai-batch reads INPUT more than once and keeps its state next to the "
                "output: give an input file and --output"
            )
        evaluator = run.batch.evaluator(BatchApiJudge(settings), run.rubric)
        return cls(
            evaluator,
            settings,
            run.batch.rows,
            run.sink,
            run.scan,
            run.summary,
            state_path=output.with_name(output.name + ".batch-state.json"),
            work_dir=output.with_name(output.name + ".batch"),
            log=log,
        )

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
            if error_key(outcome) in self.scan.done_errors:
                return  # reported already: by an earlier run (without retry) or this one
            self.scan.done_errors.add(error_key(outcome))
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
                self._write(RowResult(row.row, row.id, evaluation, row.extra, row.answer))
                continue
            yield request_line(row.id, request, self.settings)

    def join(self, files: Iterable[Path]) -> int:
        """Join result files (output and error) into the output; returns the rows written."""
        index, joined = result_index(files), 0
        for row, request in self._requests(lambda ident: ident in index):
            path, offset, _ = index[row.id]
            entry = read_result(path, offset)
            evaluation = result_outcome(self.evaluator, request, row, entry, self.settings)
            if evaluation is not None:  # None: the batch never ran it; submitted again later
                self._write(RowResult(row.row, row.id, evaluation, row.extra, row.answer))
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
                "input_file_id": server_id(uploaded.id, "file id"),
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
            endpoint=CHAT_PATH,
            completion_window=self.settings.completion_window,
            metadata={"source": "answer-eval", "request_file": Path(entry["request_file"]).name},
        )
        entry.update(id=server_id(batch.id, "batch id"), status=batch.status)
        self._save()
        self.log(f"openai batch: created {batch.id} ({len(entry['custom_ids'])} requests)")

    def poll(self, *, wait: bool, poll_interval: float) -> int:
        """Poll active batches until they end (or once); download and join the ended ones."""
        while True:
            active = [b for b in self.state["batches"] if not b["joined"]]
            for entry in active:
                if entry["id"] is None:  # uploaded, but the batch was never created
                    self._create(entry)
                batch = self.client.batches.retrieve(server_id(entry["id"], "batch id"))
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
                file_id = server_id(file_id, kind.replace("_", " "))
                path = (
                    self.work_dir
                    / f"{server_id(entry['id'], 'batch id')}-{kind.split('_')[0]}.jsonl"
                )
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
            isinstance(r, BatchRow)
            and r.id not in self.scan.done_ids
            and record_key({"id": r.id}) not in self.scan.done_errors
            for r in pending_rows(self.rows(), self.scan)
        )
