"""The practice rule (docs/rules.md, Practice): practice weeks and the attended share, as of a date.

Practice is counted in ISO weeks (Monday to Sunday). For each placement and
week, *expected days* are the placement's practice weekdays in that week that
are not public holidays (not clipped to the placement's dates); *attended
days* are expected days inside the placement's dates, on or before the as-of
date, and not recorded absent. A week contributes
``min(1, Σ over placements of attended ÷ expected)``; a placement with no
expected days in a week adds nothing to it.

The arithmetic is exact and fast. A week's expected days number 1 to 7, so
every ratio is a whole multiple of 1/420 (420 = lcm(1, …, 7)) and the count is
kept as a whole number of 1/420 weeks. Weeks in the middle of a placement
with no holiday and no absence are whole weeks and are counted without looking
at their days; only the edge weeks and the weeks with a holiday or an absence
are looked at day by day.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Sequence
from fractions import Fraction

import attrs

from mbprogram.calendar.norway import holiday_dates
from mbprogram.model import validators as v
from mbprogram.model.placements import Placement

__all__ = [
    "WEEK_UNITS",
    "PracticeDays",
    "practice_days",
    "practice_units",
    "practice_weeks",
    "week_units",
]

#: Parts a week is counted in: every attended ÷ expected ratio is a multiple of 1/420.
WEEK_UNITS = 420

#: The last day there is (a Friday): the last week's weekend does not exist.
_LAST_ORDINAL = dt.date.max.toordinal()


@attrs.frozen
class _Span:
    """One placement's contribution: whole weeks ``first..last`` except ``partial``."""

    first: int
    last: int
    partial: dict[int, int]  # week -> units (attended * 420 // expected)


