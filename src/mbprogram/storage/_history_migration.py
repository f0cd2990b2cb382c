"""Turning an ``mbprogram/1`` history into today's: whole records before and after, sealed.

An ``mbprogram/1`` entry holds only the part of a record that changed (an
attendance mark, a session, a number of places), so the whole records are
worked out backwards from the records the document holds: the last entry of a
record carries it as held, and each entry's record before is the record after
with its part put back as the entry says it was. That is done by the entry's
path alone (``attendance[SES-03]``: the mark of that session; ``places``: the
field), never by the register's rules; an entry whose part cannot be put back
that way (the path and the snapshot do not fit the record) carries the record
after as its record before too, so the records held, and every later moment,
are still exactly right. A record that no entry made (the history began after
it, or the document was written by hand) gets one ``*.adopted`` entry at the
start, stamped with the first entry's moment (or the Unix epoch for an empty
history) by ``mbprogram/1``. Then the whole history is sealed.
``docs/format.md`` ("Reading an mbprogram/1 document") says the same.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Sequence
from typing import Any, Final

import attrs

from mbprogram.exceptions import Problem, ValidationError
from mbprogram.model.history import (
    Action,
    Change,
    HistoryRecord,
    item_index,
    record_path_of,
    split_path,
)
from mbprogram.model.students import Status, Student
from mbprogram.model.values import Stamp
from mbprogram.paths import RecordPath, Segment
from mbprogram.register.history import resealed
from mbprogram.register.state import TABLES, table_for
from mbprogram.storage._history_v1 import LegacyChange
from mbprogram.storage._register_codec import Records

__all__ = ["ADOPTER", "migrated_history"]

#: Who adopted the records no ``mbprogram/1`` entry made.
ADOPTER: Final = "mbprogram/1"
_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ADOPTED: Final = {
    kind: Action(f"{name}.adopted")
    for kind, name in (
        (TABLES["cohorts"][0], "cohort"),
        (TABLES["students"][0], "student"),
        (TABLES["host_units"][0], "host-unit"),
        (TABLES["budget_pots"][0], "budget-pot"),
        (TABLES["employments"][0], "employment"),
        (TABLES["outcomes"][0], "outcome"),
    )
}
_Key = tuple[str, str]


class _CannotUndoError(Exception):
    """The entry's part cannot be put back by its path."""


def migrated_history(
    legacy: Sequence[LegacyChange], records: Records, problems: list[Problem]
) -> list[Change]:
    """Today's sealed history for an ``mbprogram/1`` history and the records it goes with.

    Adds a problem at ``history[i]`` for an entry whose action is not one of
    docs/format.md or that names a record the document does not hold.
    """
    held: dict[_Key, HistoryRecord | None] = {}
    for name in TABLES:
        for record in getattr(records, name):
            held[name, record.id] = record
    converted: list[Change | None] = [None] * len(legacy)
    for i in reversed(range(len(legacy))):
        change = _converted(legacy[i], held, f"history[{i}]", problems)
        converted[i] = change
    if problems:
        return []
    start = min((c.stamp.at for c in legacy), default=_EPOCH)
    adopted = [
        Change(
            stamp=Stamp(ADOPTER, start),
            action=_ADOPTED[type(record)],
            record=record_path_of(record),
            after=record,
        )
        for record in held.values()
        if record is not None
    ]
    return list(resealed([*adopted, *(c for c in converted if c is not None)]))


def _converted(
    entry: LegacyChange, held: dict[_Key, HistoryRecord | None], path: str, problems: list[Problem]
) -> Change | None:
    try:
        action = Action(entry.action)
    except ValueError:
        problems.append(Problem.of(f"{path}.action", "reading.history.action"))
        return None
    record, part = split_path(entry.record)
    kind = action.kind
    if kind is None:
        return Change(stamp=entry.stamp, action=action, record=record, part=part)
    key = (table_for(kind), record.segments[-1].key or "")
    after = held.get(key)
    if after is None and type(entry.after) is kind:
        after = typing.cast("HistoryRecord", entry.after)
    if after is None:
        problems.append(Problem.of(path, "reading.history.not_held", record=str(record)))
        return None
    before = _undone(after, action, part, entry.before, entry.after)
    held[key] = before
    try:
        return Change(
            stamp=entry.stamp, action=action, record=record, part=part, before=before, after=after
        )
    except ValidationError:
        problems.append(Problem.of(path, "reading.history.path_misfit", record=str(record)))
        return None


