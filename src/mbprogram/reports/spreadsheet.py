"""Report tables for spreadsheets: CSV as the language writes it, and Excel workbooks.

A spreadsheet gets the tables as they are (their headers and rows; this module
re-titles nothing), with every cell written as a value a spreadsheet reads:

- :func:`csv_text`: in bokmål ``;`` between cells, decimal commas, dates
  ``dd.mm.yyyy`` and a byte-order mark first, so that Excel set up for Norway
  opens the file right; in English ``,``, decimal points and ISO dates. One
  table is its header and rows; several are each headed by their title and
  separated by an empty line.
- :func:`xlsx_bytes`: an Excel workbook (needs the ``excel`` extra,
  openpyxl), one sheet per table: the title, the header, then the rows, with
  numbers, shares (as percentages) and dates as typed cells.

**Formulas.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``
or ``@`` as a formula (and tab or carriage return can smuggle one in), so a
text cell that starts with one never reaches it as it is: in CSV it is written
with a ``'`` in front (:func:`formula_safe`), in a workbook it is stored as a
text cell (type ``s``), which no spreadsheet evaluates. Numbers are never
text, so a negative number stays a number. docs/cli.md documents both.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any, Final

from mbprogram.catalogue import Lang, day, number, text
from mbprogram.exceptions import MissingExtraError
from mbprogram.model.values import plain_decimal
from mbprogram.reports.table import Table

__all__ = ["BOM", "NamedTable", "csv_text", "formula_safe", "xlsx_bytes"]

#: A table and the short name of its sheet in a workbook (``"progress"``, ``"cohorts"`` …).
NamedTable = tuple[str, Table[Any]]

#: The byte-order mark that tells Excel a CSV file is UTF-8.
BOM: Final = "\N{ZERO WIDTH NO-BREAK SPACE}"

#: The first characters that make a spreadsheet read a cell as a formula.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
#: Shares are written as numbers from 0 to 1 with this many decimals.
_SHARE_PLACES: Final = Decimal("0.0001")
#: A sheet name's longest length in Excel.
_SHEET_NAME_LENGTH: Final = 31
_SHEET_NAME_FORBIDDEN: Final = frozenset("[]:*?/\\")
#: The control characters that XML, and so a workbook, cannot hold.
_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def formula_safe(value: str) -> str:
    """``value`` with a ``'`` in front if a spreadsheet would read it as a formula.

    ``"=SUM(A1)"`` becomes ``"'=SUM(A1)"``; ``"MB-2025"`` stays as it is.
    """
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _share(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_SHARE_PLACES, rounding=ROUND_HALF_EVEN)


def _decimal_text(value: Decimal, lang: Lang) -> str:
    """A decimal in full (never in exponent form), with a decimal comma in bokmål."""
    written = plain_decimal(value)
    return written.replace(".", ",") if lang == "nb" else written


def _csv_cell(value: object, lang: Lang) -> str:
    """A cell as CSV text in ``lang``'s conventions; text that could run is made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return text("spreadsheet.yes" if value else "spreadsheet.no", lang)
    if isinstance(value, enum.Enum):
        return formula_safe(str(value.value))
    if isinstance(value, Fraction):
        return _decimal_text(_share(value), lang)
    if isinstance(value, Decimal):
        return _decimal_text(value, lang)
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, dt.datetime):
        return formula_safe(value.isoformat(timespec="minutes"))
    if isinstance(value, dt.date):
        return day(value, lang)
    if isinstance(value, tuple):
        return formula_safe(", ".join(_csv_cell(v, lang).removeprefix("'") for v in value))
    return formula_safe(str(value))


def _headers(table: Table[Any]) -> list[str]:
    return table.text_rows()[0]


def csv_text(tables: Sequence[NamedTable], lang: Lang) -> str:
    """The tables as one CSV text in ``lang``'s conventions (module docstring).

    The text starts with a byte-order mark in bokmål; lines end in ``\\r\\n``.
    """
    buffer = io.StringIO()
    if lang == "nb":
        buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";" if lang == "nb" else ",", lineterminator="\r\n")
    several = len(tables) > 1
    for i, (_, table) in enumerate(tables):
        if several:
            if i:
                writer.writerow([])
            writer.writerow([formula_safe(table.title)])
        writer.writerow([formula_safe(h) for h in _headers(table)])
        for row in table.rows:
            writer.writerow([_csv_cell(getattr(row, c), lang) for c in table.columns])
    return buffer.getvalue()


def _sheet_name(name: str, taken: set[str]) -> str:
    cleaned = "".join("_" if c in _SHEET_NAME_FORBIDDEN else c for c in name).strip("'")
    cleaned = (cleaned or "sheet")[:_SHEET_NAME_LENGTH]
    candidate, n = cleaned, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = cleaned[: _SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def _xlsx_cell(value: object, lang: Lang) -> tuple[object, str | None]:
    """A cell's typed value for a workbook and its number format (``None``: text or none)."""
    if value is None or isinstance(value, bool):
        return value, None
    if isinstance(value, enum.Enum):
        return _legal(str(value.value)), None
    if isinstance(value, Fraction):
        return float(_share(value)), "0.0%"
    if isinstance(value, Decimal):
        return float(value), None
    if isinstance(value, int | float):
        return value, None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes"), None
    if isinstance(value, dt.date):
        return value, "DD.MM.YYYY" if lang == "nb" else "YYYY-MM-DD"
    if isinstance(value, tuple):
        joined = _legal(", ".join(_csv_cell(v, lang).removeprefix("'") for v in value))
        return joined or None, None
    return _legal(str(value)), None


def _legal(value: str) -> str:
    """Text without the control characters a workbook cannot hold."""
    return _ILLEGAL.sub("", value)


def xlsx_bytes(tables: Sequence[NamedTable], lang: Lang) -> bytes:
    """The tables as an Excel workbook, one sheet per table (module docstring).

    Every text cell is stored as text (type ``s``), so none is ever run as a
    formula. The file's metadata holds the time openpyxl writes it.

    Raises:
        MissingExtraError: if openpyxl (the ``excel`` extra) is not installed.
    """
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - an optional extra
        from openpyxl.styles import Font  # noqa: PLC0415
    except ImportError:
        raise MissingExtraError("xlsx output", "excel") from None
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    taken: set[str] = set()
    for name, table in tables or (("sheet", Table("", (), ())),):
        sheet = workbook.create_sheet(_sheet_name(name, taken))
        lines: list[list[tuple[object, str | None]]] = [
            [(_legal(table.title), None)],
            [(_legal(h), None) for h in _headers(table)],
            *([_xlsx_cell(getattr(r, c), lang) for c in table.columns] for r in table.rows),
        ]
        widths = [0] * len(table.columns)
        for r, line in enumerate(lines, start=1):
            for c, (value, number_format) in enumerate(line, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula (module docstring)
                if number_format is not None:
                    cell.number_format = number_format
                if r <= 2:
                    cell.font = bold
                if r > 1:
                    widths[c - 1] = max(widths[c - 1], len(str(value or "")))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(row=2, column=c).column_letter].width = min(
                max(width, 6) + 2, 60
            )
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
