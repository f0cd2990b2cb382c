"""Import practice placements from a sheet: new placements made, shortened ones ended early.

An adapter (:mod:`mbprogram.storage.placement_csv`) reads the sheet into one
:class:`PlacementRow` per row: the student, the host unit, the supervisor, the
first and last day and the weekdays practised. A row names a placement the
student has by its id (a ``placement`` column), or else by its unit and first
day. A new placement is made with
:meth:`~mbprogram.register.aggregate.Register.place` (refused if the unit would
have more students at once than its capacity, or the placement starts before
the student's enrolment); its id is the one given, or the unit and first day
(``U1-20260302``). For a placement the student has, an earlier last day ends it
early (:meth:`~mbprogram.register.aggregate.Register.end_placement_early`);
any other difference is refused, naming its cell, since an import never moves a
placement to another unit, supervisor, start or weekdays. All rows or none
(:func:`~mbprogram.services.sheet_import.apply_rows`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.placements import Placement
from mbprogram.model.students import Student
from mbprogram.model.values import DateRange, Stamp, Weekday
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
from mbprogram.services.sheet_rows import Unreadable, cell_path, formula_problem

__all__ = ["REFUSED", "PlacementRow", "derived_placement_id", "import_placement_rows"]

#: The summary of the error that refuses a sheet of placements.
REFUSED: Final = Phrase("problems.import.refused.placements")


def derived_placement_id(unit: str, start: dt.date) -> str:
    """The id of a placement a sheet gives none: its unit and first day (``U1-20260302``)."""
    return f"{unit}-{start:%Y%m%d}"


@attrs.frozen(kw_only=True)
class PlacementRow:
    """One row of a sheet of placements, its cells read but not looked up in a register.

    Texts are as written, stripped; ``None`` when blank or when the sheet has no
    such column.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        student: the student's id.
        placement: the placement's id.
        unit: the host unit's id.
        supervisor: the supervisor at the unit.
        start: the first day, or why the cell is not a date.
        end: the last day, or why the cell is not a date.
        weekdays: the weekdays practised, or why the cell holds none.
        columns: the header of each column the sheet has, by field (``student``,
            ``placement``, ``unit``, ``supervisor``, ``start``, ``end``, ``weekdays``).
        problems: problems of the row whatever the register holds.
    """

    number: int = attrs.field(validator=v.between(1))
    student: str = attrs.field(validator=v.text(allow_empty=True))
    placement: str | None = None
    unit: str | None = None
    supervisor: str | None = None
    start: dt.date | Unreadable | None = None
    end: dt.date | Unreadable | None = None
    weekdays: frozenset[Weekday] | Unreadable | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=v.as_tuple)


def import_placement_rows(
    register: Register, rows: Iterable[PlacementRow], *, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Make or end early the placements of ``rows`` in ``register``: all rows or none.

    Raises:
        ImportRowsError: listing every bad row (``row N, column C: message``);
            nothing was imported.
        InvalidValueError: if ``by`` is not a Stamp.
    """
    by = check_by(by)
    seen: dict[tuple[str, str], int] = {}

    def changes(work: Register, row: PlacementRow, found: list[Problem]) -> list[RowChange]:
        return _Row(work, row, found, by).changes(seen)

    result, _ = apply_rows(
        register,
        rows,
        changes,
        refused=REFUSED,
        kind="placements",
        dry_run=dry_run,
    )
    return result


_BLAMED: Final = (
    ("period.end", "end"),
    ("last_day", "end"),
    ("period.start", "start"),
    ("period", "start"),
    ("weekdays", "weekdays"),
    ("supervisor", "supervisor"),
    ("host_units", "unit"),
    (".unit", "unit"),
)


