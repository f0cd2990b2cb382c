"""The history of changes: who changed which record, when, and what it was before.

Every change the register accepts appends one :class:`Change` per record it
touches. Records are named by a path such as
``cohorts[K2026].students[S-01].attendance[SES-03]`` (brackets hold ids), so the
history of a student is every change whose record lies under the student's path.
"""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.model import validators as v
from mbprogram.model.values import Stamp

__all__ = ["Change", "record_path", "student_path", "under"]


@attrs.frozen(kw_only=True)
class Change:
    """One accepted change to one record.

    Attributes:
        stamp: who made the change and when.
        action: what was done, e.g. ``"attendance.recorded"``.
        record: the path of the record changed.
        before: the record as it was (``None`` when it was created).
        after: the record as it became (``None`` when it was removed).
    """

    stamp: Stamp = attrs.field(validator=v.instance(Stamp))
    action: str = attrs.field(validator=v.text(max_length=100))
    record: str = attrs.field(validator=v.text(max_length=1_000))
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


def record_path(*parts: tuple[str, str] | str) -> str:
    """Build a record path: ``record_path(("cohorts", "K1"), ("students", "S1"))``.

    A plain string part is a field name; a pair is a collection and an id.
    """
    out: list[str] = []
    for part in parts:
        if isinstance(part, tuple):
            name, key = part
            out.append(f"{name}[{key}]")
        else:
            out.append(part)
    return ".".join(out)


def under(path: str, prefix: str) -> bool:
    """Whether ``path`` is ``prefix`` itself or a record inside it."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def student_path(cohort: str, student: str) -> str:
    """The record path of a student: ``cohorts[<cohort>].students[<student>]``."""
    return record_path(("cohorts", cohort), ("students", student))
