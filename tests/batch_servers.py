"""Local stand-ins for an OpenAI-compatible server, for batch tests and benchmarks.

``StubServer`` serves, on 127.0.0.1 (port 0), in threads that really hold many requests at once:

* ``POST /v1/chat/completions``: a valid judgment built from the request's ``response_format``
  JSON schema (or, without one, from the question id in the rendered prompt), after
  ``latency`` seconds; faults at given rates (429 with Retry-After, 500, malformed replies),
  decided deterministically from ``seed``, the request's messages and how often they were seen;
* the Files and Batches APIs (upload, file content, create, retrieve), processing a batch after
  ``polls_to_complete`` retrievals, optionally expiring it after ``expire_after`` requests,
  failing the first ``fail_batches`` batches, or failing given custom ids.

Run ``python tests/batch_servers.py --latency 0.2`` to serve chat completions from another
process (benchmarks), on asyncio rather than threads so the stub itself costs little CPU: it
prints the port, then serves until killed.
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import hashlib
import itertools
import json
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from answer_eval.judgment import judgment_schema
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = ("difficult-customer-issue", "fussy-customer")
_BOUNDARY = re.compile(r"BEGIN (ANSWER-[0-9A-F]+)")
_QUESTION = re.compile(r"Question \(([a-z0-9_-]+)\)")


def small_library(folder: Path) -> Path:
    """A two-question copy of the shipped rubric library, immune to edits of the others."""
    (folder / "questions").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "rubrics" / "rubric-set.yaml", folder / "rubric-set.yaml")
    for qid in QUESTIONS:
        data = yaml.safe_load((REPO / "rubrics" / "questions" / f"{qid}.yaml").read_text("utf-8"))
        data["related"] = [q for q in data.get("related", []) if q in QUESTIONS]
        (folder / "questions" / f"{qid}.yaml").write_text(yaml.safe_dump(data), "utf-8")
    return folder


def value_from_schema(
    schema: dict[str, Any], name: str = "", root: dict[str, Any] | None = None
) -> Any:
    """The stub's judgment: evidence [], score 3, verdict not_met, flags false, STAR parts null."""
    root = root or schema
    if "$ref" in schema:  # a local reference, "#/$defs/name"
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return value_from_schema(target, name, root)
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "enum" in schema:
        return "not_met" if "not_met" in schema["enum"] else schema["enum"][0]
    if "object" in kinds:
        props = schema.get("properties", {})
        required = schema.get("required", list(props))
        return {k: value_from_schema(props[k], k, root) for k in required}
    if "array" in kinds:
        return []
    if "integer" in kinds or name == "score":
        return 3
    if "null" in kinds:
        return None
    if "boolean" in kinds:
        return False
    return "stub"


@dataclass
class StubConfig:
    """What the stub does; change fields between runs (guarded by the server's lock)."""

    latency: float = 0.0
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_malformed: float = 0.0
    seed: int = 0
    retry_after: str = "0"
    polls_to_complete: int = 1
    expire_after: int | None = None
    fail_batches: int = 0
    fail_ids: set[str] = field(default_factory=set)


