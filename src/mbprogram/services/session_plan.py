"""Plan a cohort's teaching schedule from a recurrence rule: every session at once, once.

``FREQ=WEEKLY;BYDAY=TU,TH`` from 5 January to 18 June is every Tuesday and
Thursday of the spring term: :func:`plan_sessions` works out the days
(:func:`mbprogram.calendar.recurrence.recurring_plan`: Norwegian public
holidays are left out unless kept, and any periods skipped), makes a session of
each, and adds those the cohort does not have yet. A session's id is its date
(``2026-01-06``), so planning the same schedule again adds nothing twice, and a
day on which the cohort has a session already (added by hand, under another id)
is left as it is.

Every session is added through the register's own change
(:meth:`~mbprogram.register.aggregate.Register.schedule_session`, one history
entry each), to a copy first: if one is refused (a day outside the cohort's
period) nothing is added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from mbprogram.calendar.recurrence import recurring_plan
from mbprogram.exceptions import InvalidValueError
from mbprogram.model.cohort import Session
from mbprogram.model.values import CohortId, DateRange, Hours, SessionId, Stamp
from mbprogram.register.aggregate import Register

__all__ = ["SessionPlan", "plan_sessions", "planned_session_id"]


def planned_session_id(day: dt.date) -> SessionId:
    """The id of the session a plan makes for ``day``: its ISO date (``2026-01-06``)."""
    return day.isoformat()


@attrs.frozen(kw_only=True)
class SessionPlan:
    """What a plan added to a cohort's schedule (in a dry run: what it would add).

    Attributes:
        cohort: the cohort's id.
        added: the sessions added (or that would be), in date order.
        scheduled: the days of the plan on which the cohort had a session already.
        holidays: the days of the rule left out as public holidays.
        skipped: the days of the rule left out as skipped.
        dry_run: whether the register was left as it was.
    """

    cohort: CohortId
    added: tuple[Session, ...]
    scheduled: tuple[dt.date, ...] = ()
    holidays: tuple[dt.date, ...] = ()
    skipped: tuple[dt.date, ...] = ()
    dry_run: bool = False

    def as_dict(self) -> dict[str, object]:
        """The plan as a JSON-ready dict: ISO dates, hours as text."""
        return {
            "cohort": self.cohort,
            "added": [
                {
                    "id": s.id,
                    "day": s.day.isoformat(),
                    "hours": str(s.hours.value),
                    "topic": s.topic,
                }
                for s in self.added
            ],
            "scheduled": [d.isoformat() for d in self.scheduled],
            "holidays": [d.isoformat() for d in self.holidays],
            "skipped": [d.isoformat() for d in self.skipped],
            "dry_run": self.dry_run,
        }


def plan_sessions(
    register: Register,
    cohort: CohortId,
    *,
    rule: str,
    first: dt.date,
    last: dt.date,
    hours: Hours,
    by: Stamp,
    topic: str = "",
    skip: Iterable[DateRange | dt.date] = (),
    keep_holidays: bool = False,
    dry_run: bool = False,
) -> SessionPlan:
    """Add a session on each day ``rule`` gives from ``first`` to ``last``: all or none.

    Args:
        register: the register holding the cohort.
        cohort: the cohort whose schedule it is.
        rule: an RFC 5545 recurrence rule, such as ``FREQ=WEEKLY;BYDAY=TU,TH``
            (:func:`~mbprogram.calendar.recurrence.recurring_plan`).
        first: the plan's first day.
        last: the plan's last day.
        hours: each session's length.
        by: who plans, and when; each session added carries this stamp.
        topic: each session's topic.
        skip: days, or periods of days, with no teaching (a break).
        keep_holidays: plan sessions on public holidays too.
        dry_run: work out the plan but add nothing.

    Returns:
        The sessions added, the days that had a session already, and the days left out.

    Raises:
        NotFoundError: if the cohort is not in the register.
        InvalidValueError: for a rule, period, hours or skip that is not valid.
        RefusedChangeError: if a session cannot be added (a day outside the
            cohort's period, a stamp that is not a Stamp); nothing was added.
    """
    if not isinstance(hours, Hours):
        raise InvalidValueError.at(
            "hours", "problems.field.expected", expected="Hours", got=type(hours).__name__
        )
    the_cohort = register.cohort(cohort)
    plan = recurring_plan(rule, first, last, skip=skip, keep_holidays=keep_holidays)
    days = {s.day for s in the_cohort.sessions}
    ids = {s.id for s in the_cohort.sessions}
    new = tuple(
        Session(id=planned_session_id(day), day=day, hours=hours, topic=topic)
        for day in plan.days
        if day not in days and planned_session_id(day) not in ids
    )
    work = register.copy()
    for session in new:
        work.schedule_session(cohort, session, by=by)
    if not dry_run:
        for session in new:  # accepted by an identical copy, in this order: none can fail here
            register.schedule_session(cohort, session, by=by)
    added = {s.day for s in new}
    return SessionPlan(
        cohort=cohort,
        added=new,
        scheduled=tuple(d for d in plan.days if d not in added),
        holidays=plan.holidays,
        skipped=plan.skipped,
        dry_run=dry_run,
    )
