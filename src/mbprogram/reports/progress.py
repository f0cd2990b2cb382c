"""Cohort progress per student, as rows and as the ``progress --format json`` document.

The JSON shape is a stable contract (docs/cli.md)::

    {"as_of": "YYYY-MM-DD", "students": [{"cohort", "student", "status",
     "theory_hours", "theory_hours_required", "theory_share",
     "theory_share_required", "practice_weeks", "practice_weeks_required",
     "practice_share", "practice_share_required", "literature_signed_off", "assignment",
     "complete", "findings": [{"code", "severity", "path", "message"}],
     "forecast": {"outlook", "theory_hours_possible", "practice_weeks_possible",
      "theory_share_possible", "practice_share_possible", "earliest_completion",
      "plan_ends", "open", "requirements": [{"code", "outlook", "met_on"}],
      "findings": [...]}}], "findings": [...]}

Hours and weeks are JSON numbers, rounded down to two decimals so that a
display never overstates progress (139.999 h shows as 139.99, not 140);
``complete`` is decided on the exact values. The shares attended
(``theory_share``, ``practice_share``) are percentages from 0 to 100, rounded
down to two decimals, ``null`` before anything was held or expected; their
minimums (``…_required``) are the rules', ``null`` when the rules set none.
``status`` is ``null`` for a
student with no status yet on the as-of date (added to the register later).
The ``forecast`` (docs/rules.md, Forecast) gives shares as numbers from 0 to
1 rounded down to four decimals, and dates as ISO text or ``null``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from mbprogram.catalogue import Lang, text
from mbprogram.model import validators as v
from mbprogram.model.assignment import AssignmentState
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Status
from mbprogram.model.values import Percent
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
    "progress_report",
    "progress_table",
]


@attrs.frozen(kw_only=True)
class ProgressRow:
    """One student's progress as of a date, for a table (ids and figures only).

    ``practice_weeks`` is rounded down to two decimals; the shares are
    percentages (0 to 100) rounded down to two decimals, ``None`` before
    anything was held or expected, and their minimums ``None`` when the rules
    set none; ``missing`` lists the codes of the findings that block
    completion; ``outlook`` is the forecast's (docs/rules.md, Forecast), when
    the row was made with one.
    """

    cohort: str
    student: str
    status: Status | None
    theory_hours: Decimal
    theory_hours_required: Decimal
    theory_share: Decimal | None = None
    theory_share_required: Decimal | None = None
    practice_weeks: Decimal
    practice_weeks_required: Decimal
    practice_share: Decimal | None = None
    practice_share_required: Decimal | None = None
    literature_signed_off: bool
    assignment: AssignmentState
    complete: bool
    outlook: ForecastOutlook | None = None
    missing: tuple[str, ...]

    @classmethod
    def from_progress(
        cls,
        p: StudentProgress,
        *,
        outlook: ForecastOutlook | None = None,
        rules: ProgrammeRules | None = None,
    ) -> ProgressRow:
        """The row of one evaluated student, with the forecast's outlook if given.

        ``rules`` (the cohort's) give the minimum shares; without them the row
        has none.
        """
        rules = rules or _NO_SHARES
        return cls(
            cohort=p.cohort,
            student=p.student,
            status=p.status,
            theory_hours=p.theory_hours.value,
            theory_hours_required=p.theory_hours_required.value,
            theory_share=percent_of(p.theory_share),
            theory_share_required=minimum_of(rules.min_theory_share),
            practice_weeks=floor2(p.practice_weeks),
            practice_weeks_required=p.practice_weeks_required,
            practice_share=percent_of(p.practice_share),
            practice_share_required=minimum_of(rules.min_practice_share),
            literature_signed_off=p.literature_signed_off,
            assignment=p.assignment,
            complete=p.complete,
            outlook=outlook,
            missing=tuple(f.code.value for f in p.errors),
        )


#: Rules that set no minimum share, for a row made without the cohort's rules.
_NO_SHARES: Final = ProgrammeRules(name="-", theory_hours=0, practice_weeks=Decimal(0))


def percent_of(share: Fraction | None) -> Decimal | None:
    """A share (0 to 1) as a percentage rounded down to two decimals, or ``None``."""
    return None if share is None else floor2(share * 100)


def minimum_of(share: Percent | None) -> Decimal | None:
    """A minimum share of the rules as a percentage, or ``None`` when the rules set none."""
    return None if share is None else share.value


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


def _forecasts(evaluated: Iterable[CohortForecast], *, needs_help: bool) -> list[StudentForecast]:
    forecasts = [s for c in evaluated for s in c.students]
    return [f for f in forecasts if f.needs_help] if needs_help else forecasts


def progress_table(
    register: Register,
    as_of: dt.date,
    *,
    cohort: str | None = None,
    needs_help: bool = False,
    lang: Lang = "nb",
) -> Table[ProgressRow]:
    """The progress of every student (of ``cohort``, or of all cohorts) as of ``as_of``.

    Each row holds the forecast's outlook. With ``needs_help``, only the
    students at risk or unable to complete on plan. The title, headers and
    cells are in ``lang``.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    evaluated = _cohorts(register, as_of, cohort)
    return _table(register, as_of, evaluated, cohort, needs_help=needs_help, lang=lang)


def _table(
    register: Register,
    as_of: dt.date,
    evaluated: Iterable[CohortForecast],
    cohort: str | None,
    *,
    needs_help: bool,
    lang: Lang,
) -> Table[ProgressRow]:
    """The progress table of ``cohort`` (or of all cohorts) from the cohorts' forecasts."""
    which = (
        text("reports.progress.cohort", lang, cohort=cohort)
        if cohort
        else text("reports.progress.all", lang)
    )
    key = "reports.progress.needs_help_title" if needs_help else "reports.progress.title"
    rows = [
        ProgressRow.from_progress(
            f.progress, outlook=f.outlook, rules=register.cohort(f.progress.cohort).rules
        )
        for f in _forecasts(evaluated, needs_help=needs_help)
    ]
    rules = [c.rules for c in register.cohorts.values() if cohort is None or c.id == cohort]
    title = text(key, lang, which=which, as_of=as_of)
    return Table.of(title, ProgressRow, rows, hidden=_hidden(rules), lang=lang)


def _hidden(rules: list[ProgrammeRules]) -> set[str]:
    """The progress table's columns left out for cohorts with these rules.

    The shares are shown when some cohort's rules set a minimum; the hours or
    weeks are left out when every cohort asks for a share only of them.
    """
    hidden: set[str] = set()
    theory_share = any(r.min_theory_share is not None for r in rules)
    practice_share = any(r.min_practice_share is not None for r in rules)
    if not theory_share:
        hidden |= {"theory_share", "theory_share_required"}
    elif all(r.theory_hours.value == 0 for r in rules):
        hidden |= {"theory_hours", "theory_hours_required"}
    if not practice_share:
        hidden |= {"practice_share", "practice_share_required"}
    elif all(r.practice_weeks == 0 for r in rules):
        hidden |= {"practice_weeks", "practice_weeks_required"}
    return hidden


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
    return _document(register, as_of, evaluated, lang=lang, needs_help=needs_help)


def progress_report(
    register: Register,
    as_of: dt.date,
    *,
    cohort: str | None = None,
    lang: Lang = "nb",
    needs_help: bool = False,
    by_cohort: bool = False,
    progress: Progress | None = None,
) -> tuple[dict[str, object], list[Table[ProgressRow]]]:
    """The progress document and table from one evaluation of each student.

    The document is :func:`progress_document`'s; the table is
    :func:`progress_table`'s, of ``cohort`` or of all cohorts, or with
    ``by_cohort`` one table for each cohort shown (``cohort``, or every cohort
    in turn). Each student is evaluated and forecast once, for the two.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    evaluated = _cohorts(register, as_of, cohort, progress)
    document = _document(register, as_of, evaluated, lang=lang, needs_help=needs_help)
    if not by_cohort:
        return document, [
            _table(register, as_of, evaluated, cohort, needs_help=needs_help, lang=lang)
        ]
    tables = [
        _table(register, as_of, [c], c.cohort, needs_help=needs_help, lang=lang) for c in evaluated
    ]
    return document, tables


def _document(
    register: Register,
    as_of: dt.date,
    evaluated: list[CohortForecast],
    *,
    lang: Lang,
    needs_help: bool,
) -> dict[str, object]:
    """The ``progress --format json`` document from the cohorts' forecasts."""
    students = [
        {
            "cohort": p.cohort,
            "student": p.student,
            "status": None if p.status is None else p.status.value,
            "theory_hours": _number(floor2(p.theory_hours.value)),
            "theory_hours_required": _number(p.theory_hours_required.value),
            "theory_share": _percent(p.theory_share),
            "theory_share_required": _percent_rule(
                register.cohort(c.cohort).rules.min_theory_share
            ),
            "practice_weeks": _number(floor2(p.practice_weeks)),
            "practice_weeks_required": _number(p.practice_weeks_required),
            "practice_share": _percent(p.practice_share),
            "practice_share_required": _percent_rule(
                register.cohort(c.cohort).rules.min_practice_share
            ),
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


def _percent(share: Fraction | None) -> int | float | None:
    """A share as a JSON percentage, 0 to 100 rounded down to two decimals, or ``null``."""
    percent = percent_of(share)
    return None if percent is None else _number(percent)


def _percent_rule(share: Percent | None) -> int | float | None:
    return None if share is None else _number(share.value)


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
