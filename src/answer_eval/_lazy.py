"""Package faces that import on first use: ``import answer_eval`` stays cheap.

A face lists its public names and the module each lives in; ``lazy_face`` returns the module's
``__getattr__`` and ``__dir__``, which import that module the first time a name is read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_face"]


def lazy_face(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose ``names`` map a name to its module."""

    def get(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # later reads skip this hook
        return value

    def listing() -> list[str]:
        return sorted({*namespace.get("__all__", ()), *names})

    return get, listing
