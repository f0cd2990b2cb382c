"""Every plot renders to a real PNG image of a sensible size; without matplotlib, a clear error."""

from __future__ import annotations

import datetime as dt
import io
import struct
import sys
from collections.abc import Callable

import pytest

from mbprogram import MissingExtraError
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.model.values import DateRange
from mbprogram.reports import plots

REGISTER = build_demo_register()
AS_OF = dt.date(2026, 11, 23)
PLOTS: dict[str, Callable[[], object]] = {
    "cohort progress": lambda: plots.plot_cohort_progress(REGISTER, "MB-2025", AS_OF),
    "burn-up": lambda: plots.plot_burn_up(REGISTER, "MB-2025", dt.date(2025, 6, 30)),
    "placement timeline": lambda: plots.plot_placement_timeline(REGISTER, cohort="MB-2024"),
    "outcomes by pathway": lambda: plots.plot_outcomes_by_pathway(REGISTER, AS_OF),
    "pot utilisation": lambda: plots.plot_pot_utilisation(
        REGISTER, DEMO_POT, DateRange(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    ),
}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_each_plot_renders_to_a_png_of_sensible_size(name: str) -> None:
    figure = PLOTS[name]()
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=50)  # type: ignore[attr-defined]
    width, height = png_size(out.getvalue())
    assert 300 <= width <= 2000
    assert 150 <= height <= 2000
    assert len(out.getvalue()) > 5_000  # something was drawn


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_each_plot_without_matplotlib_names_the_extra_to_install(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'mbprogram\[plot\]'"):
        PLOTS[name]()


@pytest.mark.parametrize("as_of", [dt.date.min, dt.date.max])
def test_outcomes_may_be_plotted_as_of_the_first_and_the_last_day_there_is(as_of: dt.date) -> None:
    figure = plots.plot_outcomes_by_pathway(REGISTER, as_of)

    figure.savefig(io.BytesIO(), format="png", dpi=30)  # type: ignore[attr-defined]


def test_the_burn_up_chart_draws_each_students_records_solid_and_the_forecast_dashed() -> None:
    figure = plots.plot_burn_up(REGISTER, "MB-2025", dt.date(2025, 6, 30))
    hours, weeks = figure.axes[:2]  # type: ignore[attr-defined]
    for ax in (hours, weeks):
        styles = [line.get_linestyle() for line in ax.get_lines()]
        assert 15 + 1 == styles.count("-")  # the records, one line a student, and the day
        assert 15 == styles.count("--")  # the forecast
        assert 1 == styles.count(":")  # the requirement
    labels = [text.get_text() for text in hours.get_legend().get_texts()]
    assert [f"B{i:02d}" for i in range(1, 16)] == labels  # ids, never names


def test_a_burn_up_before_the_cohort_starts_is_all_forecast() -> None:
    figure = plots.plot_burn_up(REGISTER, "MB-2025", dt.date(2024, 12, 1))
    figure.savefig(io.BytesIO(), format="png", dpi=30)  # type: ignore[attr-defined]


def test_outcomes_with_no_employments_say_no_data_instead_of_a_negative_axis() -> None:
    figure = plots.plot_outcomes_by_pathway(REGISTER, dt.date(2020, 1, 1), lang="en")
    paths, roles = figure.axes  # type: ignore[attr-defined]

    assert "no data" in [t.get_text() for t in paths.texts]
    assert [] == list(paths.get_yticks())
    assert 0 <= roles.get_ylim()[0]


def test_with_employments_the_outcomes_plot_has_data_and_whole_number_ticks() -> None:
    figure = plots.plot_outcomes_by_pathway(REGISTER, AS_OF)
    paths = figure.axes[0]  # type: ignore[attr-defined]

    assert [] == list(paths.texts)
    assert all(float(t).is_integer() for t in paths.get_yticks())


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_every_count_axis_of_every_plot_has_whole_number_ticks(name: str) -> None:
    figure = PLOTS[name]()
    figure.canvas.draw()  # type: ignore[attr-defined]
    upright = {"outcomes by pathway", "pot utilisation", "burn-up"}
    for ax in figure.axes:  # type: ignore[attr-defined]
        axis = ax.yaxis if name in upright else ax.xaxis
        if name == "placement timeline":
            continue  # dates across, placements down
        assert all(float(t).is_integer() for t in axis.get_ticklocs()), name


def test_the_progress_plot_has_a_legend_for_its_colours_and_the_requirement() -> None:
    figure = plots.plot_cohort_progress(REGISTER, "MB-2025", AS_OF, lang="en")

    (legend,) = figure.legends  # type: ignore[attr-defined]
    assert ["complete", "not complete", "requirement"] == [t.get_text() for t in legend.get_texts()]


def test_the_placement_timeline_names_its_units_and_marks_each_absence() -> None:
    figure = plots.plot_placement_timeline(REGISTER, cohort="MB-2024", lang="en")
    (ax,) = figure.axes  # type: ignore[attr-defined]

    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    units = sorted({p.unit for s in REGISTER.students.values() if s.cohort == "MB-2024"
                    for p in s.placements})  # fmt: skip
    absences = sum(len(p.absences) for s in REGISTER.students.values() if s.cohort == "MB-2024"
                   for p in s.placements)  # fmt: skip
    assert absences > 0  # the demo has some
    assert [*units, "absence"] == labels
    marked = sum(len(line.get_xdata()) for line in ax.get_lines() if line.get_marker() == "|")
    assert absences == marked


def test_a_timeline_of_no_placements_says_no_data() -> None:
    figure = plots.plot_placement_timeline(REGISTER, unit="NOWHERE", lang="en")

    assert "no data" in [t.get_text() for t in figure.axes[0].texts]  # type: ignore[attr-defined]


def test_plots_are_labelled_in_bokmal_by_default_and_in_english_when_asked() -> None:
    nb = plots.plot_cohort_progress(REGISTER, "MB-2025", AS_OF)
    en = plots.plot_cohort_progress(REGISTER, "MB-2025", AS_OF, lang="en")

    assert "MB-2025: fremdrift per 23.11.2026" == nb._suptitle.get_text()  # type: ignore[attr-defined]
    assert "MB-2025: progress as of 2026-11-23" == en._suptitle.get_text()  # type: ignore[attr-defined]
    assert "teoritimer (krav 180 t)" == nb.axes[0].get_xlabel()  # type: ignore[attr-defined]
