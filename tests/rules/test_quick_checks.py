"""The quick looks that spare a load the detailed rules agree with those rules.

A placement's constructor, and the rules across a student's records, first
tell at a glance that nothing is wrong and run the detailed rules (which say
what is wrong) only otherwise. These properties draw records near every edge
of those rules and require the same problems with the glance as without it:
the glance never passes over a broken rule. Everyone here is made up.
"""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mbprogram import (
    Attendance,
    DateRange,
    ExcusedAbsence,
    Hours,
    Placement,
    Present,
    Status,
    StatusChange,
    Student,
    UnexcusedAbsence,
    Weekday,
)
from mbprogram.exceptions import InvalidValueError
from mbprogram.model.placements import Outlook, PlacementAbsence, PlacementAssessment
from mbprogram.rules import invariants
from tests.builders import (
    COHORT,
    COHORT_ID,
    PERIOD,
    SESSIONS,
    make_register,
    session_day,
    session_id,
)

_START = dt.date(2026, 3, 2)
_DAY = dt.timedelta(days=1)

#: Days around a placement of two weeks from ``_START`` (a Monday).
_days = st.integers(-3, 17).map(lambda n: _START + n * _DAY)


def _placement_fields(draw: st.DrawFn) -> dict[str, object]:
    start = draw(_days)
    end = start + draw(st.integers(0, 14)) * _DAY
    # Most placements drawn break one rule or none, so that each rule is the only one
    # broken often enough: a glance that missed it would be caught.
    weekdays = frozenset(draw(st.sets(st.sampled_from(list(Weekday)), min_size=1)))
    if draw(st.integers(0, 9)) == 0:
        weekdays = frozenset()
    near = st.integers(-1, (end - start).days + 1).map(lambda n: start + n * _DAY)
    days = draw(st.lists(near, max_size=3)) if draw(st.booleans()) else []
    if days and draw(st.booleans()):  # a day twice
        days.append(days[0])
    absences = tuple(PlacementAbsence(day=d, reason="syk") for d in days)
    assessed = st.none() | _days.map(
        lambda d: PlacementAssessment(on=d, assessor="Veileder Vik", outlook=Outlook.ON_TRACK)
    )
    return {
        "id": "P1",
        "unit": "U1",
        "supervisor": "Veileder Vik",
        "period": DateRange(start, end),
        "weekdays": weekdays,
        "absences": absences,
        "midway": draw(assessed),
        "final": draw(assessed),
    }


def _problems_of(check: object) -> list[tuple[str, str]] | None:
    """The problems ``check()`` raises (paths and messages), or None if it raises none."""
    try:
        check()  # type: ignore[operator]
    except InvalidValueError as e:
        return [(p.path, p.message) for p in e.problems]
    return None


def _fields(**changed: object) -> dict[str, object]:
    """A placement's fields that keep every rule, but for those ``changed``."""
    fields: dict[str, object] = {
        "id": "P1",
        "unit": "U1",
        "supervisor": "Veileder Vik",
        "period": DateRange(_START, _START + 13 * _DAY),
        "weekdays": frozenset(Weekday(d) for d in range(5)),
        "absences": (PlacementAbsence(day=_START + _DAY),),
        "midway": _assessed(_START + 4 * _DAY),
        "final": _assessed(_START + 11 * _DAY),
    }
    return fields | changed


def _assessed(day: dt.date) -> PlacementAssessment:
    return PlacementAssessment(on=day, assessor="Veileder Vik", outlook=Outlook.ON_TRACK)


def _absent(*days: int) -> tuple[PlacementAbsence, ...]:
    return tuple(PlacementAbsence(day=_START + n * _DAY) for n in days)


