"""An ending is decided from the earliest decision still in force (docs/hiring.md, issue 17).

A state machine hires, ends, extends, makes permanent and confirms ends of a
few employments in random orders, with stamps on random days (back-dated ones
included), and keeps its own account of each employment from the operations
alone, never from the library's records:

* a confirmation is a decision made on its ``on`` day; an ending is a decision
  made on its stamp's day;
* an extension moves the end, and a new end needs a new decision: the
  decisions made before it are no longer in force;
* making a position permanent is itself the decision: it has no planned end
  any more, and the warnings, computed from the records as they are now, never
  warn about it again (not even once it is ended later).

After every step it checks that the library predicted the step's acceptance,
that ``end_confirmed_on`` is the earliest decision in force, and that
``TEMPORARY_ENDING_UNDECIDED`` as of each day near a start, an end or a
decision is given exactly for the active temporary employments ending within
90 days with no decision in force dated on or before that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from mbprogram import (
    Employment,
    FindingCode,
    Funding,
    Pathway,
    RefusedChangeError,
    Register,
    Supervision,
)
from tests.builders import UNIT
from tests.hiring.scenario import hiring_register, on_day

ONE_DAY = dt.timedelta(days=1)
#: First days of the employments, and the days changes are stamped and decisions made on.
STARTS = st.dates(min_value=dt.date(2026, 10, 1), max_value=dt.date(2027, 3, 31))
DAYS = st.dates(min_value=dt.date(2026, 8, 1), max_value=dt.date(2028, 6, 30))
#: Days from start to end; some open-ended (None).
LENGTHS = st.one_of(st.none(), st.integers(0, 60), st.integers(61, 300))
OFFSETS = st.integers(-10, 330)  # days from an employment's start
PEOPLE = st.sampled_from(("S-01", "S-02", "S-03", "S-04"))
MAX_EMPLOYMENTS = 4

TEMPLATE = hiring_register(pot_capacity=None)


@attrs.define
class Account:
    """What the operations say about one employment."""

    start: dt.date
    end: dt.date | None
    permanent_from: dt.date | None = None
    #: The days of the decisions on the current end that are still in force.
    decisions: list[dt.date] = attrs.Factory(list)

    def undecided_on(self, day: dt.date) -> bool:
        """Whether ``TEMPORARY_ENDING_UNDECIDED`` is due as of ``day`` (docs/hiring.md)."""
        return (
            self.start <= day
            and self.end is not None
            and day <= self.end
            and (self.end - day).days <= 90
            and self.permanent_from is None
            and not any(decided <= day for decided in self.decisions)
        )


class EndingDecisions(RuleBasedStateMachine):
    """Change a few project positions in random orders; keep an account of the decisions."""

    employments = Bundle("employments")

    def __init__(self) -> None:
        super().__init__()
        self.register: Register = TEMPLATE.copy()
        self.accounts: dict[str, Account] = {}
        self.seen: set[str] = set()

    def attempt(self, change: Callable[[], object], *, accepted: bool) -> bool:
        """Run ``change``; check that it was accepted exactly when the account says it may be."""
        before = self.register.copy()
        try:
            change()
        except RefusedChangeError:
            assert not accepted, "refused a change the account allows"
            assert before == self.register
            self.seen.add("refused")
            return False
        assert accepted, "accepted a change the account refuses"
        self.seen.add("accepted")
        return True

    def decide(self, account: Account, day: dt.date) -> None:
        """Add a decision made on ``day``, noting whether it is before or after those in force."""
        if any(day < earlier for earlier in account.decisions):
            self.seen.add("a decision dated before one in force")
        if any(day > earlier for earlier in account.decisions):
            self.seen.add("a decision dated after one in force")
        account.decisions.append(day)

    # -- the changes -----------------------------------------------------------------------

    @precondition(lambda self: len(self.accounts) < MAX_EMPLOYMENTS)
    @rule(target=employments, person=PEOPLE, start=STARTS, length=LENGTHS, day=DAYS)
    def hire(self, person: str, start: dt.date, length: int | None, day: dt.date) -> str:
        eid = f"E{len(self.accounts) + 1}"
        end = None if length is None else start + dt.timedelta(days=length)
        employment = Employment(
            id=eid,
            person=person,
            unit=UNIT,
            pathway=Pathway.PROJECT_POSITION,
            start=start,
            end=end,
            percent=40,
            funding=Funding.STATE_GRANT,
            supervision=Supervision.GROUP,
        )
        self.attempt(lambda: self.register.hire(employment, by=on_day(day)), accepted=True)
        self.accounts[eid] = Account(start=start, end=end)
        return eid

    @rule(eid=employments, offset=OFFSETS, day=DAYS)
    def end_employment(self, eid: str, offset: int, day: dt.date) -> None:
        a = self.accounts[eid]
        last_day = a.start + dt.timedelta(days=offset)
        allowed = (
            a.start <= last_day
            and (a.end is None or last_day <= a.end)
            and (a.permanent_from is None or a.permanent_from <= last_day)
        )
        if self.attempt(
            lambda: self.register.end_employment(eid, last_day=last_day, by=on_day(day)),
            accepted=allowed,
        ):
            a.end = last_day
            self.decide(a, day)
            self.seen.add("ended" if a.permanent_from is None else "ended once permanent")

    @rule(eid=employments, offset=st.none() | OFFSETS, day=DAYS)
    def extend_employment(self, eid: str, offset: int | None, day: dt.date) -> None:
        a = self.accounts[eid]
        new_end = None if offset is None else a.start + dt.timedelta(days=offset)
        allowed = a.end is not None and (new_end is None or new_end > a.end)
        if self.attempt(
            lambda: self.register.extend_employment(eid, new_end=new_end, by=on_day(day)),
            accepted=allowed,
        ):
            a.end = new_end
            a.decisions.clear()
            self.seen.add("extended")

    @rule(eid=employments, offset=OFFSETS, day=DAYS)
    def make_permanent(self, eid: str, offset: int, day: dt.date) -> None:
        a = self.accounts[eid]
        on = a.start + dt.timedelta(days=offset)
        allowed = (
            a.permanent_from is None and a.start <= on and (a.end is None or on <= a.end + ONE_DAY)
        )
        if self.attempt(
            lambda: self.register.make_permanent(eid, on=on, by=on_day(day)), accepted=allowed
        ):
            a.permanent_from, a.end = on, None
            a.decisions.clear()
            self.seen.add("made permanent")

    @rule(eid=employments, on=DAYS, day=DAYS)
    def confirm_end(self, eid: str, on: dt.date, day: dt.date) -> None:
        a = self.accounts[eid]
        allowed = a.end is not None and a.permanent_from is None
        if self.attempt(
            lambda: self.register.confirm_end(eid, on=on, by=on_day(day)), accepted=allowed
        ):
            self.decide(a, on)
            self.seen.add("confirmed")
            if day < on:
                self.seen.add("confirmed on a day after the stamp's")

    # -- what must hold after every step ---------------------------------------------------

    @invariant()
    def each_employment_is_as_its_account_says(self) -> None:
        for eid, a in self.accounts.items():
            e = self.register.employment(eid)
            assert (a.start, a.end, a.permanent_from) == (e.start, e.end, e.permanent_from)

    @invariant()
    def the_earliest_decision_in_force_is_the_day_the_end_was_confirmed(self) -> None:
        for eid, a in self.accounts.items():
            assert min(a.decisions, default=None) == self.register.employment(eid).end_confirmed_on

    @invariant()
    def an_ending_is_warned_about_exactly_when_nothing_is_decided_by_that_day(self) -> None:
        days: set[dt.date] = set()
        for a in self.accounts.values():
            named = [a.start, *a.decisions]
            if a.end is not None:
                named += [a.end, a.end - dt.timedelta(days=90)]
            days.update(d + n * ONE_DAY for d in named for n in (-1, 0, 1))
        for day in sorted(days):
            warned = {
                f.path
                for f in self.register.hiring_findings(day)
                if f.code is FindingCode.TEMPORARY_ENDING_UNDECIDED
            }
            expected = {
                f"employments[{eid}]" for eid, a in self.accounts.items() if a.undecided_on(day)
            }
            assert expected == warned, day.isoformat()
            if expected:
                self.seen.add("warned")


MACHINE_SETTINGS = settings(stateful_step_count=30)

#: The machine as a test case.
TestEndingDecisions = EndingDecisions.TestCase
TestEndingDecisions.settings = MACHINE_SETTINGS


def test_the_machine_sees_every_kind_of_step_and_both_outcomes() -> None:
    """The machine once more, checking that it is not vacuous: each case occurs."""
    seen: set[str] = set()

    class Counting(EndingDecisions):
        def teardown(self) -> None:
            seen.update(self.seen)

    run_state_machine_as_test(Counting, settings=MACHINE_SETTINGS)

    assert {
        "accepted",
        "refused",
        "ended",
        "ended once permanent",
        "extended",
        "made permanent",
        "confirmed",
        "confirmed on a day after the stamp's",
        "a decision dated before one in force",
        "a decision dated after one in force",
        "warned",
    } <= seen
