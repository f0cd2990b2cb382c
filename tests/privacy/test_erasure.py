"""Erasure: a person's records and history go, the rest stays valid.

``Register.erase_person`` removes the student, their certificate, employments
and other outcomes, and every history entry about them, then records that a
person of their cohort was erased without saying who.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    Benefit,
    Change,
    Employment,
    Funding,
    NotFoundError,
    OutcomeKind,
    OutcomeRecord,
    Pathway,
    RefusedChangeError,
    Register,
    Stamp,
    cohort_outcomes,
)
from mbprogram.reports.progress import progress_document
from tests.builders import (
    COHORT_ID,
    GRADUATION_DAY,
    STAMP,
    complete,
    enrol,
    make_register,
    path_of,
    synthetic_id,
    unsealed,
)
from tests.privacy.helpers import everything_held, occurrences, rebuilt, texts_in
from tests.privacy.registers import Scenario, scenarios

LATER = Stamp("Personvernombud Pers", dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC))
FIRST_DAY_AT_WORK = dt.date(2026, 10, 1)


def graduate_with_a_job_and_an_outcome(register: Register, sid: str) -> None:
    complete(register, sid)
    register.graduate(sid, on=GRADUATION_DAY, by=STAMP)
    register.hire(
        Employment(
            id=f"E-{sid}",
            person=sid,
            unit="U1",
            pathway=Pathway.PLACEMENT_UNIT,
            start=FIRST_DAY_AT_WORK,
            percent=40,
            funding=Funding.MUNICIPAL_BUDGET,
            benefit=Benefit.AAP,
        ),
        by=STAMP,
    )
    register.amend_employment(f"E-{sid}", percent=50, by=STAMP)
    register.record_outcome(
        OutcomeRecord(
            id=f"O-{sid}",
            person=sid,
            kind=OutcomeKind.FURTHER_EDUCATION,
            on=dt.date(2027, 1, 10),
            note="Begynte på vernepleie",
        ),
        by=STAMP,
    )


@pytest.fixture
def register() -> Register:
    """Three students; S-01 and S-02 graduated, hired and with an outcome each."""
    register = make_register(allow_synthetic_ids=True)
    for sid in ("S-01", "S-02"):
        graduate_with_a_job_and_an_outcome(register, sid)
    return register


def test_erasing_a_person_removes_the_student_and_every_record_of_theirs(
    register: Register,
) -> None:
    register.erase_person("S-01", by=LATER)

    assert "S-01" not in register.students
    assert ["E-S-02"] == list(register.employments)
    assert ["O-S-02"] == list(register.outcomes)
    held = everything_held(register)
    assert "S-01" not in held
    assert [] == occurrences(("[S-01]", "cert-S-01", "E-S-01", "O-S-01", "Ola Testesen"), held)


def test_erasing_a_person_removes_every_history_entry_about_them(register: Register) -> None:
    before = register.history

    register.erase_person("S-01", by=LATER)

    about_them = [
        c
        for c in before
        if c.record.startswith(path_of("S-01"))
        or c.record in ("employments[E-S-01]", "outcomes[O-S-01]")
    ]
    assert about_them
    assert unsealed(c for c in before if c not in about_them) == unsealed(register.history[:-1])
    assert [] == register.history_problems()  # the chain is sealed again


def test_the_erasure_is_recorded_without_naming_the_person(register: Register) -> None:
    register.erase_person("S-01", by=LATER)

    assert unsealed(
        [
            Change(
                stamp=LATER, action="person.erased", record=f"cohorts[{COHORT_ID}]", part="students"
            )
        ]
    ) == unsealed(register.history[-1:])
    assert (None, None) == (register.history[-1].before, register.history[-1].after)


def test_the_register_stays_valid_after_an_erasure(register: Register) -> None:
    register.erase_person("S-01", by=LATER)

    assert register == rebuilt(register)


def test_the_others_are_left_as_they_were(register: Register) -> None:
    others = {sid: s for sid, s in register.students.items() if sid != "S-01"}

    register.erase_person("S-01", by=LATER)

    assert others == dict(register.students)
    assert register.employment("E-S-02").percent.value == 50


def test_erasing_a_person_with_a_national_id_leaves_no_trace_of_the_number() -> None:
    register = make_register(0, allow_synthetic_ids=True)
    number = synthetic_id(3)
    enrol(register, "X-77", national_id=number)

    register.erase_person("X-77", by=LATER)

    assert [] == occurrences((number.value, "X-77", "Liv Fiktivsen"), everything_held(register))


def test_an_entry_elsewhere_whose_snapshot_holds_their_records_goes_too(
    register: Register,
) -> None:
    """A history loaded from elsewhere may hold a record of theirs the register no longer holds."""
    odd = Change(
        stamp=STAMP,
        action="employment.hired",
        record="employments[E-OLD]",
        after=attrs.evolve(register.employment("E-S-01"), id="E-OLD"),
    )
    loaded = Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        employments=register.employments.values(),
        outcomes=register.outcomes.values(),
        history=[*register.history, odd],
        allow_synthetic_ids=True,
    )

    loaded.erase_person("S-01", by=LATER)

    assert [] == [c for c in loaded.history if c.record == "employments[E-OLD]"]
    assert "E-S-02" in loaded.employments


def test_erasing_an_unknown_person_is_refused_and_changes_nothing(register: Register) -> None:
    before = register.copy()

    with pytest.raises(NotFoundError, match="no student with id 'S-99'"):
        register.erase_person("S-99", by=LATER)

    assert before == register


def test_an_erasure_without_a_stamp_is_refused_and_changes_nothing(register: Register) -> None:
    before = register.copy()

    with pytest.raises(RefusedChangeError, match="expected a Stamp"):
        register.erase_person("S-01", by="Personvernombud")  # type: ignore[arg-type]

    assert before == register


# -- properties over random registers ----------------------------------------------------


def about(change: Change, scenario: Scenario, sid: str) -> bool:
    """Whether a history entry concerns ``sid`` (an oracle independent of the library's)."""
    original = scenario.register
    theirs = [e for e in original.employments.values() if e.person == sid]
    paths = [path_of_student(scenario, sid)]
    paths += [f"employments[{e.id}]" for e in theirs]
    paths += [f"outcomes[{o.id}]" for o in original.outcomes.values() if o.person == sid]
    in_path = any(change.record == p or change.record.startswith((p + ".", p + "[")) for p in paths)
    held = everything_held_by(change)
    return in_path or sid in held or any(s in t for s in scenario.person(sid).secrets for t in held)


def path_of_student(scenario: Scenario, sid: str) -> str:
    return f"cohorts[{scenario.person(sid).cohort}].students[{sid}]"


def everything_held_by(change: Change) -> list[str]:
    return [*texts_in(change.before), *texts_in(change.after)]


@st.composite
def scenario_and_person(draw: st.DrawFn) -> tuple[Scenario, str]:
    scenario = draw(scenarios())
    return scenario, draw(st.sampled_from([p.id for p in scenario.people]))


@given(scenario_and_person())
def test_nothing_of_an_erased_person_remains_anywhere(pair: tuple[Scenario, str]) -> None:
    scenario, sid = pair
    register = scenario.register.copy()

    register.erase_person(sid, by=LATER)

    held = everything_held(register)
    assert [] == occurrences((sid, *scenario.person(sid).secrets), held)


@given(scenario_and_person())
def test_everything_else_is_what_it_was_and_still_valid(pair: tuple[Scenario, str]) -> None:
    scenario, sid = pair
    original = scenario.register
    student = original.student(sid)
    register = original.copy()

    register.erase_person(sid, by=LATER)

    assert {k: s for k, s in original.students.items() if k != sid} == dict(register.students)
    assert {k: e for k, e in original.employments.items() if e.person != sid} == dict(
        register.employments
    )
    assert {k: o for k, o in original.outcomes.items() if o.person != sid} == dict(
        register.outcomes
    )
    assert (dict(original.cohorts), dict(original.host_units), dict(original.budget_pots)) == (
        dict(register.cohorts),
        dict(register.host_units),
        dict(register.budget_pots),
    )
    kept = [c for c in original.history if not about(c, scenario, sid)]
    erasure = Change(
        stamp=LATER, action="person.erased", record=f"cohorts[{student.cohort}]", part="students"
    )
    assert unsealed([*kept, erasure]) == unsealed(register.history)
    assert [] == register.history_problems()
    assert register == rebuilt(register)


@given(scenario_and_person())
def test_after_an_erasure_the_counts_drop_by_the_person_alone(pair: tuple[Scenario, str]) -> None:
    scenario, sid = pair
    original = scenario.register
    student = original.student(sid)
    register = original.copy()

    register.erase_person(sid, by=LATER)

    after = {c.cohort: c for c in cohort_outcomes(register, scenario.as_of)}
    for c in cohort_outcomes(original, scenario.as_of):
        mine = c.cohort == student.cohort
        assert c.enrolled - (mine and student.enrolled_on is not None) == after[c.cohort].enrolled
        assert c.graduated - (mine and student.certificate is not None) == after[c.cohort].graduated
    everyone = progress_document(original, scenario.as_of)["students"]
    others = [s for s in everyone if s["student"] != sid]  # type: ignore[attr-defined, index]
    assert others == progress_document(register, scenario.as_of)["students"]
