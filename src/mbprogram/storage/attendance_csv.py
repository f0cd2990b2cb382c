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

import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import attrs

from mbprogram.exceptions import ImportRowsError, InvalidValueError, Problem, RefusedChangeError
from mbprogram.model.attendance import Mark
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.students import Student
from mbprogram.model.values import CohortId, SessionId, Stamp, StudentId
from mbprogram.register.aggregate import Register
from mbprogram.storage._attendance_rows import (
    REFUSED,
    CellError,
    Field,
    SheetRow,
    at,
    decode_sheet,
    parse_date,
    read_mark,
    read_sheet,
)

__all__ = ["AttendanceImport", "import_attendance", "import_attendance_text"]


@attrs.frozen(kw_only=True)
class AttendanceImport:
    """What an attendance import did (in a dry run: what it would have done).

    Every row read is counted once, in ``recorded``, ``corrected`` or ``unchanged``.

    Attributes:
        rows: the rows read (blank rows are skipped and not counted).
        recorded: marks recorded for a session the student had no mark for.
        corrected: marks that replaced a different one (the history keeps the old one).
        unchanged: rows that repeat what was recorded already, or an earlier row.
        dry_run: whether the sheet was only checked and the register left as it was.
    """

    rows: int
    recorded: int
    corrected: int
    unchanged: int
    dry_run: bool = False

    def as_dict(self) -> dict[str, int | bool]:
        """The counts as a JSON-ready dict (``{"rows": 3, "recorded": 2, ...}``)."""
        return attrs.asdict(self)

    def __str__(self) -> str:
        would = " would be" if self.dry_run else ""
        return (
            f"{self.rows} rows read: {self.recorded}{would} recorded, "
            f"{self.corrected}{would} corrected, {self.unchanged} unchanged"
        )


