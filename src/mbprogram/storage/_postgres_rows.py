"""The PostgreSQL store's rows: records as rows with typed columns, and what a change wrote.

Bodies are the document format's JSON, made by the one codec
(:mod:`mbprogram.storage._register_codec`, :mod:`mbprogram.storage._history_codec`)
and read back through the SQLite store's row readers, which trust nothing a
row holds (:mod:`mbprogram.storage._sqlite_rows`). The typed columns beside a
body (a student's cohort, national identity number and certificate, a
placement's unit and dates, an employment's person and pot) are derived from
the record on every write, never read back into it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs
import cattrs

from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.storage._register_codec import student_json
from mbprogram.storage._sqlite_rows import TYPES

__all__ = [
    "COLUMNS",
    "HistoryEdit",
    "TableEdit",
    "history_edit",
    "placement_rows",
    "record_values",
    "table_edit",
]

#: The columns a record's row is written with, after its id, in order.
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    "host_units": ("capacity", "body"),
    "cohorts": ("starts", "ends", "body"),
    "budget_pots": ("capacity", "body"),
    "students": ("cohort", "national_id", "certificate", "body"),
    "employments": ("person", "unit", "pot", "starts", "body"),
    "outcomes": ("person", "body"),
}


def _body(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_values(conv: cattrs.Converter, table: str, record: Any) -> tuple[object, ...]:
    """The values of ``record``'s row after its id, in the order of :data:`COLUMNS`."""
    if isinstance(record, Student):
        number = record.national_id.value if record.national_id is not None else None
        certificate = record.certificate.id if record.certificate is not None else None
        return (record.cohort, number, certificate, _body(student_json(conv, record)))
    body = _body(conv.unstructure(record, TYPES[table]))
    if isinstance(record, HostUnit | BudgetPot):
        return (record.capacity, body)
    if isinstance(record, Cohort):
        return (record.period.start, record.period.end, body)
    if isinstance(record, Employment):
        return (record.person, record.unit, record.pot, record.start, body)
    if isinstance(record, OutcomeRecord):
        return (record.person, body)
    raise TypeError(f"no row for a {type(record).__name__}")  # pragma: no cover - tables above


def placement_rows(student: Student) -> list[tuple[object, ...]]:
    """The ``placements`` rows of a student: student, placement, unit, starts, ends."""
    return [(student.id, p.id, p.unit, p.period.start, p.period.end) for p in student.placements]


@attrs.frozen
class TableEdit:
    """What a save writes to one record table: rows inserted, updated and deleted (by id)."""

    insert: tuple[Any, ...] = ()
    update: tuple[Any, ...] = ()
    delete: tuple[str, ...] = ()
    #: students whose ``placements`` rows are rewritten (their placements changed)
    placed: tuple[Student, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.insert or self.update or self.delete)


def _placed(student: Student) -> tuple[tuple[object, ...], ...]:
    return tuple((p.id, p.unit, p.period) for p in student.placements)


def table_edit(old: Mapping[str, Any], new: Mapping[str, Any]) -> TableEdit:
    """The rows of one table that differ between two states of it (records by id).

    A record that is the very object it was is not compared further; records
    are immutable, so one that is equal needs no write either.
    """
    insert = tuple(r for rid, r in new.items() if rid not in old)
    update = tuple(
        r for rid, r in new.items() if rid in old and r is not old[rid] and r != old[rid]
    )
    delete = tuple(rid for rid in old if rid not in new)
    placed = tuple(
        r for r in update if isinstance(r, Student) and _placed(r) != _placed(old[r.id])
    ) + tuple(r for r in insert if isinstance(r, Student) and r.placements)
    return TableEdit(insert, update, delete, placed)


@attrs.frozen
class HistoryEdit:
    """What a save writes to the history: entries deleted and rewritten (by seq), appended."""

    delete: tuple[int, ...] = ()
    rewrite: tuple[tuple[int, Change], ...] = ()
    append: tuple[Change, ...] = ()


def history_edit(old: Sequence[tuple[int, Change]], new: Sequence[Change]) -> HistoryEdit:
    """The edit that turns the stored history ``old`` (seq, change) into ``new``.

    Walks both in order: an entry kept as it was stays, one with the same stamp,
    action and record but other snapshots is rewritten in place (retention
    strips snapshots), any other stored entry is deleted (erasure drops
    entries), and what is left of ``new`` is appended. The stored history then
    reads exactly ``new``, whatever the change did to it.
    """
    delete: list[int] = []
    rewrite: list[tuple[int, Change]] = []
    j = 0
    for seq, change in old:
        if j < len(new) and (new[j] is change or new[j] == change):
            j += 1
        elif j < len(new) and _same_entry(new[j], change):
            rewrite.append((seq, new[j]))
            j += 1
        else:
            delete.append(seq)
    return HistoryEdit(tuple(delete), tuple(rewrite), tuple(new[j:]))


def _same_entry(a: Change, b: Change) -> bool:
    return (a.stamp, a.action, a.record) == (b.stamp, b.action, b.record)
