"""CSV cells that a spreadsheet opens as text, never as a formula (CSV injection).

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as
a formula, and a leading tab or carriage return can smuggle one past a quick look; candidate
names, ids and answers are written by outsiders. Following OWASP's advice, ``safe_cell`` puts a
single quote in front of such a text cell, which the spreadsheet shows as text.

* Numbers are left alone: an int or float, or text that reads as a number (``-3``, ``+1.5``),
  is not a formula, so score columns stay numeric.
* The quote is also put in front of text that already starts with one, so ``read_cell`` undoes
  the escaping exactly (the batch reads its own CSV output back to resume).

Machine consumers that want the raw text use ``raw=True`` (``--csv-raw``).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORMULA_STARTS", "read_cell", "safe_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*FORMULA_STARTS, "'")


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet should receive it: ``'`` + text that could start a formula."""
    if not isinstance(value, str) or not value.startswith(_ESCAPED):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def read_cell(text: str) -> str:
    """The text ``safe_cell`` was given (one escaping quote removed)."""
    if text.startswith("'") and text[1:].startswith(_ESCAPED):
        return text[1:]
    return text
