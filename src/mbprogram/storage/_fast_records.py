"""The fast path of reading records: the converter's own hooks and the records' own constructors.

Reading a record through cattrs with detailed validation keeps, for every
field and list item, what is needed to name a problem with its path; on a
valid document that bookkeeping costs most of a load. Valid documents are the
rule, so each record is first built here, with nothing but what decides
whether it is valid:

* every JSON value is read by the very hook the converter uses for its field's
  type (:mod:`mbprogram.storage._hooks`: the same strictness about JSON kinds);
* the records a student holds by the thousand are made field by field, each
  value checked by the predicate of its field's own validator
  (:func:`mbprogram.model.validators.accepts`) and the record's rules across
  its fields run or checked inline (see the section below); every other
  record is made by its own constructor, so each attrs validator, converter
  and ``__attrs_post_init__`` check runs exactly as on the detailed path;
* an unknown key, a missing required key, a value a hook or a predicate
  refuses, a record that breaks a rule, or anything else unexpected makes the
  whole record declined (:class:`DeclinedError`, or any exception).

Records and verdicts that recur are kept only while a load runs
(:func:`mbprogram.storage._kept.one_load`): they may hold free text, which
must not outlive the load. Outside a load nothing is kept.

A caller that gets no record reads the value again in detail through the
converter, which names every problem with its path
(:func:`mbprogram.storage._register_codec.read`). The two paths give equal
records on valid input and the detailed one alone reports problems:
``tests/storage/test_fast_records.py`` holds them to that on mutated documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import types
import typing
from collections.abc import Callable, Collection, Iterator
from itertools import repeat
from typing import Any, Final

import attrs

from mbprogram.model.assignment import AssignmentAssessment, FinalAssignment, Submission, Verdict
from mbprogram.model.attendance import Attendance
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import Placement, PlacementAbsence, PlacementAssessment
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Status, StatusChange, Student
from mbprogram.model.validators import accepts
from mbprogram.model.values import DateRange, Hours, Weekday
from mbprogram.storage import _hooks as h
from mbprogram.storage._converter import RECORD_TYPES, converter
from mbprogram.storage._hooks import is_list_of
from mbprogram.storage._kept import Kept

__all__ = ["Build", "DeclinedError", "builder", "student"]

#: Reads one JSON value; raises when it cannot vouch for it.
Build = Callable[[object], Any]

#: Record types whose JSON object has exactly the keys of their attrs fields (the
#: programme rules are read by their own ``from_dict``, through the converter's hook).
_PLAIN: Final = frozenset(RECORD_TYPES) - {Attendance, Placement, Cohort, ProgrammeRules}

#: The converter's hooks for plain values, which read a value without its type.
_ONE_ARGUMENT: Final = frozenset(
    {h.text, h.whole, h.flag, h.date, h.date_time, h.hours, h.weekdays}
)


class DeclinedError(ValueError):
    """The fast path does not vouch for a value: it is read again in detail."""


@functools.cache
def builder(t: Any) -> Build | None:
    """The fast reader of JSON values of type ``t``, or None if there is none for it.

    Made once per type and kept (``t`` is a record type, ``tuple[X, ...]`` or
    ``X | None``); other types are read by the converter's hook for them.
    """
    if t in _BY_HAND:
        return _BY_HAND[t]()
    if t == tuple[Attendance, ...]:
        return _attendance_list()
    if t is Cohort:
        return _with_period(Cohort, ("start", "end"), rules=_rules())
    if t in _PLAIN:
        return _record(t)
    if is_list_of(t):
        item = builder(typing.get_args(t)[0])
        return None if item is None else _list(item)
    args = typing.get_args(t)
    union = typing.get_origin(t) in (typing.Union, types.UnionType)
    if union and len(args) == 2 and type(None) in args:
        (other,) = (a for a in args if a is not type(None))
        inner = builder(other)
        return None if inner is None else _optional(inner)
    return None


def _hook(t: Any) -> Build:
    """The fast reader of ``t`` if there is one, else the converter's own hook."""
    fast = builder(t)
    if fast is not None:
        return fast
    hook = converter().get_structure_hook(t)
    if hook is h.date:  # days recur: each text read once by the hook, and kept
        return _read_days()
    if hook in _ONE_ARGUMENT:  # the type is not needed: the hook itself, one call less
        return typing.cast("Build", hook)
    return lambda o: hook(o, t)


