"""The example scripts run from start to end and say what they did."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_cohort_year_example_graduates_most_of_its_cohort() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(EXAMPLES / "cohort_year.py"), run_name="__main__")
    text = out.getvalue()
    assert "11 of 15 students graduated on 2026-12-14." in text
    assert "S15" in text
    assert "STUDENT_WITHDRAWN" in text
    assert "PLACEMENT_CAUSE_FOR_CONCERN" in text


def test_the_analysis_notebook_runs_on_the_demo_store_and_draws_every_plot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "demo.sqlite"
    monkeypatch.setenv("MBPROGRAM_STORE", str(store))
    monkeypatch.setenv("MBPROGRAM_PLOTS", str(tmp_path / "plots"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(EXAMPLES / "analysis.py"), run_name="__main__")
    text = out.getvalue()
    assert "students have unmet requirements" in text
    assert "Roles held as of 2026-11-23" in text
    assert "AAP_POSITION_ABOVE_LIMIT" in text
    assert "must attend 31 of the remaining 32.5 hours." in text
    for name in ("cohort-progress", "burn-up", "placements", "outcomes", "budget-pot"):
        png = (tmp_path / "plots" / f"{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG")
        assert len(png) > 10_000


def test_the_analysis_notebooks_plots_go_to_a_folder_that_git_ignores() -> None:
    script = (EXAMPLES / "analysis.py").read_text(encoding="utf-8")
    ignored = (EXAMPLES.parent / ".gitignore").read_text(encoding="utf-8").splitlines()

    assert 'Path(os.environ.get("MBPROGRAM_PLOTS", "mbprogram-plots"))' in script
    assert ".savefig(PLOTS / " in script
    assert ".with_name(" not in script
    assert "/mbprogram-plots/" in ignored
