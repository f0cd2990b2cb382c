"""What every sheet import shares: the path of a cell, an unreadable cell, and the list of bad rows.

An adapter reads a sheet (the CSV readers of :mod:`mbprogram.storage`) and
hands the use cases of this package one row value per row, each cell parsed but
not yet looked up in a register. A cell that makes no value is an
:class:`Unreadable` with its problems, each naming its cell as :func:`cell_path`
does (``row 3, column timer``). :class:`RowProblems` gathers the problems of the
bad rows in row order, listing the first :data:`MAX_LISTED_ROWS` rows and
counting the rest.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v

__all__ = [
    "FORMULA_STARTS",
    "MAX_LISTED_ROWS",
    "RowProblems",
    "Unreadable",
    "cell_path",
    "formula_problem",
]

#: The most bad rows an :class:`~mbprogram.exceptions.ImportRowsError` lists one by one.
MAX_LISTED_ROWS: Final = 1_000


def cell_path(row: int, column: str = "") -> str:
    """The path of a cell (``row 3, column timer``) or of a whole row (``row 3``)."""
    return f"row {row}, column {column}" if column else f"row {row}"


@attrs.frozen
class Unreadable:
    """Cells that make no value, and why: their problems, each naming its cell.

    Attributes:
        problems: at least one problem, with its path (``row 3, column timer``).
    """

    problems: tuple[Problem, ...] = attrs.field(converter=v.as_tuple, validator=v.each(Problem))

    @problems.validator
    def _at_least_one(self, attribute: attrs.Attribute[Any], value: tuple[Problem, ...]) -> None:
        if not value:
            raise InvalidValueError.at(attribute.name, "services.sheet.no_problem")


class RowProblems:
    """The problems of a sheet's bad rows, in row order: those of the first rows, and a count."""

    def __init__(self) -> None:
        self._listed: list[Problem] = []
        self._rows = 0
        self._first_unlisted = 0

    def add(self, row: int, problems: list[Problem]) -> None:
        """Note row ``row``'s problems (nothing if it has none)."""
        if not problems:
            return
        self._rows += 1
        if self._rows <= MAX_LISTED_ROWS:
            self._listed.extend(problems)
        elif not self._first_unlisted:
            self._first_unlisted = row

    def __bool__(self) -> bool:
        return self._rows > 0

    def listed(self) -> list[Problem]:
        """The problems to list: every problem of the first rows, then one line for the rest."""
        more = self._rows - MAX_LISTED_ROWS
        if more <= 0:
            return self._listed
        return [
            *self._listed,
            Problem.of(
                cell_path(self._first_unlisted),
                "problems.import.more_rows",
                more=more,
                listed=MAX_LISTED_ROWS,
            ),
        ]


#: What a text kept as written may not start with: a spreadsheet reads such a
#: cell as a formula (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``, ``-2+3``).
FORMULA_STARTS: Final = ("=", "+", "-", "@")


def formula_problem(row: int, column: str, value: str) -> list[Problem]:
    """The refusal of a text kept as written that a spreadsheet would run as a formula."""
    if not value.startswith(FORMULA_STARTS):
        return []
    return [Problem.of(cell_path(row, column), "services.sheet.formula")]
