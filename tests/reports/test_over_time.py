"""Progress over time: one row per student and date, recorded or planned, and a DataFrame."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mbprogram import InvalidValueError, NotFoundError, evaluate_student, floor2, forecast_cohort
from mbprogram.demo import build_demo_register
from mbprogram.reports.over_time import ProgressPoint, progress_over_time

REGISTER = build_demo_register()
MIDSUMMER = dt.date(2025, 6, 30)
WEEKLY = [dt.date(2025, 1, 6) + dt.timedelta(weeks=n) for n in range(52)]


def test_each_student_has_one_row_per_date_in_the_order_given() -> None:
    table = progress_over_time(REGISTER, "MB-2025", WEEKLY)

    assert 15 * 52 == len(table)
    assert WEEKLY == [p.on for p in table.rows[:52]]
    assert ["B01"] * 52 == [p.student for p in table.rows[:52]]


def test_the_recorded_figures_are_those_of_the_evaluation_on_each_date() -> None:
    cohort = REGISTER.cohort("MB-2025")
    for point in progress_over_time(REGISTER, "MB-2025", WEEKLY[::5]):
        progress = evaluate_student(cohort, REGISTER.student(point.student), point.on)
        assert progress.theory_hours.value == point.theory_hours
        assert floor2(progress.practice_weeks) == point.practice_weeks
        assert (Decimal(180), Decimal(20)) == (
            point.theory_hours_required,
            point.practice_weeks_required,
        )
        assert not point.planned


def test_after_the_forecast_date_the_figures_are_the_plans() -> None:
    table = progress_over_time(REGISTER, "MB-2025", [MIDSUMMER, dt.date(2025, 12, 31)],
                               forecast_from=MIDSUMMER)  # fmt: skip
    forecasts = {f.student: f for f in forecast_cohort(REGISTER, "MB-2025", MIDSUMMER).students}
    at, end = table.rows[0::2], table.rows[1::2]
    assert not any(p.planned for p in at)
    assert all(p.planned for p in end)
    for point in end:
        forecast = forecasts[point.student]
        assert forecast.theory_hours_possible.value == point.theory_hours
        assert floor2(forecast.practice_weeks_possible) == point.practice_weeks
    assert "planlagt etter 30.06.2025" in table.title


def test_the_points_become_a_dataframe() -> None:
    frame = progress_over_time(REGISTER, "MB-2025", WEEKLY).to_dataframe()
    assert 15 * 52 == len(frame)
    pivot = frame.pivot(index="on", columns="student", values="theory_hours")
    assert (52, 15) == pivot.shape
    assert pivot["B01"].is_monotonic_increasing


def test_a_point_holds_ids_and_figures_only() -> None:
    assert [
        "cohort", "student", "on", "theory_hours", "theory_hours_required", "practice_weeks",
        "practice_weeks_required", "planned",
    ] == list(progress_over_time(REGISTER, "MB-2025", WEEKLY[:1]).columns)  # fmt: skip
    assert isinstance(progress_over_time(REGISTER, "MB-2025", WEEKLY[:1]).rows[0], ProgressPoint)


@pytest.mark.parametrize(
    ("dates", "forecast_from", "where"),
    [
        ("2025-06-30", None, "dates"),
        ([MIDSUMMER, "2025-07-01"], None, "dates[1]"),
        ([dt.datetime(2025, 6, 30, tzinfo=dt.UTC)], None, "dates[0]"),
        ([MIDSUMMER], "2025-06-30", "forecast_from"),
    ],
)
def test_dates_that_are_not_dates_are_refused(
    dates: object, forecast_from: object, where: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        progress_over_time(REGISTER, "MB-2025", dates, forecast_from=forecast_from)  # type: ignore[arg-type]
    assert [where] == [p.path for p in caught.value.problems]


def test_a_cohort_that_does_not_exist_is_refused() -> None:
    with pytest.raises(NotFoundError):
        progress_over_time(REGISTER, "MB-1999", WEEKLY)
