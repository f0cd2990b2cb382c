"""The ``mbprogram`` command (docs/cli.md).

Exit codes: 0 no errors; 1 findings of severity error; 2 unreadable or invalid
input, or wrong usage, with every problem printed with its path and no
traceback. ``--format json`` prints one JSON object on standard output;
``--lang nb|en`` picks the language of every text (default nb, or
``MBPROGRAM_LANG``). The command line is the only place that reads the clock:
``--as-of`` defaults to today.

Each module here holds one group of commands (``reports``, ``imports``,
``demo``) as :class:`~mbprogram.cli.common.Command` values, and
``command_table`` lists them all; ``app`` lists the commands from the table
and imports one's module only when that command is chosen (``mbprogram
--version`` is answered before any of them is imported). The adapters
(storage, reports, privacy, the demo) are imported inside the commands that
use them, so ``--help`` and ``--version`` load none of them.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from mbprogram.cli.app import main

__all__ = ["COLLECT_EVERY", "main", "run"]

#: How many allocations (less deallocations) the command line lets pass between
#: two collections of the youngest objects (Python's default is 700).
COLLECT_EVERY: Final = 100_000


def run() -> None:
    """The console-script entry point: ``mbprogram --version`` at once, else the command line.

    The version is printed before any command's module is imported; everything
    else goes to :func:`mbprogram.cli.app.run`. The cyclic garbage collector
    looks at the youngest objects every :data:`COLLECT_EVERY` allocations
    rather than every 700: a command's start-up makes tens of thousands of
    objects (the package's classes, functions and tables) that live as long
    as the process, and would otherwise set off collection after collection
    walking them, while a long command still has its garbage collected (its
    bulk work, loads, evaluations and saves, pauses the collector anyway:
    :mod:`mbprogram.collector`). At the end what is left is frozen, not
    collected: the process is ending, and freeing every object one by one
    would only delay the exit (docs/performance.md, "A command line that
    answers at once").
    """
    if sys.argv[1:] == ["--version"]:
        from mbprogram.version import __version__  # noqa: PLC0415

        print(f"mbprogram {__version__}")
        sys.exit(0)
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])
    try:
        from mbprogram.cli.app import run as run_command_line  # noqa: PLC0415

        run_command_line()
    finally:
        gc.freeze()


def __getattr__(name: str) -> Any:
    """``main`` (and any other name of :mod:`mbprogram.cli.app`), imported on first use."""
    if name == "main":
        from mbprogram.cli.app import main  # noqa: PLC0415

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
