"""The query functions refuse wrongly typed arguments with an error naming the argument.

Every entry point that evaluates or reports as of a date checks its arguments
once, before any work: a wrong type is an :class:`InvalidValueError` that says
which argument, what was expected and what was got, never a ``TypeError`` or
``AttributeError`` from deep inside the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from mbprogram import (
    InvalidValueError,
    active_employments,
    cohort_outcomes,
    employment_summary,
    evaluate_cohort,
    evaluate_register,
    evaluate_student,
    graduate_outcomes,
    hiring_findings,
    pot_utilisation,
    practice_days,
    practice_weeks,
    theory_progress,
)
from mbprogram.model.values import DateRange
from mbprogram.reports import plots
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.progress import progress_document, progress_of, progress_table
from mbprogram.rules.practice import practice_units
from tests.builders import STAMP
from tests.hiring.scenario import FIRST_DAY_AT_WORK, POT, employment, hiring_register

REGISTER = hiring_register()
REGISTER.hire(employment("E1", "S-01"), by=STAMP)
COHORT = REGISTER.cohort("K1")
STUDENT = REGISTER.student("S-01")
PLACEMENTS = STUDENT.placements
AS_OF = FIRST_DAY_AT_WORK
PERIOD = DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31))

Call = Callable[[Any], object]

#: Every entry point that takes ``as_of``, with the other arguments right.
AS_OF_CALLS: dict[str, Call] = {
    "evaluate_student": lambda d: evaluate_student(COHORT, STUDENT, d),
    "evaluate_cohort": lambda d: evaluate_cohort(REGISTER, "K1", d),
    "evaluate_register": lambda d: evaluate_register(REGISTER, d),
    "Register.progress": lambda d: REGISTER.progress("S-01", d),
    "Register.cohort_progress": lambda d: REGISTER.cohort_progress("K1", d),
    "Register.hiring_findings": REGISTER.hiring_findings,
    "hiring_findings": lambda d: hiring_findings(REGISTER, d),
    "active_employments": lambda d: active_employments(REGISTER, d),
    "graduate_outcomes": lambda d: graduate_outcomes(REGISTER, years_after=1, as_of=d),
    "cohort_outcomes": lambda d: cohort_outcomes(REGISTER, d),
    "employment_summary": lambda d: employment_summary(REGISTER, d),
    "theory_progress": lambda d: theory_progress(COHORT, STUDENT, d),
    "practice_weeks": lambda d: practice_weeks(PLACEMENTS, d),
    "practice_days": lambda d: practice_days(PLACEMENTS, d),
    "practice_units": lambda d: practice_units(PLACEMENTS, d),
    "progress_of": lambda d: progress_of(REGISTER, d),
    "progress_table": lambda d: progress_table(REGISTER, d),
    "progress_document": lambda d: progress_document(REGISTER, d),
    "outcomes_report": lambda d: outcomes_report(REGISTER, d),
    "plot_cohort_progress": lambda d: plots.plot_cohort_progress(REGISTER, "K1", d),
    "plot_outcomes_by_pathway": lambda d: plots.plot_outcomes_by_pathway(REGISTER, d),
}

#: Wrong values for ``as_of`` and the end of the message each gets.
NOT_DATES: dict[str, tuple[object, str]] = {
    "str": ("2026-10-01", "expected a date (datetime.date), got str"),
    "int": (20261001, "expected a date (datetime.date), got int"),
    "None": (None, "expected a date (datetime.date), got NoneType"),
    "datetime": (dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC), "expected a date, not a datetime"),
}

#: Entry points given one other argument of the wrong kind: (call, argument, message).
OTHER_CALLS: dict[str, tuple[Callable[[], object], str, str]] = {
    "evaluate_student with a cohort id": (
        lambda: evaluate_student("K1", STUDENT, AS_OF),  # type: ignore[arg-type]
        "cohort",
        "expected a Cohort, got str",
    ),
    "evaluate_student with cohort and student swapped": (
        lambda: evaluate_student(STUDENT, COHORT, AS_OF),  # type: ignore[arg-type]
        "cohort",
        "expected a Cohort, got Student",
    ),
    "evaluate_student with the register": (
        lambda: evaluate_student(REGISTER, STUDENT, AS_OF),  # type: ignore[arg-type]
        "cohort",
        "expected a Cohort, got Register",
    ),
    "evaluate_student with a student id": (
        lambda: evaluate_student(COHORT, "S-01", AS_OF),  # type: ignore[arg-type]
        "student",
        "expected a Student, got str",
    ),
    "theory_progress with a student id": (
        lambda: theory_progress(COHORT, "S-01", AS_OF),  # type: ignore[arg-type]
        "student",
        "expected a Student, got str",
    ),
    "practice_days with a placement id": (
        lambda: practice_days("P1", AS_OF),  # type: ignore[arg-type]
        "placements",
        "expected a collection of Placement, got str",
    ),
    "practice_weeks with the student": (
        lambda: practice_weeks([STUDENT], AS_OF),  # type: ignore[list-item]
        "placements[0]",
        "expected a Placement, got Student",
    ),
    "practice_units with nothing": (
        lambda: practice_units(None, AS_OF),  # type: ignore[arg-type]
        "placements",
        "expected a collection of Placement, got NoneType",
    ),
    "Register.history_of with a number": (
        lambda: REGISTER.history_of(5),  # type: ignore[arg-type]
        "record",
        "expected a record path (str), got int",
    ),
    "Register.occupancy with a tuple": (
        lambda: REGISTER.occupancy("U1", (PERIOD.start, PERIOD.end)),  # type: ignore[arg-type]
        "within",
        "expected a DateRange, got tuple",
    ),
    "pot_utilisation with a tuple": (
        lambda: pot_utilisation(REGISTER, POT, (PERIOD.start, PERIOD.end)),  # type: ignore[arg-type]
        "period",
        "expected a DateRange, got tuple",
    ),
    "pot_table with a str": (
        lambda: pot_table(REGISTER, POT, "2026"),  # type: ignore[arg-type]
        "period",
        "expected a DateRange, got str",
    ),
    "employment_summary with a number for cohorts": (
        lambda: employment_summary(REGISTER, AS_OF, cohorts=1),  # type: ignore[arg-type]
        "cohorts",
        "expected cohort ids (a str or a collection), got int",
    ),
    "hiring_findings with a number for cohorts": (
        lambda: hiring_findings(REGISTER, AS_OF, cohorts=1),  # type: ignore[arg-type]
        "cohorts",
        "expected cohort ids (a str or a collection), got int",
    ),
    "outcomes_report with a number for cohorts": (
        lambda: outcomes_report(REGISTER, AS_OF, cohorts=1),  # type: ignore[arg-type]
        "cohorts",
        "expected cohort ids (a str or a collection), got int",
    ),
}


@pytest.mark.parametrize("name", sorted(AS_OF_CALLS))
def test_each_entry_point_accepts_a_date(name: str) -> None:
    AS_OF_CALLS[name](AS_OF)


@pytest.mark.parametrize("kind", sorted(NOT_DATES))
@pytest.mark.parametrize("name", sorted(AS_OF_CALLS))
def test_each_entry_point_refuses_an_as_of_that_is_not_a_date(name: str, kind: str) -> None:
    value, message = NOT_DATES[kind]

    with pytest.raises(InvalidValueError) as caught:
        AS_OF_CALLS[name](value)

    assert f"as_of: {message}" == str(caught.value)
    assert ["as_of"] == [p.path for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(OTHER_CALLS))
def test_each_entry_point_refuses_an_argument_of_the_wrong_kind(name: str) -> None:
    call, argument, message = OTHER_CALLS[name]

    with pytest.raises(InvalidValueError) as caught:
        call()

    assert f"{argument}: {message}" == str(caught.value)


def test_a_wrong_as_of_is_refused_before_an_unknown_student_is_looked_up() -> None:
    with pytest.raises(InvalidValueError, match="as_of"):
        REGISTER.progress("S-99", "2026-10-01")  # type: ignore[arg-type]


def test_a_wrong_as_of_is_refused_even_when_there_is_nothing_to_evaluate() -> None:
    empty = type(REGISTER)()

    with pytest.raises(InvalidValueError, match="as_of"):
        progress_of(empty, "2026-10-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="as_of"):
        evaluate_register(empty, "2026-10-01")  # type: ignore[arg-type]
