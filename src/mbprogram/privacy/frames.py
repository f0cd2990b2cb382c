"""The monthly analysis dataset as pandas DataFrames: one frame per kind of row.

Needs the ``pandas`` extra. One column per field, named by the field; a
nested record (a student's ``background``, kept only when asked for) is one
column per field of it, ``background_own`` …; months are pandas ``Period`` s
of frequency ``M``; enums are their values, percentages floats, sets of
roles sorted lists of their values.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from mbprogram.exceptions import MissingExtraError
from mbprogram.model.values import Percent
from mbprogram.privacy.rows import Month

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["frame_of"]


def frame_of(row_type: type[Any], rows: Iterable[object]) -> pd.DataFrame:
    """The ``rows`` (attrs records of ``row_type``) as a DataFrame, one column per field.

    Raises:
        MissingExtraError: if pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError("DataFrames", "pandas") from None
    types = typing.get_type_hints(row_type)
    columns: list[str] = []
    for field in attrs.fields(row_type):
        nested = _nested(types[field.name])
        columns.extend([field.name] if nested is None else _prefixed(field.name, nested))
    frame = pd.DataFrame([_flat(row, types) for row in rows], columns=columns)
    for name, annotation in types.items():
        if Month in _kinds(annotation):
            frame[name] = pd.PeriodIndex(
                [None if m is None else pd.Period(str(m), freq="M") for m in frame[name]],
                freq="M",
            )
    return frame


def _kinds(annotation: object) -> tuple[object, ...]:
    """The types a field may hold: ``Month | None`` holds a Month or None."""
    return typing.get_args(annotation) or (annotation,)


def _nested(annotation: object) -> type[Any] | None:
    """The attrs record type a field holds (``Background | None``), for a field holding one."""
    for kind in _kinds(annotation):
        if isinstance(kind, type) and attrs.has(kind) and kind not in {Month, Percent}:
            return kind
    return None


def _prefixed(name: str, nested: type[Any]) -> list[str]:
    return [f"{name}_{f.name}" for f in attrs.fields(nested)]


def _flat(row: Any, types: dict[str, Any]) -> dict[str, object]:
    flat: dict[str, object] = {}
    for field in attrs.fields(type(row)):
        value = getattr(row, field.name)
        nested = _nested(types[field.name])
        if nested is None:
            flat[field.name] = _plain(value)
            continue
        for f in attrs.fields(nested):
            flat[f"{field.name}_{f.name}"] = (
                None if value is None else _plain(getattr(value, f.name))
            )
    return flat


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Percent):
        return float(value.value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, frozenset | tuple):
        return sorted(str(_plain(v)) for v in value)
    return value
