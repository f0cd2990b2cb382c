"""Register changes to a student's enrolment: applying, enrolling, leave, withdrawal, graduation."""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.exceptions import GraduationRefusedError, Problem
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.history import student_path
from mbprogram.model.students import TRANSITIONS, Certificate, Status, StatusChange, Student
from mbprogram.model.values import Stamp, StudentId
from mbprogram.register._core import RegisterCore, build, refuse
from mbprogram.rules.student import evaluate_student

__all__ = ["StudentChanges"]


class StudentChanges(RegisterCore):
    """A student's way through the programme: applicant → admitted → active ⇄ on leave → out."""

    __slots__ = ()

    def add_applicant(self, student: Student, *, on: dt.date, by: Stamp) -> None:
        """Add a new student to a cohort as an applicant."""
        self._add(student, Status.APPLICANT, on, by, "student.applied")

    def admit(self, student_id: StudentId, *, on: dt.date, by: Stamp) -> None:
        """Admit an applicant."""
        self._change_status(student_id, Status.ADMITTED, on, "", by, "student.admitted")

    def enrol(self, student: Student | StudentId, *, on: dt.date, by: Stamp) -> None:
        """Enrol a student: the day they become active and their attendance starts to count.

        Pass a new :class:`Student` to add and enrol them at once, or the id of an
        admitted student. Enrolling more students than the cohort's places is
        allowed and reported as ``COHORT_OVER_PLACES``.
        """
        if isinstance(student, Student):
            self._add(student, Status.ACTIVE, on, by, "student.enrolled")
        else:
            self._change_status(student, Status.ACTIVE, on, "", by, "student.enrolled")

    def grant_leave(
        self, student_id: StudentId, *, on: dt.date, reason: str = "", by: Stamp
    ) -> None:
        """Put an active student on leave from ``on``; the reason is kept private."""
        self._change_status(student_id, Status.ON_LEAVE, on, reason, by, "student.on-leave")

    def resume(self, student_id: StudentId, *, on: dt.date, by: Stamp) -> None:
        """Bring a student back from leave."""
        self._change_status(student_id, Status.ACTIVE, on, "", by, "student.resumed")

    def withdraw(self, student_id: StudentId, *, on: dt.date, reason: str = "", by: Stamp) -> None:
        """Record that a student left the programme on ``on``; their records close.

        From that day their placements no longer take a place at the host unit.
        """
        self._change_status(student_id, Status.WITHDRAWN, on, reason, by, "student.withdrawn")

    def graduate(
        self,
        student_id: StudentId,
        *,
        on: dt.date,
        by: Stamp,
        certificate_id: str | None = None,
    ) -> Certificate:
        """Graduate a student and issue their certificate, dated ``on``.

        Allowed only when every requirement is met as of ``on`` and the student
        is active. Otherwise nothing changes.

        Raises:
            GraduationRefusedError: listing every unmet requirement (its
                ``findings`` hold them as findings, with nb/en messages).
        """
        student = self.student(student_id)
        cohort = self.cohort(student.cohort)
        path = student_path(student.cohort, student.id)
        action = "graduation"
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise refuse(action, f"{path}.certificate.issued_on", "expected a date")
        errors = evaluate_student(cohort, student, on).errors
        problems = []
        status = student.status_on(on)
        if status not in (Status.ACTIVE, Status.WITHDRAWN):  # withdrawn is one of the errors
            state = status.value if status else "not enrolled"
            problems.append(
                Problem(path, f"the student is {state} on {on.isoformat()}, not active")
            )
        problems += [Problem(f.path, f.message("en")) for f in errors]
        if problems:
            raise GraduationRefusedError(problems, errors)
        cert_id = certificate_id if certificate_id is not None else f"cert-{student.id}"
        if not v.is_record_id(cert_id):
            raise refuse(
                action, f"{path}.certificate.id", "expected an id of at most 64 characters"
            )
        if any(s.certificate and s.certificate.id == cert_id for s in self._students.values()):
            raise refuse(action, f"{path}.certificate.id", f"certificate {cert_id!r} exists")
        certificate = Certificate(
            id=cert_id,
            student=student.id,
            cohort=cohort.id,
            programme=cohort.rules.name,
            issued_on=on,
        )
        change = StatusChange(status=Status.GRADUATED, on=on)
        new = self._with_status(student, change, action)
        new = attrs.evolve(new, certificate=certificate)
        self._commit(by, "student.graduated", path, None, certificate, students=[new])
        return certificate

    # -- helpers ---------------------------------------------------------------------

    def _add(self, student: Student, status: Status, on: dt.date, by: Stamp, action: str) -> None:
        what = "adding the student"
        if not isinstance(student, Student):
            raise refuse(what, "student", f"expected a Student, got {type(student).__name__}")
        path = student_path(student.cohort, student.id)
        if student.id in self._students:
            raise refuse(what, path, f"a student with id {student.id!r} exists already")
        cohort = self._cohorts.get(student.cohort)
        if cohort is None:
            raise refuse(what, f"{path}.cohort", f"no cohort {student.cohort!r}")
        if student.status_history:
            raise refuse(
                what, f"{path}.status_history", "a new student starts with no status history"
            )
        carried = [name for name in _RECORDS if getattr(student, name)]
        if student.literature.readings or student.literature.sign_off:
            carried.append("literature")
        if carried:
            raise refuse(
                what,
                f"{path}.{carried[0]}",
                f"a new student starts with no records (has {', '.join(carried)}); record them "
                "through the register so that each is checked and kept in the history",
            )
        change = build(path, what, StatusChange, status=status, on=on)
        new = self._with_status(student, change, what)
        self._commit(by, action, path, None, new, students=[new])

    def _change_status(
        self,
        student_id: StudentId,
        status: Status,
        on: dt.date,
        reason: str,
        by: Stamp,
        action: str,
    ) -> None:
        student = self.student(student_id)
        path = student_path(student.cohort, student.id)
        what = f"changing the status to {status.value}"
        where = f"{path}.status_history[{len(student.status_history)}]"
        change = build(where, what, StatusChange, status=status, on=on, reason=reason)
        new = self._with_status(student, change, what)
        self._commit(
            by,
            action,
            f"{path}.status_history",
            student.status_history[-1] if student.status_history else None,
            change,
            students=[new],
        )

    def _with_status(self, student: Student, change: StatusChange, what: str) -> Student:
        path = student_path(student.cohort, student.id)
        before = student.status
        if change.status not in TRANSITIONS[before]:
            raise refuse(
                what,
                f"{path}.status_history",
                f"cannot go from {before.value if before else 'new'} to {change.status.value}",
            )
        cohort = self._cohorts[student.cohort]
        if (
            change.status is Status.ACTIVE
            and student.enrolled_on is None
            and change.on > cohort.period.end
        ):
            raise refuse(
                what,
                f"{path}.status_history",
                f"enrolment on {change.on.isoformat()} is after the cohort ends on "
                f"{cohort.period.end.isoformat()}",
            )
        if change.status is Status.WITHDRAWN:  # (a leave may be recorded late: it ends)
            latest = _latest_record_day(student, cohort)
            if latest is not None and change.on < latest:
                raise refuse(
                    what,
                    f"{path}.status_history",
                    f"{change.on.isoformat()} is before records dated up to "
                    f"{latest.isoformat()}; a withdrawal cannot be back-dated over them",
                )
        last = student.status_history[-1].on if student.status_history else None
        if last is not None and change.on < last:
            raise refuse(
                what,
                f"{path}.status_history",
                f"{change.on.isoformat()} is before the last status change on {last.isoformat()}",
            )
        new: Student = build(
            path, what, attrs.evolve, student, status_history=(*student.status_history, change)
        )
        return new


#: The records a student gathers through the register's methods, never brought along.
_RECORDS = ("attendance", "makeups", "placements", "assignment", "certificate")


def _latest_record_day(student: Student, cohort: Cohort) -> dt.date | None:
    """The latest day of the student's dated records (a placement counts by its start)."""
    sessions = cohort.session_table
    days = [sessions[a.session][0] for a in student.attendance if a.session in sessions]
    days += [m.on for m in student.makeups]
    for p in student.placements:
        days.append(p.period.start)
        days += [a.day for a in p.absences]
        days += [x.on for x in (p.midway, p.final) if x is not None]
    days += [r.on for r in student.literature.readings]
    if student.literature.sign_off is not None:
        days.append(student.literature.sign_off.on)
    if student.assignment is not None:
        days += [x.on for x in student.assignment.submissions]
        days += [x.on for x in student.assignment.assessments]
    return max(days, default=None)
