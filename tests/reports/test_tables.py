"""Report tables: rows for scripts, text for terminals, HTML for Jupyter, DataFrames."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    Hours,
    MissingExtraError,
    NotFoundError,
    Pathway,
    Present,
    Register,
    Session,
    Student,
)
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.model.values import DateRange
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import ProgressRow, progress_document, progress_table
from mbprogram.reports.table import Table, cell_text
from mbprogram.storage.json_document import dumps, loads
from tests.builders import COHORT, COHORT_ID, ENROLMENT_DAY, STAMP, session_day

REGISTER = build_demo_register()
AS_OF = dt.date(2026, 11, 23)


@attrs.frozen
class Row:
    name: str
    hours: Decimal
    share: Fraction | None


def test_a_table_shows_its_rows_as_aligned_text_with_a_title() -> None:
    table = Table.of("Hours", Row, [Row("S-01", Decimal("139.5"), Fraction(1, 2))], lang="en")
    assert (
        "Hours\nname  hours  share\n----  -----  ------\nS-01  139.5  50.0 %"
    ) == table.to_text()


def test_in_bokmal_a_table_has_decimal_commas_and_the_catalogues_headers() -> None:
    table = Table.of("Timer", Row, [Row("S-01", Decimal("139.5"), Fraction(1, 2))])
    assert (
        "Timer\nnavn  timer  andel\n----  -----  ------\nS-01  139,5  50,0 %"
    ) == table.to_text()


def test_an_empty_table_keeps_its_columns_and_says_none() -> None:
    table = Table.of("Nothing yet", Row, [], lang="en")
    assert ("name", "hours", "share") == table.columns
    assert "Nothing yet\n(none)" == table.to_text()
    assert "Ingenting ennå\n(ingen)" == Table.of("Ingenting ennå", Row, []).to_text()


def test_html_escapes_every_cell_and_the_title() -> None:
    table = Table.of("<b>", Row, [Row("<script>", Decimal(1), None)])
    html = table._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<caption>&lt;b&gt;</caption>" in html


def test_a_dataframe_has_one_row_per_record_and_plain_values() -> None:
    frame = progress_table(REGISTER, AS_OF, cohort="MB-2025").to_dataframe()
    assert 15 == len(frame)
    shares = {"theory_share", "theory_share_required", "practice_share", "practice_share_required"}
    assert list(frame.columns) == [
        f.name for f in attrs.fields(ProgressRow) if f.name not in shares
    ]
    assert {"graduated", "active"} == set(frame["status"])


def test_asking_for_a_dataframe_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'mbprogram\[pandas\]'"):
        progress_table(REGISTER, AS_OF).to_dataframe()


def test_progress_rows_hold_ids_and_figures_and_never_names() -> None:
    text = progress_table(REGISTER, AS_OF).to_text()
    for student in REGISTER.students.values():
        assert student.name not in text
        assert student.id in text


def test_the_progress_document_has_exactly_the_contracted_shape() -> None:
    document = progress_document(REGISTER, dt.date(2025, 12, 31), cohort="MB-2025", lang="en")
    assert {"as_of", "students", "findings"} == set(document)
    assert "2025-12-31" == document["as_of"]
    students = document["students"]
    assert isinstance(students, list)
    first = students[0]
    assert {
        "cohort",
        "student",
        "status",
        "theory_hours",
        "theory_hours_required",
        "theory_share",
        "theory_share_required",
        "practice_share",
        "practice_share_required",
        "practice_weeks",
        "practice_weeks_required",
        "literature_signed_off",
        "assignment",
        "complete",
        "findings",
        "forecast",
    } == set(first)
    json.dumps(document)  # plain JSON, nothing exotic
    short = next(s for s in students if s["findings"])
    assert {"code", "severity", "path", "message"} == set(short["findings"][0])
    assert {
        "outlook",
        "theory_hours_possible",
        "practice_weeks_possible",
        "theory_share_possible",
        "practice_share_possible",
        "earliest_completion",
        "plan_ends",
        "open",
        "requirements",
        "findings",
    } == set(first["forecast"])


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_practice_weeks_in_the_document_never_overstate_progress(as_of: dt.date) -> None:
    document = progress_document(REGISTER, as_of, cohort="MB-2024")
    for entry in document["students"]:  # type: ignore[attr-defined]
        exact = REGISTER.progress(entry["student"], as_of).practice_weeks
        assert Fraction(str(entry["practice_weeks"])) <= exact
        assert exact - Fraction(str(entry["practice_weeks"])) < Fraction(1, 100)


def test_the_outcomes_report_covers_every_pathway_and_the_survey_roles() -> None:
    report = outcomes_report(REGISTER, AS_OF)
    assert set(Pathway) == {r.pathway for r in report.pathways.rows}
    assert all(r.employments > 0 for r in report.pathways.rows)
    assert 5 == len(report.roles.rows)
    assert sum(r.people for r in report.bands.rows) == report.people
    assert "Roles held as of 2026-11-23" in outcomes_report(REGISTER, AS_OF, lang="en").to_text()
    assert "Roller per 23.11.2026" in report.to_text()


def test_the_outcomes_report_may_be_limited_to_some_cohorts() -> None:
    report = outcomes_report(REGISTER, AS_OF, cohorts=["MB-2024"])
    one_id = outcomes_report(REGISTER, AS_OF, cohorts="MB-2024")

    assert ["MB-2024"] == [r.cohort for r in report.cohorts.rows]
    assert 0 < report.people < outcomes_report(REGISTER, AS_OF).people
    assert report.to_text() == one_id.to_text()


@pytest.mark.parametrize("cohorts", [["NOPE"], ["MB-2024", "NOPE"], "NOPE"])
def test_the_outcomes_report_of_a_cohort_that_does_not_exist_is_refused(
    cohorts: list[str] | str,
) -> None:
    with pytest.raises(NotFoundError, match="NOPE"):
        outcomes_report(REGISTER, AS_OF, cohorts=cohorts)


def test_the_outcomes_report_may_be_asked_for_on_the_first_day_there_is() -> None:
    text = outcomes_report(REGISTER, dt.date.min, lang="en").to_text()

    assert "one year after graduation (nobody can have graduated a year before)" in text
    assert "Roles held as of 0001-01-01" in text


def test_the_outcomes_report_may_be_asked_for_on_the_last_day_there_is() -> None:
    text = outcomes_report(REGISTER, dt.date.max, lang="en").to_text()

    assert "one year after graduation (graduated by 9998-12-31)" in text


def test_a_document_with_the_longest_sessions_attended_in_full_is_evaluated() -> None:
    most = Hours(999_999_999_999_999)
    cohort = attrs.evolve(
        COHORT,
        sessions=tuple(Session(id=f"SES-{i}", day=session_day(i), hours=most) for i in (1, 2)),
    )
    register = Register()
    register.open_cohort(cohort, by=STAMP)
    register.enrol(
        Student(id="S-01", cohort=COHORT_ID, name="Ola Testesen"), on=ENROLMENT_DAY, by=STAMP
    )
    for i in (1, 2):
        register.record_attendance("S-01", f"SES-{i}", Present(most), by=STAMP)

    document = progress_document(loads(dumps(register)), AS_OF)

    assert 2 * 999_999_999_999_999 == document["students"][0]["theory_hours"]  # type: ignore[index]


def test_the_pot_table_shows_free_places_that_add_up_to_the_capacity() -> None:
    table = pot_table(REGISTER, DEMO_POT, DateRange(dt.date(2025, 1, 1), dt.date(2026, 12, 31)))
    assert 24 == len(table)
    assert all(r.in_use + r.free == r.capacity for r in table)


def test_placements_are_listed_by_unit_then_start() -> None:
    rows = placement_table(REGISTER, cohort="MB-2025").rows
    assert 30 == len(rows)  # fifteen students in two periods each
    keys = [(r.unit, r.start, r.student) for r in rows]
    assert sorted(keys) == keys


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "-"),
        (True, "yes"),
        (Decimal("3.50"), "3.5"),
        (Fraction(2, 3), "66.7 %"),
        (dt.date(2026, 1, 2), "2026-01-02"),
        ((), "-"),
        (("A", "B"), "A, B"),
    ],
)
def test_cells_are_shown_as_people_read_them(value: object, text: str) -> None:
    assert text == cell_text(value)
