"""Reading a sheet's text: its encoding, its lines, its header and its rows of cells.

Nothing here knows the register or what a cell means. A :class:`Layout` says
which columns a kind of sheet has (attendance, a class list, placements, host
units): the header names of each, which are required, which are read and
ignored, and which other headers are columns of their own (the session dates of
an attendance sheet kept one column per session). :func:`read_sheet` turns the
text of a CSV file into its columns and rows of cells keyed by what they hold.

The sheet is read line by line as its rows are asked for (files through
:func:`sheet_lines`), so a sheet of a million rows takes no more memory than a
sheet of ten. A cell that no text field can hold (a NUL character, a lone
surrogate, more than :data:`MAX_CELL` characters) is a problem of its row and
column, never quoted. Files are UTF-8 (with or without a BOM), UTF-16 with a
byte-order mark (Excel's "Unicode text") or Windows-1252; Excel's ``sep=;``
first line names the separator and is not a row.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import enum
import io
import itertools
import os
import re
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final, Generic, TypeVar

import attrs

from mbprogram.catalogue import CATALOGUE, Phrase, Term
from mbprogram.exceptions import ImportRowsError, Problem
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.validators import is_storable_text
from mbprogram.services.sheet_rows import cell_path

__all__ = [
    "MAX_CELL",
    "Layout",
    "Sheet",
    "SheetRow",
    "decode_sheet",
    "letter",
    "normalized",
    "read_sheet",
    "sheet_lines",
    "sheet_text",
]

#: Where a sheet comes from: a path (a ``str`` is a path, as with :func:`open`),
#: or an open file in text or binary mode.
Source = typing.Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

#: The most characters a cell may hold.
MAX_CELL: Final = 10_000
#: What an unreadable cell is read as, after its problem is noted: a character
#: that matches no id, name, code, number or date, so the row's other problems
#: are still found and none is blamed on a blank cell.
_UNREADABLE_CELL: Final = "\ufffd"
#: The fields of a layout: an enum of what its columns hold.
F = TypeVar("F", bound=enum.Enum)
_DELIMITERS: Final = (";", "\t", ",")  # preferred in this order on a tie
_SEP_LINE: Final = re.compile(r"sep=(.)\r?\n?", re.IGNORECASE)
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@attrs.frozen(kw_only=True)
class Layout(Generic[F]):
    """The columns a kind of sheet has.

    Attributes:
        names: the header names accepted for each field (an enum member),
            compared after :func:`normalized`: the English name first, then the
            Norwegian one, then other spellings.
        required: groups of fields of which the header must have at least one,
            each with the catalogue key of what the group holds
            (``"problems.sheet.what.student"``).
        required_without_extras: more such groups, required when the sheet has
            no extra column (a long attendance sheet needs its date and mark columns).
        excluded_with_extras: fields a sheet with extra columns may not have.
        ignored: fields that are read (their cells checked) but not kept.
        is_extra: whether a header that names no field is a column of its own
            (the session dates of a wide attendance sheet); ``None``: none is.
        extra_what: the catalogue key of what such a column is, for the message of an
            unknown header (``"reading.sheet.extra.session_date"``).
        refused: the summary of the error that refuses the sheet (a catalogue
            ``Phrase`` reads in bokmål too).
    """

    names: Mapping[F, tuple[str, ...]]
    required: tuple[tuple[tuple[F, ...], str], ...] = ()
    required_without_extras: tuple[tuple[tuple[F, ...], str], ...] = ()
    excluded_with_extras: frozenset[F] = frozenset()
    ignored: frozenset[F] = frozenset()
    is_extra: Callable[[str], bool] | None = None
    extra_what: str = ""
    refused: str

    @property
    def field_of(self) -> Mapping[str, F]:
        """Each accepted (normalized) header name's field."""
        return {name: field for field, names in self.names.items() for name in names}

    def expected(self) -> str:
        """The headers to name when one is unknown: each field's first two names."""
        names = ", ".join("/".join(n[:2]) for n in self.names.values())
        if self.is_extra is None:
            return names
        return Phrase("reading.sheet.expected_or_extra", names=names, extra=Term(self.extra_what))


