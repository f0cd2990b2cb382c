"""Attendance sheets import all rows or none, name every bad row, and import once.

Each bad-row test goes through :func:`refused`, which also checks that the
register (history included) is exactly as it was before the import.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import attrs
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
    Register,
    Session,
    UnexcusedAbsence,
)
from mbprogram.storage.attendance_csv import (
    AttendanceImport,
    import_attendance,
    import_attendance_text,
)
from tests.builders import (
    COHORT,
    NAMES,
    SESSION_HOURS,
    SESSIONS,
    STAMP,
    enrol,
    make_register,
    session_day,
    session_id,
    stamp,
)

LATER = stamp(60)
STUDENTS = tuple(NAMES)


def marks_of(register: Register, sid: str) -> dict[str, Mark]:
    """A student's marks by session id."""
    return {a.session: a.mark for a in register.student(sid).attendance}


def refused(register: Register, text: str, *, cohort: str | None = None) -> list[str]:
    """Import ``text``, expect a refusal that changed nothing, and return its problem lines."""
    before = register.copy()
    with pytest.raises(ImportRowsError) as caught:
        import_attendance_text(register, text, by=LATER, cohort=cohort)
    assert before == register
    assert len(before.history) == len(register.history)
    assert str(caught.value).startswith("attendance import refused; nothing was imported")
    return [str(p) for p in caught.value.problems]


def sheet(*lines: str) -> str:
    """CSV text from lines."""
    return "\n".join(lines) + "\n"


# -- what a good sheet records -------------------------------------------------------


def test_a_norwegian_sheet_records_hours_and_absences() -> None:
    register = make_register()
    text = sheet(
        "deltaker;dato;timer;fravær;grunn",
        "S-01;07.01.2026;3,5;;",
        "S-02;7.1.2026;;F;Legetime",
        "S-03;07.01.2026;;U;",
    )

    result = import_attendance_text(register, text, by=LATER)

    assert AttendanceImport(rows=3, recorded=3, corrected=0, unchanged=0) == result
    assert {session_id(1): Present(Hours("3.5"))} == marks_of(register, "S-01")
    assert {session_id(1): ExcusedAbsence("Legetime")} == marks_of(register, "S-02")
    assert {session_id(1): UnexcusedAbsence()} == marks_of(register, "S-03")


def test_norwegian_and_iso_conventions_give_the_same_register() -> None:
    norwegian = sheet(
        "Deltaker;Dato;Timer;Fravær;Grunn",
        "S-01;07.01.2026;3,5;;",
        "S-01;14.01.2026;;fravær;Syk",
        "S-02;7.1.2026;5;;",
        "S-02;14.1.2026;;ugyldig;",
    )
    iso = sheet(
        "student,date,hours,status,reason",
        "S-01,2026-01-07,3.5,,",
        "S-01,2026-01-14,,excused,Syk",
        "S-02,2026-01-07,5.0,,",
        "S-02,2026-01-14,,unexcused,",
    )
    a, b = make_register(), make_register()

    import_attendance_text(a, norwegian, by=LATER)
    import_attendance_text(b, iso, by=LATER)

    assert a == b
    assert 4 == len(a.history) - len(make_register().history)


def test_a_quoted_decimal_comma_is_read_in_a_comma_separated_sheet() -> None:
    register = make_register()

    import_attendance_text(register, sheet("student,session,hours", 'S-01,SES-01,"2,25"'), by=LATER)

    assert {session_id(1): Present(Hours("2.25"))} == marks_of(register, "S-01")


def test_a_tab_separated_sheet_is_read() -> None:
    register = make_register()

    import_attendance_text(register, sheet("student\tsession\thours", "S-01\tSES-01\t4"), by=LATER)

    assert {session_id(1): Present(Hours(4))} == marks_of(register, "S-01")


def test_students_are_found_by_name_ignoring_case_and_spaces() -> None:
    register = make_register()

    import_attendance_text(
        register, sheet("navn;økt;timer", "  kari   PRØVEDAL ;SES-02;2"), by=LATER
    )

    assert {session_id(2): Present(Hours(2))} == marks_of(register, "S-02")


