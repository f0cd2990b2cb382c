"""Strict cattrs hooks for plain values, lists and objects shaped unlike their class.

Every hook refuses a value of the wrong JSON kind instead of coercing it, and
raises :class:`~mbprogram.storage._problems.BadValueError` saying what was expected.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationError
from cattrs.errors import IterableValidationNote as _IndexNote

from mbprogram.exceptions import ValidationError
from mbprogram.model.hiring import Role
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.validators import is_storable_text
from mbprogram.model.values import DateRange, Hours, Percent, Weekday, plain_decimal
from mbprogram.storage._json_text import MAX_NUMBER_CHARACTERS
from mbprogram.storage._problems import BadValueError, UnknownKeysError

__all__ = [
    "built",
    "date",
    "date_time",
    "decimal_text",
    "enum_hook",
    "exact_key",
    "flag",
    "hours",
    "is_list_of",
    "list_hook",
    "national_id_hook",
    "percent",
    "period",
    "role_list",
    "roles",
    "snapshot_integer",
    "snapshot_text",
    "structure_object",
    "text",
    "weekday_list",
    "weekdays",
    "whole",
]

T = TypeVar("T")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WEEKDAYS: Final = {d.short: d for d in Weekday}


# -- primitive values ------------------------------------------------------------------


def text(o: object, _: object = None) -> str:
    """Text: a JSON string."""
    if type(o) is str:
        return o
    raise BadValueError("reading.expected.text", o, show=False)


def whole(o: object, _: object = None) -> int:
    """A whole number: a JSON integer (never a boolean or a decimal)."""
    if type(o) is int:
        return o
    raise BadValueError("reading.expected.whole", o)


#: The bound of a whole number in a history snapshot (``docs/format.md``).
SNAPSHOT_INTEGER_LIMIT: Final = 10**15
#: The longest text in a history snapshot: the longest text a record holds.
SNAPSHOT_TEXT_LENGTH: Final = 10_000


def snapshot_integer(o: object, _: object = None) -> int:
    """A whole number in a history snapshot: a JSON integer below 10^15 in magnitude."""
    value = whole(o)
    if -SNAPSHOT_INTEGER_LIMIT < value < SNAPSHOT_INTEGER_LIMIT:
        return value
    raise BadValueError("reading.expected.snapshot_whole", o)


def snapshot_text(o: object, _: object = None) -> str:
    """A text in a history snapshot: as a record's text, storable and at most 10,000 characters."""
    value = text(o)
    if not is_storable_text(value):
        raise BadValueError("problems.field.unstorable", show=False)
    if len(value) > SNAPSHOT_TEXT_LENGTH:
        raise BadValueError(
            "problems.field.too_long", show=False, most=SNAPSHOT_TEXT_LENGTH, n=len(value)
        )
    return value


def flag(o: object, _: object = None) -> bool:
    """true or false."""
    if type(o) is bool:
        return o
    raise BadValueError("reading.expected.flag", o)


@functools.lru_cache(maxsize=16_384)
def _parse_date(text: str) -> dt.date:
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise BadValueError("reading.expected.date", text)


def date(o: object, _: object = None) -> dt.date:
    """A date written ``YYYY-MM-DD``."""
    if type(o) is str:
        return _parse_date(o)
    raise BadValueError("reading.expected.date", o)


def date_time(o: object, _: object = None) -> dt.datetime:
    """A date and time in ISO 8601 with a UTC offset."""
    if type(o) is str and len(o) <= 40 and "T" in o:
        try:
            value = dt.datetime.fromisoformat(o)
        except ValueError:
            pass
        else:
            if value.utcoffset() is not None:
                return value
    raise BadValueError("reading.expected.datetime", o)


def _exact(o: object) -> object:
    """A JSON value an exact number may be read from: a decimal string, int or Decimal."""
    if type(o) is str and len(o) > MAX_NUMBER_CHARACTERS:
        raise BadValueError(
            "reading.expected.number_length", show=False, most=MAX_NUMBER_CHARACTERS, n=len(o)
        )
    if type(o) in (str, int, Decimal):
        return o
    raise BadValueError("reading.expected.exact", o)


def _value_object(make: Callable[[Any], T]) -> Callable[..., T]:
    def structure(o: object, _: object = None) -> T:
        try:
            return make(_exact(o))
        except ValidationError as e:  # a one-field value object: its message is the point
            raise BadValueError.wrapping(e.problems) from None

    return structure


_cached_hours = functools.lru_cache(maxsize=4_096, typed=True)(_value_object(Hours))
_percent = _value_object(Percent)


def exact_key(value: object) -> object:
    """A key that tells apart every two values a document can spell differently.

    Equal decimals are one key for a dict (``5.0 == 5.00``), but not for the
    checks of a value (at most 40 decimals): a decimal's key is its sign,
    digits and exponent, so a cache keyed by it never lends one spelling's
    verdict to another.
    """
    if type(value) is Decimal:
        return (Decimal, value.as_tuple())
    return (type(value), value)


@functools.lru_cache(maxsize=4_096)
def _cached_decimal_hours(spelled: str) -> Hours:
    return _value_object(Hours)(Decimal(spelled))  # a decimal's text is its exact spelling


def hours(o: object, _: object = None) -> Hours:
    """Hours from a decimal string or number (the same few values recur: they are cached,
    each spelling of a number by itself: :func:`exact_key`)."""
    if type(o) is Decimal:
        return _cached_decimal_hours(str(o))
    if type(o) in (str, int):
        return _cached_hours(o)
    raise BadValueError("reading.expected.exact", o)


def percent(o: object, _: object = None) -> Percent:
    """A percentage from a decimal string or number."""
    return _percent(o)


def decimal_text(value: Hours | Percent) -> str:
    """Hours or a percentage written exactly as a decimal string."""
    return plain_decimal(value.value)


