"""Reading an attendance sheet: its text, its header, and the value of each cell.

Nothing here knows the register. This module turns the text of a CSV file into
rows of cells keyed by what they hold (:class:`Field`), and parses single
cells: hours (``3,5`` or ``3.5``), dates (``07.01.2026``, ``7.1.2026`` or
``2026-01-07``) and attendance codes (``F``, ``ugyldig``, ``excused`` …), and
reads a row's mark from its hours, code and reason cells.
:mod:`mbprogram.storage.attendance_csv` hands the rows, so read, to the use case
in :mod:`mbprogram.services.attendance_import`, which looks them up in a register.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from mbprogram.exceptions import ImportRowsError, Problem
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present, UnexcusedAbsence
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.values import Hours
from mbprogram.services.attendance_rows import (
    REFUSED,
    WHOLE_SESSION,
    Unreadable,
    WholeSession,
    cell_path,
)

__all__ = [
    "CODE_WORDS",
    "HEADER_NAMES",
    "CellError",
    "Code",
    "Field",
    "Sheet",
    "SheetRow",
    "decode_sheet",
    "parse_code",
    "parse_date",
    "parse_hours",
    "read_mark",
    "read_sheet",
]

_MAX_REASON = 2_000


class Field(enum.Enum):
    """What a column of the sheet holds."""

    STUDENT = "student"
    NAME = "name"
    SESSION = "session"
    DATE = "date"
    HOURS = "hours"
    STATUS = "status"
    REASON = "reason"
    NOTE = "note"  # read and ignored: a coordinator's own remarks


#: The header names accepted for each field, compared after :func:`_normalized`:
#: the English name first, then the Norwegian one, then other spellings.
HEADER_NAMES: Final[Mapping[Field, tuple[str, ...]]] = MappingProxyType(
    {
        Field.STUDENT: ("student", "deltaker", "student id", "deltaker id"),
        Field.NAME: ("name", "navn", "student name", "deltakernavn"),
        Field.SESSION: ("session", "økt", "session id", "økt id", "okt", "okt id"),
        Field.DATE: ("date", "dato"),
        Field.HOURS: ("hours", "timer"),
        Field.STATUS: ("status", "fravær", "absence", "fravaer"),
        Field.REASON: ("reason", "grunn", "årsak", "arsak"),
        Field.NOTE: ("note", "merknad", "comment", "kommentar", "topic", "tema"),
    }
)


class Code(enum.Enum):
    """An attendance code in the status column."""

    PRESENT = "present"
    EXCUSED = "excused"
    UNEXCUSED = "unexcused"


#: The words accepted for each code, compared after :func:`_normalized`.
CODE_WORDS: Final[Mapping[Code, tuple[str, ...]]] = MappingProxyType(
    {
        Code.PRESENT: ("møtt", "til stede", "present"),
        Code.EXCUSED: ("f", "fravær", "gyldig fravær", "excused", "excused absence"),
        Code.UNEXCUSED: ("u", "ugyldig", "ugyldig fravær", "unexcused", "unexcused absence"),
    }
)

_FIELD_OF: Final = {name: field for field, names in HEADER_NAMES.items() for name in names}
_CODE_OF: Final = {word: code for code, words in CODE_WORDS.items() for word in words}
_REQUIRED: Final = (
    ((Field.STUDENT, Field.NAME), "the student"),
    ((Field.SESSION, Field.DATE), "the session"),
    ((Field.HOURS, Field.STATUS), "hours or an attendance code"),
)
_DELIMITERS: Final = (";", "\t", ",")  # preferred in this order on a tie
_NUMBER: Final = re.compile(r"([+-]?)([0-9]{1,6})(?:[.,]([0-9]{1,6}))?")
_NORWEGIAN_DATE: Final = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class CellError(ValueError):
    """A cell's text is not a value of its column; the message says what was expected."""


@attrs.frozen
class SheetRow:
    """One non-blank row of the sheet.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        cells: the stripped text of each known column (``""`` when blank); never
            shown, as they hold names and reasons.
        problems: cells the sheet cannot hold (values under no header).
    """

    number: int
    cells: Mapping[Field, str] = attrs.field(repr=False, metadata=SENSITIVE)
    problems: tuple[Problem, ...] = ()

    def get(self, field: Field) -> str:
        """The text of ``field``'s cell; ``""`` when blank or when there is no such column."""
        return self.cells.get(field, "")


@attrs.frozen
class Sheet:
    """A sheet's columns and its rows.

    Attributes:
        columns: each known field's header, as written in the file.
        rows: the non-blank rows below the header.
    """

    columns: Mapping[Field, str]
    rows: tuple[SheetRow, ...]


