"""A programme that asks for attendance shares only (the Danish course) in the reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram import HostUnit, Present, ProgrammeRules, Register, UnexcusedAbsence
from mbprogram.reports import plots
from mbprogram.reports.progress import ProgressRow, progress_document, progress_table
from tests.builders import (
    COHORT,
    SESSION_HOURS,
    STAMP,
    UNIT,
    enrol,
    make_register,
    placement,
    session_id,
)

DANISH = ProgrammeRules.from_dict(
    {"name": "Peer course, 80 %", "min_theory_share": "80 %", "min_practice_share": "80"}
)
AS_OF = dt.date(2026, 4, 30)


def danish_register(attended: int = 10) -> Register:
    """One student of the Danish course: the first ``attended`` sessions, absent from the rest.

    Sessions are held every Wednesday from 7 January: 17 by 30 April. The
    placement starts on 2 March; two days away.
    """
    register = Register()
    register.open_cohort(attrs.evolve(COHORT, rules=DANISH), by=STAMP)
    register.add_host_unit(HostUnit(id=UNIT, name="Aktivitetssenteret", capacity=2), by=STAMP)
    enrol(register, "S-01")
    for i in range(1, 18):
        mark = Present(SESSION_HOURS) if i <= attended else UnexcusedAbsence()
        register.record_attendance("S-01", session_id(i), mark, by=STAMP)
    register.place("S-01", placement(), by=STAMP)
    for day in (dt.date(2026, 3, 3), dt.date(2026, 3, 4)):
        register.record_placement_absence("S-01", "P1", day=day, by=STAMP)
    return register


def test_the_progress_table_shows_the_shares_and_leaves_out_the_counts_a_share_stands_for() -> None:
    table = progress_table(danish_register(), AS_OF, cohort=COHORT.id)

    assert {"theory_share", "theory_share_required", "practice_share"} <= set(table.columns)
    assert "theory_hours" not in table.columns
    assert "practice_weeks" not in table.columns
    (row,) = table.rows
    assert (Decimal("58.82"), Decimal(80)) == (row.theory_share, row.theory_share_required)
    assert Decimal(80) == row.practice_share_required
    assert "teori %" in table.to_text()
    assert "58,82" in table.to_text()


def test_the_progress_json_gives_the_shares_as_numbers_from_0_to_100() -> None:
    document = progress_document(danish_register(), AS_OF, cohort=COHORT.id)
    (student,) = document["students"]  # type: ignore[misc]

    assert 58.82 == student["theory_share"]  # 10 of 17 sessions, rounded down
    assert 80 == student["theory_share_required"]
    assert 80 == student["practice_share_required"]
    # 2 March to 30 April on weekdays: 44 practice days (Easter 2 to 6 April off), 2 away
    assert 0 < student["practice_share"] < 100
    assert not student["complete"]


def test_a_programme_without_a_minimum_share_shows_no_share_columns_but_the_json_has_them() -> None:
    register = make_register(1)
    table = progress_table(register, AS_OF)
    document = progress_document(register, AS_OF)
    (student,) = document["students"]  # type: ignore[misc]

    assert not {c for c in table.columns if "share" in c}
    assert None is student["theory_share_required"]
    assert None is student["practice_share"]  # no placement yet: nothing expected


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 17))
def test_the_table_and_the_json_agree_on_the_share_and_it_is_never_overstated(
    attended: int,
) -> None:
    register = danish_register(attended)
    (row,) = progress_table(register, AS_OF).rows
    (student,) = progress_document(register, AS_OF)["students"]  # type: ignore[misc]

    assert isinstance(row, ProgressRow)
    assert float(row.theory_share or 0) == student["theory_share"]
    assert Decimal(attended * 100) / 17 >= (row.theory_share or 0)
    assert Decimal(attended * 100) / 17 - row.theory_share < Decimal("0.01")  # type: ignore[operator]


def test_the_progress_plot_draws_the_shares_against_the_minimum_and_not_the_counts() -> None:
    figure = plots.plot_cohort_progress(danish_register(), COHORT.id, AS_OF, lang="en")
    labels = [ax.get_xlabel() for ax in figure.axes]  # type: ignore[attr-defined]

    assert [
        "theory attendance, % (required 80 %)",
        "practice attendance, % (required 80 %)",
    ] == labels
    theory = figure.axes[0]  # type: ignore[attr-defined]
    (bar,) = theory.patches
    assert abs(bar.get_width() - 1000 / 17) < 1e-9
    assert [80.0, 80.0] == list(theory.get_lines()[0].get_xdata())


def test_a_programme_with_counts_and_shares_plots_both() -> None:
    rules = attrs.evolve(DANISH, theory_hours=50, practice_weeks=Decimal(4))
    register = Register()
    register.open_cohort(attrs.evolve(COHORT, rules=rules), by=STAMP)
    enrol(register, "S-01")

    figure = plots.plot_cohort_progress(register, COHORT.id, AS_OF, lang="en")

    assert 4 == len(figure.axes)  # type: ignore[attr-defined]