def test_a_present_code_without_hours_means_the_whole_session() -> None:
    register = make_register()

    import_attendance_text(register, sheet("student;session;status", "S-01;SES-01;møtt"), by=LATER)

    assert {session_id(1): Present(SESSION_HOURS)} == marks_of(register, "S-01")


def test_headers_are_matched_ignoring_case_spaces_and_underscores() -> None:
    register = make_register()

    import_attendance_text(
        register, sheet(" Student_ID ; SESSION ;Hours;Merknad", "S-01;SES-01;1;kom sent"), by=LATER
    )

    assert {session_id(1): Present(Hours(1))} == marks_of(register, "S-01")


def test_blank_rows_are_skipped_and_still_numbered() -> None:
    register = make_register()
    text = sheet("student;session;hours", "S-01;SES-01;1", ";;", "", "S-01;SES-99;1")

    assert ["row 5, column session: no session with this id in cohort K1"] == refused(
        register, text
    )


def test_an_excel_bom_is_ignored_in_text_and_in_files(tmp_path: Path) -> None:
    text = sheet("deltaker;økt;timer", "S-01;SES-01;2,5")
    path = tmp_path / "oppmøte.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    from_text, from_file = make_register(), make_register()

    import_attendance_text(from_text, "\ufeff" + text, by=LATER)
    import_attendance(from_file, path, by=LATER)

    assert {session_id(1): Present(Hours("2.5"))} == marks_of(from_file, "S-01")
    assert from_text == from_file


def test_a_windows_1252_file_from_norwegian_excel_is_read(tmp_path: Path) -> None:
    path = tmp_path / "oppmøte.csv"
    path.write_bytes(
        sheet("navn;dato;fravær;grunn", "Kari Prøvedal;07.01.2026;F;Sør").encode("cp1252")
    )
    register = make_register()

    import_attendance(register, str(path), by=LATER)

    assert {session_id(1): ExcusedAbsence("Sør")} == marks_of(register, "S-02")


def test_text_and_binary_streams_are_read() -> None:
    text = sheet("student;session;hours", "S-01;SES-01;2")
    a, b = make_register(), make_register()

    import_attendance(a, io.StringIO(text), by=LATER)
    import_attendance(b, io.BytesIO(text.encode("utf-8-sig")), by=LATER)

    assert a == b
    assert {session_id(1): Present(Hours(2))} == marks_of(a, "S-01")


def test_a_header_only_sheet_imports_nothing() -> None:
    register = make_register()
    before = register.copy()

    result = import_attendance_text(register, "student;session;hours\n", by=LATER)

    assert AttendanceImport(rows=0, recorded=0, corrected=0, unchanged=0) == result
    assert before == register


def test_the_result_reads_as_a_sentence_and_as_a_dict() -> None:
    result = AttendanceImport(rows=3, recorded=1, corrected=1, unchanged=1)

    assert "3 rows read: 1 recorded, 1 corrected, 1 unchanged" == str(result)
    assert {"rows": 3, "recorded": 1, "corrected": 1, "unchanged": 1, "dry_run": False} == (
        result.as_dict()
    )


# -- idempotence and corrections ------------------------------------------------------


def test_importing_the_same_sheet_twice_changes_nothing_the_second_time() -> None:
    register = make_register()
    text = sheet(
        "deltaker;dato;timer;fravær;grunn",
        "S-01;07.01.2026;3,5;;",
        "S-02;07.01.2026;;F;Legetime",
        "S-03;07.01.2026;;U;",
    )
    import_attendance_text(register, text, by=LATER)
    after_first = register.copy()

    result = import_attendance_text(register, text, by=stamp(120))

    assert AttendanceImport(rows=3, recorded=0, corrected=0, unchanged=3) == result
    assert after_first == register
    assert len(after_first.history) == len(register.history)


