"""The rows of an attendance sheet as an adapter hands them to the import.

An :class:`AttendanceRow` holds what one row of a sheet says, each cell read
and parsed (a date, hours, an attendance code) but not yet looked up in a
register: the student by id or name, the session by id or date, the mark.
What could not be read is an :class:`Unreadable` with its problems, each
naming its cell as :func:`cell_path` does (``row 3, column timer``). The CSV
reader in :mod:`mbprogram.storage.attendance_csv` makes these rows;
:func:`mbprogram.services.attendance_import.import_attendance_rows` records them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present, UnexcusedAbsence
from mbprogram.model.privacy import DIRECT_IDENTIFIER

__all__ = [
    "REFUSED",
    "REFUSED_KEY",
    "WHOLE_SESSION",
    "AttendanceRow",
    "RowColumns",
    "Unreadable",
    "WholeSession",
    "cell_path",
]

#: The summary of the error that refuses an import.
REFUSED: Final = "attendance import refused; nothing was imported"
#: Its catalogue key (the summary in bokmål and English).
REFUSED_KEY: Final = "problems.import.refused"


def cell_path(row: int, column: str = "") -> str:
    """The path of a cell (``row 3, column timer``) or of a whole row (``row 3``)."""
    return f"row {row}, column {column}" if column else f"row {row}"


@attrs.frozen
class WholeSession:
    """A mark of presence with no hours given: the student was there for the whole session."""


#: The one :class:`WholeSession`.
WHOLE_SESSION: Final = WholeSession()


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
            raise InvalidValueError(attribute.name, "expected at least one problem, got none")


@attrs.frozen(kw_only=True)
class RowColumns:
    """The headers to name in a row's problems (``""`` for a column the sheet lacks).

    Attributes:
        student: the column the row names its student in (id, else name).
        name: the name column.
        session: the column the row names its session in (id, else date).
        date: the date column.
        mark: the column the row's mark was read from (hours, else status).
    """

    student: str = attrs.field(validator=v.text(max_length=200, allow_empty=True))
    name: str = attrs.field(default="", validator=v.text(max_length=200, allow_empty=True))
    session: str = attrs.field(validator=v.text(max_length=200, allow_empty=True))
    date: str = attrs.field(default="", validator=v.text(max_length=200, allow_empty=True))
    mark: str = attrs.field(default="", validator=v.text(max_length=200, allow_empty=True))


_MARKS: Final = (Present, ExcusedAbsence, UnexcusedAbsence, WholeSession, Unreadable)


@attrs.frozen(kw_only=True)
class AttendanceRow:
    """One row of an attendance sheet, its cells read but not yet looked up in a register.

    Texts are as written in the sheet, stripped; ``""`` when blank.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        student: the student's id.
        name: the student's name (a direct identifier: never shown).
        session: the session's id.
        day: the session's date; :class:`Unreadable` if the cell is not a date,
            ``None`` if blank.
        mark: the mark; :data:`WHOLE_SESSION` for presence without hours;
            :class:`Unreadable` if the cells make no mark.
        columns: the headers to name in the row's problems.
        problems: problems the row has whatever the register holds (a value
            under no header), reported first.
    """

    number: int = attrs.field(validator=v.between(1))
    student: str = attrs.field(default="", validator=v.text(allow_empty=True))
    name: str = attrs.field(
        default="", validator=v.text(allow_empty=True), repr=False, metadata=DIRECT_IDENTIFIER
    )
    session: str = attrs.field(default="", validator=v.text(allow_empty=True))
    day: dt.date | Unreadable | None = attrs.field(
        default=None, validator=v.optional(v.instance(dt.date, Unreadable))
    )
    mark: Mark | WholeSession | Unreadable = attrs.field(validator=v.instance(*_MARKS))
    columns: RowColumns = attrs.field(validator=v.instance(RowColumns))
    problems: tuple[Problem, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Problem)
    )
