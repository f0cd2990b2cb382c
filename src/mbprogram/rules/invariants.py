"""The rules that span records, in one place: the register runs them on every change and load.

A record checks its own fields when it is made (an end before a start, an
assessment before its submission). What needs context — a session that must
exist in the cohort, attendance no longer than the session, an assessor who is
not the student, a host unit with room on every day, ids unique across the
register — is checked here. The register calls these functions on the records
a change touches before it accepts the change, and :func:`register_problems`
runs all of them over a whole register when it is loaded, so a document can
never hold a state that the register would refuse to make. Every problem
carries the stable code of its rule (:class:`~mbprogram.model.codes.RuleCode`,
listed in docs/rules.md) and the same words on both paths.

Certificates are facts: their structure is checked (the student graduated on
the certificate's date, it names the student, the cohort and its programme,
its id is unique), but completion is not re-evaluated — it was checked once,
when the register issued the certificate.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Mapping
from functools import partial

from mbprogram.calendar.norway import is_public_holiday
from mbprogram.catalogue import Term
from mbprogram.exceptions import Problem
from mbprogram.model.attendance import Present
from mbprogram.model.codes import RuleCode
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import record_path, student_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import CLOSED, Status, Student
from mbprogram.model.values import DateRange, HostUnitId, StudentId
from mbprogram.paths import RecordPath
from mbprogram.rules.employment import employment_problems, pot_problems, span
from mbprogram.rules.occupancy import merged, overbooked, placements_at

__all__ = [
    "closed_problem",
    "is_the_student",
    "national_id_used_twice",
    "outcome_problems",
    "register_problems",
    "student_problems",
    "unit_capacity_problems",
    "used_twice",
]

_Namer = Callable[[str, int, str], RecordPath]


def used_twice(path: RecordPath, kind: str, record_id: str) -> Problem:
    """``ID_USED_TWICE``: another record of ``kind`` has ``record_id`` already."""
    return Problem.of(
        path, "problems.rule.id_used_twice", RuleCode.ID_USED_TWICE, kind=kind, id=repr(record_id)
    )


def national_id_used_twice(student: Student) -> Problem:
    """``NATIONAL_ID_USED_TWICE``: another person has this student's number (never shown)."""
    return Problem.of(
        student_path(student.cohort, student.id).child("national_id"),
        "problems.rule.national_id_used_twice",
        RuleCode.NATIONAL_ID_USED_TWICE,
    )


def closed_problem(student: Student) -> Problem:
    """``RECORDS_CLOSED``: a withdrawn or graduated student takes no new records."""
    return Problem.of(
        student_path(student.cohort, student.id),
        "problems.rule.records_closed",
        RuleCode.RECORDS_CLOSED,
        status=str(student.status),
    )


def is_the_student(person: str, student: Student) -> bool:
    """Whether ``person`` (a name or id) names the student themself."""
    return _spelled(person) in (_spelled(student.name), student.id.casefold())


def _spelled(name: str) -> str:
    """A name as compared: its words, single-spaced, case folded."""
    return " ".join(name.split()).casefold()


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
        problems.append(
            Problem.of(
                RecordPath.of("cohort"),
                "problems.rule.other_cohort",
                RuleCode.UNKNOWN_RECORD,
                expected=repr(cohort.id),
                got=repr(student.cohort),
            )
        )
    enrolled = student.enrolled_on
    if enrolled is not None and enrolled > cohort.period.end:
        first_active = next(
            i for i, c in enumerate(student.status_history) if c.status is Status.ACTIVE
        )
        problems.append(
            Problem.of(
                RecordPath.of(("status_history", first_active), "on"),
                "problems.rule.enrolment_after_end",
                RuleCode.ENROLMENT_AFTER_COHORT_END,
                enrolled=enrolled,
                end=cohort.period.end,
            )
        )
    nid = student.national_id
    if nid is not None and nid.is_synthetic and not allow_synthetic_ids:
        problems.append(
            Problem.of(
                RecordPath.of("national_id"),
                "problems.rule.synthetic_id",
                RuleCode.SYNTHETIC_ID_NOT_ALLOWED,
            )
        )
    at = _by_id if by_id else _by_position
    suspect, out_of_term = _attendance_at_a_glance(student, cohort)
    if suspect:
        problems += _attendance_problems(student, cohort, at)
    # The dates first without paths: the usual student has none out of term.
    if _out_of_term(
        student, _dated_records(student, cohort, at, attendance=out_of_term, named=False)
    ):
        dated = _dated_records(student, cohort, at, attendance=out_of_term)
        problems += _dated_problems(student, dated)
    problems += _placement_problems(student, host_units, at)
    problems += _people_problems(student, at)
    problems += _assignment_problems(student, cohort)
    problems += _certificate_problems(student, cohort)
    return problems


