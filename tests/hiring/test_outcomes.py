"""Outcome queries: what became of each graduate, cohort rates, employment summaries, pot use.

All figures are as of a date and exact: rates and shares are fractions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    PERCENT_BANDS,
    CohortOutcome,
    DateRange,
    GraduateState,
    InvalidValueError,
    NotFoundError,
    OutcomeKind,
    OutcomeRecord,
    Pathway,
    PotUsage,
    Register,
    Role,
    Student,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    percent_band,
    pot_utilisation,
)
from tests import strategies as gen
from tests.builders import (
    COHORT,
    ENROLMENT_DAY,
    GRADUATION_DAY,
    STAMP,
    UNIT_ONE_PLACE,
    stamp,
)
from tests.hiring.scenario import (
    FIRST_DAY_AT_WORK,
    POT,
    employment,
    hiring_register,
    registers_with_hires,
)

ONE_DAY = dt.timedelta(days=1)
NEW_YEAR = dt.date(2027, 1, 1)
A_YEAR_ON = dt.date(2027, 9, 1)


# -- what became of each graduate -----------------------------------------------------------


@pytest.fixture
def graduates() -> Register:
    """S-01 in a pot post; S-02 in two posts from the new year; S-03 studying, then not working.

    S-04 has no certificate.
    """
    register = hiring_register()
    register.hire(employment("E1", "S-01", pot=POT), by=STAMP)
    register.hire(
        employment("E2", "S-02", start=NEW_YEAR, pathway=Pathway.PLACEMENT_UNIT), by=STAMP
    )
    register.hire(
        employment("E3", "S-02", unit=UNIT_ONE_PLACE, start=NEW_YEAR, percent=20), by=STAMP
    )
    register.record_outcome(
        OutcomeRecord(
            id="O1", person="S-03", kind=OutcomeKind.FURTHER_EDUCATION, on=dt.date(2026, 12, 1)
        ),
        by=STAMP,
    )
    register.record_outcome(
        OutcomeRecord(id="O2", person="S-03", kind=OutcomeKind.NOT_EMPLOYED, on=A_YEAR_ON),
        by=STAMP,
    )
    return register


def states(register: Register, years_after: int, as_of: dt.date) -> dict[str, GraduateState]:
    return {
        o.person: o.state for o in graduate_outcomes(register, years_after=years_after, as_of=as_of)
    }


def test_each_graduate_is_employed_studying_not_employed_or_unknown_a_year_on(graduates):
    outcomes = graduate_outcomes(graduates, years_after=1, as_of=A_YEAR_ON)

    assert [
        ("S-01", A_YEAR_ON, GraduateState.EMPLOYED, (Pathway.BUDGET_POT,), Decimal(50)),
        (
            "S-02",
            A_YEAR_ON,
            GraduateState.EMPLOYED,
            (Pathway.ORDINARY_POSITION, Pathway.PLACEMENT_UNIT),
            Decimal(70),
        ),
        ("S-03", A_YEAR_ON, GraduateState.NOT_EMPLOYED, (), Decimal(0)),
    ] == [(o.person, o.checked_on, o.state, o.pathways, o.percent) for o in outcomes]
    assert {("K1", GRADUATION_DAY)} == {(o.cohort, o.graduated_on) for o in outcomes}


def test_the_latest_outcome_on_or_before_the_day_decides(graduates):
    graduates.record_outcome(
        OutcomeRecord(id="O3", person="S-03", kind=OutcomeKind.UNKNOWN, on=A_YEAR_ON + ONE_DAY),
        by=stamp(1),
    )
    two_years_on = dt.date(2028, 9, 1)

    assert GraduateState.NOT_EMPLOYED == states(graduates, 1, two_years_on)["S-03"]
    assert GraduateState.UNKNOWN == states(graduates, 2, two_years_on)["S-03"]


def test_an_outcome_recorded_before_graduation_counts_until_a_later_one(graduates):
    graduates.record_outcome(
        OutcomeRecord(
            id="O3", person="S-03", kind=OutcomeKind.FURTHER_EDUCATION, on=dt.date(2026, 8, 1)
        ),
        by=stamp(1),
    )

    assert GraduateState.FURTHER_EDUCATION == states(graduates, 0, GRADUATION_DAY)["S-03"]


def test_at_graduation_everyone_is_unknown_until_something_is_recorded(graduates):
    assert {
        "S-01": GraduateState.UNKNOWN,
        "S-02": GraduateState.UNKNOWN,
        "S-03": GraduateState.UNKNOWN,
    } == states(graduates, 0, GRADUATION_DAY)


def test_graduates_whose_day_is_after_the_as_of_date_are_left_out(graduates):
    assert {} == states(graduates, 1, A_YEAR_ON - ONE_DAY)
    assert {} == states(graduates, 0, GRADUATION_DAY - ONE_DAY)


def test_graduates_of_different_days_are_each_looked_at_on_their_own_day():
    register = hiring_register({"S-01": GRADUATION_DAY, "S-02": dt.date(2026, 12, 1)})
    register.hire(employment("E1", "S-02", start=dt.date(2027, 11, 1)), by=STAMP)

    early = {o.person: o for o in graduate_outcomes(register, years_after=1, as_of=A_YEAR_ON)}
    both = graduate_outcomes(register, years_after=1, as_of=dt.date(2027, 12, 1))

    assert ["S-01"] == list(early)
    assert [("S-01", A_YEAR_ON), ("S-02", dt.date(2027, 12, 1))] == [
        (o.person, o.checked_on) for o in both
    ]
    assert GraduateState.EMPLOYED == both[1].state


def test_someone_whose_employment_ended_before_the_day_is_not_counted_as_employed(graduates):
    graduates.end_employment("E1", last_day=dt.date(2027, 8, 31), by=stamp(1))

    assert GraduateState.UNKNOWN == states(graduates, 1, A_YEAR_ON)["S-01"]


def test_students_without_a_certificate_have_no_graduate_outcome(graduates):
    assert "S-04" not in states(graduates, 0, dt.date(2030, 1, 1))


# -- cohort rates -------------------------------------------------------------------------------


def test_a_cohorts_graduation_and_employment_rates_are_exact_fractions(graduates):
    [outcome] = cohort_outcomes(graduates, NEW_YEAR)

    assert CohortOutcome(cohort="K1", enrolled=4, graduated=3, employed=2) == outcome
    assert (Fraction(3, 4), Fraction(2, 3)) == (outcome.graduation_rate, outcome.employment_rate)


def test_before_anyone_graduates_the_employment_rate_is_not_known(graduates):
    [outcome] = cohort_outcomes(graduates, GRADUATION_DAY - ONE_DAY)

    assert (4, 0, 0) == (outcome.enrolled, outcome.graduated, outcome.employed)
    assert (Fraction(0), None) == (outcome.graduation_rate, outcome.employment_rate)


def test_a_cohort_counts_students_enrolled_and_graduated_on_the_as_of_date(graduates):
    [before_enrolment] = cohort_outcomes(graduates, ENROLMENT_DAY - ONE_DAY)
    [enrolment_day] = cohort_outcomes(graduates, ENROLMENT_DAY)
    [graduation_day] = cohort_outcomes(graduates, GRADUATION_DAY)

    assert (0, 0) == (before_enrolment.enrolled, before_enrolment.graduated)
    assert (4, 0) == (enrolment_day.enrolled, enrolment_day.graduated)
    assert (4, 3) == (graduation_day.enrolled, graduation_day.graduated)


def test_a_cohort_counts_only_students_enrolled_by_the_as_of_date(graduates):
    later = attrs.evolve(
        COHORT,
        id="K2",
        name="MB 2027",
        period=DateRange(dt.date(2027, 4, 5), dt.date(2028, 3, 31)),
        sessions=(),
    )
    graduates.open_cohort(later, by=stamp(1))
    for sid, on in (("S-11", dt.date(2027, 4, 5)), ("S-12", dt.date(2027, 5, 3))):
        graduates.enrol(Student(id=sid, cohort="K2", name="Tor Fiktivsen"), on=on, by=stamp(2))
    graduates.add_applicant(
        Student(id="S-13", cohort="K2", name="Mari Syntetland"), on=dt.date(2027, 3, 1), by=stamp(3)
    )

    by_cohort = {o.cohort: o for o in cohort_outcomes(graduates, dt.date(2027, 4, 30))}

    assert {"K1", "K2"} == set(by_cohort)
    assert (1, 0, None) == (
        by_cohort["K2"].enrolled,
        by_cohort["K2"].graduated,
        by_cohort["K2"].employment_rate,
    )
    assert Fraction(0) == by_cohort["K2"].graduation_rate
    assert CohortOutcome(cohort="K2", enrolled=0, graduated=0, employed=0).graduation_rate is None


# -- employment summary ---------------------------------------------------------------------------


@pytest.fixture
def employed() -> Register:
    """S-01 in a pot post and a permanent 16 % post; S-02 full time; S-03 in a 40 % project."""
    register = hiring_register()
    hires = [
        employment(
            "E1", "S-01", pot=POT, roles={Role.INDIVIDUAL_USERS, Role.SYSTEM_LEVEL}, percent=50
        ),
        employment(
            "E2",
            "S-01",
            unit=UNIT_ONE_PLACE,
            percent=16,
            permanent_from=FIRST_DAY_AT_WORK,
            roles={Role.PROJECT_WORK},
        ),
        employment(
            "E3",
            "S-02",
            percent=100,
            pathway=Pathway.PLACEMENT_UNIT,
            roles={Role.INDIVIDUAL_USERS},
        ),
        employment(
            "E4",
            "S-03",
            unit=UNIT_ONE_PLACE,
            percent=40,
            pathway=Pathway.PROJECT_POSITION,
            end=dt.date(2027, 6, 30),
        ),
    ]
    for e in hires:
        register.hire(e, by=STAMP)
    return register


AS_OF = dt.date(2026, 11, 2)


def test_the_summary_counts_employments_by_pathway_and_people_by_percent_band(employed):
    summary = employment_summary(employed, AS_OF)

    assert (AS_OF, 4, 3) == (summary.as_of, summary.employments, summary.people)
    assert {
        Pathway.PLACEMENT_UNIT: 1,
        Pathway.BUDGET_POT: 1,
        Pathway.PROJECT_POSITION: 1,
        Pathway.ORDINARY_POSITION: 1,
    } == summary.by_pathway
    assert {
        "under 20 %": 0,
        "20-49 %": 1,
        "50-79 %": 1,
        "80-99 %": 0,
        "100 % or more": 1,
    } == summary.percent_bands


def test_the_summary_gives_part_time_under_half_and_permanent_shares(employed):
    summary = employment_summary(employed, AS_OF)

    assert (2, 1, 1) == (summary.part_time, summary.under_half, summary.permanent)
    assert (Fraction(2, 3), Fraction(1, 3), Fraction(1, 4)) == (
        summary.part_time_share,
        summary.under_half_share,
        summary.permanent_share,
    )


def test_roles_are_counted_per_person_as_in_the_national_survey(employed):
    summary = employment_summary(employed, AS_OF)

    assert {
        Role.INDIVIDUAL_USERS: 2,
        Role.SYSTEM_LEVEL: 1,
        Role.PROJECT_WORK: 1,
        Role.USER_ORGANISATIONS: 0,
        Role.RELATIVES: 0,
    } == summary.roles
    assert {
        Role.INDIVIDUAL_USERS: Fraction(2, 3),
        Role.SYSTEM_LEVEL: Fraction(1, 3),
        Role.PROJECT_WORK: Fraction(1, 3),
        Role.USER_ORGANISATIONS: Fraction(0),
        Role.RELATIVES: Fraction(0),
    } == summary.role_shares


def test_part_time_is_below_100_percent_and_under_half_below_50_percent():
    register = hiring_register()
    for eid, person, percent in (
        ("E1", "S-01", "49.5"),
        ("E2", "S-02", "50"),
        ("E3", "S-03", "99.5"),
        ("E4", "S-04", "100"),
    ):
        register.hire(employment(eid, person, percent=percent), by=STAMP)

    summary = employment_summary(register, AS_OF)

    assert (4, 3, 1) == (summary.people, summary.part_time, summary.under_half)


def test_a_position_counts_as_permanent_from_the_day_it_was_made_so(employed):
    employed.make_permanent("E4", on=NEW_YEAR, by=stamp(1))

    assert 1 == employment_summary(employed, NEW_YEAR - ONE_DAY).permanent
    assert 2 == employment_summary(employed, NEW_YEAR).permanent


def test_a_summary_with_nobody_employed_has_no_shares(employed):
    summary = employment_summary(employed, FIRST_DAY_AT_WORK - ONE_DAY)

    assert (0, 0) == (summary.employments, summary.people)
    assert (None, None, None) == (
        summary.part_time_share,
        summary.under_half_share,
        summary.permanent_share,
    )
    assert {None} == set(summary.role_shares.values())
    assert {0} == set(summary.percent_bands.values())


def test_a_summary_may_be_limited_to_some_cohorts(employed):
    assert 4 == employment_summary(employed, AS_OF, cohorts=["K1"]).employments
    assert 4 == employment_summary(employed, AS_OF, cohorts="K1").employments
    assert 0 == employment_summary(employed, AS_OF, cohorts=[]).employments


@pytest.mark.parametrize("cohorts", [["K9"], ["K1", "K9"], "K9"])
def test_a_summary_of_a_cohort_that_does_not_exist_is_refused(employed, cohorts):
    with pytest.raises(NotFoundError, match="K9"):
        employment_summary(employed, AS_OF, cohorts=cohorts)


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        ("0.1", "under 20 %"),
        ("19.99", "under 20 %"),
        ("20", "20-49 %"),
        ("49.9", "20-49 %"),
        ("50", "50-79 %"),
        ("79.99", "50-79 %"),
        ("80", "80-99 %"),
        ("99.9", "80-99 %"),
        ("100", "100 % or more"),
        ("116", "100 % or more"),
    ],
)
def test_a_percentage_falls_in_one_band_low_end_included(percent, band):
    assert band == percent_band(Decimal(percent))


def test_a_percentage_below_every_band_falls_in_the_lowest():
    assert "under 20 %" == percent_band(Decimal(-1))


def test_the_bands_cover_everything_from_0_without_gaps():
    lows = [low for _, low, _ in PERCENT_BANDS]
    highs = [high for _, _, high in PERCENT_BANDS]

    assert Decimal(0) == lows[0]
    assert lows[1:] == highs[:-1]


# -- pot use ----------------------------------------------------------------------------------


def test_a_pot_in_use_beyond_its_capacity_has_no_free_places_not_fewer():
    usage = PotUsage(pot=POT, period=DateRange(AS_OF, AS_OF), in_use=3, capacity=2)

    assert 0 == usage.free


@pytest.fixture
def in_use() -> Register:
    """``POT`` for two: E1 open-ended from 1 October, E2 from 15 October to 10 November."""
    register = hiring_register()
    register.hire(employment("E1", "S-01", pot=POT), by=STAMP)
    register.hire(
        employment("E2", "S-02", pot=POT, start=dt.date(2026, 10, 15), end=dt.date(2026, 11, 10)),
        by=STAMP,
    )
    register.hire(employment("E3", "S-03", unit=UNIT_ONE_PLACE), by=STAMP)  # not from the pot
    return register


def test_pot_use_by_day_gives_positions_in_use_and_free_places(in_use):
    days = DateRange(dt.date(2026, 10, 13), dt.date(2026, 10, 16))

    usage = pot_utilisation(in_use, POT, days, by="day")

    assert [
        (dt.date(2026, 10, 13), 1, 1),
        (dt.date(2026, 10, 14), 1, 1),
        (dt.date(2026, 10, 15), 2, 0),
        (dt.date(2026, 10, 16), 2, 0),
    ] == [(u.period.start, u.in_use, u.free) for u in usage]
    assert all(u.period.start == u.period.end for u in usage)
    assert {(POT, 2)} == {(u.pot, u.capacity) for u in usage}


def test_pot_use_by_month_gives_the_busiest_day_of_each_month_clipped_to_the_period(in_use):
    period = DateRange(dt.date(2026, 9, 15), dt.date(2026, 12, 10))

    usage = pot_utilisation(in_use, POT, period)

    assert [
        PotUsage(
            pot=POT,
            period=DateRange(dt.date(2026, 9, 15), dt.date(2026, 9, 30)),
            in_use=0,
            capacity=2,
        ),
        PotUsage(
            pot=POT,
            period=DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
            in_use=2,
            capacity=2,
        ),
        PotUsage(
            pot=POT,
            period=DateRange(dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
            in_use=2,
            capacity=2,
        ),
        PotUsage(
            pot=POT,
            period=DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 10)),
            in_use=1,
            capacity=2,
        ),
    ] == list(usage)
    assert [2, 0, 0, 1] == [u.free for u in usage]


def test_pot_use_of_an_unknown_pot_is_not_found(in_use):
    with pytest.raises(NotFoundError):
        pot_utilisation(in_use, "POT9", DateRange(NEW_YEAR, NEW_YEAR))


# -- properties over any register of accepted hires ---------------------------------------------

WINDOW_START = dt.date(2026, 8, 1)
WINDOW_END = dt.date(2029, 6, 30)


windows = gen.date_ranges(start=WINDOW_START, end=WINDOW_END, max_days=120)
as_of_days = st.dates(min_value=WINDOW_START, max_value=WINDOW_END)


def paid_on(register: Register, day: dt.date) -> int:
    """How many positions the pot pays on ``day``, counted from the records directly."""
    return sum(
        1
        for e in register.employments.values()
        if e.pot == POT and e.start <= day and (e.end is None or day <= e.end)
    )


@given(registers_with_hires(), windows)
def test_pot_use_by_day_is_the_count_of_positions_paid_that_day(register, window):
    usage = pot_utilisation(register, POT, window, by="day")

    assert list(window) == [u.period.start for u in usage]
    assert [paid_on(register, day) for day in window] == [u.in_use for u in usage]
    for u in usage:
        assert u.capacity - u.in_use == u.free
        assert 0 <= u.free


@given(registers_with_hires(), windows)
def test_pot_use_by_month_is_the_busiest_day_of_each_month(register, window):
    usage = pot_utilisation(register, POT, window, by="month")

    assert window.start == usage[0].period.start
    assert window.end == usage[-1].period.end
    for before, after in itertools.pairwise(usage):
        assert before.period.end + ONE_DAY == after.period.start
    for u in usage:
        assert u.period.start.month == u.period.end.month
        assert max(paid_on(register, day) for day in u.period) == u.in_use
        assert u.capacity - u.in_use == u.free >= 0


@given(registers_with_hires(), as_of_days)
def test_the_summary_is_consistent_with_the_active_employments(register, as_of):
    active = [e for e in register.employments.values() if e.active_on(as_of)]
    totals: Counter[str] = Counter()
    for e in active:
        totals[e.person] += e.percent.value  # type: ignore[assignment]

    summary = employment_summary(register, as_of)

    assert (len(active), len(totals)) == (summary.employments, summary.people)
    assert sum(summary.by_pathway.values()) == summary.employments
    assert sum(summary.percent_bands.values()) == summary.people
    assert sum(1 for t in totals.values() if t < 50) == summary.under_half
    assert summary.under_half <= summary.part_time <= summary.people
    assert summary.permanent <= summary.employments
    shares = [
        summary.part_time_share,
        summary.under_half_share,
        summary.permanent_share,
        *summary.role_shares.values(),
    ]
    for share in shares:
        assert share is None or 0 <= share <= 1
        assert share is None or isinstance(share, Fraction)
    assert (summary.people == 0) == (summary.part_time_share is None)


@given(registers_with_hires(), st.integers(0, 2), as_of_days)
def test_each_graduate_is_employed_exactly_when_a_post_is_active_on_their_day(
    register, years_after, as_of
):
    outcomes = graduate_outcomes(register, years_after=years_after, as_of=as_of)

    for o in outcomes:
        assert o.checked_on <= as_of
        active = [e for e in register.employments_of(o.person) if e.active_on(o.checked_on)]
        assert (o.state is GraduateState.EMPLOYED) == bool(active)
        assert sum((e.percent.value for e in active), Decimal(0)) == o.percent
    expected = {
        s.id
        for s in register.students.values()
        if s.certificate is not None
        and s.certificate.issued_on.replace(year=s.certificate.issued_on.year + years_after)
        <= as_of
    }
    assert expected == {o.person for o in outcomes}


@given(registers_with_hires(), as_of_days)
def test_cohort_rates_are_fractions_of_one(register, as_of):
    for outcome in cohort_outcomes(register, as_of):
        assert 0 <= outcome.employed <= outcome.graduated <= outcome.enrolled
        for rate in (outcome.graduation_rate, outcome.employment_rate):
            assert rate is None or 0 <= rate <= 1


# -- arguments that are not what the queries take -----------------------------------------------


def test_a_summary_for_one_cohort_may_name_it_on_its_own(employed):
    assert employment_summary(employed, AS_OF, cohorts=["K1"]) == employment_summary(
        employed, AS_OF, cohorts="K1"
    )


def test_pot_use_by_anything_but_day_or_month_is_refused(in_use):
    with pytest.raises(InvalidValueError) as caught:
        pot_utilisation(in_use, POT, DateRange(NEW_YEAR, NEW_YEAR), by="week")  # type: ignore[arg-type]

    assert ["by"] == [p.path for p in caught.value.problems]


@pytest.mark.parametrize("years_after", [-1, True, "1"])
def test_outcomes_a_negative_or_non_whole_number_of_years_after_graduation_are_refused(
    graduates, years_after
):
    with pytest.raises(InvalidValueError) as caught:
        graduate_outcomes(graduates, years_after=years_after, as_of=A_YEAR_ON)

    assert ["years_after"] == [p.path for p in caught.value.problems]


def test_pot_use_by_month_reaches_the_last_day_of_the_calendar(in_use):
    """An open-ended employment's period runs to ``date.max``; its last month is counted too."""
    period = DateRange(dt.date(9999, 11, 15), dt.date.max)

    usage = pot_utilisation(in_use, POT, period)

    assert [
        (DateRange(dt.date(9999, 11, 15), dt.date(9999, 11, 30)), 1),
        (DateRange(dt.date(9999, 12, 1), dt.date.max), 1),
    ] == [(u.period, u.in_use) for u in usage]
