"""The register's state: every record and the history, as one immutable value.

A :class:`RegisterState` is never changed in place. A change is a function of a
state that returns a new state (through :func:`~mbprogram.register.commit.commit`,
which checks the rules first) or refuses; the new state shares every record
and table it did not touch with the old one, so keeping an old state (a
copy, a forecast's branch) costs nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.validators import not_found
from mbprogram.model.values import (
    BudgetPotId,
    CohortId,
    EmploymentId,
    HostUnitId,
    OutcomeId,
    StudentId,
)
from mbprogram.register.deferred_history import DeferredHistory

__all__ = ["TABLES", "Record", "RegisterState", "table_for", "table_of"]

T = TypeVar("T")

#: A record the register keeps in one of its tables.
Record = Cohort | Student | HostUnit | BudgetPot | Employment | OutcomeRecord

#: The tables of a state, each with the kind of record it holds and its name in messages.
TABLES: Mapping[str, tuple[type, str]] = MappingProxyType(
    {
        "cohorts": (Cohort, "cohort"),
        "students": (Student, "student"),
        "host_units": (HostUnit, "host unit"),
        "budget_pots": (BudgetPot, "budget pot"),
        "employments": (Employment, "employment"),
        "outcomes": (OutcomeRecord, "outcome"),
    }
)
_TABLE_OF: Mapping[type, str] = {kind: name for name, (kind, _) in TABLES.items()}


def table_for(kind: type) -> str:
    """The name of the table that holds records of ``kind`` (``Student`` → ``"students"``)."""
    return _TABLE_OF[kind]


def table_of(record: Record) -> str:
    """The name of the table that holds records of ``record``'s kind (subclasses too)."""
    found = _TABLE_OF.get(type(record))
    if found is None:
        found = next(name for kind, name in _TABLE_OF.items() if isinstance(record, kind))
    return found


def _frozen_table(value: Mapping[str, T]) -> Mapping[str, T]:
    """A read-only table: a proxy of a copy, so that no caller holds the dict behind it."""
    return MappingProxyType(dict(value))


def _kept_history(value: Iterable[Change]) -> tuple[Change, ...] | DeferredHistory:
    """The history as the state keeps it: a tuple, or a store's history not read yet."""
    return value if isinstance(value, DeferredHistory) else tuple(value)


