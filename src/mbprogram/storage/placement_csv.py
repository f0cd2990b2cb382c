"""Import practice placements from a CSV sheet: every row, or none.

One row is one placement::

    deltaker;praksissted;veileder;start;slutt;ukedager
    S-01;U1;Veileder Vik;02.03.2026;19.06.2026;man,ons,tor

The columns are the student's id (``student``/``deltaker``, required), the
host unit (``unit``/``praksissted``), the supervisor (``supervisor``/``veileder``),
the first and last day (``start``/``start``, ``end``/``slutt``), the weekdays
practised (``weekdays``/``ukedager``: ``man,ons,tor`` or ``mon,wed,thu``) and,
optionally, the placement's id (``placement``/``plassering``); ``docs/csv.md``
lists every accepted header. The sheet is read as the attendance sheet is
(:mod:`mbprogram.storage._sheet`), and the rows are applied by
:func:`mbprogram.services.placement_import.import_placement_rows`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.model.values import Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.placement_import import REFUSED, PlacementRow, import_placement_rows
from mbprogram.services.sheet_import import SheetImport
from mbprogram.storage._cells import parse_date, parse_weekdays
from mbprogram.storage._record_cells import columns_of, given, parsed
from mbprogram.storage._sheet import Layout, Source, read_sheet, sheet_text

__all__ = [
    "HEADER_NAMES",
    "PlacementField",
    "import_placements",
    "import_placements_text",
    "placement_rows",
]


class PlacementField(enum.Enum):
    """What a column of a sheet of placements holds."""

    STUDENT = "student"
    PLACEMENT = "placement"
    UNIT = "unit"
    SUPERVISOR = "supervisor"
    START = "start"
    END = "end"
    WEEKDAYS = "weekdays"
    NOTE = "note"


#: The header names accepted for each field: English, Norwegian, other spellings.
HEADER_NAMES: Final[Mapping[PlacementField, tuple[str, ...]]] = MappingProxyType(
    {
        PlacementField.STUDENT: ("student", "deltaker", "student id", "deltaker id"),
        PlacementField.PLACEMENT: ("placement", "plassering", "placement id", "plassering id"),
        PlacementField.UNIT: ("unit", "praksissted", "host unit", "enhet", "unit id"),
        PlacementField.SUPERVISOR: ("supervisor", "veileder", "praksisveileder"),
        PlacementField.START: ("start", "fra", "from", "start date", "startdato"),
        PlacementField.END: ("end", "slutt", "til", "to", "end date", "sluttdato"),
        PlacementField.WEEKDAYS: ("weekdays", "ukedager", "days", "dager"),
        PlacementField.NOTE: ("note", "merknad", "comment", "kommentar"),
    }
)

_LAYOUT: Final = Layout[PlacementField](
    names=HEADER_NAMES,
    required=(((PlacementField.STUDENT,), "the student"),),
    ignored=frozenset({PlacementField.NOTE}),
    refused=REFUSED,
)


def import_placements(
    register: Register, source: Source, *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Import the placements in a CSV file into ``register``: all rows or none.

    Args:
        register: the register holding the students and units.
        source: the file's path (a ``str`` is a path), or an open file, text or bytes.
        by: who imports, and when; every change carries this stamp.
        dry_run: check every row but change nothing.

    Raises:
        ImportRowsError: listing every bad row; nothing was imported.
        OSError: if the file cannot be read.
    """
    with sheet_text(source, summary=REFUSED) as text:
        return import_placement_rows(register, placement_rows(text), by=by, dry_run=dry_run)


def import_placements_text(
    register: Register, text: str, *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Import a sheet of placements given as CSV text; see :func:`import_placements`."""
    return import_placement_rows(register, placement_rows(text), by=by, dry_run=dry_run)


def placement_rows(text: str | Iterable[str]) -> Iterator[PlacementRow]:
    """The rows of a sheet of placements in CSV text (or its lines), each cell parsed.

    Raises:
        ImportRowsError: if the text is empty or not CSV, or its header is bad.
    """
    sheet = read_sheet(text, _LAYOUT)
    columns = columns_of(sheet)
    for row in sheet.rows:
        yield PlacementRow(
            number=row.number,
            student=row.get(PlacementField.STUDENT),
            placement=given(row, PlacementField.PLACEMENT),
            unit=given(row, PlacementField.UNIT),
            supervisor=given(row, PlacementField.SUPERVISOR),
            start=parsed(row, PlacementField.START, parse_date, sheet.columns),
            end=parsed(row, PlacementField.END, parse_date, sheet.columns),
            weekdays=parsed(row, PlacementField.WEEKDAYS, parse_weekdays, sheet.columns),
            columns=columns,
            problems=row.problems,
        )
