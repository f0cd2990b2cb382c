"""Cohort progress per student, as rows and as the ``progress --format json`` document.

The JSON shape is a stable contract (docs/cli.md)::

    {"as_of": "YYYY-MM-DD", "students": [{"cohort", "student", "status",
     "theory_hours", "theory_hours_required", "practice_weeks",
     "practice_weeks_required", "literature_signed_off", "assignment",
     "complete", "findings": [{"code", "severity", "path", "message"}],
     "forecast": {"outlook", "theory_hours_possible", "practice_weeks_possible",
      "theory_share_possible", "practice_share_possible", "earliest_completion",
      "plan_ends", "open", "requirements": [{"code", "outlook", "met_on"}],
      "findings": [...]}}], "findings": [...]}

Hours and weeks are JSON numbers, rounded down to two decimals so that a
display never overstates progress (139.999 h shows as 139.99, not 140);
``complete`` is decided on the exact values. ``status`` is ``null`` for a
student with no status yet on the as-of date (added to the register later).
The ``forecast`` (docs/rules.md, Forecast) gives shares as numbers from 0 to
1 rounded down to four decimals, and dates as ISO text or ``null``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from mbprogram.catalogue import Lang
from mbprogram.model import validators as v
from mbprogram.model.assignment import AssignmentState
from mbprogram.model.students import Status
from mbprogram.progress import Progress, Step
from mbprogram.reports.table import Table
from mbprogram.rules.cohort import evaluate_cohort
from mbprogram.rules.findings import Finding
from mbprogram.rules.forecast import (
    CohortForecast,
    ForecastOutlook,
    StudentForecast,
    forecast_cohort,
)
from mbprogram.rules.student import StudentProgress, floor2

if TYPE_CHECKING:
    from mbprogram.register.aggregate import Register

__all__ = [
    "ProgressRow",
    "finding_document",
    "forecast_document",
    "progress_document",
    "progress_of",
    "progress_table",
]


@attrs.frozen(kw_only=True)
class ProgressRow:
    """One student's progress as of a date, for a table (ids and figures only).

    ``practice_weeks`` is rounded down to two decimals; ``missing`` lists the
    codes of the findings that block completion; ``outlook`` is the forecast's
    (docs/rules.md, Forecast), when the row was made with one.
    """

    cohort: str
    student: str
    status: Status | None
    theory_hours: Decimal
    theory_hours_required: Decimal
    practice_weeks: Decimal
    practice_weeks_required: Decimal
    literature_signed_off: bool
    assignment: AssignmentState
    complete: bool
    outlook: ForecastOutlook | None = None
    missing: tuple[str, ...]

    @classmethod
    def from_progress(
        cls, p: StudentProgress, *, outlook: ForecastOutlook | None = None
    ) -> ProgressRow:
        """The row of one evaluated student, with the forecast's outlook if given."""
        return cls(
            cohort=p.cohort,
            student=p.student,
            status=p.status,
            theory_hours=p.theory_hours.value,
            theory_hours_required=p.theory_hours_required.value,
            practice_weeks=floor2(p.practice_weeks),
            practice_weeks_required=p.practice_weeks_required,
            literature_signed_off=p.literature_signed_off,
            assignment=p.assignment,
            complete=p.complete,
            outlook=outlook,
            missing=tuple(f.code.value for f in p.errors),
        )


def progress_of(
    register: Register, as_of: dt.date, *, cohort: str | None = None
) -> tuple[StudentProgress, ...]:
    """Every student's progress as of ``as_of``, of one cohort or of all, cohort by cohort.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    v.check_date(as_of, "as_of")
    cohorts = [cohort] if cohort is not None else list(register.cohorts)
    return tuple(s for c in cohorts for s in evaluate_cohort(register, c, as_of).students)


def _cohorts(
    register: Register, as_of: dt.date, cohort: str | None, progress: Progress | None = None
) -> list[CohortForecast]:
    v.check_date(as_of, "as_of")
    cohorts = [cohort] if cohort is not None else list(register.cohorts)
    total = sum(len(register.students_of(c)) for c in cohorts)
    done, forecasts = 0, []
    for c in cohorts:
        forecasts.append(forecast_cohort(register, c, as_of))
        if progress is not None:
            done += len(forecasts[-1].students)
            progress(Step.EVALUATED, done, total)
    return forecasts


def _forecasts(
    register: Register, as_of: dt.date, cohort: str | None, *, needs_help: bool
) -> list[StudentForecast]:
    forecasts = [s for c in _cohorts(register, as_of, cohort) for s in c.students]
    return [f for f in forecasts if f.needs_help] if needs_help else forecasts


def progress_table(
    register: Register, as_of: dt.date, *, cohort: str | None = None, needs_help: bool = False
) -> Table[ProgressRow]:
    """The progress of every student (of ``cohort``, or of all cohorts) as of ``as_of``.

    Each row holds the forecast's outlook. With ``needs_help``, only the
    students at risk or unable to complete on plan.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    v.check_date(as_of, "as_of")
    which = f"cohort {cohort}" if cohort else "all cohorts"
    who = "Students who need help in" if needs_help else "Progress of"
    return Table.of(
        f"{who} {which} as of {as_of.isoformat()}",
        ProgressRow,
        (
            ProgressRow.from_progress(f.progress, outlook=f.outlook)
            for f in _forecasts(register, as_of, cohort, needs_help=needs_help)
        ),
        _LABELS,
    )


