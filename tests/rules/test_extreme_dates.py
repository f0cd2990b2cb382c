"""Evaluations and reports at the edges of the calendar: 0001-01-01 and 9999-12-31.

Records may lie anywhere from ``date.min`` to ``date.max`` (an open-ended
employment runs to ``date.max``), and any of those days may be the as-of date.
Nothing may then fail with ``OverflowError`` or ``ValueError`` from date
arithmetic: a day past the calendar's end does not exist, and an outcome due
after it cannot be known yet.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    BudgetPot,
    Cohort,
    DateRange,
    HostUnit,
    Hours,
    OutcomeKind,
    OutcomeRecord,
    PlacementAbsence,
    Present,
    ProgrammeRules,
    Register,
    Session,
    Student,
    Supervision,
    Weekday,
    cohort_outcomes,
    employment_summary,
    evaluate_register,
    graduate_outcomes,
    hiring_findings,
    pot_utilisation,
    practice_days,
    practice_weeks,
    theory_progress,
)
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import progress_document, progress_table
from mbprogram.rules.practice import PracticeDays
from tests.builders import STAMP, placement
from tests.hiring.scenario import employment

DAY = dt.timedelta(days=1)
#: The first and the last two months there are.
EDGES = {
    "first": DateRange(dt.date.min, dt.date.min + 60 * DAY),
    "last": DateRange(dt.date.max - 60 * DAY, dt.date.max),
}
EVERY_DAY = frozenset(Weekday)


@functools.cache
def edge_register(edge: str) -> Register:
    """A register whose records all lie in the ``edge`` window, through to its last day.

    S-01 and S-02 are placed at U1 every day of the window (S-02 twice, the
    placements overlapping); S-01 graduates on the window's eleventh day and is
    employed from then on in an open-ended pot post and a temporary one to the
    window's end.
    """
    window = EDGES[edge]
    first, last = window.start, window.end
    rules = ProgrammeRules(
        name="Edge",
        theory_hours=5,
        practice_weeks=0,
        literature_sign_off=False,
        assignment_approval=False,
    )
    cohort = Cohort(
        id="K1",
        name="MB edge",
        rules=rules,
        period=window,
        places=2,
        sessions=(Session(id="SES-1", day=first, hours=Hours(5)),),
    )
    register = Register()
    register.open_cohort(cohort, by=STAMP)
    register.add_host_unit(HostUnit(id="U1", name="Solheim", capacity=2, kind="x"), by=STAMP)
    register.add_host_unit(HostUnit(id="U2", name="Nord", capacity=1, kind="x"), by=STAMP)
    for sid in ("S-01", "S-02"):
        register.enrol(Student(id=sid, cohort="K1", name="Ola Testesen"), on=first, by=STAMP)
        register.place(sid, placement(start=first, end=last, weekdays=EVERY_DAY), by=STAMP)
    register.place("S-02", placement("P2", start=first + 5 * DAY, end=last), by=STAMP)
    register.record_attendance("S-01", "SES-1", Present(Hours(5)), by=STAMP)
    graduation = first + 10 * DAY
    register.graduate("S-01", on=graduation, by=STAMP)
    register.add_budget_pot(BudgetPot(id="POT", name="MB-potten", capacity=1), by=STAMP)
    register.hire(
        employment("E1", start=graduation, pot="POT", supervision=Supervision.NONE), by=STAMP
    )
    register.hire(employment("E2", unit="U2", start=graduation, end=last), by=STAMP)
    register.record_outcome(
        OutcomeRecord(id="O1", person="S-02", kind=OutcomeKind.FURTHER_EDUCATION, on=graduation),
        by=STAMP,
    )
    return register


def queries(register: Register, as_of: dt.date, within: DateRange) -> list[Callable[[], object]]:
    """Every evaluation and report of ``register`` as of ``as_of`` (or over ``within``)."""
    s01 = register.student("S-01")
    s02 = register.student("S-02")
    cohort = register.cohort("K1")
    return [
        lambda: evaluate_register(register, as_of),
        lambda: register.progress("S-02", as_of),
        lambda: theory_progress(cohort, s01, as_of),
        lambda: practice_weeks(s02.placements, as_of),
        lambda: practice_days(s02.placements, as_of),
        lambda: hiring_findings(register, as_of),
        lambda: cohort_outcomes(register, as_of),
        lambda: employment_summary(register, as_of),
        lambda: pot_utilisation(register, "POT", within, by="day"),
        lambda: pot_utilisation(register, "POT", within, by="month"),
        lambda: register.occupancy("U1", within),
        lambda: progress_document(register, as_of),
        lambda: progress_table(register, as_of).to_text(),
        lambda: outcomes_report(register, as_of).to_text(),
        lambda: pot_table(register, "POT", within).to_text(),
        lambda: placement_table(register).to_text(),
    ]


def near(window: DateRange) -> st.SearchStrategy[dt.date]:
    """A day in ``window`` or within a month of it."""
    low = max(window.start.toordinal() - 30, 1)
    high = min(window.end.toordinal() + 30, dt.date.max.toordinal())
    return st.integers(low, high).map(dt.date.fromordinal)


@st.composite
def edge_cases(draw: st.DrawFn) -> tuple[Register, dt.date, DateRange]:
    edge = draw(st.sampled_from(sorted(EDGES)))
    window = EDGES[edge]
    as_of = draw(near(window) | st.dates())
    a, b = draw(near(window)), draw(near(window))
    return edge_register(edge), as_of, DateRange(min(a, b), max(a, b))


@given(edge_cases())
def test_every_evaluation_and_report_works_at_the_edges_of_the_calendar(
    case: tuple[Register, dt.date, DateRange],
) -> None:
    register, as_of, within = case

    for query in queries(register, as_of, within):
        query()


@given(edge_cases(), st.integers(min_value=0, max_value=20_000))
def test_outcomes_due_after_the_last_day_there_is_are_left_out(
    case: tuple[Register, dt.date, DateRange], years: int
) -> None:
    register, as_of, _ = case

    outcomes = graduate_outcomes(register, years_after=years, as_of=as_of)

    assert all(o.checked_on <= as_of for o in outcomes)
    assert all(o.checked_on.year - o.graduated_on.year == years for o in outcomes)


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_the_last_day_of_each_window_is_evaluated(edge: str) -> None:
    register = edge_register(edge)
    as_of = EDGES[edge].end

    (cohort,) = evaluate_register(register, as_of)

    assert ("S-01", "S-02") == tuple(s.student for s in cohort.students)


def test_a_placement_to_the_last_day_there_is_earns_its_last_week_in_full() -> None:
    monday = dt.date(9999, 12, 27)  # the last week: Monday 27 to Friday 31 December
    placements = [placement(start=monday, end=dt.date.max, weekdays=EVERY_DAY)]

    assert Fraction(1) == practice_weeks(placements, dt.date.max)
    assert PracticeDays(attended=5, expected=5) == practice_days(placements, dt.date.max)


def test_an_absence_on_the_last_day_there_is_takes_its_fifth_of_the_last_week() -> None:
    last_friday = dt.date.max  # Friday 31 December 9999
    p = attrs.evolve(
        placement(start=dt.date(9999, 12, 27), end=last_friday),
        absences=(PlacementAbsence(day=last_friday),),
    )

    assert Fraction(4, 5) == practice_weeks([p], dt.date.max)
    assert PracticeDays(attended=4, expected=5) == practice_days([p], dt.date.max)


def test_a_placement_on_weekends_only_earns_nothing_in_the_last_week_there_is() -> None:
    weekends = frozenset({Weekday.SATURDAY, Weekday.SUNDAY})
    placements = [placement(start=dt.date(9999, 12, 27), end=dt.date.max, weekdays=weekends)]

    assert Fraction(0) == practice_weeks(placements, dt.date.max)


def test_two_placements_to_the_last_day_there_is_take_one_place() -> None:
    register = edge_register("last")
    window = EDGES["last"]

    assert [(window, 2)] == register.occupancy("U1", window)


def test_a_graduate_ten_thousand_years_on_cannot_be_known_yet() -> None:
    register = edge_register("first")

    assert () == graduate_outcomes(register, years_after=10_000, as_of=dt.date.max)
    assert 1 == len(graduate_outcomes(register, years_after=9_998, as_of=dt.date.max))
