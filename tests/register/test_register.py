"""The register changes only through intention-named methods that keep every rule.

Each refusal is checked with :func:`refused`, which also checks that the
refused change left the register exactly as it was, history included.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mbprogram import (
    AssessmentStage,
    Attendance,
    Certificate,
    DateRange,
    ExcusedAbsence,
    FindingCode,
    GraduationRefusedError,
    HostUnit,
    Hours,
    MakeUp,
    MbprogramError,
    NotFoundError,
    Outlook,
    PlacementAssessment,
    Present,
    Reading,
    RefusedChangeError,
    Register,
    Session,
    Status,
    Student,
    UnexcusedAbsence,
    ValidationError,
    Verdict,
    Weekday,
)
from mbprogram.model.codes import RuleCode
from tests.builders import (
    COHORT,
    COHORT_ID,
    ENROLMENT_DAY,
    GRADUATION_DAY,
    PERIOD,
    SESSION_HOURS,
    STAMP,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    enrol,
    make_register,
    new_student,
    path_of,
    paths,
    placement,
    refused,
    session_day,
    session_id,
    synthetic_id,
)

S1 = path_of("S-01")


def makeup(mid: str = "M1", *, on: dt.date = dt.date(2026, 3, 1), approver: str = "Lærer Lund"):
    return MakeUp(id=mid, hours=Hours(3), on=on, approver=approver, description="Refleksjonsnotat")


def assessment(on: dt.date = dt.date(2026, 4, 15), assessor: str = "Veileder Vik"):
    return PlacementAssessment(on=on, assessor=assessor, outlook=Outlook.ON_TRACK)


@pytest.fixture
def register() -> Register:
    return make_register()


# -- errors -----------------------------------------------------------------------------


def test_a_refused_change_is_a_validation_error_a_library_error_and_a_value_error(register):
    error = refused(register, lambda: register.open_cohort(COHORT, by=STAMP))

    assert isinstance(error, ValidationError)
    assert isinstance(error, MbprogramError)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    "lookup",
    [
        lambda r: r.student("S-99"),
        lambda r: r.cohort("K9"),
        lambda r: r.host_unit("U9"),
        lambda r: r.students_of("K9"),
        lambda r: r.progress("S-99", GRADUATION_DAY),
        lambda r: r.record_attendance("S-99", session_id(1), Present(Hours(1)), by=STAMP),
        lambda r: r.schedule_session(
            "K9", Session(id="X", day=PERIOD.start, hours=Hours(1)), by=STAMP
        ),
        lambda r: r.change_capacity("U9", 3, by=STAMP),
        lambda r: r.withdraw("S-99", on=GRADUATION_DAY, by=STAMP),
        lambda r: r.graduate("S-99", on=GRADUATION_DAY, by=STAMP),
    ],
)
def test_looking_up_an_unknown_id_raises_not_found_which_is_a_lookup_error(register, lookup):
    error = refused(register, lambda: lookup(register), NotFoundError)

    assert isinstance(error, LookupError)
    assert isinstance(error, MbprogramError)


def test_not_found_names_the_kind_and_the_id(register):
    error = refused(register, lambda: register.student("S-99"), NotFoundError)

    assert ("student", "S-99") == (error.kind, error.record_id)
    assert "no student with id 'S-99'" == str(error)


@pytest.mark.parametrize("by", ["Koordinator Krog", None, STAMP.at])
def test_a_change_made_by_something_other_than_a_stamp_is_refused(register, by):
    error = refused(
        register,
        lambda: register.record_attendance("S-01", session_id(1), Present(Hours(1)), by=by),
    )

    assert ["by"] == paths(error)


# -- cohorts and sessions ---------------------------------------------------------------


def test_opening_a_cohort_makes_it_available_by_id():
    register = Register()

    register.open_cohort(COHORT, by=STAMP)

    assert COHORT == register.cohort(COHORT_ID)
    assert () == register.students_of(COHORT_ID)


def test_opening_a_cohort_twice_is_refused(register):
    error = refused(register, lambda: register.open_cohort(COHORT, by=STAMP))

    assert ["cohorts[K1]"] == paths(error)


def test_opening_something_that_is_not_a_cohort_is_refused(register):
    error = refused(register, lambda: register.open_cohort("K2", by=STAMP))  # type: ignore[arg-type]

    assert ["cohort"] == paths(error)


def test_scheduling_a_session_adds_it_to_the_schedule(register):
    extra = Session(id="EXTRA", day=dt.date(2026, 9, 2), hours=Hours(3), topic="Repetisjon")

    register.schedule_session(COHORT_ID, extra, by=STAMP)

    assert extra == register.cohort(COHORT_ID).session("EXTRA")
    assert 31 == len(register.cohort(COHORT_ID).sessions)


def test_scheduling_a_session_outside_the_period_is_refused(register):
    late = Session(id="LATE", day=dt.date(2027, 1, 6), hours=Hours(3))

    error = refused(register, lambda: register.schedule_session(COHORT_ID, late, by=STAMP))

    assert ["cohorts[K1].sessions[30].day"] == paths(error)


def test_scheduling_a_session_with_an_id_in_use_is_refused(register):
    twin = Session(id=session_id(1), day=dt.date(2026, 9, 2), hours=Hours(3))

    error = refused(register, lambda: register.schedule_session(COHORT_ID, twin, by=STAMP))

    assert ["cohorts[K1].sessions[30].id"] == paths(error)


def test_correcting_a_session_replaces_it(register):
    moved = Session(id=session_id(2), day=dt.date(2026, 1, 15), hours=Hours(4), topic="Flyttet")

    register.correct_session(COHORT_ID, moved, by=STAMP)

    assert moved == register.cohort(COHORT_ID).session(session_id(2))
    assert 30 == len(register.cohort(COHORT_ID).sessions)


def test_correcting_a_session_to_shorter_than_recorded_attendance_is_refused(register):
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=STAMP)
    shorter = Session(id=session_id(1), day=session_day(1), hours=Hours(4))

    error = refused(register, lambda: register.correct_session(COHORT_ID, shorter, by=STAMP))

    assert [f"{S1}.attendance[SES-01].mark.hours"] == paths(error)


def test_correcting_a_session_to_before_a_students_enrolment_is_refused(register):
    enrol(register, "S-04", on=dt.date(2026, 2, 1))
    register.record_attendance("S-04", session_id(5), Present(Hours(5)), by=STAMP)
    earlier = Session(id=session_id(5), day=dt.date(2026, 1, 28), hours=SESSION_HOURS)

    error = refused(register, lambda: register.correct_session(COHORT_ID, earlier, by=STAMP))

    assert [f"{path_of('S-04')}.attendance[SES-05].session"] == paths(error)


def test_correcting_an_unknown_session_is_refused(register):
    unknown = Session(id="SES-99", day=session_day(1), hours=Hours(2))

    error = refused(register, lambda: register.correct_session(COHORT_ID, unknown, by=STAMP))

    assert ["cohorts[K1].sessions"] == paths(error)


def test_cancelling_a_session_removes_it_from_the_schedule(register):
    register.cancel_session(COHORT_ID, session_id(3), by=STAMP)

    assert register.cohort(COHORT_ID).session(session_id(3)) is None


def test_cancelling_a_session_with_attendance_is_refused(register):
    register.record_attendance("S-02", session_id(3), UnexcusedAbsence(), by=STAMP)

    error = refused(register, lambda: register.cancel_session(COHORT_ID, session_id(3), by=STAMP))

    assert [f"{path_of('S-02')}.attendance[SES-03].session"] == paths(error)
    assert {RuleCode.UNKNOWN_RECORD} == error.codes


def test_cancelling_an_unknown_session_is_refused(register):
    error = refused(register, lambda: register.cancel_session(COHORT_ID, "SES-99", by=STAMP))

    assert ["cohorts[K1].sessions[SES-99]"] == paths(error)


def test_changing_the_places_of_a_cohort(register):
    register.change_places(COHORT_ID, 20, by=STAMP)

    assert 20 == register.cohort(COHORT_ID).places


def test_a_cohort_without_places_is_refused(register):
    error = refused(register, lambda: register.change_places(COHORT_ID, 0, by=STAMP))

    assert ["cohorts[K1].places"] == paths(error)


# -- host units -------------------------------------------------------------------------


def test_adding_a_host_unit_makes_it_available_by_id(register):
    unit = HostUnit(id="U3", name="FACT-teamet", capacity=4, kind="FACT team")

    register.add_host_unit(unit, by=STAMP)

    assert unit == register.host_unit("U3")


def test_adding_a_host_unit_twice_is_refused(register):
    twin = HostUnit(id=UNIT, name="Et annet navn", capacity=9)

    error = refused(register, lambda: register.add_host_unit(twin, by=STAMP))

    assert ["host_units[U1]"] == paths(error)


def test_changing_a_units_capacity(register):
    register.change_capacity(UNIT, 5, by=STAMP)

    assert 5 == register.host_unit(UNIT).capacity


def test_a_unit_without_capacity_is_refused(register):
    error = refused(register, lambda: register.change_capacity(UNIT, 0, by=STAMP))

    assert ["host_units[U1].capacity"] == paths(error)


# -- enrolment and status ---------------------------------------------------------------


def test_enrolling_a_student_makes_them_active_from_that_day(register):
    enrol(register, "S-04", on=dt.date(2026, 1, 12))

    student = register.student("S-04")
    assert Status.ACTIVE == student.status
    assert dt.date(2026, 1, 12) == student.enrolled_on
    assert ["S-01", "S-02", "S-03", "S-04"] == [s.id for s in register.students_of(COHORT_ID)]


def test_enrolling_into_an_unknown_cohort_is_refused(register):
    stray = Student(id="S-04", cohort="K9", name="Mari Syntetland")

    error = refused(register, lambda: register.enrol(stray, on=ENROLMENT_DAY, by=STAMP))

    assert ["cohorts[K9].students[S-04].cohort"] == paths(error)


def test_enrolling_a_second_student_with_the_same_id_is_refused(register):
    error = refused(register, lambda: enrol(register, "S-01", name="Tor Fiktivsen"))

    assert [S1] == paths(error)


def test_enrolling_after_the_cohort_ends_is_refused(register):
    error = refused(register, lambda: enrol(register, "S-04", on=dt.date(2027, 1, 4)))

    assert [f"{path_of('S-04')}.status_history[0].on"] == paths(error)
    assert {RuleCode.ENROLMENT_AFTER_COHORT_END} == error.codes


def test_a_new_student_must_come_without_a_status_history(register):
    admitted = register.student("S-01").status_history
    error = refused(
        register,
        lambda: register.enrol(
            new_student("S-04", status_history=admitted), on=ENROLMENT_DAY, by=STAMP
        ),
    )

    assert [f"{path_of('S-04')}.status_history"] == paths(error)


def test_a_student_goes_from_applicant_to_admitted_to_active_and_on_leave_and_back(register):
    register.add_applicant(new_student("S-04"), on=dt.date(2025, 11, 1), by=STAMP)
    register.admit("S-04", on=dt.date(2025, 12, 1), by=STAMP)
    register.enrol("S-04", on=dt.date(2026, 1, 5), by=STAMP)
    register.grant_leave("S-04", on=dt.date(2026, 3, 1), reason="Sykemelding", by=STAMP)
    register.resume("S-04", on=dt.date(2026, 4, 1), by=STAMP)
    register.withdraw("S-04", on=dt.date(2026, 5, 1), by=STAMP)

    student = register.student("S-04")
    assert [
        Status.APPLICANT,
        Status.ADMITTED,
        Status.ACTIVE,
        Status.ON_LEAVE,
        Status.ACTIVE,
        Status.WITHDRAWN,
    ] == [c.status for c in student.status_history]
    assert Status.ON_LEAVE == student.status_on(dt.date(2026, 3, 15))
    assert dt.date(2026, 5, 1) == student.withdrawn_on


def test_an_applicant_can_withdraw(register):
    register.add_applicant(new_student("S-04"), on=dt.date(2025, 11, 1), by=STAMP)

    register.withdraw("S-04", on=dt.date(2025, 11, 20), by=STAMP)

    assert Status.WITHDRAWN == register.student("S-04").status


@pytest.mark.parametrize(
    ("setup", "change"),
    [
        ("applicant", lambda r: r.enrol("S-04", on=dt.date(2026, 1, 5), by=STAMP)),
        ("applicant", lambda r: r.grant_leave("S-04", on=dt.date(2026, 1, 5), by=STAMP)),
        ("active", lambda r: r.admit("S-04", on=dt.date(2026, 2, 1), by=STAMP)),
        ("active", lambda r: r.resume("S-04", on=dt.date(2026, 2, 1), by=STAMP)),
        ("on-leave", lambda r: r.grant_leave("S-04", on=dt.date(2026, 3, 1), by=STAMP)),
        ("withdrawn", lambda r: r.resume("S-04", on=dt.date(2026, 6, 1), by=STAMP)),
        ("withdrawn", lambda r: r.enrol("S-04", on=dt.date(2026, 6, 1), by=STAMP)),
        ("graduated", lambda r: r.resume("S-04", on=dt.date(2026, 10, 1), by=STAMP)),
        ("graduated", lambda r: r.withdraw("S-04", on=dt.date(2026, 10, 1), by=STAMP)),
        ("graduated", lambda r: r.grant_leave("S-04", on=dt.date(2026, 10, 1), by=STAMP)),
    ],
)
def test_a_status_change_the_programme_does_not_allow_is_refused(register, setup, change):
    if setup == "applicant":
        register.add_applicant(new_student("S-04"), on=dt.date(2025, 11, 1), by=STAMP)
    else:
        enrol(register, "S-04")
    if setup == "on-leave":
        register.grant_leave("S-04", on=dt.date(2026, 2, 1), by=STAMP)
    if setup == "withdrawn":
        register.withdraw("S-04", on=dt.date(2026, 5, 1), by=STAMP)
    if setup == "graduated":
        complete(register, "S-04")
        register.graduate("S-04", on=GRADUATION_DAY, by=STAMP)

    error = refused(register, lambda: change(register))

    last = len(register.student("S-04").status_history)
    assert [f"{path_of('S-04')}.status_history[{last}].status"] == paths(error)
    assert {RuleCode.STATUS_TRANSITION_NOT_ALLOWED} == error.codes


def test_a_status_change_dated_before_the_last_one_is_refused(register):
    register.grant_leave("S-01", on=dt.date(2026, 2, 1), by=STAMP)

    error = refused(register, lambda: register.resume("S-01", on=dt.date(2026, 1, 20), by=STAMP))

    assert [f"{S1}.status_history[2].on"] == paths(error)
    assert {RuleCode.STATUS_TRANSITION_NOT_ALLOWED} == error.codes


# -- attendance ---------------------------------------------------------------------------


def test_recording_attendance_credits_the_hours(register):
    register.record_attendance("S-01", session_id(1), Present(Hours("4.5")), by=STAMP)
    register.record_attendance("S-01", session_id(2), ExcusedAbsence("Lege"), by=STAMP)
    register.record_attendance("S-01", session_id(3), UnexcusedAbsence(), by=STAMP)

    assert [session_id(1), session_id(2), session_id(3)] == [
        a.session for a in register.student("S-01").attendance
    ]
    assert Hours("4.5") == register.progress("S-01", dt.date(2026, 2, 1)).theory_hours


def test_attendance_above_a_sessions_length_is_refused(register):
    error = refused(
        register,
        lambda: register.record_attendance("S-01", session_id(1), Present(Hours("5.25")), by=STAMP),
    )

    assert ["cohorts[K1].students[S-01].attendance[SES-01].mark.hours"] == paths(error)
    assert "5.25 h is more than the session's length of 5 h" in str(error)


def test_attendance_for_a_session_before_enrolment_is_refused(register):
    enrol(register, "S-04", on=dt.date(2026, 2, 1))

    error = refused(
        register,
        lambda: register.record_attendance("S-04", session_id(1), Present(Hours(5)), by=STAMP),
    )

    assert [f"{path_of('S-04')}.attendance[SES-01].session"] == paths(error)


def test_attendance_for_an_unknown_session_is_refused(register):
    error = refused(
        register,
        lambda: register.record_attendance("S-01", "SES-99", Present(Hours(1)), by=STAMP),
    )

    assert [f"{S1}.attendance[SES-99].session"] == paths(error)


def test_attendance_of_an_applicant_is_refused(register):
    register.add_applicant(new_student("S-04"), on=dt.date(2025, 11, 1), by=STAMP)

    error = refused(
        register,
        lambda: register.record_attendance("S-04", session_id(1), Present(Hours(1)), by=STAMP),
    )

    assert [f"{path_of('S-04')}.attendance[SES-01].session"] == paths(error)


def test_a_mark_that_is_not_a_mark_is_refused(register):
    error = refused(
        register,
        lambda: register.record_attendance("S-01", session_id(1), Hours(5), by=STAMP),  # type: ignore[arg-type]
    )

    assert [f"{S1}.attendance.mark"] == paths(error)


def test_correcting_attendance_replaces_the_mark_and_the_history_keeps_both(register):
    first, second = Present(Hours(2)), Present(Hours(5))
    register.record_attendance("S-01", session_id(1), first, by=STAMP)

    register.record_attendance("S-01", session_id(1), second, by=STAMP)

    assert [second] == [a.mark for a in register.student("S-01").attendance]
    changes = register.history_of(f"{S1}.attendance[SES-01]")
    assert ["attendance.recorded", "attendance.corrected"] == [c.action for c in changes]
    assert ((), first) == (changes[0].before.attendance, changes[0].after.attendance[0].mark)
    assert (first, second) == (
        changes[1].before.attendance[0].mark,
        changes[1].after.attendance[0].mark,
    )


# -- make-up work -----------------------------------------------------------------------


def test_approved_make_up_work_counts_from_its_date(register):
    register.approve_makeup("S-01", makeup(on=dt.date(2026, 3, 1)), by=STAMP)

    assert Decimal(0) == register.progress("S-01", dt.date(2026, 2, 28)).theory.makeup
    assert Hours(3) == register.progress("S-01", dt.date(2026, 3, 1)).theory_hours


def test_make_up_work_dated_before_enrolment_is_refused(register):
    error = refused(
        register,
        lambda: register.approve_makeup("S-01", makeup(on=dt.date(2026, 1, 1)), by=STAMP),
    )

    assert [f"{S1}.makeups[M1].on"] == paths(error)


def test_two_make_up_records_with_the_same_id_are_refused(register):
    register.approve_makeup("S-01", makeup("M1"), by=STAMP)

    error = refused(register, lambda: register.approve_makeup("S-01", makeup("M1"), by=STAMP))

    assert [f"{S1}.makeups[1].id"] == paths(error)


# -- the student themself never approves, supervises, assesses or signs off ---------------

THE_STUDENT = ["Ola Testesen", "ola testesen", "  OLA   Testesen ", "S-01", "s-01"]


@pytest.mark.parametrize("person", THE_STUDENT)
def test_make_up_work_approved_by_the_student_themself_is_refused(register, person):
    error = refused(
        register, lambda: register.approve_makeup("S-01", makeup(approver=person), by=STAMP)
    )

    assert [f"{S1}.makeups[M1].approver"] == paths(error)
    assert "cannot be the student themself" in str(error)


@pytest.mark.parametrize("person", THE_STUDENT)
def test_a_literature_sign_off_by_the_student_themself_is_refused(register, person):
    error = refused(
        register,
        lambda: register.sign_off_literature(
            "S-01", signed_by=person, on=dt.date(2026, 6, 1), by=STAMP
        ),
    )

    assert [f"{S1}.literature.sign_off.by"] == paths(error)


@pytest.mark.parametrize("person", THE_STUDENT)
def test_a_placement_supervised_by_the_student_themself_is_refused(register, person):
    error = refused(
        register, lambda: register.place("S-01", placement(supervisor=person), by=STAMP)
    )

    assert [f"{S1}.placements[P1].supervisor"] == paths(error)


@pytest.mark.parametrize("person", THE_STUDENT)
def test_a_placement_assessed_by_the_student_themself_is_refused(register, person):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_placement(
            "S-01", "P1", AssessmentStage.MIDWAY, assessment(assessor=person), by=STAMP
        ),
    )

    assert [f"{S1}.placements[P1].midway.assessor"] == paths(error)


@pytest.mark.parametrize("person", THE_STUDENT)
def test_an_assignment_assessed_by_the_student_themself_is_refused(register, person):
    register.start_assignment("S-01", topic="Håp", supervisor="Lærer Lund", by=STAMP)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_assignment(
            "S-01", on=dt.date(2026, 8, 10), assessor=person, verdict=Verdict.APPROVED, by=STAMP
        ),
    )

    assert [f"{S1}.assignment.assessments[1].assessor"] == paths(error)


def test_another_student_of_the_cohort_may_sign_off(register):
    register.sign_off_literature(
        "S-01", signed_by="Kari Prøvedal", on=dt.date(2026, 6, 1), by=STAMP
    )

    assert register.student("S-01").literature.signed_off(dt.date(2026, 6, 1))


# -- literature and the final assignment ------------------------------------------------


def test_logging_readings_and_signing_off_the_literature(register):
    reading = Reading(title="Recovery-orientert praksis", on=dt.date(2026, 2, 10))

    register.log_reading("S-01", reading, by=STAMP)
    register.sign_off_literature("S-01", signed_by="Lærer Lund", on=dt.date(2026, 6, 1), by=STAMP)

    literature = register.student("S-01").literature
    assert (reading,) == literature.readings
    assert ("Lærer Lund", dt.date(2026, 6, 1)) == (literature.sign_off.by, literature.sign_off.on)


def test_signing_off_the_literature_twice_is_refused(register):
    register.sign_off_literature("S-01", signed_by="Lærer Lund", on=dt.date(2026, 6, 1), by=STAMP)

    error = refused(
        register,
        lambda: register.sign_off_literature(
            "S-01", signed_by="Lærer Lund", on=dt.date(2026, 6, 2), by=STAMP
        ),
    )

    assert [f"{S1}.literature.sign_off"] == paths(error)


def _started(register: Register, sid: str = "S-01") -> None:
    register.start_assignment(sid, topic="Håp i praksis", supervisor="Lærer Lund", by=STAMP)


def test_submissions_are_numbered_from_one(register):
    _started(register)

    numbers = [
        register.submit_assignment("S-01", on=dt.date(2026, 8, day), by=STAMP) for day in (3, 4)
    ]

    assert [1, 2] == numbers


def test_starting_the_assignment_twice_is_refused(register):
    _started(register)

    error = refused(
        register,
        lambda: register.start_assignment("S-01", topic="Nytt", supervisor="Lærer Lund", by=STAMP),
    )

    assert [f"{S1}.assignment"] == paths(error)


def test_submitting_an_assignment_that_is_not_started_is_refused(register):
    error = refused(
        register, lambda: register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)
    )

    assert [f"{S1}.assignment"] == paths(error)


def test_a_submission_before_the_previous_one_is_refused(register):
    _started(register)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)

    error = refused(
        register, lambda: register.submit_assignment("S-01", on=dt.date(2026, 8, 1), by=STAMP)
    )

    assert [f"{S1}.assignment.submissions[1].on"] == paths(error)


def test_submissions_beyond_the_maximum_are_refused(register):
    _started(register)
    for day in (3, 10, 17):  # Bergen 2010 allows three
        register.submit_assignment("S-01", on=dt.date(2026, 8, day), by=STAMP)

    error = refused(
        register, lambda: register.submit_assignment("S-01", on=dt.date(2026, 8, 24), by=STAMP)
    )

    assert [f"{S1}.assignment.submissions"] == paths(error)
    assert "4 submissions; the programme allows 3" in str(error)
    assert {RuleCode.SUBMISSIONS_OVER_LIMIT} == error.codes


def test_a_submission_after_approval_is_refused(register):
    _started(register)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)
    register.assess_assignment(
        "S-01", on=dt.date(2026, 8, 10), assessor="Lærer Lund", verdict=Verdict.APPROVED, by=STAMP
    )

    error = refused(
        register, lambda: register.submit_assignment("S-01", on=dt.date(2026, 8, 20), by=STAMP)
    )

    assert [f"{S1}.assignment.submissions[1]"] == paths(error)
    assert {RuleCode.ASSIGNMENT_OUT_OF_ORDER} == error.codes


def test_a_resubmission_after_not_approved_is_allowed(register):
    _started(register)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)
    register.assess_assignment(
        "S-01",
        on=dt.date(2026, 8, 10),
        assessor="Lærer Lund",
        verdict=Verdict.NOT_APPROVED,
        by=STAMP,
    )

    assert 2 == register.submit_assignment("S-01", on=dt.date(2026, 8, 20), by=STAMP)


def test_an_assignment_assessment_before_its_submission_is_refused(register):
    _started(register)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_assignment(
            "S-01",
            on=dt.date(2026, 8, 2),
            assessor="Lærer Lund",
            verdict=Verdict.APPROVED,
            by=STAMP,
        ),
    )

    assert [f"{S1}.assignment.assessments[0].on"] == paths(error)


def test_assessing_an_assignment_with_nothing_submitted_is_refused(register):
    _started(register)

    error = refused(
        register,
        lambda: register.assess_assignment(
            "S-01",
            on=dt.date(2026, 8, 2),
            assessor="Lærer Lund",
            verdict=Verdict.APPROVED,
            by=STAMP,
        ),
    )

    assert [f"{S1}.assignment"] == paths(error)


# -- placements -------------------------------------------------------------------------


def test_placing_a_student_takes_a_place_at_the_unit(register):
    register.place("S-01", placement(), by=STAMP)

    assert (placement(),) == register.student("S-01").placements
    assert [(DateRange(dt.date(2026, 3, 2), dt.date(2026, 6, 19)), 1)] == register.occupancy(
        UNIT, DateRange(dt.date(2026, 3, 2), dt.date(2026, 6, 19))
    )


def test_a_placement_at_an_unknown_unit_is_refused(register):
    error = refused(register, lambda: register.place("S-01", placement(unit="U9"), by=STAMP))

    assert [f"{S1}.placements[P1].unit"] == paths(error)


def test_a_placement_starting_before_enrolment_is_refused(register):
    enrol(register, "S-04", on=dt.date(2026, 3, 9))

    error = refused(register, lambda: register.place("S-04", placement(), by=STAMP))

    assert [f"{path_of('S-04')}.placements[P1].period.start"] == paths(error)


def test_two_placements_with_the_same_id_are_refused(register):
    register.place(
        "S-01", placement("P1", start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 31)), by=STAMP
    )

    error = refused(
        register,
        lambda: register.place(
            "S-01", placement("P1", start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30)), by=STAMP
        ),
    )

    assert [f"{S1}.placements[1].id"] == paths(error)


def test_overlapping_placements_beyond_a_units_capacity_are_refused(register):
    register.place("S-01", placement(unit=UNIT_ONE_PLACE), by=STAMP)

    error = refused(
        register,
        lambda: register.place(
            "S-02", placement(unit=UNIT_ONE_PLACE, start=dt.date(2026, 6, 19)), by=STAMP
        ),
    )

    assert ["host_units[U2]"] == paths(error)
    assert {RuleCode.HOST_UNIT_OVER_CAPACITY} == error.codes
    assert "host unit 'U2' would have 2 students in practice at once 2026-06-19..2026-06-19" in str(
        error
    )
    assert "it has 1 place" in str(error)


def test_a_unit_with_two_places_takes_two_students_but_not_three(register):
    register.place("S-01", placement(), by=STAMP)
    register.place("S-02", placement(), by=STAMP)

    refused(register, lambda: register.place("S-03", placement(), by=STAMP))


def test_adjacent_placements_share_a_single_place(register):
    register.place(
        "S-01",
        placement(unit=UNIT_ONE_PLACE, start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 31)),
        by=STAMP,
    )

    register.place(
        "S-02",
        placement(unit=UNIT_ONE_PLACE, start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30)),
        by=STAMP,
    )

    assert 2 == len(list(register.placements_at(UNIT_ONE_PLACE)))


def test_after_a_student_withdraws_their_placement_frees_its_place_from_that_day(register):
    register.place("S-01", placement(unit=UNIT_ONE_PLACE), by=STAMP)
    register.withdraw("S-01", on=dt.date(2026, 4, 1), by=STAMP)
    from_withdrawal = placement(unit=UNIT_ONE_PLACE, start=dt.date(2026, 4, 1))

    refused(
        register,
        lambda: register.place(
            "S-02", placement(unit=UNIT_ONE_PLACE, start=dt.date(2026, 3, 31)), by=STAMP
        ),
    )
    register.place("S-02", from_withdrawal, by=STAMP)

    assert [
        ("S-01", DateRange(dt.date(2026, 3, 2), dt.date(2026, 3, 31))),
        ("S-02", DateRange(dt.date(2026, 4, 1), dt.date(2026, 6, 19))),
    ] == [(s.id, days) for s, _, days in register.placements_at(UNIT_ONE_PLACE)]


def test_a_placement_of_a_student_who_withdrew_before_it_started_takes_no_place(register):
    register.place("S-01", placement(unit=UNIT_ONE_PLACE), by=STAMP)

    register.withdraw("S-01", on=dt.date(2026, 3, 2), by=STAMP)

    assert [] == list(register.placements_at(UNIT_ONE_PLACE))


def test_recording_and_cancelling_an_absence_from_practice(register):
    register.place("S-01", placement(), by=STAMP)
    day = dt.date(2026, 3, 4)

    register.record_placement_absence("S-01", "P1", day=day, reason="Syk", by=STAMP)
    assert frozenset({day}) == register.student("S-01").placement("P1").absent_days

    register.cancel_placement_absence("S-01", "P1", day=day, by=STAMP)
    assert frozenset() == register.student("S-01").placement("P1").absent_days


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (dt.date(2026, 3, 7), "a saturday, not one of the placement's practice days"),
        (dt.date(2026, 3, 3), "a tuesday, not one of the placement's practice days"),
        (dt.date(2026, 4, 6), "a public holiday"),  # Easter Monday
        (dt.date(2026, 5, 14), "a public holiday"),  # Ascension Day
        (dt.date(2026, 6, 22), "outside the placement's period"),
    ],
)
def test_an_absence_on_a_day_that_is_not_a_practice_day_is_refused(register, day, why):
    part_time = placement(weekdays=frozenset({Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY}))
    register.place("S-01", part_time, by=STAMP)

    error = refused(
        register, lambda: register.record_placement_absence("S-01", "P1", day=day, by=STAMP)
    )

    assert [f"{S1}.placements[P1].absences[0].day"] == paths(error)
    assert why in str(error)


def test_an_absence_recorded_twice_is_refused(register):
    register.place("S-01", placement(), by=STAMP)
    register.record_placement_absence("S-01", "P1", day=dt.date(2026, 3, 4), by=STAMP)

    error = refused(
        register,
        lambda: register.record_placement_absence("S-01", "P1", day=dt.date(2026, 3, 4), by=STAMP),
    )

    assert [f"{S1}.placements[P1].absences[1].day"] == paths(error)


def test_cancelling_an_absence_that_is_not_recorded_is_refused(register):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.cancel_placement_absence("S-01", "P1", day=dt.date(2026, 3, 4), by=STAMP),
    )

    assert [f"{S1}.placements[P1].absences"] == paths(error)


def test_an_absence_from_an_unknown_placement_is_refused(register):
    error = refused(
        register,
        lambda: register.record_placement_absence("S-01", "P9", day=dt.date(2026, 3, 4), by=STAMP),
    )

    assert [f"{S1}.placements[P9]"] == paths(error)


def test_assessing_a_placement_midway_and_at_the_end(register):
    register.place("S-01", placement(), by=STAMP)
    midway = PlacementAssessment(
        on=dt.date(2026, 4, 15), assessor="Veileder Vik", outlook=Outlook.CAUSE_FOR_CONCERN
    )
    final = assessment(on=dt.date(2026, 6, 19))

    register.assess_placement("S-01", "P1", AssessmentStage.MIDWAY, midway, by=STAMP)
    register.assess_placement("S-01", "P1", AssessmentStage.FINAL, final, by=STAMP)

    p = register.student("S-01").placement("P1")
    assert (midway, final) == (p.midway, p.final)


def test_assessing_a_placement_stage_twice_is_refused(register):
    register.place("S-01", placement(), by=STAMP)
    register.assess_placement("S-01", "P1", AssessmentStage.MIDWAY, assessment(), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_placement(
            "S-01", "P1", AssessmentStage.MIDWAY, assessment(dt.date(2026, 4, 20)), by=STAMP
        ),
    )

    assert [f"{S1}.placements[P1].midway"] == paths(error)


def test_a_placement_assessment_before_the_placement_starts_is_refused(register):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_placement(
            "S-01", "P1", AssessmentStage.MIDWAY, assessment(dt.date(2026, 2, 1)), by=STAMP
        ),
    )

    assert [f"{S1}.placements[P1].midway.on"] == paths(error)


def test_ending_a_placement_early_shortens_it(register):
    register.place("S-01", placement(), by=STAMP)

    register.end_placement_early("S-01", "P1", last_day=dt.date(2026, 4, 30), by=STAMP)

    assert DateRange(dt.date(2026, 3, 2), dt.date(2026, 4, 30)) == (
        register.student("S-01").placement("P1").period
    )


def test_ending_a_placement_early_on_a_day_outside_it_is_refused(register):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.end_placement_early("S-01", "P1", last_day=dt.date(2026, 6, 30), by=STAMP),
    )

    assert [f"{S1}.placements[P1].period"] == paths(error)


def test_ending_a_placement_before_a_recorded_absence_is_refused(register):
    register.place("S-01", placement(), by=STAMP)
    register.record_placement_absence("S-01", "P1", day=dt.date(2026, 5, 6), by=STAMP)

    error = refused(
        register,
        lambda: register.end_placement_early("S-01", "P1", last_day=dt.date(2026, 4, 30), by=STAMP),
    )

    assert [f"{S1}.placements[P1].absences[0].day"] == paths(error)


# -- closed records ---------------------------------------------------------------------

NEW_RECORDS = {
    "attendance": lambda r: r.record_attendance(
        "S-01", session_id(30), Present(Hours(1)), by=STAMP
    ),
    "placement": lambda r: r.place(
        "S-01", placement("P2", start=dt.date(2026, 10, 5), end=dt.date(2026, 11, 27)), by=STAMP
    ),
    "make-up": lambda r: r.approve_makeup("S-01", makeup("M9", on=dt.date(2026, 10, 1)), by=STAMP),
    "reading": lambda r: r.log_reading(
        "S-01", Reading(title="Bok C", on=dt.date(2026, 10, 1)), by=STAMP
    ),
    "submission": lambda r: r.submit_assignment("S-01", on=dt.date(2026, 10, 1), by=STAMP),
    "sign-off": lambda r: r.sign_off_literature(
        "S-01", signed_by="Lærer Lund", on=dt.date(2026, 10, 1), by=STAMP
    ),
    "absence": lambda r: r.record_placement_absence(
        "S-01", "P1", day=dt.date(2026, 6, 17), by=STAMP
    ),
    "assessment": lambda r: r.assess_placement(
        "S-01", "P1", AssessmentStage.MIDWAY, assessment(), by=STAMP
    ),
    "ending early": lambda r: r.end_placement_early(
        "S-01", "P1", last_day=dt.date(2026, 6, 1), by=STAMP
    ),
}


@pytest.mark.parametrize("change", NEW_RECORDS.values(), ids=NEW_RECORDS.keys())
def test_a_withdrawn_students_new_records_are_refused(register, change):
    register.record_attendance("S-01", session_id(30), Present(Hours(1)), by=STAMP)
    register.place("S-01", placement(), by=STAMP)
    _started(register)
    register.withdraw("S-01", on=dt.date(2026, 8, 3), by=STAMP)

    error = refused(register, lambda: change(register))

    assert [S1] == paths(error)
    assert "the student has withdrawn; their records are closed" in str(error)


@pytest.mark.parametrize("change", NEW_RECORDS.values(), ids=NEW_RECORDS.keys())
def test_a_graduated_students_records_are_closed(register, change):
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)

    error = refused(register, lambda: change(register))

    assert [S1] == paths(error)
    assert "the student has graduated; their records are closed" in str(error)


# -- graduation -------------------------------------------------------------------------


def test_graduating_a_complete_student_issues_their_certificate(register):
    complete(register, "S-01")

    certificate = register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)

    expected = Certificate(
        id="cert-S-01",
        student="S-01",
        cohort=COHORT_ID,
        programme="Bergen 2010",
        issued_on=GRADUATION_DAY,
    )
    assert expected == certificate
    student = register.student("S-01")
    assert (Status.GRADUATED, certificate) == (student.status, student.certificate)
    assert GRADUATION_DAY == student.status_history[-1].on


def test_a_certificate_can_carry_the_coordinators_own_id(register):
    complete(register, "S-01")

    certificate = register.graduate("S-01", on=GRADUATION_DAY, certificate_id="KB-2026-1", by=STAMP)

    assert "KB-2026-1" == certificate.id


def test_two_certificates_with_the_same_id_are_refused(register):
    complete(register, "S-01")
    complete(register, "S-02")
    register.graduate("S-01", on=GRADUATION_DAY, certificate_id="KB-1", by=STAMP)

    error = refused(
        register,
        lambda: register.graduate("S-02", on=GRADUATION_DAY, certificate_id="KB-1", by=STAMP),
    )

    assert [f"{path_of('S-02')}.certificate.id"] == paths(error)


def test_graduating_an_incomplete_student_is_refused_with_every_unmet_requirement(register):
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=STAMP)

    error = refused(
        register,
        lambda: register.graduate("S-01", on=GRADUATION_DAY, by=STAMP),
        GraduationRefusedError,
    )

    assert [
        FindingCode.THEORY_HOURS_SHORT,
        FindingCode.PRACTICE_WEEKS_SHORT,
        FindingCode.LITERATURE_NOT_SIGNED_OFF,
        FindingCode.ASSIGNMENT_NOT_APPROVED,
    ] == [f.code for f in error.findings]
    assert [f"{S1}.attendance", f"{S1}.placements", f"{S1}.literature", f"{S1}.assignment"] == (
        paths(error)
    )
    message = str(error)
    assert message.startswith("graduation refused; unmet requirements (4 problems):")
    assert all(f.message("en") in message for f in error.findings)
    assert "Credited theory hours are 5 of 140 h; 135 h are missing." in message
    assert isinstance(error, RefusedChangeError)


def test_graduating_a_student_who_misses_one_requirement_names_just_that_one(register):
    complete(register, "S-01")
    register.record_attendance("S-01", session_id(29), Present(Hours(0)), by=STAMP)
    register.record_attendance("S-01", session_id(30), Present(Hours(0)), by=STAMP)
    register.record_attendance("S-01", session_id(28), Present(Hours(4)), by=STAMP)

    error = refused(
        register,
        lambda: register.graduate("S-01", on=GRADUATION_DAY, by=STAMP),
        GraduationRefusedError,
    )

    assert [FindingCode.THEORY_HOURS_SHORT] == [f.code for f in error.findings]
    assert "Credited theory hours are 139 of 140 h; 1 h are missing." in str(error)


def test_graduating_a_withdrawn_student_is_refused(register):
    complete(register, "S-01")
    register.withdraw("S-01", on=dt.date(2026, 8, 20), by=STAMP)

    error = refused(
        register,
        lambda: register.graduate("S-01", on=GRADUATION_DAY, by=STAMP),
        GraduationRefusedError,
    )

    assert [FindingCode.STUDENT_WITHDRAWN] == [f.code for f in error.findings]


def test_graduating_a_student_on_leave_is_refused(register):
    complete(register, "S-01")
    register.grant_leave("S-01", on=dt.date(2026, 8, 20), by=STAMP)

    error = refused(
        register,
        lambda: register.graduate("S-01", on=GRADUATION_DAY, by=STAMP),
        GraduationRefusedError,
    )

    assert [S1] == paths(error)
    assert "the student is on-leave on 2026-09-01, not active" in str(error)


def test_graduating_twice_is_refused(register):
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)

    refused(
        register,
        lambda: register.graduate("S-01", on=dt.date(2026, 9, 2), by=STAMP),
        GraduationRefusedError,
    )


def test_graduating_on_something_that_is_not_a_date_is_refused(register):
    complete(register, "S-01")

    error = refused(
        register,
        lambda: register.graduate(
            "S-01",
            on=dt.datetime(2026, 9, 1, tzinfo=dt.UTC),  # a datetime is not a date here
            by=STAMP,
        ),
    )

    assert [f"{S1}.certificate.issued_on"] == paths(error)


# -- identity numbers -------------------------------------------------------------------


def test_a_synthetic_identity_number_is_refused_in_a_register_of_real_people(register):
    number = synthetic_id()

    error = refused(register, lambda: enrol(register, "S-04", national_id=number))

    assert [f"{path_of('S-04')}.national_id"] == paths(error)
    assert number.value not in str(error)


def test_a_synthetic_identity_number_is_accepted_in_a_register_of_test_data():
    register = make_register(allow_synthetic_ids=True)

    enrol(register, "S-04", national_id=synthetic_id())

    assert synthetic_id() == register.student("S-04").national_id


# -- reading ----------------------------------------------------------------------------


def test_the_tables_handed_out_are_read_only(register):
    with pytest.raises(TypeError):
        register.students["S-09"] = new_student("S-09")  # type: ignore[index]


def test_two_registers_built_the_same_way_are_equal():
    assert make_register() == make_register()


def test_progress_evaluates_a_student_as_of_a_date(register):
    complete(register, "S-01")

    assert register.progress("S-01", GRADUATION_DAY).complete
    assert not register.progress("S-01", dt.date(2026, 8, 16)).complete
    assert Decimal(14) == register.progress("S-01", GRADUATION_DAY).practice_weeks_required


def test_a_placement_stage_may_be_given_by_its_name(register):
    register.place("S-01", placement(), by=STAMP)

    register.assess_placement("S-01", "P1", "midway", assessment(), by=STAMP)  # type: ignore[arg-type]

    assert assessment() == register.student("S-01").placement("P1").midway
    assert register.student("S-01").placement("P1").final is None


def test_an_unknown_placement_stage_is_refused(register):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.assess_placement("S-01", "P1", "halfway", assessment(), by=STAMP),  # type: ignore[arg-type]
    )

    assert ["stage"] == paths(error)


def test_correcting_a_session_with_something_that_is_not_a_session_is_refused(register):
    error = refused(
        register,
        lambda: register.correct_session(COHORT_ID, session_id(1), by=STAMP),  # type: ignore[arg-type]
    )

    assert ["cohorts[K1].sessions"] == paths(error)


def test_ending_a_placement_early_on_something_that_is_not_a_date_is_refused(register):
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.end_placement_early("S-01", "P1", last_day="2026-04-30", by=STAMP),  # type: ignore[arg-type]
    )

    assert [f"{S1}.placements[P1].period"] == paths(error)


def test_a_bad_reason_for_a_status_change_is_named_by_its_place_in_the_history() -> None:
    register = make_register(1)
    before = register.copy()
    with pytest.raises(RefusedChangeError) as caught:
        register.withdraw("S-01", on=dt.date(2026, 3, 2), reason="x" * 2_001, by=STAMP)
    [problem] = caught.value.problems
    assert problem.path.startswith(f"{path_of('S-01')}.status_history[1].reason")
    assert "x" * 20 not in str(caught.value)
    assert before == register


def test_a_withdrawal_cannot_be_back_dated_over_later_records(register):
    register.record_attendance("S-01", session_id(10), Present(Hours(1)), by=STAMP)

    error = refused(
        register,
        lambda: register.withdraw("S-01", on=session_day(10) - dt.timedelta(days=1), by=STAMP),
    )

    assert [f"{S1}.attendance[SES-10].session"] == paths(error)
    assert {RuleCode.RECORDS_CLOSED} == error.codes
    assert "is after the student withdrew on" in str(error)
    register.withdraw("S-01", on=session_day(10), by=STAMP)  # on the day itself it may


def test_a_leave_may_be_recorded_after_later_attendance_was_entered(register):
    register.record_attendance("S-01", session_id(20), Present(Hours(1)), by=STAMP)

    register.grant_leave("S-01", on=session_day(5), by=STAMP)
    register.resume("S-01", on=session_day(8), by=STAMP)

    assert Status.ACTIVE == register.student("S-01").status


def test_a_new_student_cannot_bring_records_along(register):
    carried = new_student("S-09", attendance=(Attendance(session_id(1), Present(Hours(5))),))

    error = refused(register, lambda: register.enrol(carried, on=ENROLMENT_DAY, by=STAMP))

    assert [f"{path_of('S-09')}.attendance"] == paths(error)
    assert "a new student starts with no records" in str(error)


def test_moving_a_graduates_session_after_their_graduation_is_refused(register):
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    moved = Session(id=session_id(1), day=dt.date(2026, 12, 2), hours=SESSION_HOURS)

    error = refused(register, lambda: register.correct_session(COHORT_ID, moved, by=STAMP))

    assert [f"{S1}.attendance[SES-01].session"] == paths(error)
    assert {RuleCode.RECORDS_CLOSED} == error.codes