def _history_entries(state: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Every entry is a Change (a deferred history checks its entries when they are read)."""
    if not isinstance(value, DeferredHistory):
        v.each(Change)(state, attribute, value)


def _history_compared(value: Sequence[Change]) -> tuple[Change, ...]:
    """The entries, for equality (a deferred history is read)."""
    return value.changes() if isinstance(value, DeferredHistory) else tuple(value)


@attrs.frozen(eq=True)
class RegisterState:
    """Every record of a register by id, in the order they were added, and the history.

    (A JSON document lists students under their cohort, so a register read from
    one holds its students cohort by cohort; equality does not depend on order.)

    Tables are read-only mappings of copies of what they were made from; a change
    makes a new state (:meth:`replaced`), and this one stays as it was.
    """

    allow_synthetic_ids: bool = attrs.field(default=False, validator=v.instance(bool))
    cohorts: Mapping[CohortId, Cohort] = attrs.field(factory=dict, converter=_frozen_table)
    students: Mapping[StudentId, Student] = attrs.field(factory=dict, converter=_frozen_table)
    host_units: Mapping[HostUnitId, HostUnit] = attrs.field(factory=dict, converter=_frozen_table)
    budget_pots: Mapping[BudgetPotId, BudgetPot] = attrs.field(
        factory=dict, converter=_frozen_table
    )
    employments: Mapping[EmploymentId, Employment] = attrs.field(
        factory=dict, converter=_frozen_table
    )
    outcomes: Mapping[OutcomeId, OutcomeRecord] = attrs.field(factory=dict, converter=_frozen_table)
    _history: tuple[Change, ...] | DeferredHistory = attrs.field(
        default=(),
        alias="history",
        converter=_kept_history,
        validator=_history_entries,
        eq=_history_compared,
    )

    @property
    def history(self) -> tuple[Change, ...]:
        """The history of changes, oldest first.

        A store may give the state its history unread
        (:class:`~mbprogram.register.deferred_history.DeferredHistory`): it is
        read here, on first use, and what reading it raises is raised here.
        """
        held = self._history
        return held if isinstance(held, tuple) else held.changes()

    @property
    def history_held(self) -> Sequence[Change]:
        """The history as held, unread if a store gave it so: its length costs no reading.

        For a store that saves the register it loaded: the very object it
        handed over tells it the history is the one it holds.
        """
        return self._history

    def replaced(self, **changes: object) -> RegisterState:
        """This state with some fields replaced, taking the given tables as they are.

        For the register's own commit path, which makes each new table itself and
        hands it over: unlike the constructor, nothing is copied or checked again.
        """
        new = object.__new__(RegisterState)
        for field in attrs.fields(RegisterState):
            given = changes.pop(field.alias or field.name, getattr(self, field.name))
            object.__setattr__(new, field.name, given)
        if changes:
            raise TypeError(f"RegisterState has no field {sorted(changes)[0]!r}")
        _carry_indexes(self, new)
        return new

    def table(self, name: str) -> Mapping[str, Record]:
        """The table called ``name`` (``"students"`` …)."""
        table: Mapping[str, Record] = getattr(self, name)
        return table

    # -- lookups that raise NotFoundError --------------------------------------------

    def cohort(self, cohort_id: CohortId, /) -> Cohort:
        """The cohort with ``cohort_id``; raises ``NotFoundError`` if there is none."""
        return _lookup(self.cohorts, "cohort", cohort_id)

    def student(self, student_id: StudentId, /) -> Student:
        """The student with ``student_id``; raises ``NotFoundError`` if there is none."""
        return _lookup(self.students, "student", student_id)

    def host_unit(self, unit_id: HostUnitId, /) -> HostUnit:
        """The host unit with ``unit_id``; raises ``NotFoundError`` if there is none."""
        return _lookup(self.host_units, "host unit", unit_id)

    def budget_pot(self, pot_id: BudgetPotId, /) -> BudgetPot:
        """The budget pot with ``pot_id``; raises ``NotFoundError`` if there is none."""
        return _lookup(self.budget_pots, "budget pot", pot_id)

    def employment(self, employment_id: EmploymentId, /) -> Employment:
        """The employment with ``employment_id``; raises ``NotFoundError`` if there is none."""
        return _lookup(self.employments, "employment", employment_id)

    def students_of(self, cohort_id: CohortId, /) -> tuple[Student, ...]:
        """The students of one cohort in the order they were added; ``NotFoundError`` if none."""
        self.cohort(cohort_id)
        return self._students_by_cohort.get(cohort_id, ())

    def students_at(self, unit_id: HostUnitId, /) -> tuple[Student, ...]:
        """The students with a placement at a host unit (any order; none for an unknown unit)."""
        students = self.students
        return tuple(students[i] for i in self._students_by_unit.get(unit_id, ()))

    def employments_in(self, pot_id: BudgetPotId, /) -> tuple[Employment, ...]:
        """The employments paid from a budget pot (any order; none for an unknown pot)."""
        employments = self.employments
        return tuple(employments[i] for i in self._employments_by_pot.get(pot_id, ()))

    # Indexes, each made on first use in one pass over its table. A state made from
    # this one by ``replaced`` takes them over, updated for the records that changed,
    # so a change to one record does not walk every placement or employment again.

    @functools.cached_property
    def _students_by_cohort(self) -> Mapping[CohortId, tuple[Student, ...]]:
        """Every cohort's students, in one pass over the students (made on first use)."""
        by_cohort: dict[CohortId, list[Student]] = {}
        for s in self.students.values():
            by_cohort.setdefault(s.cohort, []).append(s)
        return {c: tuple(students) for c, students in by_cohort.items()}

    @functools.cached_property
    def _students_by_unit(self) -> Mapping[HostUnitId, frozenset[StudentId]]:
        """The ids of the students placed at each unit."""
        by_unit: dict[HostUnitId, set[StudentId]] = {}
        for s in self.students.values():
            for unit in _units_of(s):
                by_unit.setdefault(unit, set()).add(s.id)
        return {u: frozenset(ids) for u, ids in by_unit.items()}

    @functools.cached_property
    def _employments_by_pot(self) -> Mapping[BudgetPotId, frozenset[EmploymentId]]:
        """The ids of the employments paid from each pot."""
        by_pot: dict[BudgetPotId, set[EmploymentId]] = {}
        for e in self.employments.values():
            if e.pot is not None:
                by_pot.setdefault(e.pot, set()).add(e.id)
        return {p: frozenset(ids) for p, ids in by_pot.items()}

    def employments_of(self, person: StudentId, /) -> tuple[Employment, ...]:
        """A person's employments, in the order they were recorded."""
        return tuple(e for e in self.employments.values() if e.person == person)


def _units_of(student: Student | None) -> frozenset[HostUnitId]:
    return frozenset(p.unit for p in student.placements) if student is not None else frozenset()


def _pot_of(employment: Employment | None) -> frozenset[BudgetPotId]:
    if employment is None or employment.pot is None:
        return frozenset()
    return frozenset((employment.pot,))


def _changed(old: Mapping[str, T], new: Mapping[str, T]) -> list[str]:
    """The ids whose record differs between two tables (added, replaced or removed)."""
    if old is new:
        return []
    changed = [k for k, record in new.items() if old.get(k) is not record]
    added = sum(1 for k in changed if k not in old)
    if len(new) - added != len(old):  # something was removed
        changed += [k for k in old if k not in new]
    return changed


def _computed(state: RegisterState, index: str) -> Any:
    """An index of ``state`` if it was made already, else ``None`` (it is not made here)."""
    try:
        return object.__getattribute__(state, index)
    except AttributeError:
        return None


def _updated(
    index: Mapping[str, frozenset[str]],
    changed: list[str],
    keys_before: Callable[[str], frozenset[str]],
    keys_after: Callable[[str], frozenset[str]],
) -> dict[str, frozenset[str]]:
    """``index`` (key -> record ids) with the ``changed`` records moved to their new keys."""
    result = dict(index)
    for record_id in changed:
        before, after = keys_before(record_id), keys_after(record_id)
        for key in before - after:
            result[key] = result[key] - {record_id}
            if not result[key]:
                del result[key]
        for key in after - before:
            result[key] = result.get(key, frozenset()) | {record_id}
    return result


def _carry_indexes(old: RegisterState, new: RegisterState) -> None:
    """Give ``new`` the indexes ``old`` has made, updated for the records that changed."""
    by_unit = _computed(old, "_students_by_unit")
    by_cohort = _computed(old, "_students_by_cohort")
    if by_unit is not None or by_cohort is not None:
        students = _changed(old.students, new.students)
        if by_unit is not None:
            object.__setattr__(
                new,
                "_students_by_unit",
                _updated(
                    by_unit,
                    students,
                    lambda i: _units_of(old.students.get(i)),
                    lambda i: _units_of(new.students.get(i)),
                ),
            )
        if by_cohort is not None and not students:
            object.__setattr__(new, "_students_by_cohort", by_cohort)
    by_pot = _computed(old, "_employments_by_pot")
    if by_pot is not None:
        object.__setattr__(
            new,
            "_employments_by_pot",
            _updated(
                by_pot,
                _changed(old.employments, new.employments),
                lambda i: _pot_of(old.employments.get(i)),
                lambda i: _pot_of(new.employments.get(i)),
            ),
        )


def _lookup(table: Mapping[str, T], kind: str, key: str) -> T:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise not_found(kind, key) from None
