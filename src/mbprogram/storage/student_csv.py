"""Import a cohort's class list from a CSV sheet: every row, or none.

One row is one student::

    deltaker;navn;fødselsnummer;e-post;telefon;status;dato
    S-01;Ola Testesen;;ola@example.org;+47 400 00 001;aktiv;05.01.2026

The columns are the student's id (``student``/``deltaker``, required), name
(``name``/``navn``), national identity number (``national id``/``fødselsnummer``),
``email``/``e-post``, ``phone``/``telefon``, ``status`` and the day it took effect
(``date``/``dato``); ``docs/csv.md`` lists every accepted header and status word.
The sheet is read as the attendance sheet is (:mod:`mbprogram.storage._sheet`),
and the rows are applied by
:func:`mbprogram.services.student_import.import_student_rows`. No cell is ever
quoted back: names, numbers and contact details are never shown in a message.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.model.students import Status
from mbprogram.model.values import CohortId, Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.sheet_import import SheetImport
from mbprogram.services.student_import import REFUSED, StudentRow, import_student_rows
from mbprogram.storage._cells import CellError, parse_date
from mbprogram.storage._record_cells import columns_of, given, parsed
from mbprogram.storage._sheet import Layout, Source, normalized, read_sheet, sheet_text

__all__ = [
    "HEADER_NAMES",
    "STATUS_WORDS",
    "StudentField",
    "import_students",
    "import_students_text",
    "parse_status",
    "student_rows",
]


class StudentField(enum.Enum):
    """What a column of a class list holds."""

    STUDENT = "student"
    NAME = "name"
    NATIONAL_ID = "national_id"
    EMAIL = "email"
    PHONE = "phone"
    STATUS = "status"
    DATE = "date"
    NOTE = "note"


#: The header names accepted for each field: English, Norwegian, other spellings.
HEADER_NAMES: Final[Mapping[StudentField, tuple[str, ...]]] = MappingProxyType(
    {
        StudentField.STUDENT: ("student", "deltaker", "student id", "deltaker id", "id"),
        StudentField.NAME: ("name", "navn", "student name", "deltakernavn"),
        StudentField.NATIONAL_ID: (
            "national id",
            "fødselsnummer",
            "fnr",
            "personnummer",
            "national identity number",
            "fodselsnummer",
        ),
        StudentField.EMAIL: ("email", "e post", "epost", "e mail", "mail"),
        StudentField.PHONE: ("phone", "telefon", "mobil", "mobile", "tlf"),
        StudentField.STATUS: ("status",),
        StudentField.DATE: ("date", "dato", "from", "fra", "status date", "gjelder fra"),
        StudentField.NOTE: ("note", "merknad", "comment", "kommentar"),
    }
)

#: The words accepted for each status, compared after they are normalized.
STATUS_WORDS: Final[Mapping[Status, tuple[str, ...]]] = MappingProxyType(
    {
        Status.APPLICANT: ("søker", "applicant", "soker"),
        Status.ADMITTED: ("tatt opp", "admitted", "opptatt"),
        Status.ACTIVE: ("aktiv", "active", "i gang"),
        Status.ON_LEAVE: ("permisjon", "on leave", "i permisjon"),
        Status.WITHDRAWN: ("sluttet", "withdrawn", "avbrutt", "trukket"),
        Status.GRADUATED: ("uteksaminert", "graduated", "fullført"),
    }
)
_STATUS_OF: Final = {word: status for status, words in STATUS_WORDS.items() for word in words}

_LAYOUT: Final = Layout[StudentField](
    names=HEADER_NAMES,
    required=(((StudentField.STUDENT,), "problems.sheet.what.student"),),
    ignored=frozenset({StudentField.NOTE}),
    refused=REFUSED,
)


def parse_status(text: str) -> Status:
    """The status a status cell holds (``aktiv``, ``active``, ``permisjon`` …).

    Raises:
        CellError: for an unknown word (the cell is not quoted).
    """
    status = _STATUS_OF.get(normalized(text))
    if status is None:
        raise CellError("reading.cell.status")
    return status


def import_students(
    register: Register,
    source: Source,
    *,
    cohort: CohortId,
    by: Stamp,
    dry_run: bool = False,
) -> SheetImport:
    """Import the class list in a CSV file into ``cohort`` of ``register``: all rows or none.

    Args:
        register: the register holding the cohort.
        source: the file's path (a ``str`` is a path), or an open file, text or bytes.
        cohort: the cohort the list is of.
        by: who imports, and when; every change carries this stamp.
        dry_run: check every row but change nothing.

    Returns:
        The counts; ``missing`` is how many students of the cohort the list does
        not name (they are not withdrawn).

    Raises:
        ImportRowsError: listing every bad row; nothing was imported.
        NotFoundError: if ``cohort`` is not in the register.
        OSError: if the file cannot be read.
    """
    register.cohort(cohort)
    with sheet_text(source, summary=REFUSED) as text:
        return import_student_rows(
            register, student_rows(text), cohort=cohort, by=by, dry_run=dry_run
        )


def import_students_text(
    register: Register, text: str, *, cohort: CohortId, by: Stamp, dry_run: bool = False
) -> SheetImport:
    """Import a class list given as CSV text; see :func:`import_students`."""
    return import_student_rows(register, student_rows(text), cohort=cohort, by=by, dry_run=dry_run)


def student_rows(text: str | Iterable[str]) -> Iterator[StudentRow]:
    """The rows of a class list in CSV text (or its lines), each cell parsed.

    Raises:
        ImportRowsError: if the text is empty or not CSV, or its header is bad.
    """
    sheet = read_sheet(text, _LAYOUT)
    columns = columns_of(sheet)
    for row in sheet.rows:
        yield StudentRow(
            number=row.number,
            student=row.get(StudentField.STUDENT),
            name=given(row, StudentField.NAME),
            national_id=given(row, StudentField.NATIONAL_ID),
            email=given(row, StudentField.EMAIL),
            phone=given(row, StudentField.PHONE),
            status=parsed(row, StudentField.STATUS, parse_status, sheet.columns),
            on=parsed(row, StudentField.DATE, parse_date, sheet.columns),
            columns=columns,
            problems=row.problems,
        )
