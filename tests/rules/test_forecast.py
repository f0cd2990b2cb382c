"""The forecast: what attending everything planned gives, when it completes, and who is at risk."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from mbprogram import (
    AssignmentAssessment,
    Attendance,
    Cohort,
    DateRange,
    ExcusedAbsence,
    FinalAssignment,
    FindingCode,
    ForecastOutlook,
    Hours,
    InvalidValueError,
    MakeUp,
    Milestones,
    Percent,
    Placement,
    PlacementAbsence,
    Present,
    ProgrammeRules,
    Register,
    RequirementOutlook,
    Session,
    Severity,
    SignOff,
    Stamp,
    Status,
    StatusChange,
    Student,
    Submission,
    UnexcusedAbsence,
    Verdict,
    Weekday,
    evaluate_student,
    forecast_cohort,
    forecast_student,
)
from mbprogram.model.literature import Literature

F = FindingCode
ENROLLED = dt.date(2026, 1, 5)
#: Twenty 4-hour sessions, every Thursday from 8 January to 21 May 2026 (80 hours).
SESSIONS = tuple(
    Session(id=f"T{i:02d}", day=dt.date(2026, 1, 8) + dt.timedelta(weeks=i), hours=Hours(4))
    for i in range(20)
)
#: The day of the twelfth session: 48 hours held, 32 hours (8 sessions) left.
AS_OF = SESSIONS[11].day
#: Monday, Tuesday and Thursday for four whole weeks after Easter: 12 practice days.
PLACEMENT = Placement(
    id="P1",
    unit="U1",
    supervisor="Veileder Vik",
    period=DateRange(dt.date(2026, 4, 13), dt.date(2026, 5, 10)),
    weekdays={Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY},
)


def rules(**changes: Any) -> ProgrammeRules:
    """71 hours of theory and 3 weeks of practice; no literature or assignment unless asked."""
    base: dict[str, Any] = {
        "name": "Prognose",
        "theory_hours": Hours(71),
        "practice_weeks": Decimal(3),
        "literature_sign_off": False,
        "assignment_approval": False,
    }
    return ProgrammeRules(**{**base, **changes})


def cohort(**changes: Any) -> Cohort:
    return Cohort(
        id="F26",
        name="Prognose 2026",
        rules=rules(**changes),
        period=DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        places=10,
        sessions=SESSIONS,
    )


def student(missed: int = 0, **changes: Any) -> Student:
    """At the first 12 sessions in full but the first ``missed``; placed in ``PLACEMENT``."""
    marks = [
        Attendance(s.id, UnexcusedAbsence() if i < missed else Present(Hours(4)))
        for i, s in enumerate(SESSIONS[:12])
    ]
    fields: dict[str, Any] = {
        "id": "S1",
        "cohort": "F26",
        "name": "Ola Testesen",
        "status_history": (StatusChange(status=Status.ACTIVE, on=ENROLLED),),
        "attendance": marks,
        "placements": (PLACEMENT,),
    }
    return Student(**{**fields, **changes})


def messages(forecast: Any, lang: str = "en") -> list[str]:
    return [f.message(lang) for f in forecast.findings]


# -- theory hours -------------------------------------------------------------------------


def test_a_student_who_may_miss_little_is_at_risk_and_told_what_attending_takes() -> None:
    forecast = forecast_student(cohort(), student(missed=2), AS_OF)

    assert ForecastOutlook.AT_RISK == forecast.outlook
    assert [F.THEORY_AT_RISK] == [f.code for f in forecast.findings]
    assert [
        (
            "To meet the theory requirement on plan the student must attend 31 of the "
            "remaining 32 hours."
        )
    ] == messages(forecast)
    assert [
        "For å nå teorikravet etter planen må deltakeren delta i 31 av 32 gjenstående timer."
    ] == messages(forecast, "nb")
    assert "cohorts[F26].students[S1].attendance" == forecast.findings[0].path


def test_the_hours_needed_and_left_are_exact() -> None:
    marks = student(missed=2).attendance
    late = student(attendance=[*marks[:11], Attendance("T11", Present(Hours("3.25")))])
    forecast = forecast_student(cohort(), late, AS_OF)
    assert messages(forecast)[0].endswith("must attend 31.75 of the remaining 32 hours.")


def test_theory_hours_possible_are_the_hours_credited_and_every_session_left_in_full() -> None:
    forecast = forecast_student(cohort(), student(missed=2), AS_OF)
    assert Hours(72) == forecast.theory_hours_possible


def test_a_student_who_cannot_reach_the_hours_is_unreachable_with_no_completion_date() -> None:
    forecast = forecast_student(cohort(), student(missed=3), AS_OF)

    assert ForecastOutlook.UNREACHABLE == forecast.outlook
    assert forecast.earliest_completion is None
    assert [
        (
            "The theory requirement cannot be met on plan: 35 hours are missing and only 32 hours "
            "are left in the schedule."
        )
    ] == messages(forecast)
    assert [F.THEORY_UNREACHABLE] == [f.code for f in forecast.findings]


def test_a_student_with_hours_to_spare_is_on_track_without_findings() -> None:
    forecast = forecast_student(cohort(), student(missed=0), AS_OF)

    assert ForecastOutlook.ON_TRACK == forecast.outlook
    assert () == forecast.findings


def test_an_on_track_student_completes_on_the_day_the_last_requirement_is_met() -> None:
    forecast = forecast_student(cohort(practice_weeks=Decimal(0)), student(missed=0), AS_OF)
    # 48 hours so far; the 71st hour is reached at the 18th session (72 hours).
    assert SESSIONS[17].day == forecast.earliest_completion
    ((requirement),) = forecast.requirements
    assert (F.THEORY_HOURS_SHORT, RequirementOutlook.ON_TRACK, SESSIONS[17].day) == (
        requirement.code,
        requirement.outlook,
        requirement.met_on,
    )


def test_make_up_work_counts_up_to_the_cap_but_not_make_up_approved_after_the_date() -> None:
    makeups = (
        MakeUp(id="M1", hours=Hours(6), on=AS_OF, approver="Lærer Lund"),
        MakeUp(id="M2", hours=Hours(6), on=AS_OF + dt.timedelta(days=1), approver="Lærer Lund"),
    )
    capped = cohort(makeup_cap=Hours(2))
    forecast = forecast_student(capped, student(missed=3, makeups=makeups), AS_OF)

    assert Hours(70) == forecast.theory_hours_possible  # 36 + 32 + 2 of the first 6
    assert ForecastOutlook.UNREACHABLE == forecast.outlook


def test_marks_after_the_date_are_not_part_of_the_plan() -> None:
    planned_absence = Attendance("T12", ExcusedAbsence("ferie"))
    someone = student(missed=2)
    someone = attrs.evolve(someone, attendance=[*someone.attendance, planned_absence])

    assert forecast_student(cohort(), someone, AS_OF) == forecast_student(
        cohort(), student(missed=2), AS_OF
    )


def test_the_threshold_of_theory_at_risk_is_a_rule() -> None:
    lenient = cohort(at_risk_theory_share=Percent(100))
    strict = cohort(at_risk_theory_share=Percent(0))

    assert ForecastOutlook.ON_TRACK == forecast_student(lenient, student(missed=2), AS_OF).outlook
    assert ForecastOutlook.AT_RISK == forecast_student(strict, student(missed=0), AS_OF).outlook


# -- practice weeks ----------------------------------------------------------------------


def test_practice_at_risk_says_how_many_of_the_days_left_must_be_attended() -> None:
    forecast = forecast_student(cohort(practice_weeks=Decimal("3.75")), student(), AS_OF)

    assert ForecastOutlook.AT_RISK == forecast.outlook
    assert [
        (
            "To meet the practice requirement on plan the student must attend 12 of the "
            "remaining 12 practice days."
        )
    ] == messages(forecast)
    assert "cohorts[F26].students[S1].placements" == forecast.findings[0].path


def test_the_fewest_days_needed_count_the_days_of_a_holiday_week_first() -> None:
    # Whit Monday (25 May 2026) leaves two practice days in its week, each worth half
    # a week; the week before has three, each worth a third. One week takes 2 days.
    whitsun = attrs.evolve(PLACEMENT, period=DateRange(dt.date(2026, 5, 18), dt.date(2026, 5, 31)))
    strict = cohort(
        theory_hours=Hours(48), practice_weeks=Decimal(1), at_risk_practice_share=Percent(30)
    )
    forecast = forecast_student(strict, student(placements=(whitsun,)), AS_OF)

    assert Fraction(2) == forecast.practice_weeks_possible
    assert messages(forecast)[0].endswith("must attend 2 of the remaining 5 practice days.")


def test_practice_that_the_placements_cannot_give_is_unreachable() -> None:
    forecast = forecast_student(cohort(practice_weeks=Decimal(5)), student(), AS_OF)

    assert ForecastOutlook.UNREACHABLE == forecast.outlook
    assert Fraction(4) == forecast.practice_weeks_possible
    assert [
        (
            "The practice requirement cannot be met on plan: all 12 remaining practice days give "
            "4 of 5 weeks."
        )
    ] == messages(forecast)
    assert [
        (
            "Praksiskravet kan ikke nås etter planen: med alle 12 gjenstående praksisdager "
            "blir det 4 av 5 uker."
        )
    ] == messages(forecast, "nb")


def test_practice_completes_on_the_practice_day_that_reaches_the_weeks() -> None:
    forecast = forecast_student(cohort(theory_hours=Hours(48)), student(), AS_OF)
    # Three whole weeks: the Thursday of the third week.
    assert dt.date(2026, 4, 30) == forecast.earliest_completion


def test_absences_after_the_date_are_not_part_of_the_plan() -> None:
    sick = attrs.evolve(PLACEMENT, absences=[PlacementAbsence(day=dt.date(2026, 4, 14))])
    forecast = forecast_student(cohort(), student(placements=(sick,)), AS_OF)
    assert Fraction(4) == forecast.practice_weeks_possible


# -- attended shares --------------------------------------------------------------------


def test_a_share_with_one_absence_to_spare_is_at_risk() -> None:
    # 40 of 48 hours so far; with 32 more the share is 72 of 80 = 90 %. One more
    # missed session (4 h) leaves 68 of 80 = 85 %; a second 64 of 80 = 80 %, under 82 %.
    at_82 = cohort(theory_hours=Hours(40), min_theory_share=Percent(82))
    forecast = forecast_student(at_82, student(missed=2), AS_OF)

    assert ForecastOutlook.AT_RISK == forecast.outlook
    assert Fraction(9, 10) == forecast.theory_share_possible
    assert [
        (
            "Attendance in theory teaching can reach at most 90 %, and at least 82 % is required: "
            "2 more absences take it below the minimum."
        )
    ] == messages(forecast)
    assert [
        (
            "Oppmøtet i teoriundervisningen kan bli høyst 90 %, og kravet er minst 82 %: "
            "2 ganger fravær til får det under kravet."
        )
    ] == messages(forecast, "nb")


def test_a_share_with_more_absences_to_spare_is_not_at_risk() -> None:
    at_70 = cohort(theory_hours=Hours(40), min_theory_share=Percent(70))
    assert () == forecast_student(at_70, student(missed=2), AS_OF).findings


def test_a_share_that_cannot_recover_is_unreachable() -> None:
    at_95 = cohort(theory_hours=Hours(40), min_theory_share=Percent(95))
    forecast = forecast_student(at_95, student(missed=2), AS_OF)

    assert ForecastOutlook.UNREACHABLE == forecast.outlook
    assert [
        (
            "Attendance in theory teaching can reach at most 90 % even if the student attends "
            "everything planned; at least 95 % is required."
        )
    ] == messages(forecast)


def test_a_practice_share_at_risk_names_practice() -> None:
    sick = attrs.evolve(PLACEMENT, absences=[PlacementAbsence(day=dt.date(2026, 4, 14))])
    # 1 of 2 days so far and 10 left: 11 of 12 at best; 2 more absences leave 9 of 12 (75 %).
    rule = cohort(theory_hours=Hours(0), practice_weeks=Decimal(0), min_practice_share=Percent(80))
    as_of = dt.date(2026, 4, 14)
    forecast = forecast_student(rule, student(placements=(sick,)), as_of)

    assert [
        (
            "Attendance in practice can reach at most 91.66 %, and at least 80 % is required: "
            "2 more absences take it below the minimum."
        )
    ] == messages(forecast)


def test_the_spare_absences_of_at_risk_are_a_rule() -> None:
    at_82 = cohort(theory_hours=Hours(40), min_theory_share=Percent(82), at_risk_absences=0)
    assert ForecastOutlook.ON_TRACK == forecast_student(at_82, student(missed=2), AS_OF).outlook


# -- literature, the assignment and the status ------------------------------------------


def test_literature_and_the_assignment_without_planned_dates_are_open() -> None:
    forecast = forecast_student(
        cohort(literature_sign_off=True, assignment_approval=True), student(), AS_OF
    )

    assert ForecastOutlook.ON_TRACK == forecast.outlook
    assert (F.LITERATURE_NOT_SIGNED_OFF, F.ASSIGNMENT_NOT_APPROVED) == forecast.open
    # The earliest completion is then that of what the plan holds.
    assert SESSIONS[17].day == forecast.earliest_completion


def test_planned_dates_of_literature_and_the_assignment_count_from_that_day() -> None:
    planned = Milestones(
        literature_sign_off=dt.date(2026, 6, 1), assignment_approval=dt.date(2026, 6, 15)
    )
    forecast = forecast_student(
        cohort(literature_sign_off=True, assignment_approval=True),
        student(),
        AS_OF,
        milestones=planned,
    )

    assert () == forecast.open
    assert dt.date(2026, 6, 15) == forecast.earliest_completion


def test_a_planned_date_that_has_passed_leaves_the_requirement_open() -> None:
    overdue = Milestones(literature_sign_off=AS_OF)
    forecast = forecast_student(
        cohort(literature_sign_off=True), student(), AS_OF, milestones=overdue
    )
    assert (F.LITERATURE_NOT_SIGNED_OFF,) == forecast.open


def test_an_assignment_without_submissions_left_cannot_be_approved() -> None:
    refused = FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=[Submission(on=dt.date(2026, 2, 1))],
        assessments=[
            AssignmentAssessment(
                submission=1, on=dt.date(2026, 2, 10), assessor="Sensor Sand",
                verdict=Verdict.NOT_APPROVED,
            )
        ],
    )  # fmt: skip
    forecast = forecast_student(
        cohort(assignment_approval=True, max_submissions=1),
        student(assignment=refused),
        AS_OF,
        milestones=Milestones(assignment_approval=dt.date(2026, 6, 1)),
    )

    assert ForecastOutlook.UNREACHABLE == forecast.outlook
    assert {F.ASSIGNMENT_NOT_APPROVED, F.ASSIGNMENT_ATTEMPTS_EXHAUSTED} == {
        r.code for r in forecast.requirements if r.outlook is RequirementOutlook.UNREACHABLE
    }


def test_a_withdrawn_student_cannot_complete_and_has_no_plan() -> None:
    history = (
        StatusChange(status=Status.ACTIVE, on=ENROLLED),
        StatusChange(status=Status.WITHDRAWN, on=dt.date(2026, 3, 1)),
    )
    forecast = forecast_student(cohort(), student(status_history=history), AS_OF)

    assert ForecastOutlook.UNREACHABLE == forecast.outlook
    assert () == forecast.findings
    assert Hours(48) == forecast.theory_hours_possible  # what was credited: nothing more
    assert Fraction(0) == forecast.practice_weeks_possible
    assert F.STUDENT_WITHDRAWN in {r.code for r in forecast.requirements}


def test_a_complete_student_is_complete_as_of_the_date() -> None:
    done = student(
        attendance=[Attendance(s.id, Present(Hours(4))) for s in SESSIONS[:12]],
        literature=Literature(sign_off=SignOff(by="Lærer Lund", on=AS_OF)),
    )
    forecast = forecast_student(
        cohort(theory_hours=Hours(48), practice_weeks=Decimal(0)), done, AS_OF
    )

    assert ForecastOutlook.COMPLETE == forecast.outlook
    assert (AS_OF, (), ()) == (
        forecast.earliest_completion,
        forecast.requirements,
        forecast.findings,
    )


# -- the evaluation is unchanged ---------------------------------------------------------


def test_the_forecast_leaves_the_evaluation_as_it_was() -> None:
    forecast = forecast_student(cohort(), student(missed=2), AS_OF)

    assert evaluate_student(cohort(), student(missed=2), AS_OF) == forecast.progress
    assert not {f.code for f in forecast.findings} & {f.code for f in forecast.progress.findings}


@pytest.mark.parametrize(
    "code",
    [
        F.THEORY_AT_RISK,
        F.THEORY_UNREACHABLE,
        F.PRACTICE_AT_RISK,
        F.PRACTICE_UNREACHABLE,
        F.ATTENDANCE_SHARE_AT_RISK,
        F.ATTENDANCE_SHARE_UNREACHABLE,
    ],
)
def test_the_forecast_findings_are_warnings(code: FindingCode) -> None:
    from mbprogram.rules.findings import SEVERITY  # noqa: PLC0415

    assert Severity.WARNING is SEVERITY[code]


# -- a cohort ------------------------------------------------------------------------------


def register() -> Register:
    stamp = Stamp("Koordinator Krog", dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC))
    register = Register()
    register.open_cohort(cohort(practice_weeks=Decimal(0)), by=stamp)
    for sid in ("S1", "S2"):
        register.enrol(Student(id=sid, cohort="F26", name="Kari Prøvedal"), on=ENROLLED, by=stamp)
    for session in SESSIONS[:12]:
        register.record_attendance("S1", session.id, Present(Hours(4)), by=stamp)
        register.record_attendance("S2", session.id, Present(Hours(1)), by=stamp)
    return register


def test_a_cohort_forecast_names_who_needs_help() -> None:
    forecast = forecast_cohort(register(), "F26", AS_OF)

    assert ["S1", "S2"] == [s.student for s in forecast.students]
    assert ["S2"] == [s.student for s in forecast.needs_help]
    assert forecast.progress.students == tuple(s.progress for s in forecast.students)


def test_a_cohort_forecast_takes_each_students_milestones() -> None:
    planned = {"S1": Milestones(literature_sign_off=dt.date(2026, 6, 1))}
    forecast = forecast_cohort(register(), "F26", AS_OF, milestones=planned)
    assert [(), ()] == [s.open for s in forecast.students]


def test_milestones_for_a_student_not_in_the_cohort_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="not in the cohort"):
        forecast_cohort(register(), "F26", AS_OF, milestones={"S9": Milestones()})


@pytest.mark.parametrize(
    "call",
    [
        lambda: forecast_student("F26", student(), AS_OF),  # type: ignore[arg-type]
        lambda: forecast_student(cohort(), student(), "2026-03-26"),  # type: ignore[arg-type]
        lambda: forecast_student(cohort(), student(), AS_OF, milestones={}),  # type: ignore[arg-type]
        lambda: forecast_cohort(register(), "F26", AS_OF, milestones=[]),  # type: ignore[arg-type]
        lambda: Milestones(literature_sign_off="2026-06-01"),  # type: ignore[arg-type]
    ],
)
def test_arguments_of_the_wrong_type_are_refused(call: Any) -> None:
    with pytest.raises(InvalidValueError):
        call()