class StubServer:
    """The server; a context manager. ``port``, ``base_url``, counters below."""

    def __init__(
        self, config: StubConfig | None = None, rubric_set: RubricSet | None = None
    ) -> None:
        self.config = config or StubConfig()
        self.rubric_set = rubric_set
        self.lock = threading.RLock()
        self.requests = 0
        self.by_answer: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.seen: Counter[str] = Counter()
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.batch_lines: Counter[str] = Counter()
        self._ids = itertools.count(1)
        stub = self

        class Handler(_Handler):
            server_stub = stub

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
        self.httpd.daemon_threads = True
        self.httpd.request_queue_size = 512
        self.httpd.server_bind()
        self.httpd.server_activate()
        self.port = int(self.httpd.server_address[1])
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def next_id(self, prefix: str) -> str:
        with self.lock:
            return f"{prefix}-{next(self._ids)}"

    # ------------------------------------------------------------------ chat

    def _fault(self, text: str) -> str | None:
        c = self.config
        if not (c.rate_429 or c.rate_500 or c.rate_malformed):
            return None
        key = hashlib.sha256(text.encode()).hexdigest()
        with self.lock:
            self.seen[key] += 1
            attempt = self.seen[key]
        digest = hashlib.sha256(f"{c.seed}:{key}:{attempt}".encode()).digest()
        u = int.from_bytes(digest[:4], "big") / 2**32
        for kind, rate in (
            ("429", c.rate_429),
            ("500", c.rate_500),
            ("malformed", c.rate_malformed),
        ):
            if u < rate:
                return f"{kind}:{digest[4] % 3}"
            u -= rate
        return None

    def completion(
        self, body: dict[str, Any], *, faults: bool = True, sleep: bool = True
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one chat completion (``faults``: latency and faults)."""
        messages = body.get("messages", [])
        text = "\n".join(str(m.get("content", "")) for m in messages)
        found = _BOUNDARY.search(text)
        with self.lock:  # counted on arrival, before the latency
            self.requests += 1
            self.by_answer[found.group(1) if found else "?"] += 1
        if faults and sleep and self.config.latency:
            time.sleep(self.config.latency)
        fault = self._fault(text) if faults else None
        if fault and fault.startswith("429"):
            error = {"error": {"message": "rate limited", "type": "rate_limit", "code": None}}
            return 429, {"Retry-After": self.config.retry_after}, json.dumps(error).encode()
        if fault and fault.startswith("500"):
            return 500, {}, json.dumps({"error": {"message": "boom", "type": "server"}}).encode()
        content = json.dumps(self._judgment(body, text))
        if fault == "malformed:0":
            content = "this is not JSON {"
        elif fault == "malformed:1":
            content = json.dumps({"dimensions": {}})
        elif fault == "malformed:2":
            return 200, {}, b"{not a chat completion"
        reply = {
            "id": self.next_id("chatcmpl"),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stub"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": len(text) // 4,
                "completion_tokens": len(content) // 4,
                "total_tokens": len(text) // 4 + len(content) // 4,
            },
        }
        return 200, {}, json.dumps(reply).encode()

    def _judgment(self, body: dict[str, Any], text: str) -> Any:
        fmt = body.get("response_format") or {}
        schema = (fmt.get("json_schema") or {}).get("schema") or fmt.get("schema")
        if schema is None:
            found = _QUESTION.search(text)
            with self.lock:
                if self.rubric_set is None:
                    self.rubric_set = load_rubric_set(small_library(_scratch()))
            qid = found.group(1) if found else QUESTIONS[0]
            schema = judgment_schema(self.rubric_set.question(qid))
        return value_from_schema(schema)

    # ------------------------------------------------------------------ files and batches

    def run_batch(self, batch: dict[str, Any]) -> None:
        """Process a batch's input file: write its output and error files, set its status."""
        c = self.config
        created = sum(
            1 for b in self.batches.values() if b["created_at_n"] <= batch["created_at_n"]
        )
        if created <= c.fail_batches:
            batch.update(status="failed", failed_at=int(time.time()))
            batch["errors"] = {
                "object": "list",
                "data": [{"code": "invalid", "message": "stub failure"}],
            }
            return
        out, err, done, failed = [], [], 0, 0
        for n, line in enumerate(self.files[batch["input_file_id"]][1].splitlines()):
            request = json.loads(line)
            cid = request["custom_id"]
            entry: dict[str, Any] = {"id": self.next_id("batch_req"), "custom_id": cid}
            if c.expire_after is not None and n >= c.expire_after:
                code, message = "batch_expired", "not executed before the completion window expired"
                err.append({**entry, "response": None, "error": {"code": code, "message": message}})
                failed += 1
                continue
            with self.lock:
                self.batch_lines[cid] += 1
            status, _, body = self.completion(request["body"], faults=False)
            if cid in c.fail_ids:
                status, body = 500, json.dumps({"error": {"message": "server error"}}).encode()
            response = {"status_code": status, "request_id": entry["id"], "body": json.loads(body)}
            (out if status == 200 else err).append({**entry, "response": response, "error": None})
            done, failed = done + (status == 200), failed + (status != 200)
        for name, lines in (("output_file_id", out), ("error_file_id", err)):
            if lines:
                fid = self.next_id("file")
                self.files[fid] = (
                    f"{name}.jsonl",
                    b"".join(json.dumps(x).encode() + b"\n" for x in lines),
                )
                batch[name] = fid
        expired = c.expire_after is not None and any(e["error"] for e in err)
        batch["status"] = "expired" if expired else "completed"
        batch["request_counts"] = {"total": done + failed, "completed": done, "failed": failed}


def _scratch() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="stub-rubrics-"))


