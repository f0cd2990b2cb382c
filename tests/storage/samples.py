"""A small register with records of every kind, for the storage tests."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

from mbprogram import (
    AssessmentStage,
    BudgetPot,
    Employment,
    ExcusedAbsence,
    Funding,
    Hours,
    MakeUp,
    OutcomeKind,
    OutcomeRecord,
    Pathway,
    PlacementAssessment,
    Present,
    Register,
    Role,
    UnexcusedAbsence,
    Verdict,
)
from mbprogram.model.placements import Outlook
from mbprogram.storage.json_document import dumps
from tests.builders import (
    GRADUATION_DAY,
    STAMP,
    complete,
    enrol,
    make_register,
    placement,
    session_id,
    stamp,
    synthetic_id,
)

__all__ = ["SCHEMA_2_STORE", "V1_DOCUMENT", "copied", "document", "sample_register"]

_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: A document of the format ``mbprogram/1`` written by the release before it (tests/fixtures).
V1_DOCUMENT = _FIXTURES / "register-mbprogram-1.json"
#: An SQLite store of schema version 2 written by the same release.
SCHEMA_2_STORE = _FIXTURES / "register-schema-2.sqlite"


def copied(fixture: Path, directory: Path) -> Path:
    """A copy of ``fixture`` in ``directory``, readable by its owner only (as stores are)."""
    path = directory / fixture.name
    shutil.copyfile(fixture, path)
    path.chmod(0o600)
    return path


def sample_register(*, allow_synthetic_ids: bool = True) -> Register:
    """K1 with S-01 graduated and hired from the pot, S-02 in practice, S-03 on leave.

    With ``allow_synthetic_ids`` a fourth student, S-04, has a synthetic identity number.
    """
    register = make_register(3, allow_synthetic_ids=allow_synthetic_ids)
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=stamp(1))
    register.record_attendance("S-02", session_id(1), Present(Hours("4.5")), by=stamp(2))
    register.record_attendance("S-02", session_id(2), ExcusedAbsence("syk"), by=stamp(3))
    register.record_attendance("S-02", session_id(3), UnexcusedAbsence(), by=stamp(4))
    register.approve_makeup(
        "S-02",
        MakeUp(id="M1", hours=Hours("2.25"), on=dt.date(2026, 2, 1), approver="Lærer Lund"),
        by=stamp(5),
    )
    register.place("S-02", placement("P1", unit="U2"), by=stamp(6))
    register.record_placement_absence(
        "S-02", "P1", day=dt.date(2026, 3, 3), reason="lege", by=stamp(7)
    )
    register.assess_placement(
        "S-02",
        "P1",
        AssessmentStage.MIDWAY,
        PlacementAssessment(
            on=dt.date(2026, 4, 20), assessor="Veileder Vik", outlook=Outlook.CAUSE_FOR_CONCERN
        ),
        by=stamp(8),
    )
    register.start_assignment("S-02", topic="Brobygging", supervisor="Lærer Lund", by=stamp(9))
    register.submit_assignment("S-02", on=dt.date(2026, 5, 4), by=stamp(10))
    register.assess_assignment(
        "S-02",
        on=dt.date(2026, 5, 11),
        assessor="Lærer Lund",
        verdict=Verdict.NOT_APPROVED,
        by=stamp(11),
    )
    register.grant_leave("S-03", on=dt.date(2026, 2, 2), reason="permisjon", by=stamp(12))
    register.add_budget_pot(BudgetPot(id="POT", name="MB-potten", capacity=1), by=stamp(13))
    register.hire(
        Employment(
            id="E1",
            person="S-01",
            unit="U1",
            pathway=Pathway.BUDGET_POT,
            start=dt.date(2026, 10, 1),
            end=dt.date(2027, 9, 30),
            percent="40",
            funding=Funding.BUDGET_POT,
            pot="POT",
            roles={Role.INDIVIDUAL_USERS, Role.RELATIVES},
        ),
        by=stamp(14),
    )
    register.make_permanent("E1", on=dt.date(2027, 1, 1), by=stamp(15))
    register.record_outcome(
        OutcomeRecord(id="O1", person="S-01", kind=OutcomeKind.UNKNOWN, on=dt.date(2026, 12, 1)),
        by=stamp(16),
    )
    if allow_synthetic_ids:
        enrol(register, "S-04", national_id=synthetic_id(7), by=stamp(17))
    assert STAMP.at < register.history[-1].at
    return register


def document(register: Register | None = None) -> dict[str, Any]:
    """The JSON document of ``register`` (by default :func:`sample_register`) as a dict."""
    parsed: dict[str, Any] = json.loads(dumps(register or sample_register()))
    return parsed
