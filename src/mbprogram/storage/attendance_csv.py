"""Import attendance from the CSV sheet a coordinator keeps: every row, or none.

One row is one student's mark for one session::

    deltaker;dato;timer;fravær;grunn
    S-01;07.01.2026;3,5;;
    S-02;07.01.2026;;F;Legetime

The student is named by id (``student``/``deltaker``) or by name
(``name``/``navn``), the session by id (``session``/``økt``) or by date
(``date``/``dato``), and the mark by hours (``hours``/``timer``) or an
attendance code (``status``/``fravær``) with an optional reason
(``reason``/``grunn``) for an excused absence. ``docs/csv.md`` lists every
accepted header, code and number or date form.

This module is the adapter: it reads the file, splits the CSV into rows and
parses each cell, and hands the rows to the use case,
:func:`mbprogram.services.attendance_import.import_attendance_rows`, which looks
them up in the register and records the marks.

The import is all-or-nothing: every row is parsed and checked, and the marks
are applied to a copy of the register first, so a refusal (more hours than the
session is long, a session before the student's enrolment, a withdrawn student)
is found before anything changes. If any row is bad, one
:class:`~mbprogram.exceptions.ImportRowsError` lists every bad row as
``row N, column C: message`` (the header is row 1) and the register is left as
it was. The import is idempotent: a row that repeats what is recorded changes
nothing, so importing the same sheet twice changes nothing the second time.
Names and absence reasons are never echoed in messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from mbprogram.model.values import CohortId, Stamp
from mbprogram.progress import Progress
from mbprogram.register.aggregate import Register
from mbprogram.services.attendance_import import AttendanceImport, import_attendance_rows
from mbprogram.services.attendance_rows import (
    REFUSED,
    AttendanceRow,
    RowColumns,
    Unreadable,
    cell_path,
)
from mbprogram.storage._attendance_rows import read_cell_mark, read_mark
from mbprogram.storage._attendance_sheet import Field, read_sheet
from mbprogram.storage._cells import CellError, parse_date
from mbprogram.storage._sheet import SheetRow, Source, sheet_text

__all__ = ["AttendanceImport", "attendance_rows", "import_attendance", "import_attendance_text"]


def import_attendance(
    register: Register,
    source: Source,
    *,
    by: Stamp,
    cohort: CohortId | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> AttendanceImport:
    """Import the attendance sheet in a CSV file into ``register``: all rows or none.

    Args:
        register: the register to record the marks in.
        source: the file's path (a ``str`` is a path, as with :func:`open`), or an
            open file: text, or bytes in UTF-8 (with or without a BOM) or
            Windows-1252. For CSV text in a string use :func:`import_attendance_text`.
        by: who imports, and when; every mark recorded carries this stamp.
        cohort: the cohort the sheet is for. Students are then looked up among its
            students only; without it, among every student of the register, and each
            row's session in that student's cohort.
        dry_run: check every row but change nothing.
        progress: called after each row read.

    Returns:
        How many rows were read, and how many marks were recorded, corrected or
        left unchanged.

    Raises:
        ImportRowsError: listing every bad row (``row N, column C: message``);
            nothing was imported.
        NotFoundError: if ``cohort`` is not in the register.
        OSError: if the file cannot be read.
    """
    with sheet_text(source, summary=REFUSED) as text:  # read as the rows are imported
        return import_attendance_rows(
            register,
            attendance_rows(text),
            by=by,
            cohort=cohort,
            dry_run=dry_run,
            progress=progress,
        )


def import_attendance_text(
    register: Register,
    text: str,
    *,
    by: Stamp,
    cohort: CohortId | None = None,
    dry_run: bool = False,
) -> AttendanceImport:
    """Import an attendance sheet given as CSV text; see :func:`import_attendance`.

    Raises:
        ImportRowsError: listing every bad row; nothing was imported.
        NotFoundError: if ``cohort`` is not in the register.
    """
    return import_attendance_rows(
        register, attendance_rows(text), by=by, cohort=cohort, dry_run=dry_run
    )


def attendance_rows(text: str | Iterable[str]) -> Iterator[AttendanceRow]:
    """The rows of an attendance sheet in CSV text (or its lines), each cell parsed.

    Blank rows are skipped. The sheet is read as the rows are asked for: the
    header when the first row is, and each row when it is reached, so that
    memory does not grow with the number of rows.

    Raises:
        ImportRowsError: if the text is empty or not CSV, or its header is bad
            (an unknown column, a field twice, a required field missing).
    """
    sheet = read_sheet(text)
    if sheet.extras:
        days = [parse_date(header.strip()) for header in sheet.extras]
        for row in sheet.rows:
            yield from _wide_rows(row, sheet.columns, sheet.extras, days)
        return
    for row in sheet.rows:
        yield _attendance_row(row, sheet.columns)


def _wide_rows(
    row: SheetRow[Field],
    columns: Mapping[Field, str],
    headers: tuple[str, ...],
    days: list[dt.date],
) -> Iterator[AttendanceRow]:
    """The marks of a row of a sheet with a column per session: one for each filled cell.

    The row's own problems (a value under no header) go with its first mark, or
    make a mark of their own if it has none.
    """
    problems = row.problems
    student = _column(row, columns, Field.STUDENT, Field.NAME)
    for header, day, cell in zip(headers, days, row.extra, strict=True):
        if not cell:
            continue
        yield AttendanceRow(
            number=row.number,
            student=row.get(Field.STUDENT),
            name=row.get(Field.NAME),
            day=day,
            mark=read_cell_mark(cell, row.number, header),
            columns=RowColumns(
                student=student,
                name=columns.get(Field.NAME, ""),
                session=header,
                date=header,
                mark=header,
            ),
            problems=problems,
            keeps_reason=True,
        )
        problems = ()
    if problems:
        yield AttendanceRow(
            number=row.number,
            student=row.get(Field.STUDENT),
            name=row.get(Field.NAME),
            day=days[0],
            mark=Unreadable(problems),
            columns=RowColumns(student=student, session=headers[0]),
        )


def _attendance_row(row: SheetRow[Field], columns: Mapping[Field, str]) -> AttendanceRow:
    day_text = row.get(Field.DATE)
    day: dt.date | Unreadable | None = None
    if day_text:
        try:
            day = parse_date(day_text)
        except CellError as e:
            day = Unreadable([e.problem(cell_path(row.number, columns[Field.DATE]))])
    mark, mark_column = read_mark(row, columns)
    return AttendanceRow(
        number=row.number,
        student=row.get(Field.STUDENT),
        name=row.get(Field.NAME),
        session=row.get(Field.SESSION),
        day=day,
        mark=mark,
        columns=RowColumns(
            student=_column(row, columns, Field.STUDENT, Field.NAME),
            name=columns.get(Field.NAME, ""),
            session=_column(row, columns, Field.SESSION, Field.DATE),
            date=columns.get(Field.DATE, ""),
            mark=mark_column,
        ),
        problems=row.problems,
    )


def _column(row: SheetRow[Field], columns: Mapping[Field, str], first: Field, second: Field) -> str:
    """The header of ``first``, unless the row's value is only under ``second``."""
    if first in columns and (row.get(first) or not row.get(second)):
        return columns[first]
    return columns[second]