class _Days(Kept[object, dt.date]):
    """The day of each text :func:`mbprogram.storage._hooks.date` has read during a load
    (:mod:`mbprogram.storage._kept`): a text read before is one look-up. Only text is
    ever kept (the hook refuses anything else), and text equals only text."""

    __slots__ = ()

    def __missing__(self, o: object) -> dt.date:
        return self.keep(o, h.date(o))  # refused: raised, and nothing kept


@functools.cache
def _read_days() -> Build:
    return _Days().__getitem__  # an unhashable value (a list): TypeError, declined


def _list(item: Build) -> Build:
    def build(o: object) -> tuple[Any, ...]:
        if type(o) is not list:
            raise DeclinedError
        if len(o) == 1:  # the usual list of a student's: one record, no list made for it
            return (item(o[0]),)
        return tuple([item(x) for x in o])

    return build


def _optional(inner: Build) -> Build:
    def build(o: object) -> Any:
        return None if o is None else inner(o)

    return build


def _fields(cl: type) -> dict[str, Any]:
    """The resolved type of each of ``cl``'s attrs fields, by name."""
    attrs.resolve_types(cl)
    return {f.name: f.type for f in attrs.fields(cl)}


def _required(cl: type, keys: Collection[str] = ()) -> frozenset[str]:
    return frozenset({f.name for f in attrs.fields(cl) if f.default is attrs.NOTHING} | set(keys))


def _values(o: object, hooks: dict[str, Build], required: frozenset[str]) -> dict[str, Any]:
    """Each key of the JSON object ``o`` read by its hook; declined on an unknown or missing key."""
    if type(o) is not dict or not required <= o.keys():
        raise DeclinedError
    return {key: hooks[key](value) for key, value in o.items()}  # KeyError: an unknown key


def _record(cl: type) -> Build:
    """A record whose JSON object holds its fields by name (cattrs' generated form)."""
    hooks = {name: _hook(t) for name, t in _fields(cl).items()}
    required = _required(cl)

    def build(o: object) -> Any:
        return cl(**_values(o, hooks, required))

    return build


def _with_period(cl: type[Cohort], ends: tuple[str, str], *, rules: Build) -> Build:
    """A cohort: its ``period`` is written as ``start`` and ``end``."""
    fields = _fields(cl)
    del fields["period"]
    hooks = {name: _hook(t) for name, t in fields.items()} | {"rules": rules}
    hooks |= {end: _hook(_fields(DateRange)["start"]) for end in ends}
    required = _required(cl, ends) - {"period"}
    start, end = ends

    def build(o: object) -> Any:
        values = _values(o, hooks, required)
        return cl(period=DateRange(values.pop(start), values.pop(end)), **values)

    return build


def _rules() -> Build:
    """A cohort's programme rules: the converter's hook, the rules of a programme kept.

    Cohorts of one programme repeat its rules: they are kept under their JSON
    object's keys, values and the JSON kinds of the values (so ``1`` is never
    taken for ``true``), a number by its spelling (``_hooks.exact_key``: 140.0
    is not 140.000…0 with more decimals than a value may have).
    """
    hook = converter().get_structure_hook(ProgrammeRules)
    kept: Kept[tuple[tuple[str, object], ...], ProgrammeRules] = Kept()

    def build(o: object) -> ProgrammeRules:
        if type(o) is not dict:
            raise DeclinedError
        key = tuple([(k, h.exact_key(v)) for k, v in o.items()])  # unhashable: declined
        rules = kept.get(key)
        if rules is None:
            rules = kept.keep(key, hook(o, ProgrammeRules))
        return rules

    return build


