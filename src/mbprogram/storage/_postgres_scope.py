"""Which rows a change on part of a register needs, so that its rules see every record they read.

A change on a cohort's students reads the rows of that cohort; the rules it
runs may need more: a placement needs every student placed at the same host
unit (its capacity), a hire every employment paid from the same budget pot,
a new record any record that already holds its id, a national identity number
or a certificate the one student who may hold the same. :func:`needed_by`
names those rows from what the change did (the records it added or changed);
the store then loads them too and makes the change again, until what it
needs is what it has. Rows are named by keys the store looks up by index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.register.aggregate import Register
from mbprogram.register.commit import units_with_more

__all__ = ["Need", "needed_by"]


def _frozen(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen
class Need:
    """The rows a part of a register holds, by the keys they are looked up by.

    Every part also holds the cohort of each student it holds, and the host
    units and budget pots its records name.

    Attributes:
        reference: every host unit and budget pot (for a change that names one
            the part does not hold: it is refused on the part, and made again
            with all of them).
        whole_cohorts: cohorts with all their students, employments and outcomes.
        cohorts: cohorts (the record only).
        students: students by id.
        national_ids: students by national identity number.
        certificates: students by certificate id.
        host_units: host units by id.
        units: every student with a placement at one of these host units.
        pots: every employment paid from one of these budget pots.
        employments: employments by id.
        outcomes: outcomes by id.
    """

    reference: bool = False
    whole_cohorts: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    cohorts: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    students: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    national_ids: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    certificates: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    host_units: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    units: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    pots: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    employments: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    outcomes: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)

    def __or__(self, other: Need) -> Need:
        return Need(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in _FIELDS})

    def __le__(self, other: Need) -> bool:
        return all(getattr(self, f.name) <= getattr(other, f.name) for f in _FIELDS)


_FIELDS: Final = attrs.fields(Need)


def _touched(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[Any, Any]]:
    """``(before or None, after)`` of each record added or changed."""
    return [
        (old.get(rid), r)
        for rid, r in new.items()
        if (before := old.get(rid)) is None or (r is not before and r != before)
    ]


def needed_by(old: Register, new: Register) -> Need:
    """The rows the rules of the change from ``old`` to ``new`` read (see the module)."""
    keys: dict[str, set[str]] = {f.name: set() for f in _FIELDS if f.name != "reference"}
    for before, student in _touched(old.students, new.students):
        assert isinstance(student, Student)  # noqa: S101 - the table holds students
        keys["cohorts"].add(student.cohort)
        if before is None:
            keys["students"].add(student.id)  # anyone else holding the id
        number = student.national_id
        if number is not None and (before is None or before.national_id != number):
            keys["national_ids"].add(number.value)
        certificate = student.certificate
        if certificate is not None and (before is None or before.certificate != certificate):
            keys["certificates"].add(certificate.id)
        keys["units"] |= units_with_more(before, student)
        keys["host_units"] |= {p.unit for p in student.placements}
    for before, cohort in _touched(old.cohorts, new.cohorts):
        assert isinstance(cohort, Cohort)  # noqa: S101
        keys["cohorts" if before is None else "whole_cohorts"].add(cohort.id)
    for _, unit in _touched(old.host_units, new.host_units):
        assert isinstance(unit, HostUnit)  # noqa: S101
        keys["units"].add(unit.id)
        keys["host_units"].add(unit.id)  # a new one's id may be taken
    for _, pot in _touched(old.budget_pots, new.budget_pots):
        assert isinstance(pot, BudgetPot)  # noqa: S101
        keys["pots"].add(pot.id)
    for before, employment in _touched(old.employments, new.employments):
        assert isinstance(employment, Employment)  # noqa: S101
        keys["students"].add(employment.person)
        keys["host_units"].add(employment.unit)
        if before is None:
            keys["employments"].add(employment.id)
        if employment.pot is not None:
            keys["pots"].add(employment.pot)
    for before, outcome in _touched(old.outcomes, new.outcomes):
        assert isinstance(outcome, OutcomeRecord)  # noqa: S101
        keys["students"].add(outcome.person)
        if before is None:
            keys["outcomes"].add(outcome.id)
    return Need(
        whole_cohorts=keys["whole_cohorts"],
        cohorts=keys["cohorts"],
        students=keys["students"],
        national_ids=keys["national_ids"],
        certificates=keys["certificates"],
        host_units=keys["host_units"],
        units=keys["units"],
        pots=keys["pots"],
        employments=keys["employments"],
        outcomes=keys["outcomes"],
    )
