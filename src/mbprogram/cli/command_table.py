"""The commands of ``mbprogram`` as a static table: name, group, module, summary key.

``mbprogram --help`` (and ``mbprogram`` alone) lists the commands from this
table, so it imports the catalogue and argparse and no command's module;
the module of a command (``mbprogram.cli.<module>``, holding its
:class:`~mbprogram.cli.common.Command` in ``COMMANDS`` and its ``GROUP``) is
imported only when that command is chosen. ``tests/test_cli_command_table.py``
holds the table to the modules: a command added to a module and not here (or
here and not there, or under another group) fails it.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["GROUP_ORDER", "LISTED", "Listed", "listed"]


class Listed(NamedTuple):
    """One command as ``--help`` lists it, and where it is defined."""

    #: The command's name (``mbprogram <name>``).
    name: str
    #: The group it is listed under: its title is the catalogue's ``cli.group.<group>``.
    group: str
    #: The module under ``mbprogram.cli`` whose ``COMMANDS`` holds it.
    module: str

    @property
    def summary(self) -> str:
        """The catalogue key of its one-line summary in ``--help``."""
        return f"cli.{self.name}.help"


def _of(module: str, group: str, *names: str) -> tuple[Listed, ...]:
    return tuple(Listed(name, group, module) for name in names)


#: Every command, in the order ``--help`` lists them (groups in the order they first come).
LISTED: Final[tuple[Listed, ...]] = (
    *_of("stores", "stores", "init", "copy"),
    *_of(
        "records",
        "records",
        "open-cohort",
        "change-places",
        "add-host-unit",
        "change-capacity",
        "admit",
        "enrol",
        "grant-leave",
        "resume",
        "withdraw",
    ),
    *_of(
        "studies",
        "records",
        "place",
        "assess-placement",
        "record-placement-absence",
        "end-placement-early",
        "approve-makeup",
        "sign-off-literature",
        "start-assignment",
        "submit-assignment",
        "assess-assignment",
        "graduate",
    ),
    *_of(
        "hiring",
        "hiring",
        "add-budget-pot",
        "hire",
        "end-employment",
        "extend-employment",
        "make-permanent",
        "confirm-end",
        "record-outcome",
    ),
    *_of("imports", "imports", "import-attendance"),
    *_of(
        "sheets", "imports", "import-students", "import-placements", "import-units", "plan-sessions"
    ),
    *_of("lookups", "lookups", "students", "sessions", "units"),
    *_of("reports", "reports", "validate", "progress", "outcomes"),
    *_of("history", "reports", "history"),
    *_of("documents", "documents", "certificate", "confirmation"),
    *_of("demo", "demo", "demo"),
)

#: The groups, in the order ``--help`` lists them.
GROUP_ORDER: Final[tuple[str, ...]] = tuple(dict.fromkeys(c.group for c in LISTED))

_BY_NAME: Final[dict[str, Listed]] = {c.name: c for c in LISTED}


def listed(name: str) -> Listed | None:
    """The command called ``name``, or None if there is none."""
    return _BY_NAME.get(name)
