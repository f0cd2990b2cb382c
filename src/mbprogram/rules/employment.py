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

from mbprogram.catalogue import Phrase
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
        return Phrase("problems.span.from", start=day_range.start)
    return Phrase("problems.span.range", start=day_range.start, end=day_range.end)


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
            Problem.of(
                RecordPath.of("person"),
                "problems.rule.unknown_student",
                RuleCode.UNKNOWN_RECORD,
                student=repr(employment.person),
            )
        )
    if employment.unit not in host_units:
        problems.append(
            Problem.of(
                RecordPath.of("unit"),
                "problems.rule.unknown_unit",
                RuleCode.UNKNOWN_RECORD,
                unit=repr(employment.unit),
            )
        )
    if (
        student is not None
        and employment.pathway is Pathway.PLACEMENT_UNIT
        and not any(p.unit == employment.unit for p in student.placements)
    ):
        problems.append(
            Problem.of(
                RecordPath.of("pathway"),
                "problems.hiring.placement_unit",
                RuleCode.PLACEMENT_UNIT_WITHOUT_PLACEMENT,
                unit=repr(employment.unit),
            )
        )
    if employment.funding is Funding.BUDGET_POT:
        if employment.pot not in pots:
            problems.append(
                Problem.of(
                    RecordPath.of("pot"),
                    "problems.hiring.unknown_pot",
                    RuleCode.UNKNOWN_RECORD,
                    pot=repr(employment.pot),
                )
            )
        if student is not None:
            certificate = student.certificate
            if certificate is None or certificate.issued_on > employment.start:
                has = (
                    Phrase("problems.hiring.none")
                    if certificate is None
                    else Phrase("problems.hiring.from", day=certificate.issued_on)
                )
                problems.append(
                    Problem.of(
                        RecordPath.of("start"),
                        "problems.hiring.no_certificate",
                        WITHOUT_CERTIFICATE,
                        start=employment.start,
                        has=has,
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
        Problem.of(
            RecordPath(),
            "problems.hiring.pot_over_capacity",
            OVER_CAPACITY,
            pot=repr(pot.id),
            count=count,
            span=span(run),
            capacity=pot.capacity,
        )
        for run, count in overbooked(ranges, pot.capacity, window)
    ]
