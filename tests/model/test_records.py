"""The records validate themselves when made, and answer questions as of a date.

Every refusal is an :class:`InvalidValueError` whose problems name the field path
inside the record, so that a caller holding the record can put its own path in
front (``students[S-01].placements[P1].absences[0].day``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    BERGEN_2010,
    AssessmentStage,
    AssignmentAssessment,
    AssignmentState,
    Attendance,
    Background,
    Cohort,
    DateRange,
    ExcusedAbsence,
    FinalAssignment,
    Hours,
    InvalidValueError,
    Literature,
    MakeUp,
    MbprogramError,
    Outlook,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
    Present,
    Reading,
    Session,
    SignOff,
    Status,
    StatusChange,
    Student,
    Submission,
    UnexcusedAbsence,
    ValidationError,
    Verdict,
    Weekday,
)
from tests import strategies as gen

YEAR_2026 = DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
ENROLLED = dt.date(2026, 1, 5)
EASTER_MONDAY_2026 = dt.date(2026, 4, 6)
MON, TUE, WED = Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY
#: A Monday-to-Wednesday placement from Monday 2 March to Friday 26 June 2026.
SPRING_PLACEMENT = DateRange(dt.date(2026, 3, 2), dt.date(2026, 6, 26))


def problems_of(make: Callable[..., object], *args: object, **kwargs: object) -> dict[str, str]:
    """The ``{path: message}`` of the error that ``make(*args, **kwargs)`` raises."""
    with pytest.raises(InvalidValueError) as caught:
        make(*args, **kwargs)
    found = {p.path: p.message for p in caught.value.problems}
    assert len(caught.value.problems) == len(found), f"a path twice: {caught.value.problems}"
    return found


def session(sid: str = "SES-1", day: dt.date = dt.date(2026, 1, 12), hours: str = "3") -> Session:
    return Session(id=sid, day=day, hours=Hours(hours), topic="Recovery")


def cohort(*sessions: Session) -> Cohort:
    return Cohort(
        id="K26", name="MB 2026", rules=BERGEN_2010, period=YEAR_2026, places=18, sessions=sessions
    )


def change(status: Status, on: dt.date, reason: str = "") -> StatusChange:
    return StatusChange(status=status, on=on, reason=reason)


def student(**fields: Any) -> Student:
    values: dict[str, Any] = {
        "id": "S-01",
        "cohort": "K26",
        "name": "Ola Testesen",
        "status_history": (change(Status.ACTIVE, ENROLLED),),
    }
    values.update(fields)
    return Student(**values)


def placement(**fields: Any) -> Placement:
    values: dict[str, Any] = {
        "id": "P1",
        "unit": "U1",
        "supervisor": "Veileder Vik",
        "period": SPRING_PLACEMENT,
        "weekdays": {MON, TUE, WED},
    }
    values.update(fields)
    return Placement(**values)


def assessed(on: dt.date, outlook: Outlook = Outlook.ON_TRACK) -> PlacementAssessment:
    return PlacementAssessment(on=on, assessor="Veileder Vik", outlook=outlook, note="Går fint.")


def submitted(on: dt.date) -> Submission:
    return Submission(on=on, title="Utkast")


def verdict(number: int, on: dt.date, outcome: Verdict) -> AssignmentAssessment:
    return AssignmentAssessment(
        submission=number, on=on, assessor="Lærer Lund", verdict=outcome, feedback="Se merknader."
    )


def assignment(
    submissions: tuple[Submission, ...] = (), assessments: tuple[AssignmentAssessment, ...] = ()
) -> FinalAssignment:
    return FinalAssignment(
        topic="Recovery i praksis",
        supervisor="Lærer Lund",
        submissions=submissions,
        assessments=assessments,
    )


# -- the error --------------------------------------------------------------------


def test_a_refused_record_raises_an_error_every_caller_can_catch() -> None:
    with pytest.raises(InvalidValueError) as caught:
        session(hours="0")

    assert isinstance(caught.value, ValidationError)
    assert isinstance(caught.value, MbprogramError)
    assert isinstance(caught.value, ValueError)


def test_a_refusal_put_under_a_record_path_reads_as_one_line() -> None:
    with pytest.raises(InvalidValueError) as caught:
        cohort(session("SES-1"), session("SES-2", day=dt.date(2027, 1, 4)))

    (problem,) = caught.value.problems
    assert (
        "cohorts[0].sessions[1].day: 2027-01-04 is outside the cohort's period "
        "2026-01-01..2026-12-31"
    ) == str(problem.under("cohorts[0]"))


# -- sessions and cohorts -------------------------------------------------------------


def test_a_session_of_zero_hours_is_refused() -> None:
    found = problems_of(session, hours="0")

    assert ["hours"] == list(found)
    assert "longer than 0 h" in found["hours"]


def test_a_session_length_must_be_hours_not_a_plain_number() -> None:
    found = problems_of(Session, id="SES-1", day=dt.date(2026, 1, 12), hours=3)

    assert ["hours"] == list(found)
    assert "expected Hours" in found["hours"]


@pytest.mark.parametrize("sid", ["", "-SES", "SES 1", "S" * 65, "økt-1", 7])
def test_a_session_with_a_bad_id_is_refused(sid: object) -> None:
    assert ["id"] == list(problems_of(Session, id=sid, day=ENROLLED, hours=Hours(3)))


def test_a_session_day_must_be_a_date_not_a_datetime() -> None:
    day = dt.datetime(2026, 1, 12, 9, tzinfo=dt.UTC)

    assert ["day"] == list(problems_of(Session, id="SES-1", day=day, hours=Hours(3)))


def test_a_cohort_refuses_two_sessions_with_one_id() -> None:
    found = problems_of(cohort, session("SES-1"), session("SES-1", day=dt.date(2026, 1, 19)))

    assert {"sessions[1].id": "session id 'SES-1' is used twice"} == found


def test_a_cohort_refuses_a_session_outside_its_period() -> None:
    found = problems_of(cohort, session("SES-1"), session("SES-2", day=dt.date(2027, 1, 4)))

    assert {
        "sessions[1].day": "2027-01-04 is outside the cohort's period 2026-01-01..2026-12-31"
    } == found


def test_a_cohort_reports_every_bad_session_at_once() -> None:
    found = problems_of(
        cohort,
        session("SES-1", day=dt.date(2025, 12, 31)),
        session("SES-1", day=dt.date(2026, 2, 2)),
    )

    assert {"sessions[0].day", "sessions[1].id"} == set(found)


def test_a_cohort_refuses_what_is_not_a_session_in_its_schedule() -> None:
    found = problems_of(cohort, session(), "SES-2")  # type: ignore[arg-type]

    assert ["sessions[1]"] == list(found)
    assert "expected Session, got str" == found["sessions[1]"]


def test_a_cohort_with_no_places_is_refused() -> None:
    found = problems_of(
        Cohort, id="K26", name="MB 2026", rules=BERGEN_2010, period=YEAR_2026, places=0
    )

    assert ["places"] == list(found)


def test_a_cohort_finds_its_sessions_by_id() -> None:
    first, second = session("SES-1"), session("SES-2", day=dt.date(2026, 1, 19))
    kull = cohort(first, second)

    assert second == kull.session("SES-2")
    assert kull.session("SES-3") is None


# -- students -----------------------------------------------------------------------


@pytest.mark.parametrize("sid", ["", "S 01", "-S01", "x" * 65, None, "SØ1", "Sé1"])
def test_a_student_with_a_bad_id_is_refused(sid: object) -> None:
    found = problems_of(student, id=sid)

    assert ["id"] == list(found)
    assert "expected an id of 1 to 64 characters" in found["id"]


def test_the_refusal_of_an_id_names_the_allowed_characters_exactly() -> None:
    message = problems_of(student, id="KØ-1")["id"]

    assert "A-Z or a-z, a digit 0-9, '.', '_', ':' or '-'" in message
    assert "no æ, ø, å" in message


def test_a_student_with_an_empty_name_is_refused() -> None:
    assert ["name"] == list(problems_of(student, name="  "))


def test_a_student_marked_twice_for_one_session_is_refused() -> None:
    found = problems_of(
        student,
        attendance=(
            Attendance("SES-1", Present(Hours(3))),
            Attendance("SES-2", UnexcusedAbsence()),
            Attendance("SES-1", ExcusedAbsence("Sykdom")),
        ),
    )

    assert {"attendance[2].session": "session 'SES-1' is marked twice"} == found


def test_a_student_with_two_make_ups_or_placements_of_one_id_is_refused() -> None:
    makeup = MakeUp(id="M1", hours=Hours(2), on=dt.date(2026, 2, 1), approver="Lærer Lund")
    found = problems_of(student, makeups=(makeup, makeup), placements=(placement(), placement()))

    assert {"makeups[1].id", "placements[1].id"} == set(found)


def test_a_status_history_going_back_in_time_is_refused() -> None:
    found = problems_of(
        student,
        status_history=(
            change(Status.ADMITTED, dt.date(2025, 12, 1)),
            change(Status.ACTIVE, dt.date(2026, 1, 5)),
            change(Status.ON_LEAVE, dt.date(2026, 1, 4)),
        ),
    )

    assert {
        "status_history[2].on": "2026-01-04 is before the previous change on 2026-01-05"
    } == found


def test_a_status_history_making_a_disallowed_change_is_refused() -> None:
    found = problems_of(
        student,
        status_history=(
            change(Status.APPLICANT, dt.date(2025, 11, 1)),
            change(Status.GRADUATED, dt.date(2026, 6, 1)),
        ),
    )

    assert {
        "status_history[1].status": "cannot go from applicant to graduated; allowed: admitted, "
        "withdrawn"
    } == found


def test_a_student_cannot_start_out_withdrawn() -> None:
    found = problems_of(student, status_history=(change(Status.WITHDRAWN, ENROLLED),))

    assert {
        "status_history[0].status": "cannot go from new to withdrawn; allowed: active, admitted, "
        "applicant"
    } == found


def test_nothing_follows_a_withdrawal() -> None:
    found = problems_of(
        student,
        status_history=(
            change(Status.ACTIVE, ENROLLED),
            change(Status.WITHDRAWN, dt.date(2026, 3, 1)),
            change(Status.ACTIVE, dt.date(2026, 3, 2)),
        ),
    )

    assert {
        "status_history[2].status": "cannot go from withdrawn to active; allowed: none"
    } == found


def test_a_student_reports_every_problem_at_once() -> None:
    found = problems_of(
        student,
        status_history=(
            change(Status.ACTIVE, ENROLLED),
            change(Status.ADMITTED, dt.date(2026, 1, 1)),
        ),
        attendance=(Attendance("SES-1", UnexcusedAbsence()),) * 2,
    )

    assert {"status_history[1].status", "status_history[1].on", "attendance[1].session"} == set(
        found
    )


def test_a_student_may_take_leave_come_back_and_graduate() -> None:
    history = (
        change(Status.APPLICANT, dt.date(2025, 10, 1)),
        change(Status.ADMITTED, dt.date(2025, 12, 1)),
        change(Status.ACTIVE, ENROLLED),
        change(Status.ON_LEAVE, dt.date(2026, 3, 2)),
        change(Status.ACTIVE, dt.date(2026, 4, 13)),
        change(Status.GRADUATED, dt.date(2026, 12, 11)),
    )

    ola = student(status_history=history)

    assert Status.GRADUATED == ola.status
    assert ENROLLED == ola.enrolled_on
    assert ola.withdrawn_on is None


def test_a_student_status_on_a_day_is_the_latest_change_on_or_before_it() -> None:
    ola = student(
        status_history=(
            change(Status.ADMITTED, dt.date(2025, 12, 1)),
            change(Status.ACTIVE, ENROLLED),
            change(Status.ON_LEAVE, dt.date(2026, 3, 2)),
        )
    )

    assert ola.status_on(dt.date(2025, 11, 30)) is None
    assert Status.ADMITTED == ola.status_on(dt.date(2025, 12, 1))
    assert Status.ADMITTED == ola.status_on(dt.date(2026, 1, 4))
    assert Status.ACTIVE == ola.status_on(ENROLLED)
    assert Status.ON_LEAVE == ola.status_on(dt.date(2027, 1, 1))


def test_the_last_of_several_changes_on_one_day_is_in_force_that_day() -> None:
    ola = student(
        status_history=(change(Status.ADMITTED, ENROLLED), change(Status.ACTIVE, ENROLLED))
    )

    assert Status.ACTIVE == ola.status_on(ENROLLED)


def test_a_student_never_active_has_no_enrolment_date() -> None:
    kari = student(status_history=(change(Status.APPLICANT, ENROLLED),))

    assert kari.enrolled_on is None
    assert Status.APPLICANT == kari.status


def test_a_student_with_no_history_has_no_status() -> None:
    per = student(status_history=())

    assert (None, None, None) == (per.status, per.enrolled_on, per.withdrawn_on)
    assert per.status_on(dt.date(2030, 1, 1)) is None


def test_a_withdrawn_student_knows_the_day() -> None:
    siri = student(
        status_history=(
            change(Status.ACTIVE, ENROLLED),
            change(Status.WITHDRAWN, dt.date(2026, 5, 4), reason="Flyttet"),
        )
    )

    assert dt.date(2026, 5, 4) == siri.withdrawn_on
    assert Status.ACTIVE == siri.status_on(dt.date(2026, 5, 3))
    assert Status.WITHDRAWN == siri.status_on(dt.date(2026, 5, 4))


def test_a_student_finds_a_placement_by_id() -> None:
    nils = student(placements=(placement(id="P1"), placement(id="P2", unit="U2")))

    assert "U2" == nils.placement("P2").unit  # type: ignore[union-attr]
    assert nils.placement("P3") is None


@given(gen.status_histories(start=dt.date(2025, 1, 1)))
def test_any_allowed_status_history_is_accepted(history: tuple[StatusChange, ...]) -> None:
    assert history == student(status_history=history).status_history


@given(gen.status_histories(start=dt.date(2025, 1, 1)), gen.days)
def test_status_on_a_day_agrees_with_reading_the_history(
    history: tuple[StatusChange, ...], day: dt.date
) -> None:
    expected = ([c.status for c in history if c.on <= day] or [None])[-1]

    assert expected == student(status_history=history).status_on(day)


@given(gen.status_histories(start=dt.date(2025, 1, 1)))
def test_enrolment_is_the_first_day_active(history: tuple[StatusChange, ...]) -> None:
    expected = next((c.on for c in history if c.status is Status.ACTIVE), None)

    assert expected == student(status_history=history).enrolled_on


# -- background ---------------------------------------------------------------------


def test_a_background_needs_own_or_a_relatives_experience() -> None:
    found = problems_of(
        Background, own=False, relative=False, mental_health=True, substance_use=False
    )

    assert {"own": "expected own and/or a relative's experience"} == found


def test_a_background_needs_mental_health_or_substance_use() -> None:
    found = problems_of(
        Background, own=True, relative=False, mental_health=False, substance_use=False
    )

    assert {"mental_health": "expected experience of mental health and/or substance use"} == found


def test_an_empty_background_reports_both_problems() -> None:
    found = problems_of(
        Background, own=False, relative=False, mental_health=False, substance_use=False
    )

    assert {"own", "mental_health"} == set(found)


@pytest.mark.parametrize(("own", "relative"), [(True, False), (False, True), (True, True)])
@pytest.mark.parametrize(("mental", "substance"), [(True, False), (False, True), (True, True)])
def test_a_background_accepts_every_combination_with_one_of_each(
    own: bool, relative: bool, mental: bool, substance: bool
) -> None:
    background = Background(
        own=own, relative=relative, mental_health=mental, substance_use=substance
    )

    assert (own, relative, mental, substance) == attrs.astuple(background)


def test_a_background_refuses_a_yes_that_is_not_a_bool() -> None:
    found = problems_of(
        Background, own="ja", relative=False, mental_health=True, substance_use=True
    )

    assert ["own"] == list(found)


# -- attendance and make-up work ----------------------------------------------------------


def test_attendance_credits_the_hours_present_and_none_for_an_absence() -> None:
    assert Hours("2.5") == Attendance("SES-1", Present(Hours("2.5"))).hours
    assert Hours(0) == Attendance("SES-1", ExcusedAbsence("Lege")).hours
    assert Hours(0) == Attendance("SES-1", UnexcusedAbsence()).hours


def test_attendance_refuses_a_mark_of_another_kind() -> None:
    found = problems_of(Attendance, "SES-1", Hours(3))

    assert ["mark"] == list(found)
    assert "Present, ExcusedAbsence or UnexcusedAbsence" in found["mark"]


def test_make_up_work_of_zero_hours_is_refused() -> None:
    found = problems_of(MakeUp, id="M1", hours=Hours(0), on=ENROLLED, approver="Lærer Lund")

    assert ["hours"] == list(found)


def test_make_up_work_needs_an_approver() -> None:
    found = problems_of(MakeUp, id="M1", hours=Hours(2), on=ENROLLED, approver="")

    assert ["approver"] == list(found)


# -- placements ---------------------------------------------------------------------


def test_a_placement_converts_weekday_numbers_to_weekdays() -> None:
    assert frozenset({MON, WED}) == placement(weekdays=[0, 2]).weekdays


def test_a_placement_with_no_weekdays_is_refused() -> None:
    assert {"weekdays": "expected at least one practice weekday"} == problems_of(
        placement, weekdays=set()
    )


@pytest.mark.parametrize("weekdays", [{7}, {"mon"}, 3, None])
def test_a_placement_with_weekdays_that_are_not_weekdays_is_refused(weekdays: object) -> None:
    found = problems_of(placement, weekdays=weekdays)

    assert ["weekdays"] == list(found)
    assert "0 (Monday) to 6 (Sunday)" in found["weekdays"]


def test_a_placement_refuses_an_absence_outside_its_period() -> None:
    found = problems_of(placement, absences=(PlacementAbsence(day=dt.date(2026, 6, 29)),))

    assert {
        "absences[0].day": "2026-06-29 is outside the placement's period 2026-03-02..2026-06-26"
    } == found


def test_a_placement_refuses_an_absence_on_a_day_that_is_not_practised() -> None:
    found = problems_of(placement, absences=(PlacementAbsence(day=dt.date(2026, 3, 5)),))

    assert {
        "absences[0].day": "2026-03-05 is a thursday, not one of the placement's practice days"
    } == found


def test_a_placement_leaves_public_holidays_to_the_register() -> None:
    # A record checks only its own fields; the calendar is a rule of the register
    # (tests/register/test_register.py refuses an absence on Easter Monday).
    made = placement(absences=(PlacementAbsence(day=EASTER_MONDAY_2026),))

    assert (EASTER_MONDAY_2026,) == tuple(a.day for a in made.absences)


def test_a_placement_refuses_the_same_absence_twice() -> None:
    day = dt.date(2026, 3, 3)
    found = problems_of(
        placement,
        absences=(PlacementAbsence(day=day, reason="Syk"), PlacementAbsence(day=day)),
    )

    assert {"absences[1].day": "2026-03-03 is recorded absent twice"} == found


def test_a_placement_reports_every_bad_absence_at_once() -> None:
    found = problems_of(
        placement,
        absences=(
            PlacementAbsence(day=dt.date(2026, 3, 1)),
            PlacementAbsence(day=dt.date(2026, 3, 5)),
            PlacementAbsence(day=dt.date(2026, 3, 3)),
            PlacementAbsence(day=dt.date(2026, 3, 3)),
        ),
    )

    assert {"absences[0].day", "absences[1].day", "absences[3].day"} == set(found)


def test_a_placement_refuses_a_final_assessment_before_the_midway_one() -> None:
    found = problems_of(
        placement, midway=assessed(dt.date(2026, 4, 27)), final=assessed(dt.date(2026, 4, 20))
    )

    assert {"final.on": "2026-04-20 is before the midway assessment on 2026-04-27"} == found


@pytest.mark.parametrize("stage", list(AssessmentStage))
def test_a_placement_refuses_an_assessment_before_it_starts(stage: AssessmentStage) -> None:
    found = problems_of(placement, **{stage.value: assessed(dt.date(2026, 3, 1))})

    assert {f"{stage.value}.on": "2026-03-01 is before the placement starts on 2026-03-02"} == found


def test_a_placement_may_be_assessed_after_its_last_day() -> None:
    final = assessed(dt.date(2026, 7, 3))

    assert final == placement(final=final).final


def test_a_placement_knows_its_absent_days() -> None:
    days = (dt.date(2026, 3, 3), dt.date(2026, 3, 9))

    absent = placement(absences=[PlacementAbsence(day=d) for d in days]).absent_days

    assert frozenset(days) == absent


def test_the_latest_assessment_as_of_a_day_ignores_later_ones() -> None:
    midway = assessed(dt.date(2026, 4, 27), Outlook.CAUSE_FOR_CONCERN)
    final = assessed(dt.date(2026, 6, 26))
    p = placement(midway=midway, final=final)

    assert p.latest_assessment(dt.date(2026, 4, 26)) is None
    assert midway == p.latest_assessment(dt.date(2026, 4, 27))
    assert midway == p.latest_assessment(dt.date(2026, 6, 25))
    assert final == p.latest_assessment(dt.date(2026, 6, 26))
    assert midway == p.assessment(AssessmentStage.MIDWAY)


@given(gen.placements())
def test_any_generated_placement_rebuilds_from_its_fields(p: Placement) -> None:
    assert p == attrs.evolve(p, weekdays=sorted(p.weekdays), absences=list(p.absences))


# -- the final assignment -------------------------------------------------------------------

JUNE = dt.date(2026, 6, 1)


def test_an_assessment_before_its_submission_is_refused() -> None:
    found = problems_of(
        assignment,
        (submitted(JUNE),),
        (verdict(1, dt.date(2026, 5, 31), Verdict.APPROVED),),
    )

    assert {"assessments[0].on": "2026-05-31 is before submission 1 on 2026-06-01"} == found


def test_an_assessment_of_a_submission_that_does_not_exist_is_refused() -> None:
    found = problems_of(
        assignment, (submitted(JUNE),), (verdict(2, dt.date(2026, 6, 10), Verdict.APPROVED),)
    )

    assert {"assessments[0].submission": "there is no submission 2; 1 submitted"} == found


def test_an_assessment_with_no_submissions_at_all_is_refused() -> None:
    found = problems_of(assignment, (), (verdict(1, JUNE, Verdict.APPROVED),))

    assert ["assessments[0].submission"] == list(found)


def test_submissions_going_back_in_time_are_refused() -> None:
    found = problems_of(assignment, (submitted(JUNE), submitted(dt.date(2026, 5, 1))))

    assert {
        "submissions[1].on": "2026-05-01 is before the previous submission on 2026-06-01"
    } == found


def test_assessments_going_back_in_time_are_refused() -> None:
    found = problems_of(
        assignment,
        (submitted(JUNE), submitted(dt.date(2026, 6, 2))),
        (
            verdict(1, dt.date(2026, 6, 20), Verdict.NOT_APPROVED),
            verdict(2, dt.date(2026, 6, 10), Verdict.APPROVED),
        ),
    )

    assert {
        "assessments[1].on": "2026-06-10 is before the previous assessment on 2026-06-20",
        # and the second submission is dated before the first was assessed
        "submissions[1].on": "2026-06-02 is before the assessment of submission 1 on 2026-06-20",
    } == found


def test_only_the_latest_submission_is_assessed_and_nothing_follows_an_approval() -> None:
    approved_then_more = problems_of(
        assignment,
        (submitted(JUNE), submitted(dt.date(2026, 6, 30))),
        (verdict(1, dt.date(2026, 6, 20), Verdict.APPROVED),),
    )
    assessed_after_the_next = problems_of(
        assignment,
        (submitted(JUNE), submitted(dt.date(2026, 6, 10))),
        (verdict(1, dt.date(2026, 6, 20), Verdict.NOT_APPROVED),),
    )

    assert {
        "submissions[1]": "submission 1 was approved; nothing is submitted after an approval"
    } == approved_then_more
    assert {
        "submissions[1].on": "2026-06-10 is before the assessment of submission 1 on 2026-06-20"
    } == assessed_after_the_next


def test_an_assessment_needs_a_named_assessor() -> None:
    found = problems_of(
        AssignmentAssessment, submission=1, on=JUNE, assessor=" ", verdict=Verdict.APPROVED
    )

    assert ["assessor"] == list(found)


def test_an_assessment_verdict_must_be_a_verdict_not_its_text() -> None:
    found = problems_of(
        AssignmentAssessment, submission=1, on=JUNE, assessor="Lærer Lund", verdict="approved"
    )

    assert {
        "verdict": "expected one of 'approved', 'not-approved' (Verdict), got a str of 8 characters"
    } == found


@pytest.mark.parametrize("number", [0, -1, True])
def test_an_assessment_counts_submissions_from_one(number: object) -> None:
    found = problems_of(
        AssignmentAssessment,
        submission=number,
        on=JUNE,
        assessor="Lærer Lund",
        verdict=Verdict.APPROVED,
    )

    assert ["submission"] == list(found)


def test_an_assignment_without_submissions_is_not_started() -> None:
    assert AssignmentState.NOT_STARTED == assignment().state(dt.date(2030, 1, 1))


def test_an_assignment_submitted_and_not_yet_assessed_is_submitted() -> None:
    assert AssignmentState.SUBMITTED == assignment((submitted(JUNE),)).state(JUNE)


def test_an_assignment_whose_latest_submission_failed_is_not_approved() -> None:
    failed = assignment(
        (submitted(JUNE),), (verdict(1, dt.date(2026, 6, 15), Verdict.NOT_APPROVED),)
    )

    assert AssignmentState.NOT_APPROVED == failed.state(dt.date(2026, 6, 15))


def test_an_assignment_whose_latest_submission_passed_is_approved() -> None:
    passed = assignment((submitted(JUNE),), (verdict(1, dt.date(2026, 6, 15), Verdict.APPROVED),))

    assert AssignmentState.APPROVED == passed.state(dt.date(2026, 6, 15))


def test_a_reassessment_of_the_same_submission_counts_the_latest_verdict() -> None:
    reassessed = assignment(
        (submitted(JUNE),),
        (
            verdict(1, dt.date(2026, 6, 15), Verdict.NOT_APPROVED),
            verdict(1, dt.date(2026, 6, 22), Verdict.APPROVED),
        ),
    )

    assert AssignmentState.NOT_APPROVED == reassessed.state(dt.date(2026, 6, 21))
    assert AssignmentState.APPROVED == reassessed.state(dt.date(2026, 6, 22))


def test_an_assignment_as_of_an_earlier_date_ignores_later_records() -> None:
    history = assignment(
        (submitted(JUNE), submitted(dt.date(2026, 8, 3))),
        (
            verdict(1, dt.date(2026, 6, 15), Verdict.NOT_APPROVED),
            verdict(2, dt.date(2026, 8, 20), Verdict.APPROVED),
        ),
    )

    assert AssignmentState.NOT_STARTED == history.state(dt.date(2026, 5, 31))
    assert AssignmentState.SUBMITTED == history.state(JUNE)
    assert AssignmentState.NOT_APPROVED == history.state(dt.date(2026, 8, 2))
    assert AssignmentState.SUBMITTED == history.state(dt.date(2026, 8, 19))
    assert AssignmentState.APPROVED == history.state(dt.date(2026, 8, 20))
    assert 1 == history.submissions_as_of(dt.date(2026, 8, 2))
    assert 2 == history.submissions_as_of(dt.date(2026, 8, 3))


def cut(whole: FinalAssignment, as_of: dt.date) -> FinalAssignment:
    """The assignment as it stood on ``as_of``: later records left out."""
    return attrs.evolve(
        whole,
        submissions=tuple(s for s in whole.submissions if s.on <= as_of),
        assessments=tuple(a for a in whole.assessments if a.on <= as_of),
    )


@given(
    gen.assignments(dt.date(2026, 1, 5), 4).filter(lambda a: a is not None),
    st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)),
)
def test_an_assignment_as_of_a_date_is_the_assignment_as_it_stood_then(
    whole: FinalAssignment, as_of: dt.date
) -> None:
    then = cut(whole, as_of)
    last_day = max(
        [s.on for s in then.submissions] + [a.on for a in then.assessments], default=as_of
    )

    assert then.state(last_day) == whole.state(as_of)


# -- literature ---------------------------------------------------------------------


def test_literature_is_signed_off_from_the_day_of_the_sign_off() -> None:
    literature = Literature(
        readings=[Reading(title="Bok A", on=ENROLLED)],
        sign_off=SignOff(by="Lærer Lund", on=dt.date(2026, 11, 2)),
    )

    assert not literature.signed_off(dt.date(2026, 11, 1))
    assert literature.signed_off(dt.date(2026, 11, 2))
    assert literature.signed_off(dt.date(2027, 1, 1))


def test_literature_without_a_sign_off_is_never_signed_off() -> None:
    assert not Literature().signed_off(dt.date(2030, 1, 1))


def test_a_sign_off_needs_someone_who_signs() -> None:
    assert ["by"] == list(problems_of(SignOff, by=" ", on=ENROLLED))


# -- converters ---------------------------------------------------------------------


def test_records_accept_lists_where_they_keep_tuples() -> None:
    kull = Cohort(
        id="K26",
        name="MB 2026",
        rules=BERGEN_2010,
        period=YEAR_2026,
        places=18,
        sessions=[session()],
    )
    ola = Student(
        id="S-01",
        cohort="K26",
        name="Ola Testesen",
        status_history=[change(Status.ACTIVE, ENROLLED)],
        attendance=[Attendance("SES-1", Present(Hours(3)))],
        makeups=[MakeUp(id="M1", hours=Hours(2), on=ENROLLED, approver="Lærer Lund")],
        placements=[placement(absences=[PlacementAbsence(day=dt.date(2026, 3, 3))])],
        literature=Literature(readings=[Reading(title="Bok A", on=ENROLLED)]),
        assignment=assignment(
            [submitted(JUNE)],  # type: ignore[arg-type]
            [verdict(1, JUNE, Verdict.APPROVED)],  # type: ignore[arg-type]
        ),
    )

    assert isinstance(kull.sessions, tuple)
    for sequence in (
        ola.status_history,
        ola.attendance,
        ola.makeups,
        ola.placements,
        ola.placements[0].absences,
        ola.literature.readings,
        ola.assignment.submissions,  # type: ignore[union-attr]
        ola.assignment.assessments,  # type: ignore[union-attr]
    ):
        assert isinstance(sequence, tuple)
        assert 1 == len(sequence)


def test_records_accept_any_iterable_where_they_keep_tuples() -> None:
    kull = cohort()

    assert () == attrs.evolve(kull, sessions=iter([])).sessions
    assert (session(),) == attrs.evolve(kull, sessions=(s for s in [session()])).sessions


def test_a_string_is_not_taken_for_a_sequence_of_records() -> None:
    found = problems_of(Literature, readings="Bok A")

    assert {"readings": "expected a tuple of Reading, got str"} == found


def test_a_mapping_of_records_is_refused_item_by_item() -> None:
    found = problems_of(student, makeups={"M1": "2 timer"})

    assert ["makeups[0]"] == list(found)


@given(gen.cohort_and_student())
def test_generated_students_rebuild_equal_from_lists(pair: tuple[Cohort, Student]) -> None:
    _, s = pair

    rebuilt = attrs.evolve(
        s,
        status_history=list(s.status_history),
        attendance=list(s.attendance),
        makeups=list(s.makeups),
        placements=list(s.placements),
    )

    assert s == rebuilt


def test_hours_of_a_session_are_exact() -> None:
    assert Decimal("2.75") == session(hours="2.75").hours.value


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)),
            st.sampled_from(["1", "2.5", "6.5", "0.25"]),
        ),
        max_size=12,
        unique_by=lambda t: t[0],
    ),
    st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 1, 31)),
    st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 1, 31)),
)
def test_a_schedule_sums_exactly_the_hours_of_the_sessions_between_two_days(
    days: list[tuple[dt.date, str]], first: dt.date, last: dt.date
) -> None:
    from mbprogram import BERGEN_2010, Cohort, DateRange, Hours, Session  # noqa: PLC0415

    cohort = Cohort(
        id="K1",
        name="K1",
        rules=BERGEN_2010,
        period=DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        places=10,
        sessions=[Session(id=f"T{i}", day=d, hours=Hours(h)) for i, (d, h) in enumerate(days)],
    )
    expected = sum((s.hours.value for s in cohort.sessions if first <= s.day <= last), Decimal(0))
    assert expected == cohort.schedule.hours_between(first, last)