def _attendance_list() -> Build:
    """A student's attendance: the marks of a cohort recur, so each is made once and kept.

    A mark read and found valid is kept when every value of its JSON object
    is text, under its session and mark, its hours and reason (or None for
    one it has not) and its number of keys. Another object with that key is
    the same mark: text equals only text (``"5"`` is never taken for ``5``,
    nor ``"1"`` for ``true``), and the number of keys leaves no room for one
    more (a valid mark has hours or a reason, never both). A list whose marks
    are all kept is read without a Python step per mark; any other mark is
    read by the converter's hook.
    """
    hook = converter().get_structure_hook(Attendance)
    kept: Kept[tuple[object, ...], Attendance] = Kept()
    session_and_mark = operator.itemgetter("session", "mark")
    get = dict.get  # refuses anything but a JSON object

    def keys_of(o: list[Any]) -> Iterator[tuple[object, ...]]:
        return zip(
            map(session_and_mark, o),
            map(get, o, repeat("hours")),
            map(get, o, repeat("reason")),
            map(len, o),
            strict=True,
        )

    def build(o: object) -> tuple[Attendance, ...]:
        if type(o) is not list:
            raise DeclinedError
        # Unhashable values: declined at the look-up.
        marks: tuple[Attendance | None, ...] = tuple(map(kept.get, keys_of(o)))
        if all(marks):  # a record is always true, a missing one None
            return typing.cast("tuple[Attendance, ...]", marks)
        keys = list(keys_of(o))
        read = []
        for raw, key, found in zip(o, keys, marks, strict=True):
            mark = found if found is not None else hook(raw, Attendance)
            if found is None and all(type(v) is str for v in raw.values()):
                kept.keep(key, mark)
            read.append(mark)
        return tuple(read)

    return build


# -- records made without their constructors ---------------------------------------------
#
# The records a student holds by the thousand are made here field by field
# (``object.__new__`` and ``object.__setattr__``, as ``Hours._computed`` does):
# each value is read by the converter's hook for its type, checked by the
# predicate of its field's own validator (:func:`mbprogram.model.validators.accepts`),
# and the record's own rules across its fields (its ``__attrs_post_init__``)
# are either run or checked inline below, as noted at each.

_new = object.__new__
_set = object.__setattr__


def _setters(cl: type, *names: str) -> tuple[Callable[[object, object], None], ...]:
    """What sets each field ``names`` of a new ``cl``: its slot's own setter (the call
    ``object.__setattr__`` makes, without looking the slot up by name each time)."""
    found = []
    for name in names:
        slot = cl.__dict__.get(name)
        if isinstance(slot, types.MemberDescriptorType):
            found.append(slot.__set__)
        else:  # not a slot of its own: set by name
            found.append(functools.partial(_set_by_name, name))
    return tuple(found)


def _set_by_name(name: str, record: object, value: object) -> None:
    _set(record, name, value)


def _accepts(cl: type, name: str) -> Callable[[object], bool]:
    return accepts(attrs.fields_dict(cl)[name])