class _Row:
    """The changes one row makes, and its problems."""

    def __init__(self, work: Register, row: PlacementRow, found: list[Problem], by: Stamp) -> None:
        self.work, self.row, self.found, self.by = work, row, found, by

    def column(self, field: str) -> str:
        return column_of(self.row.columns, field, "student")

    def problem(self, field: str, key: str, /, **values: object) -> None:
        self.found.append(Problem.of(cell_path(self.row.number, self.column(field)), key, **values))

    def blame(self, path: str) -> str:
        return blamed_column(self.row.columns, path, _BLAMED, "student")

    def changes(self, seen: dict[tuple[str, str], int]) -> list[RowChange]:
        row = self.row
        self.found += row.problems
        for value in (row.start, row.end, row.weekdays):
            if isinstance(value, Unreadable):
                self.found += value.problems
        if row.supervisor:
            self.found += formula_problem(row.number, self.column("supervisor"), row.supervisor)
        for field in ("placement", "unit"):
            value = getattr(row, field)
            if value is not None:
                self.found += id_problem(row.number, self.column(field), value, field)
        bad_id = id_problem(row.number, self.column("student"), row.student, "student")
        if bad_id:
            self.found += bad_id
            return []
        student = self.work.students.get(row.student)
        if student is None:
            self.problem("student", "problems.import.unknown_student_id")
            return []
        if self.found:
            return []
        old = self._recorded(student)
        key = (student.id, old.id if old is not None else self._new_id() or "")
        first = seen.setdefault(key, row.number)
        wanted = self._ended(student, old) if old is not None else self._placed(student)
        if wanted and first != row.number:
            self.problem("student", "services.placements.conflicting_rows", row=first)
            return []
        return wanted

    def _recorded(self, student: Student) -> Placement | None:
        row = self.row
        if row.placement is not None:
            return student.placement(row.placement)
        if isinstance(row.start, dt.date) and row.unit is not None:
            return next(
                (
                    p
                    for p in student.placements
                    if p.unit == row.unit and p.period.start == row.start
                ),
                None,
            )
        return None

    def _new_id(self) -> str | None:
        row = self.row
        if row.placement is not None:
            return row.placement
        if row.unit is None or not isinstance(row.start, dt.date):
            return None
        return derived_placement_id(row.unit, row.start)

    def _ended(self, student: Student, old: Placement) -> list[RowChange]:
        row = self.row
        recorded = {
            "unit": old.unit,
            "supervisor": old.supervisor,
            "start": old.period.start,
            "weekdays": old.weekdays,
        }
        for field, was in recorded.items():
            given = getattr(row, field)
            if given is not None and given != was:
                self.problem(
                    field,
                    "services.placements.differs",
                    placement=old.id,
                    field=Term(f"services.field.{field}"),
                )
        end = row.end
        if self.found or not isinstance(end, dt.date) or end == old.period.end:
            return []
        if end > old.period.end:
            self.problem(
                "end",
                "services.placements.extends",
                placement=old.id,
                end=f"{old.period.end:%d.%m.%Y}",  # as the sheet writes it, in both languages
            )
            return []
        sid, pid, by = student.id, old.id, self.by
        return [
            RowChange(
                lambda r: r.end_placement_early(sid, pid, last_day=end, by=by),
                lambda _: self.column("end"),
            )
        ]

    def _placed(self, student: Student) -> list[RowChange]:
        row = self.row
        for field in ("unit", "supervisor", "start", "end", "weekdays"):
            if getattr(row, field) is None:
                self.problem(
                    field, "services.placements.missing", field=Term(f"services.field.{field}")
                )
        placement_id = self._new_id()
        if placement_id is not None and not v.is_record_id(placement_id):
            self.problem("unit", "services.placements.no_id")
        if (
            self.found
            or placement_id is None
            or row.unit is None
            or row.supervisor is None
            or not isinstance(row.start, dt.date)
            or not isinstance(row.end, dt.date)
            or not isinstance(row.weekdays, frozenset)
        ):
            return []
        try:
            period = DateRange(row.start, row.end)
        except InvalidValueError as e:
            self.found += problems_at(row.number, e, lambda _: self.column("end"))
            return []
        try:
            new = Placement(
                id=placement_id,
                unit=row.unit,
                supervisor=row.supervisor,
                period=period,
                weekdays=row.weekdays,
            )
        except InvalidValueError as e:
            self.found += problems_at(row.number, e, self.blame)
            return []
        sid, by = student.id, self.by
        return [RowChange(lambda r: r.place(sid, new, by=by), self.blame, added=True)]
