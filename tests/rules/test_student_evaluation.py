"""Evaluating a student: every finding code of §4.1, messages in nb and en, and as-of properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    BERGEN_2010,
    AssignmentAssessment,
    AssignmentState,
    Attendance,
    Cohort,
    DateRange,
    FinalAssignment,
    FindingCode,
    Hours,
    InvalidValueError,
    Literature,
    Outlook,
    Percent,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
    Present,
    ProgrammeRules,
    Session,
    Severity,
    SignOff,
    Status,
    StatusChange,
    Student,
    Submission,
    UnexcusedAbsence,
    Verdict,
    Weekday,
    evaluate_student,
    floor2,
)
from mbprogram.catalogue.findings import TEXTS as TEMPLATES
from tests import strategies as gen

ENROLLED = dt.date(2026, 1, 5)
AS_OF = dt.date(2026, 12, 15)
SESSIONS = tuple(
    Session(id=f"SES-{i:02d}", day=ENROLLED + dt.timedelta(weeks=i), hours=Hours(7))
    for i in range(20)
)
COHORT = Cohort(
    id="K26",
    name="MB 2026",
    rules=BERGEN_2010,
    period=DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    places=18,
    sessions=SESSIONS,
)
PLACEMENT = Placement(
    id="P1",
    unit="U1",
    supervisor="Veileder Vik",
    period=DateRange(dt.date(2026, 8, 17), dt.date(2026, 11, 22)),  # 14 whole weeks
    weekdays=(Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY),
)
COMPLETE = Student(
    id="S-01",
    cohort="K26",
    name="Ola Testesen",
    status_history=(StatusChange(status=Status.ACTIVE, on=ENROLLED),),
    attendance=tuple(Attendance(s.id, Present(Hours(7))) for s in SESSIONS),
    placements=(PLACEMENT,),
    literature=Literature(sign_off=SignOff(by="Lærer Lund", on=dt.date(2026, 11, 1))),
    assignment=FinalAssignment(
        topic="Håp i praksis",
        supervisor="Lærer Lund",
        submissions=(Submission(on=dt.date(2026, 11, 10)),),
        assessments=(
            AssignmentAssessment(
                submission=1,
                on=dt.date(2026, 11, 20),
                assessor="Sensor Sand",
                verdict=Verdict.APPROVED,
            ),
        ),
    ),
)


def codes(student: Student, cohort: Cohort = COHORT, as_of: dt.date = AS_OF) -> list[FindingCode]:
    return [f.code for f in evaluate_student(cohort, student, as_of).findings]


def with_hours(hours: str) -> Student:
    """The complete student with the last session attended for ``hours`` instead of 7."""
    attendance = (*COMPLETE.attendance[:-1], Attendance("SES-19", Present(Hours(hours))))
    return attrs.evolve(COMPLETE, attendance=attendance)


def test_a_student_who_meets_every_requirement_is_complete_without_findings():
    progress = evaluate_student(COHORT, COMPLETE, AS_OF)
    assert (True, ()) == (progress.complete, progress.findings)
    assert (Hours(140), Fraction(14)) == (progress.theory_hours, progress.practice_weeks)
    assert (True, AssignmentState.APPROVED) == (progress.literature_signed_off, progress.assignment)


def test_139_99_theory_hours_are_short_of_140():
    assert [FindingCode.THEORY_HOURS_SHORT] == codes(with_hours("6.99"))


def test_a_hair_short_is_still_short():
    assert [FindingCode.THEORY_HOURS_SHORT] == codes(with_hours("6.99999"))


def test_theory_attendance_below_the_minimum_share_is_an_error():
    cohort = attrs.evolve(COHORT, rules=attrs.evolve(BERGEN_2010, min_theory_share=Percent(80)))
    attendance = tuple(
        Attendance(s.id, UnexcusedAbsence() if i < 5 else Present(Hours(7)))
        for i, s in enumerate(SESSIONS)
    )
    student = attrs.evolve(COMPLETE, attendance=attendance)
    assert [FindingCode.THEORY_HOURS_SHORT, FindingCode.THEORY_ATTENDANCE_LOW] == codes(
        student, cohort
    )


def attending(sessions: int) -> Student:
    """The complete student, present at the first ``sessions`` sessions and absent from the rest."""
    attendance = tuple(
        Attendance(s.id, Present(Hours(7)) if i < sessions else UnexcusedAbsence())
        for i, s in enumerate(SESSIONS)
    )
    return attrs.evolve(COMPLETE, attendance=attendance)


def with_minimum_theory_share(percent: int) -> Cohort:
    return attrs.evolve(COHORT, rules=attrs.evolve(BERGEN_2010, min_theory_share=Percent(percent)))


def test_theory_attendance_of_exactly_the_minimum_share_is_enough():
    # 15 of the 20 sessions held: 75 %.
    assert [FindingCode.THEORY_HOURS_SHORT] == codes(attending(15), with_minimum_theory_share(75))


def test_theory_attendance_below_the_minimum_names_the_share_the_hours_held_and_the_minimum():
    progress = evaluate_student(with_minimum_theory_share(75), attending(14), AS_OF)

    (low,) = (f for f in progress.findings if f.code is FindingCode.THEORY_ATTENDANCE_LOW)
    assert (("share", "70"), ("held", "140"), ("minimum", "75")) == low.details


#: Monday to Friday, 7 September to 2 October 2026: four weeks, 20 practice days, no holiday.
FOUR_WEEKS = Placement(
    id="P1",
    unit="U1",
    supervisor="Veileder Vik",
    period=DateRange(dt.date(2026, 9, 7), dt.date(2026, 10, 2)),
    weekdays=tuple(Weekday(d) for d in range(5)),
    absences=(PlacementAbsence(day=dt.date(2026, 9, 9)),),
)


def with_minimum_practice_share(percent: int) -> Cohort:
    rules = attrs.evolve(
        BERGEN_2010, practice_weeks=Decimal(3), min_practice_share=Percent(percent)
    )
    return attrs.evolve(COHORT, rules=rules)


def test_practice_attendance_of_exactly_the_minimum_share_is_enough():
    # One absence in 20 expected days: 95 %.
    student = attrs.evolve(COMPLETE, placements=(FOUR_WEEKS,))
    assert [] == codes(student, with_minimum_practice_share(95))


def test_practice_attendance_below_the_minimum_names_the_days_the_share_and_the_minimum():
    student = attrs.evolve(COMPLETE, placements=(FOUR_WEEKS,))

    (low,) = evaluate_student(with_minimum_practice_share(96), student, AS_OF).findings

    assert FindingCode.PRACTICE_ATTENDANCE_LOW == low.code
    assert (
        ("attended", "19"),
        ("expected", "20"),
        ("share", "95"),
        ("minimum", "96"),
    ) == low.details


def test_practice_weeks_short_of_the_requirement_is_an_error():
    shorter = attrs.evolve(
        PLACEMENT, period=DateRange(PLACEMENT.period.start, dt.date(2026, 11, 18))
    )
    progress = evaluate_student(COHORT, attrs.evolve(COMPLETE, placements=(shorter,)), AS_OF)
    assert [FindingCode.PRACTICE_WEEKS_SHORT] == [f.code for f in progress.findings]
    assert Fraction(13) + Fraction(2, 3) == progress.practice_weeks  # Mon and Wed of the last week
    # Weeks are floored and the shortfall rounded up: a display never overstates progress.
    assert "13,66 av 14 uker; det mangler 0,34 uker" in progress.findings[0].message("nb")


def test_practice_attendance_below_the_minimum_share_is_an_error():
    rules = attrs.evolve(BERGEN_2010, practice_weeks=Decimal(10), min_practice_share=Percent(90))
    absent = tuple(
        PlacementAbsence(day=dt.date(2026, 8, 17) + dt.timedelta(weeks=w)) for w in range(5)
    )
    student = attrs.evolve(COMPLETE, placements=(attrs.evolve(PLACEMENT, absences=absent),))
    progress = evaluate_student(attrs.evolve(COHORT, rules=rules), student, AS_OF)
    assert [FindingCode.PRACTICE_ATTENDANCE_LOW] == [f.code for f in progress.findings]
    assert Fraction(37, 42) == progress.practice_share


def test_literature_must_be_signed_off_on_or_before_the_as_of_date():
    assert FindingCode.LITERATURE_NOT_SIGNED_OFF in codes(COMPLETE, as_of=dt.date(2026, 10, 31))
    assert FindingCode.LITERATURE_NOT_SIGNED_OFF not in codes(COMPLETE, as_of=dt.date(2026, 11, 1))


def test_an_unassessed_submission_is_not_approved():
    assignment = attrs.evolve(COMPLETE.assignment, assessments=())
    progress = evaluate_student(COHORT, attrs.evolve(COMPLETE, assignment=assignment), AS_OF)
    assert [FindingCode.ASSIGNMENT_NOT_APPROVED] == [f.code for f in progress.findings]
    assert AssignmentState.SUBMITTED == progress.assignment


def test_rules_without_literature_or_assignment_requirements_do_not_ask_for_them():
    rules = attrs.evolve(BERGEN_2010, literature_sign_off=False, assignment_approval=False)
    student = attrs.evolve(COMPLETE, literature=Literature(), assignment=None)
    assert [] == codes(student, attrs.evolve(COHORT, rules=rules))


def test_no_approved_submission_and_none_left_exhausts_the_attempts():
    rejected = [
        AssignmentAssessment(
            submission=n,
            on=dt.date(2026, 9, 2 * n),
            assessor="Sensor Sand",
            verdict=Verdict.NOT_APPROVED,
        )
        for n in (1, 2, 3)
    ]
    assignment = FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=tuple(Submission(on=dt.date(2026, 9, 2 * n - 1)) for n in (1, 2, 3)),
        assessments=tuple(rejected),
    )
    found = codes(attrs.evolve(COMPLETE, assignment=assignment))
    assert [FindingCode.ASSIGNMENT_NOT_APPROVED, FindingCode.ASSIGNMENT_ATTEMPTS_EXHAUSTED] == found


def test_a_last_submission_still_awaiting_its_assessment_does_not_exhaust_the_attempts():
    rejected = [
        AssignmentAssessment(
            submission=n,
            on=dt.date(2026, 9, 2 * n),
            assessor="Sensor Sand",
            verdict=Verdict.NOT_APPROVED,
        )
        for n in (1, 2)
    ]
    assignment = FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=tuple(Submission(on=dt.date(2026, 9, 2 * n - 1)) for n in (1, 2, 3)),
        assessments=tuple(rejected),
    )

    progress = evaluate_student(COHORT, attrs.evolve(COMPLETE, assignment=assignment), AS_OF)

    assert (AssignmentState.SUBMITTED, 3) == (progress.assignment, progress.submissions)
    assert [FindingCode.ASSIGNMENT_NOT_APPROVED] == [f.code for f in progress.findings]


def test_a_student_without_a_final_assignment_has_made_no_submissions():
    progress = evaluate_student(COHORT, attrs.evolve(COMPLETE, assignment=None), AS_OF)

    assert (AssignmentState.NOT_STARTED, 0) == (progress.assignment, progress.submissions)


def test_a_resubmission_after_a_rejection_can_be_approved():
    assignment = FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=(Submission(on=dt.date(2026, 9, 1)), Submission(on=dt.date(2026, 10, 1))),
        assessments=(
            AssignmentAssessment(
                submission=1,
                on=dt.date(2026, 9, 10),
                assessor="Sensor Sand",
                verdict=Verdict.NOT_APPROVED,
            ),
            AssignmentAssessment(
                submission=2,
                on=dt.date(2026, 10, 10),
                assessor="Sensor Sand",
                verdict=Verdict.APPROVED,
            ),
        ),
    )
    student = attrs.evolve(COMPLETE, assignment=assignment)
    assert (
        AssignmentState.NOT_APPROVED
        == evaluate_student(COHORT, student, dt.date(2026, 9, 30)).assignment
    )
    assert (
        AssignmentState.SUBMITTED
        == evaluate_student(COHORT, student, dt.date(2026, 10, 5)).assignment
    )
    assert evaluate_student(COHORT, student, AS_OF).complete


def test_a_withdrawn_student_is_not_complete():
    history = (
        *COMPLETE.status_history,
        StatusChange(status=Status.WITHDRAWN, on=dt.date(2026, 12, 1)),
    )
    student = attrs.evolve(COMPLETE, status_history=history)
    progress = evaluate_student(COHORT, student, AS_OF)
    assert ([FindingCode.STUDENT_WITHDRAWN], False) == (
        [f.code for f in progress.findings],
        progress.complete,
    )
    assert "2026-12-01" in progress.findings[0].message("en")
    assert evaluate_student(COHORT, student, dt.date(2026, 11, 30)).complete


def test_a_cause_for_concern_is_a_warning_that_does_not_block_completion():
    concern = PlacementAssessment(
        on=dt.date(2026, 10, 1), assessor="Veileder Vik", outlook=Outlook.CAUSE_FOR_CONCERN
    )
    student = attrs.evolve(COMPLETE, placements=(attrs.evolve(PLACEMENT, midway=concern),))
    progress = evaluate_student(COHORT, student, AS_OF)
    (finding,) = progress.findings
    assert (FindingCode.PLACEMENT_CAUSE_FOR_CONCERN, Severity.WARNING, True) == (
        finding.code,
        finding.severity,
        progress.complete,
    )
    assert "cohorts[K26].students[S-01].placements[P1].midway" == finding.path


def test_a_concern_is_resolved_by_a_later_assessment_on_track():
    concern = PlacementAssessment(
        on=dt.date(2026, 10, 1), assessor="Veileder Vik", outlook=Outlook.CAUSE_FOR_CONCERN
    )
    on_track = PlacementAssessment(
        on=dt.date(2026, 11, 20), assessor="Veileder Vik", outlook=Outlook.ON_TRACK
    )
    placement = attrs.evolve(PLACEMENT, midway=concern, final=on_track)
    student = attrs.evolve(COMPLETE, placements=(placement,))
    assert FindingCode.PLACEMENT_CAUSE_FOR_CONCERN in codes(student, as_of=dt.date(2026, 11, 19))
    assert [] == codes(student)


def test_every_finding_names_the_record_it_concerns():
    progress = evaluate_student(COHORT, attrs.evolve(COMPLETE, literature=Literature()), AS_OF)
    assert ["cohorts[K26].students[S-01].literature"] == [f.path for f in progress.findings]


@pytest.mark.parametrize("code", list(FindingCode))
def test_every_finding_code_has_a_message_in_bokmal_and_english(code):
    assert {"nb", "en"} == set(TEMPLATES[code.value])


def test_messages_are_in_bokmal_by_default_and_english_on_request():
    (finding,) = evaluate_student(COHORT, with_hours("6.99"), AS_OF).findings
    assert "Godkjente teoritimer er 139,99 av 140 t; det mangler 0,01 t." == finding.message()
    assert "Credited theory hours are 139.99 of 140 h; 0.01 h are missing." == finding.message("en")


def test_an_unknown_message_language_is_refused():
    (finding,) = evaluate_student(COHORT, with_hours("6"), AS_OF).findings
    with pytest.raises(InvalidValueError, match="lang"):
        finding.message("de")  # type: ignore[arg-type]


def test_weeks_are_floored_to_two_decimals_for_display():
    assert Decimal("13.33") == floor2(Fraction(40, 3))
    assert Decimal("13.99") == floor2(Fraction(13999, 1000))


# -- properties ----------------------------------------------------------------------

as_of_dates = st.dates(min_value=gen.FIRST_DAY, max_value=gen.LAST_DAY)


@given(gen.cohort_and_student(), as_of_dates, as_of_dates)
def test_an_earlier_evaluation_never_shows_more_progress_than_a_later_one(pair, a, b):
    cohort, student = pair
    earlier, later = sorted((a, b))
    before = evaluate_student(cohort, student, earlier)
    after = evaluate_student(cohort, student, later)
    assert before.theory_hours <= after.theory_hours
    assert before.practice_weeks <= after.practice_weeks
    assert before.submissions <= after.submissions
    assert not before.literature_signed_off or after.literature_signed_off
    assert before.assignment is not AssignmentState.APPROVED or (
        after.assignment is AssignmentState.APPROVED
    )
    rules = cohort.rules
    if rules.min_theory_share is None and rules.min_practice_share is None:
        assert not before.complete or after.complete
    # else a share, unlike hours, can fall again (docs/rules.md): complete on the first day,
    # before any session was held, and not after the first session is missed


@given(gen.cohort_and_student(), as_of_dates)
def test_a_share_below_its_minimum_keeps_a_student_from_completing(pair, day):
    cohort, student = pair
    progress = evaluate_student(cohort, student, day)
    low = {"THEORY_ATTENDANCE_LOW", "PRACTICE_ATTENDANCE_LOW"} & {f.code for f in progress.findings}
    assert not (low and progress.complete)


def test_a_share_can_fall_so_completion_on_a_share_is_not_kept_for_later_dates() -> None:
    rules = ProgrammeRules.from_dict(
        {
            "name": "Andeler",
            "min_theory_share": "80",
            "min_practice_share": "80",
            "literature_sign_off": False,
            "assignment_approval": False,
        }
    )
    cohort = attrs.evolve(COHORT, rules=rules)
    student = attrs.evolve(COMPLETE, attendance=(), makeups=(), placements=())  # never attends

    first = SESSIONS[0].day
    assert evaluate_student(cohort, student, first - dt.timedelta(days=1)).complete  # none held
    later = evaluate_student(cohort, student, first)
    assert not later.complete
    assert "THEORY_ATTENDANCE_LOW" in {f.code for f in later.findings}


@given(gen.cohort_and_student())
def test_complete_means_no_error_finding(pair):
    cohort, student = pair
    progress = evaluate_student(cohort, student, gen.LAST_DAY)
    errors = [f for f in progress.findings if f.severity is Severity.ERROR]
    assert progress.complete == (not errors)
    for f in progress.findings:
        assert f.message("nb")
        assert f.message("en")
        assert f.path.startswith(f"cohorts[{cohort.id}].students[{student.id}]")


def test_bokmal_messages_use_a_decimal_comma_and_bokmal_words_but_keep_dates() -> None:
    from mbprogram.catalogue import render  # noqa: PLC0415

    concern = render("PLACEMENT_CAUSE_FOR_CONCERN", "nb", {"on": "2026-03-09", "stage": "midway"})
    assert "Praksisveileder meldte bekymring i vurderingen 2026-03-09 (midtveis)." == concern
    state = render("ASSIGNMENT_NOT_APPROVED", "nb", {"state": "not-started"})
    assert "Den avsluttende oppgaven er ikke godkjent (status: ikke påbegynt)." == state
    english = render("ASSIGNMENT_NOT_APPROVED", "en", {"state": "not-started"})
    assert "The final assignment is not approved (state: not-started)." == english
    share = render("THEORY_ATTENDANCE_LOW", "nb", {"share": "66.7", "held": "150", "minimum": "80"})
    assert "66,7 % av 150 t" in share
