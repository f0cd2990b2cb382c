"""The monthly analysis dataset: dates coarsened to months, figures exact at every month's end.

``pseudonymise(register, key, coarsen_dates=True)`` gives flat rows. The tests
show exactly what ``docs/privacy.md`` promises: cohort outcomes, the
employment summary and a pot's use at the end of any month equal the
register's as of that month's last day; the state some years after
graduation is the register's at the end of the anniversary's month.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    DateRange,
    InvalidValueError,
    NotFoundError,
    Register,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    pot_utilisation,
)
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.privacy import AnalysisDataset, Month, Pseudonyms, pseudonymise
from mbprogram.rules.outcomes import GraduateState
from tests.privacy.helpers import occurrences, texts_in
from tests.privacy.registers import Scenario, scenarios

KEY = b"test key, never a real one: 0123456789"
OTHER_KEY = b"another test key, unlinkable: 9876543210"


@cache
def demo() -> Register:
    return build_demo_register()


@cache
def demo_rows() -> AnalysisDataset:
    return pseudonymise(demo(), KEY, coarsen_dates=True)


def months(first: Month, last: Month) -> list[Month]:
    out = [first]
    while out[-1] < last:
        out.append(out[-1].plus(1))
    return out


# -- months ---------------------------------------------------------------------------


def test_a_month_knows_its_first_and_last_day() -> None:
    february = Month.of(dt.date(2028, 2, 14))

    assert (dt.date(2028, 2, 1), dt.date(2028, 2, 29)) == (february.first_day, february.last_day)
    assert "2028-02" == str(february)


def test_months_count_on_across_years_and_sort_in_time() -> None:
    assert Month(2026, 1) == Month(2025, 11).plus(2)
    assert Month(2024, 12) == Month(2025, 1).plus(-1)
    assert Month(2025, 12) < Month(2026, 1)


def test_a_month_out_of_range_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        Month(2025, 13)


# -- what the rows hold ---------------------------------------------------------------


def test_the_rows_hold_months_not_days() -> None:
    rows = demo_rows()
    dated = [s.enrolled for s in rows.students] + [e.start for e in rows.employments]

    assert dated
    assert {Month} == {type(m) for m in dated}


def test_no_one_is_named_in_the_rows() -> None:
    held = list(texts_in(demo_rows()))
    people = demo().students.values()

    assert [] == occurrences(tuple(s.name for s in people), held)
    assert [] == [s.id for s in people if s.id in held]
    assert [] == [e for e in demo().employments if e in held]


@given(scenarios())
def test_no_personal_value_of_a_random_register_is_left_in_its_rows(scenario: Scenario) -> None:
    held = list(texts_in(pseudonymise(scenario.register, KEY, coarsen_dates=True)))

    assert [] == occurrences(scenario.secrets, held)
    assert [] == [p.id for p in scenario.people if p.id in held]


def test_background_is_left_out_unless_asked_for_and_benefits_are_kept() -> None:
    kept = pseudonymise(demo(), KEY, coarsen_dates=True, keep_background=True)

    names = Pseudonyms(KEY)
    assert {None} == {s.background for s in demo_rows().students}
    assert {names.student(s.id): s.background for s in demo().students.values()} == {
        s.person: s.background for s in kept.students
    }
    assert {names.employment(e.id): e.benefit for e in demo().employments.values()} == {
        e.employment: e.benefit for e in demo_rows().employments
    }


def test_the_rows_use_the_same_pseudonyms_as_the_register_export_under_the_same_key() -> None:
    names = Pseudonyms(KEY)

    assert sorted(names.student(s) for s in demo().students) == [
        s.person for s in demo_rows().students
    ]
    assert set(pseudonymise(demo(), KEY).students) == {s.person for s in demo_rows().students}


def test_an_employment_counts_at_months_end_until_the_month_after_its_last_day() -> None:
    e = next(e for e in demo().employments.values() if e.end is not None)
    row = next(
        r for r in demo_rows().employments if r.employment == Pseudonyms(KEY).employment(e.id)
    )
    assert e.end is not None

    assert Month.of(e.end + dt.timedelta(days=1)) == row.until
    assert row.employed_at_end_of(Month.of(e.end)) == (e.end == Month.of(e.end).last_day)


# -- exact figures at the end of every month -------------------------------------------


def assert_exact_at_month_end(register: Register, rows: AnalysisDataset, month: Month) -> None:
    day = month.last_day
    assert cohort_outcomes(register, day) == rows.cohort_outcomes(month)
    assert employment_summary(register, day) == rows.employment_summary(month)
    for cohort in register.cohorts:
        assert employment_summary(register, day, cohorts=[cohort]) == rows.employment_summary(
            month, cohorts=[cohort]
        )
    for pot in register.budget_pots:
        (usage,) = pot_utilisation(register, pot, DateRange(day, day), by="day")
        assert usage.in_use == rows.pot_in_use(pot, month)


def test_the_demos_figures_are_exact_at_the_end_of_every_month() -> None:
    for month in months(Month(2023, 12), Month(2028, 1)):
        assert_exact_at_month_end(demo(), demo_rows(), month)


def test_the_demos_pot_is_in_use_at_months_end_as_in_the_register() -> None:
    in_use = [demo_rows().pot_in_use(DEMO_POT, m) for m in months(Month(2025, 1), Month(2026, 12))]

    assert max(in_use) > 0


@given(scenarios())
def test_a_random_registers_figures_are_exact_at_the_end_of_every_month(
    scenario: Scenario,
) -> None:
    rows = pseudonymise(scenario.register, KEY, coarsen_dates=True)
    first = Month.of(min(c.period.start for c in scenario.register.cohorts.values()))

    for month in months(first.plus(-1), Month.of(scenario.as_of)):
        assert_exact_at_month_end(scenario.register, rows, month)


def test_asking_for_an_unknown_pot_is_refused() -> None:
    with pytest.raises(NotFoundError, match="no budget pot with id 'NOPE'"):
        demo_rows().pot_in_use("NOPE", Month(2025, 1))


# -- the approximate figure: state some years after graduation -------------------------------


def state_at(register: Register, sid: str, day: dt.date) -> GraduateState:
    """The register's state of a graduate on ``day`` (the rule of ``graduate_outcomes``)."""
    if any(e.person == sid and e.active_on(day) for e in register.employments.values()):
        return GraduateState.EMPLOYED
    known = sorted((o.on, o.kind) for o in register.outcomes.values() if o.person == sid)
    known = [k for k in known if k[0] <= day]
    return GraduateState(known[-1][1].value) if known else GraduateState.UNKNOWN


