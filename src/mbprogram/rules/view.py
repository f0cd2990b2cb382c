"""What the rules read of a register: a read-only view, so that no rule imports the register.

:class:`~mbprogram.Register` satisfies :class:`RegisterView` structurally; so
can any other holder of records (a forecast's branch, a test's fake).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.values import (
    BudgetPotId,
    CohortId,
    EmploymentId,
    HostUnitId,
    OutcomeId,
    StudentId,
)

__all__ = ["RegisterView"]


class RegisterView(Protocol):
    """The records of a register, by id, and the lookups that raise ``NotFoundError``."""

    @property
    def cohorts(self) -> Mapping[CohortId, Cohort]:
        """The cohorts by id, in the order they were opened."""

    @property
    def students(self) -> Mapping[StudentId, Student]:
        """Every student by id."""

    @property
    def host_units(self) -> Mapping[HostUnitId, HostUnit]:
        """The host units by id."""

    @property
    def budget_pots(self) -> Mapping[BudgetPotId, BudgetPot]:
        """The budget pots by id."""

    @property
    def employments(self) -> Mapping[EmploymentId, Employment]:
        """The employments by id."""

    @property
    def outcomes(self) -> Mapping[OutcomeId, OutcomeRecord]:
        """The outcomes other than employment by id."""

    def cohort(self, cohort_id: CohortId, /) -> Cohort:
        """The cohort with ``cohort_id``; raises ``NotFoundError`` if there is none."""

    def budget_pot(self, pot_id: BudgetPotId, /) -> BudgetPot:
        """The budget pot with ``pot_id``; raises ``NotFoundError`` if there is none."""

    def students_of(self, cohort_id: CohortId, /) -> tuple[Student, ...]:
        """The students of a cohort; raises ``NotFoundError`` if there is no such cohort."""