def _normalized(text: str) -> str:
    """Compare-ready text: NFC, case-folded, ``_``/``-`` as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def _letter(index: int) -> str:
    """A spreadsheet column letter: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def decode_sheet(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without Excel's BOM), else Windows-1252.

    Norwegian Excel saves "CSV (semikolondelt)" in Windows-1252; bytes that are
    not UTF-8 are read as that.

    Raises:
        ImportRowsError: if the bytes are neither.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRowsError(
            [Problem("file", "expected text in UTF-8 (save the sheet as 'CSV UTF-8')")],
            summary=REFUSED,
        ) from None


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])


def read_sheet(text: str) -> Sheet:
    """Split CSV text into its header and rows; the separator is read off the header line.

    Raises:
        ImportRowsError: if the text is empty or unreadable, or the header has an
            unknown column, a field twice, or no column for a required field.
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportRowsError(
            [Problem(cell_path(1), "the sheet is empty; expected a header row")], summary=REFUSED
        )
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text.splitlines()[0]), strict=True
    )
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error:
        # The row that could not be read is the one after the last row read. The
        # reader's own message is not repeated: it could quote the cell.
        problem = Problem(
            cell_path(len(records) + 1),
            "not readable as CSV (a quote that is not closed, or text after a closing "
            'quote); write a quote inside a cell as two quotes ("")',
        )
        raise ImportRowsError([problem], summary=REFUSED) from None
    header, fields = _header(records[0])
    rows: list[SheetRow] = []
    for number, cells in enumerate(records[1:], start=2):
        texts = [c.strip() for c in cells]
        if not any(texts):
            continue
        known: dict[Field, str] = {}
        problems: list[Problem] = []
        for i, value in enumerate(texts):
            field = fields[i] if i < len(fields) else None
            if field is None:
                if value:
                    problems.append(
                        Problem(cell_path(number, _letter(i)), "a value under no header")
                    )
            elif field is not Field.NOTE:
                known[field] = value
        rows.append(SheetRow(number, MappingProxyType(known), tuple(problems)))
    return Sheet(MappingProxyType(header), tuple(rows))


def _header(cells: list[str]) -> tuple[dict[Field, str], list[Field | None]]:
    """Each field's header as written, and the field of every column (``None``: unnamed)."""
    problems: list[Problem] = []
    header: dict[Field, str] = {}
    fields: list[Field | None] = []
    for index, cell in enumerate(cells):
        name = cell.strip().removeprefix("\ufeff").strip()
        field = _FIELD_OF.get(_normalized(name)) if name else None
        fields.append(field)
        if not name:
            continue
        if field is None:
            expected = ", ".join("/".join(names[:2]) for names in HEADER_NAMES.values())
            # named by its letter: the cell may be a name or a reason in a sheet with no header
            problems.append(
                Problem(cell_path(1, _letter(index)), f"unknown column; expected one of {expected}")
            )
        elif field in header and field is not Field.NOTE:
            problems.append(
                Problem(
                    cell_path(1, name),
                    f"a second {field.value} column (the first is {header[field]})",
                )
            )
        else:
            header.setdefault(field, name)
    for choices, what in _REQUIRED:
        if not any(f in header for f in choices):
            names = ", ".join(n for f in choices for n in HEADER_NAMES[f][:2])
            problems.append(Problem(cell_path(1), f"no column for {what}; expected one of {names}"))
    if problems:
        raise ImportRowsError(problems, summary=REFUSED)
    return header, fields


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
    code = _CODE_OF.get(_normalized(text))
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
        return _unreadable(
            n,
            columns[Field.HOURS],
            "hours given for an absence; give either hours or an absence code",
        )
    if reason and code is not Code.EXCUSED:
        return _unreadable(
            n,
            columns[Field.REASON],
            "a reason is given, but the mark is not an excused absence (code F)",
        )
    if len(reason) > _MAX_REASON:
        return _unreadable(n, columns[Field.REASON], f"expected at most {_MAX_REASON} characters")
    if code is Code.EXCUSED:
        return ExcusedAbsence(reason), columns[Field.STATUS]
    if code is Code.UNEXCUSED:
        return UnexcusedAbsence(), columns[Field.STATUS]
    if hours is not None:
        return Present(hours), columns[Field.HOURS]
    if code is Code.PRESENT:
        return WHOLE_SESSION, columns[Field.STATUS]
    column = columns.get(Field.HOURS) or columns[Field.STATUS]
    return _unreadable(n, column, "no hours and no attendance code")


def _unreadable(row: int, column: str, message: str) -> tuple[Unreadable, str]:
    return Unreadable([Problem(cell_path(row, column), message)]), ""
