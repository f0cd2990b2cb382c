"""Report DataFrames: dates as datetime64, lists as list columns, the outcomes in one frame."""

from __future__ import annotations

import datetime as dt
import sys

import attrs
import pandas as pd
import pytest

from mbprogram import MissingExtraError
from mbprogram.demo import build_demo_register
from mbprogram.reports.outcomes import outcomes_report
from mbprogram.reports.placements import PlacementRow, placement_table
from mbprogram.reports.progress import progress_table

REGISTER = build_demo_register()
AS_OF = dt.date(2026, 11, 23)


def test_the_date_columns_of_a_frame_are_datetime64() -> None:
    table = placement_table(REGISTER, cohort="MB-2025")
    frame = table.to_dataframe()

    assert pd.api.types.is_datetime64_any_dtype(frame["start"])
    assert pd.api.types.is_datetime64_any_dtype(frame["end"])
    assert [pd.Timestamp(r.start) for r in table.rows] == list(frame["start"])
    assert [f.name for f in attrs.fields(PlacementRow)] == list(frame.columns)


def test_lists_of_codes_are_list_columns() -> None:
    table = progress_table(REGISTER, dt.date(2025, 12, 31), cohort="MB-2025")
    frame = table.to_dataframe()

    assert [list(r.missing) for r in table.rows] == list(frame["missing"])
    assert [list(r.weekdays) for r in placement_table(REGISTER).rows] == list(
        placement_table(REGISTER).to_dataframe()["weekdays"]
    )
    assert all(isinstance(codes, list) for codes in frame["missing"])


def test_the_outcomes_report_is_one_frame_indexed_by_table_and_row() -> None:
    report = outcomes_report(REGISTER, AS_OF)
    frame = report.to_dataframe()

    assert ["table", "row"] == list(frame.index.names)
    for name in ("cohorts", "after_one_year", "pathways", "bands", "roles"):
        table = getattr(report, name)
        part = frame.loc[name].dropna(axis="columns", how="all")
        assert len(table) == len(part)
        assert set(part.columns) <= set(table.columns)
    assert [r.cohort for r in report.cohorts.rows] == list(frame.loc["cohorts"]["cohort"])
    assert [float(r.national) for r in report.roles.rows] == list(frame.loc["roles"]["national"])


def test_the_outcomes_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    report = outcomes_report(REGISTER, AS_OF)
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(MissingExtraError, match=r"pip install 'mbprogram\[pandas\]'"):
        report.to_dataframe()
