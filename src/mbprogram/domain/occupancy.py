"""How many of a set of date ranges are in force on each day: the arithmetic of capacity.

Used for host units (students in practice at once) and budget pots (positions
paid at once). Computed by a sweep over start and end events, so the cost
grows with the number of ranges, not the number of days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from mbprogram.domain.values import DateRange

__all__ = ["daily_counts", "merged", "overbooked", "peak"]

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
        events[start] = events.get(start, 0) + 1
        if r.end < within.end:  # a range running to the window's end needs no stop event
            stop = r.end + _ONE_DAY
            events[stop] = events.get(stop, 0) - 1
    count = 0
    day = within.start
    for when in sorted(k for k, delta in events.items() if delta):
        if when > day:
            yield DateRange(day, when - _ONE_DAY), count
            day = when
        count += events[when]
    yield DateRange(day, within.end), count


def peak(ranges: Iterable[DateRange], within: DateRange) -> int:
    """The largest number of ``ranges`` in force on any one day inside ``within``."""
    return max((n for _, n in daily_counts(ranges, within)), default=0)


def overbooked(
    ranges: Iterable[DateRange], capacity: int, within: DateRange
) -> list[tuple[DateRange, int]]:
    """The runs of days inside ``within`` on which more than ``capacity`` ranges are in force."""
    return [(run, n) for run, n in daily_counts(ranges, within) if n > capacity]


def merged(ranges: Iterable[DateRange]) -> list[DateRange]:
    """The union of ``ranges`` as sorted, disjoint, non-adjacent ranges."""
    out: list[DateRange] = []
    for r in sorted(ranges, key=lambda r: r.start):
        if out and (r.start - out[-1].end).days <= 1:  # overlapping or adjacent
            if r.end > out[-1].end:
                out[-1] = DateRange(out[-1].start, r.end)
        else:
            out.append(r)
    return out
