"""The running sums (rules/ledger.py) give exactly the figures of a day-by-day reading of the rules.

The references here are deliberately plain: theory hours summed record by
record, practice weeks and days counted one day at a time (``reference_weeks``
of the practice tests). The ledger must agree with them on random students
and registers at any dates, asked in any order, cold or warm.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import BERGEN_2010, evaluate_register, evaluate_student, is_public_holiday
from mbprogram.model.attendance import Present
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.placements import Placement
from mbprogram.model.students import Status, StatusChange, Student
from mbprogram.model.values import WORKDAYS, DateRange, Hours, exact_arithmetic
from mbprogram.rules.ledger import ledger_of
from tests import strategies as gen
from tests.register_strategies import registers
from tests.rules.test_practice import reference_weeks

ONE_DAY = dt.timedelta(days=1)
COHORT = Cohort(
    id="K1",
    name="Kull 1",
    rules=BERGEN_2010,
    period=DateRange(dt.date(2026, 1, 5), dt.date(2026, 12, 18)),
    places=20,
)
STUDENT = Student(
    id="S1",
    cohort="K1",
    name="Ola Testesen",
    status_history=(StatusChange(status=Status.ACTIVE, on=dt.date(2026, 1, 5)),),
)
as_of_dates = st.lists(
    st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2029, 6, 30)), min_size=1, max_size=8
)


def gen_placement(pid: str, start: dt.date, end: dt.date) -> Placement:
    """A Monday-to-Friday placement at U1."""
    return Placement(
        id=pid, unit="U1", supervisor="Lærer Lund", period=DateRange(start, end), weekdays=WORKDAYS
    )


def interesting_dates(cohort: Cohort, student: Student) -> st.SearchStrategy[list[dt.date]]:
    """Up to 30 of the days where a figure changes (and the days either side), in random order.

    Session days, make-up approvals, placement edges, absences and public holidays
    inside a placement, and every third day of a placement; and a few random days.
    """
    days = {s.day for s in cohort.sessions} | {m.on for m in student.makeups}
    for p in student.placements:
        days |= {p.period.start, p.period.end} | p.absent_days
        days |= {d for d in p.period if is_public_holiday(d) or (d - p.period.start).days % 3 == 0}
    near = sorted({d + dt.timedelta(days=k) for d in days for k in (-1, 0, 1)})
    return st.tuples(st.permutations(near), as_of_dates).map(lambda t: [*t[0][:30], *t[1]])


def reference_theory(cohort: Cohort, student: Student, as_of: dt.date) -> tuple[Decimal, ...]:
    """Attended, make-up (capped) and held hours, each record looked at once."""
    sessions = {s.id: s for s in cohort.sessions}
    attended = Decimal(0)
    with exact_arithmetic():
        for record in student.attendance:
            session = sessions.get(record.session)
            if type(record.mark) is Present and session is not None and session.day <= as_of:
                attended += min(record.mark.hours.value, session.hours.value)
        makeup = sum((m.hours.value for m in student.makeups if m.on <= as_of), Decimal(0))
        cap = cohort.rules.makeup_cap
        if cap is not None:
            makeup = min(makeup, cap.value)
        enrolled = next((c.on for c in student.status_history if c.status is Status.ACTIVE), None)
        held = sum(
            (
                s.hours.value
                for s in cohort.sessions
                if enrolled is not None and enrolled <= s.day <= as_of
            ),
            Decimal(0),
        )
    return attended, makeup, held


def reference_days(placements: tuple[Placement, ...], as_of: dt.date) -> tuple[int, int]:
    """Attended and expected practice days up to ``as_of``, one day at a time."""
    attended = expected = 0
    for p in placements:
        day = p.period.start
        while day <= min(p.period.end, as_of):
            if day.weekday() in p.weekdays and not is_public_holiday(day):
                expected += 1
                attended += day not in p.absent_days
            day += ONE_DAY
    return attended, expected


def assert_figures(cohort: Cohort, student: Student, as_of: dt.date) -> None:
    progress = evaluate_student(cohort, student, as_of)
    attended, makeup, held = reference_theory(cohort, student, as_of)
    # the same Decimals, to the exponent: a sum's text does not depend on the path taken
    assert (str(progress.theory.attended), str(progress.theory.makeup)) == (
        str(attended),
        str(makeup),
    )
    assert progress.theory.held == held
    assert progress.practice_weeks == reference_weeks(list(student.placements), as_of)
    days = reference_days(student.placements, as_of)
    assert (progress.practice.attended, progress.practice.expected) == days


@given(gen.cohort_and_student(), st.data())
def test_every_figure_equals_the_day_by_day_reading(pair, data):
    cohort, student = pair
    dates = data.draw(interesting_dates(cohort, student))
    for as_of in dates:  # in the drawn order: later, earlier, the same date again
        assert_figures(cohort, student, as_of)


@given(gen.cohort_and_student(), st.data())
def test_a_warm_ledger_gives_what_a_cold_one_gives(pair, data):
    cohort, student = pair
    dates = data.draw(interesting_dates(cohort, student))
    for as_of in dates:
        evaluate_student(cohort, student, as_of)
    for as_of in dates:
        fresh = attrs.evolve(student)  # a new record: an empty memo
        assert evaluate_student(cohort, student, as_of) == evaluate_student(cohort, fresh, as_of)


@given(registers(), as_of_dates)
def test_a_random_register_evaluates_as_each_student_alone(register, dates):
    for as_of in dates:
        for cohort_progress in evaluate_register(register, as_of):
            cohort = register.cohort(cohort_progress.cohort)
            for progress in cohort_progress.students:
                student = register.student(progress.student)
                assert progress == evaluate_student(cohort, attrs.evolve(student), as_of)
                assert_figures(cohort, student, as_of)


@given(gen.cohort_and_student())
def test_a_ledger_is_made_again_for_a_changed_cohort(pair):
    cohort, student = pair
    first = ledger_of(cohort, student)
    assert ledger_of(cohort, student) is first
    day = cohort.period.start
    moved = attrs.evolve(
        cohort, sessions=(Session(id="EXTRA", day=day, hours=Hours(2)), *cohort.sessions)
    )
    again = ledger_of(moved, student)
    assert again is not first
    assert again.cohort is moved
    assert ledger_of(cohort, student).cohort is cohort


@given(gen.cohort_and_student())
def test_the_memo_is_not_part_of_the_record(pair):
    cohort, student = pair
    fresh = attrs.evolve(student)
    evaluate_student(cohort, student, cohort.period.end)
    assert student.derived
    assert not fresh.derived
    assert student == fresh
    assert hash(student) == hash(fresh)
    assert "derived" not in {f.name for f in attrs.fields(Student)}


@given(gen.cohort_and_student())
def test_practice_weeks_are_whole_parts_of_a_week(pair):
    cohort, student = pair
    weeks = evaluate_student(cohort, student, cohort.period.end).practice_weeks
    assert isinstance(weeks, Fraction)
    assert (weeks * 420).denominator == 1


def test_a_placement_ending_inside_the_week_counts_no_day_after_its_end():
    # P1 ends on Wednesday 26 August 2026; P2 runs on, so the ledger works the week out.
    early = gen_placement("P1", dt.date(2026, 8, 17), dt.date(2026, 8, 26))
    late = gen_placement("P2", dt.date(2026, 9, 7), dt.date(2026, 10, 30))
    student = attrs.evolve(STUDENT, placements=(early, late))
    friday = dt.date(2026, 8, 28)
    progress = evaluate_student(COHORT, student, friday)
    assert progress.practice_weeks == reference_weeks([early, late], friday) == Fraction(8, 5)
    assert (progress.practice.attended, progress.practice.expected) == (8, 8)
