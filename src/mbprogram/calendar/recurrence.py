"""The days a recurrence rule (RFC 5545) gives in a period, without public holidays.

A cohort's teaching follows a weekly pattern: ``FREQ=WEEKLY;BYDAY=TU,TH`` is
every Tuesday and Thursday, ``FREQ=WEEKLY;INTERVAL=2;BYDAY=WE`` every other
Wednesday. :func:`recurring_days` reads such a rule with
:func:`dateutil.rrule.rrulestr` and returns its days from a first to a last
day, leaving out Norwegian public holidays (:mod:`mbprogram.calendar.norway`)
unless they are kept, and any periods skipped (an autumn break).

>>> import datetime as dt
>>> [d.isoformat() for d in recurring_days(
...     "FREQ=WEEKLY;BYDAY=TH", dt.date(2026, 5, 7), dt.date(2026, 5, 21))]
['2026-05-07', '2026-05-21']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

import attrs
from dateutil.rrule import rrule, rrulestr

from mbprogram.calendar.norway import holiday_dates
from mbprogram.exceptions import InvalidValueError
from mbprogram.model.values import DateRange

__all__ = ["MAX_DAYS", "PlannedDays", "recurring_days", "recurring_plan"]

#: The most days a plan may hold (a daily rule over 27 years); more is surely a mistake.
MAX_DAYS: Final = 10_000
_FREQUENCIES: Final = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_FREQ: Final = re.compile(r"(?:^|[;:\s])FREQ=([A-Z]+)", re.IGNORECASE)
_INTERVAL: Final = re.compile(r"(?:^|[;:\s])INTERVAL=([^;]*)", re.IGNORECASE)
_MAX_INTERVAL: Final = 1_000
_RULE_TEXT: Final = re.compile(r"[A-Za-z0-9=;,:+\- ]{1,500}")
_REFUSED_PARTS: Final = re.compile(
    r"(?:^|[;:\s])(DTSTART|UNTIL|COUNT|BYHOUR|BYMINUTE|BYSECOND)[=:;]", re.IGNORECASE
)


@attrs.frozen
class PlannedDays:
    """The days of a plan, and the public holidays it left out.

    Attributes:
        days: the days the rule gives in the period, without holidays (unless
            kept) and skipped days, in order.
        holidays: the days the rule gives that are public holidays and were left out.
        skipped: the days the rule gives in the periods skipped.
    """

    days: tuple[dt.date, ...]
    holidays: tuple[dt.date, ...] = ()
    skipped: tuple[dt.date, ...] = ()


def recurring_days(
    rule: str,
    first: dt.date,
    last: dt.date,
    *,
    skip: Iterable[DateRange | dt.date] = (),
    keep_holidays: bool = False,
) -> tuple[dt.date, ...]:
    """The days ``rule`` gives from ``first`` to ``last`` inclusive; see :func:`recurring_plan`."""
    return recurring_plan(rule, first, last, skip=skip, keep_holidays=keep_holidays).days


def recurring_plan(
    rule: str,
    first: dt.date,
    last: dt.date,
    *,
    skip: Iterable[DateRange | dt.date] = (),
    keep_holidays: bool = False,
) -> PlannedDays:
    """The days ``rule`` gives from ``first`` to ``last``, and those it left out.

    Args:
        rule: an RFC 5545 recurrence rule (``FREQ=WEEKLY;BYDAY=TU,TH``, with or
            without ``RRULE:``), daily or less often. The period is given by
            ``first`` and ``last``, so the rule has no ``DTSTART``, ``UNTIL``
            or ``COUNT``.
        first: the first day of the period (the rule counts from it: an
            ``INTERVAL=2`` rule gives the weeks from ``first``'s).
        last: the last day of the period.
        skip: days, or periods of days, to leave out.
        keep_holidays: keep Norwegian public holidays (left out by default).

    Raises:
        InvalidValueError: naming ``rule`` if it is not such a rule, ``last``
            if it is before ``first``, ``skip`` if it holds something else than
            dates and date ranges, or ``rule`` if it gives more than
            :data:`MAX_DAYS` days.
    """
    period = _period(first, last)
    skipped_periods = _skips(skip)
    days = _rule_days(rule, period)
    holidays = holiday_dates(period.start.year, period.end.year) if not keep_holidays else set()
    kept: list[dt.date] = []
    left_holidays: list[dt.date] = []
    left_skipped: list[dt.date] = []
    for day in days:
        if any(day in p for p in skipped_periods):
            left_skipped.append(day)
        elif day in holidays:
            left_holidays.append(day)
        else:
            kept.append(day)
    return PlannedDays(tuple(kept), tuple(left_holidays), tuple(left_skipped))


def _period(first: object, last: object) -> DateRange:
    for name, value in (("first", first), ("last", last)):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InvalidValueError.at(name, "problems.field.date", got=type(value).__name__)
    try:
        return DateRange(first, last)  # type: ignore[arg-type]
    except InvalidValueError:
        raise InvalidValueError.at(
            "last", "records.calendar.last_before_first", last=last, first=first
        ) from None


def _skips(skip: Iterable[DateRange | dt.date]) -> tuple[DateRange, ...]:
    periods = []
    for i, item in enumerate(skip):
        if isinstance(item, DateRange):
            periods.append(item)
        elif isinstance(item, dt.date) and not isinstance(item, dt.datetime):
            periods.append(DateRange(item, item))
        else:
            raise InvalidValueError.at(
                f"skip[{i}]", "records.calendar.skip", got=type(item).__name__
            )
    return tuple(periods)


def _rule_days(rule: object, period: DateRange) -> list[dt.date]:
    if not isinstance(rule, str) or not _RULE_TEXT.fullmatch(rule.strip()):
        raise InvalidValueError.at("rule", "records.calendar.rule")
    text = rule.strip()
    frequency = _FREQ.search(text)
    if frequency is None or frequency.group(1).upper() not in _FREQUENCIES:
        raise InvalidValueError.at("rule", "records.calendar.frequency")
    part = _REFUSED_PARTS.search(text)
    if part is not None:
        raise InvalidValueError.at("rule", "records.calendar.part", part=part.group(1).upper())
    for interval in _INTERVAL.findall(text):
        if not interval.isdigit() or not 1 <= int(interval) <= _MAX_INTERVAL:
            raise InvalidValueError.at("rule", "records.calendar.interval", most=_MAX_INTERVAL)
    start = dt.datetime.combine(period.start, dt.time())
    try:
        recurrence = rrulestr(text, dtstart=start)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        recurrence = None
    if not isinstance(recurrence, rrule):
        raise InvalidValueError.at("rule", "records.calendar.not_a_rule")
    days: list[dt.date] = []
    # bounded by the period's end, so a rule that gives no day stops there too
    bounded = recurrence.replace(until=dt.datetime.combine(period.end, dt.time.max))
    for moment in bounded:
        day = moment.date()
        if not days or days[-1] != day:
            days.append(day)
        if len(days) > MAX_DAYS:
            raise InvalidValueError.at("rule", "records.calendar.too_many", most=MAX_DAYS)
    return days
