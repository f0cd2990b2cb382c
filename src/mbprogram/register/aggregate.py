"""The register: every record of a programme, and the only way to change them.

A :class:`Register` holds cohorts, students with all their records, and host
units. It is the consistency boundary: each change goes through a method named
for what a coordinator does (``enrol``, ``record_attendance``, ``place``,
``graduate`` …), which checks every rule first and then either makes the whole
change and records it in the history, or raises and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mbprogram.exceptions import Problem, ValidationError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change, record_path, student_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.values import CohortId, StudentId
from mbprogram.register._cohort_changes import CohortChanges
from mbprogram.register._erasure import LifecycleChanges
from mbprogram.register._hiring_changes import HiringChanges, employment_path, pot_path
from mbprogram.register._placement_changes import PlacementChanges
from mbprogram.register._student_changes import StudentChanges
from mbprogram.register._study_changes import StudyChanges
from mbprogram.rules.cohort import CohortProgress, evaluate_cohort
from mbprogram.rules.employment import employment_problems, pot_problems
from mbprogram.rules.findings import Finding
from mbprogram.rules.hiring import hiring_findings
from mbprogram.rules.student import StudentProgress, evaluate_student

__all__ = ["Register"]


class Register(
    CohortChanges, StudentChanges, StudyChanges, PlacementChanges, HiringChanges, LifecycleChanges
):
    """Every record of a programme: cohorts, students, host units, what became of the
    graduates (employments, budget pots, other outcomes), and the history of changes.

    Create an empty register with ``Register()`` and build it up through its
    methods; each takes ``by=Stamp(actor, at)`` saying who made the change and
    when. Pass ``allow_synthetic_ids=True`` for a register of test data that
    holds synthetic national identity numbers.

    Records handed out are immutable snapshots; two registers are equal when
    all their records and histories are.
    """

    __slots__ = ()

    @classmethod
    def from_records(
        cls,
        *,
        cohorts: Iterable[Cohort],
        students: Iterable[Student],
        host_units: Iterable[HostUnit],
        budget_pots: Iterable[BudgetPot] = (),
        employments: Iterable[Employment] = (),
        outcomes: Iterable[OutcomeRecord] = (),
        history: Iterable[Change] = (),
        allow_synthetic_ids: bool = False,
    ) -> Register:
        """Rebuild a register from its records, checking every rule.

        Used by storage adapters. The history is taken as it is.

        Raises:
            ValidationError: listing every problem (duplicate ids, unknown cohorts,
                sessions or units, broken rules), each with its record path.
        """
        register = cls(allow_synthetic_ids=allow_synthetic_ids)
        problems: list[Problem] = []
        for c in cohorts:
            if c.id in register._cohorts:
                problems.append(Problem(record_path(("cohorts", c.id)), "id is used twice"))
            register._cohorts[c.id] = c
        for u in host_units:
            if u.id in register._host_units:
                problems.append(Problem(record_path(("host_units", u.id)), "id is used twice"))
            register._host_units[u.id] = u
        certificates: set[str] = set()
        for s in students:
            path = student_path(s.cohort, s.id)
            if s.id in register._students:
                problems.append(Problem(path, "id is used twice"))
            if s.cohort not in register._cohorts:
                problems.append(Problem(f"{path}.cohort", f"no cohort {s.cohort!r}"))
            else:
                problems += register._problems_of(s, by_id=False)
            if s.certificate is not None:
                if s.certificate.id in certificates:
                    problems.append(
                        Problem(f"{path}.certificate.id", f"{s.certificate.id!r} is used twice")
                    )
                certificates.add(s.certificate.id)
            register._students[s.id] = s
        problems += register._load_hiring(budget_pots, employments, outcomes)
        register._history = list(history)
        if problems:
            raise ValidationError(problems, summary="the records break the register's rules")
        return register

    def _load_hiring(
        self,
        budget_pots: Iterable[BudgetPot],
        employments: Iterable[Employment],
        outcomes: Iterable[OutcomeRecord],
    ) -> list[Problem]:
        problems: list[Problem] = []
        for pot in budget_pots:
            if pot.id in self._budget_pots:
                problems.append(Problem(pot_path(pot.id), "id is used twice"))
            self._budget_pots[pot.id] = pot
        for e in employments:
            path = employment_path(e.id)
            if e.id in self._employments:
                problems.append(Problem(path, "id is used twice"))
            self._employments[e.id] = e
            problems += [
                p.under(path)
                for p in employment_problems(
                    e, students=self._students, host_units=self._host_units, pots=self._budget_pots
                )
            ]
        for pot in self._budget_pots.values():
            problems += [
                p.under(pot_path(pot.id)) for p in pot_problems(pot, self._employments.values())
            ]
        for o in outcomes:
            path = record_path(("outcomes", o.id))
            if o.id in self._outcomes:
                problems.append(Problem(path, "id is used twice"))
            if o.person not in self._students:
                problems.append(Problem(f"{path}.person", f"no student {o.person!r}"))
            self._outcomes[o.id] = o
        return problems

    def hiring_findings(
        self, as_of: dt.date, *, cohorts: Iterable[CohortId] | None = None
    ) -> tuple[Finding, ...]:
        """The hiring warnings of DESIGN §4.2.6 as of ``as_of``, of all graduates or of ``cohorts``.

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
        return evaluate_student(self._cohorts[student.cohort], student, as_of)

    def cohort_progress(self, cohort_id: CohortId, as_of: dt.date) -> CohortProgress:
        """Evaluate a cohort as of ``as_of`` (see :func:`~mbprogram.evaluate_cohort`).

        Raises:
            InvalidValueError: if ``as_of`` is not a date.
            NotFoundError: if there is no such cohort.
        """
        return evaluate_cohort(self, cohort_id, as_of)
