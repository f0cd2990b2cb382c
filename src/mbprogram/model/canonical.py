"""One canonical byte form of a record, the same on every machine: what the history's chain hashes.

The form is JSON with sorted keys, no spaces and UTF-8 text, of the record's
fields walked in the model's own terms (not a document format's), so that a
change of how a document spells a field never changes a chain value:

- an attrs record is an object ``{"@": "<ClassName>", "<field>": …}`` of the
  fields its constructor takes;
- ``None``, booleans, integers and text are themselves; a decimal is its text
  in its shortest form (``7.50`` is ``"7.5"``), a fraction ``"n/d"``; a date
  its ISO text, a date-time with a time zone the ISO text of the same moment in UTC,
  so that records equal in the model have one canonical form;
- an enumeration member is its value;
- a tuple or list is a list; a set is a list of its members' canonical texts, sorted.

>>> canonical_bytes((1, "å", None))
b'[1,"\\xc3\\xa5",null]'
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

__all__ = ["canonical_bytes", "canonical_value"]


def canonical_value(value: object) -> Any:
    """``value`` as plain JSON values in the canonical form (see the module's docstring).

    Raises:
        TypeError: for a value the model does not hold (a float, an arbitrary object).
    """
    if value is None or isinstance(value, bool | int | str):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return canonical_value(value.value)
    if isinstance(value, Decimal):  # equal numbers, one text: 5, 5.0 and 5.00 are "5"
        return "0" if value == 0 else format(value.normalize(), "f")
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return value.astimezone(dt.UTC).isoformat()  # equal moments, one text
    if isinstance(value, dt.date):  # a naive datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [canonical_value(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(_text(canonical_value(item)) for item in value)
    cls = type(value)
    if attrs.has(cls):
        body: dict[str, Any] = {"@": cls.__name__}
        for a in attrs.fields(cls):
            if a.init:
                body[a.name] = canonical_value(getattr(value, a.name))
        return body
    raise TypeError(f"no canonical form for a {cls.__name__}")


def canonical_bytes(value: object) -> bytes:
    """The canonical bytes of ``value``: its :func:`canonical_value` as compact, sorted JSON."""
    return _text(canonical_value(value)).encode("utf-8", "surrogatepass")


def _text(plain: Any) -> str:
    """Compact JSON with sorted keys: ``null``, ``true``, numbers, escaped text, lists, objects."""
    if plain is None:
        return "null"
    if plain is True:
        return "true"
    if plain is False:
        return "false"
    if isinstance(plain, int):
        return str(int(plain))
    if isinstance(plain, str):
        return _quoted(plain)
    if isinstance(plain, list):
        return "[" + ",".join(_text(item) for item in plain) + "]"
    items = sorted(plain.items())
    return "{" + ",".join(f"{_quoted(k)}:{_text(v)}" for k, v in items) + "}"


_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " ":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
