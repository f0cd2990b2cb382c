"""The history of changes: who changed which record, when, and what it was before.

Every change the register accepts appends one :class:`Change` per record it
touches. Records are named by a typed :class:`~mbprogram.paths.RecordPath` such as
``cohorts[K2026].students[S-01].attendance[SES-03]`` (brackets hold ids), so the
history of a student is every change whose record lies inside the student's path.
"""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.values import Stamp
from mbprogram.paths import Part, RecordPath

__all__ = ["Change", "record_path", "student_path"]


def _as_path(value: object) -> object:
    """A record path from a RecordPath or its text; anything else is left to the validator."""
    if isinstance(value, RecordPath) or not isinstance(value, str):
        return value
    try:
        return RecordPath.parse(value)
    except ValueError as e:
        raise InvalidValueError("record", f"expected a record path: {e}") from None


@attrs.frozen(kw_only=True)
class Change:
    """One accepted change to one record.

    Attributes:
        stamp: who made the change and when.
        action: what was done, e.g. ``"attendance.recorded"``.
        record: the path of the record changed (text is read as a path).
        before: the record as it was (``None`` when it was created).
        after: the record as it became (``None`` when it was removed).
    """

    stamp: Stamp = attrs.field(validator=v.instance(Stamp))
    action: str = attrs.field(validator=v.text(max_length=100))
    record: RecordPath = attrs.field(
        converter=_as_path, validator=[v.instance(RecordPath), v.text(max_length=1_000)]
    )
    before: object = attrs.field(default=None, repr=False)
    after: object = attrs.field(default=None, repr=False)

    @property
    def actor(self) -> str:
        """Who made the change."""
        return self.stamp.actor

    @property
    def at(self) -> dt.datetime:
        """When the change was made."""
        return self.stamp.at


def record_path(*parts: Part) -> RecordPath:
    """Build a record path: ``record_path(("cohorts", "K1"), ("students", "S1"))``.

    A plain string part is a field name; a pair is a collection and an id.
    """
    return RecordPath.of(*parts)


def student_path(cohort: str, student: str) -> RecordPath:
    """The record path of a student: ``cohorts[<cohort>].students[<student>]``."""
    return RecordPath.of(("cohorts", cohort), ("students", student))