def import_attendance(
    register: Register,
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    by: Stamp,
    cohort: CohortId | None = None,
    dry_run: bool = False,
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

    Returns:
        How many rows were read, and how many marks were recorded, corrected or
        left unchanged.

    Raises:
        ImportRowsError: listing every bad row (``row N, column C: message``);
            nothing was imported.
        NotFoundError: if ``cohort`` is not in the register.
        OSError: if the file cannot be read.
    """
    if isinstance(source, str | os.PathLike):
        text = decode_sheet(Path(source).read_bytes())
    else:
        content = source.read()
        text = decode_sheet(content) if isinstance(content, bytes) else content
    return import_attendance_text(register, text, by=by, cohort=cohort, dry_run=dry_run)


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
    if not isinstance(by, Stamp):
        raise InvalidValueError("by", f"expected a Stamp (who and when), got {type(by).__name__}")
    scope = _Scope(register, cohort)
    sheet = read_sheet(text)
    problems: dict[int, list[Problem]] = {}
    entries: list[_Entry] = []
    first_of: dict[tuple[StudentId, SessionId], _Entry] = {}
    for row in sheet.rows:
        found = list(row.problems)
        entry = _entry(row, sheet.columns, scope, found)
        if entry is not None:
            first = first_of.setdefault((entry.student, entry.session), entry)
            if first.mark != entry.mark:
                found.append(
                    Problem(
                        at(row.number, entry.mark_column),
                        f"conflicts with row {first.row} for the same student and session",
                    )
                )
        if found:
            problems[row.number] = found
        elif entry is not None:
            entries.append(entry)

    # Apply the good rows to a copy, in order, so that every refusal is found
    # before the register itself changes.
    work = register.copy()
    changes: list[_Entry] = []
    recorded = corrected = 0
    for entry in entries:
        before = _mark_of(work.students[entry.student], entry.session)
        if before == entry.mark:
            continue
        try:
            work.record_attendance(entry.student, entry.session, entry.mark, by=by)
        except RefusedChangeError as e:
            problems.setdefault(entry.row, []).extend(
                Problem(at(entry.row, entry.blamed(p.path)), p.message) for p in e.problems
            )
            continue
        changes.append(entry)
        if before is None:
            recorded += 1
        else:
            corrected += 1
    if problems:
        raise ImportRowsError(
            [p for number in sorted(problems) for p in problems[number]], summary=REFUSED
        )
    if not dry_run:
        # Each change was accepted by an identical copy, in this order: none can fail here.
        for entry in changes:
            register.record_attendance(entry.student, entry.session, entry.mark, by=by)
    rows = len(sheet.rows)
    return AttendanceImport(
        rows=rows,
        recorded=recorded,
        corrected=corrected,
        unchanged=rows - recorded - corrected,
        dry_run=dry_run,
    )


@attrs.frozen
class _Entry:
    """A good row: whose mark, for which session, and the columns it came from."""

    row: int
    student: StudentId
    session: SessionId
    mark: Mark
    student_column: str
    session_column: str
    mark_column: str

    def blamed(self, path: str) -> str:
        """The column to blame for a refusal whose record path is ``path``."""
        if ".mark" in path:
            return self.mark_column
        if path.endswith(".session"):
            return self.session_column
        return self.student_column


class _Scope:
    """The students a sheet's rows may name, and the cohort its sessions are in."""

    def __init__(self, register: Register, cohort_id: CohortId | None) -> None:
        self.register = register
        self.cohort: Cohort | None = None
        if cohort_id is None:
            students = tuple(register.students.values())
        else:
            self.cohort = register.cohort(cohort_id)
            students = register.students_of(cohort_id)
        self.by_name: dict[str, list[Student]] = {}
        for s in students:
            self.by_name.setdefault(_name_key(s.name), []).append(s)
        self.where = f" in cohort {cohort_id}" if cohort_id is not None else ""

    def cohort_of(self, student: Student | None) -> Cohort | None:
        """The cohort to look the row's session up in, if known."""
        if student is not None:
            return self.register.cohorts[student.cohort]
        return self.cohort


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _mark_of(student: Student, session: SessionId) -> Mark | None:
    return next((a.mark for a in student.attendance if a.session == session), None)


def _entry(
    row: SheetRow, columns: Mapping[Field, str], scope: _Scope, problems: list[Problem]
) -> _Entry | None:
    """The row's mark, if every cell of it is good; else ``None`` and its problems added."""
    count = len(problems)
    student = _student(row, columns, scope, problems)
    session = _session(row, columns, scope.cohort_of(student), problems)
    mark = read_mark(row, columns, session.hours if session else None, problems)
    if student is None or session is None or mark is None or len(problems) > count:
        return None
    return _Entry(
        row=row.number,
        student=student.id,
        session=session.id,
        mark=mark[0],
        student_column=_column(row, columns, Field.STUDENT, Field.NAME),
        session_column=_column(row, columns, Field.SESSION, Field.DATE),
        mark_column=mark[1],
    )


def _column(row: SheetRow, columns: Mapping[Field, str], first: Field, second: Field) -> str:
    """The header of ``first``, unless the row's value is only under ``second``."""
    if first in columns and (row.get(first) or not row.get(second)):
        return columns[first]
    return columns[second]


def _student(
    row: SheetRow, columns: Mapping[Field, str], scope: _Scope, problems: list[Problem]
) -> Student | None:
    n = row.number
    sid, name = row.get(Field.STUDENT), row.get(Field.NAME)
    if not sid and not name:
        column = _column(row, columns, Field.STUDENT, Field.NAME)
        problems.append(Problem(at(n, column), "no student given; expected a student id or name"))
        return None
    if sid:
        student = scope.register.students.get(sid)
        if student is None:
            message = f"no student with this id{scope.where}"
        elif scope.cohort is not None and student.cohort != scope.cohort.id:
            message = f"the student is not in cohort {scope.cohort.id}"
        elif name and _name_key(name) != _name_key(student.name):
            column = columns[Field.NAME]
            message = "not the name of the student with the id given"
            problems.append(Problem(at(n, column), message))
            return None
        else:
            return student
        problems.append(Problem(at(n, columns[Field.STUDENT]), message))
        return None
    found = scope.by_name.get(_name_key(name), [])
    if len(found) == 1:
        return found[0]
    if found:
        message = f"{len(found)} students{scope.where} have this name; give the student id instead"
    else:
        message = f"no student{scope.where} has this name"
    problems.append(Problem(at(n, columns[Field.NAME]), message))
    return None


def _session(
    row: SheetRow, columns: Mapping[Field, str], cohort: Cohort | None, problems: list[Problem]
) -> Session | None:
    n = row.number
    sid, day_text = row.get(Field.SESSION), row.get(Field.DATE)
    day = None
    if day_text:
        try:
            day = parse_date(day_text)
        except CellError as e:
            problems.append(Problem(at(n, columns[Field.DATE]), str(e)))
    if not sid and not day_text:
        column = _column(row, columns, Field.SESSION, Field.DATE)
        problems.append(Problem(at(n, column), "no session given; expected a session id or date"))
        return None
    if cohort is None:  # the student is unknown, so their cohort is too
        return None
    if sid:
        session = cohort.session(sid)
        if session is None:
            problems.append(
                # the cell is not quoted: it may be a name or a reason in the wrong column
                Problem(
                    at(n, columns[Field.SESSION]), f"no session with this id in cohort {cohort.id}"
                )
            )
        elif day is not None and session.day != day:
            problems.append(
                Problem(
                    at(n, columns[Field.DATE]),
                    f"session {session.id} is on {session.day:%d.%m.%Y}, not {day:%d.%m.%Y}",
                )
            )
            return None
        return session
    if day is None:
        return None
    matches = [s for s in cohort.sessions if s.day == day]
    if len(matches) == 1:
        return matches[0]
    if matches:
        ids = ", ".join(s.id for s in matches)
        message = (
            f"{len(matches)} sessions of cohort {cohort.id} on {day:%d.%m.%Y} ({ids}); "
            "give the session id in a session column"
        )
    else:
        message = f"no session of cohort {cohort.id} on {day:%d.%m.%Y}"
    problems.append(Problem(at(n, columns[Field.DATE]), message))
    return None
