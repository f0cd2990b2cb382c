"""A small hiring scenario on top of :mod:`tests.builders`: graduates, a budget pot, employments.

``hiring_register()`` is ``make_register(4)`` with a third host unit ``U3``
(three places) where ``S-04`` does practice, every student given the records
they need (``complete``), and a budget pot ``POT`` with room for two positions.
``S-01`` and ``S-02`` did practice at ``U1``, ``S-03`` at ``U2``. Unless a test
says otherwise ``S-01``, ``S-02`` and ``S-03`` graduate on ``GRADUATION_DAY``;
``S-04`` has no certificate. Everyone here is made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache

from hypothesis import strategies as st

from mbprogram import (
    Benefit,
    BudgetPot,
    Employment,
    Finding,
    Funding,
    HostUnit,
    Pathway,
    RefusedChangeError,
    Register,
    Stamp,
    Supervision,
)
from tests import strategies as gen
from tests.builders import (
    GRADUATION_DAY,
    STAMP,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    make_register,
    paths,
    refused,
    stamp,
)

__all__ = [
    "FIRST_DAY_AT_WORK",
    "POT",
    "UNIT_THREE",
    "codes",
    "employment",
    "hiring_register",
    "on_day",
    "paths",
    "refused",
    "registers_with_hires",
]

POT = "POT"
UNIT_THREE = "U3"
#: A usual first day at work: a month after ``GRADUATION_DAY``.
FIRST_DAY_AT_WORK = dt.date(2026, 10, 1)
#: Where each student did practice.
PRACTICE_UNIT = {"S-01": UNIT, "S-02": UNIT, "S-03": UNIT_ONE_PLACE, "S-04": UNIT_THREE}


@cache
def _template(graduation: tuple[tuple[str, dt.date], ...], pot_capacity: int | None) -> Register:
    register = make_register(4)
    register.add_host_unit(
        HostUnit(id=UNIT_THREE, name="Housing First Sentrum", capacity=3, kind="housing"),
        by=STAMP,
    )
    for sid, unit in PRACTICE_UNIT.items():
        complete(register, sid, unit=unit)
    for sid, day in graduation:
        register.graduate(sid, on=day, by=STAMP)
    if pot_capacity is not None:
        register.add_budget_pot(
            BudgetPot(id=POT, name="MB-potten", capacity=pot_capacity), by=STAMP
        )
    return register


def hiring_register(
    graduation: Mapping[str, dt.date] | None = None, *, pot_capacity: int | None = 2
) -> Register:
    """A fresh register of graduates and a budget pot (see the module's docstring).

    Args:
        graduation: who graduates and when; by default ``S-01`` to ``S-03`` on
            ``GRADUATION_DAY``.
        pot_capacity: the room of ``POT``, or ``None`` for no pot.
    """
    if graduation is None:
        graduation = dict.fromkeys(("S-01", "S-02", "S-03"), GRADUATION_DAY)
    return _template(tuple(sorted(graduation.items())), pot_capacity).copy()


def employment(
    eid: str = "E1",
    person: str = "S-01",
    *,
    unit: str = UNIT,
    start: dt.date = FIRST_DAY_AT_WORK,
    end: dt.date | None = None,
    percent: str | int | Decimal = 50,
    pot: str | None = None,
    pathway: Pathway | None = None,
    funding: Funding | None = None,
    supervision: Supervision = Supervision.INDIVIDUAL,
    benefit: Benefit = Benefit.NONE,
    **details: object,
) -> Employment:
    """An employment; paid from ``pot`` when one is named, else an ordinary municipal post.

    Supervised by default, so that a test sees ``NO_SUPERVISION`` only when it asks for it.
    """
    if funding is None:
        funding = Funding.BUDGET_POT if pot is not None else Funding.MUNICIPAL_BUDGET
    if pathway is None:
        pathway = Pathway.BUDGET_POT if pot is not None else Pathway.ORDINARY_POSITION
    return Employment(
        id=eid,
        person=person,
        unit=unit,
        pathway=pathway,
        start=start,
        end=end,
        percent=percent,
        funding=funding,
        pot=pot,
        supervision=supervision,
        benefit=benefit,
        **details,  # type: ignore[arg-type]
    )


def on_day(day: dt.date) -> Stamp:
    """``STAMP``'s coordinator, recording a change at nine (UTC) on ``day``."""
    return Stamp(STAMP.actor, dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC))


def codes(findings: Iterable[Finding]) -> list[str]:
    """The codes of ``findings``, in order."""
    return [f.code.value for f in findings]


#: The days drawn employments and outcomes start on or after.
DRAWN_FROM = dt.date(2026, 8, 1)


@st.composite
def registers_with_hires(draw: st.DrawFn) -> Register:
    """``hiring_register()`` with a pot for 1 to 3, drawn hires (kept if accepted) and outcomes.

    Hires are drawn for every student, S-04 without a certificate included, at
    their practice unit or another, some paid from the pot, so that the register
    refuses some of them.
    """
    register = hiring_register(pot_capacity=draw(st.integers(1, 3)))
    people = tuple(PRACTICE_UNIT)
    for i in range(draw(st.integers(0, 8))):
        person = draw(st.sampled_from(people))
        e = draw(
            gen.employments(
                eid=f"E{i}",
                person=person,
                units=(PRACTICE_UNIT[person], UNIT, UNIT_THREE),
                pots=(POT,),
                start=DRAWN_FROM,
                end=dt.date(2028, 12, 31),
                max_days=500,
            )
        )
        try:
            register.hire(e, by=stamp(i))
        except RefusedChangeError:
            continue
    for i, person in enumerate(draw(st.lists(st.sampled_from(people), max_size=3))):
        register.record_outcome(
            draw(gen.outcome_records(oid=f"O{i}", person=person, not_before=DRAWN_FROM)),
            by=stamp(100 + i),
        )
    return register
