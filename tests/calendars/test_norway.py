"""Tests for mbprogram.calendar.norway: Norwegian public holidays and ISO weeks."""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.calendar.norway import (
    Holiday,
    holiday_dates,
    holidays_between,
    is_public_holiday,
    iso_weeks_between,
    monday_of,
    public_holidays,
)
from mbprogram.exceptions import InvalidValueError

# Written out by hand from Easter Sunday (2024-03-31, 2025-04-20, 2026-04-05,
# 2027-03-28): Maundy Thursday E-3, Good Friday E-2, Easter Monday E+1,
# Ascension E+39, Whit Sunday E+49, Whit Monday E+50.
HOLIDAYS_BY_YEAR = {
    2024: (
        Holiday(date(2024, 1, 1), "Første nyttårsdag", "New Year's Day"),
        Holiday(date(2024, 3, 28), "Skjærtorsdag", "Maundy Thursday"),
        Holiday(date(2024, 3, 29), "Langfredag", "Good Friday"),
        Holiday(date(2024, 3, 31), "Første påskedag", "Easter Sunday"),
        Holiday(date(2024, 4, 1), "Andre påskedag", "Easter Monday"),
        Holiday(date(2024, 5, 1), "Offentlig høytidsdag", "Labour Day"),
        Holiday(date(2024, 5, 9), "Kristi himmelfartsdag", "Ascension Day"),
        Holiday(date(2024, 5, 17), "Grunnlovsdag", "Constitution Day"),
        Holiday(date(2024, 5, 19), "Første pinsedag", "Whit Sunday"),
        Holiday(date(2024, 5, 20), "Andre pinsedag", "Whit Monday"),
        Holiday(date(2024, 12, 25), "Første juledag", "Christmas Day"),
        Holiday(date(2024, 12, 26), "Andre juledag", "Boxing Day"),
    ),
    2025: (
        Holiday(date(2025, 1, 1), "Første nyttårsdag", "New Year's Day"),
        Holiday(date(2025, 4, 17), "Skjærtorsdag", "Maundy Thursday"),
        Holiday(date(2025, 4, 18), "Langfredag", "Good Friday"),
        Holiday(date(2025, 4, 20), "Første påskedag", "Easter Sunday"),
        Holiday(date(2025, 4, 21), "Andre påskedag", "Easter Monday"),
        Holiday(date(2025, 5, 1), "Offentlig høytidsdag", "Labour Day"),
        Holiday(date(2025, 5, 17), "Grunnlovsdag", "Constitution Day"),
        Holiday(date(2025, 5, 29), "Kristi himmelfartsdag", "Ascension Day"),
        Holiday(date(2025, 6, 8), "Første pinsedag", "Whit Sunday"),
        Holiday(date(2025, 6, 9), "Andre pinsedag", "Whit Monday"),
        Holiday(date(2025, 12, 25), "Første juledag", "Christmas Day"),
        Holiday(date(2025, 12, 26), "Andre juledag", "Boxing Day"),
    ),
    2026: (
        Holiday(date(2026, 1, 1), "Første nyttårsdag", "New Year's Day"),
        Holiday(date(2026, 4, 2), "Skjærtorsdag", "Maundy Thursday"),
        Holiday(date(2026, 4, 3), "Langfredag", "Good Friday"),
        Holiday(date(2026, 4, 5), "Første påskedag", "Easter Sunday"),
        Holiday(date(2026, 4, 6), "Andre påskedag", "Easter Monday"),
        Holiday(date(2026, 5, 1), "Offentlig høytidsdag", "Labour Day"),
        Holiday(date(2026, 5, 14), "Kristi himmelfartsdag", "Ascension Day"),
        Holiday(date(2026, 5, 17), "Grunnlovsdag", "Constitution Day"),
        Holiday(date(2026, 5, 24), "Første pinsedag", "Whit Sunday"),
        Holiday(date(2026, 5, 25), "Andre pinsedag", "Whit Monday"),
        Holiday(date(2026, 12, 25), "Første juledag", "Christmas Day"),
        Holiday(date(2026, 12, 26), "Andre juledag", "Boxing Day"),
    ),
    # Whit Monday is 17 May: eleven days, one of them with two names.
    2027: (
        Holiday(date(2027, 1, 1), "Første nyttårsdag", "New Year's Day"),
        Holiday(date(2027, 3, 25), "Skjærtorsdag", "Maundy Thursday"),
        Holiday(date(2027, 3, 26), "Langfredag", "Good Friday"),
        Holiday(date(2027, 3, 28), "Første påskedag", "Easter Sunday"),
        Holiday(date(2027, 3, 29), "Andre påskedag", "Easter Monday"),
        Holiday(date(2027, 5, 1), "Offentlig høytidsdag", "Labour Day"),
        Holiday(date(2027, 5, 6), "Kristi himmelfartsdag", "Ascension Day"),
        Holiday(date(2027, 5, 16), "Første pinsedag", "Whit Sunday"),
        Holiday(
            date(2027, 5, 17), "Grunnlovsdag / Andre pinsedag", "Constitution Day / Whit Monday"
        ),
        Holiday(date(2027, 12, 25), "Første juledag", "Christmas Day"),
        Holiday(date(2027, 12, 26), "Andre juledag", "Boxing Day"),
    ),
    # Easter Sunday 2012-04-08, so Ascension Day (E+39) is 17 May.
    2012: (
        Holiday(date(2012, 1, 1), "Første nyttårsdag", "New Year's Day"),
        Holiday(date(2012, 4, 5), "Skjærtorsdag", "Maundy Thursday"),
        Holiday(date(2012, 4, 6), "Langfredag", "Good Friday"),
        Holiday(date(2012, 4, 8), "Første påskedag", "Easter Sunday"),
        Holiday(date(2012, 4, 9), "Andre påskedag", "Easter Monday"),
        Holiday(date(2012, 5, 1), "Offentlig høytidsdag", "Labour Day"),
        Holiday(
            date(2012, 5, 17),
            "Grunnlovsdag / Kristi himmelfartsdag",
            "Constitution Day / Ascension Day",
        ),
        Holiday(date(2012, 5, 27), "Første pinsedag", "Whit Sunday"),
        Holiday(date(2012, 5, 28), "Andre pinsedag", "Whit Monday"),
        Holiday(date(2012, 12, 25), "Første juledag", "Christmas Day"),
        Holiday(date(2012, 12, 26), "Andre juledag", "Boxing Day"),
    ),
}

