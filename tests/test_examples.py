"""The example scripts run from start to end and say what they did."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path

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
