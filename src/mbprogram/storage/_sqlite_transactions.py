"""Transactions on the store's connection, and the checks of the file SQLite opens.

SQLite's own exceptions never leave the store: a locked database becomes a
:class:`~mbprogram.exceptions.ConflictError` (try again), anything else a
:class:`~mbprogram.exceptions.DocumentError` naming the file. Before SQLite
opens a file its header is checked; an existing store that other users may
read is warned about.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import warnings
from pathlib import Path
from types import TracebackType
from typing import Final

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import ConflictError, DocumentError, Problem
from mbprogram.storage._problems import ROOT, KeyedWarning, os_reason

__all__ = [
    "MIGRATING",
    "OPENING",
    "READING",
    "SAVING",
    "SQLITE_MAGIC",
    "ReadableByOthersWarning",
    "Transaction",
    "check_header",
    "remove_store_file",
    "sqlite_reason",
    "store_error",
    "warn_if_readable_by_others",
]

#: What a transaction does, for its messages (``could not read the store at …``).
READING: Final = Term("reading.store.what.read")
SAVING: Final = Term("reading.store.what.save")
MIGRATING: Final = Term("reading.store.what.migrate")
OPENING: Final = Term("reading.store.what.open")

#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC: Final = b"SQLite format 3\x00"
#: The permission bits that let users other than the owner at a file.
_OTHERS: Final = stat.S_IRWXG | stat.S_IRWXO


class ReadableByOthersWarning(KeyedWarning):
    """An existing store may be read (or written) by users other than its owner.

    ``str()`` is the English message; :meth:`message_in` gives it in bokmål too.
    """

    key = "reading.store.readable_by_others"

    def __init__(self, name: str, mode: int) -> None:
        super().__init__(name=name, mode=f"{mode:04o}")


class Transaction:
    """``BEGIN`` … ``COMMIT``, or ``ROLLBACK`` on any error; SQLite errors become library errors."""

    def __init__(self, db: sqlite3.Connection, begin: str, what: str, path: str) -> None:
        self._db, self._begin, self._what, self._path = db, begin, what, path

    def __enter__(self) -> None:
        try:
            self._db.execute(self._begin)
        except sqlite3.Error as e:
            raise self._translated(e) from None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as e:
                self._rollback()
                raise self._translated(e) from None
            return
        self._rollback()
        if isinstance(error, sqlite3.Error):
            raise self._translated(error) from None

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def _translated(self, error: sqlite3.Error) -> Exception:
        text = str(error)
        if "locked" in text or "busy" in text:
            return ConflictError(
                key="reading.store.locked", values={"path": self._path, "what": self._what}
            )
        return store_error(
            "reading.store.failed", what=self._what, path=self._path, reason=sqlite_reason(error)
        )


def sqlite_reason(error: sqlite3.Error) -> str:
    """Why SQLite failed, for a message: SQLite's own words, which quote no value.

    An error raised by Python's ``sqlite3`` module rather than by SQLite (it has
    no SQLite error code) is named by its kind only: some of those quote the
    text of a row (``Could not decode to UTF-8 column ... with text ...``).
    """
    if getattr(error, "sqlite_errorcode", None) is None:
        return Phrase("reading.store.sqlite_module", kind=type(error).__name__)
    return str(error)


def store_error(key: str, /, **values: object) -> DocumentError:
    """A problem with the store as a whole: the catalogue's ``key`` filled with ``values``."""
    return DocumentError([Problem.of(ROOT, key, **values)], summary_key="reading.store.cannot_use")


def check_header(name: str, *, create: bool) -> None:
    """Refuse a file that is not an SQLite database (an empty one only if creating)."""
    try:
        with Path(name).open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise store_error("reading.file.cannot_read", name=name, reason=os_reason(e)) from None
    if header == SQLITE_MAGIC or (not header and create):
        return
    what = Term("reading.store.empty_file" if not header else "reading.store.not_sqlite")
    raise store_error("reading.store.not_store", name=name, what=what)


def warn_if_readable_by_others(name: str, *, stacklevel: int) -> None:
    """Warn (:class:`ReadableByOthersWarning`) if users other than its owner may use ``name``.

    ``stacklevel`` is that of :func:`warnings.warn` as seen from the caller of
    this function (2: the code that called the caller).
    """
    try:
        mode = stat.S_IMODE(Path(name).stat().st_mode)
    except OSError:
        return
    if mode & _OTHERS:
        warnings.warn(
            ReadableByOthersWarning(name, mode),
            stacklevel=stacklevel + 1,
        )


def remove_store_file(name: str) -> None:
    """Remove a store file this process made (and its journal), as if it was never made."""
    for leftover in (name, f"{name}-journal"):
        with contextlib.suppress(OSError):
            Path(leftover).unlink()
