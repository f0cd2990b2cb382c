"""Reading and writing the history of changes, whose snapshots are of many record types.

A change is written flat::

    {"actor": "Koordinator Krog", "at": "2026-01-02T09:00:00+00:00",
     "action": "attendance.recorded", "record": "cohorts[K1].students[S-01].attendance[SES-01]",
     "before": null, "after": {"type": "attendance", "value": {...}}}

``before`` and ``after`` are ``null`` or a record tagged with its type, so each
loads back to an equal object of the same type. :func:`history_json` writes a
whole history so; the JSON document and the SQLite store both use it, and
neither imports the other.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

import cattrs

from mbprogram.exceptions import DocumentError, Problem
from mbprogram.model.assignment import AssignmentAssessment, FinalAssignment, Submission
from mbprogram.model.attendance import Attendance, MakeUp
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord, PanelMember
from mbprogram.model.history import Change
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import HostUnit, Placement, PlacementAbsence, PlacementAssessment
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Certificate, StatusChange, Student
from mbprogram.model.values import DateRange, Stamp
from mbprogram.storage import _hooks as h
from mbprogram.storage._problems import BadValueError

__all__ = ["SNAPSHOT_TYPES", "history_json", "register_history_hooks"]

#: The document name of every type a history snapshot may have.
SNAPSHOT_TYPES: Final[Mapping[str, type]] = MappingProxyType(
    {
        "assignment-assessment": AssignmentAssessment,
        "attendance": Attendance,
        "budget-pot": BudgetPot,
        "certificate": Certificate,
        "cohort": Cohort,
        "date-range": DateRange,
        "employment": Employment,
        "final-assignment": FinalAssignment,
        "host-unit": HostUnit,
        "integer": int,
        "literature": Literature,
        "make-up": MakeUp,
        "outcome": OutcomeRecord,
        "panel-member": PanelMember,
        "placement": Placement,
        "placement-absence": PlacementAbsence,
        "placement-assessment": PlacementAssessment,
        "programme-rules": ProgrammeRules,
        "reading": Reading,
        "session": Session,
        "sign-off": SignOff,
        "status-change": StatusChange,
        "student": Student,
        "submission": Submission,
        "text": str,
    }
)
_TAGS: Final = {cls: tag for tag, cls in SNAPSHOT_TYPES.items()}
#: Snapshots of plain values, read (and checked before writing) within the bounds
#: of docs/format.md: a whole number below 10^15 in magnitude, a text a record could hold.
_PLAIN_SNAPSHOTS: Final[Mapping[type, Callable[[object], object]]] = MappingProxyType(
    {int: h.snapshot_integer, str: h.snapshot_text}
)
_KEYS: Final = ("actor", "at", "action", "record", "before", "after")


def register_history_hooks(conv: cattrs.Converter) -> None:
    """Teach ``conv`` to read and write :class:`~mbprogram.model.history.Change`."""
    types = ", ".join(SNAPSHOT_TYPES)

    def tag(o: object) -> type:
        if type(o) is str and o in SNAPSHOT_TYPES:
            return SNAPSHOT_TYPES[o]
        raise BadValueError(f"expected a record type among {types}", o)

    def snapshot(o: object) -> object:
        if o is None:
            return None
        fields: dict[str, Callable[[Any], Any]] = {"type": tag, "value": lambda v: v}
        found = h.structure_object(o, Change, fields, ("type", "value"))
        kind = found["type"]
        read = _PLAIN_SNAPSHOTS.get(kind) or (lambda v: conv.structure(v, kind))
        value = h.structure_object({"value": found["value"]}, Change, {"value": read}, ("value",))
        return value["value"]

    fields: dict[str, Callable[[Any], Any]] = {
        "actor": h.text,
        "at": h.date_time,
        "action": h.text,
        "record": h.text,
        "before": snapshot,
        "after": snapshot,
    }

    def structure(o: object, _: object = None) -> Change:
        values = h.structure_object(o, Change, fields, _KEYS[:4], built_later=True)
        stamp = h.built(Stamp, lambda: Stamp(values.pop("actor"), values.pop("at")))
        return h.built(
            Change, lambda: Change(stamp=stamp, **values), typing.cast("dict[str, Any]", o), fields
        )

    def tagged(value: object) -> dict[str, Any] | None:
        if value is None:
            return None
        kind = type(value)
        if kind not in _TAGS:
            raise BadValueError(f"cannot be written: no document type for a {kind.__name__}")
        if kind in _PLAIN_SNAPSHOTS:
            try:
                _PLAIN_SNAPSHOTS[kind](value)  # the bounds a document is read with
            except BadValueError as e:
                raise BadValueError(f"cannot be written: {e.expected}", show=False) from None
        return {"type": _TAGS[kind], "value": conv.unstructure(value, kind)}

    def unstructure(c: Change) -> dict[str, Any]:
        return {
            "actor": c.stamp.actor,
            "at": c.stamp.at.isoformat(),
            "action": c.action,
            "record": c.record,
            "before": tagged(c.before),
            "after": tagged(c.after),
        }

    conv.register_structure_hook(Change, structure)
    conv.register_unstructure_hook(Change, unstructure)


def history_json(conv: cattrs.Converter, history: tuple[Change, ...]) -> list[dict[str, Any]]:
    """The history as JSON values.

    Raises:
        DocumentError: naming each entry whose snapshot has no document form.
    """
    out, problems = [], []
    for i, change in enumerate(history):
        try:
            out.append(conv.unstructure(change, Change))
        except BadValueError as e:
            problems.append(Problem(f"history[{i}]", e.message(sensitive=True)))
    if problems:
        raise DocumentError(problems, summary="the register cannot be written")
    return out
