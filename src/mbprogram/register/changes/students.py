"""A student's way through the programme: applicant → admitted → active ⇄ on leave → out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mbprogram.catalogue import Term
from mbprogram.exceptions import GraduationRefusedError, Problem, RefusedChangeError
from mbprogram.model import validators as v
from mbprogram.model.history import Action, student_path
from mbprogram.model.students import CLOSED, Certificate, Status, StatusChange, Student
from mbprogram.model.values import Stamp, StudentId
from mbprogram.register.commit import (
    Edit,
    Entry,
    build,
    check_stamp,
    checked_record,
    commit,
    refuse,
    refused_summary,
)
from mbprogram.register.state import RegisterState
from mbprogram.rules.invariants import closed_problem
from mbprogram.rules.student import evaluate_student

__all__ = [
    "CORRECTABLE",
    "add_student",
    "change_status",
    "closed_refusal",
    "correct_details",
    "graduate",
    "open_student",
]

#: The personal details a correction may change: a name, an identity number, contact details.
CORRECTABLE = frozenset({"name", "national_id", "contact"})

#: The records a student gathers through the register's methods, never brought along.
_RECORDS = ("attendance", "makeups", "placements", "assignment", "certificate")


def open_student(state: RegisterState, student_id: StudentId, what: str) -> Student:
    """The student, if their records are open to new entries (``RECORDS_CLOSED`` if not)."""
    student = state.student(student_id)
    if student.status in CLOSED:
        raise closed_refusal(student, what)
    return student


def closed_refusal(student: Student, what: str) -> RefusedChangeError:
    """The refusal of a new record for a withdrawn or graduated student."""
    return RefusedChangeError([closed_problem(student)], **refused_summary(what))


def add_student(
    state: RegisterState,
    student: Student,
    status: Status,
    *,
    on: dt.date,
    by: Stamp,
    action: Action,
) -> RegisterState:
    """Add a new student with a first status (applicant, admitted or active) from ``on``."""
    what = "adding the student"
    student = checked_record(what, "student", student, Student)
    path = student_path(student.cohort, student.id)
    if student.status_history:
        raise refuse(what, path.child("status_history"), "refusals.student.status_history")
    carried = [name for name in _RECORDS if getattr(student, name)]
    if student.literature.readings or student.literature.sign_off:
        carried.append("literature")
    if carried:
        raise refuse(
            what,
            path.child(carried[0]),
            "refusals.student.records",
            has=", ".join(carried),
        )
    change = build(path.child(("status_history", 0)), what, StatusChange, status=status, on=on)
    new = build(path, what, attrs.evolve, student, status_history=(change,))
    edit = Edit(add=(new,), entries=(Entry(action, path),))
    return commit(state, edit, by=by, what=what)


def change_status(
    state: RegisterState,
    student_id: StudentId,
    status: Status,
    *,
    on: dt.date,
    reason: str = "",
    by: Stamp,
    action: Action,
) -> RegisterState:
    """Record a status change of a student from ``on`` (with a private ``reason``)."""
    student = state.student(student_id)
    path = student_path(student.cohort, student.id)
    what = f"changing the status to {status.value}"
    where = path.child(("status_history", len(student.status_history)))
    change = build(where, what, StatusChange, status=status, on=on, reason=reason)
    new = build(path, what, attrs.evolve, student, status_history=(*student.status_history, change))
    entry = Entry(action, path.child("status_history"))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def graduate(
    state: RegisterState,
    student_id: StudentId,
    *,
    on: dt.date,
    by: Stamp,
    certificate_id: str | None = None,
) -> RegisterState:
    """Graduate a student and issue their certificate, dated ``on``.

    Completion is checked here, once: the certificate is a fact from then on.

    Raises:
        GraduationRefusedError: listing every unmet requirement.
    """
    student = state.student(student_id)
    cohort = state.cohort(student.cohort)
    path = student_path(student.cohort, student.id)
    what = "graduation"
    check_stamp(by, what)
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise refuse(what, path.child("certificate", "issued_on"), "refusals.expected_date")
    errors = evaluate_student(cohort, student, on).errors
    problems = []
    status = student.status_on(on)
    if status not in (Status.ACTIVE, Status.WITHDRAWN):  # withdrawn is one of the errors
        state_name = status.value if status else "not-enrolled"
        problems.append(
            Problem.of(
                path,
                "problems.graduation.not_active",
                state=Term(f"problems.state.{state_name}"),
                on=on,
            )
        )
    problems += [Problem.of(f.path, f.code.value, f.code.value, **dict(f.details)) for f in errors]
    if problems:
        raise GraduationRefusedError(problems, errors)
    cert_id = certificate_id if certificate_id is not None else f"cert-{student.id}"
    if not v.is_record_id(cert_id):
        raise refuse(what, path.child("certificate", "id"), "refusals.certificate_id")
    certificate = Certificate(
        id=cert_id,
        student=student.id,
        cohort=cohort.id,
        programme=cohort.rules.name,
        issued_on=on,
    )
    change = build(
        path.child(("status_history", len(student.status_history))),
        what,
        StatusChange,
        status=Status.GRADUATED,
        on=on,
    )
    new = build(
        path,
        what,
        attrs.evolve,
        student,
        status_history=(*student.status_history, change),
        certificate=certificate,
    )
    entry = Entry(Action.STUDENT_GRADUATED, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def correct_details(
    state: RegisterState, student_id: StudentId, *, by: Stamp, **changes: Any
) -> RegisterState:
    """Correct a student's name, national identity number or contact details.

    The history keeps the student as they were. Closed records (a withdrawn or
    graduated student) may be corrected too: the details are the person's, not
    a new record of their studies.

    Raises:
        RefusedChangeError: for another field, an invalid value, or an identity
            number another student has (``NATIONAL_ID_USED_TWICE``).
    """
    what = "correcting the student's details"
    student = state.student(student_id)
    path = student_path(student.cohort, student.id)
    unknown = sorted(set(changes) - CORRECTABLE)
    if unknown:
        raise refuse(
            what,
            path.child(unknown[0]),
            "refusals.student.not_correctable",
            fields=", ".join(sorted(CORRECTABLE)),
        )
    new = build(path, what, attrs.evolve, student, **changes)
    entry = Entry(Action.STUDENT_DETAILS_CORRECTED, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)
