"""The practice rule (docs/rules.md, Practice): examples for every consequence, and properties.

A literal, day-by-day reading of the rule lives here as ``reference_weeks``;
the fast implementation must agree with it on any placements.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    DateRange,
    Placement,
    PlacementAbsence,
    Weekday,
    is_public_holiday,
    monday_of,
    practice_days,
    practice_weeks,
)
from tests import strategies as gen

MON, TUE, WED, THU, FRI = (Weekday(i) for i in range(5))
WORKWEEK = (MON, TUE, WED, THU, FRI)
ONE_DAY = dt.timedelta(days=1)


def placement(
    start: dt.date,
    end: dt.date,
    weekdays: tuple[Weekday, ...] = WORKWEEK,
    absent: tuple[dt.date, ...] = (),
    pid: str = "P1",
) -> Placement:
    return Placement(
        id=pid,
        unit="U1",
        supervisor="Veileder Vik",
        period=DateRange(start, end),
        weekdays=weekdays,
        absences=tuple(PlacementAbsence(day=d) for d in absent),
    )


def reference_weeks(placements: list[Placement], as_of: dt.date) -> Fraction:
    """docs/rules.md, Practice read literally, one day at a time."""
    per_week: dict[dt.date, Fraction] = {}
    for p in placements:
        monday = monday_of(p.period.start)
        while monday <= p.period.end:
            week = [monday + i * ONE_DAY for i in range(7)]
            expected = [d for d in week if d.weekday() in p.weekdays and not is_public_holiday(d)]
            attended = [
                d for d in expected if d in p.period and d <= as_of and d not in p.absent_days
            ]
            if expected:
                per_week[monday] = per_week.get(monday, Fraction(0)) + Fraction(
                    len(attended), len(expected)
                )
            monday += 7 * ONE_DAY
    return sum((min(Fraction(1), v) for v in per_week.values()), Fraction(0))


# -- the consequences docs/rules.md, Practice names ------------------------------------------------


def test_a_three_day_a_week_placement_completes_fourteen_weeks():
    # 17 Aug to 22 Nov 2026: fourteen whole ISO weeks without public holidays.
    p = placement(dt.date(2026, 8, 17), dt.date(2026, 11, 22), (MON, WED, THU))
    assert Fraction(14) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_a_week_with_easter_monday_needs_only_the_other_days():
    # Easter Monday 2026 is 6 April; Tuesday to Friday make the whole week.
    p = placement(dt.date(2026, 4, 6), dt.date(2026, 4, 12))
    assert Fraction(1) == practice_weeks([p], as_of=dt.date(2026, 4, 30))


def test_easter_week_needs_only_monday_to_wednesday():
    # Maundy Thursday and Good Friday 2026 are 2 and 3 April.
    p = placement(dt.date(2026, 3, 30), dt.date(2026, 4, 5))
    assert Fraction(1) == practice_weeks([p], as_of=dt.date(2026, 4, 30))


def test_a_placement_starting_on_a_friday_earns_a_fifth_of_that_week():
    p = placement(dt.date(2026, 8, 21), dt.date(2026, 10, 30))
    assert Fraction(1, 5) == practice_weeks([p], as_of=dt.date(2026, 8, 23))


def test_a_friday_to_monday_placement_earns_a_fifth_of_each_week():
    # Expected days are not clipped to the placement: each week expects 5 days.
    p = placement(dt.date(2026, 8, 21), dt.date(2026, 8, 24))
    assert Fraction(1, 5) + Fraction(1, 5) == practice_weeks([p], as_of=dt.date(2026, 8, 31))


def test_two_overlapping_placements_never_earn_more_than_one_week_per_week():
    a = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 20), pid="A")
    b = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 20), pid="B")
    assert Fraction(2) == practice_weeks([a, b], as_of=dt.date(2026, 12, 31))


def test_two_part_time_placements_in_one_week_add_up_to_at_most_one():
    a = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 13), (MON, TUE, WED), pid="A")
    b = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 13), (WED, THU, FRI), pid="B")
    assert Fraction(1) == practice_weeks([a, b], as_of=dt.date(2026, 12, 31))


def test_two_half_weeks_at_two_units_make_a_whole_week():
    a = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 8), pid="A")  # Mon-Tue of 5
    b = placement(dt.date(2026, 9, 9), dt.date(2026, 9, 11), pid="B")  # Wed-Fri of 5
    assert Fraction(1) == practice_weeks([a, b], as_of=dt.date(2026, 12, 31))


def test_an_absence_takes_its_day_from_the_week():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 13), absent=(dt.date(2026, 9, 9),))
    assert Fraction(4, 5) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_a_monday_only_placement_earns_nothing_in_the_week_of_whit_monday():
    # Whit Monday 2026 is 25 May: no expected day that week, so it adds nothing.
    p = placement(dt.date(2026, 5, 18), dt.date(2026, 5, 31), (MON,))
    assert Fraction(1) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_days_after_the_as_of_date_do_not_count():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 12, 18))
    assert Fraction(2) + Fraction(3, 5) == practice_weeks([p], as_of=dt.date(2026, 9, 23))


def test_a_placement_that_has_not_started_earns_nothing():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 12, 18))
    assert Fraction(0) == practice_weeks([p], as_of=dt.date(2026, 9, 6))


def test_practice_days_count_days_inside_the_dates_up_to_as_of():
    p = placement(
        dt.date(2026, 3, 30), dt.date(2026, 4, 10), absent=(dt.date(2026, 4, 8),)
    )  # Easter: 2, 3 and 6 April are holidays
    days = practice_days([p], as_of=dt.date(2026, 4, 30))
    assert (6, 7) == (days.attended, days.expected)
    assert Fraction(6, 7) == days.share


def test_practice_days_share_is_none_before_any_day_was_expected():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 18))
    assert None is practice_days([p], as_of=dt.date(2026, 9, 1)).share


# -- properties ----------------------------------------------------------------------


@st.composite
def some_placements(draw: st.DrawFn) -> list[Placement]:
    start = draw(st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2026, 6, 1)))
    n = draw(st.integers(1, 3))
    return [draw(gen.placements(not_before=start, pid=f"P{i}")) for i in range(n)]


as_of_dates = st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 8, 1))


@given(some_placements(), as_of_dates)
def test_practice_weeks_agree_with_the_day_by_day_reading_of_the_rule(placements, as_of):
    assert reference_weeks(placements, as_of) == practice_weeks(placements, as_of)


@given(some_placements(), as_of_dates, st.data())
def test_an_added_absence_never_raises_practice_weeks(placements, as_of, data):
    target = data.draw(st.sampled_from(placements))
    free = [
        d
        for d in gen.practice_days_of(target.period, target.weekdays)
        if d not in target.absent_days
    ]
    if not free:
        return
    day = data.draw(st.sampled_from(free))
    changed = [
        Placement(
            id=p.id,
            unit=p.unit,
            supervisor=p.supervisor,
            period=p.period,
            weekdays=p.weekdays,
            absences=(*p.absences, PlacementAbsence(day=day)),
        )
        if p is target
        else p
        for p in placements
    ]
    assert practice_weeks(changed, as_of) <= practice_weeks(placements, as_of)


@given(some_placements(), as_of_dates)
def test_practice_weeks_never_exceed_the_iso_weeks_the_placements_touch(placements, as_of):
    touched = {monday_of(d) for p in placements for d in p.period if d <= as_of}
    assert practice_weeks(placements, as_of) <= len(touched)


@given(some_placements(), as_of_dates, as_of_dates)
def test_practice_weeks_never_fall_as_the_as_of_date_moves_later(placements, a, b):
    earlier, later = sorted((a, b))
    assert practice_weeks(placements, earlier) <= practice_weeks(placements, later)


@given(some_placements(), as_of_dates)
def test_attended_practice_days_never_exceed_expected_ones(placements, as_of):
    days = practice_days(placements, as_of)
    expected = sum(
        1
        for p in placements
        for d in p.period
        if d <= as_of and d.weekday() in p.weekdays and not is_public_holiday(d)
    )
    attended = expected - sum(1 for p in placements for a in p.absent_days if a <= as_of)
    assert (attended, expected) == (days.attended, days.expected)
    assert 0 <= days.attended <= days.expected
