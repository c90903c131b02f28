"""A progress line for long commands: one self-rewriting stderr line (TTY only by default)."""

from __future__ import annotations

import time
from typing import IO, Any

from answer_eval.batch.summary import Summary

__all__ = ["Progress"]


class Progress:
    """Done, failed, rate, ETA and tokens, redrawn at most five times a second."""

    def __init__(self, stream: IO[str], total: int | None, summary: Summary) -> None:
        self.stream, self.total, self.summary = stream, total, summary
        self.done = self.failed = 0
        self.started = self._drawn = time.monotonic()

    def __call__(self, flat: dict[str, Any]) -> None:
        self.done += 1
        self.failed += flat.get("status") != "scored"
        if time.monotonic() - self._drawn >= 0.2:
            self.draw()

    def draw(self, end: str = "") -> None:
        """Redraw the line now; ``end="\\n"`` leaves it on screen."""
        self._drawn = now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        line = f"done {self.done}" + (f"/{self.total}" if self.total is not None else "")
        line += f"  failed {self.failed}  {rate:.1f}/s"
        if self.total is not None and rate > 0:
            line += f"  ETA {_duration(max(0, self.total - self.done) / rate)}"
        tokens = self.summary.prompt_tokens + self.summary.completion_tokens
        self.stream.write(f"\r{line}  tokens {tokens:,}\x1b[K{end}")
        self.stream.flush()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m{secs:02d}s"
