"""Apply the rows of an attendance sheet to a register: every row, or none.

An adapter reads the sheet (:mod:`mbprogram.storage.attendance_csv` reads the
CSV a coordinator keeps) and hands over one
:class:`~mbprogram.services.attendance_rows.AttendanceRow` per row:
the student named by id or by name, the session by id or by date, and the
mark, each cell parsed but not yet looked up in the register. This module
looks them up and records the marks.

The import is all-or-nothing: every row is checked, and the marks are applied
to a copy of the register first, so a refusal (more hours than the session is
long, a session before the student's enrolment, a withdrawn student) is found
before anything changes. If any row is bad, one
:class:`~mbprogram.exceptions.ImportRowsError` lists every bad row as
``row N, column C: message`` and the register is left as it was. The import is
idempotent: a row that repeats what is recorded changes nothing, so importing
the same sheet twice changes nothing the second time. Names and absence
reasons are never echoed in messages.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

import attrs

from mbprogram.catalogue import Lang, text
from mbprogram.exceptions import ImportRowsError, InvalidValueError, Problem, RefusedChangeError
from mbprogram.model.attendance import ExcusedAbsence, Mark, Present
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.students import Student
from mbprogram.model.values import CohortId, SessionId, Stamp, StudentId
from mbprogram.progress import Progress, Step, counted
from mbprogram.register.aggregate import Register
from mbprogram.services.attendance_rows import (
    REFUSED_KEY,
    AttendanceRow,
    Unreadable,
    WholeSession,
    cell_path,
)
from mbprogram.services.sheet_rows import MAX_LISTED_ROWS, RowProblems

__all__ = ["MAX_LISTED_ROWS", "AttendanceImport", "import_attendance_rows"]


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

    def message(self, lang: Lang) -> str:
        """The counts as a sentence in ``lang`` (``3 rows read: 2 recorded, …``)."""
        return text(
            "attendance.result.dry_run" if self.dry_run else "attendance.result",
            lang,
            rows=self.rows,
            recorded=self.recorded,
            corrected=self.corrected,
            unchanged=self.unchanged,
        )

    def __str__(self) -> str:
        return self.message("en")


def import_attendance_rows(
    register: Register,
    rows: Iterable[AttendanceRow],
    *,
    by: Stamp,
    cohort: CohortId | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> AttendanceImport:
    """Record the marks of ``rows`` in ``register``: all rows or none.

    ``rows`` is read only after ``by`` and ``cohort`` are checked, so an adapter
    may pass a generator that reads the sheet as it goes: a wrong stamp or an
    unknown cohort is reported before anything about the sheet.

    Args:
        register: the register to record the marks in.
        rows: the sheet's rows, in order.
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
        ImportRowsError: listing every bad row (``row N, column C: message``),
            the first :data:`MAX_LISTED_ROWS` of them and then how many more there
            are; nothing was imported.
        InvalidValueError: if ``by`` is not a Stamp.
        NotFoundError: if ``cohort`` is not in the register.
    """
    if not isinstance(by, Stamp):
        raise InvalidValueError.at("by", "refusals.stamp", got=type(by).__name__)
    scope = _Scope(register, cohort)
    # Each good row is applied to a copy as it is read, in order, so that every
    # refusal is found before the register itself changes; only what differs per
    # student and session is kept, so memory does not grow with the rows.
    work = register.copy()
    problems = RowProblems()
    first_of: dict[tuple[StudentId, SessionId], _Entry] = {}
    changes: list[_Entry] = []
    count = recorded = corrected = 0
    for row in counted(rows, progress, Step.IMPORTED):
        count += 1
        found = list(row.problems)
        entry = _entry(row, scope, found)
        if entry is not None:
            first = first_of.setdefault((entry.student, entry.session), entry)
            if first.mark != entry.mark:
                found.append(
                    Problem.of(
                        cell_path(row.number, entry.mark_column),
                        "problems.import.conflicting_rows",
                        row=first.row,
                    )
                )
        if entry is not None and not found:
            before = _mark_of(work.students[entry.student], entry.session)
            if before != entry.mark:
                try:
                    work.record_attendance(entry.student, entry.session, entry.mark, by=by)
                except RefusedChangeError as e:
                    found.extend(
                        attrs.evolve(p, path=cell_path(entry.row, entry.blamed(p.path)))
                        for p in e.problems
                    )
                else:
                    changes.append(entry)
                    recorded += before is None
                    corrected += before is not None
        problems.add(row.number, found)
    if problems:
        raise ImportRowsError(problems.listed(), summary_key=REFUSED_KEY)
    if not dry_run:
        # Each change was accepted by an identical copy, in this order: none can fail here.
        for entry in changes:
            register.record_attendance(entry.student, entry.session, entry.mark, by=by)
    return AttendanceImport(
        rows=count,
        recorded=recorded,
        corrected=corrected,
        unchanged=count - recorded - corrected,
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
        self.cohort_id = cohort_id

    def keyed(self, key: str, **values: object) -> tuple[str, dict[str, object]]:
        """A problem's key and values, ``key + "_in"`` naming the cohort when the import has one."""
        if self.cohort_id is None:
            return key, values
        return f"{key}_in", {**values, "cohort": self.cohort_id}

    def cohort_of(self, student: Student | None) -> Cohort | None:
        """The cohort to look the row's session up in, if known."""
        if student is not None:
            return self.register.cohorts[student.cohort]
        return self.cohort


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _mark_of(student: Student, session: SessionId) -> Mark | None:
    return next((a.mark for a in student.attendance if a.session == session), None)


