"""A module imported on the first use of one of its names, for code that needs it only sometimes.

:mod:`mbprogram.register.aggregate` reaches the change modules through these,
so that reading a register (a report, ``mbprogram progress``) does not import
the code of every change and the rules it checks (docs/performance.md).
Type checkers see the real modules (the names are bound under
``TYPE_CHECKING``).
"""

from __future__ import annotations

import importlib

__all__ = ["DeferredModule"]


class DeferredModule:
    """The module called ``name``, imported when one of its names is first looked up."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        """Stand for the module ``name`` (nothing is imported yet)."""
        self._name = name

    def __getattr__(self, attribute: str) -> object:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"DeferredModule({self._name!r})"
