"""A response cache for judges: the same request to the same judge is never paid for twice.

``CachingJudge(inner, ResponseCache(path))`` satisfies the ``Judge`` protocol. The key hashes
everything that affects a judgment: judge kind, model, endpoint, output-mode preference,
temperature, seed, max_tokens, the rendered messages, the judgment schema, the rubric content
(question and its dimensions) and the prompt-template hash. Only validated judgments are stored
(a failure raises and is never cached). A hit returns the stored judgment with the original
model, endpoint and output mode, ``attempts=0`` and zero tokens: nothing was sent or paid.

The store is one SQLite file in WAL mode (stdlib ``sqlite3``), safe to share between threads of
one process and between processes (a batch and its re-run after a crash).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from answer_eval.evaluation import ReviewFlag
from answer_eval.judges.contract import Judge, JudgeReply, JudgeRequest, JudgeSettings, JudgeWrapper
from answer_eval.judges.retry import RetryHook
from answer_eval.judgment import JudgmentError, parse_judgment

__all__ = ["DEFAULT_CACHE_PATH", "CachingJudge", "ResponseCache", "cache_key"]

DEFAULT_CACHE_PATH = Path(".answer-eval-cache/responses.sqlite3")
_KEY_VERSION = 1


def cache_key(settings: JudgeSettings, request: JudgeRequest) -> str:
    """SHA-256 over the judge's settings and everything in ``request`` that shapes the reply.

    The settings hold the output-mode *preference*, not the mode learned so far: a key must not
    change once the judge has found that an endpoint rejects json_schema.
    """
    payload = {
        "v": _KEY_VERSION,
        "judge": settings.model_dump(mode="json"),
        "messages": list(request.messages),
        "schema": request.schema,
        "rubric_hash": _rubric_hash(request),
        "prompt_hash": request.prompt_hash,
    }
    return hashlib.sha256(_canonical(payload)).hexdigest()


_RUBRIC_HASHES: dict[int, tuple[object, str]] = {}


def _rubric_hash(request: JudgeRequest) -> str:
    """The question and its dimensions, hashed once per (frozen) question object."""
    known = _RUBRIC_HASHES.get(id(request.question))
    if known is not None and known[0] is request.question:
        return known[1]
    rubric = {
        "question": request.question.model_dump(mode="json"),
        "dimensions": [d.model_dump(mode="json") for d in request.dimensions],
    }
    digest = hashlib.sha256(_canonical(rubric)).hexdigest()
    if len(_RUBRIC_HASHES) > 1024:
        _RUBRIC_HASHES.clear()
    _RUBRIC_HASHES[id(request.question)] = (request.question, digest)
    return digest


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class ResponseCache:
    """Judgments by cache key, in a SQLite file (created with its folder on first use)."""

    def __init__(self, path: str | Path = DEFAULT_CACHE_PATH) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a killed process loses nothing committed; a power cut may lose the newest
        # entries, which a cache can afford.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS responses ("
            " key TEXT PRIMARY KEY, judgment TEXT NOT NULL, meta TEXT NOT NULL,"
            " created_at REAL NOT NULL)"
        )
        self._db.commit()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """The stored judgment JSON and its metadata, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT judgment, meta FROM responses WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return str(row[0]), dict(json.loads(row[1]))

    def put(self, key: str, judgment_json: str, meta: dict[str, Any]) -> None:
        """Store a judgment (the first one stored for a key wins)."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO responses (key, judgment, meta, created_at)"
                " VALUES (?, ?, ?, ?)",
                (key, judgment_json, json.dumps(meta, sort_keys=True), time.time()),
            )
            self._db.commit()

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


_META = ("model", "output_mode", "mode_fallback", "endpoint", "temperature", "seed", "max_tokens")


class CachingJudge(JudgeWrapper):
    """A judge that answers from ``cache`` when it can and asks ``inner`` otherwise.

    Everything else (kind, settings, closing, the retry hook) is the inner judge's, through
    ``JudgeWrapper``. ``cache.hits`` and ``cache.misses`` count lookups.
    """

    def __init__(self, inner: Judge, cache: ResponseCache) -> None:
        super().__init__(inner)
        self.cache = cache

    def _lookup(self, request: JudgeRequest) -> tuple[str, JudgeReply | None]:
        key = cache_key(self.inner.settings, request)
        found = self.cache.get(key)
        if found is None:
            return key, None
        judgment_json, meta = found
        try:
            judgment = parse_judgment(json.loads(judgment_json), request.question)
            flags = tuple(ReviewFlag.model_validate(f) for f in meta.get("review_flags") or ())
        except (JudgmentError, ValueError):  # a stale or damaged entry: ask again
            return key, None
        return key, JudgeReply(
            judgment=judgment,
            model=str(meta.get("model")),
            output_mode=str(meta.get("output_mode")),
            mode_fallback=meta.get("mode_fallback"),
            attempts=0,
            latency_ms=0.0,
            endpoint=meta.get("endpoint"),
            temperature=meta.get("temperature"),
            seed=meta.get("seed"),
            max_tokens=meta.get("max_tokens"),
            review_flags=flags,
        )

    def _store(self, key: str, reply: JudgeReply) -> None:
        meta = {k: getattr(reply, k) for k in _META}
        meta["usage"] = reply.usage.model_dump()
        meta["review_flags"] = [f.model_dump(mode="json") for f in reply.review_flags]
        self.cache.put(key, reply.judgment.model_dump_json(), meta)

    def judge(self, request: JudgeRequest, *, on_retry: RetryHook | None = None) -> JudgeReply:
        """The cached reply, or the inner judge's (then stored)."""
        key, hit = self._lookup(request)
        if hit is not None:
            return hit
        reply = self.inner.judge(request, on_retry=on_retry)
        self._store(key, reply)
        return reply

    async def ajudge(
        self, request: JudgeRequest, *, on_retry: RetryHook | None = None
    ) -> JudgeReply:
        """Async twin of ``judge`` (SQLite calls are local and short; they run inline)."""
        key, hit = self._lookup(request)
        if hit is not None:
            return hit
        reply = await self.inner.ajudge(request, on_retry=on_retry)
        self._store(key, reply)
        return reply
