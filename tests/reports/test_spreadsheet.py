"""Report tables for spreadsheets: CSV as each language writes it, xlsx, no formula ever runs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import MissingExtraError
from mbprogram.reports.spreadsheet import BOM, csv_text, formula_safe, xlsx_bytes
from mbprogram.reports.table import Table
from tests.strategies import days, storable_characters

openpyxl = pytest.importorskip("openpyxl")


@attrs.frozen(kw_only=True)
class Row:
    """A row with a cell of each kind a report holds."""

    label: str
    hours: Decimal
    share: Fraction | None
    day: dt.date
    done: bool
    count: int
    codes: tuple[str, ...] = ()


ROW = Row(
    label="MB-2025", hours=Decimal("143.5"), share=Fraction(2, 3), day=dt.date(2026, 3, 9),
    done=True, count=-4, codes=("THEORY_HOURS_SHORT", "ASSIGNMENT_NOT_APPROVED"),
)  # fmt: skip


def table(*rows: Row, title: str = "Rows as of 2026-03-09") -> Table[Row]:
    return Table.of(title, Row, rows, labels={"hours": "timer"})


def read_csv(written: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(written.removeprefix(BOM)), delimiter=delimiter))


def test_bokmal_csv_has_a_bom_semicolons_decimal_commas_and_norwegian_dates() -> None:
    written = csv_text([("rows", table(ROW))], "nb")
    assert written.startswith(BOM)
    assert [
        ["label", "timer", "share", "day", "done", "count", "codes"],
        ["MB-2025", "143,5", "0,6667", "09.03.2026", "ja", "-4",
         "THEORY_HOURS_SHORT, ASSIGNMENT_NOT_APPROVED"],
    ] == read_csv(written, ";")  # fmt: skip


def test_english_csv_has_commas_decimal_points_and_iso_dates() -> None:
    written = csv_text([("rows", table(ROW))], "en")
    assert not written.startswith(BOM)
    assert ["MB-2025", "143.5", "0.6667", "2026-03-09", "yes", "-4",
            "THEORY_HOURS_SHORT, ASSIGNMENT_NOT_APPROVED"] == read_csv(written, ",")[1]  # fmt: skip


def test_several_tables_are_each_headed_by_their_title_and_apart_by_an_empty_line() -> None:
    written = csv_text([("a", table(ROW, title="A")), ("b", table(title="B"))], "en")
    lines = read_csv(written, ",")
    assert [["A"], lines[1], lines[2], [], ["B"], lines[1]] == lines


def test_nothing_is_an_empty_cell() -> None:
    row = attrs.evolve(ROW, share=None, codes=())
    assert ["", ""] == [read_csv(csv_text([("r", table(row))], "en"), ",")[1][i] for i in (2, 6)]


FORMULAS = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", '=HYPERLINK("http://x")', "\t=1", "\r=1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_text_that_a_spreadsheet_would_run_gets_a_quote_in_front_in_csv(formula: str) -> None:
    row = attrs.evolve(ROW, label=formula, codes=(formula,))
    cells = read_csv(csv_text([("r", table(row, title=formula))], "nb"), ";")[1]
    assert [f"'{formula}", f"'{formula}"] == [cells[0], cells[6]]


def test_a_negative_number_stays_a_number() -> None:
    assert "-4" == read_csv(csv_text([("r", table(ROW))], "nb"), ";")[1][5]


@given(st.text(storable_characters, max_size=30))
def test_formula_safe_text_never_starts_a_formula_and_keeps_the_text(value: str) -> None:
    safe = formula_safe(value)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert value == (safe[1:] if safe != value else safe)


@given(st.text(storable_characters, max_size=30), days)
def test_a_csv_cell_reads_back_as_written(value: str, day: dt.date) -> None:
    row = attrs.evolve(ROW, label=value, day=day)
    for lang, delimiter in (("nb", ";"), ("en", ",")):
        cells = read_csv(csv_text([("r", table(row))], lang), delimiter)
        assert formula_safe(value) == cells[1][0] if value else cells[1][0] == ""
        expected_day = day.strftime("%d.%m.%Y") if lang == "nb" else day.isoformat()
        assert f"{day.day:02}.{day.month:02}.{day.year:04}" == expected_day or lang == "en"
        assert expected_day == cells[1][3]


def workbook(*named: tuple[str, Table[Row]], lang: str = "nb") -> object:
    return openpyxl.load_workbook(io.BytesIO(xlsx_bytes(list(named), lang)))  # type: ignore[arg-type]


def test_a_workbook_has_a_sheet_per_table_with_title_header_and_typed_cells() -> None:
    book = workbook(("rows", table(ROW)), ("more", table(title="More")))
    assert ["rows", "more"] == book.sheetnames  # type: ignore[attr-defined]
    sheet = book["rows"]  # type: ignore[index]
    assert "Rows as of 2026-03-09" == sheet["A1"].value
    assert ["label", "timer", "share", "day", "done", "count", "codes"] == [
        c.value for c in sheet[2]
    ]
    cells = sheet[3]
    assert "MB-2025" == cells[0].value
    assert 143.5 == cells[1].value
    assert pytest.approx(0.6667) == cells[2].value
    assert "0.0%" == cells[2].number_format
    assert dt.date(2026, 3, 9) == cells[3].value.date()
    assert "DD.MM.YYYY" == cells[3].number_format
    assert (True, -4) == (cells[4].value, cells[5].value)


@pytest.mark.parametrize("formula", FORMULAS)
def test_text_that_a_spreadsheet_would_run_is_stored_as_text_in_a_workbook(formula: str) -> None:
    row = attrs.evolve(ROW, label=formula, codes=(formula,))
    sheet = workbook(("r", table(row, title=formula)))["r"]  # type: ignore[index]
    for cell in (sheet["A1"], sheet["A3"], sheet["G3"]):
        assert "s" == cell.data_type
        assert formula.replace("\r", "") in cell.value.replace("\r", "")  # as text, never run


@given(st.text(storable_characters, min_size=1, max_size=30))
def test_every_text_is_a_text_cell_in_a_workbook(value: str) -> None:
    sheet = workbook(("r", table(attrs.evolve(ROW, label=value))))["r"]  # type: ignore[index]
    cell = sheet["A3"]
    # control characters XML cannot hold are left out; XML reads a carriage return as \n
    kept = "".join(c for c in value if (c in "\t\n\r" or ord(c) >= 32) and c not in "\ufffe\uffff")
    if kept:
        assert ("s", kept.replace("\r\n", "\n").replace("\r", "\n")) == (
            cell.data_type,
            cell.value.replace("\r\n", "\n").replace("\r", "\n"),
        )


def test_sheet_names_are_made_valid_and_unique() -> None:
    long = "x" * 40
    book = workbook(("a/b", table()), ("A/B", table()), (long, table()))
    assert ["a_b", "A_B (2)", "x" * 31] == book.sheetnames  # type: ignore[attr-defined]


def test_a_workbook_without_the_excel_extra_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"mbprogram\[excel\]"):
        xlsx_bytes([("r", table(ROW))], "nb")