def _item(
    at: _Namer, name: str, position: int, ident: str, *rest: str | tuple[str, int]
) -> RecordPath:
    """The path of a field of the item of list ``name`` at ``position`` with id ``ident``."""
    return at(name, position, ident).child(*rest)


def _assessment(at: _Namer, position: int, field: str) -> RecordPath:
    """The path of a field of an assessment of the final assignment (numbered from 1)."""
    assessment = at("assessments", position, str(position + 1))
    return RecordPath.of("assignment").then(assessment).child(field)


def _by_position(name: str, position: int, ident: str) -> RecordPath:
    return RecordPath.of((name, position))


def _by_id(name: str, position: int, ident: str) -> RecordPath:
    return RecordPath.of((name, ident))


#: A dated record: its date, the start of the message when it is before the enrolment
#: (``None`` for absences and assessments, which follow a record that is checked), and a
#: function that makes the path of its date (paths are made only for problems; ``None``
#: when the records are listed to see whether any is out of term).
_Dated = tuple[dt.date, str | None, Callable[[], RecordPath] | None]


def _closed_on(student: Student) -> dt.date | None:
    """The day the student withdrew or graduated, if they did."""
    return student.status_history[-1].on if student.status in CLOSED else None


def _attendance_at_a_glance(student: Student, cohort: Cohort) -> tuple[bool, bool]:
    """Whether the student's attendance may break a rule, and whether a session they are
    marked for is before their enrolment or after they left.

    The first is true when a session is not the cohort's or a mark is longer
    than its session (:func:`_attendance_problems` then looks at each mark);
    the second exactly when :func:`_dated_problems` finds a problem with the
    attendance (it is left out of the dated records otherwise: the many marks
    of a student need no path unless one is wrong).
    """
    table = cohort.session_table
    enrolled, closed_on = student.enrolled_on, _closed_on(student)
    period = cohort.period
    if (
        enrolled is not None
        and enrolled <= period.start
        and (closed_on is None or closed_on >= period.end)
    ):  # in term on every day of the cohort, so on every session's (they lie in its period)
        for record in student.attendance:
            known = table.get(record.session)
            if known is None:
                return True, False
            mark = record.mark
            if isinstance(mark, Present) and mark.hours.value > known[1]:
                return True, False
        return False, False
    suspect, days = False, []
    for record in student.attendance:
        known = table.get(record.session)
        if known is None:
            suspect = True
            continue
        days.append(known[0])
        mark = record.mark
        if isinstance(mark, Present) and mark.hours.value > known[1]:
            suspect = True
    if not days:
        return suspect, False
    out_of_term = (
        enrolled is None
        or min(days) < enrolled
        or (closed_on is not None and max(days) > closed_on)
    )
    return suspect, out_of_term


