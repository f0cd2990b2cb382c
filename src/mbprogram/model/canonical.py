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
import decimal
import enum
import re
import weakref
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

__all__ = ["canonical_bytes", "canonical_text"]


def canonical_text(value: object) -> str:
    """``value`` in the canonical form (see the module's docstring), as text.

    The texts of the records met last are kept while those records live
    (records are immutable), so the parts a new state shares with the old one,
    and the state an entry carries after when the next entry carries it
    before, are not walked again.

    Raises:
        TypeError: for a value the model does not hold (a float, an arbitrary object).
    """
    if value is None:
        return "null"
    if isinstance(value, enum.Enum):
        return canonical_text(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, Decimal):  # equal numbers, one text: 5, 5.0 and 5.00 are "5"
        return _quoted("0" if value == 0 else format(_exactly_normal(value), "f"))
    if isinstance(value, Fraction):
        return _quoted(f"{value.numerator}/{value.denominator}")
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return _quoted(value.astimezone(dt.UTC).isoformat())  # equal moments, one text
    if isinstance(value, dt.date):  # a naive datetime is a date too
        return _quoted(value.isoformat())
    if isinstance(value, tuple | list):
        return "[" + ",".join(canonical_text(item) for item in value) + "]"
    if isinstance(value, frozenset | set):
        members = sorted(canonical_text(item) for item in value)
        return "[" + ",".join(_quoted(m) for m in members) + "]"
    if attrs.has(type(value)):
        return _record_text(value)
    raise TypeError(f"no canonical form for a {type(value).__name__}")


def _exactly_normal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, never rounded (``normalize`` alone rounds to the
    context's 28 digits, which would give two different numbers one text)."""
    return value.normalize(decimal.Context(prec=max(1, len(value.as_tuple().digits))))


#: The canonical text of records met last and still alive, by id (with a reference to
#: check the id), oldest first; at most :data:`_KEEP` characters of them.
_KEPT: dict[int, tuple[weakref.ref[Any], str]] = {}
_KEEP: Final = 1 << 20
_kept_size = [0]


def _record_text(value: Any) -> str:
    key = id(value)
    kept = _KEPT.get(key)
    if kept is not None and kept[0]() is value:
        return kept[1]
    cls = type(value)
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(sorted(["@", *(a.name for a in attrs.fields(cls) if a.init)]))
    body = (
        "{"
        + ",".join(
            f"{_quoted(name)}:"
            + (_quoted(cls.__name__) if name == "@" else canonical_text(getattr(value, name)))
            for name in names
        )
        + "}"
    )
    try:
        ref = weakref.ref(value, lambda _: _forget(key))
    except TypeError:  # a record without a weak-reference slot is walked each time
        return body
    _forget(key)
    _KEPT[key] = (ref, body)
    _kept_size[0] += len(body)
    while _kept_size[0] > _KEEP:
        _forget(next(iter(_KEPT)))
    return body


def _forget(key: int) -> None:
    kept = _KEPT.pop(key, None)
    if kept is not None:
        _kept_size[0] -= len(kept[1])


def canonical_bytes(value: object) -> bytes:
    """The canonical bytes of ``value``: its :func:`canonical_text` in UTF-8."""
    return canonical_text(value).encode("utf-8", "surrogatepass")


_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What a text's canonical form escapes: the quote, the backslash and the control characters.
_ESCAPED: Final = re.compile('["\\\\\x00-\x1f]')


def _escape(found: re.Match[str]) -> str:
    ch = found.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def _quoted(text: str) -> str:
    if _ESCAPED.search(text) is None:  # most texts: nothing to escape
        return f'"{text}"'
    return '"' + _ESCAPED.sub(_escape, text) + '"'


#: The names an attrs class's canonical object holds, sorted (``@`` for the class's name).
_NAMES: dict[type, tuple[str, ...]] = {}
