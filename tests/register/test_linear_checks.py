"""The capacity checks are linear: each placement and employment is read a bounded number of times.

Counted, not timed: every read of a placement's ``unit`` and of an
employment's ``pot`` is counted while a register is loaded (every rule over
every record) and while one change is committed. A load reads each a
bounded number of times, however many there are; a change to one student's
placements, or to one employment, reads those of its unit or pot, never all
of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mbprogram import BudgetPot, Employment, HostUnit, Placement, Register
from mbprogram.rules.invariants import register_problems
from tests.builders import STAMP, make_register, placement
from tests.hiring.scenario import employment


class Counted:
    """A class attribute that counts its reads (a stand-in for an attrs slot)."""

    def __init__(self, slot: Any) -> None:
        self.slot, self.reads = slot, 0

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        self.reads += 1
        return self.slot.__get__(obj, owner)

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counted]:
    counters = {
        "unit": Counted(Placement.__dict__["unit"]),
        "pot": Counted(Employment.__dict__["pot"]),
    }
    monkeypatch.setattr(Placement, "unit", counters["unit"])
    monkeypatch.setattr(Employment, "pot", counters["pot"])
    return counters


def placed_register(n: int) -> Register:
    """``n`` students, each with two placements at a unit of their own."""
    register = make_register(n)
    for i, sid in enumerate(register.students):
        for k, (start, end) in enumerate(
            (
                (dt.date(2026, 3, 2), dt.date(2026, 4, 24)),
                (dt.date(2026, 5, 4), dt.date(2026, 6, 19)),
            )
        ):
            unit = f"UNIT-{i}-{k}"
            register.add_host_unit(HostUnit(id=unit, name=unit, capacity=1), by=STAMP)
            register.place(sid, placement(f"P{k}", unit=unit, start=start, end=end), by=STAMP)
    return register


def employments(n: int) -> dict[str, Employment]:
    """``n`` employments, half paid from one of ten pots."""
    made = [
        employment(f"E{i}", f"S-{i:02d}", pot=f"POT{i % 10}" if i % 2 else None)
        for i in range(1, n + 1)
    ]
    return {e.id: e for e in made}


def load_reads(n: int, reads: dict[str, Counted]) -> tuple[int, int]:
    register = placed_register(n)
    state = register.state
    jobs = employments(n)
    pots = {f"POT{k}": BudgetPot(id=f"POT{k}", name=f"Pott {k}", capacity=n) for k in range(10)}
    reads["unit"].reads = reads["pot"].reads = 0
    register_problems(
        cohorts=state.cohorts,
        students=state.students,
        host_units=state.host_units,
        budget_pots=pots,
        employments=jobs,
        outcomes={},
        allow_synthetic_ids=False,
    )
    return reads["unit"].reads, reads["pot"].reads


def test_a_load_reads_each_placement_and_employment_a_bounded_number_of_times(reads):
    small_units, small_pots = load_reads(10, reads)
    big_units, big_pots = load_reads(60, reads)
    # per record, the same at six times the size: linear
    assert big_units / (60 * 2) == small_units / (10 * 2) <= 6
    assert big_pots / 60 == small_pots / 10 <= 6


def change_reads(n: int, reads: dict[str, Counted]) -> int:
    register = placed_register(n)
    sid = next(iter(register.students))
    register.place(
        sid, placement("P9", unit="UNIT-0-0", start=dt.date(2026, 8, 3), end=dt.date(2026, 8, 28)),
        by=STAMP,
    )  # fmt: skip
    reads["unit"].reads = 0
    register.place(
        sid, placement("P10", unit="UNIT-0-1", start=dt.date(2026, 9, 7), end=dt.date(2026, 9, 25)),
        by=STAMP,
    )  # fmt: skip
    return reads["unit"].reads


def test_a_placement_reads_the_placements_of_its_unit_not_every_placement(reads):
    # The student's four placements are each read a few times (its own rules, the
    # units it takes more of, the index of who is where, the unit's occupancy);
    # the other students' placements not at all.
    assert change_reads(10, reads) == change_reads(60, reads) <= 8 * 4
