"""The cattrs converter between the model's records and plain JSON values.

The converter is the project's own (never cattrs' global one) and strict: a
value of the wrong JSON kind is an error, never coerced (``"3"`` is not the
whole number 3, ``1`` is not ``true``), unknown keys are errors so that a typo
is not silently dropped, and so are missing required keys.

Encodings (see ``docs/format.md``):

* dates: ``"YYYY-MM-DD"``; date-times: ISO 8601 with a UTC offset;
* exact numbers (hours, percentages, weeks): written as decimal strings
  (``"139.99"``) so that no JSON reader turns them into binary floats; read
  from decimal strings or JSON numbers (parsed exactly);
* enumerations by value (``"on-leave"``); weekdays ``"mon"`` … ``"sun"``;
* a national identity number as its eleven digits (never quoted in a message);
* a placement's and a cohort's period as ``start`` and ``end``; an attendance
  mark flattened into its record (``{"session", "mark", "hours" | "reason"}``).

Records are built through their constructors, so every domain rule on a
record's own fields is checked as it is read.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import typing
from collections.abc import Callable
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from mbprogram.model.assignment import AssignmentAssessment, FinalAssignment, Submission
from mbprogram.model.attendance import (
    Attendance,
    ExcusedAbsence,
    MakeUp,
    Mark,
    Present,
    UnexcusedAbsence,
)
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord, PanelMember, Role
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import HostUnit, Placement, PlacementAbsence, PlacementAssessment
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Background, Certificate, Contact, StatusChange, Student
from mbprogram.model.values import DateRange, Hours, Percent, Weekday
from mbprogram.storage import _hooks as h
from mbprogram.storage._history_codec import register_history_hooks
from mbprogram.storage._history_v1 import register_legacy_hooks
from mbprogram.storage._problems import BadValueError

__all__ = ["RECORD_TYPES", "converter"]

T = TypeVar("T")

#: Record types read and written by cattrs' generated functions (with
#: :class:`~mbprogram.model.students.Student`), each made on its first use.
_GENERATED: Final[tuple[type, ...]] = (
    DateRange,
    Session,
    HostUnit,
    StatusChange,
    Background,
    Contact,
    Certificate,
    MakeUp,
    PlacementAbsence,
    PlacementAssessment,
    Reading,
    SignOff,
    Literature,
    Submission,
    AssignmentAssessment,
    FinalAssignment,
    BudgetPot,
    PanelMember,
    Employment,
    OutcomeRecord,
)

#: Every record type the converter reads and writes.
RECORD_TYPES: Final[tuple[type, ...]] = (
    *_GENERATED,
    Attendance,
    Placement,
    ProgrammeRules,
    Cohort,
    Student,
)

_MARK_KINDS: Final = ("present", "excused", "unexcused")
_CACHE_SIZE: Final = 50_000

Hooks = tuple[Callable[[object, object], T], Callable[[T], dict[str, Any]]]


def _attendance_hooks(conv: cattrs.Converter) -> Hooks[Attendance]:
    kinds = ", ".join(_MARK_KINDS)
    # Students of a cohort share sessions and mostly their lengths: the same records recur.
    cache: dict[tuple[object, ...], Attendance] = {}

    def mark_kind(o: object) -> str:
        if type(o) is str and o in _MARK_KINDS:
            return o
        raise BadValueError("reading.expected.one_of", o, choices=kinds)

    def structure(o: object, _: object = None) -> Attendance:
        key: tuple[object, ...] = ()
        if type(o) is dict and len(o) == 3 and o.get("mark") == "present":
            hours = o.get("hours")
            key = (o.get("session"), h.exact_key(hours))
            try:
                return cache[key]
            except KeyError:
                pass
            except TypeError:  # unhashable: a list or object where text belongs
                key = ()
        kind = o.get("mark") if type(o) is dict else None
        fields: dict[str, Callable[[Any], Any]] = {"session": h.text, "mark": mark_kind}
        if kind == "present":
            fields["hours"] = h.hours
        elif kind == "excused":
            fields["reason"] = h.text
        values = h.structure_object(
            o, Attendance, fields, ("session", "mark", "hours"), built_later=True
        )
        mark: Mark = (
            Present(values["hours"])
            if kind == "present"
            else ExcusedAbsence(values.get("reason", ""))
            if kind == "excused"
            else UnexcusedAbsence()
        )
        record = h.built(
            Attendance,
            lambda: Attendance(values["session"], mark),
            typing.cast("dict[str, Any]", o),
            fields,
        )
        if key:
            if len(cache) > _CACHE_SIZE:
                cache.clear()
            cache[key] = record
        return record

    def unstructure(a: Attendance) -> dict[str, Any]:
        mark = a.mark
        if type(mark) is Present:
            return {"session": a.session, "mark": "present", "hours": h.decimal_text(mark.hours)}
        if type(mark) is ExcusedAbsence:
            return {"session": a.session, "mark": "excused", "reason": mark.reason}
        return {"session": a.session, "mark": "unexcused"}

    return structure, unstructure


def _hook_on_first_use(
    conv: cattrs.Converter, t: Any, *, unstructure: bool = False
) -> Callable[[], Callable[..., Any]]:
    """What gives ``conv``'s hook for ``t``, looked up (and so generated) when first asked for.

    A record read by the fast path never asks for its fields' hooks; one read
    in detail, or written, does, and the hook is then kept.
    """

    @functools.cache
    def hook() -> Callable[..., Any]:
        return conv.get_unstructure_hook(t) if unstructure else conv.get_structure_hook(t)

    return hook


def _placement_hooks(conv: cattrs.Converter) -> Hooks[Placement]:
    absences_type, assessment_type = tuple[PlacementAbsence, ...], PlacementAssessment | None
    absences = _hook_on_first_use(conv, absences_type)
    assessment = _hook_on_first_use(conv, assessment_type)
    unstructure_assessment = _hook_on_first_use(conv, PlacementAssessment, unstructure=True)
    fields: dict[str, Callable[[Any], Any]] = {
        "id": h.text,
        "unit": h.text,
        "supervisor": h.text,
        "start": h.date,
        "end": h.date,
        "weekdays": h.weekdays,
        "absences": lambda o: absences()(o, absences_type),
        "midway": lambda o: assessment()(o, assessment_type),
        "final": lambda o: assessment()(o, assessment_type),
    }
    required = ("id", "unit", "supervisor", "start", "end", "weekdays")

    def structure(o: object, _: object = None) -> Placement:
        values = h.structure_object(o, Placement, fields, required, built_later=True)
        make = lambda: Placement(period=h.period(values), **values)  # noqa: E731
        return h.built(Placement, make, typing.cast("dict[str, Any]", o), fields)

    def unstructure(p: Placement) -> dict[str, Any]:
        return {
            "id": p.id,
            "unit": p.unit,
            "supervisor": p.supervisor,
            "start": p.period.start.isoformat(),
            "end": p.period.end.isoformat(),
            "weekdays": h.weekday_list(p.weekdays),
            "absences": [{"day": a.day.isoformat(), "reason": a.reason} for a in p.absences],
            "midway": None if p.midway is None else unstructure_assessment()(p.midway),
            "final": None if p.final is None else unstructure_assessment()(p.final),
        }

    return structure, unstructure


def _rules(o: object, _: object = None) -> ProgrammeRules:
    if type(o) is not dict:
        raise BadValueError("reading.expected.rules", o, show=False)
    return ProgrammeRules.from_dict(o)


def _cohort_hooks(conv: cattrs.Converter) -> Hooks[Cohort]:
    sessions_type = tuple[Session, ...]
    sessions = _hook_on_first_use(conv, sessions_type)
    unstructure_session = _hook_on_first_use(conv, Session, unstructure=True)
    fields: dict[str, Callable[[Any], Any]] = {
        "id": h.text,
        "name": h.text,
        "rules": _rules,
        "start": h.date,
        "end": h.date,
        "places": h.whole,
        "sessions": lambda o: sessions()(o, sessions_type),
    }
    required = ("id", "name", "rules", "start", "end", "places")

    def structure(o: object, _: object = None) -> Cohort:
        values = h.structure_object(o, Cohort, fields, required, built_later=True)
        make = lambda: Cohort(period=h.period(values), **values)  # noqa: E731
        return h.built(Cohort, make, typing.cast("dict[str, Any]", o), fields)

    def unstructure(c: Cohort) -> dict[str, Any]:
        return {
            "id": c.id,
            "name": c.name,
            "rules": c.rules.to_dict(),
            "start": c.period.start.isoformat(),
            "end": c.period.end.isoformat(),
            "places": c.places,
            "sessions": [write(s) for write in (unstructure_session(),) for s in c.sessions],
        }

    return structure, unstructure


def _checked_object(
    generated: Callable[[Any, Any], T], cl: type[T]
) -> Callable[[object, object], T]:
    def structure(o: object, _: object = None) -> T:
        if type(o) is not dict:
            raise BadValueError("reading.expected.object", o, show=False)
        try:
            return generated(o, cl)
        except ClassValidationError as e:
            unknown = [x for x in e.exceptions if isinstance(x, ForbiddenExtraKeysError)]
            if len(unknown) != len(e.exceptions):
                raise
            # Only unknown keys: read the rest too, so that its problems are listed as well.
            rest = {k: v for k, v in o.items() if k not in unknown[0].extra_fields}
            try:
                generated(rest, cl)
            except ClassValidationError as more:
                raise ClassValidationError(e.message, [*unknown, *more.exceptions], cl) from None
            raise

    return structure


def _register_generated(conv: cattrs.Converter, kinds: frozenset[type]) -> None:
    """Have cattrs generate the functions of ``kinds`` for ``conv``, each on its first use.

    Generating them costs more than most reads need: a read whose records
    the fast path vouches for (:mod:`~mbprogram.storage._fast_records`) asks
    for few of them, and a report that saves nothing for none of the writing
    ones. A type's functions are the same whenever they are made (cattrs
    keeps each once made): its fields' hooks are looked up as it is made,
    when every hook of the converter is registered.
    """

    def generated(t: object) -> bool:
        return isinstance(t, type) and t in kinds

    def structure(cl: type[Any]) -> Callable[[object, object], Any]:
        made = make_dict_structure_fn(cl, conv, _cattrs_forbid_extra_keys=True)
        return _checked_object(made, cl)

    def unstructure(cl: type[Any]) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(cl, conv)

    conv.register_structure_hook_factory(generated, structure)
    conv.register_unstructure_hook_factory(generated, unstructure)


@functools.cache
def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    return h.enum_hook(cls)


def _text_or_enum(o: object, cls: object = str) -> object:
    if cls is str or not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        return h.text(o)
    return _enum_hook(cls)(o, cls)


def _list_writer(t: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    """Write ``tuple[X, ...]`` as a JSON list: each item by ``X``'s hook, in one comprehension."""
    item = conv.get_unstructure_hook(typing.get_args(t)[0])
    return lambda values: [item(value) for value in values]


