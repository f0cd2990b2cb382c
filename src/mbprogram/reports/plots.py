"""Plots of the reports (needs the ``plot`` extra: matplotlib).

Each function returns a :class:`matplotlib.figure.Figure` made without pyplot's
global state, so it works in scripts, servers and notebooks alike: show it in
Jupyter by leaving it as a cell's value, or save it with
``figure.savefig("progress.png")``. Labels carry ids, never names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from mbprogram.catalogue import Lang, text
from mbprogram.exceptions import MissingExtraError
from mbprogram.model import validators as v
from mbprogram.model.values import DateRange
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.over_time import ProgressPoint, progress_over_time
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import progress_of
from mbprogram.reports.table import cell_text
from mbprogram.rules.forecast import forecast_cohort

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

    from mbprogram.model.programme import ProgrammeRules
    from mbprogram.register.aggregate import Register
    from mbprogram.rules.student import StudentProgress

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


def _whole_ticks(axis: Axis) -> None:
    """Ticks only at whole numbers: counts, hours and weeks are never read at 2.5."""
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - there once a figure is

    axis.set_major_locator(MaxNLocator(integer=True))


def _no_data(ax: Axes, lang: Lang) -> None:
    """An empty panel that says so, instead of axes that suggest a scale."""
    ax.text(0.5, 0.5, text("plots.no_data", lang), ha="center", va="center",
            transform=ax.transAxes)  # fmt: skip
    ax.set_xticks([])
    ax.set_yticks([])


def plot_cohort_progress(
    register: Register, cohort: str, as_of: dt.date, *, lang: Lang = "nb"
) -> Figure:
    """Theory hours and practice weeks per student against the requirement, and the shares.

    One panel per requirement: theory hours and practice weeks, and the
    attended shares of theory and of practice whenever the rules set a
    minimum (the counts are left out for a programme that asks for a share
    only). Green bars are students who are complete, orange those who are not
    (the legend says so); the dashed line is the requirement.

    Raises:
        NotFoundError: if there is no such cohort.
        MissingExtraError: without matplotlib.
    """
    progress = progress_of(register, as_of, cohort=cohort)
    panels = _progress_panels(progress, register.cohort(cohort).rules, lang)
    fig = _figure(5 * len(panels), 0.35 * max(len(progress), 4) + 2)
    axes = fig.subplots(1, len(panels), sharey=True, squeeze=False)[0]
    names = [p.student for p in progress]
    colours = [_COMPLETE if p.complete else _NOT_COMPLETE for p in progress]
    for ax, (figures, required, label) in zip(axes, panels, strict=True):
        ax.barh(names, figures, color=colours)
        ax.axvline(float(required), color="black", linestyle="--")
        ax.set_xlabel(label)
        _whole_ticks(ax.xaxis)
    axes[0].invert_yaxis()
    _progress_legend(fig, lang)
    fig.suptitle(text("plots.progress.title", lang, cohort=cohort, as_of=as_of))
    return fig


def _progress_panels(
    progress: Sequence[StudentProgress], rules: ProgrammeRules, lang: Lang
) -> list[tuple[list[float], Decimal, str]]:
    """Each panel's figures per student, requirement and label: counts, then shares."""
    theory, practice = rules.min_theory_share, rules.min_practice_share
    no_share = Decimal(0)
    wanted = (
        (theory is None or rules.theory_hours.value > 0, "plots.theory_hours",
         rules.theory_hours.value, [float(p.theory_hours.value) for p in progress]),
        (practice is None or rules.practice_weeks > 0, "plots.practice_weeks",
         rules.practice_weeks, [float(p.practice_weeks) for p in progress]),
        (theory is not None, "plots.theory_share",
         theory.value if theory else no_share, [_percent(p.theory_share) for p in progress]),
        (practice is not None, "plots.practice_share",
         practice.value if practice else no_share, [_percent(p.practice_share) for p in progress]),
    )  # fmt: skip
    return [
        (figures, required, text(key, lang, required=required))
        for shown, key, required, figures in wanted
        if shown
    ]


def _percent(share: Fraction | None) -> float:
    """A share as a percentage to draw; nothing held or expected yet draws no bar."""
    return 0.0 if share is None else float(share * 100)


_COMPLETE = "tab:green"
_NOT_COMPLETE = "tab:orange"


def _progress_legend(fig: Figure, lang: Lang) -> None:
    from matplotlib.lines import Line2D  # noqa: PLC0415 - there once a figure is
    from matplotlib.patches import Patch  # noqa: PLC0415

    fig.legend(
        handles=[
            Patch(color=_COMPLETE, label=text("plots.complete", lang)),
            Patch(color=_NOT_COMPLETE, label=text("plots.not_complete", lang)),
            Line2D([], [], color="black", linestyle="--", label=text("plots.requirement", lang)),
        ],
        loc="outside lower center",
        ncols=3,
    )


