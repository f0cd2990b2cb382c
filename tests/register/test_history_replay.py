"""Replay: the register as known at any moment is the register after the changes made by then.

A hypothesis state machine makes accepted changes with increasing timestamps;
after each it keeps a copy of the register. Then ``as_known_at(t_k)`` must
equal the register after the k-th change, and ``as_known_at(latest)`` the
register itself, rebuilt from the history alone (docs/format.md, "History").
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mbprogram import (
    ExcusedAbsence,
    Hours,
    InvalidValueError,
    Present,
    RefusedChangeError,
    Register,
    Stamp,
)
from mbprogram.model.history import Action
from tests.builders import (
    COHORT,
    COHORT_ID,
    STAMP,
    UNIT,
    enrol,
    make_register,
    placement,
    session_id,
    stamp,
)

MARKS = st.one_of(
    st.integers(0, 5).map(lambda h: Present(Hours(h))),
    st.just(ExcusedAbsence("Lege")),
)


class ReplayMachine(RuleBasedStateMachine):
    """Accepted changes, each stamped later than the one before, and a copy after each."""

    def __init__(self) -> None:
        super().__init__()
        self.register = make_register(2)
        self.minutes = 0
        self.after: list[tuple[dt.datetime, Register]] = [(STAMP.at, self.register.copy())]
        self.students = ["S-01", "S-02"]

    def _by(self) -> Stamp:
        self.minutes += 1
        return stamp(self.minutes)

    def _kept(self) -> None:
        self.after.append((self.register.history[-1].at, self.register.copy()))

    @rule(who=st.integers(0, 9), session=st.integers(1, 30), mark=MARKS)
    def record_attendance(self, who: int, session: int, mark: object) -> None:
        sid = self.students[who % len(self.students)]
        self.register.record_attendance(sid, session_id(session), mark, by=self._by())  # type: ignore[arg-type]
        self._kept()

    @rule(places=st.integers(1, 40))
    def change_places(self, places: int) -> None:
        self.register.change_places(COHORT_ID, places, by=self._by())
        self._kept()

    @rule(capacity=st.integers(1, 5))
    def change_capacity(self, capacity: int) -> None:
        try:
            self.register.change_capacity(UNIT, capacity, by=self._by())
        except RefusedChangeError:
            return  # fewer places than students placed there: refused, nothing written
        self._kept()

    @precondition(lambda self: len(self.students) < 6)
    @rule()
    def enrol_another(self) -> None:
        sid = f"S-{len(self.students) + 1:02d}"
        enrol(self.register, sid, by=self._by())
        self.students.append(sid)
        self._kept()

    @rule(who=st.integers(0, 9))
    def place(self, who: int) -> None:
        sid = self.students[who % len(self.students)]
        if self.register.student(sid).placements:
            return
        try:
            self.register.place(sid, placement(), by=self._by())
        except RefusedChangeError:
            return  # the unit is full
        self._kept()

    @rule(topic=st.sampled_from(["Ny", "Endret"]), session=st.integers(0, 29))
    def correct_session(self, topic: str, session: int) -> None:
        corrected = attrs.evolve(COHORT.sessions[session], topic=topic)
        self.register.correct_session(COHORT_ID, corrected, by=self._by())
        self._kept()

    @invariant()
    def the_history_is_sealed_and_replays(self) -> None:
        assert [] == self.register.history_problems()

    def teardown(self) -> None:
        for at, register in self.after:
            assert register == self.register.as_known_at(at)
        assert self.register == self.register.as_known_at(self.register.history[-1].at)


TestReplay = ReplayMachine.TestCase
# A run of many steps checks the whole history after each: fewer, shorter runs than the profile's.
TestReplay.settings = settings(
    settings.default, max_examples=min(settings.default.max_examples, 25), stateful_step_count=20
)


def test_a_moment_before_the_first_change_knows_an_empty_register() -> None:
    register = make_register()

    known = register.as_known_at(STAMP.at - dt.timedelta(seconds=1))

    assert Register() == known


def test_a_corrected_mark_is_known_as_it_was_before_the_correction() -> None:
    register = make_register()
    register.record_attendance("S-01", session_id(1), Present(Hours(3)), by=stamp(60))
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=stamp(4 * 24 * 60))

    wednesday = register.as_known_at(stamp(2 * 24 * 60).at)

    assert [Present(Hours(3))] == [a.mark for a in wednesday.student("S-01").attendance]
    assert [Present(Hours(5))] == [a.mark for a in register.student("S-01").attendance]


def test_replay_takes_the_recorded_states_and_runs_no_rule() -> None:
    """A state no rule of today would accept is replayed as it was recorded."""
    register = make_register()
    entry = register.history[-1]
    assert Action.STUDENT_ENROLLED == entry.action
    odd = attrs.evolve(entry.after, name="Ny Navnesen")  # a fact recorded, never re-derived
    history = (*register.history[:-1], attrs.evolve(entry, after=odd))

    replayed = Register.from_records(
        cohorts=register.cohorts.values(),
        students=[*register.students.values()][:-1],
        host_units=register.host_units.values(),
        history=history,
    ).as_known_at(entry.at)

    assert "Ny Navnesen" == replayed.student(entry.after.id).name


NAIVE = dt.datetime(2026, 1, 2, 9, 0)  # noqa: DTZ001 - without a time zone on purpose


@pytest.mark.parametrize("moment", [NAIVE, "2026-01-02", None])
def test_a_moment_must_be_a_date_time_with_a_time_zone(moment: object) -> None:
    with pytest.raises(InvalidValueError, match="moment: expected a date-time with a time zone"):
        make_register().as_known_at(moment)  # type: ignore[arg-type]
