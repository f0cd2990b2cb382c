"""The forecast checked by brute force against the evaluation of a fully attended copy.

The copy is built from records: the student's records as of the date, every
session after it marked present in full, no absence after it, and the
planned literature sign-off and approval recorded on their planned days. The
evaluation (:func:`evaluate_student`) of that copy on each day after the date
must say what the forecast says. Each brute force runs a fraction of the
profile's examples, so that ``make fuzz`` runs hundreds of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mbprogram import (
    BERGEN_2010,
    AssignmentAssessment,
    AssignmentState,
    Attendance,
    Cohort,
    FinalAssignment,
    FindingCode,
    ForecastOutlook,
    Milestones,
    Placement,
    PlacementAbsence,
    Present,
    SignOff,
    Status,
    Student,
    StudentPlan,
    Submission,
    Verdict,
    evaluate_student,
    forecast_student,
)
from mbprogram.rules.practice import WEEK_UNITS, practice_units, practice_weeks
from tests import strategies as gen

#: The outlooks from best to worst.
RANK = {
    ForecastOutlook.COMPLETE: 0,
    ForecastOutlook.ON_TRACK: 1,
    ForecastOutlook.AT_RISK: 2,
    ForecastOutlook.UNREACHABLE: 3,
}


@st.composite
def cases(draw: st.DrawFn) -> tuple[Cohort, Student, dt.date, Milestones]:
    """A cohort, one of its students, an as-of date and milestones.

    The requirements are drawn within what the schedule and the placements
    hold, and the date within the year, so that every outlook occurs.
    """
    cohort, student = draw(gen.cohort_and_student())
    held = sum(s.hours.value for s in cohort.sessions)
    weeks = practice_weeks([attrs.evolve(p, absences=[]) for p in student.placements], dt.date.max)
    rules = attrs.evolve(
        cohort.rules,
        theory_hours=draw(st.decimals(min_value=0, max_value=held, places=2)),
        practice_weeks=draw(st.decimals(min_value=0, max_value=math.ceil(weeks), places=2)),
    )
    ends = [s.day for s in cohort.sessions] + [p.period.end for p in student.placements]
    as_of = draw(
        st.dates(
            min_value=cohort.period.start - dt.timedelta(days=30),
            max_value=max([cohort.period.start, *ends]),
        )
    )
    return attrs.evolve(cohort, rules=rules), student, as_of, draw(gen.milestones(as_of))


def fully_attended(cohort: Cohort, student: Student, as_of: dt.date, plan: Milestones) -> Student:
    """The student's records as of ``as_of``, and everything planned after it attended."""
    history = tuple(c for c in student.status_history if c.on <= as_of)
    assume(not history or history[-1].status not in {Status.WITHDRAWN, Status.GRADUATED})
    sessions = cohort.sessions_by_id
    past = tuple(
        a for a in student.attendance if a.session in sessions and sessions[a.session].day <= as_of
    )
    future = tuple(Attendance(s.id, Present(s.hours)) for s in cohort.sessions if s.day > as_of)
    placements = tuple(
        attrs.evolve(p, absences=[a for a in p.absences if a.day <= as_of])
        for p in student.placements
    )
    sign_off = student.literature.sign_off
    if sign_off is not None and sign_off.on > as_of:
        sign_off = None
    planned = plan.literature_sign_off
    if sign_off is None and planned is not None and planned > as_of:
        sign_off = SignOff(by="Lærer Lund", on=planned)
    return attrs.evolve(
        student,
        status_history=history,
        attendance=past + future,
        makeups=[m for m in student.makeups if m.on <= as_of],
        placements=placements,
        literature=attrs.evolve(student.literature, sign_off=sign_off),
        assignment=_assignment(cohort, student, as_of, plan.assignment_approval),
    )


