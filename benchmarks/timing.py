"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(repeat: int, step: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` runs of ``step``, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)