def weekdays(o: object, _: object = None) -> frozenset[Weekday]:
    """Distinct weekdays written ``mon`` … ``sun``."""
    if type(o) is not list:
        raise BadValueError("reading.expected.weekday_list", o)
    days = [_WEEKDAYS.get(d) if type(d) is str else None for d in o]
    if None in days or len(set(days)) != len(days):
        raise BadValueError("reading.expected.weekdays", o)
    return frozenset(typing.cast("list[Weekday]", days))


def weekday_list(days: frozenset[Weekday]) -> list[str]:
    """Weekdays as ``mon`` … ``sun``, Monday first."""
    return list(_weekday_names(days))


@functools.cache  # at most 128 sets of weekdays
def _weekday_names(days: frozenset[Weekday]) -> tuple[str, ...]:
    return tuple(d.short for d in sorted(days))


def roles(o: object, _: object = None) -> frozenset[Role]:
    """Distinct roles by value."""
    choices = ", ".join(r.value for r in Role)
    if type(o) is not list:
        raise BadValueError("reading.expected.role_list", o, choices=choices)
    try:
        found = [Role(r) for r in o]
    except ValueError:
        raise BadValueError("reading.expected.roles", o, choices=choices) from None
    if len(set(found)) != len(found):
        raise BadValueError("reading.expected.roles_once", o)
    return frozenset(found)


def role_list(roles: frozenset[Role]) -> list[str]:
    """Roles by value, in the order the enumeration declares them."""
    order = list(Role)
    return [r.value for r in sorted(roles, key=order.index)]


def enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    """A hook reading a member of ``cls`` from its value."""
    choices = ", ".join(str(m.value) for m in cls)

    def structure(o: object, _: object = None) -> enum.Enum:
        if type(o) is str:
            try:
                return cls(o)
            except ValueError:
                pass
        raise BadValueError("reading.expected.one_of", o, choices=choices)

    return structure


def national_id_hook(*, allow_synthetic: bool) -> Callable[[object, object], NationalIdNumber]:
    """A hook reading a national identity number; synthetic ones only if allowed."""

    def structure(o: object, _: object = None) -> NationalIdNumber:
        if type(o) is not str:
            raise BadValueError("reading.expected.national_id", o)
        try:
            return NationalIdNumber(o, allow_synthetic=allow_synthetic)
        except ValidationError as e:  # its messages never quote the number
            raise BadValueError.wrapping(e.problems[:1]) from None

    return structure


def is_list_of(t: object) -> bool:
    """Whether ``t`` is ``tuple[X, ...]`` (written as a JSON list)."""
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def list_hook(t: Any, conv: cattrs.Converter) -> Callable[[object, object], tuple[Any, ...]]:
    """A hook reading a JSON list into ``tuple[X, ...]``, naming every bad item."""
    item_type = typing.get_args(t)[0]
    item = conv.get_structure_hook(item_type)

    def structure(o: object, _: object = None) -> tuple[Any, ...]:
        if type(o) is not list:
            raise BadValueError("reading.expected.list", o, show=False)
        with contextlib.suppress(Exception):  # else read again to name every bad item
            return tuple([item(x, item_type) for x in o])
        errors = []
        for i, x in enumerate(o):
            try:
                item(x, item_type)
            except Exception as e:
                e.add_note(_IndexNote(f"item {i}", i, item_type))
                errors.append(e)
        raise IterableValidationError("While structuring a list", errors, tuple)

    return structure


# -- objects shaped differently from their class -------------------------------------------


def structure_object(
    o: object,
    cl: type,
    fields: Mapping[str, Callable[[Any], Any]],
    required: Collection[str],
    *,
    built_later: bool = False,
) -> dict[str, Any]:
    """Read the keys of a JSON object with one function each, collecting every problem.

    With ``built_later``, unknown keys alone do not stop the reading: the
    caller passes ``o`` and ``fields`` to :func:`built`, which reports them
    together with whatever the record's constructor refuses.

    Raises:
        BadValueError: if ``o`` is not an object.
        ClassValidationError: naming each bad, missing or unknown key.
    """
    if type(o) is not dict:
        raise BadValueError("reading.expected.object", o, show=False)
    values: dict[str, Any] = {}
    errors: list[Exception] = []
    for key, parse in fields.items():
        if key in o:
            try:
                values[key] = parse(o[key])
            except Exception as e:  # collected, reported with its path
                e.add_note(AttributeValidationNote(key, key, None))
                errors.append(e)
        elif key in required:
            missing = KeyError(key)
            missing.add_note(AttributeValidationNote(key, key, None))
            errors.append(missing)
    if errors or not built_later:
        unknown = o.keys() - fields.keys()
        if unknown:
            errors.append(UnknownKeysError(unknown, fields))
    if errors:
        raise ClassValidationError(f"While structuring {cl.__name__}", errors, cl)
    return values


def built(
    cl: type[T],
    make: Callable[[], T],
    o: Mapping[str, Any] | None = None,
    fields: Collection[str] = (),
) -> T:
    """Call a record's constructor; report what it refuses and any unknown keys of ``o``.

    Raises:
        ClassValidationError: with every problem, so that they get the record's path.
    """
    errors: list[Exception] = []
    unknown = o.keys() - set(fields) if o is not None else set()
    if unknown:
        errors.append(UnknownKeysError(unknown, fields))
    try:
        record = make()
    except ValidationError as e:
        errors.append(e)
    if errors:
        raise ClassValidationError(f"While structuring {cl.__name__}", errors, cl) from None
    return record


def period(values: dict[str, Any]) -> DateRange:
    """Pop ``start`` and ``end`` from ``values`` into a date range."""
    return DateRange(values.pop("start"), values.pop("end"))
