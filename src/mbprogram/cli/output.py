"""Where a command's output goes, and the formats of tables: ``--format`` and ``--output``.

A command that takes ``--output FILE`` (the reports and the lookups) prints to
a buffer instead of standard output; only when it has run without an error is
what it printed written to FILE, atomically and readable by its owner only
(mode 0600, :func:`~mbprogram.storage.atomic.write_atomically`), so a failed
command leaves FILE as it was. A workbook (``--format xlsx``) is bytes, which
the command hands to the buffer with :func:`write_workbook`; it is never
printed to a terminal. docs/cli.md documents the formats.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import UsageError

if TYPE_CHECKING:
    from mbprogram.reports.spreadsheet import NamedTable

__all__ = [
    "SPREADSHEET_FORMATS",
    "TABLE_FORMATS",
    "Buffer",
    "check_output",
    "print_tables",
    "write_buffer",
    "write_workbook",
]

#: The formats of a command whose output is tables.
TABLE_FORMATS: Final = ("text", "json", "csv", "xlsx")
#: The formats that hold the tables only (reports/spreadsheet.py).
SPREADSHEET_FORMATS: Final = frozenset({"csv", "xlsx"})


class Buffer(io.StringIO):
    """A command's output, held until it has run: text, or the bytes of a workbook."""

    def __init__(self) -> None:
        super().__init__()
        self.binary: bytes | None = None


def write_workbook(data: bytes, stdout: TextIO, lang: Lang) -> None:
    """Hand a workbook's bytes to ``--output``'s buffer.

    Raises:
        UsageError: when there is no ``--output`` (the bytes would go to a terminal).
    """
    if not isinstance(stdout, Buffer):
        raise UsageError(text("cli.error.xlsx_needs_output", lang))
    stdout.binary = data


def print_tables(tables: Sequence[NamedTable], fmt: str, lang: Lang, stdout: TextIO) -> None:
    """Print tables as text, CSV (``lang``'s conventions) or a workbook (to ``--output``)."""
    from mbprogram.reports.spreadsheet import csv_text, xlsx_bytes  # noqa: PLC0415

    if fmt == "csv":
        stdout.write(csv_text(tables, lang))
    elif fmt == "xlsx":
        write_workbook(xlsx_bytes(tables, lang), stdout, lang)
    else:
        print("\n\n".join(table.to_text() for _, table in tables), file=stdout)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def check_output(args: argparse.Namespace) -> None:
    """Refuse an ``--output`` that is the file the command reads (it would be overwritten).

    Raises:
        UsageError: if ``--output`` names the command's FILE or STORE.
    """
    output: Path | None = getattr(args, "output", None)
    if output is None:
        return
    for name in ("file", "store"):
        source: Path | None = getattr(args, name, None)
        if source is not None and _same_file(output, source):
            raise UsageError(text("cli.error.output_is_input", args.lang, output=output))


def write_buffer(buffer: Buffer, output: Path) -> None:
    """Write what a command put in ``buffer`` to ``output``, atomically with mode 0600."""
    from mbprogram.storage.atomic import write_atomically  # noqa: PLC0415 - keeps --help fast

    data = buffer.binary if buffer.binary is not None else buffer.getvalue().encode("utf-8")
    write_atomically(output, data)
