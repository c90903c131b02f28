"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for fault tests (stdlib only).

Each POST to ``/v1/chat/completions`` takes the next ``Reply`` from the script (the last one
repeats once the script runs out) and records the request body, so tests can count requests and
see which output mode each one asked for::

    with FaultServer() as server:
        server.script(Reply.error(429, headers={"Retry-After": "2"}), Reply.ok(content))
        judge = OpenAIJudge(model="m", base_url=server.url)

``server.route({"json_schema": Reply.error(500), "json_object": Reply.ok(content)})`` answers
by the output mode a request asks for instead, always the same way (an endpoint that cannot
serve one mode while serving another).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FaultServer", "Reply", "completion"]


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    model: str = "fault-model-2024",
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
    cached_tokens: int | None = None,
) -> dict[str, Any]:
    """A chat completion body as an OpenAI-compatible endpoint returns it."""
    usage: dict[str, Any] = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }
    if cached_tokens is not None:
        usage["prompt_tokens_details"] = {"cached_tokens": cached_tokens}
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "finish_reason": finish_reason,
            }
        ],
        "usage": usage,
    }


@dataclass(frozen=True)
class Reply:
    """One scripted answer: status, JSON body, headers, a delay before answering, and ``drip``:
    seconds between single bytes of the body (a server that never stops sending)."""

    status: int = 200
    body: Any = None  # JSON-encoded, unless it is bytes (sent as they are)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0

    @classmethod
    def ok(
        cls, content: str | None, *, delay: float = 0.0, drip: float = 0.0, **fields: Any
    ) -> Reply:
        """A 200 with a completion whose message content is ``content``."""
        return cls(body=completion(content, **fields), delay=delay, drip=drip)

    @classmethod
    def error(cls, status: int, message: str = "scripted failure", **kwargs: Any) -> Reply:
        """An error in the OpenAI error format."""
        body = {"error": {"message": message, "type": "server_error", "param": None, "code": None}}
        return cls(status=status, body=body, **kwargs)


class FaultServer:
    """A threaded HTTP server on an ephemeral port that answers from a script."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.request_headers: list[dict[str, str]] = []
        self.arrivals: list[float] = []  # time.monotonic() of each request
        self._script: list[Reply] = []
        self._routes: dict[str, Reply] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """Base URL to give the client (``.../v1``)."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, *replies: Reply) -> None:
        """Replace the script: one reply per request, the last one repeating."""
        with self._lock:
            self._script, self._routes = list(replies), {}

    def route(self, replies: dict[str, Reply]) -> None:
        """Answer every request in output mode ``m`` with ``replies[m]`` (599 for others)."""
        with self._lock:
            self._script, self._routes = [], dict(replies)

    def modes(self) -> list[str]:
        """The output mode each recorded request asked for."""
        return [_mode(body) for body in self.requests]

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()  # cuts short any handler still sleeping out a delay
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _next(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(body)
            self.request_headers.append(headers)
            self.arrivals.append(time.monotonic())
            if self._routes:
                return self._routes.get(_mode(body), Reply.error(599, "no route for this mode"))
            if not self._script:
                return Reply.error(599, "the test script is empty")
            return self._script.pop(0) if len(self._script) > 1 else self._script[0]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server._next(json.loads(raw or b"{}"), headers)
                if reply.delay and server._stopping.wait(reply.delay):
                    return
                raw_body = isinstance(reply.body, bytes)
                payload = reply.body if raw_body else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if not reply.drip:
                        self.wfile.write(payload)
                    else:  # the client gives up mid-body: never read another request from it
                        self.close_connection = True
                    for index in range(len(payload) if reply.drip else 0):
                        self.wfile.write(payload[index : index + 1])
                        self.wfile.flush()
                        if server._stopping.wait(reply.drip):
                            return
                except (BrokenPipeError, ConnectionResetError):  # the client timed out already
                    self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def _mode(body: dict[str, Any]) -> str:
    response_format = body.get("response_format")
    return str(response_format["type"]) if response_format else "text"


def iter_messages(body: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(role, content) of each message a request sent."""
    for message in body.get("messages", []):
        yield message["role"], message["content"]
