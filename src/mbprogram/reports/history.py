"""The history as rows a person reads: when, who, what, and the part before → after in words.

Each row names the entry's action (``docs/format.md`` lists them), the path
of what changed, and what that part of the record was before and became
after, in words of the language asked for: ``til stede 3 t → til stede 5 t``,
``2 oppføringer → 3 oppføringer``. Free text (names, reasons, notes, topics) and
identity numbers are never shown, only that a text is there.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from mbprogram.catalogue import Lang, text
from mbprogram.model.attendance import Attendance, ExcusedAbsence, Present, UnexcusedAbsence
from mbprogram.model.history import Action, Change, part_of
from mbprogram.model.students import StatusChange
from mbprogram.model.values import DateRange, Hours, Percent
from mbprogram.paths import RecordPath

__all__ = ["HistoryRow", "history_rows", "part_in_words"]

#: The catalogue word of each kind of record with an id, by class name.
_KINDS: Final = {
    "Cohort": "cohort",
    "Student": "student",
    "HostUnit": "host_unit",
    "BudgetPot": "budget_pot",
    "Employment": "employment",
    "OutcomeRecord": "outcome",
    "Session": "session",
    "MakeUp": "make_up",
    "Placement": "placement",
}


@attrs.frozen(kw_only=True)
class HistoryRow:
    """One history entry as read: its position, stamp, action, path and the part in words."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    path: str
    before: str
    after: str
    chain: str

    def as_dict(self) -> dict[str, object]:
        """The row as JSON-ready values (the moment as ISO text)."""
        return {**attrs.asdict(self), "at": self.at.isoformat()}


def history_rows(
    history: Iterable[Change],
    lang: Lang,
    *,
    record: RecordPath | None = None,
    since: dt.datetime | None = None,
) -> list[HistoryRow]:
    """The entries of ``history`` within ``record`` (its path and what it holds) from ``since``.

    ``seq`` is the entry's position in the whole history (from 0).
    """
    rows = []
    for seq, change in enumerate(history):
        if record is not None and not change.path.is_within(record):
            continue
        if since is not None and change.at < since:
            continue
        before, after = _words(change, lang)
        rows.append(
            HistoryRow(
                seq=seq,
                at=change.at,
                actor=change.actor,
                action=change.action.value,
                path=str(change.path),
                before=before,
                after=after,
                chain=change.chain,
            )
        )
    return rows


def _words(change: Change, lang: Lang) -> tuple[str, str]:
    if change.action is Action.PERSON_ERASED:
        return text("history.nothing", lang), text("history.erased", lang)
    if change.action is Action.IDENTIFIERS_STRIPPED:
        return text("history.nothing", lang), text("history.stripped", lang)
    before = part_of(change.before, change.part)
    after = part_of(change.after, change.part)
    if (
        type(before) is type(after)
        and attrs.has(type(before))
        and before != after
        and not isinstance(before, _WHOLE)
    ):
        changed = [
            f.name
            for f in attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(before)))
            if f.init and getattr(before, f.name) != getattr(after, f.name)
        ]
        return _fields(before, changed, lang), _fields(after, changed, lang)
    return part_in_words(before, lang), part_in_words(after, lang)


#: Parts said as a whole even when only a field of them changed.
_WHOLE: Final = (Attendance, Present, ExcusedAbsence, UnexcusedAbsence, StatusChange, DateRange)


def _fields(record: object, names: list[str], lang: Lang) -> str:
    """The fields ``names`` of ``record``, each with its value in words."""
    return "; ".join(f"{name} {part_in_words(getattr(record, name), lang)}" for name in names)


def part_in_words(value: object, lang: Lang) -> str:
    """A record's part in words: a mark, a number, a date, a count of entries, a record's id.

    Text is never shown (it may be a name, a reason or a note), nor an identity number.
    """
    if value is None:
        return text("history.nothing", lang)
    if isinstance(value, Attendance):
        value = value.mark
    if isinstance(value, Present):
        return text("history.present", lang, hours=value.hours.value)
    if isinstance(value, ExcusedAbsence):
        return text("history.excused", lang)
    if isinstance(value, UnexcusedAbsence):
        return text("history.unexcused", lang)
    if isinstance(value, Hours | Percent):
        return text("history.number", lang, n=value.value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | Decimal):
        return text("history.number", lang, n=value)
    if isinstance(value, str):
        return text("history.text", lang)
    if isinstance(value, dt.date):
        return text("history.day", lang, on=value)
    if isinstance(value, DateRange):
        return text("history.period", lang, start=value.start, end=value.end)
    if isinstance(value, tuple):
        return text("history.items", lang, n=len(value))
    if isinstance(value, StatusChange):
        return text("history.status", lang, status=value.status.value, on=value.on)
    return _record(value, lang)


def _record(value: object, lang: Lang) -> str:
    name = type(value).__name__
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str):
        kind = text(f"history.kind.{_KINDS.get(name, 'other')}", lang)
        return text("history.record", lang, kind=kind, id=record_id)
    for field in ("on", "day", "issued_on"):
        day = getattr(value, field, None)
        if isinstance(day, dt.date):
            return text("history.dated", lang, on=day)
    return text("history.recorded", lang)
