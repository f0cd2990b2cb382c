"""The columns of an attendance sheet, long (a row per mark) or wide (a column per session).

A long sheet has a row per student and session, with the session in a
``session`` or ``date`` column and the mark in ``hours`` and ``status``. A
wide sheet, the one most coordinators keep by hand, has a row per student and a
column per session, headed by the session's date (``07.01.2026``). Both are
read by :func:`mbprogram.storage._sheet.read_sheet` with :data:`LAYOUT`; a
sheet whose header has date columns is a wide one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.services.attendance_rows import REFUSED
from mbprogram.storage._cells import is_date
from mbprogram.storage._sheet import MAX_CELL, Layout, Sheet
from mbprogram.storage._sheet import read_sheet as read_any_sheet

__all__ = ["HEADER_NAMES", "LAYOUT", "MAX_CELL", "Field", "read_sheet"]


class Field(enum.Enum):
    """What a column of the sheet holds."""

    STUDENT = "student"
    NAME = "name"
    SESSION = "session"
    DATE = "date"
    HOURS = "hours"
    STATUS = "status"
    REASON = "reason"
    NOTE = "note"  # read and ignored: a coordinator's own remarks


#: The header names accepted for each field, compared after
#: :func:`~mbprogram.storage._sheet.normalized`: the English name first, then
#: the Norwegian one, then other spellings.
HEADER_NAMES: Final[Mapping[Field, tuple[str, ...]]] = MappingProxyType(
    {
        Field.STUDENT: ("student", "deltaker", "student id", "deltaker id"),
        Field.NAME: ("name", "navn", "student name", "deltakernavn"),
        Field.SESSION: ("session", "økt", "session id", "økt id", "okt", "okt id"),
        Field.DATE: ("date", "dato"),
        Field.HOURS: ("hours", "timer"),
        Field.STATUS: ("status", "fravær", "absence", "fravaer"),
        Field.REASON: ("reason", "grunn", "årsak", "arsak"),
        Field.NOTE: ("note", "merknad", "comment", "kommentar", "topic", "tema"),
    }
)

#: An attendance sheet, long or wide.
LAYOUT: Final = Layout[Field](
    names=HEADER_NAMES,
    required=(((Field.STUDENT, Field.NAME), "problems.sheet.what.student"),),
    required_without_extras=(
        ((Field.SESSION, Field.DATE), "problems.sheet.what.session"),
        ((Field.HOURS, Field.STATUS), "problems.sheet.what.mark"),
    ),
    excluded_with_extras=frozenset(
        {Field.SESSION, Field.DATE, Field.HOURS, Field.STATUS, Field.REASON}
    ),
    ignored=frozenset({Field.NOTE}),
    is_extra=is_date,
    extra_what="reading.sheet.extra.session_date",
    refused=REFUSED,
)


def read_sheet(source: str | Iterable[str]) -> Sheet[Field]:
    """An attendance sheet's header and rows; see :func:`mbprogram.storage._sheet.read_sheet`."""
    return read_any_sheet(source, LAYOUT)