def _dated_records(
    student: Student, cohort: Cohort, at: _Namer, *, attendance: bool = True, named: bool = True
) -> list[_Dated]:
    """Every dated record of the student (without the attendance unless ``attendance``).

    Unless ``named``, no record is given the function that makes its path (the
    records are listed to see whether any is out of term: most often none is).
    """
    dated: list[_Dated] = []
    if attendance:
        sessions = cohort.session_table
        dated += [
            (
                sessions[a.session][0],
                a.session,
                partial(_item, at, "attendance", i, a.session, "session") if named else None,
            )
            for i, a in enumerate(student.attendance)
            if a.session in sessions
        ]
    # Plain loops: the lists are short, most often of one record or none.
    for i, m in enumerate(student.makeups):
        dated.append((m.on, "", partial(_item, at, "makeups", i, m.id, "on") if named else None))
    for i, p in enumerate(student.placements):
        where = partial(_item, at, "placements", i, p.id) if named else None
        dated.append((p.period.start, "", partial(where, "period", "start") if where else None))
        for j, absence in enumerate(p.absences):
            day = absence.day
            dated.append((day, None, partial(where, ("absences", j), "day") if where else None))
        if p.midway is not None:
            dated.append((p.midway.on, None, partial(where, "midway", "on") if where else None))
        if p.final is not None:
            dated.append((p.final.on, None, partial(where, "final", "on") if where else None))
    literature = student.literature
    for i, r in enumerate(literature.readings):
        on = partial(RecordPath.of, "literature", ("readings", i), "on") if named else None
        dated.append((r.on, "", on))
    if literature.sign_off is not None:
        on = partial(RecordPath.of, "literature", "sign_off", "on") if named else None
        dated.append((literature.sign_off.on, "", on))
    if student.assignment is not None:
        for i, submission in enumerate(student.assignment.submissions):
            on = partial(RecordPath.of, "assignment", ("submissions", i), "on") if named else None
            dated.append((submission.on, "", on))
        for i, assessment in enumerate(student.assignment.assessments):
            on = partial(_assessment, at, i, "on") if named else None
            dated.append((assessment.on, None, on))
    return dated


def _out_of_term(student: Student, dated: list[_Dated]) -> list[tuple[int, bool]]:
    """The positions in ``dated`` of records dated before the enrolment (``True``) or after
    the day the student left (``False``)."""
    enrolled = student.enrolled_on
    closed_on = _closed_on(student)
    found = []
    for i, (day, what, _) in enumerate(dated):
        if what is not None and (enrolled is None or day < enrolled):
            found.append((i, True))
        elif closed_on is not None and day > closed_on:
            found.append((i, False))
    return found


def _dated_problems(student: Student, dated: list[_Dated]) -> list[Problem]:
    """Records dated before the enrolment, or after the day the student left."""
    status = student.status
    closed_on = _closed_on(student)
    problems = []
    for i, before in _out_of_term(student, dated):
        day, what, locate = dated[i]
        path = typing.cast("Callable[[], RecordPath]", locate)()  # listed with their paths
        if before:
            problems.append(
                Problem.of(
                    path,
                    "problems.rule.session_before_enrolment"
                    if what
                    else "problems.rule.before_enrolment",
                    RuleCode.RECORD_BEFORE_ENROLMENT,
                    day=day,
                    session=repr(what),
                )
            )
        else:
            problems.append(_after_closing(path, day, status, typing.cast("dt.date", closed_on)))
    return problems


def _after_closing(
    path: RecordPath, day: dt.date, status: Status | None, closed_on: dt.date
) -> Problem:
    left = "graduated" if status is Status.GRADUATED else "withdrew"
    return Problem.of(
        path,
        "problems.rule.after_closing",
        RuleCode.RECORDS_CLOSED,
        day=day,
        left=Term(f"problems.rule.left.{left}"),
        closed=closed_on,
    )


def _attendance_problems(student: Student, cohort: Cohort, at: _Namer) -> list[Problem]:
    problems = []
    sessions = cohort.sessions_by_id
    for i, record in enumerate(student.attendance):
        session = sessions.get(record.session)
        if session is None:
            problems.append(
                Problem.of(
                    at("attendance", i, record.session).child("session"),
                    "problems.rule.unknown_session",
                    RuleCode.UNKNOWN_RECORD,
                    session=repr(record.session),
                    cohort=repr(cohort.id),
                )
            )
        elif record.hours.value > session.hours.value:  # Decimals: faster than attrs order
            problems.append(
                Problem.of(
                    at("attendance", i, record.session).child("mark", "hours"),
                    "problems.rule.attendance_over_session",
                    RuleCode.ATTENDANCE_OVER_SESSION,
                    hours=record.hours.value,
                    length=session.hours.value,
                )
            )
    return problems


def _placement_problems(
    student: Student, host_units: Mapping[HostUnitId, HostUnit], at: _Namer
) -> list[Problem]:
    problems = []
    for i, p in enumerate(student.placements):
        if p.unit not in host_units:
            problems.append(
                Problem.of(
                    at("placements", i, p.id).child("unit"),
                    "problems.rule.unknown_unit",
                    RuleCode.UNKNOWN_RECORD,
                    unit=repr(p.unit),
                )
            )
        for j, a in enumerate(p.absences):  # a plain loop: most placements have few
            if is_public_holiday(a.day):
                problems.append(
                    Problem.of(
                        at("placements", i, p.id).child(("absences", j), "day"),
                        "problems.rule.absence_on_holiday",
                        RuleCode.ABSENCE_ON_PUBLIC_HOLIDAY,
                        day=a.day,
                    )
                )
    return problems