def _entry(row: AttendanceRow, scope: _Scope, problems: list[Problem]) -> _Entry | None:
    """The row's mark, if every cell of it is good; else ``None`` and its problems added."""
    count = len(problems)
    student = _student(row, scope, problems)
    session = _session(row, scope.cohort_of(student), problems)
    mark: Mark | None
    if isinstance(row.mark, Unreadable):
        problems.extend(row.mark.problems)
        mark = None
    elif isinstance(row.mark, WholeSession):
        mark = Present(session.hours) if session is not None else None
    else:
        mark = row.mark
    if row.keeps_reason and student is not None and session is not None:
        recorded = _mark_of(student, session.id)
        if isinstance(mark, ExcusedAbsence) and isinstance(recorded, ExcusedAbsence):
            mark = recorded  # the sheet has no reason to give: the one recorded stays
    if student is None or session is None or mark is None or len(problems) > count:
        return None
    return _Entry(
        row=row.number,
        student=student.id,
        session=session.id,
        mark=mark,
        student_column=row.columns.student,
        session_column=row.columns.session,
        mark_column=row.columns.mark,
    )


def _student(row: AttendanceRow, scope: _Scope, problems: list[Problem]) -> Student | None:
    n, columns = row.number, row.columns
    if not row.student and not row.name:
        problems.append(Problem.of(cell_path(n, columns.student), "problems.import.no_student"))
        return None
    if row.student:
        student = scope.register.students.get(row.student)
        if student is None:
            message = scope.keyed("problems.import.unknown_student_id")
        elif scope.cohort is not None and student.cohort != scope.cohort.id:
            message = ("problems.import.not_in_cohort", {"cohort": scope.cohort.id})
        elif row.name and _name_key(row.name) != _name_key(student.name):
            message = ("problems.import.not_the_name", {})
            problems.append(Problem.of(cell_path(n, columns.name), message[0], **message[1]))
            return None
        else:
            return student
        problems.append(Problem.of(cell_path(n, columns.student), message[0], **message[1]))
        return None
    found = scope.by_name.get(_name_key(row.name), [])
    if len(found) == 1:
        return found[0]
    if found:
        message = scope.keyed("problems.import.same_name", n=len(found))
    else:
        message = scope.keyed("problems.import.no_such_name")
    problems.append(Problem.of(cell_path(n, columns.name), message[0], **message[1]))
    return None


def _session(row: AttendanceRow, cohort: Cohort | None, problems: list[Problem]) -> Session | None:
    n, columns = row.number, row.columns
    day = row.day
    if isinstance(day, Unreadable):
        problems.extend(day.problems)
    if not row.session and row.day is None:
        problems.append(Problem.of(cell_path(n, columns.session), "problems.import.no_session"))
        return None
    if cohort is None:  # the student is unknown, so their cohort is too
        return None
    if row.session:
        session = cohort.session(row.session)
        if session is None:
            problems.append(
                # the cell is not quoted: it may be a name or a reason in the wrong column
                Problem.of(
                    cell_path(n, columns.session),
                    "problems.import.unknown_session",
                    cohort=cohort.id,
                )
            )
        elif isinstance(day, dt.date) and session.day != day:
            problems.append(
                Problem.of(
                    cell_path(n, columns.date),
                    "problems.import.session_day",
                    session=session.id,
                    held=f"{session.day:%d.%m.%Y}",
                    day=f"{day:%d.%m.%Y}",
                )
            )
            return None
        return session
    if not isinstance(day, dt.date):
        return None
    matches = [s for s in cohort.sessions if s.day == day]
    if len(matches) == 1:
        return matches[0]
    if matches:
        ids = ", ".join(s.id for s in matches)
        message = (
            "problems.import.sessions_on_day",
            {"n": len(matches), "cohort": cohort.id, "day": f"{day:%d.%m.%Y}", "ids": ids},
        )
    else:
        message = (
            "problems.import.no_session_on_day",
            {"cohort": cohort.id, "day": f"{day:%d.%m.%Y}"},
        )
    problems.append(Problem.of(cell_path(n, columns.date), message[0], **message[1]))
    return None
