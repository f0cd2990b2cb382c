"""The forecast (docs/rules.md, Forecast): who is on track, who is at risk, and when.

A forecast is made as of a date from the student's records up to it and the
plan after it (:class:`~mbprogram.rules.plan.StudentPlan`): every session
still scheduled attended in full, every practice day still expected attended.
It says what that would give (``theory_hours_possible``,
``practice_weeks_possible``, the best reachable shares), the first day every
requirement would be met (``earliest_completion``), and one outlook:
``complete``, ``on-track``, ``at-risk`` or ``unreachable``. Its findings are
warnings that say what is needed; the evaluation of the student
(:func:`~mbprogram.evaluate_student`) is not changed by it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from fractions import Fraction

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.history import student_path
from mbprogram.model.students import Status, Student
from mbprogram.model.values import CohortId, Hours, StudentId
from mbprogram.rules.cohort import CohortProgress, evaluate_cohort
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.outlook import (
    Milestones,
    RequirementForecast,
    RequirementOutlook,
    requirement_outlooks,
)
from mbprogram.rules.plan import _plan
from mbprogram.rules.student import StudentProgress, _evaluate_student
from mbprogram.rules.view import RegisterView

__all__ = [
    "CohortForecast",
    "ForecastOutlook",
    "StudentForecast",
    "forecast_cohort",
    "forecast_student",
]


class ForecastOutlook(enum.StrEnum):
    """Where a student is heading: complete, on track, at risk, or unable to complete on plan."""

    COMPLETE = "complete"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    UNREACHABLE = "unreachable"


_NEEDS_HELP = frozenset({ForecastOutlook.AT_RISK, ForecastOutlook.UNREACHABLE})


@attrs.frozen(kw_only=True)
class StudentForecast:
    """A student's forecast as of a date (docs/rules.md, Forecast).

    Numbers are exact, as in :class:`~mbprogram.StudentProgress`.

    Attributes:
        progress: the evaluation as of the date.
        outlook: complete, on track, at risk or unreachable.
        theory_hours_possible: credited hours if every session left is attended in full.
        practice_weeks_possible: practice weeks if every practice day left is attended.
        theory_share_possible, practice_share_possible: the best reachable
            attended shares, when the rules set a minimum (else ``None``).
        earliest_completion: the first day, from the as-of date on, on which every
            requirement that is not open would be met; ``None`` if the plan
            cannot get there.
        plan_ends: the last day anything is planned for the student.
        requirements: each requirement not met as of the date, and each share
            at risk, with its outlook.
        findings: the forecast's warnings (``THEORY_AT_RISK`` …).
    """

    cohort: CohortId
    student: StudentId
    as_of: dt.date
    progress: StudentProgress
    outlook: ForecastOutlook
    theory_hours_possible: Hours
    practice_weeks_possible: Fraction
    theory_share_possible: Fraction | None
    practice_share_possible: Fraction | None
    earliest_completion: dt.date | None
    plan_ends: dt.date
    requirements: tuple[RequirementForecast, ...]
    findings: tuple[Finding, ...]

    @property
    def open(self) -> tuple[FindingCode, ...]:
        """The codes of the requirements the plan says nothing about."""
        return tuple(r.code for r in self.requirements if r.outlook is RequirementOutlook.OPEN)

    @property
    def needs_help(self) -> bool:
        """Whether the student is at risk or cannot complete on plan, and has not withdrawn.

        A student who withdrew cannot complete, but is no longer someone to help.
        """
        return self.outlook in _NEEDS_HELP and self.progress.status is not Status.WITHDRAWN


@attrs.frozen(kw_only=True)
class CohortForecast:
    """Every student's forecast of a cohort as of a date, with the cohort's evaluation."""

    cohort: CohortId
    as_of: dt.date
    progress: CohortProgress
    students: tuple[StudentForecast, ...]

    @property
    def needs_help(self) -> tuple[StudentForecast, ...]:
        """The forecasts of the students at risk or unable to complete on plan."""
        return tuple(s for s in self.students if s.needs_help)


def forecast_student(
    cohort: Cohort, student: Student, as_of: dt.date, *, milestones: Milestones | None = None
) -> StudentForecast:
    """Forecast ``student`` of ``cohort`` from the records as of ``as_of`` and the plan after it.

    ``milestones`` gives planned dates for the literature sign-off and the
    assignment's approval; without one those requirements, if not met, are open.

    Raises:
        InvalidValueError: if an argument is not of its type.
    """
    v.check_instance(cohort, Cohort, "cohort", "a Cohort")
    v.check_instance(student, Student, "student", "a Student")
    v.check_date(as_of, "as_of")
    if milestones is not None:
        v.check_instance(milestones, Milestones, "milestones", "Milestones")
    progress = _evaluate_student(cohort, student, as_of)
    return _forecast(cohort, student, progress, milestones or _NONE)


def forecast_cohort(
    register: RegisterView,
    cohort_id: CohortId,
    as_of: dt.date,
    *,
    milestones: Mapping[StudentId, Milestones] | None = None,
) -> CohortForecast:
    """Forecast every student of a cohort as of ``as_of``.

    ``milestones`` maps a student's id to their planned dates.

    Raises:
        InvalidValueError: if ``as_of`` is not a date, or ``milestones`` names a
            student who is not in the cohort or holds something else.
        NotFoundError: if there is no such cohort.
    """
    progress = evaluate_cohort(register, cohort_id, as_of)
    cohort = register.cohort(cohort_id)
    students = register.students_of(cohort_id)
    planned = _checked_milestones(milestones, {s.id for s in students})
    forecasts = tuple(
        _forecast(cohort, s, p, planned.get(s.id, _NONE))
        for s, p in zip(students, progress.students, strict=True)
    )
    return CohortForecast(cohort=cohort.id, as_of=as_of, progress=progress, students=forecasts)


_NONE = Milestones()


def _checked_milestones(given: object, ids: set[StudentId]) -> Mapping[StudentId, Milestones]:
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise InvalidValueError.at(
            "milestones", "rule_arguments.milestones", got=type(given).__name__
        )
    for key, value in given.items():
        if key not in ids:
            raise InvalidValueError.at("milestones", "rule_arguments.milestones_student")
        v.check_instance(value, Milestones, f"milestones[{key}]", "Milestones")
    return given


def _forecast(
    cohort: Cohort, student: Student, progress: StudentProgress, milestones: Milestones
) -> StudentForecast:
    as_of = progress.as_of
    plan = _plan(cohort, student, as_of)
    rules = cohort.rules
    ends = plan.ends
    parts: list[tuple[RequirementForecast, Finding | None]] = []
    if not progress.complete:
        path = student_path(progress.cohort, progress.student)
        parts = requirement_outlooks(plan, rules, progress, milestones, path)
    requirements = tuple(r for r, _ in parts)
    if progress.complete:
        outlook = ForecastOutlook.COMPLETE
    elif any(r.outlook is RequirementOutlook.UNREACHABLE for r in requirements):
        outlook = ForecastOutlook.UNREACHABLE
    elif any(r.outlook is RequirementOutlook.AT_RISK for r in requirements):
        outlook = ForecastOutlook.AT_RISK
    else:
        outlook = ForecastOutlook.ON_TRACK
    earliest = None
    if outlook is not ForecastOutlook.UNREACHABLE:
        earliest = max((as_of, *(r.met_on for r in requirements if r.met_on is not None)))
    return StudentForecast(
        cohort=cohort.id,
        student=student.id,
        as_of=as_of,
        progress=progress,
        outlook=outlook,
        theory_hours_possible=plan.theory_hours_on(ends),
        practice_weeks_possible=plan.practice_weeks_on(ends),
        theory_share_possible=(
            None if rules.min_theory_share is None else plan.theory_share_on(ends)
        ),
        practice_share_possible=(
            None if rules.min_practice_share is None else plan.practice_days_on(ends).share
        ),
        earliest_completion=earliest,
        plan_ends=ends,
        requirements=requirements,
        findings=tuple(f for _, f in parts if f is not None),
    )
