"""Parsing the cells of an attendance sheet: hours, dates, codes, and a row's mark.

Nothing here knows the register. :mod:`mbprogram.storage._attendance_sheet`
reads a sheet's text into rows of cells; this module parses single cells:
hours (``3,5`` or ``3.5``), dates (``07.01.2026``, ``7.1.2026`` or
``2026-01-07``) and attendance codes (``F``, ``ugyldig``, ``excused`` …), and
reads a row's mark from its hours, code and reason cells.
:mod:`mbprogram.storage.attendance_csv` hands the rows, so read, to the use case
in :mod:`mbprogram.services.attendance_import`, which looks them up in a register.

A reason is the one cell kept as text in the register; one that a spreadsheet
would read as a formula (it starts with ``=``, ``+``, ``-`` or ``@``) is refused,
naming its row and column (``docs/csv.md``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.exceptions import Problem
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present, UnexcusedAbsence
from mbprogram.model.values import Hours
from mbprogram.services.attendance_rows import (
    WHOLE_SESSION,
    Unreadable,
    WholeSession,
    cell_path,
)
from mbprogram.storage._attendance_sheet import Field, SheetRow, normalized

__all__ = [
    "CODE_WORDS",
    "FORMULA_STARTS",
    "CellError",
    "Code",
    "parse_code",
    "parse_date",
    "parse_hours",
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
_NUMBER: Final = re.compile(r"([+-]?)([0-9]{1,6})(?:[.,]([0-9]{1,6}))?")
_NORWEGIAN_DATE: Final = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class CellError(ValueError):
    """A cell's text is not a value of its column; the message says what was expected."""


def parse_hours(text: str) -> Hours:
    """Hours from ``3,5`` (decimal comma) or ``3.5`` (decimal point); exact, never a float.

    Raises:
        CellError: for anything else (``1e3``, ``3,5,0``, ``inf``) or a negative number;
            its message never quotes the cell (it may be a reason in the wrong column).
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellError("expected hours such as 3,5 or 3.5")
    sign, whole, fraction = match.groups()
    if sign == "-" and (whole.strip("0") or (fraction or "").strip("0")):
        raise CellError("expected 0 or more hours, got a negative number")
    return Hours(f"{whole}.{fraction}" if fraction else whole)


def parse_date(text: str) -> dt.date:
    """A date from ``07.01.2026`` or ``7.1.2026`` (Norwegian) or ``2026-01-07`` (ISO).

    Raises:
        CellError: for any other form, or a day that is not in the calendar; its
            message never quotes the cell.
    """
    if match := _NORWEGIAN_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise CellError("expected a date such as 07.01.2026 or 2026-01-07")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(
            "expected a day in the calendar; the day or month is out of range"
        ) from None


def parse_code(text: str) -> Code:
    """The attendance code a status cell holds.

    Raises:
        CellError: for an unknown code (the text is not echoed: it may be a reason).
    """
    code = _CODE_OF.get(normalized(text))
    if code is None:
        raise CellError(
            "not a known attendance code; expected F, fravær or excused (excused absence), "
            "U, ugyldig or unexcused (unexcused absence), or møtt or present"
        )
    return code


def read_mark(
    row: SheetRow, columns: Mapping[Field, str]
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
            problems.append(Problem(cell_path(n, columns[Field.STATUS]), str(e)))
    if hours_text:
        try:
            hours = parse_hours(hours_text)
        except CellError as e:
            problems.append(Problem(cell_path(n, columns[Field.HOURS]), str(e)))
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