def _people_problems(student: Student, at: _Namer) -> list[Problem]:
    """Approvers, supervisors, assessors and signers are never the student themself."""
    themself = {_spelled(student.name), student.id.casefold()}
    if themself.isdisjoint(map(_spelled, set(_people(student)))):  # a name often recurs
        return []  # the usual case (as is_the_student would say): no path is made
    people: list[tuple[str, Callable[[], RecordPath]]] = [
        (m.approver, partial(_item, at, "makeups", i, m.id, "approver"))
        for i, m in enumerate(student.makeups)
    ]
    for i, p in enumerate(student.placements):
        people.append((p.supervisor, partial(_item, at, "placements", i, p.id, "supervisor")))
        people += [
            (a.assessor, partial(_item, at, "placements", i, p.id, stage, "assessor"))
            for stage, a in (("midway", p.midway), ("final", p.final))
            if a is not None
        ]
    if student.literature.sign_off is not None:
        people.append(
            (student.literature.sign_off.by, partial(RecordPath.of, "literature", "sign_off", "by"))
        )
    if student.assignment is not None:
        people += [
            (
                a.assessor,
                partial(_assessment, at, i, "assessor"),
            )
            for i, a in enumerate(student.assignment.assessments)
        ]
    return [
        Problem.of(locate(), "problems.rule.person_is_student", RuleCode.PERSON_IS_THE_STUDENT)
        for person, locate in people
        if is_the_student(person, student)
    ]


def _people(student: Student) -> list[str]:
    """Everyone named in the student's records, in the order of :func:`_people_problems`."""
    people = [m.approver for m in student.makeups]
    for p in student.placements:  # plain loops: the lists are short
        people.append(p.supervisor)
        if p.midway is not None:
            people.append(p.midway.assessor)
        if p.final is not None:
            people.append(p.final.assessor)
    if student.literature.sign_off is not None:
        people.append(student.literature.sign_off.by)
    if student.assignment is not None:
        people += [a.assessor for a in student.assignment.assessments]
    return people


def _assignment_problems(student: Student, cohort: Cohort) -> list[Problem]:
    assignment = student.assignment
    maximum = cohort.rules.max_submissions
    if assignment is not None and len(assignment.submissions) > maximum:
        return [
            Problem.of(
                RecordPath.of("assignment", "submissions"),
                "problems.rule.submissions_over_limit",
                RuleCode.SUBMISSIONS_OVER_LIMIT,
                n=len(assignment.submissions),
                maximum=maximum,
            )
        ]
    return []


def _certificate_problems(student: Student, cohort: Cohort) -> list[Problem]:
    """The certificate's structure; completion is not re-evaluated (a certificate is a fact)."""
    graduated = student.status is Status.GRADUATED
    c = student.certificate
    if c is None and not graduated:
        return []
    here = RecordPath.of("certificate")
    mismatch = RuleCode.CERTIFICATE_MISMATCH
    if c is None:
        return [Problem.of(here, "problems.rule.certificate_missing", mismatch)]
    if not graduated:
        return [Problem.of(here, "problems.rule.certificate_not_graduated", mismatch)]
    problems = []
    if c.issued_on != student.status_history[-1].on:
        problems.append(
            Problem.of(here.child("issued_on"), "problems.rule.certificate_date", mismatch)
        )
    if c.student != student.id or c.cohort != cohort.id:
        problems.append(Problem.of(here, "problems.rule.certificate_other", mismatch))
    if c.programme != cohort.rules.name:
        problems.append(
            Problem.of(here.child("programme"), "problems.rule.certificate_programme", mismatch)
        )
    return problems


