"""Reading an attendance sheet's text: its lines, its header and its rows of cells.

Nothing here knows the register or what a cell means. :func:`read_sheet` turns
the text of a CSV file into its columns and rows of cells keyed by what they
hold (:class:`Field`); :mod:`mbprogram.storage._attendance_rows` parses the
cells. The sheet is read line by line as its rows are asked for (files through
:func:`sheet_lines`), so a sheet of a million rows takes no more memory than a
sheet of ten. A cell that no text field can hold (a NUL character, a lone
surrogate, more than :data:`MAX_CELL` characters) is a problem of its row and
column, never quoted.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import enum
import io
import itertools
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from mbprogram.catalogue import Term
from mbprogram.exceptions import ImportRowsError, Problem
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.validators import is_storable_text
from mbprogram.services.attendance_rows import REFUSED_KEY, cell_path

__all__ = [
    "HEADER_NAMES",
    "MAX_CELL",
    "Field",
    "Sheet",
    "SheetRow",
    "decode_sheet",
    "normalized",
    "read_sheet",
    "sheet_lines",
]

#: The most characters a cell may hold.
MAX_CELL: Final = 10_000
#: What an unreadable cell is read as, after its problem is noted: a character
#: that matches no id, name, code, number or date, so the row's other problems
#: are still found and none is blamed on a blank cell.
_UNREADABLE_CELL: Final = "\ufffd"


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


#: The header names accepted for each field, compared after :func:`normalized`:
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


_FIELD_OF: Final = {name: field for field, names in HEADER_NAMES.items() for name in names}
_REQUIRED: Final = (
    ((Field.STUDENT, Field.NAME), "problems.sheet.what.student"),
    ((Field.SESSION, Field.DATE), "problems.sheet.what.session"),
    ((Field.HOURS, Field.STATUS), "problems.sheet.what.mark"),
)
_DELIMITERS: Final = (";", "\t", ",")  # preferred in this order on a tie


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
        rows: the non-blank rows below the header, read from the text as they
            are asked for (once).
    """

    columns: Mapping[Field, str]
    rows: Iterator[SheetRow] = attrs.field(eq=False, repr=False)


def normalized(text: str) -> str:
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


def _not_text() -> ImportRowsError:
    return ImportRowsError(
        [Problem.of("file", "problems.sheet.not_utf8")],
        summary_key=REFUSED_KEY,
    )


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
        pass
    raise _not_text()