# The fixed holidays and the movable ones' distance from Easter Sunday, by name.
FIXED = {
    "Første nyttårsdag": (1, 1),
    "Offentlig høytidsdag": (5, 1),
    "Grunnlovsdag": (5, 17),
    "Første juledag": (12, 25),
    "Andre juledag": (12, 26),
}
DAYS_AFTER_EASTER = {
    "Skjærtorsdag": -3,
    "Langfredag": -2,
    "Første påskedag": 0,
    "Andre påskedag": 1,
    "Kristi himmelfartsdag": 39,
    "Første pinsedag": 49,
    "Andre pinsedag": 50,
}

years = st.integers(min_value=1, max_value=9999)
any_days = st.dates()
# Days whose holidays can be computed, with room for a range of up to 800 days.
range_starts = st.dates(max_value=date(9996, 10, 1))
range_lengths = st.integers(min_value=0, max_value=800)


def days_of(start: date, end: date) -> list[date]:
    """Every day from start to end inclusive, counted one by one."""
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def holidays_by_name(year: int) -> dict[str, date]:
    """Each holiday name of the year (merged names split apart) with its date."""
    return {
        name: holiday.day
        for holiday in public_holidays(year)
        for name in holiday.name_nb.split(" / ")
    }


# public_holidays


@pytest.mark.parametrize("year", sorted(HOLIDAYS_BY_YEAR))
def test_holidays_of_a_year_match_the_written_table(year: int) -> None:
    expected = HOLIDAYS_BY_YEAR[year]

    actual = public_holidays(year)

    assert expected == actual


def test_ascension_day_on_labour_day_is_listed_once_with_both_names() -> None:
    expected = Holiday(
        date(2008, 5, 1),
        "Offentlig høytidsdag / Kristi himmelfartsdag",
        "Labour Day / Ascension Day",
    )

    actual = [h for h in public_holidays(2008) if h.day == date(2008, 5, 1)]

    assert [expected] == actual


def test_whit_sunday_on_constitution_day_is_listed_once_with_both_names() -> None:
    expected = Holiday(
        date(2043, 5, 17), "Grunnlovsdag / Første pinsedag", "Constitution Day / Whit Sunday"
    )

    actual = [h for h in public_holidays(2043) if h.day == date(2043, 5, 17)]

    assert [expected] == actual


def test_holidays_of_a_year_are_computed_once() -> None:
    assert public_holidays(2025) is public_holidays(2025)


@pytest.mark.parametrize("year", [0, -1, 10_000])
def test_a_year_outside_1_to_9999_is_refused(year: int) -> None:
    expected = ["year"]

    with pytest.raises(InvalidValueError) as caught:
        public_holidays(year)

    assert expected == [p.path for p in caught.value.problems]