#: Short headers for the text and HTML views of the progress table.
_LABELS = {
    "theory_hours": "theory h",
    "theory_hours_required": "of",
    "practice_weeks": "weeks",
    "practice_weeks_required": "of",
    "literature_signed_off": "literature",
}


def _number(value: Decimal) -> int | float:
    """A JSON number: an int when whole, else the float nearest the exact value."""
    return int(value) if value == value.to_integral_value() else float(value)


def progress_document(
    register: Register,
    as_of: dt.date,
    *,
    cohort: str | None = None,
    lang: Lang = "nb",
    needs_help: bool = False,
    progress: Progress | None = None,
) -> dict[str, object]:
    """The ``progress --format json`` document (docs/cli.md), ready for :func:`json.dumps`.

    Beside ``as_of`` and ``students`` it holds ``findings``: the cohort-wide
    findings (``COHORT_OVER_PLACES``) of the cohorts evaluated, in the same
    shape as a student's. Each student has a ``forecast``
    (:func:`forecast_document`). With ``needs_help``, only the students at
    risk or unable to complete on plan are listed. ``progress`` is called after
    each cohort with the students evaluated so far.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    evaluated = _cohorts(register, as_of, cohort, progress)
    students = [
        {
            "cohort": p.cohort,
            "student": p.student,
            "status": None if p.status is None else p.status.value,
            "theory_hours": _number(floor2(p.theory_hours.value)),
            "theory_hours_required": _number(p.theory_hours_required.value),
            "practice_weeks": _number(floor2(p.practice_weeks)),
            "practice_weeks_required": _number(p.practice_weeks_required),
            "literature_signed_off": p.literature_signed_off,
            "assignment": p.assignment.value,
            "complete": p.complete,
            "findings": [finding_document(f, lang) for f in p.findings],
            "forecast": forecast_document(f, lang),
        }
        for c in evaluated
        for f in c.students
        if f.needs_help or not needs_help
        for p in (f.progress,)
    ]
    return {
        "as_of": as_of.isoformat(),
        "students": students,
        "findings": [finding_document(f, lang) for c in evaluated for f in c.progress.findings],
    }


def forecast_document(forecast: StudentForecast, lang: Lang = "nb") -> dict[str, object]:
    """A student's forecast as JSON (docs/cli.md): figures, dates, requirements and findings.

    Hours and weeks are rounded down to two decimals and shares (0 to 1) to
    four, so that a forecast never overstates what is possible.
    """
    return {
        "outlook": forecast.outlook.value,
        "theory_hours_possible": _number(floor2(forecast.theory_hours_possible.value)),
        "practice_weeks_possible": _number(floor2(forecast.practice_weeks_possible)),
        "theory_share_possible": _share(forecast.theory_share_possible),
        "practice_share_possible": _share(forecast.practice_share_possible),
        "earliest_completion": _day(forecast.earliest_completion),
        "plan_ends": forecast.plan_ends.isoformat(),
        "open": [code.value for code in forecast.open],
        "requirements": [
            {"code": r.code.value, "outlook": r.outlook.value, "met_on": _day(r.met_on)}
            for r in forecast.requirements
        ],
        "findings": [finding_document(f, lang) for f in forecast.findings],
    }


def _share(value: Fraction | None) -> int | float | None:
    return None if value is None else _number(floor2(value * 100) / 100)


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def finding_document(finding: Finding, lang: Lang = "nb") -> dict[str, str]:
    """A finding as JSON: ``{"code", "severity", "path", "message"}``."""
    return {
        "code": finding.code.value,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": finding.message(lang),
    }
