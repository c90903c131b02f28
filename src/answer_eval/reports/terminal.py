"""Terminal-safe text: nothing a candidate or a data file wrote reaches a terminal as a control.

Answers, ids and error messages are untrusted. Printed raw, an escape sequence can repaint a
recruiter's table ("\\x1b[1A" moves up a row and overwrites it), and a bidi override can make a
line read differently from what it holds. ``terminal_safe`` shows every such character as a
visible escape; every text renderer and the command line pass untrusted fields through it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["terminal_safe", "terminal_safe_lines"]

# Control (C0, DEL, C1), format (bidi marks and overrides, zero-width, BOM, tags), line and
# paragraph separators, and lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control, format or separator character (newline and tab included,
    so a field stays on its line) written as a visible escape such as ``\\x1b`` or ``\\u202e``."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNSAFE_CATEGORIES else c for c in text)


def terminal_safe_lines(text: str) -> str:
    """A multi-line rendering made safe line by line: its own line breaks stay, every control
    inside a line (an id or category name from a data file) is escaped."""
    lines = text.split("\n")
    return "\n".join(terminal_safe(line) for line in lines)
