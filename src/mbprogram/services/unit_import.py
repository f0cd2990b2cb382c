"""Import host units from a sheet: new units added, changed capacities and names corrected.

An adapter (:mod:`mbprogram.storage.unit_csv`) reads the sheet into one
:class:`UnitRow` per row. A unit the register does not hold is added
(:meth:`~mbprogram.register.aggregate.Register.add_host_unit`); for one it
holds, a different capacity is changed
(:meth:`~mbprogram.register.aggregate.Register.change_capacity`, refused if
more students are placed there on some day) and a different name or kind
corrected (:meth:`~mbprogram.register.aggregate.Register.correct_host_unit`).
All rows or none (:func:`~mbprogram.services.sheet_import.apply_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.placements import HostUnit
from mbprogram.model.values import Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.sheet_import import (
    RowChange,
    SheetImport,
    apply_rows,
    blamed_column,
    check_by,
    column_of,
    id_problem,
    problems_at,
)
from mbprogram.services.sheet_rows import Unreadable, cell_path

__all__ = ["REFUSED", "UnitRow", "import_unit_rows"]

#: The summary of the error that refuses a sheet of host units.
REFUSED: Final = Phrase("problems.import.refused.units")


@attrs.frozen(kw_only=True)
class UnitRow:
    """One row of a sheet of host units, its cells read but not looked up in a register.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        unit: the unit's id.
        name: the unit's name (``None``: no name column).
        capacity: how many students it takes at once (``None``: not given).
        kind: what sort of unit it is (``None``: no kind column).
        columns: the header of each column the sheet has, by field
            (``unit``, ``name``, ``capacity``, ``kind``).
        problems: problems of the row whatever the register holds.
    """

    number: int = attrs.field(validator=v.between(1))
    unit: str = attrs.field(validator=v.text(allow_empty=True))
    name: str | None = None
    capacity: int | Unreadable | None = None
    kind: str | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=v.as_tuple)


def import_unit_rows(
    register: Register, rows: Iterable[UnitRow], *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Add or correct the host units of ``rows`` in ``register``: all rows or none.

    Raises:
        ImportRowsError: listing every bad row (``row N, column C: message``);
            nothing was imported.
        InvalidValueError: if ``by`` is not a Stamp.
    """
    by = check_by(by)
    seen: dict[str, int] = {}

    def changes(work: Register, row: UnitRow, found: list[Problem]) -> list[RowChange]:
        return _changes(work, row, found, by, seen)

    result, _ = apply_rows(
        register,
        rows,
        changes,
        refused=REFUSED,
        kind="units",
        dry_run=dry_run,
    )
    return result


#: The column a problem is in, by a part of its record path; else the unit column.
_BLAMED: Final = (("capacity", "capacity"), ("name", "name"), ("kind", "kind"))


def _changes(
    work: Register, row: UnitRow, found: list[Problem], by: Stamp, seen: dict[str, int]
) -> list[RowChange]:
    found += row.problems
    column = row.columns.get
    if isinstance(row.capacity, Unreadable):
        found += row.capacity.problems
    bad_id = id_problem(row.number, column("unit", ""), row.unit, "unit")
    if bad_id:
        found += bad_id
        return []
    first = seen.setdefault(row.unit, row.number)
    capacity = row.capacity if isinstance(row.capacity, int) else None
    unit = work.host_units.get(row.unit)

    def blame(path: str) -> str:
        return blamed_column(row.columns, path, _BLAMED, "unit")

    if unit is None:
        for field, value in (("name", row.name), ("capacity", row.capacity)):
            if value is None:
                found.append(
                    Problem.of(
                        cell_path(row.number, column_of(row.columns, field, "unit")),
                        "services.units.missing",
                        field=Term(f"services.field.{field}"),
                    )
                )
        if found or row.name is None or capacity is None:
            return []
        try:
            new = HostUnit(id=row.unit, name=row.name, capacity=capacity, kind=row.kind or "")
        except InvalidValueError as e:
            found += problems_at(row.number, e, blame)
            return []
        return [RowChange(lambda r: r.add_host_unit(new, by=by), blame, added=True)]
    wanted: list[RowChange] = []
    if capacity is not None and capacity != unit.capacity:
        wanted.append(
            RowChange(
                lambda r: r.change_capacity(unit.id, capacity, by=by),
                lambda _: column("capacity", ""),  # the capacity is what is refused
            )
        )
    name = row.name if row.name and row.name != unit.name else None
    kind = row.kind if row.kind is not None and row.kind != unit.kind else None
    if name is not None or kind is not None:
        wanted.append(
            RowChange(lambda r: r.correct_host_unit(unit.id, name=name, kind=kind, by=by), blame)
        )
    if wanted and first != row.number:
        found.append(
            Problem.of(
                cell_path(row.number, column("unit", "")),
                "services.units.conflicting_rows",
                row=first,
            )
        )
        return []
    return wanted
