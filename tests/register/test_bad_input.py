"""Bad input to the register: a clear library error, nothing quoted that failed its check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from mbprogram import (
    HostUnit,
    Hours,
    InvalidValueError,
    Present,
    RecordPath,
    RefusedChangeError,
    Register,
    Student,
    UnexcusedAbsence,
    ValidationError,
)
from mbprogram.paths import Segment
from tests.builders import (
    COHORT,
    COHORT_ID,
    ENROLMENT_DAY,
    STAMP,
    UNIT_ONE_PLACE,
    make_register,
    placement,
    refused,
    session_id,
)

NOT_AN_ID = ["12345678901", "Ola Nordmann", "x" * 100]


@pytest.mark.parametrize("key", NOT_AN_ID)
def test_a_placement_key_that_is_not_an_id_is_refused_without_being_quoted(key: str) -> None:
    register = make_register(1)
    register.place("S-01", placement(), by=STAMP)
    changes = [
        lambda: register.record_placement_absence("S-01", key, day=dt.date(2026, 3, 3), by=STAMP),
        lambda: register.end_placement_early("S-01", key, last_day=dt.date(2026, 4, 1), by=STAMP),
        lambda: register.cancel_placement_absence("S-01", key, day=dt.date(2026, 3, 3), by=STAMP),
    ]
    for change in changes:
        error = refused(register, change)

        assert key not in str(error)
        assert "not a valid id" in str(error)


@pytest.mark.parametrize("key", NOT_AN_ID)
def test_a_session_key_that_is_not_an_id_is_refused_without_being_quoted(key: str) -> None:
    register = make_register(1)

    error = refused(register, lambda: register.cancel_session(COHORT_ID, key, by=STAMP))

    assert key not in str(error)


def test_a_day_that_is_not_a_date_is_refused_without_being_quoted() -> None:
    register = make_register(1)
    register.place("S-01", placement(), by=STAMP)

    error = refused(
        register,
        lambda: register.cancel_placement_absence("S-01", "P1", day="12345678901", by=STAMP),  # type: ignore[arg-type]
    )

    assert "12345678901" not in str(error)
    assert "expected a date" in str(error)


def test_records_of_the_wrong_kind_are_refused_with_their_positions() -> None:
    with pytest.raises(ValidationError) as caught:
        Register.from_records(
            cohorts=[COHORT, 1],  # type: ignore[list-item]
            students=None,  # type: ignore[arg-type]
            host_units=[COHORT],  # type: ignore[list-item]
            history=[1],  # type: ignore[list-item]
        )

    assert ["cohorts[1]", "students", "host_units[0]", "history[0]"] == [
        p.path for p in caught.value.problems
    ]


def test_allow_synthetic_ids_is_a_bool() -> None:
    with pytest.raises(InvalidValueError, match="allow_synthetic_ids"):
        Register(allow_synthetic_ids="no")  # type: ignore[arg-type]


def test_a_state_put_together_by_hand_is_checked_like_a_load() -> None:
    register = make_register(2)
    crowded = {
        sid: attrs.evolve(register.student(sid), placements=(placement(unit=UNIT_ONE_PLACE),))
        for sid in ("S-01", "S-02")
    }

    with pytest.raises(ValidationError) as caught:
        Register.from_state(attrs.evolve(register.state, students=crowded))

    assert {"HOST_UNIT_OVER_CAPACITY"} == caught.value.codes


def test_a_state_holds_copies_of_the_tables_it_is_given() -> None:
    register = make_register(1)
    students = dict(register.students)
    state = attrs.evolve(register.state, students=students)
    students.clear()

    assert ["S-01"] == list(Register.from_state(state).students)


def test_a_cohorts_lookup_tables_cannot_be_changed_behind_its_back() -> None:
    cohort = make_register(1).cohort(COHORT_ID)

    with pytest.raises(TypeError):
        cohort.session_table[session_id(1)] = (dt.date(2026, 1, 7), Decimal(100))  # type: ignore[index]
    with pytest.raises(TypeError):
        cohort.sessions_by_id[session_id(1)] = cohort.sessions[0]  # type: ignore[index]


def test_a_student_of_a_subclass_is_kept_like_any_student() -> None:
    class Pupil(Student):
        pass

    register = make_register(0)
    register.enrol(
        Pupil(id="S-09", cohort=COHORT_ID, name="Siri Fiktivsen"), on=ENROLMENT_DAY, by=STAMP
    )

    assert ["S-09"] == list(register.students)


def test_a_record_path_is_read_from_its_text_and_cannot_be_changed() -> None:
    path = RecordPath("cohorts[K1].students[S-01]")

    assert (Segment("cohorts", "K1"), Segment("students", "S-01")) == path.segments
    assert RecordPath.parse("cohorts[K1].students[S-01].attendance[T1]").is_within(str(path))
    with pytest.raises(AttributeError):
        path.segments = ()  # type: ignore[misc]


def test_a_refused_change_for_a_closed_student_names_the_rule_first() -> None:
    register = make_register(1)
    register.place("S-01", placement(), by=STAMP)
    register.record_attendance("S-01", session_id(1), UnexcusedAbsence(), by=STAMP)
    register.withdraw("S-01", on=dt.date(2026, 3, 2), by=STAMP)

    error = refused(
        register,
        lambda: register.end_placement_early("S-01", "P1", last_day="soon", by=STAMP),  # type: ignore[arg-type]
    )

    assert {"RECORDS_CLOSED"} == error.codes


def test_adding_a_host_unit_whose_id_is_taken_is_refused_with_the_rule() -> None:
    register = make_register(0)

    error = refused(
        register,
        lambda: register.add_host_unit(
            HostUnit(id=UNIT_ONE_PLACE, name="Annet", capacity=1), by=STAMP
        ),
    )

    assert {"ID_USED_TWICE"} == error.codes
    assert isinstance(error, RefusedChangeError)


def test_attendance_for_an_unknown_session_is_refused_with_the_rule() -> None:
    register = make_register(1)

    error = refused(
        register, lambda: register.record_attendance("S-01", "SES-99", Present(Hours(1)), by=STAMP)
    )

    assert {"UNKNOWN_RECORD"} == error.codes
