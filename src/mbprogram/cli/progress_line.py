"""The progress line: long work shown on one line of a terminal's standard error.

:class:`ProgressLine` is a :data:`~mbprogram.progress.Progress` callback. It
shows nothing for the first second (short commands stay silent), then
redraws one line (``\\r``, cleared to the end) at most ten times a second and
at the end of each step, and erases it when closed, so the command's own
output is never mixed with it. It is enabled only when standard error is a
terminal and ``--quiet`` is not given (:func:`progress_line_for`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.progress import Step

__all__ = ["ProgressLine", "progress_line_for"]

#: Seconds of work before the line first appears, and between two redraws.
DELAY = 1.0
INTERVAL = 0.1


class ProgressLine:
    """Draws ``<step>: <done> [of <total>]`` on ``stream`` while long work goes on."""

    def __init__(
        self,
        stream: TextIO,
        lang: Lang,
        *,
        clock: Callable[[], float] = time.monotonic,
        delay: float = DELAY,
        interval: float = INTERVAL,
    ) -> None:
        """A line on ``stream`` in ``lang``, first drawn ``delay`` seconds after it is made."""
        self._stream, self._lang, self._clock, self._interval = stream, lang, clock, interval
        self._due = self._next = clock() + delay
        self._shown = False

    def __call__(self, step: Step, done: int, total: int | None) -> None:
        """Note progress; redraw the line if it is time to."""
        now = self._clock()
        if now < self._due:  # work that ends within the first second stays silent
            return
        if now < self._next and done != total:  # the last count of a step is always drawn
            return
        self._next = now + self._interval
        if total is None:
            line = text(f"progress.{step.value}", self._lang, n=done)
        else:
            line = text(f"progress.{step.value}.of", self._lang, n=done, total=total)
        self._stream.write(f"\r{line}\x1b[K")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """Erase the line, if it was drawn."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_line_for(stream: TextIO, lang: Lang, *, quiet: bool) -> ProgressLine | None:
    """A progress line on ``stream`` if it is a terminal and not ``quiet``, else ``None``.

    ``MBPROGRAM_PROGRESS_DELAY`` (seconds, default 1) sets when the line first appears.
    """
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        terminal = False
    if not terminal or quiet:
        return None
    try:
        delay = float(os.environ.get("MBPROGRAM_PROGRESS_DELAY", DELAY))
    except ValueError:
        delay = DELAY
    return ProgressLine(stream, lang, delay=delay if delay >= 0 else DELAY)
