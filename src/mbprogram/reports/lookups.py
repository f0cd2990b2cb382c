"""The register's records as tables to look things up in: students, sessions, host units.

Rows hold ids, dates, figures and codes. A student's name is in a row only
when asked for (``names=True``); national identity numbers, contact details,
background, notes and reasons are never in a row.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from mbprogram.model.students import Status
from mbprogram.reports.table import Table

if TYPE_CHECKING:
    from mbprogram.register.queries import RegisterQueries

__all__ = ["SessionRow", "StudentRow", "UnitRow", "session_table", "student_table", "unit_table"]


@attrs.frozen(kw_only=True)
class StudentRow:
    """A student: their cohort, latest status and since when, enrolment and records held.

    ``name`` is ``None`` unless the table was made with names.
    """

    cohort: str
    student: str
    name: str | None = attrs.field(default=None, repr=False)
    status: Status | None
    since: dt.date | None
    enrolled_on: dt.date | None
    placements: int
    certificate: str | None


@attrs.frozen(kw_only=True)
class SessionRow:
    """A teaching session of a cohort."""

    cohort: str
    session: str
    day: dt.date
    hours: Decimal
    topic: str


@attrs.frozen(kw_only=True)
class UnitRow:
    """A host unit."""

    unit: str
    name: str
    capacity: int
    kind: str


def student_table(
    register: RegisterQueries, *, cohort: str | None = None, names: bool = False
) -> Table[StudentRow]:
    """The students (of ``cohort``, or of every cohort), by cohort and id.

    Raises:
        NotFoundError: if ``cohort`` names no cohort.
    """
    students = (
        register.students_of(cohort) if cohort is not None else tuple(register.students.values())
    )
    rows = [
        StudentRow(
            cohort=s.cohort,
            student=s.id,
            name=s.name if names else None,
            status=s.status,
            since=s.status_history[-1].on if s.status_history else None,
            enrolled_on=s.enrolled_on,
            placements=len(s.placements),
            certificate=s.certificate.id if s.certificate else None,
        )
        for s in sorted(students, key=lambda s: (s.cohort, s.id))
    ]
    columns = tuple(f.name for f in attrs.fields(StudentRow) if names or f.name != "name")
    which = f"cohort {cohort}" if cohort is not None else "all cohorts"
    table = Table.of(f"Students of {which}", StudentRow, rows)
    # mypy reads attrs' ``converter=tuple`` as a generic it cannot solve
    return attrs.evolve(table, columns=columns)  # type: ignore[arg-type]


def session_table(register: RegisterQueries, cohort: str) -> Table[SessionRow]:
    """A cohort's sessions, by day and id.

    Raises:
        NotFoundError: if ``cohort`` names no cohort.
    """
    sessions = sorted(register.cohort(cohort).sessions, key=lambda s: (s.day, s.id))
    return Table.of(
        f"Sessions of cohort {cohort}",
        SessionRow,
        (
            SessionRow(cohort=cohort, session=s.id, day=s.day, hours=s.hours.value, topic=s.topic)
            for s in sessions
        ),
    )


def unit_table(register: RegisterQueries) -> Table[UnitRow]:
    """The host units, by id."""
    return Table.of(
        "Host units",
        UnitRow,
        (
            UnitRow(unit=u.id, name=u.name, capacity=u.capacity, kind=u.kind)
            for u in sorted(register.host_units.values(), key=lambda u: u.id)
        ),
    )
