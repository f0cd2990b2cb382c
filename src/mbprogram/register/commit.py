"""The one path every change takes: check the rules on what it touches, then make the new state.

A change function (``register/changes/``) works out an :class:`Edit` — the
records it adds, replaces and removes, and the history entries it writes —
and hands it to :func:`commit`, which runs every rule of
:mod:`mbprogram.rules.invariants` that the touched records take part in, and
either returns the new state with the history appended, or raises
:class:`~mbprogram.exceptions.RefusedChangeError` listing every problem. The
same rules run over a whole register when it is loaded
(:func:`~mbprogram.register.loading.load_state`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from mbprogram.catalogue import CATALOGUE, Term
from mbprogram.exceptions import Problem, RefusedChangeError, ValidationError
from mbprogram.model import validators as v
from mbprogram.model.codes import RuleCode
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Action, Change, record_path, split_path, student_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.values import Stamp
from mbprogram.paths import RecordPath
from mbprogram.register.history import resealed, sealed_after
from mbprogram.register.state import TABLES, Record, RegisterState, table_for, table_of
from mbprogram.rules.employment import employment_problems, pot_problems
from mbprogram.rules.invariants import (
    national_id_used_twice,
    outcome_problems,
    student_problems,
    unit_capacity_problems,
    used_twice,
)
from mbprogram.rules.occupancy import occupied_days

__all__ = [
    "Edit",
    "Entry",
    "add_record",
    "build",
    "catalogue_term",
    "check_stamp",
    "checked_date",
    "checked_id",
    "checked_record",
    "commit",
    "refuse",
    "refused_summary",
    "units_with_more",
]

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen
class Entry:
    """One history entry a change writes: its action and the path of what it changed.

    :func:`commit` splits the path into the whole record and the part of it
    (:func:`~mbprogram.model.history.split_path`) and takes the record before
    and after from the states themselves, so an entry always carries exactly
    what the tables held.
    """

    action: Action
    path: RecordPath


@attrs.frozen(kw_only=True)
class Edit:
    """What one change does to the state.

    Attributes:
        add: new records (their ids must be free).
        put: records that replace the record with the same id.
        remove: ``(table, id)`` of records taken out.
        entries: the history entries written (stamped with the change's ``by``).
        rewrite: for erasure and retention only: the history as it must read before
            the entries are appended (given the history as it was); the whole history
            is then sealed again from its first entry.
    """

    add: tuple[Record, ...] = ()
    put: tuple[Record, ...] = ()
    remove: tuple[tuple[str, str], ...] = ()
    entries: tuple[Entry, ...] = ()
    rewrite: Callable[[tuple[Change, ...]], tuple[Change, ...]] | None = None


def refuse(
    what: str, path: str, key: str, /, *, code: str = "", **values: object
) -> RefusedChangeError:
    """A refused change with one problem: the catalogue's ``key`` filled with ``values``.

    ``code`` is the stable code of the rule it breaks, when it has one. The
    message reads in English as ``str()`` and in any language by
    :meth:`~mbprogram.exceptions.ValidationError.message_in`, like ``Problem.of``.
    """
    return RefusedChangeError([Problem.of(path, key, code, **values)], **refused_summary(what))


def refused_summary(what: str) -> dict[str, Any]:
    """The summary of a refused change, ``<what> refused``, with the catalogue's words for it."""
    values = {"what": catalogue_term(what, "problems.what", "refusals.what")}
    return {"summary_key": "problems.refused", "summary_values": values}


def catalogue_term(word: str, *sections: str) -> str:
    """``word`` as the catalogue term ``<section>.<word>`` of the first section that has it.

    The term reads in the language of the text it is filled into; a word that no
    section has stays as it is (English).
    """
    for section in sections:
        key = f"{section}.{word}"
        if key in CATALOGUE:
            return Term(key)
    return word


def build(path: str, what: str, make: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Call ``make``; turn a validation error into a refused change under ``path``."""
    try:
        return make(*args, **kwargs)
    except ValidationError as e:
        raise RefusedChangeError(
            [p.under(path) for p in e.problems], **refused_summary(what)
        ) from None


def checked_id(what: str, path: str, kind: str, key: object) -> str:
    """``key`` if it is a valid id; else the change is refused without quoting it."""
    if not v.is_record_id(key):
        shown = catalogue_term(kind, "problems.kind", "refusals.kind")
        raise refuse(what, path, "problems.not_found.hidden", kind=shown)
    return str(key)


def checked_date(what: str, path: str, day: object) -> dt.date:
    """``day`` if it is a date (not a datetime); else the change is refused without quoting it."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise refuse(what, path, "problems.field.date", got=v.described_value(day))
    return day


def checked_record(what: str, field: str, record: object, kind: type[R]) -> R:
    """``record`` if it is a ``kind``; else the change is refused, naming the type it got."""
    if not isinstance(record, kind):
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        expected = v.expected_words(f"{article} {kind.__name__}")
        raise refuse(what, field, "refusals.kind", expected=expected, got=type(record).__name__)
    return record


def add_record(
    state: RegisterState, record: Record, action: Action, *, by: Stamp, what: str
) -> RegisterState:
    """``state`` with one new record (its id must be free) and the history entry ``action``."""
    edit = Edit(add=(record,), entries=(Entry(action, _path_of(record)),))
    return commit(state, edit, by=by, what=what)


def check_stamp(by: object, what: str) -> Stamp:
    """``by`` if it is a :class:`Stamp`; else the change is refused."""
    if not isinstance(by, Stamp):
        raise refuse(what, "by", "refusals.stamp", got=type(by).__name__)
    return by


def commit(state: RegisterState, edit: Edit, *, by: Stamp, what: str) -> RegisterState:
    """The state after ``edit``, if it keeps every rule; else raise and change nothing.

    An edit that only puts records equal to those they replace changes nothing
    and records nothing: the same state comes back.

    Raises:
        RefusedChangeError: listing every problem, with the path of the record and field
            and the code of the rule (``ID_USED_TWICE``, ``HOST_UNIT_OVER_CAPACITY`` …).
    """
    by = check_stamp(by, what)
    if _changes_nothing(state, edit):
        return state  # the records are as asked already: nothing to check, nothing to record
    problems: list[Problem] = []
    tables: dict[str, dict[str, Any]] = {}

    def table(name: str) -> dict[str, Any]:
        if name not in tables:
            tables[name] = dict(state.table(name))
        return tables[name]

    for record in edit.add:
        name = table_of(record)
        if record.id in state.table(name) or record.id in tables.get(name, {}):
            problems.append(used_twice(_path_of(record), TABLES[name][1], record.id))
        table(name)[record.id] = record
    for record in edit.put:
        table(table_of(record))[record.id] = record
    for name, record_id in edit.remove:
        table(name).pop(record_id, None)
    new = state.replaced(**{name: MappingProxyType(t) for name, t in tables.items()})
    problems += _problems(state, new, edit)
    if problems:
        raise RefusedChangeError(problems, **refused_summary(what))
    history = state.history
    if edit.rewrite is not None:
        history = resealed(edit.rewrite(history))
    written = tuple(_change(state, new, e, by) for e in edit.entries)
    return new.replaced(history=history + sealed_after(history, written))


def _change(old: RegisterState, new: RegisterState, entry: Entry, by: Stamp) -> Change:
    """The history entry of ``entry``: the whole record before and after, from the states."""
    record, part = split_path(entry.path)
    kind = entry.action.kind
    if kind is None:
        return Change(stamp=by, action=entry.action, record=record, part=part)
    name = table_for(kind)
    key = record.segments[-1].key
    return Change(
        stamp=by,
        action=entry.action,
        record=record,
        part=part,
        before=old.table(name).get(key or ""),
        after=new.table(name).get(key or ""),
    )


def _changes_nothing(state: RegisterState, edit: Edit) -> bool:
    """Whether ``edit`` only puts records equal to those they replace (the same value again)."""
    if edit.add or edit.remove or edit.rewrite is not None or not edit.put:
        return False
    return all(state.table(table_of(r)).get(r.id) == r for r in edit.put)


def _path_of(record: Record) -> RecordPath:
    if isinstance(record, Student):
        return student_path(record.cohort, record.id)
    return record_path((table_of(record), record.id))


def _problems(old: RegisterState, new: RegisterState, edit: Edit) -> list[Problem]:
    """Every rule the touched records take part in, checked on the new state."""
    touched = (*edit.add, *edit.put)
    students = {r.id: r for r in touched if isinstance(r, Student)}
    units: set[str] = set()
    pots: dict[str, RecordPath] = {}  # a pot to check, and where to report its problems
    for record in touched:
        if isinstance(record, Cohort):  # its sessions may have moved under recorded attendance
            students.update((s.id, s) for s in new.students.values() if s.cohort == record.id)
        elif isinstance(record, HostUnit):
            units.add(record.id)
        elif isinstance(record, BudgetPot):
            pots.setdefault(record.id, record_path(("budget_pots", record.id)))
        elif isinstance(record, Employment) and record.pot:
            # reported at the employment that fills the pot, the record being changed
            pots[record.pot] = record_path(("employments", record.id), "pot")
    problems: list[Problem] = []
    for s in students.values():
        problems += _student_problems(old, new, s)
        units |= units_with_more(old.students.get(s.id), s)
    for unit_id in sorted(units):
        unit = new.host_units.get(unit_id)
        if unit is not None:
            problems += unit_capacity_problems(
                unit, occupied_days(new.students_at(unit_id), unit_id)
            )
    for record in touched:
        if isinstance(record, Employment):
            path = record_path(("employments", record.id))
            problems += [
                p.under(path)
                for p in employment_problems(
                    record, students=new.students, host_units=new.host_units, pots=new.budget_pots
                )
            ]
        elif isinstance(record, OutcomeRecord):
            path = record_path(("outcomes", record.id))
            problems += [p.under(path) for p in outcome_problems(record, new.students)]
    for pot_id, path in sorted(pots.items()):
        pot = new.budget_pots.get(pot_id)
        if pot is not None:
            problems += [p.under(path) for p in pot_problems(pot, new.employments_in(pot_id))]
    problems += _dangling(new, edit.remove)
    return problems


def _student_problems(old: RegisterState, new: RegisterState, student: Student) -> list[Problem]:
    path = student_path(student.cohort, student.id)
    cohort = new.cohorts.get(student.cohort)
    if cohort is None:
        return [
            Problem.of(
                path.child("cohort"),
                "problems.rule.unknown_cohort",
                RuleCode.UNKNOWN_RECORD,
                cohort=repr(student.cohort),
            )
        ]
    problems = [
        p.under(path)
        for p in student_problems(
            student,
            cohort,
            new.host_units,
            allow_synthetic_ids=new.allow_synthetic_ids,
            by_id=True,
        )
    ]
    before = old.students.get(student.id)
    number = student.national_id
    if (
        number is not None
        and (before is None or before.national_id != number)
        and any(
            s.national_id is not None and s.national_id.value == number.value and s.id != student.id
            for s in new.students.values()
        )
    ):
        problems.append(national_id_used_twice(student))
    certificate = student.certificate
    issued = certificate is not None and (before is None or before.certificate != certificate)
    if (
        issued
        and certificate is not None
        and any(
            s.certificate is not None and s.certificate.id == certificate.id and s.id != student.id
            for s in new.students.values()
        )
    ):
        problems.append(used_twice(path.child("certificate", "id"), "certificate", certificate.id))
    return problems


def units_with_more(before: Student | None, after: Student) -> set[str]:
    """The host units at which ``after`` may take more places than ``before`` did."""
    if before is None:
        return {p.unit for p in after.placements}
    was = {p.id: p for p in before.placements}
    return {
        p.unit
        for p in after.placements
        if (old := was.get(p.id)) is None
        or old.unit != p.unit
        or not (old.period.start <= p.period.start and p.period.end <= old.period.end)
    }  # an absence, an assessment or an earlier end takes no more days at the unit


def _dangling(new: RegisterState, removed: Iterable[tuple[str, str]]) -> list[Problem]:
    """Records that still name a student who was removed (erasure takes them all)."""
    gone = {record_id for name, record_id in removed if name == "students"}
    if not gone:
        return []
    problems: list[Problem] = []
    for e in new.employments.values():
        if e.person in gone:
            path = record_path(("employments", e.id))
            problems += [
                p.under(path)
                for p in employment_problems(
                    e, students=new.students, host_units=new.host_units, pots=new.budget_pots
                )
            ]
    for o in new.outcomes.values():
        if o.person in gone:
            path = record_path(("outcomes", o.id))
            problems += [p.under(path) for p in outcome_problems(o, new.students)]
    return problems