@given(st.composite(_placement_fields)())
# Each rule the only one broken, and none (every rule is also drawn at random).
@example(_fields())
@example(_fields(weekdays=frozenset()))
@example(_fields(absences=_absent(1, 1)))
@example(_fields(absences=_absent(-1)))
@example(_fields(absences=_absent(14)))
@example(_fields(absences=_absent(5)))  # a Saturday
@example(_fields(midway=_assessed(_START - _DAY)))
@example(_fields(midway=None, final=_assessed(_START - _DAY)))
@example(_fields(final=_assessed(_START + 3 * _DAY)))
def test_a_placement_is_refused_with_exactly_the_problems_of_its_detailed_rules(
    fields: dict[str, object],
) -> None:
    made = object.__new__(Placement)  # the fields as given, no rule run yet
    for name, value in fields.items():
        object.__setattr__(made, name, value)

    detailed = _problems_of(made._problems)
    assert _problems_of(made.__attrs_post_init__) == detailed
    assert _problems_of(lambda: Placement(**fields)) == detailed  # type: ignore[arg-type]


def _mark(draw: st.DrawFn) -> Attendance:
    session = draw(st.integers(1, SESSIONS + 1))  # one more than the cohort has: unknown
    mark = draw(
        st.sampled_from([UnexcusedAbsence(), ExcusedAbsence("legetime")])
        | st.sampled_from(["4.5", "5", "5.5"]).map(lambda h: Present(Hours(h)))
    )
    return Attendance(session_id(session), mark)


@st.composite
def _students(draw: st.DrawFn) -> Student:
    # Enrolled on the cohort's first day (the usual), a day either side of it, or later;
    # gone before the last session, on the cohort's last day or after it, or never.
    enrolled = PERIOD.start + draw(st.sampled_from([-1, 0, 1]) | st.integers(2, 60)) * _DAY
    history = [StatusChange(status=Status.ACTIVE, on=enrolled)]
    if draw(st.booleans()):
        left = draw(
            st.sampled_from([PERIOD.end - _DAY, PERIOD.end, PERIOD.end + _DAY])
            | st.integers(0, 360).map(lambda n: enrolled + n * _DAY)
        )
        history.append(StatusChange(status=Status.WITHDRAWN, on=max(left, enrolled)))
    marks = {m.session: m for m in draw(st.lists(st.composite(_mark)(), max_size=8))}
    return Student(
        id="S-01",
        cohort=COHORT_ID,
        name="Ola Testesen",
        status_history=tuple(history),
        attendance=tuple(marks.values()),
    )


def _student(enrolled: dt.date, marks: dict[int, str], left: dt.date | None = None) -> Student:
    """A student enrolled on ``enrolled`` (and gone on ``left``) with ``marks`` by session:
    ``"away"`` or the hours attended."""
    history = [StatusChange(status=Status.ACTIVE, on=enrolled)]
    if left is not None:
        history.append(StatusChange(status=Status.WITHDRAWN, on=left))
    return Student(
        id="S-01",
        cohort=COHORT_ID,
        name="Ola Testesen",
        status_history=tuple(history),
        attendance=tuple(
            Attendance(session_id(i), UnexcusedAbsence() if h == "away" else Present(Hours(h)))
            for i, h in marks.items()
        ),
    )


@pytest.mark.parametrize("by_id", [False, True])
@given(student=_students())
# In term on every day of the cohort: a session it does not have, a mark longer than
# its session; gone before a session marked, enrolled after one.
@example(student=_student(PERIOD.start, {1: "5", SESSIONS + 1: "away"}))
@example(student=_student(PERIOD.start, {1: "5", 2: "5.5"}))
@example(student=_student(PERIOD.start, {1: "5", 20: "5"}, left=session_day(10)))
@example(student=_student(session_day(2), {1: "away", 2: "5"}))
def test_the_rules_across_a_students_records_find_the_same_with_the_glance_as_without(
    student: Student, by_id: bool
) -> None:
    units = make_register().host_units
    quick = invariants.student_problems(
        student, COHORT, units, allow_synthetic_ids=False, by_id=by_id
    )
    # Without the glance: every mark looked at in detail, the attendance among the dated
    # records, and the dated records always listed with their paths.
    with mock.patch.object(invariants, "_attendance_at_a_glance", return_value=(True, True)):
        detailed = invariants.student_problems(
            student, COHORT, units, allow_synthetic_ids=False, by_id=by_id
        )
    assert [(p.path, p.message, p.code) for p in quick] == [
        (p.path, p.message, p.code) for p in detailed
    ]