def _assignment(
    cohort: Cohort, student: Student, as_of: dt.date, planned: dt.date | None
) -> FinalAssignment | None:
    """The assignment as of ``as_of``, approved on the planned day if it can still be."""
    assignment = student.assignment
    if assignment is None and planned is None:
        return None
    submissions = [s for s in assignment.submissions if s.on <= as_of] if assignment else []
    assessments = [a for a in assignment.assessments if a.on <= as_of] if assignment else []
    state = assignment.state(as_of) if assignment else AssignmentState.NOT_STARTED
    exhausted = (
        state is AssignmentState.NOT_APPROVED and len(submissions) >= cohort.rules.max_submissions
    )
    if state is not AssignmentState.APPROVED and planned and planned > as_of and not exhausted:
        if state is not AssignmentState.SUBMITTED:
            submissions.append(Submission(on=planned))
        assessments.append(
            AssignmentAssessment(
                submission=len(submissions),
                on=planned,
                assessor="Sensor Sand",
                verdict=Verdict.APPROVED,
            )
        )
    return FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=submissions,
        assessments=assessments,
    )


def horizon(cohort: Cohort, student: Student, as_of: dt.date, plan: Milestones) -> dt.date:
    """The day after the last thing anything could happen on."""
    days = [as_of, *(s.day for s in cohort.sessions), *(p.period.end for p in student.placements)]
    days += [d for d in (plan.literature_sign_off, plan.assignment_approval) if d is not None]
    return max(days) + dt.timedelta(days=1)


def without_open(cohort: Cohort, open_codes: tuple[FindingCode, ...]) -> Cohort:
    """The cohort without the requirements the forecast names as open."""
    changes: dict[str, Any] = {}
    if FindingCode.LITERATURE_NOT_SIGNED_OFF in open_codes:
        changes["literature_sign_off"] = False
    if FindingCode.ASSIGNMENT_NOT_APPROVED in open_codes:
        changes["assignment_approval"] = False
    return attrs.evolve(cohort, rules=attrs.evolve(cohort.rules, **changes))


