"""Walking a record to blank some of its fields: the tool of erasure, retention and exports.

:func:`scrubbed` returns a record with fields replaced as a ``blank``
function says, looking inside nested records and tuples; records in which
nothing changes come back as the same object.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

__all__ = ["KEEP", "REMOVED", "Blank", "emptied", "is_free_text", "scrubbed"]

T = TypeVar("T")

#: What a required text (a name, an assignment's topic) reads once removed.
REMOVED: Final = "(fjernet)"


class _Keep:
    """The marker a ``blank`` function returns to keep a field (and look inside it)."""

    def __repr__(self) -> str:
        return "KEEP"


#: Returned by a ``blank`` function of :func:`scrubbed`: keep this field.
KEEP: Final = _Keep()

#: Decides a field's new value: ``blank(record type, field, value)``, or ``KEEP``.
Blank = Callable[[type, "attrs.Attribute[Any]", object], object]


def is_free_text(value: object) -> bool:
    """Whether ``value`` is text (a str that is not an enum member such as a benefit)."""
    return isinstance(value, str) and not isinstance(value, enum.Enum)


def emptied(attribute: attrs.Attribute[Any], value: object) -> object:
    """The value a removed field takes: its default, else :data:`REMOVED` for required text.

    Raises:
        TypeError: for a field that has neither (a programming error in the model).
    """
    default = attribute.default
    if default is not attrs.NOTHING and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default
    if is_free_text(value):
        return REMOVED
    raise TypeError(f"the field {attribute.name} has no empty value")


def scrubbed(record: T, blank: Blank) -> T:
    """``record`` with fields replaced as ``blank`` says, looking inside records and tuples.

    ``blank(cls, field, value)`` returns the field's new value, or :data:`KEEP`
    to keep it and scrub what it holds. Records that nothing changes in are
    returned as they are (the same object).
    """
    if isinstance(record, tuple):
        items = tuple(scrubbed(item, blank) for item in record)
        same = all(a is b for a, b in zip(items, record, strict=True))
        return record if same else items  # type: ignore[return-value]
    cls = type(record)
    if not attrs.has(cls):
        return record
    changes: dict[str, object] = {}
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        value = getattr(record, attribute.name)
        new = blank(cls, attribute, value)
        if new is KEEP:
            new = scrubbed(value, blank)
            if new is not value:
                changes[attribute.alias or attribute.name] = new
        elif new != value:
            changes[attribute.alias or attribute.name] = new
    return attrs.evolve(record, **changes) if changes else record  # type: ignore[misc]
