"""Apply the rows of a sheet to a register through its own changes: every row, or none.

Each import of a sheet of records (a class list, placements, host units) says,
for each of its rows, which changes of the register the row makes
(:class:`RowChange`: a new record, or a correction of one) given the register
as the rows before it left it. :func:`apply_rows` makes them, in row order, on
a copy of the register, so that every refusal the register would make is found
with the row and column it comes from; only if no row is bad does it make them
again on the register itself (unless it is a dry run). A row that repeats what
the register holds makes no change, so importing a sheet twice changes nothing
the second time. Every change is one of the register's methods, so each writes
its history entry with the importer's stamp.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

import attrs

from mbprogram.catalogue import Lang, Term, text
from mbprogram.exceptions import ImportRowsError, InvalidValueError, Problem, RefusedChangeError
from mbprogram.model import validators as v
from mbprogram.model.values import Stamp
from mbprogram.register.aggregate import Register
from mbprogram.services.sheet_rows import RowProblems, cell_path

__all__ = [
    "NumberedRow",
    "RowChange",
    "SheetImport",
    "apply_rows",
    "blamed_column",
    "check_by",
    "column_of",
    "id_problem",
    "problems_at",
]


class NumberedRow(Protocol):
    """A row of a sheet: it knows its number as a spreadsheet shows it."""

    @property
    def number(self) -> int:
        """The row's number (the header is row 1)."""
        ...


R = TypeVar("R", bound=NumberedRow)


@attrs.frozen
class RowChange:
    """One change a row makes to the register.

    Attributes:
        make: makes the change on the register given (the copy, then the register itself).
        blame: the column to name for a refusal, given the path of the problem.
        added: whether it adds a record (else it corrects one).
    """

    make: Callable[[Register], None]
    blame: Callable[[str], str]
    added: bool = False


@attrs.frozen(kw_only=True)
class SheetImport:
    """What an import of a sheet of records did (in a dry run: what it would have done).

    Every row read is counted once, in ``added``, ``corrected`` or ``unchanged``.

    Attributes:
        kind: what the rows are (``students``, ``placements``, ``units``).
        rows: the rows read (blank rows are skipped and not counted).
        added: rows that added a record.
        corrected: rows that changed a record the register held (a status, a
            contact detail, a capacity …).
        unchanged: rows that repeat what the register holds.
        missing: records in the import's scope that the sheet does not list
            (students of the cohort not on a class list); they are left as they are.
        dry_run: whether the sheet was only checked and the register left as it was.
    """

    kind: str
    rows: int
    added: int
    corrected: int
    unchanged: int
    missing: int = 0
    dry_run: bool = False

    def as_dict(self) -> dict[str, int | bool | str]:
        """The counts as a JSON-ready dict (``{"kind": "students", "rows": 3, ...}``)."""
        return attrs.asdict(self)

    def message(self, lang: Lang) -> str:
        """The counts as a sentence in ``lang``, and what was left as it was."""
        key = "sheets.result.dry_run" if self.dry_run else "sheets.result"
        said = text(
            key,
            lang,
            rows=self.rows,
            added=self.added,
            corrected=self.corrected,
            unchanged=self.unchanged,
        )
        if self.missing:
            said += "\n" + text(f"sheets.missing.{self.kind}", lang, n=self.missing)
        return said

    def __str__(self) -> str:
        return self.message("en")


def check_by(by: object) -> Stamp:
    """``by`` if it is a :class:`~mbprogram.model.values.Stamp`; else an InvalidValueError."""
    if not isinstance(by, Stamp):
        raise InvalidValueError.at("by", "refusals.stamp", got=type(by).__name__)
    return by


def column_of(columns: Mapping[str, str], field: str, key: str) -> str:
    """The header of ``field``'s column, or of the ``key`` column if the sheet has none."""
    return columns.get(field, "") or columns.get(key, "")


def blamed_column(
    columns: Mapping[str, str], path: str, blamed: Iterable[tuple[str, str]], key: str
) -> str:
    """The header of the column a problem at record ``path`` is in (see :func:`column_of`).

    It is the column of the field paired with the first part of ``blamed`` that
    ``path`` holds, or the ``key`` column if it holds none.
    """
    return column_of(columns, next((f for part, f in blamed if part in path), key), key)


def problems_at(
    row: int, error: InvalidValueError | RefusedChangeError, blame: Callable[[str], str]
) -> list[Problem]:
    """The problems of ``error`` at row ``row``, each in the column ``blame`` names for its path."""
    return [attrs.evolve(p, path=cell_path(row, blame(p.path))) for p in error.problems]


def id_problem(row: int, column: str, value: str, kind: str) -> list[Problem]:
    """The problem of a cell that must hold a ``kind`` id and does not (never quoted)."""
    if v.is_record_id(value):
        return []
    key = "services.sheet.bad_id" if value else "services.sheet.no_id"
    return [Problem.of(cell_path(row, column), key, kind=Term(f"services.kind.{kind}"))]


def apply_rows(
    register: Register,
    rows: Iterable[R],
    changes: Callable[[Register, R, list[Problem]], Sequence[RowChange]],
    *,
    refused: str,
    kind: str,
    dry_run: bool = False,
) -> tuple[SheetImport, Register]:
    """Make the changes of every row on a copy of ``register``, then on ``register``: all or none.

    Args:
        register: the register to change.
        rows: the sheet's rows, in order.
        changes: the changes a row makes on the register as the rows before it
            left it; problems of the row that are not the register's go in the list.
        refused: the summary of the error that refuses the sheet.
        kind: what the rows are, for the result.
        dry_run: check every row but change nothing.

    Returns:
        The counts, and the copy with every change made (the register as it
        would be, also in a dry run).

    Raises:
        ImportRowsError: listing every bad row; nothing was changed.
    """
    work = register.copy()
    made: list[RowChange] = []
    problems = RowProblems()
    count = added = corrected = 0
    for row in rows:
        count += 1
        found: list[Problem] = []
        wanted = changes(work, row, found)
        done: list[RowChange] = []
        if not found:
            before = work.copy()
            for change in wanted:
                try:
                    change.make(work)
                except (RefusedChangeError, InvalidValueError) as e:
                    found += problems_at(row.number, e, change.blame)
                else:
                    done.append(change)
            if found:
                work = before  # a row is made whole or not at all
            else:
                made += done
                added += any(c.added for c in done)
                corrected += bool(done) and not any(c.added for c in done)
        problems.add(row.number, found)
    if problems:
        raise ImportRowsError(problems.listed(), summary=refused)
    if not dry_run:
        for change in made:  # each was accepted by an identical copy, in this order
            change.make(register)
    result = SheetImport(
        kind=kind,
        rows=count,
        added=added,
        corrected=corrected,
        unchanged=count - added - corrected,
        dry_run=dry_run,
    )
    return result, work
