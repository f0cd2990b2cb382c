"""Transactions on the store's connection, and the checks made before SQLite opens a file.

SQLite's own exceptions never leave the store: a locked database becomes a
:class:`~mbprogram.exceptions.ConflictError` (try again), anything else a
:class:`~mbprogram.exceptions.DocumentError` naming the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Final

from mbprogram.exceptions import ConflictError, DocumentError, Problem
from mbprogram.storage._problems import ROOT

__all__ = ["SQLITE_MAGIC", "Transaction", "check_header", "store_error"]

#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC: Final = b"SQLite format 3\x00"


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
                f"{self._path} is locked by another process; could not {self._what}: try again"
            )
        return store_error(f"could not {self._what} at {self._path} ({text})")


def store_error(message: str) -> DocumentError:
    """A problem with the store as a whole."""
    return DocumentError([Problem(ROOT, message)], summary="cannot use the store")


def check_header(name: str, *, create: bool) -> None:
    """Refuse a file that is not an SQLite database (an empty one only if creating)."""
    try:
        with Path(name).open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise store_error(f"cannot read {name}: {e.strerror or e}") from None
    if header == SQLITE_MAGIC or (not header and create):
        return
    what = "an empty file" if not header else "not an SQLite database"
    raise store_error(f"{name} is {what}, not an mbprogram store")
