"""The practice rule (docs/rules.md, Practice): examples for every consequence, and properties.

A literal, day-by-day reading of the rule lives here as ``reference_weeks``;
the fast implementation must agree with it on any placements.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import assume, given
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
    public_holidays,
)
from tests import strategies as gen

MON, TUE, WED, THU, FRI, SAT, SUN = (Weekday(i) for i in range(7))
WORKWEEK = (MON, TUE, WED, THU, FRI)
EVERY_DAY = (*WORKWEEK, SAT, SUN)
ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = 7 * ONE_DAY


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


def attended_and_expected(placements: list[Placement], as_of: dt.date) -> tuple[int, int]:
    days = practice_days(placements, as_of)
    return days.attended, days.expected


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


def test_a_week_in_the_middle_of_a_placement_whose_practice_days_are_all_holidays_counts_nothing():
    # Mondays 18 May, 25 May (Whit Monday) and 1 June 2026: the middle week expects no day.
    p = placement(dt.date(2026, 5, 18), dt.date(2026, 6, 7), (MON,))
    assert Fraction(2) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_a_thursday_and_friday_placement_earns_nothing_in_easter_week():
    # Maundy Thursday and Good Friday 2026 are 2 and 3 April, in the middle of the placement.
    p = placement(dt.date(2026, 3, 23), dt.date(2026, 4, 17), (THU, FRI))
    assert Fraction(3) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_an_absence_on_a_saturday_in_the_middle_of_a_placement_takes_half_that_week():
    # Weekends of 5-6, 12-13 and 19-20 September 2026; absent on Saturday 12 September.
    p = placement(dt.date(2026, 9, 5), dt.date(2026, 9, 20), (SAT, SUN), (dt.date(2026, 9, 12),))
    assert Fraction(5, 2) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_an_absence_on_a_sunday_in_the_middle_of_a_placement_takes_half_that_week():
    p = placement(dt.date(2026, 9, 5), dt.date(2026, 9, 20), (SAT, SUN), (dt.date(2026, 9, 13),))
    assert Fraction(5, 2) == practice_weeks([p], as_of=dt.date(2026, 12, 31))


def test_new_years_day_on_a_sunday_is_not_expected_in_the_last_week_of_a_placement():
    # 26 December 2022 (Boxing Day) to Friday 30 December, every day of the week: the week
    # expects Tuesday 27 to Saturday 31 December, not Sunday 1 January 2023.
    p = placement(dt.date(2022, 12, 26), dt.date(2022, 12, 30), EVERY_DAY)
    assert Fraction(4, 5) == practice_weeks([p], as_of=dt.date(2023, 1, 31))


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


def test_a_public_holiday_on_the_last_day_of_a_placement_is_not_an_expected_day():
    # 1 May 2026 is a Friday.
    p = placement(dt.date(2026, 4, 27), dt.date(2026, 5, 1))
    assert (4, 4) == attended_and_expected([p], as_of=dt.date(2026, 5, 31))


def test_a_public_holiday_on_the_first_day_of_a_placement_is_not_an_expected_day():
    p = placement(dt.date(2026, 5, 1), dt.date(2026, 5, 8))
    assert (5, 5) == attended_and_expected([p], as_of=dt.date(2026, 5, 31))


def test_a_public_holiday_on_the_as_of_date_is_not_an_expected_day():
    p = placement(dt.date(2026, 4, 27), dt.date(2026, 5, 8))
    assert (4, 4) == attended_and_expected([p], as_of=dt.date(2026, 5, 1))


def test_an_absence_on_the_as_of_date_counts_against_the_share():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 18), absent=(dt.date(2026, 9, 9),))
    assert (2, 3) == attended_and_expected([p], as_of=dt.date(2026, 9, 9))
    assert (2, 2) == attended_and_expected([p], as_of=dt.date(2026, 9, 8))


def test_practice_days_share_is_none_before_any_day_was_expected():
    p = placement(dt.date(2026, 9, 7), dt.date(2026, 9, 18))
    assert None is practice_days([p], as_of=dt.date(2026, 9, 1)).share


# -- properties ----------------------------------------------------------------------


@st.composite
def some_placements_from(draw: st.DrawFn, first: dt.date, last: dt.date) -> list[Placement]:
    """One to three placements starting on or after a day from ``first`` to ``last``."""
    start = draw(st.dates(min_value=first, max_value=last))
    n = draw(st.integers(1, 3))
    return [draw(gen.placements(not_before=start, pid=f"P{i}")) for i in range(n)]


def some_placements() -> st.SearchStrategy[list[Placement]]:
    return some_placements_from(dt.date(2025, 12, 1), dt.date(2026, 6, 1))


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


@st.composite
def holiday_weeks(draw: st.DrawFn) -> tuple[dt.date, frozenset[Weekday]]:
    """The Monday of a week with a public holiday, and some of the weekdays its holidays fall on."""
    year = draw(st.integers(1901, 9998))
    holiday = draw(st.sampled_from(public_holidays(year))).day
    monday = monday_of(holiday)
    on = sorted(
        {
            Weekday(d.weekday())
            for d in (monday + i * ONE_DAY for i in range(7))
            if is_public_holiday(d)
        }
    )
    return monday, frozenset(draw(st.lists(st.sampled_from(on), min_size=1, unique=True)))


@given(holiday_weeks(), st.integers(1, 4), st.integers(0, 6), st.integers(1, 4), st.integers(0, 6))
def test_an_all_holiday_week_in_the_middle_of_a_placement_counts_nothing(
    week, weeks_before, start_day, weeks_after, end_day
):
    monday, weekdays = week
    start = monday - weeks_before * ONE_WEEK + start_day * ONE_DAY
    end = monday + weeks_after * ONE_WEEK + end_day * ONE_DAY
    whole = placement(start, end, tuple(weekdays))
    before = placement(start, monday - ONE_DAY, tuple(weekdays))
    after = placement(monday + ONE_WEEK, end, tuple(weekdays))

    expected = practice_weeks([before], end) + practice_weeks([after], end)
    assert expected == practice_weeks([whole], end)


@st.composite
def placements_and_an_absence_in_a_middle_week(
    draw: st.DrawFn,
) -> tuple[Placement, Placement, int]:
    """A placement of three weeks or more, the same with one more absence in a middle week,
    and the number of practice days that week expects."""
    p = draw(gen.placements(not_before=dt.date(2025, 12, 1)))
    first, last = monday_of(p.period.start) + ONE_WEEK, monday_of(p.period.end) - ONE_DAY
    assume(first <= last)
    middle = gen.practice_days_of(DateRange(first, last), p.weekdays)
    free = [d for d in middle if d not in p.absent_days]
    assume(free)
    day = draw(st.sampled_from(free))
    week = [monday_of(day) + i * ONE_DAY for i in range(7)]
    expected = sum(1 for d in week if d.weekday() in p.weekdays and not is_public_holiday(d))
    absent = Placement(
        id=p.id,
        unit=p.unit,
        supervisor=p.supervisor,
        period=p.period,
        weekdays=p.weekdays,
        absences=(*p.absences, PlacementAbsence(day=day)),
    )
    return p, absent, expected


@given(placements_and_an_absence_in_a_middle_week())
def test_an_absence_in_the_middle_of_a_placement_takes_one_expected_day_of_its_week(case):
    present, absent, expected = case
    as_of = present.period.end
    assert practice_weeks([present], as_of) - Fraction(1, expected) == practice_weeks(
        [absent], as_of
    )


@given(
    st.integers(1900, 9990).flatmap(
        lambda year: some_placements_from(dt.date(year, 12, 1), dt.date(year, 12, 31))
    ),
    st.integers(0, 200),
)
def test_practice_weeks_agree_with_the_day_by_day_reading_across_a_new_year(placements, days):
    as_of = min(p.period.start for p in placements) + days * ONE_DAY
    assert reference_weeks(placements, as_of) == practice_weeks(placements, as_of)
