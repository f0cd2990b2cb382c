"""Every table in bokmål and English: titles, headers and cells from the one catalogue."""

from __future__ import annotations

import datetime as dt
import enum
import html
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.catalogue import CATALOGUE
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.model.values import DateRange
from mbprogram.reports import (
    BandRow,
    CohortRow,
    PathwayRow,
    PlacementRow,
    PotRow,
    ProgressPoint,
    ProgressRow,
    RoleRow,
    StateRow,
)
from mbprogram.reports.outcomes import PercentBand, outcomes_report, pot_table
from mbprogram.reports.over_time import progress_over_time
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import progress_table
from mbprogram.reports.table import cell_text
from mbprogram.rules.outcomes import PERCENT_BANDS

REGISTER = build_demo_register()
AS_OF = dt.date(2026, 11, 23)
ROWS = [BandRow, CohortRow, PathwayRow, PlacementRow, PotRow, ProgressPoint, ProgressRow,
        RoleRow, StateRow]  # fmt: skip


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.__name__)
def test_every_column_of_every_report_has_a_header_in_the_catalogue(row: type) -> None:
    missing = {f.name for f in attrs.fields(row)} - {
        k.removeprefix("reports.column.") for k in CATALOGUE if k.startswith("reports.column.")
    }
    assert set() == missing


def test_every_value_an_enumerated_cell_can_hold_reads_in_the_catalogue() -> None:
    for row in ROWS:
        for field in attrs.fields(attrs.resolve_types(row)):
            kinds = getattr(field.type, "__args__", (field.type,))
            for kind in kinds:
                if isinstance(kind, type) and issubclass(kind, enum.Enum):
                    for member in kind:
                        assert f"reports.value.{member.value}" in CATALOGUE, member


def test_the_percent_bands_of_the_table_are_the_rules_bands() -> None:
    assert [label for label, _, _ in PERCENT_BANDS] == [b.value for b in PercentBand]


def tables(lang: str) -> list[object]:
    report = outcomes_report(REGISTER, AS_OF, lang=lang)  # type: ignore[arg-type]
    period = DateRange(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    return [
        progress_table(REGISTER, AS_OF, cohort="MB-2025", lang=lang),  # type: ignore[arg-type]
        progress_over_time(REGISTER, "MB-2025", [AS_OF], lang=lang),  # type: ignore[arg-type]
        placement_table(REGISTER, cohort="MB-2025", lang=lang),  # type: ignore[arg-type]
        pot_table(REGISTER, DEMO_POT, period, lang=lang),  # type: ignore[arg-type]
        *report.tables,
    ]


def test_in_bokmal_titles_headers_and_cells_read_as_bokmal() -> None:
    progress, over_time, placements, pot, cohorts, states, pathways, bands, roles = tables("nb")
    assert "Kull per 23.11.2026" == cohorts.title  # type: ignore[attr-defined]

    assert "Fremdrift for kull MB-2025 per 23.11.2026" == progress.title  # type: ignore[attr-defined]
    assert "Fremdrift for kull MB-2025 på 1 dato" == over_time.title  # type: ignore[attr-defined]
    assert "Praksisperioder i kull MB-2025" == placements.title  # type: ignore[attr-defined]
    assert "Budsjettpott MB-POTTEN per måned, 01.01.2025 til 31.03.2025" == pot.title  # type: ignore[attr-defined]
    shown = progress.to_text()  # type: ignore[attr-defined]
    assert "deltaker  status" in shown
    assert "uteksaminert" in shown
    assert "graduated" not in shown
    assert "godkjent" in shown
    assert " ja " in shown
    start = placements.rows[0].start  # type: ignore[attr-defined]
    assert start.strftime("%d.%m.%Y") in placements.to_text()  # type: ignore[attr-defined]
    assert start.isoformat() not in placements.to_text()  # type: ignore[attr-defined]
    assert "budsjettpotten" in pathways.to_text()  # type: ignore[attr-defined]
    assert "100 % eller mer" in bands.to_text()  # type: ignore[attr-defined]
    assert "30,0 %" in roles.to_text()  # type: ignore[attr-defined]
    assert "Uteksaminertes situasjon ett år etter eksamen" in states.title  # type: ignore[attr-defined]
    assert "<th>deltaker</th>" in progress._repr_html_()  # type: ignore[attr-defined]


def test_in_english_the_tables_read_as_they_always_have() -> None:
    progress, over_time, placements, pot, cohorts, *_ = tables("en")

    assert "Progress of cohort MB-2025 as of 2026-11-23" == progress.title  # type: ignore[attr-defined]
    assert "Progress of cohort MB-2025 on 1 date" == over_time.title  # type: ignore[attr-defined]
    assert "Placements of cohort MB-2025" == placements.title  # type: ignore[attr-defined]
    assert "Budget pot MB-POTTEN by month, 2025-01-01..2025-03-31" == pot.title  # type: ignore[attr-defined]
    assert "cohort   student  status" in progress.to_text()  # type: ignore[attr-defined]
    assert "Cohorts as of 2026-11-23" == cohorts.title  # type: ignore[attr-defined]


def test_the_dicts_and_frames_keep_codes_and_field_names_whatever_the_language() -> None:
    nb = tables("nb")
    en = tables("en")

    assert [t.as_dicts() for t in nb] == [t.as_dicts() for t in en]  # type: ignore[attr-defined]


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, max_value=10**6,
                   min_value=-10**6))  # fmt: skip
def test_a_decimal_cell_has_a_comma_in_bokmal_and_a_point_in_english(value: Decimal) -> None:
    assert "." not in cell_text(value, "nb")
    assert cell_text(value, "nb").replace(",", ".") == cell_text(value, "en")
    assert Decimal(cell_text(value, "en")) == value


@given(st.dates())
def test_a_date_cell_reads_dd_mm_yyyy_in_bokmal(value: dt.date) -> None:
    assert dt.datetime.strptime(cell_text(value, "nb"), "%d.%m.%Y").date() == value  # noqa: DTZ007
    assert value.isoformat() == cell_text(value, "en")


def test_html_of_a_bokmal_table_is_escaped_too() -> None:
    progress = tables("nb")[0]
    assert html.escape(progress.title) in progress._repr_html_()  # type: ignore[attr-defined]
