"""A small, readable register scenario for tests: ``make_register()`` and friends.

The scenario is one cohort, ``K1``, under the Bergen 2010 rules (140 hours of
theory, 14 weeks of practice), running through 2026 with a 5-hour session every
Wednesday from 7 January (30 sessions, 150 hours in all), and two host units:
``U1`` with two places and ``U2`` with one. ``make_register()`` enrols three
synthetic students, ``S-01`` to ``S-03``, on the cohort's first day::

    register = make_register()
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=STAMP)
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)

Every change is made ``by=STAMP`` unless a test says otherwise; ``stamp(minutes)``
gives later stamps by the same coordinator. Everyone here is made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs
import pytest

from mbprogram import (
    BERGEN_2010,
    Change,
    Cohort,
    DateRange,
    HostUnit,
    Hours,
    NationalIdNumber,
    Placement,
    Present,
    RefusedChangeError,
    Register,
    Session,
    Stamp,
    Student,
    ValidationError,
    Verdict,
    Weekday,
)
from mbprogram.model.history import student_path

__all__ = [
    "COHORT",
    "COHORT_ID",
    "ENROLMENT_DAY",
    "GRADUATION_DAY",
    "NAMES",
    "PERIOD",
    "SESSIONS",
    "SESSION_HOURS",
    "STAMP",
    "UNIT",
    "UNIT_ONE_PLACE",
    "WORKDAYS",
    "complete",
    "enrol",
    "make_register",
    "new_student",
    "path_of",
    "paths",
    "placement",
    "refused",
    "session_day",
    "session_id",
    "stamp",
    "synthetic_id",
    "unsealed",
]

#: Who makes the changes, and when (the library never reads the clock).
STAMP = Stamp("Koordinator Krog", dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.UTC))

COHORT_ID = "K1"
PERIOD = DateRange(dt.date(2026, 1, 5), dt.date(2026, 12, 18))
#: The day ``make_register()`` enrols its students: the cohort's first day (a Monday).
ENROLMENT_DAY = PERIOD.start
SESSIONS = 30
SESSION_HOURS = Hours(5)
#: A day on which a student made ``complete()`` meets every requirement.
GRADUATION_DAY = dt.date(2026, 9, 1)

#: Host unit ids: ``UNIT`` takes two students at once, ``UNIT_ONE_PLACE`` one.
UNIT = "U1"
UNIT_ONE_PLACE = "U2"

WORKDAYS = frozenset(Weekday(d) for d in range(5))

#: Synthetic names of the students ``make_register()`` enrols, by id.
NAMES = {"S-01": "Ola Testesen", "S-02": "Kari Prøvedal", "S-03": "Per Eksempelrud"}


def stamp(minutes: int) -> Stamp:
    """``STAMP``'s coordinator, ``minutes`` later."""
    return Stamp(STAMP.actor, STAMP.at + dt.timedelta(minutes=minutes))


def session_id(i: int) -> str:
    """The id of the ``i``-th session (counting from 1): ``SES-01`` …"""
    return f"SES-{i:02d}"


def session_day(i: int) -> dt.date:
    """The day of the ``i``-th session: the ``i``-th Wednesday of 2026."""
    return dt.date(2026, 1, 7) + dt.timedelta(weeks=i - 1)


def _sessions() -> tuple[Session, ...]:
    return tuple(
        Session(id=session_id(i), day=session_day(i), hours=SESSION_HOURS, topic=f"Tema {i}")
        for i in range(1, SESSIONS + 1)
    )


#: The cohort, with its whole teaching schedule.
COHORT = Cohort(
    id=COHORT_ID, name="MB 2026", rules=BERGEN_2010, period=PERIOD, places=18, sessions=_sessions()
)


def path_of(sid: str) -> str:
    """The record path of a student of ``COHORT``: ``cohorts[K1].students[S-01]``."""
    return student_path(COHORT_ID, sid)


def synthetic_id(serial: int = 0) -> NationalIdNumber:
    """A synthetic national identity number (never a real person's)."""
    return NationalIdNumber.synthetic(dt.date(1990, 5, 17), serial=serial)


