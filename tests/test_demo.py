"""The demo register is realistic, complete in what it shows, and the same on every run."""

from __future__ import annotations

import datetime as dt

from mbprogram import (
    AssignmentState,
    ForecastOutlook,
    Pathway,
    Status,
    forecast_cohort,
    pot_utilisation,
)
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.model.values import DateRange

REGISTER = build_demo_register()


def test_the_demo_is_the_same_on_every_run() -> None:
    assert build_demo_register() == REGISTER


def test_two_cohorts_a_year_apart_under_the_two_bergen_presets() -> None:
    cohorts = list(REGISTER.cohorts.values())
    assert ["Bergen 2010", "Bergen 2015"] == [c.rules.name for c in cohorts]
    assert 1 == cohorts[1].period.start.year - cohorts[0].period.start.year
    assert all(len(REGISTER.students_of(c.id)) == 15 for c in cohorts)


def test_it_has_a_withdrawal_a_leave_and_a_resubmission() -> None:
    students = list(REGISTER.students.values())
    assert any(s.status is Status.WITHDRAWN for s in students)
    assert any(any(c.status is Status.ON_LEAVE for c in s.status_history) for s in students)
    resubmitted = [s for s in students if s.assignment and len(s.assignment.submissions) == 2]
    assert 1 == len(resubmitted)
    as_of = dt.date(2025, 12, 31)
    assert AssignmentState.APPROVED == REGISTER.progress(resubmitted[0].id, as_of).assignment


def test_graduates_are_hired_through_every_pathway() -> None:
    assert set(Pathway) == {e.pathway for e in REGISTER.employments.values()}
    assert any(
        e.permanent_from and e.permanent_from > e.start for e in REGISTER.employments.values()
    )


def test_the_budget_pot_comes_near_its_capacity() -> None:
    usage = pot_utilisation(
        REGISTER, DEMO_POT, DateRange(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    )
    assert 8 <= max(u.in_use for u in usage) <= 10


def test_at_midsummer_the_second_cohort_has_students_on_track_at_risk_and_unreachable() -> None:
    forecast = forecast_cohort(REGISTER, "MB-2025", dt.date(2025, 6, 30))
    outlooks = {s.student: s.outlook for s in forecast.students}
    assert ForecastOutlook.ON_TRACK == outlooks["B01"]
    assert ForecastOutlook.AT_RISK == outlooks["B02"]
    assert ForecastOutlook.UNREACHABLE == outlooks["B06"]
    assert ["B02", "B03", "B05", "B06", "B09", "B10", "B11", "B12", "B15"] == [
        s.student for s in forecast.needs_help
    ]