def test_a_changed_mark_is_a_correction_that_the_history_keeps() -> None:
    register = make_register()
    import_attendance_text(register, sheet("student;session;hours", "S-01;SES-01;2"), by=LATER)

    result = import_attendance_text(
        register, sheet("student;session;hours", "S-01;SES-01;5", "S-01;SES-02;5"), by=stamp(120)
    )

    assert AttendanceImport(rows=2, recorded=1, corrected=1, unchanged=0) == result
    last = register.history_of("cohorts[K1].students[S-01].attendance[SES-01]")[-1]
    assert ("attendance.corrected", stamp(120)) == (last.action, last.stamp)
    assert Present(Hours(2)) == last.before.mark  # type: ignore[attr-defined]


def test_a_repeated_identical_row_is_counted_unchanged() -> None:
    register = make_register()
    text = sheet("student;session;hours", "S-01;SES-01;2", "S-01;SES-01;2,0")

    result = import_attendance_text(register, text, by=LATER)

    assert AttendanceImport(rows=2, recorded=1, corrected=0, unchanged=1) == result


def test_a_dry_run_counts_but_changes_nothing() -> None:
    register = make_register()
    before = register.copy()

    result = import_attendance_text(
        register, sheet("student;session;hours", "S-01;SES-01;2"), by=LATER, dry_run=True
    )

    assert AttendanceImport(rows=1, recorded=1, corrected=0, unchanged=0, dry_run=True) == result
    assert (
        "1 row read: 1 would be recorded, 0 would be corrected, 0 unchanged"
        " (dry run: nothing was saved)"
    ) == str(result)
    assert before == register


def test_a_row_repeating_a_closed_record_is_accepted_unchanged() -> None:
    register = make_register()
    text = sheet("student;session;hours", "S-03;SES-01;5")
    import_attendance_text(register, text, by=LATER)
    register.withdraw("S-03", on=dt.date(2026, 2, 1), by=LATER)

    result = import_attendance_text(register, text, by=stamp(120))

    assert 1 == result.unchanged


# -- bad rows ---------------------------------------------------------------------------

HEADER = "student;session;date;hours;status;reason"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("S-99;SES-01;;3;;", "row 2, column student: no student with this id"),
        (";SES-01;;3;;", "row 2, column student: no student given; expected a student id or name"),
        ("S-01;SES-99;;3;;", "row 2, column session: no session with this id in cohort K1"),
        ("S-01;;08.01.2026;3;;", "row 2, column date: no session of cohort K1 on 08.01.2026"),
        (
            "S-01;;31.02.2026;3;;",
            "row 2, column date: expected a day in the calendar; the day or month is out of range",
        ),
        (
            "S-01;;7/1/26;3;;",
            "row 2, column date: expected a date such as 07.01.2026 or 2026-01-07",
        ),
        (
            "S-01;SES-01;14.01.2026;3;;",
            "row 2, column date: session SES-01 is on 07.01.2026, not 14.01.2026",
        ),
        ("S-01;;;3;;", "row 2, column session: no session given; expected a session id or date"),
        ("S-01;SES-01;;tre;;", "row 2, column hours: expected hours such as 3,5 or 3.5"),
        (
            "S-01;SES-01;;3.5.1;;",
            "row 2, column hours: expected hours such as 3,5 or 3.5",
        ),
        ("S-01;SES-01;;1e3;;", "row 2, column hours: expected hours such as 3,5 or 3.5"),
        ("S-01;SES-01;;nan;;", "row 2, column hours: expected hours such as 3,5 or 3.5"),
        ("S-01;SES-01;;inf;;", "row 2, column hours: expected hours such as 3,5 or 3.5"),
        (
            "S-01;SES-01;;1 000;;",
            "row 2, column hours: expected hours such as 3,5 or 3.5",
        ),
        (
            "S-01;SES-01;;-1;;",
            "row 2, column hours: expected 0 or more hours, got a negative number",
        ),
        (
            "S-01;SES-01;;5,5;;",
            "row 2, column hours: 5.5 h is more than the session's length of 5 h",
        ),
        (
            "S-01;SES-01;;3;F;",
            "row 2, column hours: hours given for an absence; give either hours or an absence code",
        ),
        ("S-01;SES-01;;;;", "row 2, column hours: no hours and no attendance code"),
    ],
)
def test_a_bad_row_is_named_by_row_and_column(row: str, expected: str) -> None:
    register = make_register()

    assert [expected] == refused(register, sheet(HEADER, row))


