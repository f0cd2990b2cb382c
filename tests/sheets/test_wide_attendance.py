"""Attendance kept by hand: a row per student and a column per session date (docs/csv.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbprogram import ExcusedAbsence, Hours, ImportRowsError, Present, UnexcusedAbsence
from mbprogram.storage.attendance_csv import import_attendance, import_attendance_text
from tests.builders import SESSION_HOURS, make_register, session_id, stamp

SHEETS = Path(__file__).resolve().parents[2] / "examples" / "sheets"
LATER = stamp(60)


def test_the_sample_wide_sheet_records_x_1_hours_and_f_and_skips_empty_cells() -> None:
    register = make_register(2)

    result = import_attendance(register, SHEETS / "attendance-wide.csv", by=LATER, cohort="K1")

    assert 5 == result.recorded
    ola = {a.session: a.mark for a in register.student("S-01").attendance}
    kari = {a.session: a.mark for a in register.student("S-02").attendance}
    assert {
        session_id(1): Present(SESSION_HOURS),
        session_id(2): Present(Hours("3.5")),
        session_id(3): ExcusedAbsence(),
    } == ola
    assert {session_id(1): Present(SESSION_HOURS), session_id(3): Present(SESSION_HOURS)} == kari


def test_a_wide_sheet_with_a_sep_line_imports_once() -> None:
    register = make_register(1)
    text = "sep=,\nstudent,2026-01-07,2026-01-14\nS-01,U,\n"

    first = import_attendance_text(register, text, by=LATER)
    again = import_attendance_text(register, text, by=LATER)

    assert (1, 1) == (first.recorded, again.unchanged)
    assert UnexcusedAbsence() == register.student("S-01").attendance[0].mark


def test_an_f_in_a_wide_sheet_keeps_the_reason_recorded_already() -> None:
    register = make_register(1)
    register.record_attendance("S-01", session_id(1), ExcusedAbsence("Legetime"), by=LATER)

    result = import_attendance_text(register, "deltaker;07.01.2026\nS-01;F\n", by=LATER)

    assert 1 == result.unchanged
    assert ExcusedAbsence("Legetime") == register.student("S-01").attendance[0].mark


def test_a_bad_cell_is_named_by_its_date_column_and_nothing_is_imported() -> None:
    register = make_register(1)
    before = register.copy()
    text = "deltaker;07.01.2026;14.01.2026;13.01.2026\nS-01;x;syk;\nS-01;;;x\n"

    with pytest.raises(ImportRowsError) as caught:
        import_attendance_text(register, text, by=LATER)

    assert [
        (
            "row 2, column 14.01.2026: expected x or 1 (present), hours such as 3,5, F (excused "
            "absence), U (unexcused absence) or an empty cell"
        ),
        "row 3, column 13.01.2026: no session of cohort K1 on 13.01.2026",
    ] == [str(p) for p in caught.value.problems]
    assert before == register


def test_a_sheet_with_both_date_columns_and_a_date_column_is_refused() -> None:
    with pytest.raises(ImportRowsError) as caught:
        import_attendance_text(make_register(1), "student;dato;07.01.2026\nS-01;;x\n", by=LATER)

    assert [
        (
            "row 1, column dato: a date column in a sheet with a column for each session date; "
            "give either, not both"
        )
    ] == [str(p) for p in caught.value.problems]
