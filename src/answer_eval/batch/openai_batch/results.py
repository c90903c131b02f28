"""Batch API result files: finding each request's result line, and grading it.

Grading validates each reply with ``parse_judgment`` and finishes it with ``Evaluator.finish``;
a failed request, refusal, truncation or invalid reply becomes an ``unscored`` evaluation (there
are no re-asks in a batch). A request the batch did not run (it expired, was cancelled or failed)
grades as None, so the job can submit it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from answer_eval.batch.input import BatchRow
from answer_eval.batch.openai_batch.requests import BatchSettings
from answer_eval.errors import JudgeProtocolError
from answer_eval.evaluation import Evaluation
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeReply, JudgeRequest
from answer_eval.judges.openai_protocol import decode_reply, reply_text, reply_usage
from answer_eval.judgment import JudgmentError, parse_judgment

__all__ = ["NOT_RUN", "read_result", "result_index", "result_outcome"]

# Error codes of requests a batch never ran: submitted again by the next invocation.
NOT_RUN = {"batch_expired", "batch_cancelled", "batch_failed"}


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
    body = response.get("body")
    body = body if isinstance(body, dict) else {}
    try:
        judgment = parse_judgment(decode_reply(reply_text(body)), request.question)
    except JudgeProtocolError as exc:  # refusal, truncation, content filter, no choice
        return unscored(exc.reason, str(exc))
    except JudgmentError as exc:
        return unscored("invalid_output", f"invalid judgment (no re-ask in a batch): {exc}")
    reply = JudgeReply(
        judgment=judgment,
        model=str(body.get("model") or settings.model),
        output_mode="json_schema",
        usage=reply_usage(body),
        endpoint=settings.endpoint,
        temperature=settings.temperature,
        seed=settings.seed,
        max_tokens=settings.max_tokens,
    )
    return evaluator.finish(request, reply, answer_id=row.id)


def result_index(files: Iterable[Path]) -> dict[str, tuple[Path, int, bool]]:
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


def read_result(path: Path, offset: int) -> dict[str, Any]:
    with path.open("rb") as handle:
        handle.seek(offset)
        return dict(json.loads(handle.readline()))
