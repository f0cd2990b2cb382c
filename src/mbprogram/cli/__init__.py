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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mbprogram.cli.app import main

__all__ = ["main", "run"]


def run() -> None:
    """The console-script entry point: ``mbprogram --version`` at once, else the command line.

    The version is printed before any command's module is imported; everything
    else goes to :func:`mbprogram.cli.app.run`, with the cyclic garbage
    collector paused: a command's start-up makes the package's classes and
    functions, which live as long as the process, and its bulk work (loads,
    evaluations, saves) pauses the collector anyway (:mod:`mbprogram.collector`).
    At the end what is left is frozen, not collected: the process is ending, so
    walking and freeing every object would only delay the exit
    (docs/performance.md, "A command line that answers at once").
    """
    if sys.argv[1:] == ["--version"]:
        from mbprogram.version import __version__  # noqa: PLC0415

        print(f"mbprogram {__version__}")
        sys.exit(0)
    gc.disable()
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
