"""A synthetic register of any size, for the benchmarks.

``synthetic_register(n)`` builds ``n`` students in cohorts of 20, each cohort
with 40 weekly sessions and three host units of its own. Every student has ~40
attendance rows (mostly present, some late, some away), one to three placements
with absences, a literature sign-off and an assignment history (one or two
submissions with assessments). Records are made directly and the register is
built with ``Register.from_records``, which checks every rule once.
Everyone in it is made up.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from mbprogram import (
    BERGEN_2010,
    AssignmentAssessment,
    Attendance,
    Cohort,
    DateRange,
    ExcusedAbsence,
    FinalAssignment,
    HostUnit,
    Hours,
    Literature,
    Placement,
    PlacementAbsence,
    Present,
    Register,
    Session,
    SignOff,
    Status,
    StatusChange,
    Student,
    Submission,
    UnexcusedAbsence,
    Verdict,
    Weekday,
    is_public_holiday,
)

COHORT_SIZE = 20
SESSIONS = 40
YEAR_START = dt.date(2025, 1, 6)  # a Monday
_WEEKDAY_SETS = (
    frozenset({Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY}),
    frozenset({Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY}),
    frozenset(Weekday(d) for d in range(5)),
)
_HOURS = (Hours("6.5"), Hours(5), Hours("3.5"))


def synthetic_register(n: int, *, seed: int = 2025) -> Register:
    """A valid register of ``n`` synthetic students (see the module docstring)."""
    rng = random.Random(seed)
    cohorts: list[Cohort] = []
    units: list[HostUnit] = []
    students: list[Student] = []
    for c in range((n + COHORT_SIZE - 1) // COHORT_SIZE):
        cohort = _cohort(c)
        cohorts.append(cohort)
        units += [
            HostUnit(id=f"U{c:05d}-{k}", name=f"Enhet {c}-{k}", capacity=COHORT_SIZE)
            for k in range(3)
        ]
        size = min(COHORT_SIZE, n - c * COHORT_SIZE)
        students += [_student(cohort, c, i, rng) for i in range(size)]
    return Register.from_records(cohorts=cohorts, students=students, host_units=units)


def _cohort(c: int) -> Cohort:
    return Cohort(
        id=f"K{c:05d}",
        name=f"Kull {c}",
        rules=BERGEN_2010,
        period=DateRange(YEAR_START, YEAR_START + dt.timedelta(weeks=50)),
        places=COHORT_SIZE,
        sessions=tuple(
            Session(
                id=f"T{s:02d}",
                day=YEAR_START + dt.timedelta(weeks=s, days=2),
                hours=Hours("6.5"),
            )
            for s in range(SESSIONS)
        ),
    )


def _student(cohort: Cohort, c: int, i: int, rng: random.Random) -> Student:
    attendance = []
    for session in cohort.sessions:
        roll = rng.random()
        mark: Present | ExcusedAbsence | UnexcusedAbsence
        if roll < 0.85:
            mark = Present(_HOURS[0] if rng.random() < 0.8 else _HOURS[rng.randrange(1, 3)])
        elif roll < 0.95:
            mark = ExcusedAbsence("legetime")
        else:
            mark = UnexcusedAbsence()
        attendance.append(Attendance(session=session.id, mark=mark))
    placements = []
    first = YEAR_START + dt.timedelta(weeks=8)
    for k in range(rng.randrange(1, 4)):
        start = first + dt.timedelta(weeks=12 * k)
        weekdays = _WEEKDAY_SETS[rng.randrange(3)]
        period = DateRange(start, start + dt.timedelta(weeks=10, days=-3))
        absent = sorted(
            {
                d
                for d in (start + dt.timedelta(days=rng.randrange(60)) for _ in range(3))
                if d.weekday() in weekdays and d <= period.end and _workday(d)
            }
        )
        placements.append(
            Placement(
                id=f"P{k + 1}",
                unit=f"U{c:05d}-{k}",
                supervisor="Veileder Vik",
                period=period,
                weekdays=weekdays,
                absences=tuple(PlacementAbsence(day=d, reason="syk") for d in absent),
            )
        )
    end = cohort.period.end
    submitted = end - dt.timedelta(weeks=6)
    resubmits = rng.random() < 0.2
    submissions = [Submission(on=submitted)]
    assessments = [
        AssignmentAssessment(
            submission=1,
            on=submitted + dt.timedelta(days=7),
            assessor="Sensor Sand",
            verdict=Verdict.NOT_APPROVED if resubmits else Verdict.APPROVED,
        )
    ]
    if resubmits:
        submissions.append(Submission(on=submitted + dt.timedelta(days=14)))
        assessments.append(
            AssignmentAssessment(
                submission=2,
                on=submitted + dt.timedelta(days=21),
                assessor="Sensor Sand",
                verdict=Verdict.APPROVED,
            )
        )
    return Student(
        id=f"S{c:05d}-{i:02d}",
        cohort=cohort.id,
        name=f"Deltaker {c}-{i}",
        status_history=(StatusChange(status=Status.ACTIVE, on=YEAR_START),),
        attendance=tuple(attendance),
        placements=tuple(placements),
        literature=Literature(sign_off=SignOff(by="Lærer Lund", on=end - dt.timedelta(weeks=8))),
        assignment=FinalAssignment(
            topic="Erfaringskompetanse",
            supervisor="Lærer Lund",
            submissions=tuple(submissions),
            assessments=tuple(assessments),
        ),
    )


def _workday(day: dt.date) -> bool:
    return not is_public_holiday(day)


def hours_total(register: Register) -> Decimal:
    """All attended hours in the register (a check that a load gave the same data)."""
    return sum(
        (a.hours.value for s in register.students.values() for a in s.attendance), Decimal(0)
    )
