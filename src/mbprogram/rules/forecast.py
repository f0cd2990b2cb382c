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
import math
from collections.abc import Mapping
from fractions import Fraction

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.history import student_path
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Student
from mbprogram.model.values import CohortId, Hours, Percent, StudentId, exact_arithmetic
from mbprogram.rules.cohort import CohortProgress, evaluate_cohort
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.plan import StudentPlan, _plan
from mbprogram.rules.practice import WEEK_UNITS
from mbprogram.rules.student import StudentProgress, _evaluate_student, _num, _pct, floor2
from mbprogram.rules.view import RegisterView

__all__ = [
    "CohortForecast",
    "ForecastOutlook",
    "Milestones",
    "RequirementForecast",
    "RequirementOutlook",
    "StudentForecast",
    "forecast_cohort",
    "forecast_student",
]

_F = FindingCode


class ForecastOutlook(enum.StrEnum):
    """Where a student is heading: complete, on track, at risk, or unable to complete on plan."""

    COMPLETE = "complete"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    UNREACHABLE = "unreachable"


class RequirementOutlook(enum.StrEnum):
    """Where one requirement that is not met (or is at risk) is heading.

    ``open`` is a requirement the plan says nothing about: literature or the
    final assignment without a planned date.
    """

    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    UNREACHABLE = "unreachable"
    OPEN = "open"


@attrs.frozen(kw_only=True)
class Milestones:
    """The planned dates of what the schedule does not hold: the literature sign-off and approval.

    A planned date counts the requirement as met from that day; a date on or
    before the as-of date that has not been met leaves it ``open``.
    """

    literature_sign_off: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.a_date())
    )
    assignment_approval: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.a_date())
    )


@attrs.frozen(kw_only=True)
class RequirementForecast:
    """One requirement of a student's forecast.

    Attributes:
        code: the code of the finding that says the requirement is not met
            (``THEORY_HOURS_SHORT``, ``LITERATURE_NOT_SIGNED_OFF`` …).
        outlook: on track, at risk, unreachable or open.
        met_on: the first day, from the as-of date on, that it is met if the
            student attends everything planned; ``None`` if never or not planned.
    """

    code: FindingCode
    outlook: RequirementOutlook
    met_on: dt.date | None


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
        """Whether the student is at risk or cannot complete on plan."""
        return self.outlook in _NEEDS_HELP


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
        raise InvalidValueError(
            "milestones", f"expected a mapping of student ids, got {type(given).__name__}"
        )
    for key, value in given.items():
        if key not in ids:
            raise InvalidValueError("milestones", "names a student who is not in the cohort")
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
        parts = _requirements(plan, rules, progress, milestones)
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
        theory_share_possible=plan.theory_share_on(ends) if rules.min_theory_share else None,
        practice_share_possible=(
            plan.practice_days_on(ends).share if rules.min_practice_share else None
        ),
        earliest_completion=earliest,
        plan_ends=ends,
        requirements=requirements,
        findings=tuple(f for _, f in parts if f is not None),
    )


_Part = tuple[RequirementForecast, Finding | None]


def _requirements(
    plan: StudentPlan, rules: ProgrammeRules, progress: StudentProgress, milestones: Milestones
) -> list[_Part]:
    """Each requirement not met as of the date, or at risk, in the order of the evaluation."""
    unmet = {f.code for f in progress.errors}
    if plan.closed:
        # Withdrawn (or graduated): nothing more is recorded, so nothing unmet can be met.
        return [(_unreachable(f.code), None) for f in progress.errors]
    path = student_path(progress.cohort, progress.student)
    found = [
        _theory_hours(plan, rules, f"{path}.attendance"),
        _theory_share(plan, rules, f"{path}.attendance", unmet),
        _practice_weeks(plan, rules, f"{path}.placements"),
        _practice_share(plan, rules, f"{path}.placements", unmet),
    ]
    if _F.LITERATURE_NOT_SIGNED_OFF in unmet:
        planned = _planned(_F.LITERATURE_NOT_SIGNED_OFF, milestones.literature_sign_off, plan)
        found.append((planned, None))
    if _F.ASSIGNMENT_ATTEMPTS_EXHAUSTED in unmet:
        found.append((_unreachable(_F.ASSIGNMENT_NOT_APPROVED), None))
        found.append((_unreachable(_F.ASSIGNMENT_ATTEMPTS_EXHAUSTED), None))
    elif _F.ASSIGNMENT_NOT_APPROVED in unmet:
        planned = _planned(_F.ASSIGNMENT_NOT_APPROVED, milestones.assignment_approval, plan)
        found.append((planned, None))
    return [part for part in found if part is not None]


def _unreachable(code: FindingCode) -> RequirementForecast:
    return RequirementForecast(code=code, outlook=RequirementOutlook.UNREACHABLE, met_on=None)


def _planned(code: FindingCode, on: dt.date | None, plan: StudentPlan) -> RequirementForecast:
    if on is None or on <= plan.as_of:
        return RequirementForecast(code=code, outlook=RequirementOutlook.OPEN, met_on=None)
    return RequirementForecast(code=code, outlook=RequirementOutlook.ON_TRACK, met_on=on)


