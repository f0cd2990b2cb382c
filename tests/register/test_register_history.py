"""The register's history, and restoring a register from its records.

Every accepted change appends exactly one :class:`Change` saying who made it,
when, what was done, to which record, and what the record was before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from mbprogram import (
    AssessmentStage,
    Attendance,
    Certificate,
    DateRange,
    ExcusedAbsence,
    HostUnit,
    Hours,
    MakeUp,
    Outlook,
    PlacementAbsence,
    PlacementAssessment,
    Present,
    Reading,
    Register,
    Session,
    SignOff,
    Stamp,
    Status,
    StatusChange,
    Student,
    Submission,
    ValidationError,
    Verdict,
    student_path,
)
from mbprogram.model.history import part_of, split_path
from mbprogram.paths import RecordPath
from tests.builders import (
    COHORT,
    COHORT_ID,
    ENROLMENT_DAY,
    GRADUATION_DAY,
    STAMP,
    UNIT,
    complete,
    enrol,
    make_register,
    new_student,
    path_of,
    placement,
    session_id,
    stamp,
    synthetic_id,
)

S1 = path_of("S-01")
BY = Stamp("Lærer Lund", dt.datetime(2026, 3, 3, 14, 30, tzinfo=dt.UTC))
ASSESSMENT = PlacementAssessment(on=dt.date(2026, 4, 15), assessor="Vik", outlook=Outlook.ON_TRACK)


def _ready(register: Register) -> None:
    """S-01 with attendance at session 1, a placement, and a submitted assignment."""
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)
    register.place("S-01", placement(), by=STAMP)
    register.record_placement_absence("S-01", "P1", day=dt.date(2026, 3, 4), by=STAMP)
    register.start_assignment("S-01", topic="Håp", supervisor="Lærer Lund", by=STAMP)
    register.submit_assignment("S-01", on=dt.date(2026, 8, 3), by=STAMP)


EXTRA = Session(id="EXTRA", day=dt.date(2026, 9, 2), hours=Hours(3))
UNIT_3 = HostUnit(id="U3", name="FACT-teamet", capacity=4)
OTHER_COHORT = attrs.evolve(COHORT, id="K2", sessions=())
ABSENCE = PlacementAbsence(day=dt.date(2026, 3, 5), reason="Syk")
MAKEUP = MakeUp(id="M1", hours=Hours(3), on=dt.date(2026, 3, 1), approver="Lærer Lund")
READING = Reading(title="Recovery", on=dt.date(2026, 2, 1))

#: (what is done, the action, the path of what changed, and the part as it was before and
#: became after; the entry itself carries the whole record before and after).
CHANGES: list[tuple[str, Callable[[Register], object], str, str, object, object]] = [
    (
        "open a cohort",
        lambda r: r.open_cohort(OTHER_COHORT, by=BY),
        "cohort.opened",
        "cohorts[K2]",
        None,
        OTHER_COHORT,
    ),
    (
        "schedule a session",
        lambda r: r.schedule_session(COHORT_ID, EXTRA, by=BY),
        "session.scheduled",
        "cohorts[K1].sessions[EXTRA]",
        None,
        EXTRA,
    ),
    (
        "correct a session",
        lambda r: r.correct_session(COHORT_ID, attrs.evolve(COHORT.sessions[2], topic="Ny"), by=BY),
        "session.corrected",
        "cohorts[K1].sessions[SES-03]",
        COHORT.sessions[2],
        attrs.evolve(COHORT.sessions[2], topic="Ny"),
    ),
    (
        "cancel a session",
        lambda r: r.cancel_session(COHORT_ID, session_id(3), by=BY),
        "session.cancelled",
        "cohorts[K1].sessions[SES-03]",
        COHORT.sessions[2],
        None,
    ),
    (
        "change the places",
        lambda r: r.change_places(COHORT_ID, 20, by=BY),
        "cohort.places-changed",
        "cohorts[K1].places",
        18,
        20,
    ),
    (
        "add a host unit",
        lambda r: r.add_host_unit(UNIT_3, by=BY),
        "host-unit.added",
        "host_units[U3]",
        None,
        UNIT_3,
    ),
    (
        "change a capacity",
        lambda r: r.change_capacity(UNIT, 3, by=BY),
        "host-unit.capacity-changed",
        "host_units[U1].capacity",
        2,
        3,
    ),
    (
        "enrol a new student",
        lambda r: enrol(r, "S-04", by=BY),
        "student.enrolled",
        path_of("S-04"),
        None,
        attrs.evolve(
            new_student("S-04"),
            status_history=(StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),),
        ),
    ),
    (
        "add an applicant",
        lambda r: r.add_applicant(new_student("S-04"), on=dt.date(2025, 11, 1), by=BY),
        "student.applied",
        path_of("S-04"),
        None,
        attrs.evolve(
            new_student("S-04"),
            status_history=(StatusChange(status=Status.APPLICANT, on=dt.date(2025, 11, 1)),),
        ),
    ),
    (
        "grant leave",
        lambda r: r.grant_leave("S-01", on=dt.date(2026, 2, 1), by=BY),
        "student.on-leave",
        f"{S1}.status_history",
        StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),
        StatusChange(status=Status.ON_LEAVE, on=dt.date(2026, 2, 1)),
    ),
    (
        "withdraw",
        lambda r: r.withdraw("S-01", on=dt.date(2026, 9, 1), reason="Flyttet", by=BY),
        "student.withdrawn",
        f"{S1}.status_history",
        StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),
        StatusChange(status=Status.WITHDRAWN, on=dt.date(2026, 9, 1), reason="Flyttet"),
    ),
    (
        "record attendance",
        lambda r: r.record_attendance("S-01", session_id(2), ExcusedAbsence("Lege"), by=BY),
        "attendance.recorded",
        f"{S1}.attendance[SES-02]",
        None,
        Attendance(session_id(2), ExcusedAbsence("Lege")),
    ),
    (
        "correct attendance",
        lambda r: r.record_attendance("S-01", session_id(1), Present(Hours(5)), by=BY),
        "attendance.corrected",
        f"{S1}.attendance[SES-01]",
        Attendance(session_id(1), Present(Hours(2))),
        Attendance(session_id(1), Present(Hours(5))),
    ),
    (
        "approve make-up work",
        lambda r: r.approve_makeup("S-01", MAKEUP, by=BY),
        "makeup.approved",
        f"{S1}.makeups[M1]",
        None,
        MAKEUP,
    ),
    (
        "log a reading",
        lambda r: r.log_reading("S-01", READING, by=BY),
        "literature.read",
        f"{S1}.literature.readings",
        None,
        READING,
    ),
    (
        "sign off the literature",
        lambda r: r.sign_off_literature(
            "S-01", signed_by="Lærer Lund", on=dt.date(2026, 6, 1), by=BY
        ),
        "literature.signed-off",
        f"{S1}.literature.sign_off",
        None,
        SignOff(by="Lærer Lund", on=dt.date(2026, 6, 1)),
    ),
    (
        "submit the assignment again",
        lambda r: r.submit_assignment("S-01", on=dt.date(2026, 8, 5), by=BY),
        "assignment.submitted",
        f"{S1}.assignment.submissions[2]",
        None,
        Submission(on=dt.date(2026, 8, 5)),
    ),
    (
        "assess the assignment",
        lambda r: r.assess_assignment(
            "S-01", on=dt.date(2026, 8, 10), assessor="Lund", verdict=Verdict.APPROVED, by=BY
        ),
        "assignment.assessed",
        f"{S1}.assignment.assessments[1]",
        None,
        lambda r: r.student("S-01").assignment.assessments[0],
    ),
    (
        "place a student",
        lambda r: r.place("S-02", placement(), by=BY),
        "placement.registered",
        f"{path_of('S-02')}.placements[P1]",
        None,
        placement(),
    ),
    (
        "record an absence",
        lambda r: r.record_placement_absence("S-01", "P1", day=ABSENCE.day, reason="Syk", by=BY),
        "placement.absence-recorded",
        f"{S1}.placements[P1].absences",
        None,
        ABSENCE,
    ),
    (
        "cancel an absence",
        lambda r: r.cancel_placement_absence("S-01", "P1", day=dt.date(2026, 3, 4), by=BY),
        "placement.absence-cancelled",
        f"{S1}.placements[P1].absences",
        PlacementAbsence(day=dt.date(2026, 3, 4)),
        None,
    ),
    (
        "assess a placement",
        lambda r: r.assess_placement("S-01", "P1", AssessmentStage.FINAL, ASSESSMENT, by=BY),
        "placement.final-assessed",
        f"{S1}.placements[P1].final",
        None,
        ASSESSMENT,
    ),
    (
        "end a placement early",
        lambda r: r.end_placement_early("S-01", "P1", last_day=dt.date(2026, 5, 29), by=BY),
        "placement.ended-early",
        f"{S1}.placements[P1].period",
        DateRange(dt.date(2026, 3, 2), dt.date(2026, 6, 19)),
        DateRange(dt.date(2026, 3, 2), dt.date(2026, 5, 29)),
    ),
]


def _record_at(register: Register, path: RecordPath) -> object:
    """The whole record at ``path`` (``cohorts[K1]``, ``…students[S-01]``, ``host_units[U1]``)."""
    last = path.segments[-1]
    table = "students" if last.name == "students" else last.name
    return getattr(register, table).get(last.key)


@pytest.mark.parametrize(
    ("change", "action", "path", "before", "after"),
    [c[1:] for c in CHANGES],
    ids=[c[0] for c in CHANGES],
)
def test_every_accepted_change_appends_one_entry_saying_who_what_where_before_and_after(
    change, action, path, before, after
):
    register = make_register()
    _ready(register)
    earlier = register.copy()
    count = len(register.history)

    change(register)

    entry = register.history[-1]
    record, part = split_path(RecordPath.parse(path))
    assert count + 1 == len(register.history)
    assert (BY, action, record, part) == (entry.stamp, entry.action, entry.record, entry.part)
    assert (_record_at(earlier, record), _record_at(register, record)) == (
        entry.before,
        entry.after,
    )
    assert path == entry.path
    assert ("Lærer Lund", BY.at) == (entry.actor, entry.at)
    old, new = (None if s is None else part_of(s, part) for s in (entry.before, entry.after))
    added = after(register) if callable(after) else after
    if isinstance(new, tuple):  # a list the part was added to or taken from
        if added is not None:
            assert (False, True) == (added in old, added in new)
        else:
            assert (True, False) == (before in old, before in new)
    else:
        assert (before, added) == (old, new)


def test_graduation_appends_one_entry_with_the_certificate():
    register = make_register()
    complete(register, "S-01")

    certificate = register.graduate("S-01", on=GRADUATION_DAY, by=BY)

    entry = register.history[-1]
    assert ("student.graduated", S1, "") == (entry.action, entry.record, entry.part)
    assert entry.before is not None
    assert (None, certificate) == (entry.before.certificate, entry.after.certificate)


def test_building_a_register_records_each_change_in_order():
    register = make_register(2)

    assert [
        ("cohort.opened", "cohorts[K1]"),
        ("host-unit.added", "host_units[U1]"),
        ("host-unit.added", "host_units[U2]"),
        ("student.enrolled", S1),
        ("student.enrolled", path_of("S-02")),
    ] == [(c.action, c.record) for c in register.history]
    assert {STAMP} == {c.stamp for c in register.history}


def test_the_history_of_a_student_lists_their_changes_only():
    register = make_register(("S-1", "S-10", "S-2"))
    register.record_attendance("S-1", session_id(1), Present(Hours(5)), by=stamp(1))
    register.record_attendance("S-10", session_id(1), Present(Hours(4)), by=stamp(2))
    register.record_attendance("S-1", session_id(1), Present(Hours(3)), by=stamp(3))
    register.withdraw("S-2", on=dt.date(2026, 2, 1), by=stamp(4))
    register.place("S-1", placement(), by=stamp(5))

    history = register.history_of(student_path(COHORT_ID, "S-1"))

    assert [
        ("student.enrolled", STAMP),
        ("attendance.recorded", stamp(1)),
        ("attendance.corrected", stamp(3)),
        ("placement.registered", stamp(5)),
    ] == [(c.action, c.stamp) for c in history]


def test_the_history_of_one_record_answers_who_changed_it_and_what_it_was_before():
    register = make_register()
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=stamp(1))
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=BY)

    (_, correction) = register.history_of(f"{S1}.attendance[SES-01]")

    assert ("Lærer Lund", Present(Hours(2))) == (
        correction.actor,
        correction.before.attendance[0].mark,
    )


def test_a_refused_change_appends_nothing():
    register = make_register()
    history = register.history

    with pytest.raises(ValidationError):
        register.record_attendance("S-01", session_id(1), Present(Hours(6)), by=BY)

    assert history == register.history


# -- restoring from records -------------------------------------------------------------


def _records(register: Register) -> dict[str, object]:
    return {
        "cohorts": list(register.cohorts.values()),
        "students": list(register.students.values()),
        "host_units": list(register.host_units.values()),
        "history": register.history,
    }


def test_a_register_restored_from_its_records_equals_the_original():
    register = make_register()
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    register.withdraw("S-02", on=dt.date(2026, 4, 1), reason="Flyttet", by=STAMP)

    restored = Register.from_records(**_records(register))  # type: ignore[arg-type]

    assert register == restored


def test_restoring_from_records_without_a_history_starts_an_empty_one():
    register = make_register()

    restored = Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
    )

    assert () == restored.history
    assert dict(register.students) == dict(restored.students)


def test_restoring_broken_records_lists_every_problem_with_its_path():
    active = (StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),)
    broken = Student(
        id="S-01",
        cohort=COHORT_ID,
        name="Ola Testesen",
        status_history=active,
        attendance=(
            Attendance("SES-99", Present(Hours(1))),
            Attendance(session_id(1), Present(Hours(6))),
        ),
        placements=(placement(unit="U9"),),
        certificate=Certificate(
            id="cert-S-01",
            student="S-01",
            cohort=COHORT_ID,
            programme="Bergen 2010",
            issued_on=GRADUATION_DAY,
        ),
    )
    twin = Student(id="S-01", cohort=COHORT_ID, name="Kari Prøvedal", status_history=active)
    stray = Student(id="S-09", cohort="K9", name="Per Eksempelrud", status_history=active)
    unit = HostUnit(id=UNIT, name="Aktivitetssenteret", capacity=2)

    with pytest.raises(ValidationError) as caught:
        Register.from_records(
            cohorts=[COHORT, COHORT], students=[broken, twin, stray], host_units=[unit, unit]
        )

    assert [
        "cohorts[K1]: another cohort has the id 'K1'",
        "cohorts[K1].students[S-01]: another student has the id 'S-01'",
        "host_units[U1]: another host unit has the id 'U1'",
        "cohorts[K1].students[S-01].attendance[0].session: no session 'SES-99' in cohort 'K1'",
        f"{S1}.attendance[1].mark.hours: 6 h is more than the session's length of 5 h",
        "cohorts[K1].students[S-01].placements[0].unit: no host unit 'U9'",
        "cohorts[K1].students[S-01].certificate: only a graduated student can hold a certificate",
        "cohorts[K9].students[S-09].cohort: no cohort 'K9'",
    ] == [str(p) for p in caught.value.problems]
    assert str(caught.value).startswith("the records break the register's rules (8 problems):")


def test_restoring_a_synthetic_identity_number_needs_a_register_of_test_data():
    register = make_register(allow_synthetic_ids=True)
    enrol(register, "S-04", national_id=synthetic_id())

    with pytest.raises(ValidationError) as caught:
        Register.from_records(**_records(register))  # type: ignore[arg-type]
    restored = Register.from_records(**_records(register), allow_synthetic_ids=True)  # type: ignore[arg-type]

    assert ["cohorts[K1].students[S-04].national_id"] == [p.path for p in caught.value.problems]
    assert register == restored


def test_restoring_a_graduate_without_a_certificate_is_refused():
    register = make_register()
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    records = _records(register)
    records["students"] = [
        attrs.evolve(s, certificate=None) if s.id == "S-01" else s
        for s in register.students.values()
    ]

    with pytest.raises(ValidationError) as caught:
        Register.from_records(**records)  # type: ignore[arg-type]

    assert [f"{S1}.certificate"] == [p.path for p in caught.value.problems]


def test_restoring_a_session_day_that_breaks_an_enrolment_is_refused():
    late = Student(
        id="S-05",
        cohort=COHORT_ID,
        name="Siri Fiktivsen",
        status_history=(StatusChange(status=Status.ACTIVE, on=dt.date(2026, 2, 1)),),
        attendance=(Attendance(session_id(1), Present(Hours(5))),),
    )

    with pytest.raises(ValidationError) as caught:
        Register.from_records(cohorts=[COHORT], students=[late], host_units=[])

    assert [f"{path_of('S-05')}.attendance[0].session"] == [p.path for p in caught.value.problems]


def test_a_makeup_record_fits_the_history_too():
    register = make_register()

    register.approve_makeup("S-01", MAKEUP, by=BY)

    assert [(MAKEUP,)] == [c.after.makeups for c in register.history_of(f"{S1}.makeups")]