def _undone(
    top: HistoryRecord, action: Action, part: RecordPath, before: object, after: object
) -> HistoryRecord | None:
    """``top`` with the entry's part put back as it was, or ``top`` if that cannot be done."""
    kind = action.kind
    if not part.segments:
        if action is Action.STUDENT_GRADUATED and isinstance(top, Student):
            statuses = top.status_history
            if statuses and statuses[-1].status is Status.GRADUATED:
                statuses = statuses[:-1]
            return _evolved_or(top, certificate=None, status_history=statuses)
        if before is None or type(before) is kind:
            return before  # type: ignore[return-value]
        return top
    try:
        result: HistoryRecord = _put(top, part.segments, before, after)
    except _CannotUndoError:
        return top
    return result


def _evolved_or(top: HistoryRecord, **changes: Any) -> HistoryRecord:
    try:
        result: HistoryRecord = _evolved(top, **changes)
    except _CannotUndoError:
        return top
    return result


def _evolved(value: Any, **changes: Any) -> Any:
    try:
        return attrs.evolve(value, **changes)
    except (ValidationError, TypeError, ValueError):
        raise _CannotUndoError from None


def _put(value: Any, segments: Sequence[Segment], before: object, after: object) -> Any:
    """``value`` with what ``segments`` name inside it turned from ``after`` back to ``before``."""
    first, rest = segments[0], segments[1:]
    if not attrs.has(type(value)) or first.name not in attrs.fields_dict(type(value)):
        raise _CannotUndoError
    inner = getattr(value, first.name)
    new: object
    if first.key is not None:
        new = _put_item(inner, first.key, rest, before, after)
    elif rest:
        new = _put(inner, rest, before, after)
    elif isinstance(inner, tuple):  # an item appended (a reading, a status change)
        if after is None or after not in inner:
            raise _CannotUndoError
        i = len(inner) - 1 - inner[::-1].index(after)
        new = inner[:i] + inner[i + 1 :]
    elif inner == after:
        new = before
    else:
        raise _CannotUndoError
    return _evolved(value, **{first.name: new})


def _put_item(
    items: object, key: str, rest: Sequence[Segment], before: object, after: object
) -> tuple[Any, ...]:
    if not isinstance(items, tuple):
        raise _CannotUndoError
    i = item_index(items, key)
    if rest:
        if i is None:
            raise _CannotUndoError
        return (*items[:i], _put(items[i], rest, before, after), *items[i + 1 :])
    current = items[i] if i is not None else None
    if current == after:  # the item itself changed
        if i is None:
            return (*items, before)
        if before is None:
            return (*items[:i], *items[i + 1 :])
        return (*items[:i], before, *items[i + 1 :])
    if i is None:
        raise _CannotUndoError
    return (*items[:i], _within(items[i], before, after), *items[i + 1 :])


def _within(item: Any, before: object, after: object) -> Any:
    """``item`` with one of its fields turned from ``after`` back to ``before``."""
    if not attrs.has(type(item)):
        raise _CannotUndoError
    for field in attrs.fields(type(item)):
        value = getattr(item, field.name)
        if after is not None and value == after:
            return _evolved(item, **{field.name: before})
        if isinstance(value, tuple):
            if before is None and after is not None and after in value:
                i = len(value) - 1 - value[::-1].index(after)
                return _evolved(item, **{field.name: value[:i] + value[i + 1 :]})
            if after is None and type(before).__name__ in str(field.type):
                return _evolved(item, **{field.name: (*value, before)})
    raise _CannotUndoError
