"""Class lists and host units come in from sheets as attendance does (docs/csv.md).

All rows or none, every bad row named by row and column, no cell quoted back,
idempotent, a dry run that changes nothing, one history entry per change with
the importer's stamp, and a student missing from a later list never withdrawn.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from mbprogram import Contact, ImportRowsError, Register, Status
from mbprogram.storage.student_csv import import_students, import_students_text
from mbprogram.storage.unit_csv import import_units, import_units_text
from tests.builders import (
    COHORT,
    COHORT_ID,
    STAMP,
    make_register,
    placement,
    stamp,
    synthetic_id,
)

SHEETS = Path(__file__).resolve().parents[2] / "examples" / "sheets"
LATER = stamp(60)


def refused_lines(register: Register, change: object) -> list[str]:
    """Run ``change``; expect a refusal that left the register as it was; its problem lines."""
    before = register.copy()
    with pytest.raises(ImportRowsError) as caught:
        change()  # type: ignore[operator]
    assert before == register
    assert "refused; nothing was imported" in str(caught.value)
    return [str(p) for p in caught.value.problems]


def cohort_only() -> Register:
    register = Register()
    register.open_cohort(COHORT, by=STAMP)
    return register


# -- the sample sheets ------------------------------------------------------------------


def test_the_sample_class_list_adds_every_student_with_their_status_and_contact() -> None:
    register = cohort_only()

    result = import_students(register, SHEETS / "students.csv", cohort=COHORT_ID, by=LATER)

    assert (3, 3, 0, 0) == (result.rows, result.added, result.corrected, result.unchanged)
    ola = register.student("S-01")
    assert Contact(email="ola@example.org", phone="+47 400 00 001") == ola.contact
    assert Status.ACTIVE is ola.status
    assert Status.APPLICANT is register.student("S-03").status
    assert all(c.stamp == LATER for c in register.history[1:])
    assert 4 == len(register.history)  # the cohort, then one entry per student


def test_the_sample_units_sheet_with_excels_sep_line_adds_both_units() -> None:
    register = Register()

    result = import_units(register, SHEETS / "units.csv", by=LATER)

    assert 2 == result.added
    assert 2 == register.host_units["U1"].capacity
    assert "bolig" == register.host_units["U2"].kind


def test_importing_a_sheet_twice_changes_nothing_the_second_time() -> None:
    register = cohort_only()
    import_students(register, SHEETS / "students.csv", cohort=COHORT_ID, by=LATER)
    import_units(register, SHEETS / "units.csv", by=LATER)
    history = len(register.history)

    again = import_students(register, SHEETS / "students.csv", cohort=COHORT_ID, by=stamp(90))
    units = import_units(register, SHEETS / "units.csv", by=stamp(90))

    assert (3, 0, 0) == (again.unchanged, again.added, again.corrected)
    assert 2 == units.unchanged
    assert history == len(register.history)


def test_a_utf16_class_list_from_excels_unicode_text_is_read(tmp_path: Path) -> None:
    sheet = tmp_path / "students.txt"
    text = (SHEETS / "students.csv").read_text(encoding="utf-8").replace(";", "\t")
    sheet.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    register = cohort_only()

    assert 3 == import_students(register, sheet, cohort=COHORT_ID, by=LATER).added
    assert "Kari Prøvedal" == register.student("S-02").name


def test_a_utf16_sheet_without_a_byte_order_mark_is_refused_naming_the_encoding(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "units.txt"
    sheet.write_bytes("unit\tname\tcapacity\nU1\tSolheim\t2\n".encode("utf-16-le"))

    problems = refused_lines(Register(), lambda: import_units(Register(), sheet, by=LATER))

    assert 1 == len(problems)
    assert problems[0].startswith("file: the file looks like UTF-16 without a byte-order mark")


# -- a later class list ------------------------------------------------------------------


def test_a_later_list_corrects_contact_details_and_says_who_is_missing_without_withdrawing() -> (
    None
):
    register = make_register(3)
    text = "student;email;phone\nS-01;ny@example.org;+47 400 00 009\nS-02;;\n"

    result = import_students_text(register, text, cohort=COHORT_ID, by=LATER)

    assert (1, 1, 1) == (result.corrected, result.unchanged, result.missing)
    assert (
        Contact(email="ny@example.org", phone="+47 400 00 009") == register.student("S-01").contact
    )
    assert Status.ACTIVE is register.student("S-03").status
    assert "1 student of the cohort is not on the list; they are not withdrawn" in str(result)
    entry = register.history[-1]
    assert ("student.details-corrected", LATER) == (entry.action, entry.stamp)


def test_a_later_list_moves_a_status_on_through_the_register() -> None:
    register = make_register(2)
    text = "deltaker;status;dato\nS-01;permisjon;02.03.2026\nS-02;sluttet;09.03.2026\n"

    import_students_text(register, text, cohort=COHORT_ID, by=LATER)

    assert Status.ON_LEAVE is register.student("S-01").status
    assert Status.WITHDRAWN is register.student("S-02").status
    assert ["student.on-leave", "student.withdrawn"] == [c.action for c in register.history[-2:]]


def test_a_dry_run_counts_what_would_change_and_changes_nothing() -> None:
    register = cohort_only()
    before = register.copy()

    result = import_students(
        register, SHEETS / "students.csv", cohort=COHORT_ID, by=LATER, dry_run=True
    )

    assert (3, True) == (result.added, result.dry_run)
    assert before == register


def test_every_bad_row_is_named_and_no_cell_is_quoted_back() -> None:
    register = make_register(1, allow_synthetic_ids=True)
    number = synthetic_id(7).value
    text = (
        "student;name;national id;status;date\n"
        "S-09;=HYPERLINK(x);12345;aktiv;05.01.2026\n"
        "S-10;Liv Fiktivsen;;uteksaminert;05.01.2026\n"
        f"S-11;Siv Hemmelig;{number};aktiv;05.01.2026\n"
        "S-01;;;aktiv;06.01.2026\n"
        "Siv Hemmelig;;;;\n"
    )

    problems = refused_lines(
        register, lambda: import_students_text(register, text, cohort=COHORT_ID, by=LATER)
    )

    assert [
        (
            "row 2, column name: starts with =, +, - or @, which a spreadsheet reads as a formula; "
            "the cell is kept as written, so write it without that first character"
        ),
        "row 2, column national id: expected exactly eleven digits, got fewer characters",
        (
            "row 3, column status: a new student starts as applicant, admitted or active, not "
            "graduated"
        ),
        (
            "row 5, column date: the student has been active since 05.01.2026; an import does "
            "not move the day of a status"
        ),
        "row 6, column student: expected a student id (1-64 letters, digits and . _ : -)",
    ] == problems
    assert not any("Siv" in p or "HYPER" in p or "12345" in p or number in p for p in problems)


def test_a_national_id_another_student_has_is_refused_at_its_cell() -> None:
    register = make_register(1, allow_synthetic_ids=True)
    number = synthetic_id(1).value
    register.correct_details("S-01", national_id=synthetic_id(1), by=STAMP)
    text = f"student;name;national id;date\nS-02;Liv Fiktivsen;{number};05.01.2026\n"

    problems = refused_lines(
        register, lambda: import_students_text(register, text, cohort=COHORT_ID, by=LATER)
    )

    assert 1 == len(problems)
    assert problems[0].startswith("row 2, column national id: ")
    assert number not in problems[0]


# -- host units -------------------------------------------------------------------------------


def test_a_changed_capacity_is_corrected_and_one_below_the_students_placed_is_refused() -> None:
    register = make_register(2)
    register.place("S-01", placement("P1"), by=STAMP)
    register.place("S-02", placement("P1"), by=STAMP)

    problems = refused_lines(
        register, lambda: import_units_text(register, "unit;capacity\nU1;1\n", by=LATER)
    )
    result = import_units_text(register, "unit;capacity;name\nU1;3;Solheim\n", by=LATER)

    assert problems[0].startswith("row 2, column capacity: ")
    assert (1, 3, "Solheim") == (
        result.corrected,
        register.host_units["U1"].capacity,
        register.host_units["U1"].name,
    )