def test_an_unknown_name_is_refused_without_echoing_it() -> None:
    problems = refused(make_register(), sheet("navn;økt;timer", "Siri Syntetland;SES-01;3"))

    assert ["row 2, column navn: no student has this name"] == problems


def test_an_ambiguous_name_is_refused_without_echoing_it() -> None:
    register = make_register()
    enrol(register, "S-04", name=NAMES["S-01"])

    problems = refused(register, sheet("navn;økt;timer", "ola testesen;SES-01;3"), cohort="K1")

    assert [
        "row 2, column navn: 2 students in cohort K1 have this name; give the student id instead"
    ] == problems
    assert "testesen" not in " ".join(problems).casefold()


def test_a_name_that_is_not_the_named_students_is_refused_without_echoing_it() -> None:
    problems = refused(
        make_register(), sheet("deltaker;navn;økt;timer", "S-01;Kari Prøvedal;SES-01;3")
    )

    assert ["row 2, column navn: not the name of the student with the id given"] == problems


def test_an_unknown_absence_code_is_refused_without_echoing_it() -> None:
    problems = refused(make_register(), sheet("deltaker;økt;fravær", "S-01;SES-01;sykemeldt"))

    assert 1 == len(problems)
    assert problems[0].startswith("row 2, column fravær: not a known attendance code; expected F")
    assert "sykemeldt" not in problems[0]


def test_a_reason_for_anything_but_an_excused_absence_is_refused_without_echoing_it() -> None:
    problems = refused(
        make_register(), sheet("deltaker;økt;fravær;grunn", "S-01;SES-01;U;Influensa")
    )

    assert [
        "row 2, column grunn: a reason is given, but the mark is not an excused absence (code F)"
    ] == problems


def test_a_conflicting_duplicate_row_is_refused() -> None:
    text = sheet(
        "student;date;hours", "S-01;07.01.2026;2", "S-02;07.01.2026;2", "S-01;2026-01-07;3"
    )

    assert [
        "row 4, column hours: conflicts with row 2 for the same student and session"
    ] == refused(make_register(), text)


def test_a_row_for_a_withdrawn_student_is_refused() -> None:
    register = make_register()
    register.withdraw("S-03", on=dt.date(2026, 2, 1), by=STAMP)

    assert [
        "row 2, column student: the student has withdrawn; their records are closed"
    ] == refused(register, sheet("student;session;hours", "S-03;SES-01;5"))


def test_a_session_before_the_students_enrolment_is_refused() -> None:
    register = make_register()
    enrol(register, "S-04", on=dt.date(2026, 2, 2))

    assert [
        "row 2, column date: session 'SES-01' on 2026-01-07 is before the student was enrolled"
    ] == refused(register, sheet("student;date;hours", "S-04;07.01.2026;5"))


def test_a_date_with_two_sessions_asks_for_the_session_id() -> None:
    register = make_register()
    register.schedule_session(
        "K1", Session(id="SES-01b", day=session_day(1), hours=Hours(2)), by=STAMP
    )

    assert [
        (
            "row 2, column dato: 2 sessions of cohort K1 on 07.01.2026 (SES-01, SES-01b); "
            "give the session id in a session column"
        )
    ] == refused(register, sheet("deltaker;dato;timer", "S-01;07.01.2026;2"))


def test_a_student_of_another_cohort_is_refused_when_the_cohort_is_given() -> None:
    register = make_register()
    register.open_cohort(attrs.evolve(COHORT, id="K2", name="MB 2027"), by=STAMP)

    assert ["row 2, column student: the student is not in cohort K2"] == refused(
        register, sheet("student;session;hours", "S-01;SES-01;5"), cohort="K2"
    )


