"""One writer per results file: an exclusive ``flock`` on ``<output>.lock``.

Two batches appending to one output would write every answer twice. The lock file sits next to
the output (the output itself is replaced when it is compacted, so it cannot hold the lock); it
holds the owner's process id, for the message a second writer gets. The kernel releases the
lock when its process ends, however it ends, so a stale lock file never blocks anyone.
On systems without ``fcntl`` (Windows) there is no lock.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType

from answer_eval.errors import OutputLockedError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["OutputLock"]


class OutputLock:
    """The exclusive lock on one output file; a context manager.

    ``acquire`` raises ``OutputLockedError`` at once (it never waits) when another process
    holds it.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(output.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> OutputLock:
        """Take the lock, or raise ``OutputLockedError`` naming the holder."""
        if fcntl is None or self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "another process"
            os.close(fd)
            raise OutputLockedError(
                f"{self.output} is being written by another answer-eval process "
                f"(pid {holder}, lock {self.path}); wait for it to finish, or write elsewhere"
            ) from exc
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Let go of the lock (the lock file stays: removing it would race a new writer)."""
        if self._fd is None or fcntl is None:
            return
        with contextlib.suppress(OSError):
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
