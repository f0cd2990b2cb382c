"""The register's state and the machinery its change methods share.

Every record the register holds is an immutable snapshot. A change method
builds the new snapshots, checks every rule against them, and only then puts
them in place and appends to the history, so a refused change leaves the
register exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Self, TypeVar

import attrs

from mbprogram.exceptions import (
    NotFoundError,
    Problem,
    RefusedChangeError,
    ValidationError,
)
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change, student_path, under
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import CLOSED, Student
from mbprogram.model.values import (
    BudgetPotId,
    CohortId,
    EmploymentId,
    HostUnitId,
    OutcomeId,
    Stamp,
    StudentId,
)
from mbprogram.rules.invariants import student_problems

__all__ = ["RegisterCore", "build", "refuse"]

T = TypeVar("T")


@attrs.define(eq=True, repr=False)
class RegisterCore:
    """State, lookups and the commit step of :class:`~mbprogram.Register`."""

    allow_synthetic_ids: bool = attrs.field(
        default=False, kw_only=True, on_setattr=attrs.setters.frozen
    )
    _cohorts: dict[CohortId, Cohort] = attrs.field(init=False, factory=dict)
    _students: dict[StudentId, Student] = attrs.field(init=False, factory=dict)
    _host_units: dict[HostUnitId, HostUnit] = attrs.field(init=False, factory=dict)
    _budget_pots: dict[BudgetPotId, BudgetPot] = attrs.field(init=False, factory=dict)
    _employments: dict[EmploymentId, Employment] = attrs.field(init=False, factory=dict)
    _outcomes: dict[OutcomeId, OutcomeRecord] = attrs.field(init=False, factory=dict)
    _history: list[Change] = attrs.field(init=False, factory=list)

    # -- reading -----------------------------------------------------------------

    @property
    def cohorts(self) -> Mapping[CohortId, Cohort]:
        """The cohorts by id (read-only)."""
        return MappingProxyType(self._cohorts)

    @property
    def students(self) -> Mapping[StudentId, Student]:
        """Every student of every cohort by id (read-only)."""
        return MappingProxyType(self._students)

    @property
    def host_units(self) -> Mapping[HostUnitId, HostUnit]:
        """The host units by id (read-only)."""
        return MappingProxyType(self._host_units)

    @property
    def budget_pots(self) -> Mapping[BudgetPotId, BudgetPot]:
        """The budget pots by id (read-only)."""
        return MappingProxyType(self._budget_pots)

    @property
    def employments(self) -> Mapping[EmploymentId, Employment]:
        """Every graduate's employments by id (read-only)."""
        return MappingProxyType(self._employments)

    @property
    def outcomes(self) -> Mapping[OutcomeId, OutcomeRecord]:
        """Outcomes other than employment (further education, not employed, unknown) by id."""
        return MappingProxyType(self._outcomes)

    @property
    def history(self) -> tuple[Change, ...]:
        """Every accepted change, oldest first."""
        return tuple(self._history)

    def cohort(self, cohort_id: CohortId) -> Cohort:
        """The cohort with ``cohort_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return _lookup(self._cohorts, "cohort", cohort_id)

    def student(self, student_id: StudentId) -> Student:
        """The student with ``student_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return _lookup(self._students, "student", student_id)

    def host_unit(self, unit_id: HostUnitId) -> HostUnit:
        """The host unit with ``unit_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return _lookup(self._host_units, "host unit", unit_id)

    def budget_pot(self, pot_id: BudgetPotId) -> BudgetPot:
        """The budget pot with ``pot_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return _lookup(self._budget_pots, "budget pot", pot_id)

    def employment(self, employment_id: EmploymentId) -> Employment:
        """The employment with ``employment_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return _lookup(self._employments, "employment", employment_id)

    def employments_of(self, person: StudentId) -> tuple[Employment, ...]:
        """A person's employments, in the order they were recorded."""
        return tuple(e for e in self._employments.values() if e.person == person)

    def students_of(self, cohort_id: CohortId) -> tuple[Student, ...]:
        """The students of one cohort, in the order they were added.

        Raises:
            NotFoundError: if there is no such cohort.
        """
        self.cohort(cohort_id)
        return tuple(s for s in self._students.values() if s.cohort == cohort_id)

    def history_of(self, record: str) -> tuple[Change, ...]:
        """The changes to ``record`` and every record inside it, oldest first.

        ``record`` is a path such as ``cohorts[K1].students[S-01]`` (see
        :func:`~mbprogram.model.history.student_path`).

        Raises:
            InvalidValueError: if ``record`` is not a str.
        """
        v.check_instance(record, str, "record", "a record path (str)")
        return tuple(c for c in self._history if under(c.record, record))

    def copy(self) -> Self:
        """An independent copy (cheap: the records themselves are immutable)."""
        other = type(self)(allow_synthetic_ids=self.allow_synthetic_ids)
        other._cohorts = dict(self._cohorts)
        other._students = dict(self._students)
        other._host_units = dict(self._host_units)
        other._budget_pots = dict(self._budget_pots)
        other._employments = dict(self._employments)
        other._outcomes = dict(self._outcomes)
        other._history = list(self._history)
        return other

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(cohorts={len(self._cohorts)}, "
            f"students={len(self._students)}, host_units={len(self._host_units)}, "
            f"employments={len(self._employments)}, changes={len(self._history)})"
        )

    # -- machinery for the change methods ------------------------------------------

    def _open_student(self, student_id: StudentId, action: str) -> Student:
        """The student, if their records are open to new entries."""
        student = self.student(student_id)
        if student.status in CLOSED:
            raise RefusedChangeError(
                [
                    Problem(
                        student_path(student.cohort, student.id),
                        f"the student has {student.status}; their records are closed",
                    )
                ],
                summary=f"{action} refused",
            )
        return student

    def _problems_of(
        self, student: Student, cohort: Cohort | None = None, *, by_id: bool = True
    ) -> list[Problem]:
        cohort = cohort or self._cohorts[student.cohort]
        prefix = student_path(student.cohort, student.id)
        return [
            p.under(prefix)
            for p in student_problems(
                student,
                cohort,
                self._host_units,
                allow_synthetic_ids=self.allow_synthetic_ids,
                by_id=by_id,
            )
        ]

    def _commit(
        self,
        by: Stamp,
        action: str,
        record: str,
        before: object,
        after: object,
        *,
        students: Iterable[Student] = (),
        cohort: Cohort | None = None,
        host_unit: HostUnit | None = None,
        budget_pot: BudgetPot | None = None,
        employment: Employment | None = None,
        outcome: OutcomeRecord | None = None,
    ) -> None:
        """Check the new snapshots; if all is well put them in place and log the change."""
        if not isinstance(by, Stamp):
            raise RefusedChangeError(
                [Problem("by", f"expected a Stamp (who and when), got {type(by).__name__}")],
                summary=f"{action} refused",
            )
        students = list(students)
        problems: list[Problem] = []
        for s in students:
            problems += self._problems_of(s, cohort if cohort and cohort.id == s.cohort else None)
        if problems:
            raise RefusedChangeError(problems, summary=f"change refused ({action})")
        change = Change(stamp=by, action=action, record=record, before=before, after=after)
        # Nothing below can fail: the change is made whole or not at all.
        if cohort is not None:
            self._cohorts[cohort.id] = cohort
        if host_unit is not None:
            self._host_units[host_unit.id] = host_unit
        if budget_pot is not None:
            self._budget_pots[budget_pot.id] = budget_pot
        if employment is not None:
            self._employments[employment.id] = employment
        if outcome is not None:
            self._outcomes[outcome.id] = outcome
        for s in students:
            self._students[s.id] = s
        self._history.append(change)


def _lookup(table: Mapping[str, T], kind: str, key: str) -> T:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise NotFoundError(kind, str(key)[:80]) from None


def build(path: str, action: str, make: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Call ``make``; turn a validation error into a refused change under ``path``."""
    try:
        return make(*args, **kwargs)
    except ValidationError as e:
        raise RefusedChangeError(
            [p.under(path) for p in e.problems], summary=f"{action} refused"
        ) from None


def refuse(action: str, path: str, message: str, *, code: str = "") -> RefusedChangeError:
    """A refused change with one problem (and the stable code of the rule it breaks)."""
    return RefusedChangeError([Problem(path, message, code=code)], summary=f"{action} refused")