def test_an_unknown_cohort_is_a_lookup_error() -> None:
    with pytest.raises(NotFoundError):
        import_attendance_text(
            make_register(), sheet("student;session;hours"), by=LATER, cohort="K9"
        )


def test_the_stamp_must_be_a_stamp() -> None:
    with pytest.raises(InvalidValueError, match="by: expected a Stamp"):
        import_attendance_text(make_register(), "", by="kari")  # type: ignore[arg-type]


def test_a_value_under_no_header_is_refused() -> None:
    assert ["row 2, column D: a value under no header"] == refused(
        make_register(), sheet("student;session;hours", "S-01;SES-01;5;ekstra")
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "student;session",
            (
                "row 1: no column for hours or an attendance code; "
                "expected one of hours, timer, status, fravær"
            ),
        ),
        (
            "session;hours",
            "row 1: no column for the student; expected one of student, deltaker, name, navn",
        ),
        (
            "student;hours",
            "row 1: no column for the session; expected one of session, økt, date, dato",
        ),
        (
            "student;deltaker;session;hours",
            "row 1, column deltaker: a second student column (the first is student)",
        ),
    ],
)
def test_a_header_without_a_required_column_is_refused(header: str, expected: str) -> None:
    assert [expected] == refused(make_register(), sheet(header, "S-01;SES-01;5"))


def test_an_unknown_column_is_refused_rather_than_ignored() -> None:
    problems = refused(make_register(), sheet("student;session;timr", "S-01;SES-01;5"))

    assert problems[0].startswith("row 1, column C: unknown column; expected one of student/")


def test_an_empty_sheet_is_refused() -> None:
    assert ["row 1: the sheet is empty; expected a header row"] == refused(make_register(), " \n")


def test_a_file_that_is_not_text_is_refused() -> None:
    register = make_register()
    with pytest.raises(ImportRowsError, match="file: expected text in UTF-8"):
        import_attendance(register, io.BytesIO(b"student\x81\x8d"), by=LATER)


def test_every_bad_row_is_listed_in_row_order_and_good_rows_are_not_imported() -> None:
    register = make_register()
    text = sheet(
        HEADER,
        "S-01;SES-01;;5,5;;",
        "S-02;SES-01;;2;;",
        "S-99;SES-01;;x;;",
        "S-03;SES-02;;;U;",
    )

    assert [
        "row 2, column hours: 5.5 h is more than the session's length of 5 h",
        "row 4, column student: no student with this id",
        "row 4, column hours: expected hours such as 3,5 or 3.5",
    ] == refused(register, text)
    assert {} == marks_of(register, "S-02")


# -- properties ---------------------------------------------------------------------------

marks = st.one_of(
    st.decimals(min_value=0, max_value=SESSION_HOURS.value, places=2).map(
        lambda d: Present(Hours(d))
    ),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
    .map(str.strip)
    .filter(lambda reason: not reason.startswith(("=", "+", "-", "@")))  # refused: formulas
    .map(ExcusedAbsence),
    st.just(UnexcusedAbsence()),
)
cells = st.tuples(st.sampled_from(STUDENTS), st.integers(1, SESSIONS))
sheets_of_marks = st.dictionaries(cells, marks, max_size=25)


@attrs.frozen
class Convention:
    """How a coordinator writes a sheet."""

    delimiter: str
    headers: tuple[str, ...]  # student, name, session, date, hours, status, reason
    day: str  # a strftime format
    decimal: str
    excused: str
    unexcused: str


NORWEGIAN = Convention(
    ";", ("deltaker", "navn", "økt", "dato", "timer", "fravær", "grunn"), "%d.%m.%Y", ",", "F", "U"
)
ISO = Convention(
    ",",
    ("student", "name", "session", "date", "hours", "status", "reason"),
    "%Y-%m-%d",
    ".",
    "excused",
    "unexcused",
)


