"""Reading the cells of a sheet of records (a class list, placements, host units).

Each reader of such a sheet names its columns by field, reads text cells with
:func:`given` (``None`` when blank: a blank cell leaves a detail as it is) and
parses the others with :func:`parsed` (an
:class:`~mbprogram.services.sheet_rows.Unreadable` naming the cell when it is
not a value of its column, never quoting it).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import TypeVar

from mbprogram.services.sheet_rows import Unreadable, cell_path
from mbprogram.storage._cells import CellError
from mbprogram.storage._sheet import Sheet, SheetRow

__all__ = ["columns_of", "given", "parsed"]

F = TypeVar("F", bound=enum.Enum)
T = TypeVar("T")


def columns_of(sheet: Sheet[F]) -> dict[str, str]:
    """Each column's header as written, by the name of its field (``{"unit": "Enhet"}``)."""
    return {str(field.value): header for field, header in sheet.columns.items()}


def given(row: SheetRow[F], field: F) -> str | None:
    """The text of ``field``'s cell, or ``None`` when it is blank or there is no such column."""
    return row.get(field) or None


def parsed(
    row: SheetRow[F], field: F, parse: Callable[[str], T], columns: Mapping[F, str]
) -> T | Unreadable | None:
    """``field``'s cell parsed, ``None`` when blank, or why it is not a value of its column."""
    text = row.get(field)
    if not text:
        return None
    try:
        return parse(text)
    except CellError as e:
        return Unreadable([e.problem(cell_path(row.number, columns[field]))])
