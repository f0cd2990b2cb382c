"""Retention: identifiers stripped, anonymous statistics unchanged.

``Register.strip_identifiers(ended_before=..., by=...)`` replaces the names,
identity numbers, contact details and free text of the students of cohorts
that ended before a date, in their records and in the history, and leaves
every figure as it was.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    Change,
    DateRange,
    ExcusedAbsence,
    RefusedChangeError,
    Register,
    Stamp,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    hiring_findings,
    pot_utilisation,
)
from mbprogram.demo import build_demo_register
from mbprogram.reports.outcomes import outcomes_report
from mbprogram.reports.progress import progress_document
from tests.builders import unsealed
from tests.privacy.helpers import everything_held, occurrences, rebuilt
from tests.privacy.registers import Scenario, scenarios

LATER = Stamp("Arkivar Aas", dt.datetime(2030, 1, 2, 9, tzinfo=dt.UTC))
#: After the demo's first cohort (MB-2024) ended, before its second (MB-2025) did.
BETWEEN_THE_DEMO_COHORTS = dt.date(2025, 1, 1)


@cache
def demo() -> Register:
    return build_demo_register()


@cache
def stripped_demo() -> Register:
    register = demo().copy()
    register.strip_identifiers(ended_before=BETWEEN_THE_DEMO_COHORTS, by=LATER)
    return register


def test_the_students_of_an_ended_cohort_lose_name_number_contact_and_notes() -> None:
    for student in stripped_demo().students_of("MB-2024"):
        assert "(fjernet)" == student.name
        assert student.national_id is None
        assert student.contact is None
        assert "" == student.notes


def test_their_free_text_is_emptied_everywhere_in_their_records() -> None:
    students = stripped_demo().students_of("MB-2024")

    reasons = [
        a.mark.reason for s in students for a in s.attendance if isinstance(a.mark, ExcusedAbsence)
    ]
    notes = [p.midway.note for s in students for p in s.placements if p.midway]
    feedback = [a.feedback for s in students if s.assignment for a in s.assignment.assessments]
    assert reasons
    assert notes
    assert {""} == set(reasons) | set(notes) | set(feedback)
    assert {"(fjernet)"} == {s.assignment.topic for s in students if s.assignment}


def test_ids_dates_background_and_benefits_stay() -> None:
    before = demo().students_of("MB-2024")
    after = stripped_demo().students_of("MB-2024")

    assert [(s.id, s.status_history[-1].on, s.background) for s in before] == [
        (s.id, s.status_history[-1].on, s.background) for s in after
    ]
    assert [e.benefit for e in demo().employments.values()] == [
        e.benefit for e in stripped_demo().employments.values()
    ]


def test_students_of_cohorts_that_have_not_ended_are_left_alone() -> None:
    assert demo().students_of("MB-2025") == stripped_demo().students_of("MB-2025")


def test_their_names_and_numbers_are_gone_from_the_history_too() -> None:
    people = demo().students_of("MB-2024")
    others = {s.name for s in demo().students_of("MB-2025")}  # the demo reuses a few names
    names = tuple(s.name for s in people if s.name not in others)
    numbers = tuple(s.national_id.value for s in people if s.national_id)

    assert names
    assert numbers
    assert [] == occurrences(names + numbers, everything_held(stripped_demo()))


def test_stripping_is_recorded_once_per_cohort_without_naming_anyone() -> None:
    stripped = stripped_demo()
    assert unsealed(
        [
            Change(
                stamp=LATER,
                action="identifiers.stripped",
                record="cohorts[MB-2024]",
                part="students",
            )
        ]
    ) == unsealed(c for c in stripped.history if c.stamp == LATER)
    assert [] == stripped.history_problems()  # the stripped history is sealed again


def test_stripping_returns_whom_it_changed_and_a_second_time_no_one() -> None:
    register = demo().copy()

    first = register.strip_identifiers(ended_before=BETWEEN_THE_DEMO_COHORTS, by=LATER)
    again = register.copy()
    second = again.strip_identifiers(ended_before=BETWEEN_THE_DEMO_COHORTS, by=LATER)

    assert tuple(s.id for s in demo().students_of("MB-2024")) == first
    assert () == second
    assert register == again


def test_the_register_stays_valid() -> None:
    assert stripped_demo() == rebuilt(stripped_demo())


@pytest.mark.parametrize(
    ("ended_before", "by", "message"),
    [
        (dt.datetime(2025, 1, 1, tzinfo=dt.UTC), LATER, "expected a date"),
        (BETWEEN_THE_DEMO_COHORTS, "Arkivar Aas", "expected a Stamp"),
    ],
)
def test_a_bad_date_or_stamp_is_refused_and_changes_nothing(
    ended_before: object, by: object, message: str
) -> None:
    register = demo().copy()

    with pytest.raises(RefusedChangeError, match=message):
        register.strip_identifiers(ended_before=ended_before, by=by)  # type: ignore[arg-type]

    assert demo() == register


# -- properties over random registers ----------------------------------------------------


def statistics(register: Register, as_of: dt.date) -> list[object]:
    """Every anonymous figure the library gives as of ``as_of``."""
    figures: list[object] = [
        progress_document(register, as_of, lang="nb"),
        progress_document(register, as_of, lang="en"),
        outcomes_report(register, as_of),
        cohort_outcomes(register, as_of),
        employment_summary(register, as_of),
        hiring_findings(register, as_of),
    ]
    figures += [graduate_outcomes(register, years_after=y, as_of=as_of) for y in (0, 1)]
    figures += [
        pot_utilisation(register, pot, DateRange(as_of - dt.timedelta(days=900), as_of))
        for pot in register.budget_pots
    ]
    return figures


@st.composite
def scenario_and_day(draw: st.DrawFn) -> tuple[Scenario, dt.date]:
    scenario = draw(scenarios())
    ends = sorted(c.period.end for c in scenario.register.cohorts.values())
    return scenario, draw(st.sampled_from(ends)) + dt.timedelta(days=draw(st.integers(0, 1)))


@given(scenario_and_day(), st.integers(0, 1_000))
def test_every_anonymous_statistic_is_unchanged(pair: tuple[Scenario, dt.date], back: int) -> None:
    scenario, ended_before = pair
    register = scenario.register.copy()
    as_of = scenario.as_of - dt.timedelta(days=back)

    register.strip_identifiers(ended_before=ended_before, by=LATER)

    assert statistics(scenario.register, as_of) == statistics(register, as_of)
    assert register == rebuilt(register)


@given(scenario_and_day())
def test_only_the_people_of_ended_cohorts_lose_their_identifiers_and_free_text(
    pair: tuple[Scenario, dt.date],
) -> None:
    scenario, ended_before = pair
    register = scenario.register.copy()
    ended = {c.id for c in register.cohorts.values() if c.period.end < ended_before}

    stripped = register.strip_identifiers(ended_before=ended_before, by=LATER)

    held = everything_held(register)
    gone = [p for p in scenario.people if p.cohort in ended]
    kept = [p for p in scenario.people if p.cohort not in ended]
    assert [] == occurrences(tuple(s for p in gone for s in p.secrets), held)
    assert {p.id for p in gone} == set(stripped)
    for p in kept:
        assert scenario.register.student(p.id) == register.student(p.id)
        assert scenario.register.employments_of(p.id) == register.employments_of(p.id)
