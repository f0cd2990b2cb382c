"""Property tests: a register's students and units written as sheets come back the same,
importing twice changes nothing, and one bad row anywhere imports nothing."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import Contact, HostUnit, ImportRowsError, Register, Status, Student
from mbprogram.storage.student_csv import import_students_text
from mbprogram.storage.unit_csv import import_units_text
from tests.builders import COHORT, COHORT_ID, PERIOD, STAMP, stamp, synthetic_id

LATER = stamp(60)
WORDS = st.text(st.characters(codec="utf-8", categories=("L",)), min_size=1, max_size=12)
NAMES = st.builds(lambda a, b: f"{a} {b}", WORDS, WORDS)
EMAILS = st.one_of(
    st.just(""),
    st.builds(lambda a: f"{a}@example.org", st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
)
PHONES = st.one_of(st.just(""), st.from_regex(r"\+47 [0-9]{3} [0-9]{2} [0-9]{3}", fullmatch=True))
STATUSES = st.sampled_from([Status.APPLICANT, Status.ADMITTED, Status.ACTIVE])
WORD_OF = {Status.APPLICANT: "søker", Status.ADMITTED: "tatt opp", Status.ACTIVE: "active"}


@st.composite
def class_lists(draw: st.DrawFn) -> Register:
    """A register of the cohort with students as a class list can hold them."""
    register = fresh()
    for i in range(draw(st.integers(1, 6))):
        email, phone = draw(EMAILS), draw(PHONES)
        student = Student(
            id=f"S-{i:02d}",
            cohort=COHORT_ID,
            name=draw(NAMES),
            national_id=synthetic_id(10 * i + 2) if draw(st.booleans()) else None,
            contact=Contact(email=email, phone=phone) if email or phone else None,
        )
        on = draw(st.dates(PERIOD.start, PERIOD.end))
        status = draw(STATUSES)
        if status is Status.APPLICANT:
            register.add_applicant(student, on=on, by=STAMP)
        elif status is Status.ADMITTED:
            register.admit(student, on=on, by=STAMP)
        else:
            register.enrol(student, on=on, by=STAMP)
    return register


def written(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def class_list(register: Register, delimiter: str, nb: bool) -> str:
    rows = [["deltaker", "navn", "fødselsnummer", "e-post", "telefon", "status", "dato"]]
    for s in register.students_of(COHORT_ID):
        latest = s.status_history[-1]
        contact = s.contact or Contact()
        day = f"{latest.on:%d.%m.%Y}" if nb else latest.on.isoformat()
        number = s.national_id.value if s.national_id is not None else ""
        status = WORD_OF[latest.status]
        rows.append([s.id, s.name, number, contact.email, contact.phone, status, day])
    return written(rows, delimiter)


def fresh() -> Register:
    register = Register(allow_synthetic_ids=True)
    register.open_cohort(COHORT, by=STAMP)
    return register


def records(register: Register) -> list[Student]:
    return list(register.students_of(COHORT_ID))


@given(class_lists(), st.sampled_from([";", ",", "\t"]), st.booleans())
def test_a_class_list_written_from_a_register_imports_into_an_empty_one_as_the_same_students(
    register: Register, delimiter: str, nb: bool
) -> None:
    text = class_list(register, delimiter, nb)
    copy = fresh()

    import_students_text(copy, text, cohort=COHORT_ID, by=LATER)

    assert records(register) == records(copy)


@given(class_lists(), st.sampled_from([";", ","]))
def test_importing_a_class_list_twice_changes_nothing_the_second_time(
    register: Register, delimiter: str
) -> None:
    text = class_list(register, delimiter, True)
    copy = fresh()
    import_students_text(copy, text, cohort=COHORT_ID, by=LATER)
    history = len(copy.history)

    again = import_students_text(copy, text, cohort=COHORT_ID, by=LATER)

    assert (again.rows, history) == (again.unchanged, len(copy.history))


@given(class_lists(), st.data())
def test_one_bad_row_anywhere_imports_nothing_and_is_named(
    register: Register, data: st.DataObject
) -> None:
    lines = class_list(register, ";", True).splitlines()
    bad = data.draw(st.integers(1, len(lines)))
    lines.insert(bad, "S-99;Ny Person;;;;sluttet;01.02.2026")
    copy = fresh()
    before = copy.copy()

    with pytest.raises(ImportRowsError) as caught:
        import_students_text(copy, "\n".join(lines) + "\n", cohort=COHORT_ID, by=LATER)

    assert [f"row {bad + 1}, column status"] == [p.path for p in caught.value.problems]
    assert before == copy


UNITS = st.lists(
    st.builds(
        HostUnit,
        id=st.from_regex(r"U[0-9]{1,3}", fullmatch=True),
        name=NAMES,
        capacity=st.integers(1, 1000),
        kind=st.one_of(st.just(""), WORDS),
    ),
    max_size=6,
    unique_by=lambda u: u.id,
)


@given(UNITS, st.sampled_from([";", ","]))
def test_units_written_as_a_sheet_come_back_the_same_and_once(
    units: list[HostUnit], delimiter: str
) -> None:
    rows = [["unit", "name", "capacity", "kind"]]
    rows += [[u.id, u.name, str(u.capacity), u.kind] for u in units]
    text = "sep=" + delimiter + "\n" + written(rows, delimiter)
    register = Register()

    import_units_text(register, text, by=LATER)
    again = import_units_text(register, text, by=LATER)

    assert {u.id: u for u in units} == dict(register.host_units)
    assert len(units) == again.unchanged