def _keys(cl: type, *, renamed: Collection[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """The keys ``cl``'s JSON object may hold, and those it must hold."""
    names = {f.name for f in attrs.fields(cl)} | set(renamed)
    return frozenset(names), _required(cl, renamed)


def _shaped(o: object, keys: tuple[frozenset[str], frozenset[str]]) -> dict[str, Any]:
    """``o`` if it is a JSON object with no unknown and every required key."""
    if type(o) is not dict or not (keys[1] <= o.keys() <= keys[0]):
        raise DeclinedError
    return o


def _text_hook(o: object) -> str:
    """The converter's reading of a ``str`` field (:func:`mbprogram.storage._hooks.text`)."""
    if type(o) is not str:
        raise DeclinedError
    return o


class _Verdicts(Kept[object, bool]):
    """A predicate's verdict on each value met during a load (:mod:`mbprogram.storage._kept`).

    Only for values of one exact type that recur (ids, days): the key of a
    verdict is the value itself, so ``1`` and ``True`` must never both reach it.
    """

    __slots__ = ("_predicate",)

    def __init__(self, predicate: Callable[[object], bool]) -> None:
        super().__init__()
        self._predicate = predicate

    def __missing__(self, value: object) -> bool:
        return self.keep(value, self._predicate(value))


def _remembered(predicate: Callable[[object], bool]) -> Callable[[object], bool]:
    """``predicate``, its verdicts kept: one look-up for a value met before."""
    return _Verdicts(predicate).__getitem__


#: The JSON kinds of the values of an object whose record is kept: each equals only itself.
_KEPT_KINDS: Final = frozenset({str, int, bool, type(None)})


def _kept(build: Build) -> Build:
    """``build``, with each record made once of a JSON object that recurs, and kept.

    For records of a few plain fields that students share (a status change on
    the cohort's first day, a sign-off, an absence): an object whose values
    are all text, whole numbers, flags or null is kept under its keys, its
    values and their kinds (so ``1`` is never taken for ``true``, nor ``"5"``
    for ``5``), in order; another object with that key is the same record.
    Any other object is read by ``build`` each time.
    """
    kept: Kept[tuple[object, ...], Any] = Kept()

    def read(o: object) -> Any:
        if type(o) is not dict:
            raise DeclinedError
        key = (*o.items(), *map(type, o.values()))
        try:
            found = kept.get(key)
        except TypeError:  # a list or an object among the values: not kept
            return build(o)
        if found is None:
            found = build(o)
            if _KEPT_KINDS.issuperset(key[len(o) :]):
                kept.keep(key, found)
        return found

    return read


def _kept_weekdays() -> Build:
    """The converter's reading of a set of weekdays, each list of days (all text) read once."""
    kept: Kept[tuple[object, ...], frozenset[Weekday]] = Kept()

    def build(o: object) -> frozenset[Weekday]:
        if type(o) is not list:
            raise DeclinedError
        key = tuple(o)  # a kept key holds text only: no other value equals it
        days = kept.get(key)
        if days is None:
            days = h.weekdays(o)
            if all(type(d) is str for d in o):
                kept.keep(key, days)
        return days

    return build


def _plain(
    cl: type, reads: dict[str, Build], *, remember: Collection[str] = (), own_rules: bool = False
) -> Build:
    """A record of plain fields, made field by field.

    Each field is read by its reader in ``reads`` and checked by its
    validator's predicate (kept per value for the fields in ``remember``:
    values that recur, such as days); a field the object leaves out takes
    its attrs default, checked the same way. With ``own_rules`` the record's
    rules across its fields (its ``__attrs_post_init__``) run as its
    constructor runs them.
    """
    keys = _keys(cl)
    fields = attrs.fields_dict(cl)
    plan = []
    for name, read in reads.items():
        ok = _accepts(cl, name)
        default = fields[name].default
        # a required field is always there (``_shaped``); an optional one has a plain default
        assert default is attrs.NOTHING or isinstance(default, str | int | bool)  # noqa: S101
        plan.append((name, read, _remembered(ok) if name in remember else ok, default))

    def build(o: object) -> Any:
        o = _shaped(o, keys)
        record: Any = _new(cl)
        for name, read, ok, default in plan:
            value = read(o[name]) if name in o else default
            if not ok(value):
                raise DeclinedError
            _set(record, name, value)
        if own_rules:
            record.__attrs_post_init__()
        return record

    return build


def _status_change() -> Build:
    reads = {"status": _hook(Status), "on": _hook(dt.date), "reason": _text_hook}
    return _plain(StatusChange, reads)


def _session() -> Build:
    reads = {"id": _text_hook, "day": _hook(dt.date), "hours": _hook(Hours), "topic": _text_hook}
    # its own rule: longer than 0 h
    return _plain(Session, reads, remember={"id", "day"}, own_rules=True)


def _absence() -> Build:
    return _plain(PlacementAbsence, {"day": _hook(dt.date), "reason": _text_hook}, remember={"day"})


def _placement() -> Build:
    allowed, required = _keys(Placement, renamed=("start", "end"))
    allowed, required = allowed - {"period"}, required - {"period"}
    id_ok, unit_ok = (_remembered(_accepts(Placement, n)) for n in ("id", "unit"))
    supervisor_ok = _accepts(Placement, "supervisor")
    start_ok, end_ok = (_remembered(_accepts(DateRange, n)) for n in ("start", "end"))
    day_of, weekdays_of = _hook(dt.date), _kept_weekdays()
    absence_of = _kept(_absence())
    assessment_of = _hook(PlacementAssessment)
    set_start, set_end = _setters(DateRange, "start", "end")
    set_id, set_unit, set_supervisor, set_period = _setters(
        Placement, "id", "unit", "supervisor", "period"
    )
    set_weekdays, set_absences, set_midway, set_final = _setters(
        Placement, "weekdays", "absences", "midway", "final"
    )

    def build(o: object) -> Placement:
        if type(o) is not dict or not (required <= o.keys() <= allowed):
            raise DeclinedError
        ident, unit, supervisor = o["id"], o["unit"], o["supervisor"]
        if not (type(ident) is str and type(unit) is str and type(supervisor) is str):
            raise DeclinedError
        start, end = day_of(o["start"]), day_of(o["end"])
        weekdays = weekdays_of(o["weekdays"])
        raw = o.get("absences", [])
        if type(raw) is not list:
            raise DeclinedError
        absences = tuple([absence_of(a) for a in raw]) if raw else ()
        midway, final = o.get("midway"), o.get("final")
        if midway is not None:
            midway = assessment_of(midway)
        if final is not None:
            final = assessment_of(final)
        if not (id_ok(ident) and unit_ok(unit) and supervisor_ok(supervisor)):
            raise DeclinedError
        if not (start_ok(start) and end_ok(end)):
            raise DeclinedError
        # Placement's converter of weekdays keeps a set of Weekday members as it is.
        if type(weekdays) is not frozenset:
            raise DeclinedError
        period = _new(DateRange)
        set_start(period, start)
        set_end(period, end)
        placement = _new(Placement)
        set_id(placement, ident)
        set_unit(placement, unit)
        set_supervisor(placement, supervisor)
        set_period(placement, period)
        set_weekdays(placement, weekdays)
        set_absences(placement, absences)
        set_midway(placement, midway)
        set_final(placement, final)
        period.__attrs_post_init__()  # the records' own rules, as their constructors run them
        placement.__attrs_post_init__()
        return placement

    return build


def _submission() -> Build:
    return _plain(Submission, {"on": _hook(dt.date), "title": _text_hook})


def _assessment() -> Build:
    reads = {
        "submission": _hook(int),
        "on": _hook(dt.date),
        "assessor": _text_hook,
        "verdict": _hook(Verdict),
        "feedback": _text_hook,
    }
    return _plain(AssignmentAssessment, reads)


def _assignment() -> Build:
    cl = FinalAssignment
    keys = _keys(cl)
    topic_ok, supervisor_ok = _accepts(cl, "topic"), _accepts(cl, "supervisor")
    submissions_of, assessments_of = _list(_kept(_submission())), _list(_kept(_assessment()))

    def build(o: object) -> FinalAssignment:
        o = _shaped(o, keys)
        topic, supervisor = _text_hook(o["topic"]), _text_hook(o["supervisor"])
        if not (topic_ok(topic) and supervisor_ok(supervisor)):
            raise DeclinedError
        assignment = _new(cl)
        _set(assignment, "topic", topic)
        _set(assignment, "supervisor", supervisor)
        _set(assignment, "submissions", submissions_of(o.get("submissions", [])))
        _set(assignment, "assessments", assessments_of(o.get("assessments", [])))
        assignment.__attrs_post_init__()  # its own rules, run as the constructor runs them
        return assignment

    return build


def _sign_off() -> Build:
    return _plain(SignOff, {"by": _text_hook, "on": _hook(dt.date)})


def _literature() -> Build:
    keys = _keys(Literature)
    sign_off_of = _kept(_sign_off())
    readings_of = _hook(tuple[Reading, ...])

    def build(o: object) -> Literature:
        o = _shaped(o, keys)
        raw = o.get("sign_off")
        literature = _new(Literature)
        _set(literature, "readings", readings_of(o.get("readings", [])))
        _set(literature, "sign_off", None if raw is None else sign_off_of(raw))
        return literature  # no rules across its fields

    return build


def _student() -> Build:
    """A student whose JSON object names their cohort (``cohort``)."""
    listed = _listed_student()

    def build(o: object) -> Student:
        if type(o) is not dict or "cohort" not in o:
            raise DeclinedError
        return listed({k: v for k, v in o.items() if k != "cohort"}, o["cohort"])

    return build


#: A student's JSON object listed under their cohort, and the cohort's id.
_Listed = Callable[[object, object], Student]

#: A key the JSON object does not hold.
_ABSENT: Final = object()


@functools.cache
def _listed_student() -> _Listed:
    """A student listed under a cohort: their JSON object holds no ``cohort``, it is given."""
    allowed, required = _keys(Student)
    allowed, required = allowed - {"cohort"}, required - {"cohort"}
    # A cohort's id recurs (its verdict is kept); a student's does not.
    id_ok, cohort_ok = _accepts(Student, "id"), _remembered(_accepts(Student, "cohort"))
    name_ok, notes_ok = _accepts(Student, "name"), _accepts(Student, "notes")
    status_of, attendance_of = _list(_kept(_status_change())), _attendance_list()
    placements_of, literature_of = _list(_placement()), _literature()
    assignment_of = _optional(_assignment())
    rarely_given = _rarely_given()
    set_id, set_cohort, set_name, set_notes, set_history = _setters(
        Student, "id", "cohort", "name", "notes", "status_history"
    )
    set_attendance, set_placements, set_literature, set_assignment = _setters(
        Student, "attendance", "placements", "literature", "assignment"
    )

    def build(o: object, cohort: object) -> Student:
        if type(o) is not dict or not (required <= o.keys() <= allowed):
            raise DeclinedError
        ident, name, notes = o["id"], o["name"], o.get("notes", "")
        if not (type(ident) is str and type(cohort) is str and type(name) is str):
            raise DeclinedError
        if type(notes) is not str:
            raise DeclinedError
        if not (id_ok(ident) and cohort_ok(cohort) and name_ok(name) and notes_ok(notes)):
            raise DeclinedError
        history = status_of(o.get("status_history", []))
        attendance = attendance_of(o.get("attendance", []))
        placements = placements_of(o.get("placements", []))
        literature = literature_of(o["literature"]) if "literature" in o else Literature()
        assignment = o.get("assignment")
        student = _new(Student)
        set_id(student, ident)
        set_cohort(student, cohort)
        set_name(student, name)
        set_notes(student, notes)
        set_history(student, history)
        set_attendance(student, attendance)
        set_placements(student, placements)
        set_literature(student, literature)
        set_assignment(student, None if assignment is None else assignment_of(assignment))
        for n, put, read, ok, default, taken, null_is_default in rarely_given:
            value = o.get(n, _ABSENT)
            if value is _ABSENT or (value is None and null_is_default):
                if not taken:
                    raise DeclinedError
                value = default  # the default (or null read as it), checked once
            else:
                value = read(value)  # null is for its hook to take or refuse
                if not ok(value):
                    raise DeclinedError
            put(student, value)
        student.__attrs_post_init__()  # its own rules, as its constructor runs them
        return student

    return build


#: A field of a student that is rarely given: its name, setter, hook, predicate and default,
#: whether the predicate takes the default, and whether the hook reads null as it.
_Rare = tuple[
    str, Callable[[object, object], None], Build, Callable[[object], bool], object, bool, bool
]


def _rarely_given() -> list[_Rare]:
    attrs.resolve_types(Student)
    fields = attrs.fields_dict(Student)
    rare = []
    for n in ("national_id", "contact", "background", "makeups", "certificate"):
        read, ok, default = _hook(fields[n].type), _accepts(Student, n), fields[n].default
        taken = ok(default)  # asked once: its verdict on the default never changes
        null_is_default = taken and _null_reads_as(read, default)
        (put,) = _setters(Student, n)
        rare.append((n, put, read, ok, default, taken, null_is_default))
    return rare


def _null_reads_as(read: Build, default: object) -> bool:
    """Whether ``read`` reads JSON null as ``default`` (asked once: a hook is a function)."""
    try:
        value = read(None)
    except Exception:  # null is refused: each one is read, and refused, by the hook
        return False
    return value is default


_BY_HAND: Final[dict[Any, Callable[[], Build]]] = {
    Session: lambda: _kept(_session()),  # cohorts of one schedule share their sessions
    StatusChange: _status_change,
    PlacementAbsence: _absence,
    Placement: _placement,
    Submission: _submission,
    AssignmentAssessment: _assessment,
    FinalAssignment: _assignment,
    Literature: _literature,
    SignOff: _sign_off,
    Student: _student,
}


def student(raw: object, cohort_id: str) -> Student:
    """A student listed under the cohort ``cohort_id`` (declined if it names a cohort itself)."""
    return _listed_student()(raw, cohort_id)  # "cohort" is no key of a listed student