@settings(max_examples=max(10, settings().max_examples * 2 // 5))
@given(cases())
def test_the_earliest_completion_is_the_first_day_a_fully_attended_copy_is_complete(
    case: tuple[Cohort, Student, dt.date, Milestones],
) -> None:
    cohort, student, as_of, plan = case
    forecast = forecast_student(cohort, student, as_of, milestones=plan)
    copy = fully_attended(cohort, student, as_of, plan)
    judged = without_open(cohort, forecast.open)
    last = horizon(cohort, student, as_of, plan)
    first = next(
        (
            day
            for day in (as_of + dt.timedelta(days=n) for n in range((last - as_of).days + 1))
            if evaluate_student(judged, copy, day).complete
        ),
        None,
    )
    assert first == forecast.earliest_completion
    assert (first is None) == (forecast.outlook is ForecastOutlook.UNREACHABLE)
    assert (first == as_of and not forecast.open) == (forecast.outlook is ForecastOutlook.COMPLETE)


@settings(max_examples=max(10, settings().max_examples * 2 // 5))
@given(cases())
def test_what_is_possible_is_what_the_fully_attended_copy_has_at_the_end_of_the_plan(
    case: tuple[Cohort, Student, dt.date, Milestones],
) -> None:
    cohort, student, as_of, plan = case
    forecast = forecast_student(cohort, student, as_of, milestones=plan)
    end = evaluate_student(cohort, fully_attended(cohort, student, as_of, plan), forecast.plan_ends)
    later = horizon(cohort, student, as_of, plan)
    assert end.theory_hours == forecast.theory_hours_possible
    assert end.practice_weeks == forecast.practice_weeks_possible
    assert (end.theory_share if cohort.rules.min_theory_share else None) == (
        forecast.theory_share_possible
    )
    assert (end.practice_share if cohort.rules.min_practice_share else None) == (
        forecast.practice_share_possible
    )
    after = evaluate_student(cohort, fully_attended(cohort, student, as_of, plan), later)
    assert (after.theory_hours, after.practice_weeks) == (end.theory_hours, end.practice_weeks)


@st.composite
def improved(draw: st.DrawFn) -> tuple[Cohort, Student, Student, dt.date]:
    """A case and the same student with one more session or practice day attended by then."""
    cohort, student, as_of, _ = draw(cases())
    sessions = cohort.sessions_by_id
    marks = [
        i
        for i, a in enumerate(student.attendance)
        if sessions[a.session].day <= as_of and a.hours != sessions[a.session].hours
    ]
    absences = [
        (i, j)
        for i, p in enumerate(student.placements)
        for j, a in enumerate(p.absences)
        if a.day <= as_of
    ]
    assume(marks or absences)
    if marks and (not absences or draw(st.booleans())):
        i = draw(st.sampled_from(marks))
        attendance = list(student.attendance)
        session = sessions[attendance[i].session]
        attendance[i] = Attendance(session.id, Present(session.hours))
        return cohort, student, attrs.evolve(student, attendance=attendance), as_of
    i, j = draw(st.sampled_from(absences))
    placements = list(student.placements)
    kept = [a for k, a in enumerate(placements[i].absences) if k != j]
    placements[i] = attrs.evolve(placements[i], absences=kept)
    return cohort, student, attrs.evolve(student, placements=placements), as_of


@settings(max_examples=max(10, settings().max_examples * 2 // 3))
@given(improved())
def test_more_attendance_never_worsens_the_outlook(
    case: tuple[Cohort, Student, Student, dt.date],
) -> None:
    cohort, student, better, as_of = case
    before = forecast_student(cohort, student, as_of)
    after = forecast_student(cohort, better, as_of)
    assert RANK[after.outlook] <= RANK[before.outlook]
    assert after.theory_hours_possible >= before.theory_hours_possible
    assert after.practice_weeks_possible >= before.practice_weeks_possible


@st.composite
def near_the_end_of_practice(draw: st.DrawFn) -> tuple[Student, dt.date]:
    """A student with placements and an as-of date shortly before the last of them ends."""
    _, student = draw(gen.cohort_and_student())
    assume(student.placements)
    last = max(p.period.end for p in student.placements)
    return student, last - dt.timedelta(days=draw(st.integers(0, 16)))


def _placements_attending(
    plan: StudentPlan, attended: set[tuple[int, dt.date]]
) -> tuple[Placement, ...]:
    """The plan's placements with every planned day not in ``attended`` recorded absent."""
    out = []
    for i, p in enumerate(plan.placements):
        missed = [
            PlacementAbsence(day=d)
            for d in gen.practice_days_of(p.period, p.weekdays)
            if d > plan.as_of and (i, d) not in attended
        ]
        out.append(attrs.evolve(p, absences=sorted([*p.absences, *missed], key=lambda a: a.day)))
    return tuple(out)


@settings(max_examples=max(10, settings().max_examples // 3))
@given(near_the_end_of_practice(), st.data())
def test_the_fewest_practice_days_needed_are_the_fewest_of_any_choice_of_days(
    case: tuple[Student, dt.date], data: st.DataObject
) -> None:
    student, as_of = case
    cohort = Cohort(
        id="K", name="K", rules=BERGEN_2010, period=student.placements[0].period, places=1
    )
    plan = StudentPlan.of(cohort, student, as_of)
    items = [
        (i, d)
        for i, p in enumerate(plan.placements)
        for d in gen.practice_days_of(p.period, p.weekdays)
        if d > as_of
    ]
    assume(len(items) <= 8)
    assert len(items) == len(plan.practice_days)
    end = plan.ends
    now, best = plan.practice_units_on(as_of), plan.practice_units_on(end)
    required = data.draw(st.integers(0, best + WEEK_UNITS))
    fewest = next(
        (
            k
            for k in range(len(items) + 1)
            if any(
                practice_units(_placements_attending(plan, set(chosen)), end) >= required
                for chosen in itertools.combinations(items, k)
            )
        ),
        None,
    )
    assert fewest == plan.practice_days_needed(required)
    assert (fewest is None) == (required > best)
    assert (fewest == 0) == (required <= now)
