"""Helpers for the privacy tests: every text a register holds, and rebuilding it from records."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from mbprogram import Register


def texts_in(value: object) -> Iterator[str]:
    """Every string inside ``value``: a record, records in tuples, their fields, all the way down.

    Enum members count as their value; identity numbers as their digits.
    """
    if isinstance(value, str):
        yield str(value)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from texts_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from texts_in(getattr(value, field.name))


def everything_held(register: Register) -> list[str]:
    """Every string in every record of ``register`` and in its whole history."""
    records: list[object] = [
        *register.cohorts.values(),
        *register.students.values(),
        *register.host_units.values(),
        *register.budget_pots.values(),
        *register.employments.values(),
        *register.outcomes.values(),
    ]
    found = [t for r in records for t in texts_in(r)]
    for change in register.history:
        found += [change.record, change.action, change.actor]
        found += [*texts_in(change.before), *texts_in(change.after)]
    found += [*register.students, *register.employments, *register.outcomes]
    return found


def occurrences(needles: tuple[str, ...], haystack: list[str]) -> list[str]:
    """The needles found inside any of the haystack's texts."""
    return [n for n in needles if any(n in text for text in haystack)]


def rebuilt(register: Register) -> Register:
    """``register`` restored from its records, as a storage adapter does (checks every rule)."""
    return Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=register.employments.values(),
        outcomes=register.outcomes.values(),
        history=register.history,
        allow_synthetic_ids=register.allow_synthetic_ids,
    )
