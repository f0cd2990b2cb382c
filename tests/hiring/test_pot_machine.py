"""No sequence of hiring changes, accepted or refused, ever overfills a budget pot (docs/hiring.md).

A state machine hires, ends, extends, converts, confirms and changes pot
capacity in random orders and on random days, with ids that exist and ids that
do not, before and after the graduates' certificates, into pots that are full
and pots that are not. After every step it checks that

* on no day does a pot pay more positions than its capacity, counted day by
  day here (not with the library's own occupancy code);
* a refused step left the register equal to a copy taken before it, and an
  accepted one added exactly one history entry, stamped with the step's stamp;

and at the end of each run that the records pass every check a restore from
storage makes and that the library's report of pot use agrees with its count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import ClassVar

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from mbprogram import (
    BudgetPot,
    DateRange,
    Employment,
    Funding,
    NotFoundError,
    Pathway,
    RefusedChangeError,
    Register,
    Stamp,
    pot_utilisation,
)
from tests.builders import GRADUATION_DAY, STAMP, UNIT, UNIT_ONE_PLACE, stamp
from tests.hiring.scenario import POT, UNIT_THREE, hiring_register

SMALL_POT = "SMALL"
#: Graduation days one month apart; S-04 never graduates.
GRADUATED_ON = {
    "S-01": GRADUATION_DAY,
    "S-02": dt.date(2026, 10, 1),
    "S-03": dt.date(2026, 11, 2),
}
#: Mostly the graduates; now and then the student without a certificate or someone unknown.
PEOPLE = st.sampled_from(("S-01", "S-02", "S-03") * 3 + ("S-04", "S-99"))
#: Mostly known units and pots; U9 and POT9 are unknown.
UNITS = st.sampled_from((UNIT, UNIT_ONE_PLACE, UNIT_THREE) * 3 + ("U9",))
POTS = st.sampled_from((POT, POT, SMALL_POT) * 3 + ("POT9",))
#: First days from before the first certificate to a year after the last.
STARTS = st.dates(min_value=dt.date(2026, 8, 1), max_value=dt.date(2027, 12, 31))
#: Days from start to end; a third are open-ended (None).
LENGTHS = st.one_of(st.none(), st.integers(0, 120), st.integers(121, 400))
OFFSETS = st.integers(-20, 450)  # days from an employment's start
ONE_DAY = dt.timedelta(days=1)


def template() -> Register:
    """Three graduates a month apart, one student without a certificate, two small pots."""
    register = hiring_register(GRADUATED_ON, pot_capacity=2)
    register.add_budget_pot(BudgetPot(id=SMALL_POT, name="Prosjektpotten", capacity=1), by=STAMP)
    return register


TEMPLATE = template()


def positions_paid(
    employments: Iterable[Employment], pot_id: str, *, until: dt.date | None = None
) -> Counter[dt.date]:
    """How many positions ``pot_id`` pays on each day, counted day by day.

    Days are counted up to ``until``, by default up to the day after the last
    date any of the pot's employments names: from there on only open-ended
    employments remain, so the count no longer changes.
    """
    paid = [e for e in employments if e.pot == pot_id]
    named = [day for e in paid for day in (e.start, e.end) if day is not None]
    counts: Counter[dt.date] = Counter()
    if not named:
        return counts
    horizon = until or max(named) + ONE_DAY
    for e in paid:
        day, last = e.start, min(e.end or horizon, horizon)
        while day <= last:
            counts[day] += 1
            day += ONE_DAY
    return counts


class PotMachine(RuleBasedStateMachine):
    """Drive pot-funded employments through every change; check capacity and refusals."""

    #: Accepted and refused steps (and the codes of refusals) over every run of the machine.
    outcomes: ClassVar[Counter[str]] = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.register = TEMPLATE.copy()
        self.clock = 0
        self.next_id = 1

    def attempt(self, change: Callable[[Stamp], object]) -> None:
        before = self.register.copy()
        self.clock += 1
        by = stamp(self.clock)
        try:
            change(by)
        except (RefusedChangeError, NotFoundError) as e:
            codes = sorted(e.codes) if isinstance(e, RefusedChangeError) else []
            outcome = f"refused: {', '.join(codes) or type(e).__name__}"
            assert before == self.register
            assert len(before.history) == len(self.register.history)
            event("refused")
            self.outcomes["refused"] += 1
        else:
            outcome = "accepted"
            if before.state == self.register.state:  # a change to the same value records nothing
                outcome = "accepted: nothing to change"
            else:
                assert len(before.history) + 1 == len(self.register.history)
                assert by == self.register.history[-1].stamp
        event(outcome)
        self.outcomes[outcome] += 1

    def some_employment(self, data: st.DataObject) -> tuple[str, dt.date]:
        """An employment of the register and its start, or now and then an unknown one."""
        known = [(e.id, e.start) for e in self.register.employments.values()]
        return data.draw(st.sampled_from([*known * 9, ("E99", dt.date(2026, 10, 1))]))

    # -- the changes -----------------------------------------------------------------------

    @rule(
        person=PEOPLE,
        unit=UNITS,
        pot=POTS,
        start=STARTS,
        length=LENGTHS,
        percent=st.sampled_from((16, 20, 50, 100)),
        kind=st.integers(0, 9),
    )
    def hire(
        self,
        person: str,
        unit: str,
        pot: str,
        start: dt.date,
        length: int | None,
        percent: int,
        kind: int,
    ) -> None:
        """Hire into a pot; one time in ten reuse an id, one in ten into an ordinary post."""
        if kind == 0 and self.register.employments:
            eid = next(iter(self.register.employments))
        else:
            eid = f"E{self.next_id}"
            self.next_id += 1
        ordinary = kind == 1
        employment = Employment(
            id=eid,
            person=person,
            unit=unit,
            pathway=Pathway.ORDINARY_POSITION if ordinary else Pathway.BUDGET_POT,
            start=start,
            end=None if length is None else start + dt.timedelta(days=length),
            percent=percent,
            funding=Funding.MUNICIPAL_BUDGET if ordinary else Funding.BUDGET_POT,
            pot=None if ordinary else pot,
        )
        self.attempt(lambda by: self.register.hire(employment, by=by))

    @rule(
        person=st.sampled_from(tuple(GRADUATED_ON)),
        start=st.dates(min_value=dt.date(2026, 11, 2), max_value=dt.date(2027, 6, 30)),
        length=LENGTHS,
    )
    def hire_a_graduate_into_the_small_pot(
        self, person: str, start: dt.date, length: int | None
    ) -> None:
        """Hire someone with a certificate into the pot with room for one."""
        employment = Employment(
            id=f"E{self.next_id}",
            person=person,
            unit=UNIT_THREE,
            pathway=Pathway.BUDGET_POT,
            start=start,
            end=None if length is None else start + dt.timedelta(days=length),
            percent=50,
            funding=Funding.BUDGET_POT,
            pot=SMALL_POT,
        )
        self.next_id += 1
        self.attempt(lambda by: self.register.hire(employment, by=by))

    @precondition(lambda self: self.register.employments)
    @rule(data=st.data(), offset=OFFSETS)
    def end_employment(self, data: st.DataObject, offset: int) -> None:
        eid, start = self.some_employment(data)
        last_day = start + dt.timedelta(days=offset)
        self.attempt(lambda by: self.register.end_employment(eid, last_day=last_day, by=by))

    @precondition(lambda self: self.register.employments)
    @rule(data=st.data(), offset=st.none() | OFFSETS)
    def extend_employment(self, data: st.DataObject, offset: int | None) -> None:
        eid, start = self.some_employment(data)
        new_end = None if offset is None else start + dt.timedelta(days=offset)
        self.attempt(lambda by: self.register.extend_employment(eid, new_end=new_end, by=by))

    @precondition(lambda self: self.register.employments)
    @rule(data=st.data(), offset=OFFSETS)
    def make_permanent(self, data: st.DataObject, offset: int) -> None:
        eid, start = self.some_employment(data)
        on = start + dt.timedelta(days=offset)
        self.attempt(lambda by: self.register.make_permanent(eid, on=on, by=by))

    @precondition(lambda self: self.register.employments)
    @rule(data=st.data(), offset=OFFSETS)
    def confirm_end(self, data: st.DataObject, offset: int) -> None:
        eid, start = self.some_employment(data)
        on = start + dt.timedelta(days=offset)
        self.attempt(lambda by: self.register.confirm_end(eid, on=on, by=by))

    @rule(pot=POTS, capacity=st.sampled_from((1, 2, 3, 1, 2, 0)))
    def change_pot_capacity(self, pot: str, capacity: int) -> None:
        self.attempt(lambda by: self.register.change_pot_capacity(pot, capacity, by=by))

    # -- what must hold after every step ---------------------------------------------------

    @invariant()
    def no_pot_pays_more_positions_than_its_capacity_on_any_day(self) -> None:
        for pot in self.register.budget_pots.values():
            paid = positions_paid(self.register.employments.values(), pot.id)
            busiest = max(paid.values(), default=0)
            assert busiest <= pot.capacity

    def teardown(self) -> None:
        """At the end of a run, the records pass every check a restore from storage makes,
        and the library's monthly pot use agrees with the count here.

        (Only hiring records change here, so restoring after every step would
        re-check the same students again and again.)
        """
        r = self.register
        restored = Register.from_records(
            cohorts=r.cohorts.values(),
            students=r.students.values(),
            host_units=r.host_units.values(),
            budget_pots=r.budget_pots.values(),
            employments=r.employments.values(),
            outcomes=r.outcomes.values(),
            history=r.history,
        )
        assert r == restored
        window = DateRange(dt.date(2026, 8, 1), dt.date(2029, 6, 30))
        for pot in self.register.budget_pots.values():
            paid = positions_paid(self.register.employments.values(), pot.id, until=window.end)
            for usage in pot_utilisation(self.register, pot.id, window, by="month"):
                assert max(paid[day] for day in usage.period) == usage.in_use
                assert pot.capacity - usage.in_use == usage.free
        for as_of in (dt.date(2026, 12, 1), dt.date(2027, 6, 1)):
            assert all(not f.is_error for f in self.register.hiring_findings(as_of))


MACHINE_SETTINGS = settings(stateful_step_count=25)

#: The machine as a test case: ``pytest --hypothesis-show-statistics`` shows its events.
TestPotMachine = PotMachine.TestCase
TestPotMachine.settings = MACHINE_SETTINGS


def test_no_pot_is_ever_overfilled_and_both_accepted_and_refused_changes_occur() -> None:
    """The machine once more, counting what it saw: both outcomes and both pot rules."""
    PotMachine.outcomes.clear()

    run_state_machine_as_test(PotMachine, settings=MACHINE_SETTINGS)

    seen = PotMachine.outcomes
    assert seen["accepted"] > 0
    assert seen["refused"] > 0
    assert seen["refused: BUDGET_POT_OVER_CAPACITY"] > 0
    assert seen["refused: BUDGET_POT_WITHOUT_CERTIFICATE"] > 0


def test_the_day_by_day_count_sees_an_overfull_pot() -> None:
    """The test's own count is not vacuous: it sees records the library would refuse."""
    overfull = [
        Employment(
            id=eid,
            person="S-01",
            unit=UNIT,
            pathway=Pathway.BUDGET_POT,
            start=dt.date(2026, 10, 1),
            end=dt.date(2026, 10, 31) if eid == "E2" else None,
            percent=50,
            funding=Funding.BUDGET_POT,
            pot=SMALL_POT,
        )
        for eid in ("E1", "E2")
    ]

    counts = positions_paid(overfull, SMALL_POT)

    assert 2 == counts[dt.date(2026, 10, 31)]
    assert 1 == counts[dt.date(2026, 11, 1)]
    assert 0 == counts[dt.date(2026, 9, 30)]
