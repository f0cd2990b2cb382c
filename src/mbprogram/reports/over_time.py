"""Progress over time: each student's theory hours and practice weeks on each of many dates.

A :class:`~mbprogram.reports.table.Table` of :class:`ProgressPoint` rows, one
per student and date (``to_dataframe()`` with the ``pandas`` extra). With
``forecast_from``, the dates after it show the forecast instead of the
records: what attending everything planned after that date gives
(docs/rules.md, Forecast). :func:`~mbprogram.reports.plots.plot_burn_up`
draws both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from mbprogram.catalogue import Lang, text
from mbprogram.model import validators as v
from mbprogram.reports.table import Table
from mbprogram.rules.plan import StudentPlan
from mbprogram.rules.practice import practice_weeks
from mbprogram.rules.student import floor2
from mbprogram.rules.theory import theory_progress

if TYPE_CHECKING:
    from mbprogram.register.aggregate import Register

__all__ = ["ProgressPoint", "progress_over_time"]


@attrs.frozen(kw_only=True)
class ProgressPoint:
    """One student's theory hours and practice weeks on one date (ids and figures only).

    ``practice_weeks`` is rounded down to two decimals; ``planned`` marks a
    point of the forecast (after ``forecast_from``) rather than of the records.
    """

    cohort: str
    student: str
    on: dt.date
    theory_hours: Decimal
    theory_hours_required: Decimal
    practice_weeks: Decimal
    practice_weeks_required: Decimal
    planned: bool


def progress_over_time(
    register: Register,
    cohort: str,
    dates: Iterable[dt.date],
    *,
    forecast_from: dt.date | None = None,
    lang: Lang = "nb",
) -> Table[ProgressPoint]:
    """Every student's theory hours and practice weeks of ``cohort`` on each of ``dates``.

    Rows go student by student, each in the order of ``dates``. On a date
    after ``forecast_from`` (when given) the figures are the forecast's: the
    records as of ``forecast_from`` and everything planned after it attended.
    The title, headers and cells are in ``lang``.

    Raises:
        InvalidValueError: if ``dates`` is not a collection of dates or
            ``forecast_from`` is not a date.
        NotFoundError: if there is no such cohort.
    """
    days = [
        v.check_date(d, f"dates[{i}]") for i, d in enumerate(v.check_each(dates, dt.date, "dates"))
    ]
    if forecast_from is not None:
        v.check_date(forecast_from, "forecast_from")
    the_cohort = register.cohort(cohort)
    rules = the_cohort.rules
    rows = []
    for student in register.students_of(cohort):
        plan = None if forecast_from is None else StudentPlan.of(the_cohort, student, forecast_from)
        for day in days:
            planned = plan is not None and day > plan.as_of
            if plan is not None and planned:
                hours = plan.theory_hours_on(day).value
                weeks = plan.practice_weeks_on(day)
            else:
                hours = theory_progress(the_cohort, student, day).credited
                weeks = practice_weeks(student.placements, day)
            rows.append(
                ProgressPoint(
                    cohort=the_cohort.id,
                    student=student.id,
                    on=day,
                    theory_hours=hours,
                    theory_hours_required=rules.theory_hours.value,
                    practice_weeks=floor2(weeks),
                    practice_weeks_required=rules.practice_weeks,
                    planned=planned,
                )
            )
    title = text("reports.over_time.title", lang, cohort=the_cohort.id, n=len(days))
    if forecast_from is not None:
        title += text("reports.over_time.planned", lang, day=forecast_from)
    return Table.of(title, ProgressPoint, rows, lang=lang)
