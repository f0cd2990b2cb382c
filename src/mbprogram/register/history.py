"""Reading the history back: the register as known at a moment, the seal, and its checks.

Every entry carries the whole record it changed before and after
(:class:`~mbprogram.model.history.Change`), so replaying the history is only
putting each entry's record in its table, or taking it out, in order: no
rule of today runs again, and a later change of a rule's arithmetic cannot
change what the register held in the past (``docs/format.md``, "History").

Each entry is sealed after the one before it (:func:`~mbprogram.model.history.seal`).
:func:`history_problems` checks the seal of every entry and that replaying the
history gives the records held, and names the first entry where either fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model.codes import RuleCode
from mbprogram.model.history import GENESIS, Change, HistoryRecord, seal
from mbprogram.paths import RecordPath
from mbprogram.register.state import TABLES, RegisterState, table_for

__all__ = [
    "history_problems",
    "known_at",
    "replayed_tables",
    "resealed",
    "sealed_after",
    "sealed_from",
]

_Key = tuple[str, str]


def sealed_after(history: Sequence[Change], changes: Iterable[Change]) -> tuple[Change, ...]:
    """``changes`` sealed one after another, following the last entry of ``history``."""
    return sealed_from(history[-1].chain if history else GENESIS, changes)


def sealed_from(previous: str, changes: Iterable[Change]) -> tuple[Change, ...]:
    """``changes`` sealed one after another, following an entry whose chain value is ``previous``.

    For a store that appends the entries a part of a register made (a part holds
    no history) after the last entry it holds.
    """
    out = []
    for change in changes:
        sealed = change.sealed(previous)
        out.append(sealed)
        previous = sealed.chain
    return tuple(out)


def resealed(history: Iterable[Change]) -> tuple[Change, ...]:
    """The whole history sealed again from its first entry (after an erasure or a stripping)."""
    return sealed_after((), history)


def _key(change: Change) -> _Key | None:
    kind = change.action.kind
    if kind is None:
        return None
    return table_for(kind), change.record.segments[-1].key or ""


def replayed_tables(history: Iterable[Change]) -> dict[str, dict[str, HistoryRecord]]:
    """Every table as the history leaves it: each entry's record put in, or taken out."""
    tables: dict[str, dict[str, HistoryRecord]] = {name: {} for name in TABLES}
    for change in history:
        key = _key(change)
        if key is None:
            continue
        name, record_id = key
        if change.after is None:
            tables[name].pop(record_id, None)
        else:
            tables[name][record_id] = change.after
    return tables


def known_at(state: RegisterState, moment: dt.datetime) -> RegisterState:
    """The register as it stood at ``moment``, rebuilt from the history alone.

    The entries stamped at or before ``moment`` are replayed in the order they
    were written; the state holds them as its history. An erased person's
    entries are gone from the history, so they are absent at every moment.

    Raises:
        InvalidValueError: if ``moment`` is not a timezone-aware date-time.
    """
    if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
        raise InvalidValueError.at("moment", "refusals.history.moment")
    known = tuple(c for c in state.history if c.at <= moment)
    tables: dict[str, Any] = {
        name: MappingProxyType(table) for name, table in replayed_tables(known).items()
    }
    return state.replaced(history=known, **tables)


def _chain_problem(history: Sequence[Change]) -> Problem | None:
    previous = GENESIS
    for i, change in enumerate(history):
        if change.chain != seal(previous, change):
            return Problem.of(
                f"history[{i}]", "refusals.history.chain", RuleCode.HISTORY_CHAIN_BROKEN
            )
        previous = change.chain
    return None


def _replay_problem(state: RegisterState) -> Problem | None:
    held: dict[_Key, HistoryRecord] = {}
    last: dict[_Key, int] = {}
    for i, change in enumerate(state.history):
        key = _key(change)
        if key is None:
            continue
        if held.get(key) != change.before:
            return Problem.of(
                f"history[{i}]",
                "refusals.history.before",
                RuleCode.HISTORY_DOES_NOT_REPLAY,
                record=str(change.record),
            )
        if change.after is None:
            held.pop(key, None)
        else:
            held[key] = change.after
        last[key] = i
    found: list[tuple[int, str, str]] = []
    for name in TABLES:
        for record_id, record in state.table(name).items():
            key = (name, record_id)
            if held.get(key) != record:
                found.append((last.get(key, len(state.history)), name, record_id))
    found += [(last[key], *key) for key in held if key[1] not in state.table(key[0])]
    if not found:
        return None
    i, name, record_id = min(found)
    what = RecordPath.of((name, record_id))
    if i == len(state.history):
        return Problem.of(
            f"history[{i}]",
            "refusals.history.unmade",
            RuleCode.HISTORY_DOES_NOT_REPLAY,
            record=str(what),
        )
    return Problem.of(
        f"history[{i}]",
        "refusals.history.replay",
        RuleCode.HISTORY_DOES_NOT_REPLAY,
        record=str(what),
    )


def history_problems(state: RegisterState) -> list[Problem]:
    """The first entry whose seal is broken or from which the replay fails, if any.

    Returns one problem at ``history[i]`` (with ``HISTORY_CHAIN_BROKEN`` or
    ``HISTORY_DOES_NOT_REPLAY``; the earlier entry, the seal first if both fail
    at one entry), or nothing if the history is sealed and replays to the records.
    """
    problems = [p for p in (_chain_problem(state.history), _replay_problem(state)) if p]
    if not problems:
        return []
    return [min(problems, key=lambda p: (_index(p.path), p.code != RuleCode.HISTORY_CHAIN_BROKEN))]


def _index(path: str) -> int:
    return int(path[len("history[") : -1])
