"""How many of a set of date ranges are in force on each day: the arithmetic of capacity.

Used for host units (students in practice at once) and budget pots (positions
paid at once). Computed by a sweep over start and end events, so the cost
grows with the number of ranges, not the number of days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from mbprogram.domain.values import DateRange

__all__ = ["daily_counts", "overbooked", "peak"]

_ONE_DAY = dt.timedelta(days=1)


def daily_counts(ranges: Iterable[DateRange], within: DateRange) -> Iterator[tuple[DateRange, int]]:
    """Yield maximal runs of days inside ``within`` with the number of ``ranges`` covering them.

    Runs cover all of ``within`` in order, including runs with a count of 0.
    """
    events: dict[dt.date, int] = {}
    for r in ranges:
        if not r.overlaps(within):
            continue
        start = max(r.start, within.start)
        stop = min(r.end, within.end) + _ONE_DAY
        events[start] = events.get(start, 0) + 1
        events[stop] = events.get(stop, 0) - 1
    count = 0
    day = within.start
    for when in sorted(k for k, delta in events.items() if delta):
        if when > day:
            yield DateRange(day, min(when - _ONE_DAY, within.end)), count
            day = when
        count += events[when]
        if day > within.end:
            return
    if day <= within.end:
        yield DateRange(day, within.end), count


def peak(ranges: Iterable[DateRange], within: DateRange) -> int:
    """The largest number of ``ranges`` in force on any one day inside ``within``."""
    return max((n for _, n in daily_counts(ranges, within)), default=0)


def overbooked(
    ranges: Iterable[DateRange], capacity: int, within: DateRange
) -> list[tuple[DateRange, int]]:
    """The runs of days inside ``within`` on which more than ``capacity`` ranges are in force."""
    return [(run, n) for run, n in daily_counts(ranges, within) if n > capacity]