def assert_graduates_as_promised(register: Register, rows: AnalysisDataset, month: Month) -> None:
    names = Pseudonyms(KEY)
    for years in (0, 1, 2):
        approximate = rows.graduate_outcomes(years_after=years, month=month)
        exact = graduate_outcomes(register, years_after=years, as_of=month.last_day)
        assert sorted(names.student(g.person) for g in exact) == sorted(
            g.person for g in approximate
        )
        by_person = {names.student(sid): sid for sid in register.students}
        for g in approximate:
            assert state_at(register, by_person[g.person], g.checked.last_day) == g.state


def test_the_demos_graduates_are_looked_at_at_the_end_of_the_anniversary_month() -> None:
    for month in months(Month(2024, 6), Month(2027, 12)):
        assert_graduates_as_promised(demo(), demo_rows(), month)


@given(scenarios(), st.integers(0, 40))
def test_a_random_registers_graduates_are_looked_at_as_promised(
    scenario: Scenario, back: int
) -> None:
    rows = pseudonymise(scenario.register, KEY, coarsen_dates=True)

    assert_graduates_as_promised(scenario.register, rows, Month.of(scenario.as_of).plus(-back))


def test_a_negative_number_of_years_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="whole number of years"):
        demo_rows().graduate_outcomes(years_after=-1, month=Month(2026, 1))


def test_a_summary_of_an_unknown_cohort_is_refused_as_the_registers_is() -> None:
    from mbprogram import NotFoundError, build_demo_register, pseudonymise  # noqa: PLC0415
    from mbprogram.privacy import Month  # noqa: PLC0415

    dataset = pseudonymise(build_demo_register(), b"k" * 32, coarsen_dates=True)
    with pytest.raises(NotFoundError, match="NOPE"):
        dataset.employment_summary(Month(2026, 6), cohorts=["NOPE"])


def test_rows_are_in_pseudonym_order_so_exports_under_two_keys_do_not_line_up() -> None:
    register = demo()
    other = Pseudonyms(OTHER_KEY)

    first = pseudonymise(register, KEY, coarsen_dates=True)
    second = pseudonymise(register, OTHER_KEY, coarsen_dates=True)

    back = {Pseudonyms(KEY).student(s): s for s in register.students}
    back_other = {other.student(s): s for s in register.students}
    order = [back[s.person] for s in first.students]
    order_other = [back_other[s.person] for s in second.students]
    assert [s.person for s in first.students] == sorted(s.person for s in first.students)
    assert order != order_other
    assert order != list(register.students)
    assert [e.employment for e in first.employments] == sorted(
        e.employment for e in first.employments
    )
