"""Each requirement's outlook from a student's plan (docs/rules.md, Forecast).

For every requirement not met as of the date, and every attended share at
risk: whether the plan gets there (on track), only just (at risk), not at all
(unreachable), or says nothing about it (open), the first day it would be
met, and the warning that says what is needed.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from fractions import Fraction

import attrs

from mbprogram.model import validators as v
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.values import Percent, exact_arithmetic
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.plan import StudentPlan
from mbprogram.rules.practice import WEEK_UNITS
from mbprogram.rules.student import StudentProgress, _num, _pct, floor2

__all__ = ["Milestones", "RequirementForecast", "RequirementOutlook", "requirement_outlooks"]

_F = FindingCode


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


_Part = tuple[RequirementForecast, Finding | None]


def requirement_outlooks(
    plan: StudentPlan,
    rules: ProgrammeRules,
    progress: StudentProgress,
    milestones: Milestones,
    path: str,
) -> list[_Part]:
    """Each requirement not met as of the date, or at risk, with its warning if any.

    In the order of the evaluation's findings; ``path`` is the student's record path.
    """
    unmet = {f.code for f in progress.errors}
    if plan.closed:
        # Withdrawn (or graduated): nothing more is recorded, so nothing unmet can be met.
        return [(_unreachable(f.code), None) for f in progress.errors]
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
