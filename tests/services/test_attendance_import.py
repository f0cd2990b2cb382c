"""The attendance import as a use case: rows already read, looked up and recorded, all or none.

The CSV side (headers, cell formats, encodings) is tested through the adapter
in ``tests/storage/test_attendance_csv.py``; here the rows are made directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    ExcusedAbsence,
    Hours,
    ImportRowsError,
    InvalidValueError,
    Mark,
    NotFoundError,
    Present,
    Problem,
    Register,
    UnexcusedAbsence,
)
from mbprogram.model.privacy import Privacy, classification
from mbprogram.services.attendance_import import AttendanceImport, import_attendance_rows
from mbprogram.services.attendance_rows import (
    REFUSED,
    WHOLE_SESSION,
    AttendanceRow,
    RowColumns,
    Unreadable,
    cell_path,
)
from tests import strategies as s
from tests.builders import COHORT, NAMES, SESSION_HOURS, make_register, session_day, stamp

LATER = stamp(60)
COLUMNS = RowColumns(student="student", name="name", session="session", date="date", mark="hours")


def row(number: int = 2, **cells: Any) -> AttendanceRow:
    """A row naming ``S-01`` and ``SES-01``, present for three hours, unless ``cells`` say else."""
    given = {"student": "S-01", "session": "SES-01", "mark": Present(Hours(3)), **cells}
    return AttendanceRow(number=number, columns=COLUMNS, **given)


def unreadable(number: int, column: str, message: str = "expected hours") -> Unreadable:
    return Unreadable([Problem(cell_path(number, column), message)])


def refused(register: Register, *rows: AttendanceRow) -> list[str]:
    """Import ``rows``, expect a refusal that changed nothing, and return its problem lines."""
    before = register.copy()
    with pytest.raises(ImportRowsError) as caught:
        import_attendance_rows(register, rows, by=LATER)
    assert before == register
    assert REFUSED == caught.value.summary
    return [str(p) for p in caught.value.problems]


def marks_of(register: Register, sid: str) -> dict[str, Mark]:
    return {a.session: a.mark for a in register.student(sid).attendance}


# -- what good rows record ---------------------------------------------------------------


def test_rows_by_id_and_by_name_and_date_record_their_marks() -> None:
    register = make_register()

    result = import_attendance_rows(
        register,
        [
            row(2),
            row(3, student="", name=" ola  TESTESEN ", session="", day=session_day(2)),
            row(4, student="S-02", mark=UnexcusedAbsence()),
        ],
        by=LATER,
    )

    assert AttendanceImport(rows=3, recorded=3, corrected=0, unchanged=0) == result
    assert {"SES-01": Present(Hours(3)), "SES-02": Present(Hours(3))} == marks_of(register, "S-01")
    assert {"SES-01": UnexcusedAbsence()} == marks_of(register, "S-02")
    assert {LATER} == {c.stamp for c in register.history[-3:]}


def test_presence_for_the_whole_session_records_the_sessions_length() -> None:
    register = make_register()

    import_attendance_rows(register, [row(mark=WHOLE_SESSION)], by=LATER)

    assert {"SES-01": Present(SESSION_HOURS)} == marks_of(register, "S-01")


def test_a_repeated_row_is_unchanged_and_a_new_mark_a_correction() -> None:
    register = make_register()
    import_attendance_rows(register, [row()], by=LATER)

    result = import_attendance_rows(
        register, [row(2), row(3, mark=ExcusedAbsence("Syk"), student="S-02")], by=LATER
    )
    again = import_attendance_rows(register, [row(2, mark=Present(Hours(4)))], by=LATER)

    assert AttendanceImport(rows=2, recorded=1, corrected=0, unchanged=1) == result
    assert AttendanceImport(rows=1, recorded=0, corrected=1, unchanged=0) == again


def test_a_dry_run_counts_and_changes_nothing() -> None:
    register = make_register()

    result = import_attendance_rows(register, [row()], by=LATER, dry_run=True)

    assert AttendanceImport(rows=1, recorded=1, corrected=0, unchanged=0, dry_run=True) == result
    assert make_register() == register


# -- what bad rows say -------------------------------------------------------------------


def test_a_rows_problems_come_in_the_order_of_its_cells() -> None:
    bad = row(
        5,
        student="S-99",
        session="",
        day=unreadable(5, "date", "expected a date"),
        mark=unreadable(5, "hours"),
        problems=[Problem(cell_path(5, "F"), "a value under no header")],
    )

    assert [
        "row 5, column F: a value under no header",
        "row 5, column student: no student with this id",
        "row 5, column date: expected a date",
        "row 5, column hours: expected hours",
    ] == refused(make_register(), bad)


def test_every_bad_row_is_named_in_row_order_and_no_good_row_is_imported() -> None:
    assert [
        "row 3, column session: no session with this id in cohort K1",
        "row 4, column hours: 6 h is more than the session's length of 5 h",
        "row 5, column hours: conflicts with row 2 for the same student and session",
    ] == refused(
        make_register(),
        row(2),
        row(3, session="SES-99"),
        row(4, student="S-02", mark=Present(Hours(6))),
        row(5, mark=Present(Hours(2))),
    )


def test_a_name_that_is_not_the_students_is_refused_without_echoing_it() -> None:
    problems = refused(make_register(), row(name="Nina Hemmelig"))

    assert ["row 2, column name: not the name of the student with the id given"] == problems
    assert "Hemmelig" not in str(problems)


def test_a_row_with_no_student_and_no_session_says_what_is_missing() -> None:
    assert [
        "row 2, column student: no student given; expected a student id or name",
        "row 2, column session: no session given; expected a session id or date",
    ] == refused(make_register(), row(student="", session=""))


# -- order of the checks -----------------------------------------------------------------


def never_read() -> Iterator[AttendanceRow]:
    raise AssertionError("the rows were read")
    yield  # pragma: no cover - makes this a generator


def test_the_stamp_and_the_cohort_are_checked_before_any_row_is_read() -> None:
    with pytest.raises(InvalidValueError, match="by: expected a Stamp"):
        import_attendance_rows(make_register(), never_read(), by="kari")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        import_attendance_rows(make_register(), never_read(), by=LATER, cohort="K9")


# -- the rows themselves -----------------------------------------------------------------


def test_a_rows_name_is_classified_and_never_shown() -> None:
    shown = repr(row(name="Ola Testesen"))

    assert Privacy.DIRECT_IDENTIFIER == classification(AttendanceRow)["name"]
    assert "Ola" not in shown
    assert "number=2" in shown


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        ({"number": 0}, "number"),
        ({"mark": "3"}, "mark"),
        ({"day": "2026-01-07"}, "day"),
        ({"problems": ["bad"]}, "problems[0]"),
    ],
)
def test_a_row_holds_only_what_its_fields_say(cells: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValueError, match=rf"^{re.escape(field)}: expected"):
        row(**cells)


def test_unreadable_cells_say_why() -> None:
    with pytest.raises(InvalidValueError, match="problems: expected at least one problem"):
        Unreadable([])


# -- properties --------------------------------------------------------------------------

ROWS = s.attendance_rows(students=NAMES, sessions=COHORT.sessions[:3])


def named(register: Register, accepted: AttendanceRow) -> tuple[str, str, Mark]:
    """The student, session and mark an accepted row stands for."""
    sid = accepted.student or next(i for i, n in NAMES.items() if n == accepted.name)
    cohort = register.cohort(COHORT.id)
    session = cohort.session(accepted.session) if accepted.session else None
    if session is None:
        session = next(x for x in cohort.sessions if x.day == accepted.day)
    mark = Present(session.hours) if accepted.mark is WHOLE_SESSION else accepted.mark
    assert not isinstance(mark, Unreadable | type(WHOLE_SESSION))
    return sid, session.id, mark


@given(ROWS, st.booleans())
def test_any_rows_are_recorded_all_or_none_and_a_second_import_changes_nothing(
    rows: list[AttendanceRow], dry_run: bool
) -> None:
    register = make_register()
    try:
        result = import_attendance_rows(register, rows, by=LATER, dry_run=dry_run)
    except ImportRowsError as e:
        assert make_register() == register
        numbers = [int(p.path.split(",")[0].removeprefix("row ")) for p in e.problems]
        assert sorted(numbers) == numbers
        return
    assert len(rows) == result.rows == result.recorded + result.corrected + result.unchanged
    if dry_run:
        assert make_register() == register
        return
    for accepted in rows:
        sid, session, mark = named(register, accepted)
        assert mark == marks_of(register, sid)[session]
    again = import_attendance_rows(register, rows, by=LATER)
    assert (0, 0) == (again.recorded, again.corrected)
