"""Plots of the reports (needs the ``plot`` extra: matplotlib).

Each function returns a :class:`matplotlib.figure.Figure` made without pyplot's
global state, so it works in scripts, servers and notebooks alike: show it in
Jupyter by leaving it as a cell's value, or save it with
``figure.savefig("progress.png")``. Labels carry ids, never names.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from mbprogram.exceptions import MissingExtraError
from mbprogram.model import validators as v
from mbprogram.model.values import DateRange
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.over_time import ProgressPoint, progress_over_time
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import progress_of
from mbprogram.rules.forecast import forecast_cohort

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mbprogram.register.aggregate import Register

__all__ = [
    "plot_burn_up",
    "plot_cohort_progress",
    "plot_outcomes_by_pathway",
    "plot_placement_timeline",
    "plot_pot_utilisation",
]


def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError("plots", "plot") from None
    return Figure(figsize=(width, height), layout="constrained")


def plot_cohort_progress(register: Register, cohort: str, as_of: dt.date) -> Figure:
    """Theory hours and practice weeks per student against the requirement.

    Raises:
        NotFoundError: if there is no such cohort.
        MissingExtraError: without matplotlib.
    """
    progress = progress_of(register, as_of, cohort=cohort)
    rules = register.cohort(cohort).rules
    fig = _figure(10, 0.35 * max(len(progress), 4) + 1.5)
    hours_ax, weeks_ax = fig.subplots(1, 2, sharey=True)
    names = [p.student for p in progress]
    hours = [float(p.theory_hours.value) for p in progress]
    weeks = [float(p.practice_weeks) for p in progress]
    colours = ["tab:green" if p.complete else "tab:orange" for p in progress]
    hours_ax.barh(names, hours, color=colours)
    hours_ax.axvline(float(rules.theory_hours.value), color="black", linestyle="--")
    hours_ax.set_xlabel(f"theory hours (required {rules.theory_hours})")
    weeks_ax.barh(names, weeks, color=colours)
    weeks_ax.axvline(float(rules.practice_weeks), color="black", linestyle="--")
    weeks_ax.set_xlabel(f"practice weeks (required {rules.practice_weeks})")
    hours_ax.invert_yaxis()
    fig.suptitle(f"{cohort}: progress as of {as_of.isoformat()} (green: complete)")
    return fig


def plot_burn_up(register: Register, cohort: str, as_of: dt.date) -> Figure:
    """Each student's theory hours and practice weeks over time, and the forecast: a burn-up chart.

    Solid lines are the records, week by week from the cohort's start to
    ``as_of``; dashed lines the forecast from ``as_of`` to the end of the plan
    (everything planned attended, docs/rules.md, Forecast); the dotted black
    line is the requirement. A student whose dashed line stays under it cannot
    complete on plan.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if there is no such cohort.
        MissingExtraError: without matplotlib.
    """
    v.check_date(as_of, "as_of")
    rules = register.cohort(cohort).rules
    forecast = forecast_cohort(register, cohort, as_of)
    ends = max((s.plan_ends for s in forecast.students), default=as_of)
    start = min(register.cohort(cohort).period.start, as_of)
    days = [*_weekly(start, as_of), *_weekly(as_of, ends)[1:]]
    points: dict[str, list[ProgressPoint]] = {}
    for point in progress_over_time(register, cohort, days, forecast_from=as_of):
        points.setdefault(point.student, []).append(point)
    fig = _figure(11, 7)
    from matplotlib import colormaps  # noqa: PLC0415 - an optional extra, there by now

    colours = colormaps["tab20"]
    hours_ax, weeks_ax = fig.subplots(2, 1, sharex=True)
    for i, (student, series) in enumerate(points.items()):
        recorded = [p for p in series if not p.planned]
        planned = [p for p in series if p.planned or p.on == as_of]
        colour = colours(i % 20)
        for ax, figure_of in ((hours_ax, _hours), (weeks_ax, _weeks)):
            ax.plot([p.on for p in recorded], [figure_of(p) for p in recorded], color=colour,
                    label=student)  # fmt: skip
            ax.plot([p.on for p in planned], [figure_of(p) for p in planned], color=colour,
                    linestyle="--")  # fmt: skip
    hours_ax.axhline(float(rules.theory_hours.value), color="black", linestyle=":")
    hours_ax.set_ylabel(f"theory hours (required {rules.theory_hours})")
    weeks_ax.axhline(float(rules.practice_weeks), color="black", linestyle=":")
    weeks_ax.set_ylabel(f"practice weeks (required {rules.practice_weeks})")
    for ax in (hours_ax, weeks_ax):
        ax.axvline(as_of, color="grey", linewidth=0.8)
    if points:
        hours_ax.legend(ncols=2, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.suptitle(
        f"{cohort}: progress to {as_of.isoformat()} and the forecast to {ends.isoformat()} "
        "(dashed: attending everything planned)"
    )
    return fig


def _hours(point: ProgressPoint) -> float:
    return float(point.theory_hours)


def _weeks(point: ProgressPoint) -> float:
    return float(point.practice_weeks)


def _weekly(first: dt.date, last: dt.date) -> list[dt.date]:
    """``first``, every seventh day after it before ``last``, and ``last``."""
    days = [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    return days if days[-1] == last else [*days, last]


def plot_placement_timeline(
    register: Register, *, cohort: str | None = None, unit: str | None = None
) -> Figure:
    """One line per placement, grouped by host unit, over time.

    Raises:
        MissingExtraError: without matplotlib.
    """
    rows = placement_table(register, cohort=cohort, unit=unit).rows
    fig = _figure(10, 0.3 * max(len(rows), 4) + 1.5)
    ax = fig.subplots()
    units = sorted({r.unit for r in rows})
    colour = {u: f"C{i % 10}" for i, u in enumerate(units)}
    for y, r in enumerate(rows):
        days = (r.end - r.start).days + 1
        ax.barh(y, days, left=r.start, color=colour[r.unit], height=0.8)  # type: ignore[arg-type]
    ax.set_yticks(range(len(rows)), [f"{r.unit} {r.student}" for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("date")
    fig.suptitle("Placements by host unit")
    return fig


def plot_outcomes_by_pathway(register: Register, as_of: dt.date) -> Figure:
    """Active employments by pathway, and role shares beside the national survey's.

    Raises:
        MissingExtraError: without matplotlib.
    """
    report = outcomes_report(register, as_of)
    fig = _figure(11, 4)
    paths_ax, roles_ax = fig.subplots(1, 2)
    paths = report.pathways.rows
    paths_ax.bar([p.pathway.value for p in paths], [p.employments for p in paths])
    paths_ax.set_ylabel("active employments")
    paths_ax.tick_params(axis="x", labelrotation=20)
    roles = report.roles.rows
    xs = range(len(roles))
    roles_ax.bar(
        [x - 0.2 for x in xs], [float(r.share or 0) * 100 for r in roles], 0.4, label="ours"
    )
    roles_ax.bar(
        [x + 0.2 for x in xs],
        [float(r.national) * 100 for r in roles],
        0.4,
        label="national survey",
    )
    roles_ax.set_xticks(list(xs), [r.role.value for r in roles], rotation=20)
    roles_ax.set_ylabel("% of employed peer workers")
    roles_ax.legend()
    fig.suptitle(f"Outcomes as of {as_of.isoformat()}")
    return fig


def plot_pot_utilisation(
    register: Register,
    pot_id: str,
    period: DateRange,
    *,
    by: Literal["day", "month"] = "month",
) -> Figure:
    """Positions in use in a budget pot over ``period``, against its capacity.

    Raises:
        NotFoundError: if there is no such pot.
        MissingExtraError: without matplotlib.
    """
    rows = pot_table(register, pot_id, period, by=by).rows
    fig = _figure(10, 4)
    ax = fig.subplots()
    ax.step([r.start for r in rows], [r.in_use for r in rows], where="post", label="in use")  # type: ignore[arg-type]
    capacity = register.budget_pot(pot_id).capacity
    ax.axhline(capacity, color="black", linestyle="--", label=f"capacity {capacity}")
    ax.set_ylim(0, capacity + 1)
    ax.set_ylabel("positions")
    ax.legend()
    fig.suptitle(f"Budget pot {pot_id}, {period}")
    return fig