def _theory_hours(plan: StudentPlan, rules: ProgrammeRules, path: str) -> _Part | None:
    required = rules.theory_hours.value
    with exact_arithmetic():
        missing = required - plan.theory.credited
    if missing <= 0:
        return None
    left = plan.theory_hours_left
    details = {"needed": _num(missing), "remaining": _num(left)}
    code = _F.THEORY_HOURS_SHORT
    if missing > left:
        return _unreachable(code), Finding(_F.THEORY_UNREACHABLE, path, details)
    met_on = plan.theory_met_on(required)
    if Fraction(missing) > rules.at_risk_theory_share.fraction * Fraction(left):
        return _at_risk(code, met_on), Finding(_F.THEORY_AT_RISK, path, details)
    return _on_track(code, met_on), None


def _theory_share(
    plan: StudentPlan, rules: ProgrammeRules, path: str, unmet: set[FindingCode]
) -> _Part | None:
    minimum = rules.min_theory_share
    best = plan.theory_share_on(plan.ends)
    if minimum is None or best is None:
        return None
    share = minimum.fraction
    left = [hours for _, hours in plan.sessions]
    # What the student can miss at the end of the plan and keep the share: whole
    # sessions, the longest first.
    held = Fraction(plan.theory.held) + Fraction(plan.theory_hours_left)
    slack = Fraction(plan.theory.attended) + Fraction(plan.theory_hours_left) - share * held
    spare = 0
    for hours in sorted(left, reverse=True):
        slack -= Fraction(hours)
        if slack < 0:
            break
        spare += 1
    return _share(
        _F.THEORY_ATTENDANCE_LOW,
        path,
        "theory teaching",
        rules,
        minimum=minimum,
        best=best,
        spare=spare,
        left=len(left),
        met_on=plan.theory_share_met_on(share),
        unmet=unmet,
    )


def _practice_weeks(plan: StudentPlan, rules: ProgrammeRules, path: str) -> _Part | None:
    required = math.ceil(Fraction(rules.practice_weeks) * WEEK_UNITS)
    if plan.practice_units_on(plan.as_of) >= required:
        return None
    left = len(plan.practice_days)
    possible = plan.practice_units_on(plan.ends)
    code = _F.PRACTICE_WEEKS_SHORT
    if possible < required:
        details = {
            "remaining": left,
            "possible": _num(floor2(Fraction(possible, WEEK_UNITS))),
            "required": _num(rules.practice_weeks),
        }
        return _unreachable(code), Finding(_F.PRACTICE_UNREACHABLE, path, details)
    met_on = plan.practice_met_on(required)
    needed = plan.practice_days_needed(required) or 0
    if needed > rules.at_risk_practice_share.fraction * left:
        details = {"needed": needed, "remaining": left}
        return _at_risk(code, met_on), Finding(_F.PRACTICE_AT_RISK, path, details)
    return _on_track(code, met_on), None


def _practice_share(
    plan: StudentPlan, rules: ProgrammeRules, path: str, unmet: set[FindingCode]
) -> _Part | None:
    minimum = rules.min_practice_share
    days = plan.practice_days_on(plan.ends)
    best = days.share
    if minimum is None or best is None:
        return None
    share = minimum.fraction
    left = len(plan.practice_days)
    spare = min(left, max(0, math.floor(days.attended - share * days.expected)))
    return _share(
        _F.PRACTICE_ATTENDANCE_LOW,
        path,
        "practice",
        rules,
        minimum=minimum,
        best=best,
        spare=spare,
        left=left,
        met_on=plan.practice_share_met_on(share),
        unmet=unmet,
    )


def _share(
    code: FindingCode,
    path: str,
    part: str,
    rules: ProgrammeRules,
    *,
    minimum: Percent,
    best: Fraction,
    spare: int,
    left: int,
    met_on: dt.date | None,
    unmet: set[FindingCode],
) -> _Part | None:
    """An attended share's forecast: unreachable, at risk, on track, or nothing to say."""
    details = {"part": part, "best": _pct(best), "minimum": _num(minimum.value)}
    if best < minimum.fraction:
        return _unreachable(code), Finding(_F.ATTENDANCE_SHARE_UNREACHABLE, path, details)
    if spare <= rules.at_risk_absences and spare < left:
        finding = Finding(_F.ATTENDANCE_SHARE_AT_RISK, path, {**details, "under": spare + 1})
        return _at_risk(code, met_on), finding
    if code in unmet:
        return _on_track(code, met_on), None
    return None


def _at_risk(code: FindingCode, met_on: dt.date | None) -> RequirementForecast:
    return RequirementForecast(code=code, outlook=RequirementOutlook.AT_RISK, met_on=met_on)


def _on_track(code: FindingCode, met_on: dt.date | None) -> RequirementForecast:
    return RequirementForecast(code=code, outlook=RequirementOutlook.ON_TRACK, met_on=met_on)
