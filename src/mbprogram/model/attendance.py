"""Attendance at theory sessions, and approved make-up work."""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.values import Hours, SessionId

__all__ = [
    "Attendance",
    "ExcusedAbsence",
    "MakeUp",
    "Mark",
    "Present",
    "UnexcusedAbsence",
]


@attrs.frozen
class Present:
    """The student was there for ``hours`` (partial and late attendance are normal)."""

    hours: Hours = attrs.field(validator=v.instance(Hours))


@attrs.frozen
class ExcusedAbsence:
    """The student was away with a reason (kept private: it is often about health)."""

    reason: str = attrs.field(
        default="",
        validator=v.text(max_length=2_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen
class UnexcusedAbsence:
    """The student was away without a reason given."""


#: How a student is marked for one session.
Mark: TypeAlias = Present | ExcusedAbsence | UnexcusedAbsence


@attrs.frozen
class Attendance:
    """A student's mark for one session; recording it again corrects it."""

    session: SessionId = attrs.field(validator=v.record_id())
    mark: Mark = attrs.field(
        validator=v.instance(
            Present,
            ExcusedAbsence,
            UnexcusedAbsence,
            expected="Present, ExcusedAbsence or UnexcusedAbsence",
        )
    )

    @property
    def hours(self) -> Hours:
        """The hours attended: those of a :class:`Present` mark, else none."""
        return self.mark.hours if isinstance(self.mark, Present) else Hours.zero()


@attrs.frozen(kw_only=True)
class MakeUp:
    """Approved make-up work (kompensasjonsoppgave) that credits theory hours.

    Attributes:
        id: unique among the student's make-up records.
        hours: the hours it is credited with (more than 0).
        on: the day it was approved; it counts from then on.
        approver: who approved it (not the student).
        description: what the work was (free text, kept private).
    """

    id: str = attrs.field(validator=v.record_id())
    hours: Hours = attrs.field(validator=v.instance(Hours))
    on: dt.date = attrs.field(validator=v.a_date())
    approver: str = attrs.field(validator=v.text(max_length=200))
    description: str = attrs.field(
        default="",
        validator=v.text(max_length=2_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )

    def __attrs_post_init__(self) -> None:
        if self.hours.value <= 0:
            raise InvalidValueError.at("hours", "records.makeup.hours", hours=self.hours.value)
