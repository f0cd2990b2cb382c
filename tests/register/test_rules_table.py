"""One table of every rule that spans records: refused on a change and on a load alike.

Each row names a rule's code, builds a valid register, and gives both the change
that would break the rule and the edit of that register's document that holds
the same broken state. The change must be refused with the code and leave the
register as it was; the document must be refused on load with the code at the
path of the record in the document (the untouched document loads).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from mbprogram import (
    BudgetPot,
    DocumentError,
    Employment,
    Funding,
    HostUnit,
    Hours,
    Pathway,
    Percent,
    Present,
    Register,
    RuleCode,
    Verdict,
)
from mbprogram.storage.json_document import dumps, loads
from tests.builders import (
    GRADUATION_DAY,
    STAMP,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    enrol,
    make_register,
    new_student,
    placement,
    refused,
    session_id,
    synthetic_id,
)

Document = dict[str, Any]

EASTER_MONDAY_2026 = dt.date(2026, 4, 6)
LEFT = dt.date(2026, 3, 1)  # a withdrawal; SES-09 is on 2026-03-04


@attrs.frozen
class Row:
    """A rule: how to reach a state next to breaking it, and two ways to break it."""

    code: str
    setup: Callable[[Register], None]
    change: Callable[[Register], object] | None  # None: no change can make this state
    corrupt: Callable[[Document], None]
    document_path: str


def _students(doc: Document) -> list[Document]:
    students: list[Document] = doc["cohorts"][0]["students"]
    return students


def _nothing(register: Register) -> None:
    """The register of make_register() as it is."""


def _withdrawn(register: Register) -> None:
    register.withdraw("S-01", on=LEFT, by=STAMP)


def _attendance_after_leaving(doc: Document) -> None:
    _students(doc)[0]["attendance"] = [{"session": "SES-09", "mark": "present", "hours": "5"}]


def _placed_in_the_one_place(register: Register) -> None:
    register.place("S-01", placement(unit=UNIT_ONE_PLACE), by=STAMP)


def _three_in_one_place(doc: Document) -> None:
    taken = _students(doc)[0]["placements"][0]
    for student in _students(doc)[1:]:
        student["placements"] = [taken]


def _late_enrolment(doc: Document) -> None:
    _students(doc)[2]["status_history"] = [{"status": "active", "on": "2027-01-04", "reason": ""}]


def _submitted(times: int) -> Callable[[Register], None]:
    def setup(register: Register) -> None:
        register.start_assignment("S-01", topic="Håp", supervisor="Lærer Lund", by=STAMP)
        for week in range(times):
            register.submit_assignment("S-01", on=dt.date(2026, 8, 3 + 7 * week), by=STAMP)

    return setup


def _approved(register: Register) -> None:
    _submitted(1)(register)
    register.assess_assignment(
        "S-01", on=dt.date(2026, 8, 17), assessor="Lærer Lund", verdict=Verdict.APPROVED, by=STAMP
    )


def _submitted_after_approval(doc: Document) -> None:
    _students(doc)[0]["assignment"]["submissions"].append({"on": "2026-08-24", "title": ""})


def _fourth_submission(doc: Document) -> None:
    _students(doc)[0]["assignment"]["submissions"].append({"on": "2026-08-31", "title": ""})


def _assessment(on: str, assessor: str) -> Callable[[Document], None]:
    def corrupt(doc: Document) -> None:
        _students(doc)[0]["assignment"]["assessments"] = [
            {
                "submission": 1,
                "on": on,
                "assessor": assessor,
                "verdict": "approved",
                "feedback": "",
            }
        ]

    return corrupt


def _attendance(session: str, hours: str) -> Callable[[Document], None]:
    def corrupt(doc: Document) -> None:
        _students(doc)[0]["attendance"] = [{"session": session, "mark": "present", "hours": hours}]

    return corrupt


def _resumed_after_withdrawal(doc: Document) -> None:
    _students(doc)[0]["status_history"].append(
        {"status": "active", "on": "2026-03-02", "reason": ""}
    )


def _admitted_applicant(register: Register) -> None:
    register.add_applicant(new_student("S-04"), on=dt.date(2025, 12, 1), by=STAMP)
    register.admit("S-04", on=dt.date(2025, 12, 15), by=STAMP)


def _attendance_before_enrolment(doc: Document) -> None:
    student = _students(doc)[2]
    student["status_history"] = [{"status": "active", "on": "2026-02-01", "reason": ""}]
    student["attendance"] = [{"session": "SES-01", "mark": "present", "hours": "5"}]


def _placed_over_easter(register: Register) -> None:
    register.place("S-01", placement(unit=UNIT), by=STAMP)


def _absent_on_easter_monday(doc: Document) -> None:
    _students(doc)[0]["placements"][0]["absences"] = [{"day": "2026-04-06", "reason": ""}]


POT = "POT"


def _employment(eid: str, person: str, **changes: object) -> Employment:
    fields: dict[str, Any] = {
        "id": eid,
        "person": person,
        "unit": UNIT,
        "pathway": Pathway.BUDGET_POT,
        "start": dt.date(2026, 10, 1),
        "percent": Percent(50),
        "funding": Funding.BUDGET_POT,
        "pot": POT,
    }
    fields.update(changes)
    return Employment(**fields)


def _graduates_and_a_full_pot(register: Register) -> None:
    for sid in ("S-01", "S-02"):
        complete(register, sid)
        register.graduate(sid, on=GRADUATION_DAY, by=STAMP)
    register.add_budget_pot(BudgetPot(id=POT, name="MB-potten", capacity=1), by=STAMP)
    register.hire(_employment("E1", "S-01"), by=STAMP)


def _second_in_the_pot(doc: Document) -> None:
    second = dict(doc["employments"][0], id="E2", person="S-02")
    doc["employments"].append(second)


def _a_pot(register: Register) -> None:
    register.add_budget_pot(BudgetPot(id=POT, name="MB-potten", capacity=5), by=STAMP)
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    register.hire(_employment("E1", "S-01"), by=STAMP)


def _pot_hire_without_certificate(doc: Document) -> None:
    doc["employments"][0]["person"] = "S-03"


def _graduate_placed_at_u1(register: Register) -> None:
    complete(register, "S-01")  # placed at U1
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    register.hire(
        _employment(
            "E1",
            "S-01",
            pathway=Pathway.ORDINARY_POSITION,
            funding=Funding.MUNICIPAL_BUDGET,
            pot=None,
        ),
        by=STAMP,
    )


def _placement_unit_hire_elsewhere(doc: Document) -> None:
    doc["employments"][0].update(pathway="placement-unit", unit=UNIT_ONE_PLACE)


def _unit_twice(doc: Document) -> None:
    doc["host_units"].append(dict(doc["host_units"][0]))


def _synthetic_id(doc: Document) -> None:
    _students(doc)[2]["national_id"] = str(synthetic_id().value)


def _with_a_national_id(register: Register) -> None:
    enrol(register, "S-04", national_id=synthetic_id(4))


def _the_same_national_id(doc: Document) -> None:
    doc["synthetic_ids"] = True
    _students(doc)[2]["national_id"] = _students(doc)[3]["national_id"]


def _graduated(register: Register) -> None:
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)


def _certificate_of_another_date(doc: Document) -> None:
    _students(doc)[0]["certificate"]["issued_on"] = "2026-09-02"


ROWS = {
    "records closed after withdrawal": Row(
        RuleCode.RECORDS_CLOSED,
        _withdrawn,
        lambda r: r.record_attendance("S-01", session_id(9), Present(Hours(5)), by=STAMP),
        _attendance_after_leaving,
        "cohorts[0].students[0].attendance[0].session",
    ),
    "host-unit capacity on every day": Row(
        RuleCode.HOST_UNIT_OVER_CAPACITY,
        _placed_in_the_one_place,
        lambda r: r.place("S-02", placement(unit=UNIT_ONE_PLACE), by=STAMP),
        _three_in_one_place,
        "host_units[1]",
    ),
    "enrolment inside the cohort": Row(
        RuleCode.ENROLMENT_AFTER_COHORT_END,
        _nothing,
        lambda r: enrol(r, "S-04", on=dt.date(2027, 1, 4)),
        _late_enrolment,
        "cohorts[0].students[2].status_history[0].on",
    ),
    "submission limit": Row(
        RuleCode.SUBMISSIONS_OVER_LIMIT,
        _submitted(3),
        lambda r: r.submit_assignment("S-01", on=dt.date(2026, 8, 31), by=STAMP),
        _fourth_submission,
        "cohorts[0].students[0].assignment.submissions",
    ),
    "assessment not before its submission": Row(
        RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
        _submitted(1),
        lambda r: r.assess_assignment(
            "S-01",
            on=dt.date(2026, 8, 2),
            assessor="Lærer Lund",
            verdict=Verdict.APPROVED,
            by=STAMP,
        ),
        _assessment("2026-08-02", "Lærer Lund"),
        "cohorts[0].students[0].assignment.assessments[0].on",
    ),
    "nothing submitted after an approval": Row(
        RuleCode.ASSIGNMENT_OUT_OF_ORDER,
        _approved,
        lambda r: r.submit_assignment("S-01", on=dt.date(2026, 8, 24), by=STAMP),
        _submitted_after_approval,
        "cohorts[0].students[0].assignment.submissions[1]",
    ),
    "assessor not the student": Row(
        RuleCode.PERSON_IS_THE_STUDENT,
        _submitted(1),
        lambda r: r.assess_assignment(
            "S-01",
            on=dt.date(2026, 8, 4),
            assessor="Ola Testesen",
            verdict=Verdict.APPROVED,
            by=STAMP,
        ),
        _assessment("2026-08-04", "Ola Testesen"),
        "cohorts[0].students[0].assignment.assessments[0].assessor",
    ),
    "attendance not longer than the session": Row(
        RuleCode.ATTENDANCE_OVER_SESSION,
        _nothing,
        lambda r: r.record_attendance("S-01", session_id(1), Present(Hours(6)), by=STAMP),
        _attendance("SES-01", "6"),
        "cohorts[0].students[0].attendance[0].hours",
    ),
    "attendance of a session of the cohort": Row(
        RuleCode.UNKNOWN_RECORD,
        _nothing,
        lambda r: r.record_attendance("S-01", "SES-99", Present(Hours(1)), by=STAMP),
        _attendance("SES-99", "1"),
        "cohorts[0].students[0].attendance[0].session",
    ),
    "status transitions": Row(
        RuleCode.STATUS_TRANSITION_NOT_ALLOWED,
        _withdrawn,
        lambda r: r.resume("S-01", on=dt.date(2026, 3, 2), by=STAMP),
        _resumed_after_withdrawal,
        "cohorts[0].students[0].status_history[2].status",
    ),
    "records not before the enrolment": Row(
        RuleCode.RECORD_BEFORE_ENROLMENT,
        _admitted_applicant,
        lambda r: r.record_attendance("S-04", session_id(1), Present(Hours(5)), by=STAMP),
        _attendance_before_enrolment,
        "cohorts[0].students[2].attendance[0].session",
    ),
    "absences only on practice days": Row(
        RuleCode.ABSENCE_ON_PUBLIC_HOLIDAY,
        _placed_over_easter,
        lambda r: r.record_placement_absence("S-01", "P1", day=EASTER_MONDAY_2026, by=STAMP),
        _absent_on_easter_monday,
        "cohorts[0].students[0].placements[0].absences[0].day",
    ),
    "budget-pot capacity": Row(
        RuleCode.BUDGET_POT_OVER_CAPACITY,
        _graduates_and_a_full_pot,
        lambda r: r.hire(_employment("E2", "S-02"), by=STAMP),
        _second_in_the_pot,
        "budget_pots[0]",
    ),
    "budget-pot certificate": Row(
        RuleCode.BUDGET_POT_WITHOUT_CERTIFICATE,
        _a_pot,
        lambda r: r.hire(_employment("E2", "S-03"), by=STAMP),
        _pot_hire_without_certificate,
        "employments[0].start",
    ),
    "placement-unit hire where the graduate was placed": Row(
        RuleCode.PLACEMENT_UNIT_WITHOUT_PLACEMENT,
        _graduate_placed_at_u1,
        lambda r: r.hire(
            _employment(
                "E2",
                "S-01",
                unit=UNIT_ONE_PLACE,
                pathway=Pathway.PLACEMENT_UNIT,
                funding=Funding.MUNICIPAL_BUDGET,
                pot=None,
            ),
            by=STAMP,
        ),
        _placement_unit_hire_elsewhere,
        "employments[0].pathway",
    ),
    "unique ids": Row(
        RuleCode.ID_USED_TWICE,
        _nothing,
        lambda r: r.add_host_unit(HostUnit(id=UNIT, name="Et annet sted", capacity=1), by=STAMP),
        _unit_twice,
        "host_units[2]",
    ),
    "synthetic identity numbers only in test registers": Row(
        RuleCode.SYNTHETIC_ID_NOT_ALLOWED,
        _nothing,
        lambda r: enrol(r, "S-04", national_id=synthetic_id()),
        _synthetic_id,
        "cohorts[0].students[2].national_id",
    ),
    "one person, one national identity number": Row(
        RuleCode.NATIONAL_ID_USED_TWICE,
        _with_a_national_id,
        lambda r: enrol(r, "S-05", national_id=synthetic_id(4)),
        _the_same_national_id,
        "cohorts[0].students[3].national_id",  # the second holder is named
    ),
    "a certificate fits its graduate": Row(
        RuleCode.CERTIFICATE_MISMATCH,
        _graduated,
        None,  # graduate() issues the certificate itself: no change can make it not fit
        _certificate_of_another_date,
        "cohorts[0].students[0].certificate.issued_on",
    ),
}


def _register(row: Row) -> Register:
    synthetic = row.code is RuleCode.NATIONAL_ID_USED_TWICE
    register = make_register(allow_synthetic_ids=synthetic)
    row.setup(register)
    return register


CHANGES = {name: row for name, row in ROWS.items() if row.change is not None}


@pytest.mark.parametrize("row", CHANGES.values(), ids=CHANGES.keys())
def test_the_change_is_refused_with_the_rules_code_and_changes_nothing(row: Row) -> None:
    register = _register(row)
    change = row.change
    assert change is not None

    error = refused(register, lambda: change(register))

    assert row.code in error.codes


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_a_document_holding_the_same_state_is_refused_on_load_with_the_code_and_path(
    row: Row,
) -> None:
    doc: Document = json.loads(dumps(_register(row)))
    assert loads(json.dumps(doc)) == _register(row)  # the register itself loads
    row.corrupt(doc)

    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc))

    assert (row.code, row.document_path) in {(p.code, p.path) for p in caught.value.problems}


def test_a_national_id_used_twice_is_never_shown() -> None:
    register = make_register(allow_synthetic_ids=True)
    enrol(register, "S-04", national_id=synthetic_id(4))

    error = refused(register, lambda: enrol(register, "S-05", national_id=synthetic_id(4)))

    assert synthetic_id(4).value not in str(error)
    assert "another student has the same national identity number" in str(error)