def _is_utf8(path: Path) -> bool:
    """Whether the file is UTF-8 throughout, read in chunks (nothing is kept)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@contextlib.contextmanager
def sheet_lines(path: Path) -> Iterator[Iterator[str]]:
    """The lines of the CSV file at ``path``, read as they are asked for.

    The file is read as :func:`decode_sheet` reads bytes: UTF-8 (with or without
    a BOM) if it is UTF-8 throughout, else Windows-1252. The file is closed when
    the ``with`` block ends.

    Raises:
        OSError: if the file cannot be read.
        ImportRowsError: (while the lines are read) if the file is neither.
    """
    encoding = "utf-8-sig" if _is_utf8(path) else "cp1252"
    with path.open(encoding=encoding, newline="") as f:
        yield _decoded(f)


def _decoded(lines: Iterable[str]) -> Iterator[str]:
    try:
        yield from lines
    except UnicodeDecodeError:
        error = _not_text()
    else:
        return
    raise error


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])


@attrs.define
class _Tracked:
    """The lines of a sheet, remembering how long the line last read was."""

    lines: Iterator[str]
    last: int = 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.last = len(line)
            yield line


def read_sheet(source: str | Iterable[str]) -> Sheet:
    """Split CSV text (a ``str``, or its lines) into its header and its rows.

    The separator is read off the header line. The rows are read as they are
    asked for, so a problem in row 5 000 (a quote never closed) is raised when
    row 5 000 is reached.

    Raises:
        ImportRowsError: if the text is empty or its header unreadable, or the
            header has an unknown column, a field twice, or no column for a
            required field; while the rows are read, if a row is not CSV.
    """
    lines = iter(io.StringIO(source, newline="") if isinstance(source, str) else source)
    first = next(lines, "").removeprefix("\ufeff")
    if not first.strip() and not any(line.strip() for line in lines):
        raise ImportRowsError(
            [Problem.of(cell_path(1), "problems.sheet.empty")], summary_key=REFUSED_KEY
        )
    tracked = _Tracked(itertools.chain([first], lines))
    reader = csv.reader(
        tracked, delimiter=_delimiter(first.splitlines()[0] if first else ""), strict=True
    )
    header, fields = _header(_next_record(reader, tracked, 1) or [])
    return Sheet(MappingProxyType(header), _rows(reader, tracked, fields))


def _next_record(reader: Iterator[list[str]], tracked: _Tracked, number: int) -> list[str] | None:
    """The next record of the sheet (row ``number``), or ``None`` at its end."""
    try:
        return next(reader, None)
    except csv.Error as e:
        limit = "field larger than field limit" in str(e)
        # The reader's own message is not repeated: it could quote the cell.
        problem = (
            Problem.of(cell_path(number), "problems.sheet.not_csv")
            if not limit or tracked.last < csv.field_size_limit()
            else Problem.of(cell_path(number), "problems.sheet.cell_too_long",
                            limit=csv.field_size_limit(), most=MAX_CELL)
        )  # fmt: skip
    raise ImportRowsError([problem], summary_key=REFUSED_KEY)


def _rows(
    reader: Iterator[list[str]], tracked: _Tracked, fields: list[tuple[Field, str] | None]
) -> Iterator[SheetRow]:
    for number in itertools.count(2):
        cells = _next_record(reader, tracked, number)
        if cells is None:
            return
        texts = [c.strip() for c in cells]
        if not any(texts):
            continue
        known: dict[Field, str] = {}
        problems: list[Problem] = []
        for i, value in enumerate(texts):
            column = fields[i] if i < len(fields) else None
            if column is None:
                if value:
                    problems.append(
                        Problem.of(cell_path(number, _letter(i)), "problems.sheet.no_header")
                    )
                continue
            field, name = column
            trouble = _unreadable(value)
            if trouble:
                problems.append(Problem.of(cell_path(number, name), trouble[0], **trouble[1]))
            if field is not Field.NOTE:
                known[field] = _UNREADABLE_CELL if trouble else value
        yield SheetRow(number, MappingProxyType(known), tuple(problems))


def _unreadable(value: str) -> tuple[str, dict[str, object]] | None:
    """Why no text field can hold ``value`` (a catalogue key and values; not the value), or None."""
    if len(value) > MAX_CELL:
        return "problems.sheet.cell_length", {"n": len(value), "most": MAX_CELL}
    if not is_storable_text(value):
        return "problems.sheet.unstorable", {}
    return None


def _header(cells: list[str]) -> tuple[dict[Field, str], list[tuple[Field, str] | None]]:
    """Each field's header as written, and every column's field and header (``None``: unnamed)."""
    problems: list[Problem] = []
    header: dict[Field, str] = {}
    fields: list[tuple[Field, str] | None] = []
    for index, cell in enumerate(cells):
        name = cell.strip().removeprefix("\ufeff").strip()
        field = _FIELD_OF.get(normalized(name)) if name else None
        fields.append((field, name) if field is not None else None)
        if not name:
            continue
        if field is None:
            expected = ", ".join("/".join(names[:2]) for names in HEADER_NAMES.values())
            # named by its letter: the cell may be a name or a reason in a sheet with no header
            problems.append(
                Problem.of(
                    cell_path(1, _letter(index)), "problems.sheet.unknown_column", expected=expected
                )
            )
        elif field in header and field is not Field.NOTE:
            problems.append(
                Problem.of(
                    cell_path(1, name),
                    "problems.sheet.second_column",
                    field=field.value,
                    first=header[field],
                )
            )
        else:
            header.setdefault(field, name)
    for choices, what in _REQUIRED:
        if not any(f in header for f in choices):
            names = ", ".join(n for f in choices for n in HEADER_NAMES[f][:2])
            problems.append(
                Problem.of(cell_path(1), "problems.sheet.no_column", what=Term(what), names=names)
            )
    if problems:
        raise ImportRowsError(problems, summary_key=REFUSED_KEY)
    return header, fields
