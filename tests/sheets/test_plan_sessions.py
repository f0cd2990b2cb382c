"""A schedule planned in one rule: holidays left out, skips honoured, nothing added twice."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import Hours, InvalidValueError, RefusedChangeError, Register
from mbprogram.calendar.norway import is_public_holiday
from mbprogram.calendar.recurrence import recurring_days
from mbprogram.model.values import DateRange
from mbprogram.services.session_plan import plan_sessions
from tests.builders import COHORT, STAMP, stamp

LATER = stamp(60)
RULES = st.sampled_from(
    [
        "FREQ=WEEKLY;BYDAY=TU,TH",
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,17",
        "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=17",
    ]
)
DAYS = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))


def empty_cohort() -> Register:
    register = Register()
    register.open_cohort(attrs.evolve(COHORT, id="K0", sessions=()), by=STAMP)
    return register


@given(RULES, DAYS, st.integers(0, 400))
def test_a_plan_never_holds_a_public_holiday(rule: str, first: dt.date, days: int) -> None:
    planned = recurring_days(rule, first, first + dt.timedelta(days=days))

    assert not any(is_public_holiday(d) for d in planned)
    assert list(planned) == sorted(set(planned))


@given(RULES, st.integers(0, 300), st.integers(0, 60))
def test_planning_again_adds_nothing(rule: str, start: int, days: int) -> None:
    register = empty_cohort()
    first = dt.date(2026, 1, 5) + dt.timedelta(days=start)
    last = min(first + dt.timedelta(days=days), dt.date(2026, 12, 18))
    plan = plan_sessions(
        register, "K0", rule=rule, first=first, last=last, hours=Hours(5), by=LATER
    )
    history = len(register.history)

    again = plan_sessions(
        register, "K0", rule=rule, first=first, last=last, hours=Hours(5), by=LATER
    )

    assert () == again.added
    assert history == len(register.history)
    assert len(plan.added) == len(register.cohort("K0").sessions)


def test_tuesdays_and_thursdays_of_easter_leave_out_maundy_thursday_and_the_skipped_week() -> None:
    register = empty_cohort()

    plan = plan_sessions(
        register,
        "K0",
        rule="FREQ=WEEKLY;BYDAY=TU,TH",
        first=dt.date(2026, 3, 30),
        last=dt.date(2026, 4, 17),
        hours=Hours("3.5"),
        topic="Recovery",
        skip=[DateRange(dt.date(2026, 4, 13), dt.date(2026, 4, 17))],
        by=LATER,
    )

    assert ["2026-03-31", "2026-04-07", "2026-04-09"] == [s.id for s in plan.added]
    assert (dt.date(2026, 4, 2),) == plan.holidays
    assert 2 == len(plan.skipped)
    assert ["session.scheduled"] * 3 == [c.action for c in register.history[-3:]]
    assert all(c.stamp == LATER for c in register.history[-3:])


def test_holidays_are_kept_when_asked_and_a_dry_run_adds_nothing() -> None:
    register = empty_cohort()
    before = register.copy()

    plan = plan_sessions(
        register,
        "K0",
        rule="FREQ=WEEKLY;BYDAY=TH",
        first=dt.date(2026, 4, 1),
        last=dt.date(2026, 4, 3),
        hours=Hours(5),
        keep_holidays=True,
        dry_run=True,
        by=LATER,
    )

    assert [dt.date(2026, 4, 2)] == [s.day for s in plan.added]
    assert before == register


def test_a_day_outside_the_cohorts_period_refuses_the_whole_plan() -> None:
    register = empty_cohort()
    before = register.copy()

    with pytest.raises(RefusedChangeError):
        plan_sessions(
            register,
            "K0",
            rule="FREQ=WEEKLY;BYDAY=MO",
            first=dt.date(2026, 12, 1),
            last=dt.date(2027, 1, 31),
            hours=Hours(5),
            by=LATER,
        )
    assert before == register


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=WEEKLY;COUNT=3",
        "FREQ=WEEKLY;INTERVAL=0",
        "nonsense",
        "FREQ=WEEKLY;BYDAY=XX",
    ],
)
def test_a_rule_that_is_not_a_rule_of_days_in_the_period_is_refused(rule: str) -> None:
    with pytest.raises(InvalidValueError, match=r"^rule: "):
        recurring_days(rule, dt.date(2026, 1, 5), dt.date(2026, 2, 5))