@attrs.frozen
class SheetRow(Generic[F]):
    """One non-blank row of the sheet.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        cells: the stripped text of each known column (``""`` when blank); never
            shown, as they hold names and reasons.
        extra: the stripped text of each extra column, in the order of
            :attr:`Sheet.extras` (``""`` when blank).
        problems: cells the sheet cannot hold (values under no header).
    """

    number: int
    cells: Mapping[F, str] = attrs.field(repr=False, metadata=SENSITIVE)
    problems: tuple[Problem, ...] = ()
    extra: tuple[str, ...] = attrs.field(default=(), repr=False, metadata=SENSITIVE)

    def get(self, field: F) -> str:
        """The text of ``field``'s cell; ``""`` when blank or when there is no such column."""
        return self.cells.get(field, "")


@attrs.frozen
class Sheet(Generic[F]):
    """A sheet's columns and its rows.

    Attributes:
        columns: each known field's header, as written in the file.
        rows: the non-blank rows below the header, read from the text as they
            are asked for (once).
        extras: the headers of the extra columns, as written, in order.
    """

    columns: Mapping[F, str]
    rows: Iterator[SheetRow[F]] = attrs.field(eq=False, repr=False)
    extras: tuple[str, ...] = ()


def normalized(text: str) -> str:
    """Compare-ready text: NFC, case-folded, ``_``/``-`` as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def letter(index: int) -> str:
    """A spreadsheet column letter: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _not_text(summary: str, encoding: str = "") -> ImportRowsError:
    problem = (
        Problem.of("file", "reading.sheet.bad_encoding", encoding=encoding)
        if encoding
        else Problem.of("file", "problems.sheet.not_utf8")
    )
    return ImportRowsError([problem], summary=summary)


def _bom_encoding(start: bytes) -> str:
    """The encoding a UTF-16 or UTF-32 byte-order mark at the start names, or ``""``."""
    return next((name for bom, name in _BOMS if start.startswith(bom)), "")


