"""The rows of an attendance sheet as an adapter hands them to the import.

An :class:`AttendanceRow` holds what one row of a sheet says, each cell read
and parsed (a date, hours, an attendance code) but not yet looked up in a
register: the student by id or name, the session by id or date, the mark.
What could not be read is an :class:`~mbprogram.services.sheet_rows.Unreadable`
with its problems, each naming its cell as
:func:`~mbprogram.services.sheet_rows.cell_path` does (``row 3, column timer``);
both are re-exported here. The CSV
reader in :mod:`mbprogram.storage.attendance_csv` makes these rows;
:func:`mbprogram.services.attendance_import.import_attendance_rows` records them.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from mbprogram.exceptions import Problem
from mbprogram.model import validators as v
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present, UnexcusedAbsence
from mbprogram.model.privacy import DIRECT_IDENTIFIER
from mbprogram.services.sheet_rows import Unreadable, cell_path

__all__ = [
    "REFUSED",
    "WHOLE_SESSION",
    "AttendanceRow",
    "RowColumns",
    "Unreadable",
    "WholeSession",
    "cell_path",
]

#: The summary of the error that refuses an import.
REFUSED: Final = "attendance import refused; nothing was imported"


@attrs.frozen
class WholeSession:
    """A mark of presence with no hours given: the student was there for the whole session."""


#: The one :class:`WholeSession`.
WHOLE_SESSION: Final = WholeSession()


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
        keeps_reason: whether an excused absence without a reason leaves the
            reason of an excused absence recorded already as it is (a sheet with
            no reason column, such as one kept with a column per session).
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
    keeps_reason: bool = attrs.field(default=False, validator=v.instance(bool))
