"""The rules that tie a student's records to their cohort and the host units.

A record checks its own fields when it is made (an end before a start, an
assessment before its submission). What needs context — a session that must
exist in the cohort, attendance no longer than the session, an assessor who is
not the student — is checked here, in one place, both by the register before
it accepts a change and when a whole register is restored from storage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from mbprogram.calendar.norway import is_public_holiday
from mbprogram.exceptions import Problem
from mbprogram.model.cohort import Cohort
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Status, Student
from mbprogram.model.values import HostUnitId
from mbprogram.rules.findings import FindingCode
from mbprogram.rules.student import evaluate_student

__all__ = ["is_the_student", "student_problems"]

_Namer = Callable[[str, int, str], str]


def is_the_student(person: str, student: Student) -> bool:
    """Whether ``person`` (a name or id) names the student themself."""
    key = " ".join(person.split()).casefold()
    return key in (" ".join(student.name.split()).casefold(), student.id.casefold())


def student_problems(
    student: Student,
    cohort: Cohort,
    host_units: Mapping[HostUnitId, HostUnit],
    *,
    allow_synthetic_ids: bool,
    by_id: bool = False,
) -> list[Problem]:
    """Every problem with ``student``'s records in the context of its cohort and the units.

    Paths are relative to the student. Records in a list are named by their
    position (``attendance[2].session``), or with ``by_id`` by their id
    (``attendance[SES-03].session``; submissions and assessments by number).
    """
    problems: list[Problem] = []
    if student.cohort != cohort.id:
        problems.append(Problem("cohort", f"expected cohort {cohort.id!r}, got {student.cohort!r}"))
    nid = student.national_id
    enrolled = student.enrolled_on
    if enrolled is not None and enrolled > cohort.period.end and student.status_history:
        first_active = next(
            i for i, c in enumerate(student.status_history) if c.status is Status.ACTIVE
        )
        problems.append(
            Problem(
                f"status_history[{first_active}].on",
                f"enrolment on {enrolled.isoformat()} is after the cohort ends on "
                f"{cohort.period.end.isoformat()}",
            )
        )
    if nid is not None and nid.is_synthetic and not allow_synthetic_ids:
        problems.append(
            Problem(
                "national_id",
                "a synthetic identity number is not accepted in this register "
                "(create the register with allow_synthetic_ids=True for test data)",
            )
        )
    at = _by_id if by_id else _by_position
    problems += _attendance_problems(student, cohort, at)
    problems += _placement_problems(student, host_units, at)
    problems += _people_problems(student, at)
    problems += _assignment_problems(student, cohort)
    problems += _certificate_problems(student, cohort)
    return problems


def _by_position(name: str, position: int, ident: str) -> str:
    return f"{name}[{position}]"


def _by_id(name: str, position: int, ident: str) -> str:
    return f"{name}[{ident}]"


def _before_enrolment(enrolled: dt.date | None, day: dt.date) -> bool:
    """Whether ``day`` is before the enrolment day ``enrolled`` (or there is none)."""
    return enrolled is None or day < enrolled


def _attendance_problems(student: Student, cohort: Cohort, at: _Namer) -> list[Problem]:
    problems = []
    enrolled = student.enrolled_on
    sessions = cohort.sessions_by_id
    for i, record in enumerate(student.attendance):
        session = sessions.get(record.session)
        where = at("attendance", i, record.session)
        if session is None:
            problems.append(
                Problem(
                    f"{where}.session", f"no session {record.session!r} in cohort {cohort.id!r}"
                )
            )
            continue
        if _before_enrolment(enrolled, session.day):
            problems.append(
                Problem(
                    f"{where}.session",
                    f"session {session.id!r} on {session.day.isoformat()} is before the student "
                    "was enrolled",
                )
            )
        if record.hours.value > session.hours.value:  # Decimals: faster than attrs order
            problems.append(
                Problem(
                    f"{where}.mark.hours",
                    f"{record.hours} is more than the session's length of {session.hours}",
                )
            )
    literature = student.literature
    dated: list[tuple[str, dt.date]] = [
        (f"literature.readings[{i}].on", r.on) for i, r in enumerate(literature.readings)
    ]
    if literature.sign_off is not None:
        dated.append(("literature.sign_off.on", literature.sign_off.on))
    if student.assignment is not None:
        dated += [
            (f"assignment.submissions[{i}].on", s.on)
            for i, s in enumerate(student.assignment.submissions)
        ]
    problems += [
        Problem(path, f"{day.isoformat()} is before the student was enrolled")
        for path, day in dated
        if _before_enrolment(enrolled, day)
    ]
    for i, m in enumerate(student.makeups):
        if _before_enrolment(enrolled, m.on):
            problems.append(
                Problem(
                    f"{at('makeups', i, m.id)}.on",
                    f"{m.on.isoformat()} is before the student was enrolled",
                )
            )
    return problems


def _placement_problems(
    student: Student, host_units: Mapping[HostUnitId, HostUnit], at: _Namer
) -> list[Problem]:
    problems = []
    enrolled = student.enrolled_on
    for i, p in enumerate(student.placements):
        where = at("placements", i, p.id)
        if _before_enrolment(enrolled, p.period.start):
            problems.append(
                Problem(
                    f"{where}.period.start",
                    f"{p.period.start.isoformat()} is before the student was enrolled",
                )
            )
        if p.unit not in host_units:
            problems.append(Problem(f"{where}.unit", f"no host unit {p.unit!r}"))
        problems += [
            Problem(
                f"{where}.absences[{j}].day",
                f"{a.day.isoformat()} is a public holiday, not a practice day",
            )
            for j, a in enumerate(p.absences)
            if is_public_holiday(a.day)
        ]
    return problems


def _people_problems(student: Student, at: _Namer) -> list[Problem]:
    """Approvers, supervisors, assessors and signers are never the student themself."""
    people: list[tuple[str, str]] = [
        (f"{at('makeups', i, m.id)}.approver", m.approver) for i, m in enumerate(student.makeups)
    ]
    for i, p in enumerate(student.placements):
        where = at("placements", i, p.id)
        people.append((f"{where}.supervisor", p.supervisor))
        people += [
            (f"{where}.{stage}.assessor", a.assessor)
            for stage, a in (("midway", p.midway), ("final", p.final))
            if a is not None
        ]
    if student.literature.sign_off is not None:
        people.append(("literature.sign_off.by", student.literature.sign_off.by))
    if student.assignment is not None:
        people += [
            (f"assignment.{at('assessments', i, str(i + 1))}.assessor", a.assessor)
            for i, a in enumerate(student.assignment.assessments)
        ]
    return [
        Problem(path, "cannot be the student themself")
        for path, person in people
        if is_the_student(person, student)
    ]


def _assignment_problems(student: Student, cohort: Cohort) -> list[Problem]:
    assignment = student.assignment
    maximum = cohort.rules.max_submissions
    if assignment is not None and len(assignment.submissions) > maximum:
        return [
            Problem(
                "assignment.submissions",
                f"{len(assignment.submissions)} submissions; the programme allows {maximum}",
            )
        ]
    return []


def _certificate_problems(student: Student, cohort: Cohort) -> list[Problem]:
    graduated = student.status is Status.GRADUATED
    c = student.certificate
    if c is None:
        return (
            [Problem("certificate", "a graduated student must have a certificate")]
            if graduated
            else []
        )
    if not graduated:
        return [Problem("certificate", "only a graduated student can hold a certificate")]
    problems = []
    if c.issued_on != student.status_history[-1].on:
        problems.append(Problem("certificate.issued_on", "expected the date the student graduated"))
    if c.student != student.id or c.cohort != cohort.id:
        problems.append(Problem("certificate", "the certificate names another student or cohort"))
    if c.programme != cohort.rules.name:
        problems.append(
            Problem(
                "certificate.programme", f"expected the cohort's programme {cohort.rules.name!r}"
            )
        )
    if not problems:
        # A certificate is issued only to a student who is complete on its date (DESIGN
        # §4.1.5); a later change (a session moved or shortened) must not undo that.
        unmet = [
            f.code.value
            for f in evaluate_student(cohort, student, c.issued_on).findings
            if f.is_error and f.code is not FindingCode.STUDENT_WITHDRAWN
        ]
        if unmet:
            problems.append(
                Problem(
                    "certificate",
                    f"the student would not have met the requirements on {c.issued_on.isoformat()} "
                    f"({', '.join(unmet)})",
                )
            )
    return problems
