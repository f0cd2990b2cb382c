"""The theory rule (docs/rules.md, Theory): credited hours and the attended share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    BERGEN_2010,
    Attendance,
    Cohort,
    DateRange,
    ExcusedAbsence,
    FindingCode,
    Hours,
    MakeUp,
    Present,
    Session,
    Status,
    StatusChange,
    Student,
    UnexcusedAbsence,
    evaluate_student,
    theory_progress,
)
from tests import strategies as gen

START = dt.date(2026, 1, 5)


def cohort(*lengths: str, makeup_cap: str | None = None) -> Cohort:
    rules = attrs.evolve(BERGEN_2010, makeup_cap=None if makeup_cap is None else Hours(makeup_cap))
    return Cohort(
        id="K26",
        name="MB 2026",
        rules=rules,
        period=DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        places=20,
        sessions=tuple(
            Session(id=f"SES-{i}", day=START + dt.timedelta(weeks=i), hours=Hours(h))
            for i, h in enumerate(lengths)
        ),
    )


def student(*marks: object, makeups: tuple[MakeUp, ...] = (), enrolled: dt.date = START) -> Student:
    return Student(
        id="S-01",
        cohort="K26",
        name="Ola Testesen",
        status_history=(StatusChange(status=Status.ACTIVE, on=enrolled),),
        attendance=tuple(Attendance(f"SES-{i}", m) for i, m in enumerate(marks) if m is not None),  # type: ignore[arg-type]
        makeups=makeups,
    )


def makeup(hours: str, on: dt.date = START, mid: str = "M1") -> MakeUp:
    return MakeUp(id=mid, hours=Hours(hours), on=on, approver="Lærer Lund")


def test_partial_and_late_attendance_is_credited_with_the_hours_attended():
    c = cohort("6", "6", "6")
    s = student(Present(Hours("6")), Present(Hours("4.5")), ExcusedAbsence("sykdom"))
    progress = theory_progress(c, s, dt.date(2026, 12, 31))
    assert Decimal("10.5") == progress.credited
    assert Fraction(105, 180) == progress.share


def test_sessions_after_the_as_of_date_are_not_credited():
    c = cohort("6", "6")
    s = student(Present(Hours("6")), Present(Hours("6")))
    assert Decimal(6) == theory_progress(c, s, START + dt.timedelta(days=3)).credited


def test_a_session_held_on_the_as_of_date_is_credited():
    c = cohort("6", "6")
    s = student(Present(Hours("6")), Present(Hours("4")))
    second_session = START + dt.timedelta(weeks=1)

    assert Decimal(6) == theory_progress(c, s, second_session - dt.timedelta(days=1)).credited
    assert Decimal(10) == theory_progress(c, s, second_session).credited


def test_approved_make_up_work_adds_to_the_credited_hours_from_its_date():
    c = cohort("6", "6")
    s = student(Present(Hours(6)), UnexcusedAbsence(), makeups=(makeup("4", dt.date(2026, 3, 1)),))
    assert Decimal(6) == theory_progress(c, s, dt.date(2026, 2, 28)).credited
    assert Decimal(10) == theory_progress(c, s, dt.date(2026, 3, 1)).credited


def test_make_up_hours_beyond_the_cap_are_not_credited():
    c = cohort("6", makeup_cap="5")
    s = student(Present(Hours(6)), makeups=(makeup("4"), makeup("3", mid="M2")))
    progress = theory_progress(c, s, dt.date(2026, 12, 31))
    assert (Decimal(5), Decimal(11)) == (progress.makeup, progress.credited)


def test_make_up_work_does_not_count_towards_the_attended_share():
    c = cohort("6", "6")
    s = student(Present(Hours(6)), UnexcusedAbsence(), makeups=(makeup("6"),))
    assert Fraction(1, 2) == theory_progress(c, s, dt.date(2026, 12, 31)).share


def test_a_late_start_is_no_penalty_in_the_attended_share():
    c = cohort("6", "6", "6")
    late = START + dt.timedelta(weeks=1)
    s = student(None, Present(Hours(6)), Present(Hours(6)), enrolled=late)
    progress = theory_progress(c, s, dt.date(2026, 12, 31))
    assert (Decimal(12), Fraction(1)) == (progress.held, progress.share)


def test_the_share_is_none_before_any_session_was_held():
    c = cohort("6")
    assert None is theory_progress(c, student(), START - dt.timedelta(days=1)).share


def test_the_longest_sessions_attended_in_full_are_credited_in_full():
    most = "999999999999999"
    c = cohort(most, most)
    s = student(Present(Hours(most)), Present(Hours(most)))

    progress = evaluate_student(c, s, dt.date(2026, 12, 31))

    assert Hours._computed(Decimal(2 * int(most))) == progress.theory_hours
    assert Decimal(2 * int(most)) == progress.theory.held
    assert Fraction(1) == progress.theory_share


def test_hours_with_many_decimals_are_summed_without_rounding():
    hair_short = "139." + "9" * 29  # rounded to 28 digits it would be 140
    c = cohort(hair_short, "1")
    s = student(Present(Hours(hair_short)), makeups=(makeup("0." + "0" * 39 + "1"),))

    progress = theory_progress(c, s, dt.date(2026, 12, 31))

    assert Decimal(hair_short) == progress.attended
    assert Fraction(hair_short) + Fraction(1, 10**40) == Fraction(progress.credited)
    assert Fraction(hair_short) + 1 == Fraction(progress.held)
    assert FindingCode.THEORY_HOURS_SHORT in {
        f.code for f in evaluate_student(c, s, dt.date(2026, 12, 31)).findings
    }


# -- properties ----------------------------------------------------------------------

as_of_dates = st.dates(min_value=gen.FIRST_DAY, max_value=gen.LAST_DAY)


@given(gen.cohort_and_student(), as_of_dates)
def test_credited_hours_never_exceed_hours_held_plus_capped_make_up(pair, as_of):
    c, s = pair
    progress = theory_progress(c, s, as_of)
    held = sum((x.hours.value for x in c.sessions if x.day <= as_of), Decimal(0))
    cap = c.rules.makeup_cap
    makeup_total = sum((m.hours.value for m in s.makeups if m.on <= as_of), Decimal(0))
    capped = makeup_total if cap is None else min(makeup_total, cap.value)
    assert progress.credited <= held + capped
    assert progress.makeup == capped


@given(gen.cohort_and_student(), as_of_dates, st.data())
def test_more_attendance_never_lowers_credited_hours(pair, as_of, data):
    c, s = pair
    if not s.attendance:
        return
    i = data.draw(st.integers(0, len(s.attendance) - 1))
    record = s.attendance[i]
    session = c.sessions_by_id[record.session]
    more = data.draw(gen.hours(session.hours.value, min_value=record.hours.value))
    attendance = tuple(
        Attendance(a.session, Present(more)) if j == i else a for j, a in enumerate(s.attendance)
    )
    better = attrs.evolve(s, attendance=attendance)
    assert theory_progress(c, s, as_of).credited <= theory_progress(c, better, as_of).credited


@given(gen.cohort_and_student(), as_of_dates, as_of_dates)
def test_credited_hours_never_fall_as_the_as_of_date_moves_later(pair, a, b):
    c, s = pair
    earlier, later = sorted((a, b))
    assert theory_progress(c, s, earlier).credited <= theory_progress(c, s, later).credited


@given(gen.cohort_and_student(), st.data())
def test_a_session_held_on_the_as_of_date_counts(pair, data):
    c, s = pair
    held = sorted({c.sessions_by_id[a.session].day for a in s.attendance})
    if not held:
        return
    day = data.draw(st.sampled_from(held))
    on_the_day = sum(
        (
            min(a.hours.value, c.sessions_by_id[a.session].hours.value)
            for a in s.attendance
            if c.sessions_by_id[a.session].day == day
        ),
        Decimal(0),
    )

    before = theory_progress(c, s, day - dt.timedelta(days=1)).attended
    assert before + on_the_day == theory_progress(c, s, day).attended
