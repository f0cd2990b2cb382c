"""Evaluating a whole cohort: its students plus the cohort-wide findings."""

from __future__ import annotations

import datetime as dt

import pytest

from mbprogram import (
    BERGEN_2010,
    AssessmentStage,
    Cohort,
    DateRange,
    FindingCode,
    HostUnit,
    Outlook,
    Placement,
    PlacementAssessment,
    RefusedChangeError,
    Register,
    Severity,
    Stamp,
    Student,
    Weekday,
    evaluate_cohort,
    evaluate_register,
)

BY = Stamp("koordinator", dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC))
PERIOD = DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def register_with(students: int, places: int = 2, capacity: int = 2) -> Register:
    register = Register()
    register.open_cohort(
        Cohort(id="K26", name="MB 2026", rules=BERGEN_2010, period=PERIOD, places=places), by=BY
    )
    register.add_host_unit(HostUnit(id="U1", name="Aktivitetssenteret", capacity=capacity), by=BY)
    for i in range(students):
        register.enrol(
            Student(id=f"S-{i}", cohort="K26", name=f"Test Person {i}"),
            on=dt.date(2026, 1, 5),
            by=BY,
        )
    return register


def place(register: Register, sid: str, start: dt.date, end: dt.date) -> None:
    register.place(
        sid,
        Placement(
            id="P1",
            unit="U1",
            supervisor="Veileder Vik",
            period=DateRange(start, end),
            weekdays=(Weekday.MONDAY, Weekday.TUESDAY),
        ),
        by=BY,
    )


def test_a_cohort_enrolled_beyond_its_places_is_warned():
    progress = evaluate_cohort(register_with(3, places=2), "K26", dt.date(2026, 2, 1))
    (finding,) = progress.findings
    assert (FindingCode.COHORT_OVER_PLACES, Severity.WARNING, "cohorts[K26]") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert "3 students are enrolled in the cohort, which has 2 places." == finding.message("en")


def test_a_withdrawn_student_frees_their_place():
    register = register_with(3, places=2)
    register.withdraw("S-2", on=dt.date(2026, 1, 20), by=BY)
    assert () == evaluate_cohort(register, "K26", dt.date(2026, 2, 1)).findings
    assert 1 == len(evaluate_cohort(register, "K26", dt.date(2026, 1, 19)).findings)


def test_a_unit_never_holds_more_students_than_its_places_so_no_cohort_reports_it():
    register = register_with(2)
    place(register, "S-0", dt.date(2026, 3, 2), dt.date(2026, 5, 29))
    place(register, "S-1", dt.date(2026, 4, 6), dt.date(2026, 6, 26))

    with pytest.raises(RefusedChangeError) as caught:
        register.change_capacity("U1", 1, by=BY)

    assert {"HOST_UNIT_OVER_CAPACITY"} == caught.value.codes
    assert "2 students in practice at once 2026-04-06..2026-05-29; it has 1 place" in str(
        caught.value
    )
    assert () == evaluate_cohort(register, "K26", dt.date(2026, 12, 31)).findings


def test_a_supervisors_concern_shows_among_the_cohorts_findings():
    register = register_with(1)
    place(register, "S-0", dt.date(2026, 3, 2), dt.date(2026, 5, 29))
    register.assess_placement(
        "S-0",
        "P1",
        AssessmentStage.MIDWAY,
        PlacementAssessment(
            on=dt.date(2026, 4, 15), assessor="Veileder Vik", outlook=Outlook.CAUSE_FOR_CONCERN
        ),
        by=BY,
    )
    progress = evaluate_cohort(register, "K26", dt.date(2026, 5, 1))
    assert FindingCode.PLACEMENT_CAUSE_FOR_CONCERN in [f.code for f in progress.all_findings]


def test_the_register_evaluates_every_cohort():
    register = register_with(2)
    register.open_cohort(
        Cohort(id="K27", name="MB 2027", rules=BERGEN_2010, period=PERIOD, places=2), by=BY
    )
    assert ["K26", "K27"] == [c.cohort for c in evaluate_register(register, dt.date(2026, 6, 1))]
    assert 2 == len(register.cohort_progress("K26", dt.date(2026, 6, 1)).students)
    assert "S-0" == register.progress("S-0", dt.date(2026, 6, 1)).student
