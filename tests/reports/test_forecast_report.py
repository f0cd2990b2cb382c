"""The forecast in the progress report: the outlook column, only those who need help, the JSON."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram import ForecastOutlook, Hours, forecast_cohort
from mbprogram.catalogue import Lang
from mbprogram.demo import build_demo_register
from mbprogram.register.aggregate import Register
from mbprogram.reports.progress import (
    forecast_document,
    progress_document,
    progress_report,
    progress_table,
)
from tests.register_strategies import registers

REGISTER = build_demo_register()
#: Midsummer of the second cohort's year: the first placements are done, theory goes on.
MIDSUMMER = dt.date(2025, 6, 30)


def test_every_row_of_the_progress_table_holds_the_forecasts_outlook() -> None:
    table = progress_table(REGISTER, MIDSUMMER, cohort="MB-2025", lang="en")
    forecast = forecast_cohort(REGISTER, "MB-2025", MIDSUMMER)

    assert [s.outlook for s in forecast.students] == [r.outlook for r in table.rows]
    assert "outlook" in table.to_text().splitlines()[1]


def test_the_table_of_those_who_need_help_lists_only_students_at_risk_or_unreachable() -> None:
    table = progress_table(REGISTER, MIDSUMMER, cohort="MB-2025", needs_help=True, lang="en")

    assert {ForecastOutlook.AT_RISK, ForecastOutlook.UNREACHABLE} == {r.outlook for r in table}
    assert [s.student for s in forecast_cohort(REGISTER, "MB-2025", MIDSUMMER).needs_help] == [
        r.student for r in table
    ]
    assert table.title.startswith("Students who need help in cohort MB-2025")


def test_the_document_holds_a_forecast_for_each_student_in_plain_json() -> None:
    document = progress_document(REGISTER, MIDSUMMER, cohort="MB-2025", lang="en")
    students = document["students"]
    assert isinstance(students, list)
    b02 = next(s for s in students if s["student"] == "B02")

    assert {
        "outlook": "at-risk",
        "theory_hours_possible": 181.5,
        "practice_weeks_possible": 22,
        "theory_share_possible": None,
        "practice_share_possible": None,
        "earliest_completion": "2025-10-16",
        "plan_ends": "2025-10-30",
        "open": ["LITERATURE_NOT_SIGNED_OFF", "ASSIGNMENT_NOT_APPROVED"],
        "requirements": [
            {"code": "THEORY_HOURS_SHORT", "outlook": "at-risk", "met_on": "2025-07-31"},
            {"code": "PRACTICE_WEEKS_SHORT", "outlook": "on-track", "met_on": "2025-10-16"},
            {"code": "LITERATURE_NOT_SIGNED_OFF", "outlook": "open", "met_on": None},
            {"code": "ASSIGNMENT_NOT_APPROVED", "outlook": "open", "met_on": None},
        ],
        "findings": [
            {
                "code": "THEORY_AT_RISK",
                "severity": "warning",
                "path": "cohorts[MB-2025].students[B02].attendance",
                "message": "To meet the theory requirement on plan the student must attend "
                "31 of the remaining 32.5 hours.",
            }
        ],
    } == b02["forecast"]
    assert json.loads(json.dumps(document)) == document


def test_a_requirement_not_yet_met_but_on_track_stays_in_the_document_marked_so() -> None:
    document = progress_document(REGISTER, MIDSUMMER, cohort="MB-2025")
    outlooks = set()
    for student in document["students"]:  # type: ignore[attr-defined]
        errors = [f["code"] for f in student["findings"] if f["severity"] == "error"]
        requirements = student["forecast"]["requirements"]
        assert errors == [r["code"] for r in requirements]
        outlooks |= {(r["code"], r["outlook"]) for r in requirements}
    assert ("THEORY_HOURS_SHORT", "on-track") in outlooks
    assert ("THEORY_HOURS_SHORT", "at-risk") in outlooks
    assert ("THEORY_HOURS_SHORT", "unreachable") in outlooks


def test_the_document_of_those_who_need_help_keeps_the_cohort_wide_findings() -> None:
    everyone = progress_document(REGISTER, MIDSUMMER)
    some = progress_document(REGISTER, MIDSUMMER, needs_help=True)

    assert everyone["findings"] == some["findings"]
    assert {"at-risk", "unreachable"} == {
        s["forecast"]["outlook"]
        for s in some["students"]  # type: ignore[attr-defined]
    }


def test_possible_figures_and_shares_are_rounded_down_in_the_document() -> None:
    forecast = attrs.evolve(
        forecast_cohort(REGISTER, "MB-2025", MIDSUMMER).students[1],
        theory_hours_possible=Hours("181.499"),
        practice_weeks_possible=Fraction(65, 3),
        theory_share_possible=Fraction(2, 3),
        practice_share_possible=Fraction(1),
    )
    document = forecast_document(forecast)

    assert 181.49 == document["theory_hours_possible"]
    assert 21.66 == document["practice_weeks_possible"]
    assert 0.6666 == document["theory_share_possible"]
    assert 1 == document["practice_share_possible"]


@settings(max_examples=30, deadline=None)
@given(
    registers(max_steps=15),
    st.dates(min_value=dt.date(2024, 6, 1), max_value=dt.date(2027, 6, 30)),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["nb", "en"]),
)
def test_the_report_of_one_evaluation_is_the_document_and_the_tables_made_apart(
    register: Register, as_of: dt.date, needs_help: bool, one_cohort: bool, lang: Lang
) -> None:
    cohort = next(iter(register.cohorts)) if one_cohort else None
    shown = [cohort] if cohort else list(register.cohorts)

    whole, (table,) = progress_report(
        register, as_of, cohort=cohort, lang=lang, needs_help=needs_help
    )
    document, tables = progress_report(
        register, as_of, cohort=cohort, lang=lang, needs_help=needs_help, by_cohort=True
    )

    apart = progress_document(register, as_of, cohort=cohort, lang=lang, needs_help=needs_help)
    assert apart == whole == document
    assert progress_table(register, as_of, cohort=cohort, needs_help=needs_help, lang=lang) == table
    assert [
        progress_table(register, as_of, cohort=c, needs_help=needs_help, lang=lang) for c in shown
    ] == tables


def test_the_report_of_the_demo_register_has_a_table_for_each_cohort_in_turn() -> None:
    document, tables = progress_report(REGISTER, MIDSUMMER, lang="en", by_cohort=True)

    assert [f"Progress of cohort {c}" for c in REGISTER.cohorts] == [
        t.title.split(" as of ")[0] for t in tables
    ]
    assert sum(len(t) for t in tables) == len(document["students"])  # type: ignore[arg-type]
