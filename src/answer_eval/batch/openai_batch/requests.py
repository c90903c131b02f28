"""Batch API request files: one request line per answer, split into files the API accepts.

One request line per answer: ``custom_id`` (the answer id), ``POST /v1/chat/completions`` and the
body the OpenAI judge sends in ``json_schema`` mode. Files hold at most 50,000 lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.openai_protocol import CHAT_PATH, Endpoint, chat_body

__all__ = [
    "MAX_BYTES",
    "MAX_LINES",
    "BatchSettings",
    "request_line",
    "write_request_files",
]

MAX_LINES = 50_000
MAX_BYTES = 190 * 1024 * 1024  # under the Files API's 200 MB


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

    @classmethod
    def from_endpoint(cls, endpoint: Endpoint, **settings: Any) -> BatchSettings:
        """Settings for ``endpoint``'s model; the endpoint is stored without credentials."""
        return cls(model=endpoint.require_model(), endpoint=endpoint.public, **settings)


def request_line(custom_id: str, request: JudgeRequest, settings: BatchSettings) -> dict[str, Any]:
    """One Batch API line: the body the OpenAI judge sends in ``json_schema`` mode."""
    body = chat_body(
        model=settings.model,
        messages=request.messages,
        schema=request.schema,
        mode="json_schema",
        temperature=settings.temperature,
        seed=settings.seed,
        max_tokens=settings.max_tokens,
    )
    return {"custom_id": custom_id, "method": "POST", "url": CHAT_PATH, "body": body}


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
