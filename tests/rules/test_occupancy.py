"""How many date ranges are in force on each day (rules/occupancy.py): merging, counting, peaks."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from mbprogram import DateRange
from mbprogram.rules.occupancy import daily_counts, merged, overbooked, peak

DAY = dt.timedelta(days=1)
MARCH = dt.date(2026, 3, 1)


def days(first: int, last: int) -> DateRange:
    """The range from ``first`` to ``last`` March 2026."""
    return DateRange(MARCH + (first - 1) * DAY, MARCH + (last - 1) * DAY)


# -- merged ------------------------------------------------------------------------------


def test_overlapping_ranges_merge_into_one():
    assert [days(1, 10)] == merged([days(1, 6), days(4, 10)])


def test_adjacent_ranges_merge_into_one():
    assert [days(1, 10)] == merged([days(1, 5), days(6, 10)])


def test_ranges_a_day_apart_stay_apart():
    assert [days(1, 5), days(7, 10)] == merged([days(1, 5), days(7, 10)])


def test_a_range_inside_another_leaves_it_as_it_is():
    assert [days(1, 3), days(10, 20)] == merged([days(1, 3), days(10, 20), days(12, 15)])


def test_a_range_that_reaches_further_extends_the_last_merged_range_only():
    assert [days(1, 3), days(10, 25)] == merged([days(1, 3), days(10, 20), days(15, 25)])


def test_ranges_are_merged_in_the_order_of_their_start():
    assert [days(1, 12)] == merged([days(8, 12), days(1, 4), days(5, 7)])


def test_no_ranges_merge_into_none():
    assert [] == merged([])


small_ranges = st.tuples(st.integers(1, 40), st.integers(0, 8)).map(
    lambda start_and_length: days(start_and_length[0], sum(start_and_length))
)


@given(st.lists(small_ranges, max_size=8))
def test_merged_ranges_cover_the_same_days_sorted_apart_and_not_touching(ranges):
    result = merged(ranges)

    assert {d for r in ranges for d in r} == {d for r in result for d in r}
    assert all(a.end + DAY < b.start for a, b in itertools.pairwise(result))


# -- counting ----------------------------------------------------------------------------


def test_the_runs_of_days_cover_the_window_with_the_ranges_in_force_on_each():
    runs = list(daily_counts([days(3, 10), days(6, 12)], days(1, 15)))

    assert [
        (days(1, 2), 0),
        (days(3, 5), 1),
        (days(6, 10), 2),
        (days(11, 12), 1),
        (days(13, 15), 0),
    ] == runs


def test_the_peak_of_no_ranges_is_zero():
    assert 0 == peak([], days(1, 31))


def test_the_peak_is_the_most_ranges_in_force_on_one_day():
    assert 2 == peak([days(1, 5), days(5, 9), days(9, 12)], days(1, 31))


def test_a_window_is_overbooked_only_on_the_days_above_the_capacity():
    assert [(days(5, 5), 2), (days(9, 9), 2)] == overbooked(
        [days(1, 5), days(5, 9), days(9, 12)], 1, days(1, 31)
    )


@given(st.lists(small_ranges, max_size=6), small_ranges)
def test_each_day_of_the_window_has_the_number_of_ranges_covering_it(ranges, window):
    counted = {d: n for run, n in daily_counts(ranges, window) for d in run}

    assert {d: sum(1 for r in ranges if d in r) for d in window} == counted
