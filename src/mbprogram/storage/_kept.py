"""Values a load reads again and again, kept for that load only.

The fast path of reading records (:mod:`mbprogram.storage._fast_records`)
makes a record that recurs (an attendance mark of a cohort's session, a
status change on its first day, an absence) once, and finds it again by the
JSON it was read from. Those records hold free text (the reason for an
absence, an assessment's feedback), which is health data: it must not stay in
the process after the register it came from is gone, and a later load must
cost what a first one does. So what is kept is kept only while a load runs
(:func:`one_load`), and all of it is forgotten whenever a load ends; outside
a load nothing is kept at all.

Loads in several threads share what is kept. When one of them ends, what the
others kept is forgotten too, and they make it again as they read on (what
is kept only spares making a record twice: forgetting it changes no result),
so nothing a load read stays after it ends.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Final, TypeVar

__all__ = ["Kept", "one_load"]

K = TypeVar("K")
V = TypeVar("V")

#: The most values one store keeps at once (it starts again when full).
LIMIT: Final = 50_000

_lock = threading.Lock()
_running = 0
_stores: list[Kept[object, object]] = []


class Kept(dict[K, V]):
    """A dictionary whose values are kept while a load runs, and forgotten when none does."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__()
        with _lock:
            _stores.append(self)  # type: ignore[arg-type]

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` if a load is running; ``value``."""
        if _running:
            if len(self) >= LIMIT:
                self.clear()
            self[key] = value
        return value


@contextlib.contextmanager
def one_load() -> Iterator[None]:
    """Keep what the block reads again and again; forget everything kept when it ends."""
    global _running  # noqa: PLW0603 - one count for the process
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            for store in _stores:
                store.clear()
