"""A student's plan: the figures on each day from the as-of date, everything planned attended."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest

from mbprogram import (
    DateRange,
    Hours,
    InvalidValueError,
    PlacementAbsence,
    Status,
    StatusChange,
    StudentPlan,
    evaluate_student,
)
from tests.rules.test_forecast import AS_OF, ENROLLED, PLACEMENT, SESSIONS, cohort, student


def plan(**changes: object) -> StudentPlan:
    return StudentPlan.of(cohort(), student(missed=2, **changes), AS_OF)


def test_on_the_as_of_date_the_plan_has_what_the_evaluation_has() -> None:
    progress = evaluate_student(cohort(), student(missed=2), AS_OF)
    p = plan()
    assert progress.theory_hours == p.theory_hours_on(AS_OF)
    assert progress.practice_weeks == p.practice_weeks_on(AS_OF)
    assert progress.theory_share == p.theory_share_on(AS_OF)
    assert progress.practice == p.practice_days_on(AS_OF)


def test_each_session_after_the_date_adds_its_hours_on_its_day() -> None:
    p = plan()
    assert Hours(40) == p.theory_hours_on(SESSIONS[12].day - dt.timedelta(days=1))
    assert Hours(44) == p.theory_hours_on(SESSIONS[12].day)
    assert Hours(72) == p.theory_hours_on(p.ends)
    assert Fraction(72, 80) == p.theory_share_on(p.ends)


def test_each_practice_day_after_the_date_is_attended() -> None:
    p = plan()
    assert 12 == len(p.practice_days)
    assert p.practice_days == tuple(sorted(p.practice_days))
    assert (12, 12) == (p.practice_days_on(p.ends).attended, p.practice_days_on(p.ends).expected)
    assert Fraction(4) == p.practice_weeks_on(p.ends)
    assert PLACEMENT.period.end - dt.timedelta(days=3) == p.practice_days[-1]  # a Thursday
    assert SESSIONS[-1].day == p.ends


def test_overlapping_placements_each_count_their_days() -> None:
    other = attrs.evolve(
        PLACEMENT, id="P2", period=DateRange(dt.date(2026, 5, 4), dt.date(2026, 5, 10))
    )
    p = plan(placements=(PLACEMENT, other))
    assert 15 == len(p.practice_days)
    assert Fraction(4) == p.practice_weeks_on(p.ends)  # a week counts once


def test_absences_recorded_for_days_after_the_date_are_not_part_of_the_plan() -> None:
    sick = attrs.evolve(PLACEMENT, absences=[PlacementAbsence(day=dt.date(2026, 4, 14))])
    assert () == plan(placements=(sick,)).placements[0].absences


def test_a_withdrawn_student_has_nothing_planned() -> None:
    history = (
        StatusChange(status=Status.ACTIVE, on=ENROLLED),
        StatusChange(status=Status.WITHDRAWN, on=dt.date(2026, 3, 1)),
    )
    p = plan(status_history=history)
    assert (True, (), (), AS_OF) == (p.closed, p.sessions, p.practice_days, p.ends)


def test_the_first_day_the_hours_are_met_is_the_day_of_the_session_that_reaches_them() -> None:
    p = plan()
    assert AS_OF == p.theory_met_on(Hours(40).value)
    assert SESSIONS[12].day == p.theory_met_on(Hours("40.5").value)
    assert SESSIONS[19].day == p.theory_met_on(Hours(72).value)
    assert p.theory_met_on(Hours("72.01").value) is None


def test_a_day_before_the_plan_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="on or after the plan's 2026-03-26"):
        plan().theory_hours_on(AS_OF - dt.timedelta(days=1))


def test_a_plan_of_something_that_is_not_a_student_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="student"):
        StudentPlan.of(cohort(), "S1", AS_OF)  # type: ignore[arg-type]