def _unmarked_utf16(start: bytes) -> str:
    """``"UTF-16"`` if text begins as UTF-16 without a byte-order mark would, else ``""``.

    Such text has a NUL byte in every other place; Windows-1252 text has none.
    """
    pairs = start[: len(start) // 2 * 2]
    if len(pairs) >= 4 and (all(b == 0 for b in pairs[1::2]) or all(b == 0 for b in pairs[0::2])):
        return "UTF-16"
    return ""


def _unmarked_refusal(summary: str) -> ImportRowsError:
    return ImportRowsError(
        [Problem.of("file", "reading.sheet.unmarked_utf16")],
        summary=summary,
    )


def decode_sheet(data: bytes, *, summary: str) -> str:
    """The text of a CSV file: UTF-16 or UTF-32 with a BOM, UTF-8 (with or without a BOM),
    else Windows-1252.

    Excel's "Unicode text" is UTF-16 with a byte-order mark; Norwegian Excel
    saves "CSV (semikolondelt)" in Windows-1252, and bytes that are not UTF-8
    are read as that.

    Raises:
        ImportRowsError: if the bytes are UTF-16 without a byte-order mark, start
            with a byte-order mark but are not text in its encoding, or are neither
            UTF-8 nor Windows-1252.
    """
    marked = _bom_encoding(data[:4])
    if marked:
        try:
            return data.decode(marked)
        except UnicodeDecodeError:
            raise _not_text(summary, marked.upper()) from None
    if _unmarked_utf16(data[:200]):
        raise _unmarked_refusal(summary)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise _not_text(summary)


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
def sheet_lines(path: Path, *, summary: str) -> Iterator[Iterator[str]]:
    """The lines of the CSV file at ``path``, read as they are asked for.

    The file is read as :func:`decode_sheet` reads bytes. The file is closed
    when the ``with`` block ends.

    Raises:
        OSError: if the file cannot be read.
        ImportRowsError: (while the lines are read) if the file is UTF-16 without
            a byte-order mark, or not text in the encoding its mark names.
    """
    with path.open("rb") as f:
        start = f.read(200)
    encoding = _bom_encoding(start[:4])
    if not encoding and _unmarked_utf16(start):
        raise _unmarked_refusal(summary)
    if not encoding:
        encoding = "utf-8-sig" if _is_utf8(path) else "cp1252"
    with path.open(encoding=encoding, newline="") as f:
        yield _decoded(f, summary, encoding)


@contextlib.contextmanager
def sheet_text(source: Source, *, summary: str) -> Iterator[str | Iterable[str]]:
    """The text of a sheet, from a path or an open file, read as it is asked for.

    A file at a path is read line by line (:func:`sheet_lines`); so is an open
    text file. An open binary file is read whole, to tell its encoding
    (:func:`decode_sheet`).

    Raises:
        OSError: if the file cannot be read.
        ImportRowsError: if the file is not text in an encoding a sheet may have.
    """
    if isinstance(source, str | os.PathLike):
        with sheet_lines(Path(source), summary=summary) as lines:
            yield lines
    elif isinstance(source.read(0), bytes):
        yield decode_sheet(typing.cast("IO[bytes]", source).read(), summary=summary)
    else:
        yield typing.cast("IO[str]", source)


def _decoded(lines: Iterable[str], summary: str, encoding: str) -> Iterator[str]:
    try:
        yield from lines
    except UnicodeDecodeError:
        error = _not_text(summary, encoding.upper() if encoding.startswith("utf-") else "")
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


def read_sheet(source: str | Iterable[str], layout: Layout[F]) -> Sheet[F]:
    """Split CSV text (a ``str``, or its lines) into its header and its rows.

    The separator is the one a first line ``sep=;`` names (Excel's way; that
    line is not a row), else it is read off the header line. The rows are read
    as they are asked for, so a problem in row 5 000 (a quote never closed) is
    raised when row 5 000 is reached.

    Raises:
        ImportRowsError: if the text is empty or its header unreadable, or the
            header has an unknown column, a field twice, or no column for a
            required field; while the rows are read, if a row is not CSV.
    """
    lines = iter(io.StringIO(source, newline="") if isinstance(source, str) else source)
    first = next(lines, "").removeprefix("\ufeff")
    named = _SEP_LINE.fullmatch(first)
    if named:
        first = next(lines, "")
    if not first.strip() and not any(line.strip() for line in lines):
        raise ImportRowsError(
            [Problem.of(cell_path(1), "problems.sheet.empty")],
            summary=layout.refused,
        )
    tracked = _Tracked(itertools.chain([first], lines))
    delimiter = named.group(1) if named else _delimiter(first.splitlines()[0] if first else "")
    reader = csv.reader(tracked, delimiter=delimiter, strict=True)
    header = _Header.read(_next_record(reader, tracked, 1, layout) or [], layout)
    return Sheet(
        MappingProxyType(header.named), _rows(reader, tracked, header, layout), header.extras
    )


def _next_record(
    reader: Iterator[list[str]], tracked: _Tracked, number: int, layout: Layout[F]
) -> list[str] | None:
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
    raise ImportRowsError([problem], summary=layout.refused)


def _rows(
    reader: Iterator[list[str]], tracked: _Tracked, header: _Header[F], layout: Layout[F]
) -> Iterator[SheetRow[F]]:
    for number in itertools.count(2):
        cells = _next_record(reader, tracked, number, layout)
        if cells is None:
            return
        texts = [c.strip() for c in cells]
        if not any(texts):
            continue
        known: dict[F, str] = {}
        extra = [""] * len(header.extras)
        problems: list[Problem] = []
        for i, value in enumerate(texts):
            column = header.columns[i] if i < len(header.columns) else None
            if column is None:
                if value:
                    problems.append(
                        Problem.of(cell_path(number, letter(i)), "problems.sheet.no_header")
                    )
                continue
            trouble = _unreadable(value)
            if trouble:
                problems.append(
                    Problem.of(cell_path(number, column.name), trouble[0], **trouble[1])
                )
            kept = _UNREADABLE_CELL if trouble else value
            if column.extra is not None:
                extra[column.extra] = kept
            elif column.field is not None and column.field not in layout.ignored:
                known[column.field] = kept
        yield SheetRow(number, MappingProxyType(known), tuple(problems), tuple(extra))


def _field_name(field: enum.Enum) -> str:
    """A field as a message names it: its English name, its header's in bokmål."""
    key = f"reading.sheet.field.{field.value}"
    return Term(key) if key in CATALOGUE else str(field.value)


def _unreadable(value: str) -> tuple[str, dict[str, object]] | None:
    """Why no text field can hold ``value`` (a catalogue key and values; not the value), or None."""
    if len(value) > MAX_CELL:
        return "problems.sheet.cell_length", {"n": len(value), "most": MAX_CELL}
    if not is_storable_text(value):
        return "problems.sheet.unstorable", {}
    return None


@attrs.frozen
class _Column(Generic[F]):
    """A column of the sheet: its header as written, and its field or its place among the extras."""

    name: str
    field: F | None = None
    extra: int | None = None


@attrs.frozen
class _Header(Generic[F]):
    """The header: each field's column name, the extra columns, and every column in order."""

    named: dict[F, str]
    extras: tuple[str, ...]
    columns: tuple[_Column[F] | None, ...]  # None: a column with no header

    @classmethod
    def read(cls, cells: list[str], layout: Layout[F]) -> _Header[F]:
        """The header of ``cells``; refused (every problem listed) if it is bad."""
        problems: list[Problem] = []
        named: dict[F, str] = {}
        extras: list[str] = []
        columns: list[_Column[F] | None] = []
        field_of = layout.field_of
        for index, cell in enumerate(cells):
            name = cell.strip().removeprefix("\ufeff").strip()
            field = field_of.get(normalized(name)) if name else None
            if not name:
                columns.append(None)
            elif field is not None:
                columns.append(_Column(name, field))
                if field in named and field not in layout.ignored:
                    problems.append(
                        Problem.of(
                            cell_path(1, name),
                            "problems.sheet.second_column",
                            field=_field_name(field),
                            first=named[field],
                        )
                    )
                else:
                    named.setdefault(field, name)
            elif layout.is_extra is not None and layout.is_extra(name):
                columns.append(_Column(name, extra=len(extras)))
                extras.append(name)
            else:
                columns.append(None)
                # named by its letter: the cell may be a name or a reason in a sheet with no header
                problems.append(
                    Problem.of(
                        cell_path(1, letter(index)),
                        "problems.sheet.unknown_column",
                        expected=layout.expected(),
                    )
                )
        required = layout.required if extras else layout.required + layout.required_without_extras
        for choices, what in required:
            if not any(f in named for f in choices):
                names = ", ".join(n for f in choices for n in layout.names[f][:2])
                problems.append(
                    Problem.of(
                        cell_path(1), "problems.sheet.no_column", what=Term(what), names=names
                    )
                )
        if extras:
            problems += [
                Problem.of(
                    cell_path(1, named[f]),
                    "reading.sheet.both",
                    field=_field_name(f),
                    extra=Term(layout.extra_what),
                )
                for f in layout.names
                if f in named and f in layout.excluded_with_extras
            ]
        if problems:
            raise ImportRowsError(problems, summary=layout.refused)
        return cls(named, tuple(extras), tuple(columns))
