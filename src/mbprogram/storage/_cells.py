"""Parsing single cells of a sheet: hours, counts, dates and weekdays, Norwegian or ISO.

Nothing here knows the register or which sheet a cell is from. Each parser
takes a cell's stripped text and returns its value or raises :class:`CellError`,
whose message says what was expected and never quotes the cell (it may be a
name or a reason written in the wrong column).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.model.values import Hours, Weekday
from mbprogram.storage._problems import KeyedError
from mbprogram.storage._sheet import normalized

__all__ = [
    "WEEKDAY_NAMES",
    "CellError",
    "is_date",
    "parse_count",
    "parse_date",
    "parse_hours",
    "parse_weekdays",
]

_NUMBER: Final = re.compile(r"([+-]?)([0-9]{1,6})(?:[.,]([0-9]{1,6}))?")
_COUNT: Final = re.compile(r"\+?([0-9]{1,6})(?:[.,]0{1,6})?")
_NORWEGIAN_DATE: Final = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WEEKDAY_SEPARATORS: Final = re.compile(r"[\s,;/+]+")

#: The names accepted for each weekday, compared after they are normalized:
#: Norwegian and English, short and whole.
WEEKDAY_NAMES: Final[Mapping[Weekday, tuple[str, ...]]] = MappingProxyType(
    {
        Weekday.MONDAY: ("man", "mandag", "mon", "monday", "ma"),
        Weekday.TUESDAY: ("tir", "tirsdag", "tue", "tuesday", "ti", "tu"),
        Weekday.WEDNESDAY: ("ons", "onsdag", "wed", "wednesday", "on", "we"),
        Weekday.THURSDAY: ("tor", "torsdag", "thu", "thursday", "to", "th"),
        Weekday.FRIDAY: ("fre", "fredag", "fri", "friday", "fr"),
        Weekday.SATURDAY: ("lør", "lørdag", "sat", "saturday", "lor", "lordag", "lø", "sa"),
        Weekday.SUNDAY: ("søn", "søndag", "sun", "sunday", "son", "sondag", "sø", "su"),
    }
)
_WEEKDAY_OF: Final = {name: day for day, names in WEEKDAY_NAMES.items() for name in names}


class CellError(KeyedError):
    """A cell's text is not a value of its column; the message says what was expected.

    The message is a catalogue key (``CellError("reading.cell.hours")``); :meth:`problem`
    gives it at the cell's path, in any language.
    """


def parse_hours(text: str) -> Hours:
    """Hours from ``3,5`` (decimal comma) or ``3.5`` (decimal point); exact, never a float.

    Raises:
        CellError: for anything else (``1e3``, ``3,5,0``, ``inf``) or a negative number;
            its message never quotes the cell (it may be a reason in the wrong column).
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellError("reading.cell.hours")
    sign, whole, fraction = match.groups()
    if sign == "-" and (whole.strip("0") or (fraction or "").strip("0")):
        raise CellError("reading.cell.negative")
    return Hours(f"{whole}.{fraction}" if fraction else whole)


def parse_count(text: str) -> int:
    """A whole number from ``12`` (or ``12,0`` / ``12.0``, as a spreadsheet may write it).

    Raises:
        CellError: for anything else; the cell is not quoted.
    """
    match = _COUNT.fullmatch(text)
    if match is None:
        raise CellError("reading.cell.count")
    return int(match.group(1))


def parse_date(text: str) -> dt.date:
    """A date from ``07.01.2026`` or ``7.1.2026`` (Norwegian) or ``2026-01-07`` (ISO).

    Raises:
        CellError: for any other form, or a day that is not in the calendar; its
            message never quotes the cell.
    """
    if match := _NORWEGIAN_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise CellError("reading.cell.date")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError("reading.cell.calendar") from None


def is_date(text: str) -> bool:
    """Whether ``text`` is a date :func:`parse_date` reads."""
    try:
        parse_date(text.strip())
    except CellError:
        return False
    return True


def parse_weekdays(text: str) -> frozenset[Weekday]:
    """Weekdays from ``man,ons,tor`` or ``mon,wed,thu`` (whole names too, any case).

    The days may be separated by commas, spaces, ``/`` or ``+``.

    Raises:
        CellError: if a part is not a weekday, or there is none; the cell is not quoted.
    """
    parts = [p for p in _WEEKDAY_SEPARATORS.split(normalized(text).replace(".", "")) if p]
    days = {_WEEKDAY_OF.get(p) for p in parts}
    if not parts or None in days:
        raise CellError("reading.cell.weekdays")
    return frozenset(d for d in days if d is not None)
