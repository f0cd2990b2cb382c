"""A withdrawn student cannot complete, but is no longer someone who needs help (docs/rules.md)."""

from __future__ import annotations

from mbprogram.reports.progress import progress_document
from mbprogram.rules.forecast import forecast_cohort
from tests.builders import COHORT_ID, STAMP, make_register, session_day


def test_a_withdrawn_student_is_not_listed_as_needing_help() -> None:
    register = make_register(2)
    register.withdraw("S-02", on=session_day(3), by=STAMP)
    as_of = session_day(25)  # neither has attended anything: theory is out of reach for both

    forecast = forecast_cohort(register.state, COHORT_ID, as_of)
    outlooks = {s.student: (s.outlook, s.needs_help) for s in forecast.students}

    assert "unreachable" == outlooks["S-02"][0]
    assert not outlooks["S-02"][1]
    assert ("unreachable", True) == outlooks["S-01"]
    document = progress_document(register, as_of, needs_help=True)
    assert ["S-01"] == [s["student"] for s in document["students"]]  # type: ignore[union-attr,index]


def test_before_the_withdrawal_the_student_still_needs_help() -> None:
    register = make_register(2)
    register.withdraw("S-02", on=session_day(26), by=STAMP)

    document = progress_document(register, session_day(25), needs_help=True)

    assert ["S-01", "S-02"] == [s["student"] for s in document["students"]]  # type: ignore[union-attr,index]
