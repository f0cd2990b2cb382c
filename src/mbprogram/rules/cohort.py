"""Evaluating a whole cohort, or every cohort of a register, as of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from mbprogram.collector import gc_paused
from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.history import record_path
from mbprogram.model.students import Status
from mbprogram.model.values import CohortId
from mbprogram.progress import Progress, Step
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.student import StudentProgress, _evaluate_student
from mbprogram.rules.view import RegisterView

__all__ = [
    "CohortProgress",
    "evaluate_cohort",
    "evaluate_register",
    "selected_cohorts",
]

#: Statuses that hold one of a cohort's places.
_HOLDS_PLACE = frozenset({Status.ADMITTED, Status.ACTIVE, Status.ON_LEAVE, Status.GRADUATED})


@attrs.frozen(kw_only=True)
class CohortProgress:
    """A cohort's progress as of a date: every student's, and the cohort-wide findings."""

    cohort: CohortId
    as_of: dt.date
    students: tuple[StudentProgress, ...]
    findings: tuple[Finding, ...]

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        """The cohort-wide findings followed by every student's."""
        return self.findings + tuple(f for s in self.students for f in s.findings)

    @property
    def complete(self) -> tuple[str, ...]:
        """The ids of the students who meet every requirement."""
        return tuple(s.student for s in self.students if s.complete)


def evaluate_cohort(register: RegisterView, cohort_id: CohortId, as_of: dt.date) -> CohortProgress:
    """Evaluate every student of a cohort, and the cohort itself, as of ``as_of``.

    Cohort-wide findings: ``COHORT_OVER_PLACES`` (warning) when more students
    hold a place than the cohort has. (A host unit's capacity is a rule of the
    register, which refuses any change or document that overfills a unit.)

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if there is no such cohort.
    """
    v.check_date(as_of, "as_of")
    cohort = register.cohort(cohort_id)
    students = register.students_of(cohort_id)
    with gc_paused():
        progress = tuple(_evaluate_student(cohort, s, as_of) for s in students)
    findings: list[Finding] = []
    enrolled = sum(1 for p in progress if p.status in _HOLDS_PLACE)  # status_on(as_of)
    if enrolled > cohort.places:
        findings.append(
            Finding(
                FindingCode.COHORT_OVER_PLACES,
                record_path(("cohorts", cohort.id)),
                {"enrolled": enrolled, "places": cohort.places},
            )
        )
    return CohortProgress(
        cohort=cohort.id, as_of=as_of, students=progress, findings=tuple(findings)
    )


def evaluate_register(
    register: RegisterView, as_of: dt.date, *, progress: Progress | None = None
) -> tuple[CohortProgress, ...]:
    """Evaluate every cohort of the register as of ``as_of``, in the order they were opened.

    ``progress`` is called after each cohort with the students evaluated so far.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
    """
    v.check_date(as_of, "as_of")
    total, done, evaluated = len(register.students), 0, []
    with gc_paused():
        for c in register.cohorts:
            evaluated.append(evaluate_cohort(register, c, as_of))
            if progress is not None:
                done += len(evaluated[-1].students)
                progress(Step.EVALUATED, done, total)
    return tuple(evaluated)


def selected_cohorts(register: RegisterView, cohorts: object) -> frozenset[CohortId] | None:
    """The ids a ``cohorts=`` filter names, each looked up; ``None`` (no filter) for ``None``.

    ``cohorts`` is a collection of cohort ids, or one id on its own.

    Raises:
        InvalidValueError: if ``cohorts`` is neither an id nor a collection of ids.
        NotFoundError: if an id names no cohort.
    """
    if cohorts is None:
        return None
    if isinstance(cohorts, str):
        cohorts = (cohorts,)
    if isinstance(cohorts, bytes) or not isinstance(cohorts, Iterable):
        raise InvalidValueError.at(
            "cohorts", "rule_arguments.cohort_ids", got=type(cohorts).__name__
        )
    return frozenset(register.cohort(c).id for c in cohorts)
