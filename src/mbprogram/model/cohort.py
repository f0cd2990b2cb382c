"""Cohorts and their teaching sessions."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.values import CohortId, DateRange, Hours, SessionId, exact_arithmetic

__all__ = ["Cohort", "Schedule", "Session"]


@attrs.frozen(kw_only=True)
class Session:
    """One theory session of a cohort's teaching schedule.

    Attributes:
        id: the session's id, unique within its cohort.
        day: the day it is held.
        hours: its length; attendance at it is never credited with more.
        topic: what is taught.
    """

    id: SessionId = attrs.field(validator=v.record_id())
    day: dt.date = attrs.field(validator=v.a_date())
    hours: Hours = attrs.field(validator=v.instance(Hours))
    topic: str = attrs.field(default="", validator=v.text(max_length=500, allow_empty=True))

    def __attrs_post_init__(self) -> None:
        if self.hours.value <= 0:
            raise InvalidValueError.at("hours", "records.session.hours", hours=self.hours.value)


@attrs.frozen
class Schedule:
    """A cohort's session days in order, with the hours held up to each."""

    days: tuple[dt.date, ...]
    totals: tuple[Decimal, ...]  # totals[i] = hours of the first i sessions

    def hours_between(self, first: dt.date, last: dt.date) -> Decimal:
        """Hours of the sessions held from ``first`` to ``last`` inclusive."""
        if last < first:
            return Decimal(0)
        with exact_arithmetic():
            return (
                self.totals[bisect.bisect_right(self.days, last)]
                - self.totals[bisect.bisect_left(self.days, first)]
            )


@attrs.frozen(kw_only=True)
class Cohort:
    """An intake of students under one set of programme rules (norsk: kull).

    Attributes:
        id: the cohort's id.
        name: a display name, e.g. ``"MB 2026"``.
        rules: the completion requirements that apply to this cohort.
        period: the cohort's start and end dates; its sessions lie inside.
        places: how many students it has room for (enrolling more is warned).
        sessions: the teaching schedule, in the order given.
    """

    id: CohortId = attrs.field(validator=v.record_id())
    name: str = attrs.field(validator=v.text(max_length=200))
    rules: ProgrammeRules = attrs.field(validator=v.instance(ProgrammeRules))
    period: DateRange = attrs.field(validator=v.instance(DateRange))
    places: int = attrs.field(validator=v.between(1, 10_000))
    sessions: tuple[Session, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Session)
    )

    def __attrs_post_init__(self) -> None:
        problems = v.unique_ids(self.sessions, "session", "sessions")
        for i, session in enumerate(self.sessions):
            if session.day not in self.period:
                problems.append(
                    Problem.of(
                        f"sessions[{i}].day",
                        "records.cohort.session_outside",
                        day=session.day,
                        start=self.period.start,
                        end=self.period.end,
                    )
                )
        if problems:
            raise InvalidValueError(problems)

    @functools.cached_property
    def sessions_by_id(self) -> Mapping[SessionId, Session]:
        """The sessions keyed by id (read-only)."""
        return MappingProxyType({s.id: s for s in self.sessions})

    @functools.cached_property
    def session_table(self) -> Mapping[SessionId, tuple[dt.date, Decimal]]:
        """Each session's day and length in hours, keyed by id (read-only; for fast evaluation)."""
        return MappingProxyType({s.id: (s.day, s.hours.value) for s in self.sessions})

    @functools.cached_property
    def schedule(self) -> Schedule:
        """The sessions sorted by day with running totals of their hours (for fast sums)."""
        ordered = sorted(self.sessions, key=lambda s: s.day)
        totals = [Decimal(0)]
        with exact_arithmetic():
            for s in ordered:
                totals.append(totals[-1] + s.hours.value)
        return Schedule(tuple(s.day for s in ordered), tuple(totals))

    def session(self, session_id: SessionId) -> Session | None:
        """The session with ``session_id``, or ``None``."""
        return self.sessions_by_id.get(session_id)
