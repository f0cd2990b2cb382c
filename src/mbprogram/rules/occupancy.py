"""How many of a set of date ranges are in force on each day: the arithmetic of capacity.

Used for host units (students in practice at once) and budget pots (positions
paid at once). Computed by a sweep over start and end events, so the cost
grows with the number of ranges, not the number of days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from mbprogram.model.placements import Placement
from mbprogram.model.students import Student
from mbprogram.model.values import DateRange, HostUnitId, StudentId

__all__ = ["daily_counts", "merged", "occupied_days", "overbooked", "peak", "placements_at"]

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


def placements_at(
    students: Iterable[Student], unit_id: HostUnitId | None
) -> Iterator[tuple[Student, Placement, DateRange]]:
    """Every placement at a unit (at every unit if ``unit_id`` is None) with the days it
    takes a place.

    A placement takes a place from its start to its end, or to the day before
    its student withdrew, whichever comes first (a placement cut to nothing
    is left out).
    """
    for student in students:
        withdrawn = student.withdrawn_on
        for p in student.placements:
            if unit_id is not None and p.unit != unit_id:
                continue
            if withdrawn is None:
                yield student, p, p.period
            elif withdrawn > p.period.start:  # so the day before it exists
                yield (
                    student,
                    p,
                    DateRange(p.period.start, min(p.period.end, withdrawn - _ONE_DAY)),
                )


def occupied_days(
    students: Iterable[Student], unit_id: HostUnitId, *, except_student: StudentId | None = None
) -> list[DateRange]:
    """The days each student takes a place at a unit, one list entry per run of days.

    A student with two overlapping placements at the same unit takes one place.
    """
    by_student: dict[StudentId, list[DateRange]] = {}
    for student, _, days in placements_at(students, unit_id):
        if student.id != except_student:
            by_student.setdefault(student.id, []).append(days)
    return [r for ranges in by_student.values() for r in merged(ranges)]
