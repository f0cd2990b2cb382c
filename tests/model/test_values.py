"""Value objects: exact hours, percentages, date ranges, weekdays and change stamps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    DateRange,
    Hours,
    InvalidValueError,
    NotFoundError,
    Percent,
    Register,
    Session,
    Stamp,
    Weekday,
)
from tests import strategies as gen

UTC = dt.UTC


def refusal(make: object, *args: object) -> InvalidValueError:
    """The error that calling ``make(*args)`` raises."""
    with pytest.raises(InvalidValueError) as caught:
        make(*args)  # type: ignore[operator]
    return caught.value


def only_problem(error: InvalidValueError) -> tuple[str, str]:
    """The path and message of an error that holds exactly one problem."""
    (problem,) = error.problems
    return problem.path, problem.message


# -- Hours: exactness ----------------------------------------------------------


def test_hours_a_hundredth_short_are_less_than_the_requirement() -> None:
    assert Hours("139.99") < Hours(140)


def test_hours_a_hair_short_are_not_the_requirement() -> None:
    short = Hours("139.99999")

    assert short < Hours(140)
    assert short != Hours(140)
    assert not short >= Hours(140)


def test_hours_equal_whatever_their_trailing_zeros() -> None:
    assert Hours(140) == Hours("140.00")
    assert hash(Hours(140)) == hash(Hours("140.00"))


def test_hours_accept_ints_decimal_strings_and_decimals() -> None:
    assert Decimal("3.5") == Hours("3.5").value
    assert Decimal("3.5") == Hours(Decimal("3.5")).value
    assert Decimal(3) == Hours(3).value
    assert Decimal("3.5") == Hours(" 3.5 ").value


def test_hours_of_zero_are_allowed() -> None:
    assert Hours(0) == Hours.zero()


# -- Hours: what is refused ------------------------------------------------------


def test_hours_refuse_binary_floats() -> None:
    path, message = only_problem(refusal(Hours, 139.99))

    assert "hours" == path
    assert "binary float 139.99" in message
    assert "string" in message
    assert "Hours('3.5')" in message


def test_hours_refusing_a_float_say_the_field_in_the_error_text() -> None:
    assert str(refusal(Hours, 0.1)).startswith("hours: ")


def test_hours_refuse_bools() -> None:
    path, message = only_problem(refusal(Hours, True))

    assert "hours" == path
    assert "bool" in message


@pytest.mark.parametrize("value", ["NaN", "nan", "sNaN", "Infinity", "-inf", Decimal("NaN")])
def test_hours_refuse_values_that_are_not_finite(value: object) -> None:
    path, message = only_problem(refusal(Hours, value))

    assert "hours" == path
    assert "finite" in message


@pytest.mark.parametrize("value", [-1, "-0.01", Decimal("-140")])
def test_hours_refuse_negative_values(value: object) -> None:
    path, message = only_problem(refusal(Hours, value))

    assert "hours" == path
    assert "0 or more" in message


@pytest.mark.parametrize("value", ["", "abc", "1,5", "3.5 h", "1/2"])
def test_hours_refuse_strings_that_are_not_numbers(value: str) -> None:
    path, message = only_problem(refusal(Hours, value))

    assert "hours" == path
    assert "expected a number such as '3.5'" in message


@pytest.mark.parametrize("value", [None, [3], Fraction(1, 2), b"3"])
def test_hours_refuse_other_types_naming_the_type(value: object) -> None:
    path, message = only_problem(refusal(Hours, value))

    assert "hours" == path
    assert type(value).__name__ in message


def test_hours_refusing_a_very_long_string_do_not_echo_all_of_it() -> None:
    _, message = only_problem(refusal(Hours, "x" * 1_000))

    assert "x" * 41 not in message


# -- Hours: arithmetic and display ------------------------------------------------


def test_hours_add_exactly() -> None:
    assert Hours("0.3") == Hours("0.1") + Hours("0.2")


def test_hours_sum_from_zero() -> None:
    assert Hours("4.75") == sum([Hours("1.5"), Hours(3), Hours("0.25")])


def test_hours_sum_of_nothing_is_zero() -> None:
    assert 0 == sum([], Hours.zero()).value


def test_hours_do_not_add_to_plain_numbers() -> None:
    with pytest.raises(TypeError):
        Hours(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Hours(1) + Decimal(1)  # type: ignore[operator]


def test_hours_subtract_to_what_remains() -> None:
    assert Hours("0.5") == Hours(140) - Hours("139.5")


def test_hours_subtraction_floors_at_zero() -> None:
    assert Hours(0) == Hours(100) - Hours(140)


def test_hours_repr_is_plain_and_evaluable() -> None:
    assert "Hours('3.5')" == repr(Hours("3.50"))
    assert "Hours('100')" == repr(Hours("1E+2"))
    assert "Hours('0')" == repr(Hours("-0.00"))
    assert Hours("3.5") == eval(repr(Hours("3.50")))  # noqa: S307


def test_hours_str_has_the_unit() -> None:
    assert "139.99 h" == str(Hours("139.990"))
    assert "0 h" == str(Hours("0.00"))


def test_hours_turn_into_floats_only_when_asked() -> None:
    assert 1.5 == float(Hours("1.5"))


BEYOND_DEFAULT_PRECISION = "139.99999999999999999999999999999"  # 32 digits; the default is 28


def test_hours_beyond_the_default_decimal_precision_are_not_rounded_up_when_added() -> None:
    short = Hours(BEYOND_DEFAULT_PRECISION)

    assert short + Hours(0) < Hours(140)
    assert sum([short, Hours(0)]) < Hours(140)
    assert Decimal("1E-29") == (Hours(140) - short).value


def test_hours_beyond_the_default_decimal_precision_are_shown_exactly() -> None:
    short = Hours(BEYOND_DEFAULT_PRECISION)

    assert f"{BEYOND_DEFAULT_PRECISION} h" == str(short)
    assert f"Hours('{BEYOND_DEFAULT_PRECISION}')" == repr(short)


# -- Hours: properties ----------------------------------------------------------

# Any exact value the library accepts: up to 40 decimal places, below 10^15.
exact_hours = st.builds(
    lambda digits, places: Hours(Decimal(digits).scaleb(-places)),
    st.integers(min_value=0, max_value=10**15 - 1),
    st.integers(min_value=0, max_value=40),
)


@given(exact_hours)
def test_hours_round_trip_through_the_string_of_their_value(h: Hours) -> None:
    assert h == Hours(str(h.value))


@given(exact_hours)
def test_hours_round_trip_through_their_repr(h: Hours) -> None:
    assert h == eval(repr(h))  # noqa: S307


@given(exact_hours, exact_hours)
def test_hours_addition_is_exact_and_commutative(a: Hours, b: Hours) -> None:
    assert Fraction(a.value) + Fraction(b.value) == Fraction((a + b).value)
    assert a + b == b + a


@given(st.lists(gen.hours(Decimal(1_000)), max_size=20))
def test_hours_sum_equals_the_sum_of_their_values(items: list[Hours]) -> None:
    assert sum((h.value for h in items), Decimal(0)) == sum(items, Hours.zero()).value


@given(exact_hours, exact_hours)
def test_hours_subtraction_is_exact_down_to_zero(a: Hours, b: Hours) -> None:
    assert max(Fraction(a.value) - Fraction(b.value), Fraction(0)) == Fraction((a - b).value)


@given(exact_hours, exact_hours)
def test_hours_ordering_agrees_with_decimal(a: Hours, b: Hours) -> None:
    assert (a.value < b.value) == (a < b)
    assert (a.value <= b.value) == (a <= b)
    assert (a.value == b.value) == (a == b)
    assert (a.value > b.value) == (a > b)


def test_hours_sums_may_pass_the_input_bound() -> None:
    most = Hours(999_999_999_999_999)

    assert Decimal(1_000_000_000_000_000) == (Hours(1) + most).value
    assert Decimal(1_999_999_999_999_998) == (most + most).value
    assert Decimal(1_999_999_999_999_998) == sum([most, most], Hours.zero()).value
    assert most == (most + most) - most


def test_hours_sums_at_the_input_bound_keep_every_decimal() -> None:
    finest = Hours("999999999999999." + "9" * 40)

    assert Fraction(finest.value) * 2 == Fraction((finest + finest).value)


def test_hours_made_from_input_are_still_bounded() -> None:
    assert "hours" == only_problem(refusal(Hours, 1_000_000_000_000_000))[0]


# -- Percent ----------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 100, "80", "12.5", Decimal("99.99")])
def test_percent_accepts_zero_to_a_hundred(value: object) -> None:
    assert Decimal(str(value)) == Percent(value).value


@pytest.mark.parametrize("value", [-1, "-0.1", "100.01", 101])
def test_percent_refuses_values_outside_zero_to_a_hundred(value: object) -> None:
    path, message = only_problem(refusal(Percent, value))

    assert "percent" == path
    assert "from 0 to 100" in message


def test_percent_refuses_binary_floats() -> None:
    path, message = only_problem(refusal(Percent, 80.0))

    assert "percent" == path
    assert "binary float" in message


def test_percent_is_an_exact_fraction_of_one() -> None:
    assert Fraction(4, 5) == Percent("80").fraction
    assert Fraction(1, 8) == Percent("12.5").fraction
    assert Fraction(1, 3) != Percent("33.33").fraction


def test_percent_displays_plainly() -> None:
    assert "Percent('80')" == repr(Percent("80.0"))
    assert "12.5 %" == str(Percent("12.50"))


@given(gen.percents)
def test_percent_fraction_is_its_value_over_a_hundred(p: Percent) -> None:
    assert Fraction(p.value) == p.fraction * 100
    assert 0 <= p.fraction <= 1


# -- DateRange --------------------------------------------------------------------


def test_date_range_refuses_an_end_before_its_start() -> None:
    error = refusal(DateRange, dt.date(2026, 4, 1), dt.date(2026, 3, 1))

    assert ("end", "2026-03-01 is before start 2026-04-01") == only_problem(error)
    assert "end: 2026-03-01 is before start 2026-04-01" == str(error)


def test_date_range_of_one_day_is_allowed() -> None:
    day = dt.date(2026, 4, 1)

    assert 1 == len(DateRange(day, day))


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2026-04-01", dt.date(2026, 5, 1), "start"),
        (dt.date(2026, 4, 1), dt.datetime(2026, 5, 1, tzinfo=UTC), "end"),
    ],
)
def test_date_range_refuses_what_is_not_a_date(start: object, end: object, field: str) -> None:
    path, message = only_problem(refusal(DateRange, start, end))

    assert field == path
    assert "expected a date" in message


def test_date_range_contains_its_first_and_last_days() -> None:
    april = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 30))

    assert dt.date(2026, 4, 1) in april
    assert dt.date(2026, 4, 30) in april
    assert dt.date(2026, 3, 31) not in april
    assert dt.date(2026, 5, 1) not in april


def test_date_range_contains_no_datetimes_or_other_things() -> None:
    april = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 30))

    assert dt.datetime(2026, 4, 15, 12, tzinfo=UTC) not in april
    assert "2026-04-15" not in april


def test_date_range_iterates_its_days_in_order() -> None:
    days = list(DateRange(dt.date(2026, 2, 27), dt.date(2026, 3, 2)))

    assert [
        dt.date(2026, 2, 27),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 2),
    ] == days


def test_date_range_iterates_to_the_last_day_there_is() -> None:
    last_days = DateRange(dt.date.max - dt.timedelta(days=1), dt.date.max)

    assert [dt.date.max - dt.timedelta(days=1), dt.date.max] == list(last_days)
    assert [dt.date.max] == list(DateRange(dt.date.max, dt.date.max))


def test_date_range_length_counts_both_ends() -> None:
    assert 366 == len(DateRange(dt.date(2028, 1, 1), dt.date(2028, 12, 31)))


def test_date_ranges_that_share_one_day_overlap() -> None:
    march = DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    april = DateRange(dt.date(2026, 3, 31), dt.date(2026, 4, 30))

    assert march.overlaps(april)


def test_adjacent_date_ranges_do_not_overlap() -> None:
    march = DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    april = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 30))

    assert not march.overlaps(april)
    assert not april.overlaps(march)


def test_date_range_str_shows_both_ends() -> None:
    assert "2026-03-01..2026-03-31" == str(DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))


#: Short ranges in one half-year, so that overlapping and disjoint pairs are both common.
spring_ranges = gen.date_ranges(start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30), max_days=60)


@given(spring_ranges, spring_ranges)
def test_date_range_overlap_is_symmetric(a: DateRange, b: DateRange) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(spring_ranges, spring_ranges)
def test_date_range_overlap_agrees_with_comparing_day_by_day(a: DateRange, b: DateRange) -> None:
    assert bool(set(a) & set(b)) == a.overlaps(b)


@given(gen.date_ranges(max_days=800))
def test_date_range_length_is_the_number_of_days_it_iterates(r: DateRange) -> None:
    days = list(r)

    assert len(days) == len(r)
    assert r.start == days[0]
    assert r.end == days[-1]


@given(spring_ranges, gen.days)
def test_date_range_contains_exactly_the_days_it_iterates(r: DateRange, day: dt.date) -> None:
    assert (day in set(r)) == (day in r)


# -- Weekday --------------------------------------------------------------------


@pytest.mark.parametrize("day", list(Weekday))
def test_weekday_short_names_round_trip(day: Weekday) -> None:
    assert day == Weekday.from_short(day.short)


def test_weekday_short_names_are_three_lowercase_letters() -> None:
    assert ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] == [d.short for d in Weekday]


def test_weekday_numbers_match_the_standard_library() -> None:
    monday = dt.date(2026, 3, 2)

    assert Weekday.MONDAY == monday.weekday()
    assert Weekday.SUNDAY == (monday + dt.timedelta(days=6)).weekday()


def test_weekday_short_names_are_read_in_any_case() -> None:
    assert Weekday.TUESDAY == Weekday.from_short(" TUE ")


@pytest.mark.parametrize("name", ["mandag", "", "monday", "m"])
def test_weekday_refuses_unknown_names(name: str) -> None:
    path, message = only_problem(refusal(Weekday.from_short, name))

    assert "weekday" == path
    assert "mon, tue, wed, thu, fri, sat, sun" in message


# -- Stamp ------------------------------------------------------------------------


def test_stamp_keeps_who_and_when() -> None:
    at = dt.datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    stamp = Stamp("koordinator", at)

    assert ("koordinator", at) == (stamp.actor, stamp.at)


def test_stamp_refuses_a_naive_datetime() -> None:
    path, message = only_problem(refusal(Stamp, "koordinator", dt.datetime(2026, 1, 5, 9)))  # noqa: DTZ001

    assert "at" == path
    assert "timezone-aware" in message


def test_stamp_refuses_a_date_without_a_time() -> None:
    path, _ = only_problem(refusal(Stamp, "koordinator", dt.date(2026, 1, 5)))

    assert "at" == path


@pytest.mark.parametrize("actor", ["", "   "])
def test_stamp_refuses_an_empty_actor(actor: str) -> None:
    path, message = only_problem(refusal(Stamp, actor, dt.datetime(2026, 1, 5, tzinfo=UTC)))

    assert "actor" == path
    assert "non-empty" in message


def test_stamps_are_values() -> None:
    at = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)

    assert Stamp("koordinator", at) == Stamp("koordinator", at)
    assert 1 == len({Stamp("koordinator", at), Stamp("koordinator", at)})


@pytest.mark.parametrize("value", ["1e15", "1" + "0" * 15, "0." + "0" * 40 + "1", "1e-41"])
def test_hours_refuse_numbers_too_large_or_too_fine_to_be_hours(value: str) -> None:
    error = refusal(Hours, value)
    assert "below 10^15" in str(error)


# -- text that cannot be stored, ids that may be identity numbers -------------------------


@pytest.mark.parametrize("bad", ["\x00", "Ola\x00", "\ud800", "navn \udfff her"])
def test_text_refuses_nul_and_lone_surrogates_without_showing_the_text(bad: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Stamp(bad, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    assert ["actor"] == [p.path for p in caught.value.problems]
    assert "NUL characters or lone surrogates" in str(caught.value)
    assert bad not in str(caught.value)


@given(st.text(gen.storable_characters, min_size=1, max_size=200))
def test_any_other_text_is_stored_as_written(text: str) -> None:
    if text.strip():
        assert text == Stamp(text, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).actor


@pytest.mark.parametrize("number", ["17859000185", "01019012345", "00000000000"])
def test_an_id_of_eleven_digits_is_refused_as_it_may_be_an_identity_number(number: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Session(id=number, day=dt.date(2026, 1, 7), hours=Hours(5))

    assert ["id"] == [p.path for p in caught.value.problems]
    assert number not in str(caught.value)


@pytest.mark.parametrize("fine", ["1785900018", "178590001855", "S-17859000185", "MB-2026"])
def test_other_ids_are_accepted(fine: str) -> None:
    assert fine == Session(id=fine, day=dt.date(2026, 1, 7), hours=Hours(5)).id


@pytest.mark.parametrize("looked_up", ["17859000185", "Ola Testesen", "x" * 100])
def test_a_lookup_of_something_that_is_not_an_id_never_quotes_it(looked_up: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        Register().student(looked_up)

    assert looked_up not in str(caught.value)
    assert "not a valid id" in str(caught.value)
    assert caught.value.record_id is None


def test_a_lookup_of_an_unknown_id_names_it() -> None:
    with pytest.raises(NotFoundError, match="no student with id 'S-99'"):
        Register().student("S-99")
