"""A history read on first use: a store's entries, decoded only when something asks for them.

Reading a store's history (about a thousand entries in the demo's, each a
whole record before and after) costs most of a load, and a report does not
use it. A store can therefore hand the register a :class:`DeferredHistory`:
the entries' count, and a function that reads the entries from what the store
read in the same transaction as the records. The register holds it as its
history; the first use of the history (:attr:`RegisterState.history
<mbprogram.register.state.RegisterState.history>`: a change, a check of the
chain, a save, ``known_at``) reads every entry, and the entries are then kept.

Nothing can be lost by not reading: the function reads all the entries the
store held when the records were read, or raises (a
:class:`~mbprogram.exceptions.DocumentError` naming each bad entry by its path,
``history[i].after…``), and then nothing that needs the history (a save, a
change, a check) goes on. See docs/architecture.md ("A history read on
demand").
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from mbprogram.model.history import Change

__all__ = ["DeferredHistory"]


class DeferredHistory(Sequence[Change]):
    """``count`` history entries, read by ``read`` when first used and kept from then on."""

    __slots__ = ("_changes", "_count", "_lock", "_read")

    def __init__(self, count: int, read: Callable[[], Sequence[Change]]) -> None:
        """Hold ``count`` entries that ``read`` gives (it raises if they cannot be read)."""
        self._count = count
        self._read: Callable[[], Sequence[Change]] | None = read
        self._changes: tuple[Change, ...] | None = None
        self._lock = threading.Lock()  # two threads' first uses read the entries once

    @property
    def is_read(self) -> bool:
        """Whether the entries have been read."""
        return self._changes is not None

    def changes(self) -> tuple[Change, ...]:
        """Every entry, oldest first; read now if it was not yet (what ``read`` raises, raised).

        Raises:
            TypeError: if ``read`` gives something other than ``count`` Change records
                (a programming error of the store).
        """
        if self._changes is not None:
            return self._changes
        with self._lock:
            if self._changes is None:  # not read by another thread meanwhile
                assert self._read is not None  # noqa: S101 - dropped only once read
                changes = tuple(self._read())
                if len(changes) != self._count or not all(isinstance(c, Change) for c in changes):
                    raise TypeError(
                        f"the store's history did not read as {self._count} Change records"
                    )
                self._changes, self._read = changes, None  # the store's rows are let go
            return self._changes

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Change: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Change, ...]: ...
    def __getitem__(self, index: int | slice) -> Change | tuple[Change, ...]:
        return self.changes()[index]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DeferredHistory):
            return self is other or self.changes() == other.changes()
        if isinstance(other, tuple):
            return self.changes() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DeferredHistory({self._count} entries, {'read' if self.is_read else 'not read'})"
