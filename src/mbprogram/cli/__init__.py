"""The ``mbprogram`` command (docs/cli.md).

Exit codes: 0 no errors; 1 findings of severity error; 2 unreadable or invalid
input, or wrong usage, with every problem printed with its path and no
traceback. ``--format json`` prints one JSON object on standard output;
``--lang nb|en`` picks the language of every text (default nb, or
``MBPROGRAM_LANG``). The command line is the only place that reads the clock:
``--as-of`` defaults to today.

Each module here holds one group of commands (``reports``, ``imports``,
``demo``) as :class:`~mbprogram.cli.common.Command` values; ``app`` builds
the parser from them and runs one. The adapters (storage, reports, privacy,
the demo) are imported inside the commands that use them, so ``--help`` and
``--version`` load none of them.
"""

from __future__ import annotations

from mbprogram.cli.app import main, run

__all__ = ["main", "run"]