def sheet_rows(
    written: Mapping[tuple[str, int], Mark],
    convention: Convention,
    how: list[tuple[bool, bool]] | None = None,
) -> list[tuple[str, ...]]:
    """The header and one row per mark; ``how`` says per row: by name? by date?"""
    rows = [convention.headers]
    for n, ((sid, i), mark) in enumerate(written.items()):
        by_name, by_date = how[n] if how else (False, False)
        hours = status = reason = ""
        if isinstance(mark, Present):
            hours = format(mark.hours.value, "f").replace(".", convention.decimal)
        elif isinstance(mark, ExcusedAbsence):
            status, reason = convention.excused, mark.reason
        else:
            status = convention.unexcused
        who = ("", NAMES[sid]) if by_name else (sid, "")
        when = ("", session_day(i).strftime(convention.day)) if by_date else (session_id(i), "")
        rows.append((*who, *when, hours, status, reason))
    return rows


def csv_text(rows: list[tuple[str, ...]], convention: Convention) -> str:
    """The rows as CSV text as the convention's spreadsheet saves it (Excel's BOM for nb)."""
    out = io.StringIO()
    csv.writer(out, delimiter=convention.delimiter, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" if convention is NORWEGIAN else "") + out.getvalue()


@given(
    already=sheets_of_marks,
    written=sheets_of_marks,
    convention=st.sampled_from((NORWEGIAN, ISO)),
    data=st.data(),
)
def test_importing_a_sheet_gives_exactly_its_marks_and_importing_again_changes_nothing(
    already: dict[tuple[str, int], Mark],
    written: dict[tuple[str, int], Mark],
    convention: Convention,
    data: st.DataObject,
) -> None:
    register = make_register()
    for (sid, i), mark in already.items():
        register.record_attendance(sid, session_id(i), mark, by=STAMP)
    how = data.draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=len(written)))
    text = csv_text(sheet_rows(written, convention, how), convention)
    expected: dict[str, dict[str, Mark]] = {sid: {} for sid in STUDENTS}
    for (sid, i), mark in (*already.items(), *written.items()):
        expected[sid][session_id(i)] = mark
    same = sum(1 for cell, mark in written.items() if already.get(cell) == mark)
    new = sum(1 for cell in written if cell not in already)

    first = import_attendance_text(register, text, by=LATER)
    after_first = register.copy()
    second = import_attendance_text(register, text, by=stamp(120))

    assert expected == {sid: marks_of(register, sid) for sid in STUDENTS}
    rows = len(written)
    assert (
        AttendanceImport(rows=rows, recorded=new, corrected=rows - new - same, unchanged=same)
        == first
    )
    assert AttendanceImport(rows=rows, recorded=0, corrected=0, unchanged=rows) == second
    assert after_first == register
    assert len(after_first.history) == len(register.history)


@given(written=sheets_of_marks)
def test_both_conventions_give_the_same_register(written: dict[tuple[str, int], Mark]) -> None:
    norwegian, iso = make_register(), make_register()

    import_attendance_text(norwegian, csv_text(sheet_rows(written, NORWEGIAN), NORWEGIAN), by=LATER)
    import_attendance_text(iso, csv_text(sheet_rows(written, ISO), ISO), by=LATER)

    assert norwegian == iso


#: Bad rows in the Norwegian layout, and the column each is refused in.
BAD_ROWS = (
    (("S-99", "", "SES-01", "", "3", "", ""), "deltaker"),
    (("S-01", "", "SES-99", "", "3", "", ""), "økt"),
    (("S-01", "", "", "06.01.2026", "3", "", ""), "dato"),
    (("S-01", "", "SES-01", "", "9", "", ""), "timer"),
    (("S-01", "", "SES-01", "", "0.1e1", "", ""), "timer"),
    (("S-01", "", "SES-01", "", "", "?", ""), "fravær"),
)