@functools.cache
def converter() -> cattrs.Converter:
    """The document converter.

    It reads any valid identity number, synthetic ones too: whether a register
    may hold synthetic numbers is a rule of the register
    (``SYNTHETIC_ID_NOT_ALLOWED``), checked when the register is rebuilt, as on
    every change. Made once and kept; the functions cattrs generates for a
    record type are made when the type is first read or written.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    plain: tuple[tuple[Any, Callable[..., Any], Callable[..., Any] | None], ...] = (
        (str, _text_or_enum, None),  # a StrEnum is a str: it comes here too
        (int, h.whole, None),
        (bool, h.flag, None),
        (dt.date, h.date, dt.date.isoformat),
        (dt.datetime, h.date_time, dt.datetime.isoformat),
        (Hours, h.hours, h.decimal_text),
        (Percent, h.percent, h.decimal_text),
        (frozenset[Weekday], h.weekdays, h.weekday_list),
        (frozenset[Role], h.roles, h.role_list),
        (ProgrammeRules, _rules, ProgrammeRules.to_dict),
        (NationalIdNumber, h.national_id_hook(allow_synthetic=True), None),
    )
    for kind, structure, unstructure in plain:
        if isinstance(kind, type):
            conv.register_structure_hook(kind, structure)
            if unstructure is not None:
                conv.register_unstructure_hook(kind, unstructure)
        else:  # a generic alias such as frozenset[Weekday]
            matches = functools.partial(operator.eq, kind)
            conv.register_structure_hook_func(matches, structure)
            if unstructure is not None:
                conv.register_unstructure_hook_func(matches, unstructure)
    conv.register_unstructure_hook(NationalIdNumber, lambda n: n.value)
    conv.register_structure_hook_factory(h.is_list_of, lambda t: h.list_hook(t, conv))
    conv.register_unstructure_hook_factory(h.is_list_of, lambda t: _list_writer(t, conv))
    _register_generated(conv, frozenset({*_GENERATED, Student}))
    for cl, hooks in (
        (Attendance, _attendance_hooks),
        (Placement, _placement_hooks),
        (Cohort, _cohort_hooks),
    ):
        structure, unstructure = hooks(conv)
        conv.register_structure_hook(cl, structure)
        conv.register_unstructure_hook(cl, unstructure)
    register_history_hooks(conv)
    register_legacy_hooks(conv)
    return conv