def test_the_holidays_of_the_first_and_the_last_year_there_is_are_known() -> None:
    assert date(1, 12, 25) in {h.day for h in public_holidays(1)}
    assert date(9999, 12, 26) in {h.day for h in public_holidays(9999)}
    assert not is_public_holiday(dt.date.max)
    assert is_public_holiday(date(9999, 12, 25))


def test_a_bool_is_not_a_year() -> None:
    with pytest.raises(InvalidValueError, match="whole year"):
        public_holidays(True)


@given(years)
def test_every_year_has_twelve_holidays_unless_some_fall_on_the_same_day(year: int) -> None:
    expected = 12
    holidays = public_holidays(year)
    merged = [h for h in holidays if " / " in h.name_nb]

    assert expected == len(holidays) + len(merged)
    assert 10 <= len(holidays) <= 12
    assert expected == sum(len(h.name_nb.split(" / ")) for h in holidays)
    assert expected == sum(len(h.name_en.split(" / ")) for h in holidays)


@given(years)
def test_holidays_of_a_year_lie_in_that_year_in_date_order(year: int) -> None:
    days = [h.day for h in public_holidays(year)]

    assert [year] * len(days) == [d.year for d in days]
    assert sorted(set(days)) == days


@given(years)
def test_easter_holidays_keep_their_distance_from_easter_sunday(year: int) -> None:
    expected = DAYS_AFTER_EASTER
    easter_sunday = easter(year)
    by_name = holidays_by_name(year)

    actual = {name: (by_name[name] - easter_sunday).days for name in DAYS_AFTER_EASTER}

    assert expected == actual


@given(years)
def test_easter_holidays_fall_on_their_weekday(year: int) -> None:
    expected = {
        "Skjærtorsdag": 3,  # Thursday
        "Langfredag": 4,  # Friday
        "Første påskedag": 6,  # Sunday
        "Andre påskedag": 0,  # Monday
        "Kristi himmelfartsdag": 3,
        "Første pinsedag": 6,
        "Andre pinsedag": 0,
    }
    by_name = holidays_by_name(year)

    actual = {name: by_name[name].weekday() for name in expected}

    assert expected == actual


@given(years)
def test_fixed_holidays_fall_on_their_day_every_year(year: int) -> None:
    expected = FIXED
    by_name = holidays_by_name(year)

    actual = {name: (by_name[name].month, by_name[name].day) for name in FIXED}

    assert expected == actual


# is_public_holiday


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 1),
        date(2025, 4, 17),
        date(2025, 4, 21),
        date(2025, 5, 17),  # a Saturday is still a holiday
        date(2026, 5, 14),
        date(2027, 5, 17),
        date(2012, 5, 17),
        date(2026, 12, 26),
    ],
)
def test_a_holiday_is_a_public_holiday(day: date) -> None:
    assert is_public_holiday(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 4, 16),  # Wednesday before Easter
        date(2025, 4, 19),  # Easter Saturday
        date(2025, 5, 2),
        date(2025, 12, 24),  # Christmas Eve
        date(2025, 12, 31),
        date(2026, 5, 15),  # the day after Ascension
        date(2026, 3, 2),
    ],
)
def test_an_ordinary_day_is_not_a_public_holiday(day: date) -> None:
    assert not is_public_holiday(day)


@given(range_starts)
def test_is_public_holiday_agrees_with_the_year_s_holidays(day: date) -> None:
    expected = day in {h.day for h in public_holidays(day.year)}

    actual = is_public_holiday(day)

    assert expected == actual


# holidays_between


def test_holidays_between_crosses_the_year_boundary() -> None:
    expected = (date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1))

    actual = holidays_between(date(2024, 12, 20), date(2025, 1, 5))

    assert expected == actual


def test_holidays_between_includes_both_ends() -> None:
    expected = (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1))

    actual = holidays_between(date(2025, 12, 25), date(2026, 1, 1))

    assert expected == actual


def test_holidays_between_spans_several_years() -> None:
    expected = (
        date(2025, 12, 25),
        date(2025, 12, 26),
        *(h.day for h in HOLIDAYS_BY_YEAR[2026]),
        date(2027, 1, 1),
    )

    actual = holidays_between(date(2025, 12, 1), date(2027, 1, 1))

    assert expected == actual


def test_holidays_between_lists_a_merged_day_once() -> None:
    expected = (date(2027, 5, 16), date(2027, 5, 17))

    actual = holidays_between(date(2027, 5, 10), date(2027, 5, 20))

    assert expected == actual


