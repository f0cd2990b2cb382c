"""Parsing the cells of an attendance sheet: its codes, and a row's mark.

Nothing here knows the register. :mod:`mbprogram.storage._attendance_sheet`
reads a sheet's text into rows of cells, and :mod:`mbprogram.storage._cells`
parses hours (``3,5`` or ``3.5``) and dates (``07.01.2026``, ``7.1.2026`` or
``2026-01-07``); this module parses attendance codes (``F``, ``ugyldig``,
``excused`` …) and reads a row's mark from its hours, code and reason cells,
or from the one cell of a sheet kept with a column per session (``x``, ``1``,
hours, a code).
:mod:`mbprogram.storage.attendance_csv` hands the rows, so read, to the use case
in :mod:`mbprogram.services.attendance_import`, which looks them up in a register.

A reason is the one cell kept as text in the register; one that a spreadsheet
would read as a formula (it starts with ``=``, ``+``, ``-`` or ``@``) is refused,
naming its row and column (``docs/csv.md``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.exceptions import Problem
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present, UnexcusedAbsence
from mbprogram.services.attendance_rows import (
    WHOLE_SESSION,
    Unreadable,
    WholeSession,
    cell_path,
)
from mbprogram.storage._attendance_sheet import Field
from mbprogram.storage._cells import CellError, parse_date, parse_hours
from mbprogram.storage._sheet import SheetRow, normalized

__all__ = [
    "CODE_WORDS",
    "FORMULA_STARTS",
    "WHOLE_SESSION_MARKS",
    "CellError",
    "Code",
    "parse_code",
    "parse_date",
    "parse_hours",
    "read_cell_mark",
    "read_mark",
]

_MAX_REASON = 2_000
#: What a reason may not start with: a spreadsheet reads such a cell as a formula
#: (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``, ``-2+3``).
FORMULA_STARTS: Final = ("=", "+", "-", "@")


class Code(enum.Enum):
    """An attendance code in the status column."""

    PRESENT = "present"
    EXCUSED = "excused"
    UNEXCUSED = "unexcused"


#: The words accepted for each code, compared after they are normalized
#: (:func:`~mbprogram.storage._attendance_sheet.normalized`).
CODE_WORDS: Final[Mapping[Code, tuple[str, ...]]] = MappingProxyType(
    {
        Code.PRESENT: ("møtt", "til stede", "present"),
        Code.EXCUSED: ("f", "fravær", "gyldig fravær", "excused", "excused absence"),
        Code.UNEXCUSED: ("u", "ugyldig", "ugyldig fravær", "unexcused", "unexcused absence"),
    }
)

_CODE_OF: Final = {word: code for code, words in CODE_WORDS.items() for word in words}


def parse_code(text: str) -> Code:
    """The attendance code a status cell holds.

    Raises:
        CellError: for an unknown code (the text is not echoed: it may be a reason).
    """
    code = _CODE_OF.get(normalized(text))
    if code is None:
        raise CellError("reading.cell.code")
    return code


def read_mark(
    row: SheetRow[Field], columns: Mapping[Field, str]
) -> tuple[Mark | WholeSession | Unreadable, str]:
    """The row's mark and the header of the column it was read from.

    A present code with no hours is :data:`~mbprogram.services.attendance_rows.WHOLE_SESSION`
    (the session's length, which only the register knows). Cells that make no
    mark give an :class:`~mbprogram.services.attendance_rows.Unreadable`
    naming each bad cell, and no column.
    """
    n = row.number
    hours_text, status, reason = row.get(Field.HOURS), row.get(Field.STATUS), row.get(Field.REASON)
    problems: list[Problem] = []
    code = hours = None
    if status:
        try:
            code = parse_code(status)
        except CellError as e:
            problems.append(e.problem(cell_path(n, columns[Field.STATUS])))
    if hours_text:
        try:
            hours = parse_hours(hours_text)
        except CellError as e:
            problems.append(e.problem(cell_path(n, columns[Field.HOURS])))
    if problems:
        return Unreadable(problems), ""
    if code in (Code.EXCUSED, Code.UNEXCUSED) and hours is not None:
        return _unreadable_mark(
            n,
            columns[Field.HOURS],
            "problems.sheet.hours_and_absence",
        )
    if reason and code is not Code.EXCUSED:
        return _unreadable_mark(
            n,
            columns[Field.REASON],
            "problems.sheet.reason_not_excused",
        )
    if len(reason) > _MAX_REASON:
        return _unreadable_mark(
            n, columns[Field.REASON], "problems.sheet.reason_too_long", most=_MAX_REASON
        )
    if reason.startswith(FORMULA_STARTS):
        return _unreadable_mark(
            n,
            columns[Field.REASON],
            "problems.sheet.formula",
        )
    if code is Code.EXCUSED:
        return ExcusedAbsence(reason), columns[Field.STATUS]
    if code is Code.UNEXCUSED:
        return UnexcusedAbsence(), columns[Field.STATUS]
    if hours is not None:
        return Present(hours), columns[Field.HOURS]
    if code is Code.PRESENT:
        return WHOLE_SESSION, columns[Field.STATUS]
    column = columns.get(Field.HOURS) or columns[Field.STATUS]
    return _unreadable_mark(n, column, "problems.sheet.no_mark")


def _unreadable_mark(row: int, column: str, key: str, **values: object) -> tuple[Unreadable, str]:
    return Unreadable([Problem.of(cell_path(row, column), key, **values)]), ""


#: What a cell of a wide sheet holds for presence at the whole session.
WHOLE_SESSION_MARKS: Final = ("x", "1", "✓", "✔")


def read_cell_mark(text: str, row: int, column: str) -> Mark | WholeSession | Unreadable:
    """The mark in one cell of a sheet with a column per session (the cell is not blank).

    ``x`` or ``1`` is presence at the whole session; another number is the hours
    attended (``3,5``; write one hour as ``1,0``); a code is an absence
    (``F`` excused, with no reason, ``U`` unexcused) or presence (``møtt``).
    """
    if normalized(text) in WHOLE_SESSION_MARKS:
        return WHOLE_SESSION
    if text[:1].isdigit() or text[:1] in "+-":
        try:
            return Present(parse_hours(text))
        except CellError as e:
            return Unreadable([e.problem(cell_path(row, column))])
    try:
        code = parse_code(text)
    except CellError:
        return Unreadable([Problem.of(cell_path(row, column), "problems.sheet.wide_mark")])
    if code is Code.EXCUSED:
        return ExcusedAbsence()
    if code is Code.UNEXCUSED:
        return UnexcusedAbsence()
    return WHOLE_SESSION
