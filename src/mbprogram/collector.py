"""Pausing the cyclic garbage collector while bulk work makes many small objects.

Records and the figures derived from them hold no reference cycles, so the
collector has nothing to free during a load or an evaluation; but every
collection it starts there walks every object alive, and on a large register
those walks would take most of the time and grow faster than the register.

A load (``gc_paused(kept=True)``) also spares the two collections that
would walk every record it made once the collector restarts: the records
are long-lived, and go straight to the oldest generation.

Every layer may import this module, like :mod:`mbprogram.exceptions`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused(*, kept: bool = False) -> Iterator[None]:
    """Pause the collector for the block (if it was running), and restart it after.

    With ``kept`` (a load: what the block makes is kept, like the register it
    returns), the objects it made join the oldest generation when the
    collector restarts, as they would after surviving two collections, without
    those two walks over every one of them (``gc.freeze`` and ``gc.unfreeze``,
    which also move any other young object there; later full collections
    walk them all as before). Nothing is moved while objects are frozen by
    someone else: unfreezing would release theirs.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if kept and enabled and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
