"""Norwegian public holidays and ISO-week arithmetic, for the practice rule.

The holidays are those of docs/rules.md: 1 January, Maundy Thursday, Good Friday,
Easter Sunday, Easter Monday, 1 May, 17 May, Ascension Day, Whit Sunday, Whit
Monday, 25 and 26 December. The movable ones are counted from Western Easter
Sunday as given by :func:`dateutil.easter.easter`. When two holidays fall on the
same day (17 May on Ascension Day in 2012, on Whit Monday in 2027) the day is
listed once, with both names.

Weeks are ISO weeks, Monday to Sunday.

>>> is_public_holiday(dt.date(2026, 4, 6))
True
>>> iso_weeks_between(dt.date(2025, 1, 3), dt.date(2025, 1, 6))
2
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final, TypeAlias

import attrs
from dateutil.easter import easter

from mbprogram.exceptions import InvalidValueError

__all__ = [
    "Holiday",
    "holidays_between",
    "is_public_holiday",
    "iso_weeks_between",
    "monday_of",
    "public_holidays",
]

_FIRST_YEAR: Final = 1
_LAST_YEAR: Final = 9999

_NAME_SEPARATOR: Final = " / "

#: A fixed day as ``(month, day)``, or a number of days after Easter Sunday.
_When: TypeAlias = tuple[int, int] | int

# In the order of docs/rules.md, which is also the order of the names when two
# holidays fall on the same day.
_RULES: Final[tuple[tuple[_When, str, str], ...]] = (
    ((1, 1), "Første nyttårsdag", "New Year's Day"),
    (-3, "Skjærtorsdag", "Maundy Thursday"),
    (-2, "Langfredag", "Good Friday"),
    (0, "Første påskedag", "Easter Sunday"),
    (1, "Andre påskedag", "Easter Monday"),
    ((5, 1), "Offentlig høytidsdag", "Labour Day"),
    ((5, 17), "Grunnlovsdag", "Constitution Day"),
    (39, "Kristi himmelfartsdag", "Ascension Day"),
    (49, "Første pinsedag", "Whit Sunday"),
    (50, "Andre pinsedag", "Whit Monday"),
    ((12, 25), "Første juledag", "Christmas Day"),
    ((12, 26), "Andre juledag", "Boxing Day"),
)


@attrs.frozen
class Holiday:
    """A Norwegian public holiday: its date and its names in bokmål and English.

    A day that is two holidays at once has both names joined with ``" / "``,
    e.g. ``"Grunnlovsdag / Andre pinsedag"``.
    """

    day: dt.date
    name_nb: str
    name_en: str


def public_holidays(year: int) -> tuple[Holiday, ...]:
    """Return the Norwegian public holidays of ``year``, sorted by date.

    There are 12, or 11 in a year where two fall on the same day.

    Raises:
        InvalidValueError: naming ``year`` when it is not a whole year from 1 to 9999.
    """
    _check_year(year)
    return _holidays_of(year)


def is_public_holiday(day: dt.date) -> bool:
    """Whether ``day`` is a Norwegian public holiday.

    Fast enough for loops over every day of a placement: each year's dates are
    computed once.
    """
    return day in _holiday_dates(day.year)


def holidays_between(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """Return the public holidays from ``start`` to ``end`` inclusive, sorted.

    The range may cross one or more year boundaries.

    Raises:
        InvalidValueError: naming ``end`` when it is before ``start``.
    """
    _check_order(start, end)
    return tuple(
        holiday.day
        for year in range(start.year, end.year + 1)
        for holiday in public_holidays(year)
        if start <= holiday.day <= end
    )


def monday_of(day: dt.date) -> dt.date:
    """Return the Monday of the ISO week (Monday to Sunday) that holds ``day``."""
    return day - dt.timedelta(days=day.weekday())


def iso_weeks_between(start: dt.date, end: dt.date) -> int:
    """Return how many ISO weeks (Monday to Sunday) ``start`` to ``end`` inclusive touches.

    A Friday to the following Monday touches 2 weeks; any single day touches 1.

    Raises:
        InvalidValueError: naming ``end`` when it is before ``start``.
    """
    _check_order(start, end)
    return (monday_of(end) - monday_of(start)).days // 7 + 1


def _check_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValueError.at("year", "records.calendar.whole_year", got=type(year).__name__)
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise InvalidValueError.at(
            "year", "records.calendar.year", first=_FIRST_YEAR, last=_LAST_YEAR, got=year
        )


def _check_order(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise InvalidValueError.at("end", "problems.value.end_before_start", end=end, start=start)


@functools.lru_cache(maxsize=1024)
def _holidays_of(year: int) -> tuple[Holiday, ...]:
    easter_sunday = easter(year)
    names: dict[dt.date, tuple[list[str], list[str]]] = {}
    for when, name_nb, name_en in _RULES:
        if isinstance(when, int):
            day = easter_sunday + dt.timedelta(days=when)
        else:
            day = dt.date(year, *when)
        names_nb, names_en = names.setdefault(day, ([], []))
        names_nb.append(name_nb)
        names_en.append(name_en)
    return tuple(
        Holiday(day, _NAME_SEPARATOR.join(names_nb), _NAME_SEPARATOR.join(names_en))
        for day, (names_nb, names_en) in sorted(names.items())
    )


@functools.lru_cache(maxsize=1024)
def _holiday_dates(year: int) -> frozenset[dt.date]:
    return frozenset(holiday.day for holiday in public_holidays(year))


@functools.lru_cache(maxsize=1024)
def holiday_dates(first_year: int, last_year: int) -> frozenset[dt.date]:
    """The public holidays of the years ``first_year`` to ``last_year``, as a set (cached).

    For loops that test many days: membership is one hash lookup.

    Raises:
        InvalidValueError: naming ``year`` when a year is not from 1 to 9999.
    """
    return frozenset().union(*(_holiday_dates(y) for y in range(first_year, last_year + 1)))