@given(written=sheets_of_marks, bad=st.sampled_from(BAD_ROWS), data=st.data())
def test_one_bad_row_anywhere_refuses_the_whole_sheet_and_is_named(
    written: dict[tuple[str, int], Mark],
    bad: tuple[tuple[str, ...], str],
    data: st.DataObject,
) -> None:
    written.pop(("S-01", 1), None)  # the bad rows' own cell: no conflict to report as well
    rows = sheet_rows(written, NORWEGIAN)
    position = data.draw(st.integers(1, len(rows)))
    rows.insert(position, bad[0])

    problems = refused(make_register(), csv_text(rows, NORWEGIAN))

    assert 1 == len(problems)
    assert problems[0].startswith(f"row {position + 1}, column {bad[1]}: ")


# -- what messages never repeat ----------------------------------------------------------


def test_an_unknown_header_is_named_by_its_letter_not_its_text() -> None:
    # A sheet with no header row: its first row is taken for the header.
    problems = refused(make_register(), sheet("S-01;Kari Prøvedal;SES-01;3", "S-02;Ola;SES-01;3"))

    assert [p.split(":")[0] for p in problems] == [
        "row 1, column A",
        "row 1, column B",
        "row 1, column C",
        "row 1, column D",
        "row 1",
        "row 1",
        "row 1",
    ]
    assert not any("Kari" in p or "S-01" in p or "SES-01" in p for p in problems)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("S-01;SES-01;;legetime hos psykiat;;", "row 2, column hours: expected hours"),
        ("S-01;;Zyxwa Qwertovic;3;;", "row 2, column date: expected a date"),
        ("S-01;Zyxwa Qwertovic;;3;;", "row 2, column session: no session with this id"),
    ],
)
def test_a_name_or_reason_in_the_wrong_column_is_not_repeated(row: str, expected: str) -> None:
    [problem] = refused(make_register(), sheet(HEADER, row))

    assert problem.startswith(expected)
    assert "legetime" not in problem
    assert "Zyxwa" not in problem


def test_an_unterminated_quote_is_refused_with_its_row() -> None:
    text = sheet("student;session;hours", "S-01;SES-01;4", 'S-02;SES-01;"3', "S-03;SES-01;2")

    [problem] = refused(make_register(), text)

    assert problem.startswith("row 3: not readable as CSV (a quote that is not closed")


def test_text_after_a_closing_quote_is_refused() -> None:
    [problem] = refused(
        make_register(), sheet("student;session;hours", 'S-01;SES-01;"3"Kari Prøvedal')
    )

    assert problem.startswith("row 2: not readable as CSV")
    assert "Kari" not in problem


# Runs of consonants: no word of any message, nor any header or code, contains one.
secrets = st.text(st.sampled_from("bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ"), min_size=8)
_COLUMNS = ("student", "name", "session", "date", "hours", "status", "reason")
_GOOD_ROW = ("S-01", "", "SES-01", "", "3", "", "")


@given(
    secret=secrets,
    column=st.integers(0, len(_COLUMNS) - 1),
    where=st.sampled_from(("cell", "header", "no header", "open quote", "after quote")),
    delimiter=st.sampled_from((";", ",", "\t")),
)
def test_a_secret_in_any_column_is_never_repeated(
    secret: str, column: int, where: str, delimiter: str
) -> None:
    header, row = list(_COLUMNS), list(_GOOD_ROW)
    if where == "header":
        header[column] = secret
    elif where == "no header":
        header = list(_GOOD_ROW)
        header[column] = secret
    else:
        row[column] = {"cell": secret, "open quote": f'"{secret}', "after quote": f'"3"{secret}'}[
            where
        ]
    text = sheet(delimiter.join(header), delimiter.join(row), delimiter.join(_GOOD_ROW))

    with pytest.raises(ImportRowsError) as caught:
        import_attendance_text(make_register(), text, by=LATER)

    shown = "\n".join([str(caught.value), *(p.path for p in caught.value.problems)])
    assert secret.casefold() not in shown.casefold()