def occupancy(students: Iterable[Student]) -> dict[HostUnitId, list[DateRange]]:
    """The days each student takes a place at each unit, in one pass over the students.

    A student with two overlapping placements at one unit takes one place.
    """
    by_unit: dict[HostUnitId, list[DateRange]] = {}
    for student in students:
        placements = student.placements
        if not placements:
            continue
        if len(placements) == len({p.unit for p in placements}):  # one place at each unit
            for _, p, days in placements_at((student,), None):
                by_unit.setdefault(p.unit, []).append(days)
            continue
        for unit in {p.unit for p in placements}:
            ranges = [days for _, _, days in placements_at((student,), unit)]
            by_unit.setdefault(unit, []).extend(merged(ranges))
    return by_unit


def unit_capacity_problems(unit: HostUnit, occupied: list[DateRange]) -> list[Problem]:
    """``HOST_UNIT_OVER_CAPACITY`` for each run of days more students are placed than it has room.

    ``occupied`` holds the days each student takes a place (see :func:`occupancy`).
    """
    if len(occupied) <= unit.capacity:
        return []
    window = DateRange(min(r.start for r in occupied), max(r.end for r in occupied))
    path = record_path(("host_units", unit.id))
    return [
        Problem.of(
            path,
            "problems.rule.unit_over_capacity",
            RuleCode.HOST_UNIT_OVER_CAPACITY,
            unit=repr(unit.id),
            count=count,
            span=span(run),
            capacity=unit.capacity,
        )
        for run, count in overbooked(occupied, unit.capacity, window)
    ]


def outcome_problems(
    outcome: OutcomeRecord, students: Mapping[StudentId, Student]
) -> list[Problem]:
    """An outcome names a student of the register (paths relative to the outcome)."""
    if outcome.person in students:
        return []
    return [
        Problem.of(
            RecordPath.of("person"),
            "problems.rule.unknown_student",
            RuleCode.UNKNOWN_RECORD,
            student=repr(outcome.person),
        )
    ]


def register_problems(
    *,
    cohorts: Mapping[str, Cohort],
    students: Mapping[StudentId, Student],
    host_units: Mapping[HostUnitId, HostUnit],
    budget_pots: Mapping[str, BudgetPot],
    employments: Mapping[str, Employment],
    outcomes: Mapping[str, OutcomeRecord],
    allow_synthetic_ids: bool,
) -> list[Problem]:
    """Every rule of this module over a whole register, as when it is loaded.

    Paths start at the register (``cohorts[K1].students[S-01].attendance[2].session``:
    records by id, a student's own lists by position).
    """
    problems: list[Problem] = []
    certificates: set[str] = set()
    numbers: set[str] = set()
    for s in students.values():
        if s.national_id is not None:
            if s.national_id.value in numbers:
                problems.append(national_id_used_twice(s))
            numbers.add(s.national_id.value)
        at = partial(student_path, s.cohort, s.id)  # the path is made only for a problem
        cohort = cohorts.get(s.cohort)
        if cohort is None:
            problems.append(
                Problem.of(
                    at().child("cohort"),
                    "problems.rule.unknown_cohort",
                    RuleCode.UNKNOWN_RECORD,
                    cohort=repr(s.cohort),
                )
            )
        else:
            found = student_problems(s, cohort, host_units, allow_synthetic_ids=allow_synthetic_ids)
            if found:
                under = at()
                problems += [p.under(under) for p in found]
        if s.certificate is not None:
            if s.certificate.id in certificates:
                problems.append(
                    used_twice(at().child("certificate", "id"), "certificate", s.certificate.id)
                )
            certificates.add(s.certificate.id)
    for unit_id, occupied in occupancy(students.values()).items():
        unit = host_units.get(unit_id)
        if unit is not None:
            problems += unit_capacity_problems(unit, occupied)
    for e in employments.values():
        path = record_path(("employments", e.id))
        problems += [
            p.under(path)
            for p in employment_problems(
                e, students=students, host_units=host_units, pots=budget_pots
            )
        ]
    by_pot: dict[str, list[Employment]] = {}
    for e in employments.values():  # each employment is looked at once, whatever the pots
        if e.pot is not None:
            by_pot.setdefault(e.pot, []).append(e)
    for pot in budget_pots.values():
        path = record_path(("budget_pots", pot.id))
        problems += [p.under(path) for p in pot_problems(pot, by_pot.get(pot.id, ()))]
    for o in outcomes.values():
        path = record_path(("outcomes", o.id))
        problems += [p.under(path) for p in outcome_problems(o, students)]
    return problems