def test_holidays_between_ordinary_days_is_empty() -> None:
    expected = ()

    actual = holidays_between(date(2025, 2, 1), date(2025, 3, 31))

    assert expected == actual


def test_holidays_between_reaches_the_last_day_there_is() -> None:
    expected = (date(9999, 12, 25), date(9999, 12, 26))

    actual = holidays_between(date(9999, 12, 1), date.max)

    assert expected == actual


# holiday_dates


def test_holiday_dates_of_one_year_are_that_years_holidays_only() -> None:
    expected = frozenset(h.day for h in HOLIDAYS_BY_YEAR[2026])

    actual = holiday_dates(2026, 2026)

    assert expected == actual


def test_holiday_dates_of_several_years_are_the_holidays_of_each() -> None:
    expected = frozenset(h.day for year in (2024, 2025, 2026) for h in HOLIDAYS_BY_YEAR[year])

    actual = holiday_dates(2024, 2026)

    assert expected == actual


def test_holiday_dates_reach_the_last_year_there_is() -> None:
    expected = frozenset(h.day for h in public_holidays(9999))

    actual = holiday_dates(9999, 9999)

    assert expected == actual


def test_holidays_between_refuses_an_end_before_the_start() -> None:
    expected = ["end"]

    with pytest.raises(InvalidValueError) as caught:
        holidays_between(date(2025, 5, 2), date(2025, 5, 1))

    assert expected == [p.path for p in caught.value.problems]


@given(range_starts, range_lengths)
def test_holidays_between_are_the_holidays_among_the_days_of_the_range(
    start: date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    expected = tuple(d for d in days_of(start, end) if is_public_holiday(d))

    actual = holidays_between(start, end)

    assert expected == actual


# monday_of


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 1, 1), date(2024, 12, 30)),  # Wednesday, ISO week 2025-W01
        (date(2025, 1, 5), date(2024, 12, 30)),  # Sunday
        (date(2025, 1, 6), date(2025, 1, 6)),  # Monday
        (date(1, 1, 1), date(1, 1, 1)),  # the first date is a Monday
    ],
)
def test_monday_of_a_day_is_the_monday_of_its_iso_week(day: date, expected: date) -> None:
    actual = monday_of(day)

    assert expected == actual


@given(any_days)
def test_monday_of_is_a_monday_at_most_six_days_before(day: date) -> None:
    expected = 0  # Monday

    monday = monday_of(day)

    assert expected == monday.weekday()
    assert 0 <= (day - monday).days <= 6


@given(any_days)
def test_monday_of_is_in_the_same_iso_week(day: date) -> None:
    expected = day.isocalendar()[:2]

    actual = monday_of(day).isocalendar()[:2]

    assert expected == actual


# iso_weeks_between


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 1, 3), date(2025, 1, 6), 2),  # Friday to the next Monday
        (date(2025, 1, 8), date(2025, 1, 8), 1),  # one day
        (date(2025, 1, 6), date(2025, 1, 12), 1),  # Monday to Sunday
        (date(2025, 1, 5), date(2025, 1, 6), 2),  # Sunday to Monday
        (date(2024, 12, 30), date(2025, 12, 28), 52),  # ISO year 2025
        (date(2025, 12, 29), date(2027, 1, 3), 53),  # ISO year 2026 has a week 53
    ],
)
def test_iso_weeks_between_counts_the_weeks_the_range_touches(
    start: date, end: date, expected: int
) -> None:
    actual = iso_weeks_between(start, end)

    assert expected == actual


def test_iso_weeks_between_refuses_an_end_before_the_start() -> None:
    expected = ["end"]

    with pytest.raises(InvalidValueError) as caught:
        iso_weeks_between(date(2025, 5, 2), date(2025, 5, 1))

    assert expected == [p.path for p in caught.value.problems]


@given(st.dates(max_value=date(9997, 1, 1)), range_lengths)
def test_iso_weeks_between_is_the_number_of_distinct_mondays_in_the_range(
    start: date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    expected = len({monday_of(d) for d in days_of(start, end)})

    actual = iso_weeks_between(start, end)

    assert expected == actual


@given(st.dates(max_value=date(9990, 1, 1)), range_lengths, range_lengths)
def test_iso_weeks_between_never_falls_when_the_end_moves_later(
    start: date, length: int, more: int
) -> None:
    end = start + dt.timedelta(days=length)
    later_end = end + dt.timedelta(days=more)

    assert iso_weeks_between(start, end) <= iso_weeks_between(start, later_end)