def _span(placement: Placement, as_of: dt.date) -> _Span | None:
    # Days are ordinals here (day 1 = Monday 0001-01-01), so that weekday and
    # week are integer arithmetic: weekday = (o - 1) % 7, week = (o - 1) // 7.
    start_date = placement.period.start
    stop_date = min(placement.period.end, as_of)
    if stop_date < start_date:
        return None
    start, stop = start_date.toordinal(), stop_date.toordinal()
    first, last = (start - 1) // 7, (stop - 1) // 7
    weekdays = sorted({int(d) for d in placement.weekdays})
    week_start, week_end = first * 7 + 1, min(last * 7 + 7, _LAST_ORDINAL)
    holidays = _holiday_ordinals(
        dt.date.fromordinal(week_start).year, dt.date.fromordinal(week_end).year
    )
    # Weeks that are not whole: the edge weeks, and weeks with a holiday on a
    # practice day or a recorded absence.
    special = {first, last}
    special.update(
        (h - 1) // 7 for h in holidays if week_start <= h <= week_end and (h - 1) % 7 in weekdays
    )
    absent = {a.day.toordinal() for a in placement.absences}
    special.update((a - 1) // 7 for a in absent if start <= a <= stop)
    partial = {
        week: week_units(week * 7 + 1, weekdays, holidays, start, stop, absent) for week in special
    }
    return _Span(first, last, partial)


def week_units(
    monday: int,
    weekdays: Sequence[int],
    holidays: frozenset[int],
    start: int,
    stop: int,
    absent: frozenset[int] | set[int],
) -> int:
    """One placement's parts of the week from ordinal ``monday``: attended * 420 // expected.

    Expected days are the ``weekdays`` (0 = Monday, in order) of the week that are
    not ``holidays``; attended days are expected days from ``start`` to ``stop``
    (ordinals) not ``absent``. Rounded down; 0 when no day is expected.
    """
    expected = attended = 0
    for offset in weekdays:
        day = monday + offset
        if day > _LAST_ORDINAL:
            break
        if day in holidays:
            continue
        expected += 1
        if start <= day <= stop and day not in absent:
            attended += 1
    return attended * WEEK_UNITS // expected if expected else 0


@functools.lru_cache(maxsize=256)
def _holiday_ordinals(first_year: int, last_year: int) -> frozenset[int]:
    return frozenset(d.toordinal() for d in holiday_dates(first_year, last_year))


def practice_units(placements: Iterable[Placement], as_of: dt.date) -> int:
    """Practice weeks as of ``as_of``, as a whole number of 1/420 weeks.

    Raises:
        InvalidValueError: if ``placements`` is not a collection of placements or
            ``as_of`` not a date.
    """
    checked = v.check_each(placements, Placement, "placements")
    return _practice_units(checked, v.check_date(as_of, "as_of"))


def _practice_units(placements: Iterable[Placement], as_of: dt.date) -> int:
    """:func:`practice_units` without the checks of its arguments."""
    spans = [s for p in placements if (s := _span(p, as_of)) is not None]
    if not spans:
        return 0
    if len(spans) == 1:
        (span,) = spans
        whole = span.last - span.first + 1 - len(span.partial)
        return whole * WEEK_UNITS + sum(span.partial.values())
    return _combined_units(spans)


def _combined_units(spans: Sequence[_Span]) -> int:
    """Units of several placements: a week counts at most once in full."""
    # Weeks covered by any span, counted once (union of intervals).
    covered = 0
    end = None
    for span in sorted(spans, key=lambda s: s.first):
        if end is None or span.first > end:
            covered += span.last - span.first + 1
            end = span.last
        elif span.last > end:
            covered += span.last - end
            end = span.last
    units = covered * WEEK_UNITS
    # A special week of one span is whole if another span has it as a whole week;
    # otherwise it counts the capped sum of the partial contributions.
    for week in {w for s in spans for w in s.partial}:
        total = 0
        whole = False
        for s in spans:
            if s.first <= week <= s.last:
                if week in s.partial:
                    total += s.partial[week]
                else:
                    whole = True
                    break
        if not whole:
            units -= WEEK_UNITS - min(WEEK_UNITS, total)
    return units


def practice_weeks(placements: Iterable[Placement], as_of: dt.date) -> Fraction:
    """Practice weeks earned as of ``as_of``, exactly.

    Raises:
        InvalidValueError: if ``placements`` is not a collection of placements or
            ``as_of`` not a date.
    """
    return Fraction(practice_units(placements, as_of), WEEK_UNITS)


@attrs.frozen
class PracticeDays:
    """Practice days inside the placements' dates up to a date: attended and expected."""

    attended: int
    expected: int

    @property
    def share(self) -> Fraction | None:
        """Attended over expected days; ``None`` when no day was expected yet."""
        return Fraction(self.attended, self.expected) if self.expected else None


def practice_days(placements: Iterable[Placement], as_of: dt.date) -> PracticeDays:
    """Count expected and attended practice days inside the placements' dates up to ``as_of``.

    Expected days are practice weekdays that are not public holidays; attended
    days are those not recorded absent. Overlapping placements are each counted.

    Raises:
        InvalidValueError: if ``placements`` is not a collection of placements or
            ``as_of`` not a date.
    """
    checked = v.check_each(placements, Placement, "placements")
    return _practice_days(checked, v.check_date(as_of, "as_of"))


def _practice_days(placements: Iterable[Placement], as_of: dt.date) -> PracticeDays:
    """:func:`practice_days` without the checks of its arguments."""
    attended = expected = 0
    for p in placements:
        start, stop = p.period.start, min(p.period.end, as_of)
        if stop < start:
            continue
        days = _weekday_count(start, stop, {int(d) for d in p.weekdays})
        days -= sum(
            1
            for h in holiday_dates(start.year, stop.year)
            if start <= h <= stop and h.weekday() in p.weekdays
        )
        expected += days
        attended += days - sum(1 for a in p.absences if a.day <= stop)
    return PracticeDays(attended=attended, expected=expected)


def _weekday_count(start: dt.date, stop: dt.date, weekdays: Collection[int]) -> int:
    """How many days from ``start`` to ``stop`` inclusive fall on ``weekdays``."""
    total = (stop - start).days + 1
    full, rest = divmod(total, 7)
    count = full * len(weekdays)
    first = start.weekday()
    count += sum(1 for i in range(rest) if (first + i) % 7 in weekdays)
    return count
