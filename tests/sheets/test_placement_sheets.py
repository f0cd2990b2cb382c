"""Placements come in from a sheet: made once, ended early, never silently moved (docs/csv.md)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import ImportRowsError, RefusedChangeError, Register, Weekday
from mbprogram.storage.placement_csv import import_placements, import_placements_text
from tests.builders import make_register, placement, stamp

SHEETS = Path(__file__).resolve().parents[2] / "examples" / "sheets"
LATER = stamp(60)
SHORT = {0: "man", 1: "tir", 2: "ons", 3: "tor", 4: "fre", 5: "lør", 6: "søn"}


def test_the_sample_sheet_places_each_student_on_their_weekdays_once() -> None:
    register = make_register(2)

    first = import_placements(register, SHEETS / "placements.csv", by=LATER)
    again = import_placements(register, SHEETS / "placements.csv", by=LATER)

    (p,) = register.student("S-01").placements
    assert (2, 2) == (first.added, again.unchanged)
    assert ("U1-20260302", frozenset({Weekday(0), Weekday(2), Weekday(3)})) == (p.id, p.weekdays)
    assert "placement.made" not in [c.action for c in register.history[:-2]]


def test_an_earlier_end_ends_the_placement_early_and_a_later_one_is_refused() -> None:
    register = make_register(1)
    register.place("S-01", placement("P1"), by=LATER)
    before = register.copy()

    with pytest.raises(ImportRowsError) as caught:
        import_placements_text(register, "student;placement;end\nS-01;P1;30.06.2026\n", by=LATER)
    result = import_placements_text(
        register, "student;placement;end\nS-01;P1;29.05.2026\n", by=LATER
    )

    assert [
        (
            "row 2, column end: after placement P1's recorded end 19.06.2026; an import does not "
            "extend a placement"
        )
    ] == [str(p) for p in caught.value.problems]
    assert 1 == result.corrected
    assert dt.date(2026, 5, 29) == register.student("S-01").placements[0].period.end
    assert before != register


def test_a_placement_over_the_units_capacity_refuses_the_sheet_at_its_unit_cell() -> None:
    register = make_register(2)
    before = register.copy()
    text = (
        "deltaker;praksissted;veileder;start;slutt;ukedager\n"
        "S-01;U2;Vik;02.03.2026;19.06.2026;man\n"
        "S-02;U2;Vik;02.03.2026;19.06.2026;man\n"
    )

    with pytest.raises(ImportRowsError) as caught:
        import_placements_text(register, text, by=LATER)

    assert ["row 3, column praksissted"] == [p.path for p in caught.value.problems]
    assert before == register


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["U1", "U2"]),
            st.integers(0, 150),
            st.integers(0, 120),
            st.sets(st.integers(0, 6), min_size=1),
        ),
        max_size=3,
    ),
    st.sampled_from([";", ","]),
)
def test_placements_written_as_a_sheet_come_back_the_same_in_another_register(
    wanted: list[tuple[str, int, int, set[int]]], delimiter: str
) -> None:
    register = make_register(3)
    for i, (unit, start, days, weekdays) in enumerate(wanted):
        first = dt.date(2026, 1, 5) + dt.timedelta(days=start)
        last = min(first + dt.timedelta(days=days), dt.date(2026, 12, 18))
        p = placement(
            f"P{i}", unit=unit, start=first, end=last, weekdays=frozenset(map(Weekday, weekdays))
        )
        with contextlib.suppress(RefusedChangeError):  # a unit may be full: left out
            register.place(f"S-0{i + 1}", p, by=LATER)
    out = io.StringIO()
    rows = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    rows.writerow(["student", "placement", "unit", "supervisor", "start", "end", "weekdays"])
    for s in register.students.values():
        for p in s.placements:
            days = ",".join(SHORT[d] for d in sorted(p.weekdays))
            start, end = p.period.start.isoformat(), f"{p.period.end:%d.%m.%Y}"
            rows.writerow([s.id, p.id, p.unit, p.supervisor, start, end, days])
    copy: Register = make_register(3)

    import_placements_text(copy, out.getvalue(), by=LATER)
    again = import_placements_text(copy, out.getvalue(), by=LATER)

    assert {s.id: s.placements for s in register.students.values()} == {
        s.id: s.placements for s in copy.students.values()
    }
    assert again.rows == again.unchanged