def plot_burn_up(register: Register, cohort: str, as_of: dt.date, *, lang: Lang = "nb") -> Figure:
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
    hours_ax.set_ylabel(text("plots.theory_hours", lang, required=rules.theory_hours.value))
    weeks_ax.axhline(float(rules.practice_weeks), color="black", linestyle=":")
    weeks_ax.set_ylabel(text("plots.practice_weeks", lang, required=rules.practice_weeks))
    for ax in (hours_ax, weeks_ax):
        ax.axvline(as_of, color="grey", linewidth=0.8)
        _whole_ticks(ax.yaxis)
    if points:
        hours_ax.legend(ncols=2, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.suptitle(text("plots.burn_up.title", lang, cohort=cohort, as_of=as_of, ends=ends))
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
    register: Register, *, cohort: str | None = None, unit: str | None = None, lang: Lang = "nb"
) -> Figure:
    """One bar per placement, coloured by host unit (the legend names them), over time.

    Each day the student was away from a placement is a black mark on its bar.

    Raises:
        MissingExtraError: without matplotlib.
    """
    rows = placement_table(register, cohort=cohort, unit=unit, lang=lang).rows
    fig = _figure(10, 0.3 * max(len(rows), 4) + 2)
    ax = fig.subplots()
    if not rows:
        _no_data(ax, lang)
        fig.suptitle(text("plots.timeline.title", lang))
        return fig
    units = sorted({r.unit for r in rows})
    colour = {u: f"C{i % 10}" for i, u in enumerate(units)}
    absences = _absence_days(register)
    for y, r in enumerate(rows):
        days = (r.end - r.start).days + 1
        ax.barh(y, days, left=r.start, color=colour[r.unit], height=0.8)  # type: ignore[arg-type]
        away = absences.get((r.student, r.placement), ())
        if away:
            ax.plot(away, [y] * len(away), linestyle="none", marker="|", markersize=9,  # type: ignore[arg-type]
                    color="black")  # fmt: skip
    ax.set_yticks(range(len(rows)), [f"{r.unit} {r.student}" for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(text("plots.timeline.date", lang))
    _timeline_legend(
        ax, units, colour, lang, any(absences.get((r.student, r.placement)) for r in rows)
    )
    fig.suptitle(text("plots.timeline.title", lang))
    return fig


def _absence_days(register: Register) -> dict[tuple[str, str], list[dt.date]]:
    """Each placement's days away, by student and placement id."""
    return {
        (s.id, p.id): sorted(a.day for a in p.absences)
        for s in register.students.values()
        for p in s.placements
    }


def _timeline_legend(
    ax: Axes, units: list[str], colour: dict[str, str], lang: Lang, absences: bool
) -> None:
    from matplotlib.lines import Line2D  # noqa: PLC0415 - there once a figure is
    from matplotlib.patches import Patch  # noqa: PLC0415

    handles: list[Artist] = [Patch(color=colour[u], label=u) for u in units]
    if absences:
        handles.append(Line2D([], [], linestyle="none", marker="|", markersize=9, color="black",
                              label=text("plots.timeline.absence", lang)))  # fmt: skip
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")


def plot_outcomes_by_pathway(register: Register, as_of: dt.date, *, lang: Lang = "nb") -> Figure:
    """Active employments by pathway, and role shares beside the national survey's.

    With no active employments the pathway panel says "no data" and the role
    panel shows the national survey's shares only.

    Raises:
        MissingExtraError: without matplotlib.
    """
    report = outcomes_report(register, as_of, lang=lang)
    fig = _figure(11, 4)
    paths_ax, roles_ax = fig.subplots(1, 2)
    paths = [p for p in report.pathways.rows if p.employments]
    if paths:
        paths_ax.bar([cell_text(p.pathway, lang) for p in paths], [p.employments for p in paths])
        paths_ax.set_ylabel(text("plots.outcomes.employments", lang))
        paths_ax.tick_params(axis="x", labelrotation=20)
        _whole_ticks(paths_ax.yaxis)
    else:
        _no_data(paths_ax, lang)
    roles = report.roles.rows
    xs = range(len(roles))
    if report.people:
        roles_ax.bar([x - 0.2 for x in xs], [float(r.share or 0) * 100 for r in roles], 0.4,
                     label=text("plots.outcomes.ours", lang))  # fmt: skip
    roles_ax.bar(
        [x + 0.2 for x in xs],
        [float(r.national) * 100 for r in roles],
        0.4,
        label=text("plots.outcomes.national", lang),
    )
    roles_ax.set_xticks(list(xs), [cell_text(r.role, lang) for r in roles], rotation=20)
    roles_ax.set_ylim(0, 100)
    roles_ax.set_ylabel(text("plots.outcomes.role_share", lang))
    _whole_ticks(roles_ax.yaxis)
    roles_ax.legend()
    fig.suptitle(text("plots.outcomes.title", lang, as_of=as_of))
    return fig


def plot_pot_utilisation(
    register: Register,
    pot_id: str,
    period: DateRange,
    *,
    by: Literal["day", "month"] = "month",
    lang: Lang = "nb",
) -> Figure:
    """Positions in use in a budget pot over ``period``, against its capacity.

    Raises:
        NotFoundError: if there is no such pot.
        MissingExtraError: without matplotlib.
    """
    rows = pot_table(register, pot_id, period, by=by, lang=lang).rows
    fig = _figure(10, 4)
    ax = fig.subplots()
    ax.step([r.start for r in rows], [r.in_use for r in rows], where="post",  # type: ignore[arg-type]
            label=text("plots.pot.in_use", lang))  # fmt: skip
    capacity = register.budget_pot(pot_id).capacity
    ax.axhline(capacity, color="black", linestyle="--",
               label=text("plots.pot.capacity", lang, capacity=capacity))  # fmt: skip
    ax.set_ylim(0, capacity + 1)
    ax.set_ylabel(text("plots.pot.positions", lang))
    _whole_ticks(ax.yaxis)
    ax.legend()
    fig.suptitle(text("plots.pot.title", lang, pot=pot_id, start=period.start, end=period.end))
    return fig
