"""The hard rules of hiring (docs/hiring.md), checked on every change and load.

* A pot-funded employment needs a certificate dated on or before its start
  (``BUDGET_POT_WITHOUT_CERTIFICATE``).
* On no day may a budget pot pay more positions than its capacity
  (``BUDGET_POT_OVER_CAPACITY``). Positions are counted, not people: a person
  with two pot-funded posts at once takes two places.

The rules return problems with paths relative to the record they concern; the
register puts the record's path in front.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from mbprogram.exceptions import Problem
from mbprogram.model.codes import RuleCode
from mbprogram.model.hiring import BudgetPot, Employment, Funding, Pathway
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.values import DateRange, HostUnitId, StudentId
from mbprogram.paths import RecordPath
from mbprogram.rules.occupancy import overbooked

__all__ = [
    "OVER_CAPACITY",
    "WITHOUT_CERTIFICATE",
    "employment_problems",
    "pot_problems",
    "span",
]

OVER_CAPACITY = RuleCode.BUDGET_POT_OVER_CAPACITY
WITHOUT_CERTIFICATE = RuleCode.BUDGET_POT_WITHOUT_CERTIFICATE


def span(day_range: DateRange) -> str:
    """A period for a message; an open-ended one reads ``from 2027-01-04``."""
    if day_range.end == dt.date.max:
        return f"from {day_range.start.isoformat()}"
    return str(day_range)


def employment_problems(
    employment: Employment,
    *,
    students: Mapping[StudentId, Student],
    host_units: Mapping[HostUnitId, HostUnit],
    pots: Mapping[str, BudgetPot],
) -> list[Problem]:
    """What is wrong with one employment in the register: its references and the certificate rule.

    Paths are relative to the employment (``person``, ``unit``, ``pot``, ``start``).
    """
    problems: list[Problem] = []
    student = students.get(employment.person)
    if student is None:
        problems.append(
            Problem(
                RecordPath.of("person"),
                f"no student {employment.person!r}",
                code=RuleCode.UNKNOWN_RECORD,
            )
        )
    if employment.unit not in host_units:
        problems.append(
            Problem(
                RecordPath.of("unit"),
                f"no host unit {employment.unit!r}",
                code=RuleCode.UNKNOWN_RECORD,
            )
        )
    if (
        student is not None
        and employment.pathway is Pathway.PLACEMENT_UNIT
        and not any(p.unit == employment.unit for p in student.placements)
    ):
        problems.append(
            Problem(
                RecordPath.of("pathway"),
                f"the placement-unit pathway needs a placement at {employment.unit!r}, "
                "and the student had none there",
                code=RuleCode.PLACEMENT_UNIT_WITHOUT_PLACEMENT,
            )
        )
    if employment.funding is Funding.BUDGET_POT:
        if employment.pot not in pots:
            problems.append(
                Problem(
                    RecordPath.of("pot"),
                    f"no budget pot {employment.pot!r}",
                    code=RuleCode.UNKNOWN_RECORD,
                )
            )
        if student is not None:
            certificate = student.certificate
            if certificate is None or certificate.issued_on > employment.start:
                has = (
                    "no certificate"
                    if certificate is None
                    else f"a certificate from {certificate.issued_on.isoformat()}"
                )
                problems.append(
                    Problem(
                        RecordPath.of("start"),
                        f"a pot-funded employment needs a certificate dated on or before its "
                        f"start {employment.start.isoformat()}; the student has {has}",
                        code=WITHOUT_CERTIFICATE,
                    )
                )
    return problems


def pot_problems(pot: BudgetPot, employments: Iterable[Employment]) -> list[Problem]:
    """One problem per run of days on which ``pot`` pays more positions than its capacity."""
    ranges = [e.period for e in employments if e.pot == pot.id]
    if not ranges:
        return []
    window = DateRange(min(r.start for r in ranges), max(r.end for r in ranges))
    return [
        Problem(
            RecordPath(),
            f"budget pot {pot.id!r} would pay {count} positions at once {span(run)}; "
            f"it has room for {pot.capacity}",
            code=OVER_CAPACITY,
        )
        for run, count in overbooked(ranges, pot.capacity, window)
    ]
