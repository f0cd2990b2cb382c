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
