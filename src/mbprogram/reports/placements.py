"""Placements per host unit: the rows behind the placement timeline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from mbprogram.model.values import Weekday
from mbprogram.reports.table import Table

if TYPE_CHECKING:
    from mbprogram.register.aggregate import Register

__all__ = ["PlacementRow", "placement_table"]


@attrs.frozen(kw_only=True)
class PlacementRow:
    """One placement: where, whose, when, and on which weekdays."""

    unit: str
    cohort: str
    student: str
    placement: str
    start: dt.date
    end: dt.date
    weekdays: tuple[str, ...]
    absences: int


def placement_table(
    register: Register, *, cohort: str | None = None, unit: str | None = None
) -> Table[PlacementRow]:
    """Every placement (of ``cohort``, at ``unit``), ordered by unit and start."""
    rows = [
        PlacementRow(
            unit=p.unit,
            cohort=s.cohort,
            student=s.id,
            placement=p.id,
            start=p.period.start,
            end=p.period.end,
            weekdays=tuple(Weekday(d).short for d in sorted(p.weekdays)),
            absences=len(p.absences),
        )
        for s in register.students.values()
        if cohort is None or s.cohort == cohort
        for p in s.placements
        if unit is None or p.unit == unit
    ]
    rows.sort(key=lambda r: (r.unit, r.start, r.student))
    where = " ".join(
        x for x in (f"of cohort {cohort}" if cohort else "", f"at {unit}" if unit else "") if x
    )
    return Table.of(f"Placements {where}".rstrip(), PlacementRow, rows)
