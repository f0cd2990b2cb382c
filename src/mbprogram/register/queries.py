"""What a register can be asked: its records, lookups, history, occupancy and evaluations.

:class:`RegisterQueries` reads the register's immutable state and nothing else;
:class:`~mbprogram.register.aggregate.Register` adds the changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit, Placement
from mbprogram.model.students import Student
from mbprogram.model.values import (
    BudgetPotId,
    CohortId,
    DateRange,
    EmploymentId,
    HostUnitId,
    OutcomeId,
    StudentId,
)
from mbprogram.paths import RecordPath, unparsed_reason
from mbprogram.register.state import RegisterState
from mbprogram.rules.cohort import CohortProgress, evaluate_cohort
from mbprogram.rules.findings import Finding
from mbprogram.rules.hiring import hiring_findings
from mbprogram.rules.occupancy import daily_counts, occupied_days, placements_at
from mbprogram.rules.student import StudentProgress, evaluate_student

__all__ = ["RegisterQueries"]


class RegisterQueries:
    """The read side of :class:`~mbprogram.Register`: every question, no change."""

    __slots__ = ("_state",)

    _state: RegisterState

    # -- reading -----------------------------------------------------------------

    @property
    def state(self) -> RegisterState:
        """The register's state: an immutable value that later changes leave as it is."""
        return self._state

    @property
    def allow_synthetic_ids(self) -> bool:
        """Whether this register accepts synthetic (test) national identity numbers."""
        return self._state.allow_synthetic_ids

    @property
    def cohorts(self) -> Mapping[CohortId, Cohort]:
        """The cohorts by id (read-only), in the order they were opened."""
        return self._state.cohorts

    @property
    def students(self) -> Mapping[StudentId, Student]:
        """Every student of every cohort by id (read-only)."""
        return self._state.students

    @property
    def host_units(self) -> Mapping[HostUnitId, HostUnit]:
        """The host units by id (read-only)."""
        return self._state.host_units

    @property
    def budget_pots(self) -> Mapping[BudgetPotId, BudgetPot]:
        """The budget pots by id (read-only)."""
        return self._state.budget_pots

    @property
    def employments(self) -> Mapping[EmploymentId, Employment]:
        """Every graduate's employments by id (read-only)."""
        return self._state.employments

    @property
    def outcomes(self) -> Mapping[OutcomeId, OutcomeRecord]:
        """Outcomes other than employment (further education, not employed, unknown) by id."""
        return self._state.outcomes

    @property
    def history(self) -> tuple[Change, ...]:
        """Every accepted change, oldest first."""
        return self._state.history

    def cohort(self, cohort_id: CohortId) -> Cohort:
        """The cohort with ``cohort_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return self._state.cohort(cohort_id)

    def student(self, student_id: StudentId) -> Student:
        """The student with ``student_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return self._state.student(student_id)

    def host_unit(self, unit_id: HostUnitId) -> HostUnit:
        """The host unit with ``unit_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return self._state.host_unit(unit_id)

    def budget_pot(self, pot_id: BudgetPotId) -> BudgetPot:
        """The budget pot with ``pot_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return self._state.budget_pot(pot_id)

    def employment(self, employment_id: EmploymentId) -> Employment:
        """The employment with ``employment_id``.

        Raises:
            NotFoundError: if there is none.
        """
        return self._state.employment(employment_id)

    def employments_of(self, person: StudentId) -> tuple[Employment, ...]:
        """A person's employments, in the order they were recorded."""
        return self._state.employments_of(person)

    def students_of(self, cohort_id: CohortId) -> tuple[Student, ...]:
        """The students of one cohort, in the order they were added.

        Raises:
            NotFoundError: if there is no such cohort.
        """
        return self._state.students_of(cohort_id)

    def history_of(self, record: str) -> tuple[Change, ...]:
        """The changes to ``record`` and every record inside it, oldest first.

        ``record`` is a path such as ``cohorts[K1].students[S-01]`` (see
        :func:`~mbprogram.student_path`), as a :class:`~mbprogram.paths.RecordPath`
        or its text.

        Raises:
            InvalidValueError: if ``record`` is not a record path.
        """
        v.check_instance(record, str, "record", "a record path (str)")
        try:
            prefix = RecordPath.parse(record)
        except ValueError as e:
            raise InvalidValueError.at(
                "record", "refusals.record_path", reason=unparsed_reason(e)
            ) from None
        return tuple(c for c in self._state.history if c.path.is_within(prefix))

    # -- evaluation ----------------------------------------------------------------

    def hiring_findings(
        self, as_of: dt.date, *, cohorts: Iterable[CohortId] | None = None
    ) -> tuple[Finding, ...]:
        """The hiring warnings (docs/hiring.md) as of ``as_of``, of all graduates or of ``cohorts``.

        See :func:`~mbprogram.hiring_findings`.

        Raises:
            InvalidValueError: if ``as_of`` is not a date, or ``cohorts`` not cohort ids.
            NotFoundError: if ``cohorts`` names a cohort that does not exist.
        """
        return hiring_findings(self, as_of, cohorts=cohorts)

    def progress(self, student_id: StudentId, as_of: dt.date) -> StudentProgress:
        """Evaluate one student as of ``as_of`` (see :func:`~mbprogram.evaluate_student`).

        Raises:
            InvalidValueError: if ``as_of`` is not a date.
            NotFoundError: if there is no such student.
        """
        v.check_date(as_of, "as_of")
        student = self.student(student_id)
        return evaluate_student(self._state.cohorts[student.cohort], student, as_of)

    def cohort_progress(self, cohort_id: CohortId, as_of: dt.date) -> CohortProgress:
        """Evaluate a cohort as of ``as_of`` (see :func:`~mbprogram.evaluate_cohort`).

        Raises:
            InvalidValueError: if ``as_of`` is not a date.
            NotFoundError: if there is no such cohort.
        """
        return evaluate_cohort(self, cohort_id, as_of)

    # -- occupancy ----------------------------------------------------------------

    def placements_at(self, unit_id: HostUnitId) -> Iterator[tuple[Student, Placement, DateRange]]:
        """Every placement at a unit with the days it takes a place.

        See :func:`~mbprogram.rules.occupancy.placements_at`.
        """
        return placements_at(self._state.students.values(), unit_id)

    def occupied_days(
        self, unit_id: HostUnitId, *, except_student: StudentId | None = None
    ) -> list[DateRange]:
        """The days each student takes a place at a unit, one list entry per run of days.

        See :func:`~mbprogram.rules.occupancy.occupied_days`.
        """
        return occupied_days(self._state.students.values(), unit_id, except_student=except_student)

    def occupancy(self, unit_id: HostUnitId, within: DateRange) -> list[tuple[DateRange, int]]:
        """How many students are in practice at a unit, as runs of days inside ``within``.

        Raises:
            InvalidValueError: if ``within`` is not a DateRange.
            NotFoundError: if there is no such unit.
        """
        v.check_instance(within, DateRange, "within", "a DateRange")
        self.host_unit(unit_id)
        return list(daily_counts(self.occupied_days(unit_id), within))
