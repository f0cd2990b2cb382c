"""Pausing the cyclic garbage collector while bulk work makes many small objects.

Records and the figures derived from them hold no reference cycles, so the
collector has nothing to free during a load or an evaluation; but every
collection it starts there walks every object alive, and on a large register
those walks would take most of the time and grow faster than the register.

Every layer may import this module, like :mod:`mbprogram.exceptions`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the collector for the block (if it was running), and restart it after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
