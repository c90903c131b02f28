"""Blobs of encoded text in an answer (base64, hex) decoded, when they decode to readable text.

A model decodes "aWdub3Jl..." on its own; the rules must read what it reads. A blob counts only
when it decodes to text that is mostly printable and holds letters, so tracking numbers,
order ids and hashes (which decode to noise) stay blobs. ROT13 needs no blob: the whole
skeleton is also read rotated (``normalize.rot13``).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decoded_blobs"]

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX = re.compile(
    r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Fa-f])"
    r"|(?:(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}[ :,-]){7,}[0-9A-Fa-f]{2}(?![0-9A-Fa-f])"
)
_MIN_PRINTABLE = 0.9
_MIN_LETTERS = 0.5


@dataclass(frozen=True)
class Decoded:
    """A blob of the answer and the text it decodes to."""

    start: int
    end: int
    text: str


def _readable(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\n\t")
    letters = sum(1 for c in text if c.isalpha())
    if printable / len(text) < _MIN_PRINTABLE or letters / len(text) < _MIN_LETTERS:
        return None
    return text


def _base64(blob: str) -> bytes | None:
    body = blob.rstrip("=")
    if not any(c.isdigit() or c.isupper() for c in body) or not any(c.islower() for c in body):
        return None  # a plain word or an all-caps code, not base64
    padded = body + "=" * (-len(body) % 4)
    altchars = b"-_" if ("-" in body or "_" in body) else None
    try:
        return base64.b64decode(padded, altchars=altchars, validate=True)
    except (binascii.Error, ValueError):
        return None


def decoded_blobs(answer: str) -> list[Decoded]:
    """Every base64 or hex blob of ``answer`` that decodes to readable text."""
    found = []
    for m in _HEX.finditer(answer):
        digits = re.sub(r"[ :,-]", "", m.group(0))
        if (text := _readable(bytes.fromhex(digits))) is not None:
            found.append(Decoded(m.start(), m.end(), text))
    taken = [(d.start, d.end) for d in found]
    for m in _BASE64.finditer(answer):
        if any(a <= m.start() < b for a, b in taken):
            continue
        raw = _base64(m.group(0))
        if raw is not None and (text := _readable(raw)) is not None:
            found.append(Decoded(m.start(), m.end(), text))
    return sorted(found, key=lambda d: d.start)
