"""Load and save a register by file name (a JSON document or an SQLite store) or by URL.

A ``postgresql://`` URL names a PostgreSQL store
(:mod:`mbprogram.storage.postgres_store`, the ``postgres`` extra).

:func:`load` tells an SQLite store by its header (whatever the file is
called) and otherwise reads a ``.json`` file as a document. :func:`save`
keeps an existing file's kind (a store stays a store, whatever its name) and
picks the kind of a new file by its suffix: ``.json`` for a document,
``.sqlite``, ``.sqlite3`` or ``.db`` for a store.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import DocumentError, InvalidValueError, Problem
from mbprogram.storage._postgres_urls import is_postgres_url
from mbprogram.storage._problems import ROOT, os_reason
from mbprogram.storage._sqlite_transactions import SQLITE_MAGIC

if TYPE_CHECKING:
    from mbprogram.progress import Progress
    from mbprogram.register.aggregate import Register

# Each kind of file's module is imported when a file of that kind is read or
# written, so reading a store does not import the document's or PostgreSQL's
# machinery (docs/performance.md).

__all__ = [
    "JSON_SUFFIXES",
    "SQLITE_SUFFIXES",
    "checked_path",
    "is_store",
    "kind_of",
    "load",
    "replace_store",
    "save",
    "save_demo_store",
]

JSON_SUFFIXES: Final = frozenset({".json"})
SQLITE_SUFFIXES: Final = frozenset({".sqlite", ".sqlite3", ".db"})


def _suffix(path: str | os.PathLike[str]) -> str:
    return Path(path).suffix.lower()


def checked_path(path: object) -> str:
    """The path as a string, or a clear error for something that is not a path.

    Raises:
        InvalidValueError: if ``path`` is neither a ``str`` nor an ``os.PathLike``.
    """
    if isinstance(path, bytes) or not isinstance(path, str | os.PathLike):
        raise InvalidValueError([Problem.of("path", "reading.file.path", type=type(path).__name__)])
    return os.fspath(path)


def _refuse(key: str, /, **values: object) -> DocumentError:
    return DocumentError([Problem.of(ROOT, key, **values)], summary_key="reading.file.cannot_use")


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an existing file that starts like an SQLite database."""
    try:
        with Path(os.fspath(path)).open("rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def load(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    defer_history: bool = False,
) -> Register:
    """Read a register from a JSON document or an SQLite store.

    ``progress`` is called as the records of a store are read (a JSON document is
    parsed whole, so it is not called for one). With ``defer_history`` an
    SQLite store's history is read when first used
    (:meth:`~mbprogram.storage.sqlite_store.SqliteStore.load`); a document's
    and a PostgreSQL store's are read at once.

    Raises:
        DocumentError: if the file is missing, of another kind, or invalid
            (listing every problem with its path).
        InvalidValueError: if ``path`` is not a path.
        MissingExtraError: for a URL, without the ``postgres`` extra.
    """
    if is_postgres_url(path):
        from mbprogram.storage.postgres_store import load_url  # noqa: PLC0415

        return load_url(str(path))
    name = checked_path(path)
    try:
        with Path(name).open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise _refuse("reading.file.cannot_read", name=name, reason=os_reason(e)) from None
    if header == SQLITE_MAGIC:
        from mbprogram.storage.sqlite_store import SqliteStore  # noqa: PLC0415

        with SqliteStore.open(name) as store:
            return store.load(progress=progress, defer_history=defer_history)
    if _suffix(name) in JSON_SUFFIXES:
        from mbprogram.storage.json_document import load_document  # noqa: PLC0415

        return load_document(name)
    if _suffix(name) in SQLITE_SUFFIXES:
        raise _refuse("reading.file.not_sqlite", name=name)
    raise _refuse("reading.file.unknown_kind", name=name)


def save(register: Register, path: str | os.PathLike[str]) -> None:
    """Write ``register`` to a JSON document (``.json``) or an SQLite store (``.sqlite``).

    Like saving any file, this replaces what the file held: a JSON document
    atomically, a store in one transaction (use :class:`SqliteStore` directly
    to be told when someone else saved in between).

    Raises:
        DocumentError: if the suffix names neither kind, or the file is not a store.
        OSError: if a JSON document cannot be written (the old file is then unchanged).
        MissingExtraError: for a URL, without the ``postgres`` extra.
    """
    if is_postgres_url(path):
        from mbprogram.storage.postgres_store import save_url  # noqa: PLC0415

        save_url(register, str(path))
    elif kind_of(path) == "store":
        replace_store(register, path)
    else:
        from mbprogram.storage.json_document import save_document  # noqa: PLC0415

        save_document(register, path)


def kind_of(path: str | os.PathLike[str]) -> Literal["document", "store"]:
    """Whether ``path`` is (or, for a new file, is to be) a JSON document or an SQLite store.

    An existing SQLite database is a store whatever its name; otherwise the
    suffix tells: ``.json`` a document, ``.sqlite``, ``.sqlite3`` or ``.db`` a store.

    Raises:
        DocumentError: if the suffix names neither kind and the file is not a store.
        InvalidValueError: if ``path`` is not a path.
    """
    suffix = _suffix(checked_path(path))
    if is_store(path) or suffix in SQLITE_SUFFIXES:
        return "store"
    if suffix in JSON_SUFFIXES:
        return "document"
    known = ", ".join(sorted(JSON_SUFFIXES | SQLITE_SUFFIXES))
    named = repr(suffix) if suffix else Phrase("reading.file.no_suffix")
    raise _refuse("reading.file.suffix", suffix=named, known=known)


def replace_store(register: Register, path: str | os.PathLike[str]) -> None:
    """Make the SQLite store at ``path`` (created if missing) hold ``register`` and nothing else.

    A store this call creates is removed again if the save fails.

    Raises:
        DocumentError: if the file exists and is not an mbprogram store, or the
            register cannot be written (nothing is then written).
    """
    from mbprogram.storage.sqlite_store import write_store  # noqa: PLC0415

    write_store(path, register, create=True)


def save_demo_store(
    register: Register, path: str | os.PathLike[str], *, force: bool = False
) -> None:
    """Write the demo's ``register`` to the SQLite store at ``path``, marked as the demo's.

    A new file becomes a demo store, and a demo store (one whose last save was
    this function's: any other save clears the mark) is replaced. Any other
    mbprogram store is replaced only with ``force``; a file that is not an
    mbprogram store never is.

    Raises:
        DocumentError: if ``path`` is a store that is not a demo store (and
            ``force`` is false), or a file that is not an mbprogram store; the
            file is then left as it was.
    """
    if is_postgres_url(path):
        from mbprogram.storage.postgres_store import save_url  # noqa: PLC0415

        save_url(register, str(path), demo=True, force=force)
        return
    from mbprogram.storage.sqlite_store import SqliteStore, write_store  # noqa: PLC0415

    name = checked_path(path)
    if Path(name).exists():
        with SqliteStore.open(name) as store:  # refuses a file that is not a store
            if not force and not store.is_demo():
                raise _refuse("reading.file.not_demo", name=name)
    write_store(name, register, create=True, demo=True)
