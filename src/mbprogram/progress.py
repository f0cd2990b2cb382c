"""Progress of long work: the callback that long operations take, and the steps they report.

A long operation (loading a store, evaluating every student, importing a
sheet) takes ``progress=``, a :data:`Progress` callback, and calls it as it
goes with the step, how many items are done, and how many there are in all
(``None`` when that is not known yet). The callback decides what to show and
how often: the command line's progress line (``mbprogram.cli.progress_line``)
redraws at most a few times a second. Without a callback nothing is called.

Every layer may import this module, like :mod:`mbprogram.exceptions`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from typing import TypeAlias, TypeVar

__all__ = ["Progress", "Step", "counted"]

T = TypeVar("T")


class Step(enum.StrEnum):
    """What a long operation counts."""

    LOADED = "loaded"  #: records (students, rows of a store) read
    EVALUATED = "evaluated"  #: students evaluated
    IMPORTED = "imported"  #: rows of a sheet imported


#: ``progress(step, done, total)``: ``done`` items of ``step`` so far, of ``total`` if known.
Progress: TypeAlias = Callable[[Step, int, int | None], None]


def counted(
    items: Iterable[T],
    progress: Progress | None,
    step: Step,
    total: int | None = None,
    *,
    start: int = 0,
) -> Iterable[T]:
    """``items`` as they are, calling ``progress`` after each one (``items`` itself without it).

    ``start`` items were done before these (when one count runs over several lists).
    """
    if progress is None:
        return items
    return _counting(items, progress, step, total, start)


def _counting(
    items: Iterable[T], progress: Progress, step: Step, total: int | None, done: int
) -> Iterator[T]:
    for item in items:
        yield item
        done += 1
        progress(step, done, total)