def new_student(sid: str, name: str | None = None, **details: object) -> Student:
    """A new student of ``COHORT`` with no records yet (``details`` go to :class:`Student`)."""
    return Student(
        id=sid,
        cohort=COHORT_ID,
        name=name or NAMES.get(sid, "Liv Fiktivsen"),
        **details,  # type: ignore[arg-type]
    )


def enrol(
    register: Register,
    sid: str,
    *,
    on: dt.date = ENROLMENT_DAY,
    name: str | None = None,
    by: Stamp = STAMP,
    **details: object,
) -> None:
    """Add ``sid`` to ``COHORT`` and enrol them on ``on``."""
    register.enrol(new_student(sid, name, **details), on=on, by=by)


def placement(
    pid: str = "P1",
    *,
    unit: str = UNIT,
    start: dt.date = dt.date(2026, 3, 2),
    end: dt.date = dt.date(2026, 6, 19),
    weekdays: frozenset[Weekday] = WORKDAYS,
    supervisor: str = "Veileder Vik",
) -> Placement:
    """A placement; by default full time at ``UNIT`` from 2 March to 19 June 2026 (16 weeks)."""
    return Placement(
        id=pid,
        unit=unit,
        supervisor=supervisor,
        period=DateRange(start, end),
        weekdays=weekdays,
    )


def make_register(
    students: int | tuple[str, ...] = 3, *, allow_synthetic_ids: bool = False
) -> Register:
    """A register with ``COHORT``, the units ``U1`` (2 places) and ``U2`` (1 place), and students.

    Args:
        students: how many of ``S-01``, ``S-02``, … to enrol on ``ENROLMENT_DAY``,
            or their ids.
        allow_synthetic_ids: passed to :class:`Register`.
    """
    register = Register(allow_synthetic_ids=allow_synthetic_ids)
    register.open_cohort(COHORT, by=STAMP)
    register.add_host_unit(
        HostUnit(id=UNIT, name="Aktivitetssenteret Solheim", capacity=2, kind="activity centre"),
        by=STAMP,
    )
    register.add_host_unit(
        HostUnit(id=UNIT_ONE_PLACE, name="Bo-oppfølging Nord", capacity=1, kind="housing"),
        by=STAMP,
    )
    ids = (
        students
        if isinstance(students, tuple)
        else tuple(f"S-{i:02d}" for i in range(1, students + 1))
    )
    for sid in ids:
        enrol(register, sid)
    return register


def complete(
    register: Register, sid: str, *, unit: str = UNIT, pid: str = "P1", by: Stamp = STAMP
) -> None:
    """Give ``sid`` every record they need to graduate on ``GRADUATION_DAY``.

    Full attendance at every session, a 16-week full-time placement, a literature
    sign-off and an approved final assignment. The student must be enrolled on
    ``ENROLMENT_DAY`` and hold no attendance, placement or assignment yet.
    """
    for i in range(1, SESSIONS + 1):
        register.record_attendance(sid, session_id(i), Present(SESSION_HOURS), by=by)
    register.place(sid, placement(pid, unit=unit), by=by)
    register.sign_off_literature(sid, signed_by="Lærer Lund", on=dt.date(2026, 6, 1), by=by)
    register.start_assignment(sid, topic="Håp i praksis", supervisor="Lærer Lund", by=by)
    register.submit_assignment(sid, on=dt.date(2026, 8, 3), by=by)
    register.assess_assignment(
        sid, on=dt.date(2026, 8, 17), assessor="Lærer Lund", verdict=Verdict.APPROVED, by=by
    )


E = TypeVar("E", bound=Exception)


def refused(
    register: Register, change: Callable[[], object], error: type[E] = RefusedChangeError
) -> E:
    """Make a change that must be refused; check it changed nothing; return the error."""
    before = register.copy()
    with pytest.raises(error) as caught:
        change()
    assert before == register
    assert len(before.history) == len(register.history)
    return caught.value


def paths(error: ValidationError) -> list[str]:
    """The paths of an error's problems, in order."""
    return [p.path for p in error.problems]


def unsealed(changes: Iterable[Change]) -> list[Change]:
    """The history entries without their chain values: what they say, to compare."""
    return [attrs.evolve(c, chain="") for c in changes]
