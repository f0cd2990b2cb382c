"""What an evaluation makes once and keeps: counted, not timed.

A cohort's session index is made once per cohort object, whatever the number
of its students; placements with the same dates and weekdays share one frame
of weeks and holidays; a student's records other than attendance and
placement days are read once per epoch (between two of their event days),
however many dates are asked; evaluating again at the same dates makes
none of them again; and a student's last result is returned as it is at its
own date. The figures stay those of a fresh evaluation
(tests/rules/test_ledger.py compares them with a day-by-day reading).
"""

from __future__ import annotations

import bisect
import datetime as dt
from unittest import mock

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import evaluate_student
from mbprogram.rules import ledger, student
from tests.register_strategies import registers

dates = st.lists(
    st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2029, 6, 30)), min_size=1, max_size=6
)


class Counting:
    """Wraps a class or function and counts its calls."""

    def __init__(self, wrapped: object) -> None:
        self.wrapped, self.calls = wrapped, 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        return self.wrapped(*args, **kwargs)  # type: ignore[operator]


@given(registers(), dates)
def test_a_cohort_index_is_made_once_per_cohort(register, days):
    cohorts = {c: attrs.evolve(cohort) for c, cohort in register.cohorts.items()}  # new objects
    students = [attrs.evolve(s) for s in register.students.values()]  # no ledgers yet
    counting = Counting(ledger.CohortIndex)
    with mock.patch.object(ledger, "CohortIndex", counting):
        for as_of in days:
            for s in students:
                evaluate_student(cohorts[s.cohort], s, as_of)
    assert counting.calls == len({s.cohort for s in students})


@given(registers(), dates)
def test_placements_with_the_same_dates_and_weekdays_share_one_frame(register, days):
    ledger._frame.cache_clear()
    students = [attrs.evolve(s) for s in register.students.values()]
    for as_of in days:
        for s in students:
            evaluate_student(register.cohort(s.cohort), s, as_of)
    frames = {
        (p.period.start.toordinal(), p.period.end.toordinal(), p.weekdays)
        for s in students
        for p in s.placements
    }
    assert ledger._frame.cache_info().misses == len(frames)


@given(registers(), dates)
def test_a_students_records_are_read_once_per_epoch(register, days):
    counting = Counting(student._Epoch)
    students = [attrs.evolve(s) for s in register.students.values()]
    with mock.patch.object(student, "_Epoch", counting):
        for as_of in days:
            for s in students:
                evaluate_student(register.cohort(s.cohort), s, as_of)
        epochs = sum(
            len({bisect.bisect_right(student._event_days(s), d) for d in days}) for s in students
        )
        assert counting.calls == epochs
        for as_of in reversed(days):  # again, in another order: every epoch is known
            for s in students:
                evaluate_student(register.cohort(s.cohort), s, as_of)
        assert counting.calls == epochs


@given(registers(), dates)
def test_a_result_is_kept_for_its_date_only_and_equals_a_fresh_one(register, days):
    students = [attrs.evolve(s) for s in register.students.values()]
    for as_of in [*days, *reversed(days)]:
        for s in students:
            cohort = register.cohort(s.cohort)
            result = evaluate_student(cohort, s, as_of)
            assert result == evaluate_student(cohort, attrs.evolve(s), as_of)  # no memo
            assert evaluate_student(cohort, s, as_of) is result  # again at its date: kept
    others = [d for d in days if d != days[0]]
    counting = Counting(student.StudentProgress)
    with mock.patch.object(student, "StudentProgress", counting):
        for s in students:  # the last date asked, days[0]: nothing made
            evaluate_student(register.cohort(s.cohort), s, days[0])
        assert counting.calls == 0
        for s in students:  # another date: a new result each
            evaluate_student(register.cohort(s.cohort), s, (others or [dt.date(2030, 1, 1)])[0])
        assert counting.calls == len(students)
