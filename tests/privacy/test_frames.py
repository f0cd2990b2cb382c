"""The monthly dataset as DataFrames: one frame per kind of row, one column per field."""

from __future__ import annotations

import sys

import attrs
import pandas as pd
import pytest

from mbprogram import MissingExtraError
from mbprogram.demo import build_demo_register
from mbprogram.privacy import AnalysisDataset, pseudonymise

KEY = b"a key of thirty-two bytes or more!!"
DATASET = pseudonymise(build_demo_register(), KEY, coarsen_dates=True, keep_background=True)


def test_there_is_one_frame_per_kind_of_row_with_one_row_per_row() -> None:
    assert isinstance(DATASET, AnalysisDataset)
    frames = DATASET.to_dataframes()

    assert ["cohorts", "students", "employments", "outcomes", "host_units", "budget_pots"] == list(
        frames
    )
    for name, frame in frames.items():
        assert len(getattr(DATASET, name)) == len(frame)


def test_every_field_is_a_column_and_a_nested_record_one_column_per_field() -> None:
    frames = DATASET.to_dataframes()

    employment = type(DATASET.employments[0])
    assert [f.name for f in attrs.fields(employment)] == list(frames["employments"].columns)
    assert [
        "person", "cohort", "status", "enrolled", "graduated", "withdrawn",
        "background_own", "background_relative", "background_mental_health",
        "background_substance_use",
    ] == list(frames["students"].columns)  # fmt: skip


def test_months_are_periods_and_values_are_plain() -> None:
    frames = DATASET.to_dataframes()
    employments = frames["employments"]

    assert isinstance(employments["start"].dtype, pd.PeriodDtype)
    assert [str(e.start) for e in DATASET.employments] == [str(p) for p in employments["start"]]
    assert [float(e.percent.value) for e in DATASET.employments] == list(employments["percent"])
    assert [sorted(r.value for r in e.roles) for e in DATASET.employments] == list(
        employments["roles"]
    )
    assert [e.pathway.value for e in DATASET.employments] == list(employments["pathway"])


def test_the_frames_without_pandas_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(MissingExtraError, match=r"pip install 'mbprogram\[pandas\]'"):
        DATASET.to_dataframes()
