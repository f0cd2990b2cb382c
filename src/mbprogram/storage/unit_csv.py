"""Import host units from a CSV sheet: every row, or none.

One row is one unit::

    enhet;navn;kapasitet;type
    U-SOL;Aktivitetssenteret Solheim;2;aktivitetssenter

The columns are the unit's id (``unit``/``enhet``, required), its name
(``name``/``navn``), how many students it takes at once
(``capacity``/``kapasitet``) and what sort of unit it is (``kind``/``type``);
``docs/csv.md`` lists every accepted header. A new unit needs a name and a
capacity; for a unit the register holds, a different capacity, name or kind
corrects it and a blank cell leaves it as it is. The sheet is read as the
attendance sheet is (:mod:`mbprogram.storage._sheet`: Norwegian or ISO
conventions, ``sep=;``, UTF-8, UTF-16 or Windows-1252), and the rows are
applied by :func:`mbprogram.services.unit_import.import_unit_rows`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.model.values import Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.sheet_import import SheetImport
from mbprogram.services.unit_import import REFUSED, UnitRow, import_unit_rows
from mbprogram.storage._cells import parse_count
from mbprogram.storage._record_cells import columns_of, given, parsed
from mbprogram.storage._sheet import Layout, Source, read_sheet, sheet_text

__all__ = ["HEADER_NAMES", "UnitField", "import_units", "import_units_text", "unit_rows"]


class UnitField(enum.Enum):
    """What a column of a sheet of host units holds."""

    UNIT = "unit"
    NAME = "name"
    CAPACITY = "capacity"
    KIND = "kind"
    NOTE = "note"


#: The header names accepted for each field: English, Norwegian, other spellings.
HEADER_NAMES: Final[Mapping[UnitField, tuple[str, ...]]] = MappingProxyType(
    {
        UnitField.UNIT: ("unit", "enhet", "unit id", "enhet id", "host unit", "praksissted"),
        UnitField.NAME: ("name", "navn", "unit name", "enhetsnavn"),
        UnitField.CAPACITY: ("capacity", "kapasitet", "places", "plasser"),
        UnitField.KIND: ("kind", "type", "art", "sort"),
        UnitField.NOTE: ("note", "merknad", "comment", "kommentar"),
    }
)

_LAYOUT: Final = Layout[UnitField](
    names=HEADER_NAMES,
    required=(((UnitField.UNIT,), "the unit"),),
    ignored=frozenset({UnitField.NOTE}),
    refused=REFUSED,
)


def import_units(
    register: Register, source: Source, *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Import the host units in a CSV file into ``register``: all rows or none.

    Args:
        register: the register to add the units to.
        source: the file's path (a ``str`` is a path), or an open file, text or bytes.
        by: who imports, and when; every change carries this stamp.
        dry_run: check every row but change nothing.

    Raises:
        ImportRowsError: listing every bad row; nothing was imported.
        OSError: if the file cannot be read.
    """
    with sheet_text(source, summary=REFUSED) as text:
        return import_unit_rows(register, unit_rows(text), by=by, dry_run=dry_run)


def import_units_text(
    register: Register, text: str, *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Import a sheet of host units given as CSV text; see :func:`import_units`."""
    return import_unit_rows(register, unit_rows(text), by=by, dry_run=dry_run)


def unit_rows(text: str | Iterable[str]) -> Iterator[UnitRow]:
    """The rows of a sheet of host units in CSV text (or its lines), each cell parsed.

    Raises:
        ImportRowsError: if the text is empty or not CSV, or its header is bad.
    """
    sheet = read_sheet(text, _LAYOUT)
    columns = columns_of(sheet)
    for row in sheet.rows:
        yield UnitRow(
            number=row.number,
            unit=row.get(UnitField.UNIT),
            name=given(row, UnitField.NAME),
            capacity=parsed(row, UnitField.CAPACITY, parse_count, sheet.columns),
            kind=given(row, UnitField.KIND),
            columns=columns,
            problems=row.problems,
        )
