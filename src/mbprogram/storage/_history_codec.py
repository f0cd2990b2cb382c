"""Reading and writing the history of changes: each entry a whole record before and after.

An entry is written flat (``docs/format.md``, "History")::

    {"actor": "Koordinator Krog", "at": "2026-01-02T09:00:00+00:00",
     "action": "attendance.recorded", "record": "cohorts[K1].students[S-01]",
     "part": "attendance[SES-01]", "before": {...}, "after": {...},
     "chain": "3f1c…"}

``before`` and ``after`` are ``null`` or the whole record in the document's
form of the kind the action carries (a student with its ``cohort``), so no
type tag is needed. :func:`history_json` writes a whole history so; the JSON
document and the stores use it, and none imports another. The history of an
``mbprogram/1`` document is read by :mod:`mbprogram.storage._history_v1`.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError

from mbprogram.exceptions import DocumentError, Problem
from mbprogram.model.history import Action, Change, HistoryRecord
from mbprogram.model.values import Stamp
from mbprogram.storage import _hooks as h
from mbprogram.storage._problems import BadValueError, kind_problem, problems_of

__all__ = [
    "ENTRY_KEYS",
    "SharedStates",
    "history_json",
    "read_history_list",
    "register_history_hooks",
]

#: The keys of an entry, in the order they are written.
ENTRY_KEYS: Final = ("actor", "at", "action", "record", "part", "before", "after", "chain")


def _action(o: object, _: object = None) -> Action:
    if type(o) is str and o in Action._value2member_map_:
        return Action(o)
    raise BadValueError("reading.history.action", o, show=False)


def register_history_hooks(conv: cattrs.Converter) -> None:
    """Teach ``conv`` to read and write :class:`~mbprogram.model.history.Change`."""
    fields: dict[str, Callable[[Any], Any]] = {
        "actor": h.text,
        "at": h.date_time,
        "action": _action,
        "record": h.text,
        "part": lambda o: h.text(o) if o != "" else "",
        "before": lambda o: o,
        "after": lambda o: o,
        "chain": lambda o: o if o == "" else h.text(o),
    }

    def state(action: Action, key: str, raw: object) -> object:
        if raw is None:
            return None
        kind = action.kind
        if kind is None:
            raise BadValueError("reading.history.no_record", action=action.value)
        return conv.structure(raw, kind)

    def structure(o: object, _: object = None) -> Change:
        values = h.structure_object(o, Change, fields, ENTRY_KEYS, built_later=True)
        errors: list[Exception] = []
        for key in ("before", "after"):
            try:
                values[key] = state(values["action"], key, values[key])
            except Exception as e:  # collected, reported with its path
                e.add_note(AttributeValidationNote(key, key, None))
                errors.append(e)
        if errors:
            raise ClassValidationError("While structuring Change", errors, Change)
        stamp = h.built(Stamp, lambda: Stamp(values.pop("actor"), values.pop("at")))
        return h.built(
            Change, lambda: Change(stamp=stamp, **values), typing.cast("dict[str, Any]", o), fields
        )

    def unstructure(c: Change) -> dict[str, Any]:
        kind = c.action.kind
        for state in (c.before, c.after):
            if state is not None and (kind is None or not isinstance(state, kind)):
                raise BadValueError("reading.history.wrong_kind")
        return {
            "actor": c.stamp.actor,
            "at": c.stamp.at.isoformat(),
            "action": c.action.value,
            "record": str(c.record),
            "part": str(c.part),
            "before": None if c.before is None else conv.unstructure(c.before, kind),
            "after": None if c.after is None else conv.unstructure(c.after, kind),
            "chain": c.chain,
        }

    conv.register_structure_hook(Change, structure)
    conv.register_unstructure_hook(Change, unstructure)


class SharedStates:
    """Reads entries one by one, each record state once.

    An entry's record before is, in a history that replays, the record the
    last entry about it carried after: when the two read the same, the entry
    gets that very object, which is neither read again nor held twice.
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        """Read with ``conv``."""
        self._conv = conv
        self._last: dict[str, tuple[object, HistoryRecord]] = {}

    def read(self, raw: object, path: str, problems: list[Problem]) -> Change | None:
        """The entry ``raw`` (a JSON object), or None with its problems added under ``path``."""
        shared: HistoryRecord | None = None
        if type(raw) is dict:
            entry: dict[str, object] = raw
            key = entry.get("record")
            if type(key) is str and None not in (entry.get("before"), entry.get("after")):
                last = self._last.get(key)
                if last is not None and last[0] == entry["before"]:
                    shared, raw = last[1], {**entry, "before": None}
        try:
            change: Change = self._conv.structure(raw, Change)
            if shared is not None:
                change = attrs.evolve(change, before=shared)
        except Exception as e:  # every failure becomes problems with paths
            problems.extend(problems_of(e, path))
            return None
        assert type(raw) is dict  # noqa: S101 - structured, so an object
        if change.after is None:
            self._last.pop(str(raw["record"]), None)
        else:
            self._last[str(raw["record"])] = (raw["after"], change.after)
        return change


def read_history_list(
    conv: cattrs.Converter, raw: object, path: str, problems: list[Problem]
) -> list[Change]:
    """The entries of a history given as a JSON list (problems added under ``path[i]``)."""
    if type(raw) is not list:
        problems.append(kind_problem(path, "reading.expected.list", raw))
        return []
    states = SharedStates(conv)
    found = (states.read(item, f"{path}[{i}]", problems) for i, item in enumerate(raw))
    return [c for c in found if c is not None]


def history_json(conv: cattrs.Converter, history: tuple[Change, ...]) -> list[dict[str, Any]]:
    """The history as JSON values.

    Raises:
        DocumentError: naming each entry that has no document form.
    """
    out, problems = [], []
    for i, change in enumerate(history):
        try:
            out.append(conv.unstructure(change, Change))
        except (BadValueError, TypeError, ValueError):
            problems.append(Problem.of(f"history[{i}]", "reading.history.no_document_form"))
    if problems:
        raise DocumentError(problems, summary_key="reading.document.unwritable")
    return out