class _Handler(BaseHTTPRequestHandler):
    server_stub: StubServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms delayed ACK

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # a client that was killed mid-request
            self.close_connection = True

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data).encode())

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_POST(self) -> None:
        stub = self.server_stub
        if self.path.endswith("/chat/completions"):
            status, headers, data = stub.completion(json.loads(self._body()))
            with stub.lock:
                stub.statuses[status] += 1
            self._send(status, data, headers)
        elif self.path.endswith("/files"):
            raw = (
                b"Content-Type: "
                + self.headers["Content-Type"].encode()
                + b"\r\n\r\n"
                + self._body()
            )
            message = email.message_from_bytes(raw, policy=email.policy.HTTP)
            parts = {
                p.get_param("name", header="content-disposition"): p for p in message.iter_parts()
            }
            upload = parts["file"]
            fid = stub.next_id("file")
            stub.files[fid] = (str(upload.get_filename()), upload.get_payload(decode=True))
            self._json(200, self._file_object(fid))
        elif self.path.endswith("/batches"):
            request = json.loads(self._body())
            bid = stub.next_id("batch")
            stub.batches[bid] = {
                "id": bid, "object": "batch", "endpoint": request["endpoint"],
                "input_file_id": request["input_file_id"], "completion_window": "24h",
                "status": "validating", "created_at": int(time.time()), "polls": 0,
                "created_at_n": len(stub.batches) + 1, "metadata": request.get("metadata"),
            }  # fmt: skip
            self._json(200, self._batch(bid))
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_GET(self) -> None:
        stub = self.server_stub
        if m := re.search(r"/files/([^/]+)/content$", self.path):
            self._send(200, stub.files[m.group(1)][1])
        elif m := re.search(r"/files/([^/]+)$", self.path):
            self._json(200, self._file_object(m.group(1)))
        elif m := re.search(r"/batches/([^/]+)$", self.path):
            batch = stub.batches[m.group(1)]
            with stub.lock:
                batch["polls"] += 1
                if batch["status"] in ("validating", "in_progress"):
                    batch["status"] = "in_progress"
                    if batch["polls"] >= stub.config.polls_to_complete:
                        stub.run_batch(batch)
            self._json(200, self._batch(m.group(1)))
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def _file_object(self, fid: str) -> dict[str, Any]:
        name, data = self.server_stub.files[fid]
        return {
            "id": fid, "object": "file", "bytes": len(data), "created_at": int(time.time()),
            "filename": name, "purpose": "batch", "status": "processed",
        }  # fmt: skip

    def _batch(self, bid: str) -> dict[str, Any]:
        batch = self.server_stub.batches[bid]
        return {k: v for k, v in batch.items() if k not in ("polls", "created_at_n")}


async def serve_chat(stub: StubServer, ready: Callable[[int], None]) -> None:
    """Chat completions only, on asyncio: any number of requests held at once, little CPU."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:  # HTTP/1.1 keep-alive: one request after another on a connection
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                fields = dict(line.split(":", 1) for line in head[1:] if ":" in line)
                length = int({k.lower(): v for k, v in fields.items()}.get("content-length", 0))
                body = json.loads(await reader.readexactly(length))
                if stub.config.latency:
                    await asyncio.sleep(stub.config.latency)
                status, headers, data = stub.completion(body, sleep=False)
                extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
                writer.write(
                    f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
                    f"{extra}\r\n".encode()
                    + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    ready(int(server.sockets[0].getsockname()[1]))
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    stub = StubServer(StubConfig(latency=args.latency))  # its logic; the threads stay unused
    asyncio.run(serve_chat(stub, lambda port: print(port, flush=True)))


if __name__ == "__main__":
    main()
