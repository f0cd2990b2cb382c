"""Value objects: exact hours, percentages, date ranges, weekdays, change stamps.

All are immutable and validated when made. Numbers are exact: hours and
percentages are :class:`~decimal.Decimal`, never binary floats, so 139.99 hours
is short of 140 and 140 is not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import enum
import functools
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Self, TypeAlias

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v

__all__ = [
    "WORKDAYS",
    "CohortId",
    "DateRange",
    "HostUnitId",
    "Hours",
    "Percent",
    "PlacementId",
    "SessionId",
    "Stamp",
    "StudentId",
    "Weekday",
    "exact_arithmetic",
    "exact_decimal",
    "plain_decimal",
]

#: What an exact number is made from: an int, a decimal string or a Decimal (never a float).
Number: TypeAlias = Decimal | int | str

#: Opaque ids: 1-64 of ``[A-Za-z0-9._:-]``, starting with a letter or digit.
CohortId: TypeAlias = str
StudentId: TypeAlias = str
SessionId: TypeAlias = str
HostUnitId: TypeAlias = str
PlacementId: TypeAlias = str
EmploymentId: TypeAlias = str
BudgetPotId: TypeAlias = str
OutcomeId: TypeAlias = str

#: Arithmetic and formatting without rounding: the default context rounds to 28
#: digits, which would turn 139.99999999999999999999999999999 hours into 140.
_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def exact_arithmetic() -> contextlib.AbstractContextManager[decimal.Context]:
    """A context in which Decimal arithmetic never rounds: ``with exact_arithmetic(): a + b``.

    Sums of hours need it: the default context keeps 28 digits, and valid hours
    may have up to 55.
    """
    return decimal.localcontext(_EXACT)


#: Bounds on exact numbers: large enough for any real count of hours, small enough
#: that a hostile document cannot make the library build gigabyte-long strings.
_MAX_DIGITS = 15
_MAX_PLACES = 40


def exact_decimal(value: object, field: str, *, unit: str = "") -> Decimal:
    """Turn an int, a decimal string or a Decimal into a finite Decimal.

    Binary floats are refused: ``0.1 + 0.2`` is not ``0.3``, and a requirement
    decided on a float could pass a student who is a hair short.

    Raises:
        InvalidValueError: naming ``field`` when the value is not an exact number.
    """
    example = Phrase(
        "records.value.example",
        example=f"{field.rsplit('.', maxsplit=1)[-1].title()}('3.5')" if unit else "'3.5'",
    )
    if isinstance(value, bool):
        raise InvalidValueError([Problem.of(field, "problems.value.bool", value=str(value))])
    if isinstance(value, float):
        raise InvalidValueError(
            [Problem.of(field, "problems.value.float", value=repr(value), example=example)]
        )
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            # the text is never quoted: it may be a reason written in the wrong field
            raise InvalidValueError([Problem.of(field, "problems.value.not_a_number")]) from None
    else:
        raise InvalidValueError(
            [Problem.of(field, "problems.value.kind", type=type(value).__name__)]
        )
    if not d.is_finite():
        what = Term("problems.value.nan" if d.is_nan() else "problems.value.infinity")
        raise InvalidValueError([Problem.of(field, "problems.value.infinite", what=what)])
    exponent = d.as_tuple().exponent
    too_fine = isinstance(exponent, int) and exponent < -_MAX_PLACES
    if d and (d.adjusted() >= _MAX_DIGITS or too_fine):
        raise InvalidValueError(
            [Problem.of(field, "problems.value.size", digits=_MAX_DIGITS, places=_MAX_PLACES)]
        )
    return d


def _hours(value: Number) -> Decimal:
    """Hours from an int, a decimal string or a Decimal (what :class:`Hours` accepts)."""
    return exact_decimal(value, "hours", unit="h")


@attrs.frozen(order=True)
class Hours:
    """A non-negative, exact number of hours.

    >>> Hours("139.99") < Hours(140)
    True
    >>> Hours("1.5") + Hours(2)
    Hours('3.5')
    """

    value: Decimal = attrs.field(converter=_hours)

    def __attrs_post_init__(self) -> None:
        if self.value < 0:
            raise InvalidValueError([Problem.of("hours", "problems.value.hours", value=self.value)])

    @classmethod
    def zero(cls) -> Self:
        """No hours."""
        return cls(0)

    @classmethod
    def _computed(cls, value: Decimal) -> Self:
        """Hours computed exactly from valid hours, such as their sum or difference.

        Not checked again: the bounds of :func:`exact_decimal` are for input, and a
        sum of valid hours may pass them.
        """
        hours = object.__new__(cls)
        object.__setattr__(hours, "value", value)
        return hours

    def __add__(self, other: Hours) -> Hours:
        if not isinstance(other, Hours):
            return NotImplemented
        return Hours._computed(_EXACT.add(self.value, other.value))

    def __radd__(self, other: object) -> Hours:
        if other == 0:  # lets sum() start from 0
            return self
        return NotImplemented

    def __sub__(self, other: Hours) -> Hours:
        """The difference, never below zero (what remains, not a debt)."""
        if not isinstance(other, Hours):
            return NotImplemented
        return Hours._computed(max(_EXACT.subtract(self.value, other.value), Decimal(0)))

    def __repr__(self) -> str:
        return f"Hours('{plain_decimal(self.value)}')"

    def __str__(self) -> str:
        return f"{plain_decimal(self.value)} h"

    def __float__(self) -> float:
        return float(self.value)


@functools.lru_cache(maxsize=4096)
def plain_decimal(d: Decimal) -> str:
    """Format a Decimal exactly, without exponent and without trailing zeros.

    Equal numbers give the same text (``6.50`` and ``6.5`` read ``6.5``), so the
    text of each value is made once and kept: documents repeat a few values.
    """
    s = format(_EXACT.normalize(d), "f")
    return "0" if s in ("-0", "") else s


def _percent(value: Number) -> Decimal:
    """A percentage from an int, a decimal string or a Decimal (what :class:`Percent` accepts)."""
    return exact_decimal(value, "percent")


@attrs.frozen(order=True)
class Percent:
    """An exact percentage between 0 and 100 inclusive.

    >>> Percent("80").fraction
    Fraction(4, 5)
    """

    value: Decimal = attrs.field(converter=_percent)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.value <= 100:
            raise InvalidValueError(
                [Problem.of("percent", "problems.value.percent", value=self.value)]
            )

    @property
    def fraction(self) -> Fraction:
        """The share as an exact fraction of one."""
        return Fraction(self.value) / 100

    def __repr__(self) -> str:
        return f"Percent('{plain_decimal(self.value)}')"

    def __str__(self) -> str:
        return f"{plain_decimal(self.value)} %"


@attrs.frozen
class DateRange:
    """An inclusive range of days, ``start`` to ``end``; ``end`` is never before ``start``."""

    start: dt.date = attrs.field(validator=v.a_date())
    end: dt.date = attrs.field(validator=v.a_date())

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                [
                    Problem.of(
                        "end", "problems.value.end_before_start", end=self.end, start=self.start
                    )
                ]
            )

    def __contains__(self, day: object) -> bool:
        # a datetime is a date subclass but cannot be compared with one
        return (
            isinstance(day, dt.date)
            and not isinstance(day, dt.datetime)
            and self.start <= day <= self.end
        )

    def __len__(self) -> int:
        return (self.end - self.start).days + 1

    def __iter__(self) -> Iterator[dt.date]:
        day, one = self.start, dt.timedelta(days=1)
        yield day
        while day < self.end:  # never a day past date.max
            day += one
            yield day

    def overlaps(self, other: DateRange) -> bool:
        """Whether the two ranges share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


class Weekday(enum.IntEnum):
    """A day of the week, Monday = 0 as in :meth:`datetime.date.weekday`."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    @property
    def short(self) -> str:
        """The three-letter English name used in documents: ``mon`` … ``sun``."""
        return self.name[:3].lower()

    @classmethod
    def from_short(cls, name: str) -> Weekday:
        """Parse ``mon`` … ``sun`` (any case)."""
        if isinstance(name, str):
            for day in cls:
                if day.short == name.strip().lower():
                    return day
        raise InvalidValueError.at("weekday", "records.weekday", got=v.described_value(name))


#: Monday to Friday.
WORKDAYS: frozenset[Weekday] = frozenset(Weekday(i) for i in range(5))


@attrs.frozen
class Stamp:
    """Who made a change and when: kept with every change in the history.

    The library never reads the clock; the caller says when.
    """

    actor: str = attrs.field(validator=v.text(max_length=200))
    at: dt.datetime = attrs.field(validator=v.aware_datetime())
