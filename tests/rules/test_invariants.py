"""The rules that span records (rules/invariants.py), at their edges.

Each rule is shown kept on the day it allows and broken on the first day it
does not, both through the functions of the module and through the register,
which runs them on every change and load. Everyone here is made up.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

from mbprogram import (
    Attendance,
    DateRange,
    DocumentError,
    FinalAssignment,
    HostUnit,
    Hours,
    MakeUp,
    OutcomeKind,
    OutcomeRecord,
    Present,
    Status,
    StatusChange,
    Student,
    Submission,
    UnexcusedAbsence,
)
from mbprogram.rules.invariants import (
    outcome_problems,
    register_problems,
    student_problems,
    unit_capacity_problems,
)
from mbprogram.storage.json_document import dumps, loads
from tests.builders import (
    COHORT,
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
    placement,
    refused,
    session_day,
    session_id,
)

Document = dict[str, Any]
DAY = dt.timedelta(days=1)


def problems_of(student: Student) -> list[tuple[str, str]]:
    """The codes and paths of every problem with ``student`` in ``COHORT``."""
    units = make_register().host_units
    return [
        (p.code, p.path)
        for p in student_problems(student, COHORT, units, allow_synthetic_ids=False)
    ]


def graduate() -> Student:
    """S-01 of ``make_register()``, graduated on ``GRADUATION_DAY`` with every record."""
    register = make_register()
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    return register.student("S-01")


def document_of_a_graduate() -> Document:
    register = make_register()
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    doc: Document = json.loads(dumps(register))
    return doc


def refused_on_load(doc: Document) -> set[tuple[str, str]]:
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc))
    return {(p.code, p.path) for p in caught.value.problems}


# -- ENROLMENT_AFTER_COHORT_END: enrolled on or before the cohort's last day ----------------


def test_a_student_may_be_enrolled_on_the_cohorts_last_day():
    register = make_register()

    enrol(register, "S-04", on=PERIOD.end)

    assert PERIOD.end == register.student("S-04").enrolled_on


def test_a_student_may_not_be_enrolled_the_day_after_the_cohort_ends():
    register = make_register()

    error = refused(register, lambda: enrol(register, "S-04", on=PERIOD.end + DAY))

    assert {"ENROLMENT_AFTER_COHORT_END"} == error.codes


def test_a_stored_enrolment_on_the_cohorts_last_day_loads():
    register = make_register()
    enrol(register, "S-04", on=PERIOD.end)

    assert register == loads(dumps(register))


# -- RECORD_BEFORE_ENROLMENT: records dated on the enrolment day are the student's -----------


def test_attendance_at_a_session_on_the_enrolment_day_is_accepted():
    register = make_register(0)
    enrol(register, "S-01", on=session_day(1))

    register.record_attendance("S-01", session_id(1), Present(SESSION_HOURS), by=STAMP)

    assert 1 == len(register.student("S-01").attendance)


def test_make_up_work_dated_the_day_before_the_enrolment_is_refused_and_on_it_accepted():
    def makeup(on: dt.date) -> MakeUp:
        return MakeUp(id="M1", hours=SESSION_HOURS, on=on, approver="Lærer Lund")

    register = make_register(0)
    enrol(register, "S-01", on=session_day(1))

    error = refused(
        register, lambda: register.approve_makeup("S-01", makeup(session_day(1) - DAY), by=STAMP)
    )
    register.approve_makeup("S-01", makeup(session_day(1)), by=STAMP)

    assert {"RECORD_BEFORE_ENROLMENT"} == error.codes
    assert 1 == len(register.student("S-01").makeups)


# -- ATTENDANCE_OVER_SESSION: a mark as long as its session is no problem -------------------


def test_a_mark_as_long_as_its_session_is_no_problem_beside_a_session_the_cohort_lacks():
    # The unknown session makes every mark of the student looked at one by one.
    student = attrs.evolve(
        new_student("S-01"),
        status_history=(StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),),
        attendance=(
            Attendance(session_id(1), Present(SESSION_HOURS)),
            Attendance("SES-99", UnexcusedAbsence()),
        ),
    )

    assert [("UNKNOWN_RECORD", "attendance[1].session")] == problems_of(student)


def test_a_mark_longer_than_its_session_is_a_problem_of_its_hours():
    longer = Present(Hours(SESSION_HOURS.value + Decimal("0.5")))
    student = attrs.evolve(
        new_student("S-01"),
        status_history=(StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),),
        attendance=(Attendance(session_id(1), longer),),
    )

    assert [("ATTENDANCE_OVER_SESSION", "attendance[0].mark.hours")] == problems_of(student)


# -- SUBMISSIONS_OVER_LIMIT: at most the programme's submissions -----------------------------


def with_submissions(n: int) -> Student:
    student = make_register().student("S-01")
    assignment = FinalAssignment(
        topic="Håp",
        supervisor="Lærer Lund",
        submissions=tuple(Submission(on=ENROLMENT_DAY + 7 * k * DAY) for k in range(1, n + 1)),
    )
    return attrs.evolve(student, assignment=assignment)


def test_as_many_submissions_as_the_programme_allows_are_no_problem():
    assert 3 == COHORT.rules.max_submissions
    assert [] == problems_of(with_submissions(3))


def test_more_submissions_than_the_programme_allows_are_a_problem_of_the_assignment():
    (problem,) = student_problems(
        with_submissions(4), COHORT, make_register().host_units, allow_synthetic_ids=False
    )

    assert ("SUBMISSIONS_OVER_LIMIT", "assignment.submissions") == (problem.code, problem.path)
    assert "4 submissions; the programme allows 3" == problem.message


def test_a_stored_register_with_more_submissions_than_the_programme_allows_does_not_load():
    register = make_register()
    register.start_assignment("S-01", topic="Håp", supervisor="Lærer Lund", by=STAMP)
    for week in range(3):
        register.submit_assignment("S-01", on=dt.date(2026, 8, 3) + 7 * week * DAY, by=STAMP)
    doc: Document = json.loads(dumps(register))
    doc["cohorts"][0]["students"][0]["assignment"]["submissions"].append(
        {"on": "2026-08-31", "title": ""}
    )

    assert ("SUBMISSIONS_OVER_LIMIT", "cohorts[0].students[0].assignment.submissions") in (
        refused_on_load(doc)
    )


# -- CERTIFICATE_MISMATCH: a certificate names its graduate, their cohort and programme ------


def test_a_graduates_own_certificate_is_no_problem():
    assert [] == problems_of(graduate())


@pytest.mark.parametrize(
    "changes",
    [{"student": "S-02"}, {"cohort": "K2"}, {"student": "S-02", "cohort": "K2"}],
    ids=["another student of the same cohort", "another cohort", "both"],
)
def test_a_certificate_naming_another_student_or_cohort_is_a_mismatch(changes):
    student = graduate()
    certificate = attrs.evolve(student.certificate, **changes)

    found = problems_of(attrs.evolve(student, certificate=certificate))

    assert [("CERTIFICATE_MISMATCH", "certificate")] == found


def test_a_stored_certificate_naming_another_student_of_the_same_cohort_does_not_load():
    doc = document_of_a_graduate()
    doc["cohorts"][0]["students"][0]["certificate"]["student"] = "S-02"

    assert ("CERTIFICATE_MISMATCH", "cohorts[0].students[0].certificate") in refused_on_load(doc)


# -- HOST_UNIT_OVER_CAPACITY: its wording names the unit's places ---------------------------

SPRING = DateRange(dt.date(2026, 3, 2), dt.date(2026, 6, 19))


@pytest.mark.parametrize(("capacity", "places"), [(1, "1 place"), (2, "2 places")])
def test_a_unit_over_capacity_is_told_how_many_places_it_has(capacity, places):
    unit = HostUnit(id="U1", name="Solheim", capacity=capacity)

    (problem,) = unit_capacity_problems(unit, [SPRING] * (capacity + 1))

    assert (
        f"host unit 'U1' would have {capacity + 1} students in practice at once "
        f"2026-03-02..2026-06-19; it has {places}"
    ) == problem.message
    assert ("HOST_UNIT_OVER_CAPACITY", "host_units[U1]") == (problem.code, problem.path)


def test_a_unit_with_as_many_students_as_places_has_no_problem():
    unit = HostUnit(id="U1", name="Solheim", capacity=2)

    assert [] == unit_capacity_problems(unit, [SPRING, SPRING])


def test_a_student_with_two_overlapping_placements_at_a_unit_takes_one_of_its_places():
    first = placement("P1", unit=UNIT_ONE_PLACE, start=SPRING.start, end=SPRING.end)
    second = placement("P2", unit=UNIT_ONE_PLACE, start=SPRING.start + 7 * DAY, end=SPRING.end)
    other = placement("P3", unit=UNIT, start=SPRING.start, end=SPRING.end)
    student = attrs.evolve(
        new_student("S-01"),
        status_history=(StatusChange(status=Status.ACTIVE, on=ENROLMENT_DAY),),
        placements=(first, second, other),
    )
    units = make_register().host_units

    assert [] == register_problems(
        cohorts={COHORT.id: COHORT},
        students={student.id: student},
        host_units=units,
        budget_pots={},
        employments={},
        outcomes={},
        allow_synthetic_ids=False,
    )


# -- UNKNOWN_RECORD: an outcome names a student of the register -----------------------------


def outcome(person: str) -> OutcomeRecord:
    return OutcomeRecord(
        id="O1", person=person, kind=OutcomeKind.FURTHER_EDUCATION, on=dt.date(2026, 10, 1)
    )


def test_an_outcome_of_a_student_of_the_register_is_no_problem():
    assert [] == outcome_problems(outcome("S-01"), make_register().students)


def test_an_outcome_of_no_student_of_the_register_names_the_person():
    (problem,) = outcome_problems(outcome("S-99"), make_register().students)

    assert ("UNKNOWN_RECORD", "person", "no student 'S-99'") == (
        problem.code,
        problem.path,
        problem.message,
    )


def test_a_loaded_register_with_an_outcome_of_no_student_has_the_problem_at_the_outcome():
    state = make_register().state

    found = register_problems(
        cohorts=state.cohorts,
        students=state.students,
        host_units=state.host_units,
        budget_pots=state.budget_pots,
        employments=state.employments,
        outcomes={"O1": outcome("S-99"), "O2": attrs.evolve(outcome("S-01"), id="O2")},
        allow_synthetic_ids=False,
    )

    assert [("UNKNOWN_RECORD", "outcomes[O1].person")] == [(p.code, p.path) for p in found]


def test_a_register_made_by_its_own_changes_has_no_problems():
    register = make_register()
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    register.record_outcome(outcome("S-02"), by=STAMP)
    state = register.state

    assert [] == register_problems(
        cohorts=state.cohorts,
        students=state.students,
        host_units=state.host_units,
        budget_pots=state.budget_pots,
        employments=state.employments,
        outcomes=state.outcomes,
        allow_synthetic_ids=False,
    )
