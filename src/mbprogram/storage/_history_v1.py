"""Reading the history of an ``mbprogram/1`` document or a store of schema version 2.

Those entries were written flat, their snapshots the part of a record that changed::

    {"actor": "Koordinator Krog", "at": "2026-01-02T09:00:00+00:00",
     "action": "attendance.recorded", "record": "cohorts[K1].students[S-01].attendance[SES-01]",
     "before": null, "after": {"type": "attendance", "value": {...}}}

``before`` and ``after`` are ``null`` or a value tagged with its type. They are
read here into :class:`LegacyChange` values, which only the migration
(:mod:`mbprogram.storage._history_migration`) turns into today's entries;
nothing writes this form any more.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs
import cattrs

from mbprogram.model.assignment import AssignmentAssessment, FinalAssignment, Submission
from mbprogram.model.attendance import Attendance, MakeUp
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord, PanelMember
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import HostUnit, Placement, PlacementAbsence, PlacementAssessment
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Certificate, StatusChange, Student
from mbprogram.model.values import DateRange, Stamp
from mbprogram.paths import RecordPath, unparsed_reason
from mbprogram.storage import _hooks as h
from mbprogram.storage._problems import BadValueError

__all__ = ["SNAPSHOT_TYPES", "LegacyChange", "register_legacy_hooks"]

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
#: Snapshots of plain values, read within the bounds
#: of docs/format.md: a whole number below 10^15 in magnitude, a text a record could hold.
_PLAIN_SNAPSHOTS: Final[Mapping[type, Callable[[object], object]]] = MappingProxyType(
    {int: h.snapshot_integer, str: h.snapshot_text}
)
_KEYS: Final = ("actor", "at", "action", "record", "before", "after")


@attrs.frozen(kw_only=True)
class LegacyChange:
    """An entry as ``mbprogram/1`` wrote it: the path of what changed and its snapshots."""

    stamp: Stamp
    action: str
    record: RecordPath
    before: object = None
    after: object = None


def _path(o: object, _: object = None) -> RecordPath:
    value = h.text(o)
    try:
        return RecordPath.parse(value)
    except ValueError as e:
        raise BadValueError(
            "reading.history.record_path", show=False, reason=unparsed_reason(e)
        ) from None


def register_legacy_hooks(conv: cattrs.Converter) -> None:
    """Teach ``conv`` to read a :class:`LegacyChange` (only reading: none is written)."""
    types = ", ".join(SNAPSHOT_TYPES)

    def tag(o: object) -> type:
        if type(o) is str and o in SNAPSHOT_TYPES:
            return SNAPSHOT_TYPES[o]
        raise BadValueError("reading.history.record_type", o, types=types)

    def snapshot(o: object) -> object:
        if o is None:
            return None
        fields: dict[str, Callable[[Any], Any]] = {"type": tag, "value": lambda v: v}
        found = h.structure_object(o, LegacyChange, fields, ("type", "value"))
        kind = found["type"]
        read = _PLAIN_SNAPSHOTS.get(kind) or (lambda v: conv.structure(v, kind))
        value = h.structure_object(
            {"value": found["value"]}, LegacyChange, {"value": read}, ("value",)
        )
        return value["value"]

    fields: dict[str, Callable[[Any], Any]] = {
        "actor": h.text,
        "at": h.date_time,
        "action": h.text,
        "record": _path,
        "before": snapshot,
        "after": snapshot,
    }

    def structure(o: object, _: object = None) -> LegacyChange:
        values = h.structure_object(o, LegacyChange, fields, _KEYS[:4], built_later=True)
        stamp = h.built(Stamp, lambda: Stamp(values.pop("actor"), values.pop("at")))
        return h.built(
            LegacyChange,
            lambda: LegacyChange(stamp=stamp, **values),
            typing.cast("dict[str, Any]", o),
            fields,
        )

    conv.register_structure_hook(LegacyChange, structure)
