"""Placements per host unit: the rows behind the placement timeline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from mbprogram.catalogue import Lang, text
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
    register: Register, *, cohort: str | None = None, unit: str | None = None, lang: Lang = "nb"
) -> Table[PlacementRow]:
    """Every placement (of ``cohort``, at ``unit``) by unit and start, titled in ``lang``."""
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
    title = [text("reports.placements.title", lang)]
    if cohort:
        title.append(text("reports.placements.of_cohort", lang, cohort=cohort))
    if unit:
        title.append(text("reports.placements.at_unit", lang, unit=unit))
    return Table.of(" ".join(title), PlacementRow, rows, lang=lang)
