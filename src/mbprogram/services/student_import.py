"""Import a cohort's class list: new students added, details corrected, statuses recorded.

An adapter (:mod:`mbprogram.storage.student_csv`) reads the sheet into one
:class:`StudentRow` per row. For a student the register does not hold, the row
adds them with their status (applicant, admitted or active; active if none is
given) from the day given (:meth:`~mbprogram.register.aggregate.Register.add_applicant`,
:meth:`~mbprogram.register.aggregate.Register.admit`,
:meth:`~mbprogram.register.aggregate.Register.enrol`). For one it holds, a
different name, national identity number, email or phone corrects their
details (:meth:`~mbprogram.register.aggregate.Register.correct_details`; a
blank cell leaves a detail as it is), and a different status is recorded from
its day through the method named for it (``admit``, ``enrol``, ``grant_leave``,
``resume``, ``withdraw``). A student of the cohort whom the list does not name
is left as they are, and counted (``missing``): a class list never withdraws
anyone. All rows or none (:func:`~mbprogram.services.sheet_import.apply_rows`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.privacy import DIRECT_IDENTIFIER
from mbprogram.model.students import Contact, Status, Student
from mbprogram.model.values import CohortId, Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.sheet_import import (
    RowChange,
    SheetImport,
    apply_rows,
    blamed_column,
    check_by,
    column_of,
    id_problem,
    problems_at,
)
from mbprogram.services.sheet_rows import Unreadable, cell_path, formula_problem

__all__ = ["REFUSED", "StudentRow", "import_student_rows"]

#: The summary of the error that refuses a class list.
REFUSED: Final = Phrase("problems.import.refused.students")

_NEW: Final = (Status.APPLICANT, Status.ADMITTED, Status.ACTIVE)
_PHONE_START: Final = "+"


@attrs.frozen(kw_only=True)
class StudentRow:
    """One row of a class list, its cells read but not looked up in a register.

    Texts are as written, stripped; ``None`` when blank or when the sheet has no
    such column (a blank cell leaves a detail as it is).

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        student: the student's id.
        name: the student's name (a direct identifier: never shown).
        national_id: the national identity number's text (never shown).
        email: the email address (never shown).
        phone: the phone number (never shown).
        status: the status, or why the cell is not one.
        on: the day the status took effect, or why the cell is not a date.
        columns: the header of each column the sheet has, by field (``student``,
            ``name``, ``national_id``, ``email``, ``phone``, ``status``, ``date``).
        problems: problems of the row whatever the register holds.
    """

    number: int = attrs.field(validator=v.between(1))
    student: str = attrs.field(validator=v.text(allow_empty=True))
    name: str | None = attrs.field(default=None, repr=False, metadata=DIRECT_IDENTIFIER)
    national_id: str | None = attrs.field(default=None, repr=False, metadata=DIRECT_IDENTIFIER)
    email: str | None = attrs.field(default=None, repr=False, metadata=DIRECT_IDENTIFIER)
    phone: str | None = attrs.field(default=None, repr=False, metadata=DIRECT_IDENTIFIER)
    status: Status | Unreadable | None = None
    on: dt.date | Unreadable | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=v.as_tuple)


def import_student_rows(
    register: Register,
    rows: Iterable[StudentRow],
    *,
    cohort: CohortId,
    by: Stamp,
    dry_run: bool = False,
) -> SheetImport:
    """Add, correct and move on the students of ``rows`` in ``cohort``: all rows or none.

    Returns:
        The counts; ``missing`` is how many students of the cohort the list
        does not name (they are left as they are).

    Raises:
        ImportRowsError: listing every bad row (``row N, column C: message``);
            nothing was imported.
        InvalidValueError: if ``by`` is not a Stamp.
        NotFoundError: if ``cohort`` is not in the register.
    """
    by = check_by(by)
    register.cohort(cohort)
    seen: dict[str, int] = {}

    def changes(work: Register, row: StudentRow, found: list[Problem]) -> list[RowChange]:
        return _Row(work, row, found, cohort, by).changes(seen)

    result, _ = apply_rows(
        register,
        rows,
        changes,
        refused=REFUSED,
        kind="students",
        dry_run=dry_run,
    )
    missing = sum(1 for s in register.students_of(cohort) if s.id not in seen)
    return attrs.evolve(result, missing=missing)


#: The column a problem is in, by a part of its record path; else the student column.
_BLAMED: Final = (
    ("national_id", "national_id"),
    ("email", "email"),
    ("phone", "phone"),
    (".name", "name"),
    (".on", "date"),
    ("status_history", "status"),
)


class _Row:
    """The changes one row makes, and its problems."""

    def __init__(
        self, work: Register, row: StudentRow, found: list[Problem], cohort: CohortId, by: Stamp
    ) -> None:
        self.work, self.row, self.found, self.cohort, self.by = work, row, found, cohort, by

    def column(self, field: str) -> str:
        return column_of(self.row.columns, field, "student")

    def problem(self, field: str, key: str, /, **values: object) -> None:
        self.found.append(Problem.of(cell_path(self.row.number, self.column(field)), key, **values))

    def blame(self, path: str) -> str:
        return blamed_column(self.row.columns, path, _BLAMED, "student")

    def changes(self, seen: dict[str, int]) -> list[RowChange]:
        row = self.row
        self.found += row.problems
        for value in (row.status, row.on):
            if isinstance(value, Unreadable):
                self.found += value.problems
        for field in ("name", "email"):
            text = getattr(row, field)
            if text:
                self.found += formula_problem(row.number, self.column(field), text)
        if row.phone and not row.phone.startswith(_PHONE_START):
            self.found += formula_problem(row.number, self.column("phone"), row.phone)
        bad_id = id_problem(row.number, self.column("student"), row.student, "student")
        if bad_id:
            self.found += bad_id
            return []
        first = seen.setdefault(row.student, row.number)
        if first != row.number:
            self.problem("student", "services.students.same_student", row=first)
            return []
        national_id = self._national_id()
        student = self.work.students.get(row.student)
        if student is None:
            return self._added(national_id)
        if student.cohort != self.cohort:
            self.problem(
                "student",
                "services.students.other_cohort",
                cohort=student.cohort,
                given=self.cohort,
            )
            return []
        if self.found:
            return []
        return [*self._corrected(student, national_id), *self._moved(student)]

    def _national_id(self) -> NationalIdNumber | None:
        if self.row.national_id is None:
            return None
        try:
            return NationalIdNumber(
                self.row.national_id, allow_synthetic=self.work.allow_synthetic_ids
            )
        except InvalidValueError as e:
            self.found += problems_at(self.row.number, e, lambda _: self.column("national_id"))
            return None

    def _contact(self, before: Contact | None) -> Contact | None:
        row = self.row
        if row.email is None and row.phone is None:
            return before
        old = before or Contact()
        try:
            return Contact(
                email=row.email if row.email is not None else old.email,
                phone=row.phone if row.phone is not None else old.phone,
            )
        except InvalidValueError as e:
            self.found += problems_at(row.number, e, self.blame)
            return before

    def _added(self, national_id: NationalIdNumber | None) -> list[RowChange]:
        row = self.row
        status = row.status if isinstance(row.status, Status) else Status.ACTIVE
        if row.name is None:
            self.problem("name", "services.students.no_name")
        if row.on is None:
            self.problem("date", "services.students.no_date")
        if status not in _NEW:
            self.problem("status", "services.students.new_status", status=_state(status))
        contact = self._contact(None)
        if self.found or row.name is None or not isinstance(row.on, dt.date):
            return []
        try:
            new = Student(
                id=row.student,
                cohort=self.cohort,
                name=row.name,
                national_id=national_id,
                contact=contact,
            )
        except InvalidValueError as e:
            self.found += problems_at(row.number, e, self.blame)
            return []
        on, by = row.on, self.by
        add: Callable[[Register], None]
        if status is Status.APPLICANT:
            add = lambda r: r.add_applicant(new, on=on, by=by)  # noqa: E731
        elif status is Status.ADMITTED:
            add = lambda r: r.admit(new, on=on, by=by)  # noqa: E731
        else:
            add = lambda r: r.enrol(new, on=on, by=by)  # noqa: E731
        return [RowChange(add, self.blame, added=True)]

    def _corrected(self, student: Student, national_id: NationalIdNumber | None) -> list[RowChange]:
        row = self.row
        changes: dict[str, Any] = {}
        if row.name is not None and row.name != student.name:
            changes["name"] = row.name
        if national_id is not None and national_id != student.national_id:
            changes["national_id"] = national_id
        contact = self._contact(student.contact)
        if contact != student.contact:
            changes["contact"] = contact
        if not changes or self.found:
            return []
        sid, by = student.id, self.by
        return [RowChange(lambda r: r.correct_details(sid, by=by, **changes), self.blame)]

    def _moved(self, student: Student) -> list[RowChange]:
        row = self.row
        status = row.status
        if not isinstance(status, Status):
            return []
        latest = student.status_history[-1] if student.status_history else None
        on = row.on
        if latest is not None and latest.status is status:
            if isinstance(on, dt.date) and on != latest.on:
                since = f"{latest.on:%d.%m.%Y}"  # as the sheet writes it, in both languages
                self.problem(
                    "date", "services.students.status_since", status=_state(status), on=since
                )
            return []
        if not isinstance(on, dt.date):
            self.problem("date", "services.students.no_status_date", status=_state(status))
            return []
        sid, by = student.id, self.by
        move: Callable[[Register], None]
        if status is Status.ADMITTED:
            move = lambda r: r.admit(sid, on=on, by=by)  # noqa: E731
        elif status is Status.ACTIVE and latest is not None and latest.status is Status.ON_LEAVE:
            move = lambda r: r.resume(sid, on=on, by=by)  # noqa: E731
        elif status is Status.ACTIVE:
            move = lambda r: r.enrol(sid, on=on, by=by)  # noqa: E731
        elif status is Status.ON_LEAVE:
            move = lambda r: r.grant_leave(sid, on=on, by=by)  # noqa: E731
        elif status is Status.WITHDRAWN:
            move = lambda r: r.withdraw(sid, on=on, by=by)  # noqa: E731
        else:
            before = _state(latest.status) if latest is not None else Term("services.state.new")
            self.problem(
                "status",
                "services.students.graduate"
                if status is Status.GRADUATED
                else "services.students.transition",
                status=_state(status),
                before=before,
            )
            return []
        return [RowChange(move, self.blame)]


def _state(status: Status) -> Term:
    """A status in the words of the language it is shown in (``problems.state.…``)."""
    return Term(f"problems.state.{status.value}")
