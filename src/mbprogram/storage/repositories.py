"""The JSON document and the SQLite store as :class:`~mbprogram.services.repository.Repository`.

::

    repository = repository_for("register.sqlite")  # or "register.json"
    loaded = repository.load()
    loaded.register.record_attendance("S-01", "SES-03", Present(Hours(3)), by=stamp)
    repository.save(loaded.register, expected=loaded.revision)  # ConflictError if someone saved

:func:`repository_for` picks the kind of file by the rule of
:func:`~mbprogram.storage.files.load` and :func:`~mbprogram.storage.files.save`:
an SQLite database is a store whatever its name, otherwise the suffix tells.

**Revisions.** A store's revision is its store-wide revision number (see
:mod:`mbprogram.storage.sqlite_store`), checked in the same transaction that
writes. A document's revision is a hash of the file's bytes: a save reads the
file again just before it renames the new one over it and refuses if the
bytes are no longer those that were loaded. The check and the rename are two
steps, so two processes saving the same document in the same instant could
still both pass it; only a store makes the check and the write one
transaction. Use a store when several people work on the same records.

Both write nothing when a save fails: a document is written to a temporary
file and renamed over the old one, a store writes in one transaction.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Final

import attrs

from mbprogram.exceptions import DocumentError, Problem
from mbprogram.model import validators as v
from mbprogram.register.aggregate import Register
from mbprogram.services.repository import Loaded, Repository, Revision, conflict
from mbprogram.storage._problems import ROOT, os_reason
from mbprogram.storage.atomic import write_atomically
from mbprogram.storage.files import checked_path, kind_of
from mbprogram.storage.json_document import document_bytes, loads
from mbprogram.storage.postgres_store import PostgresRepository, is_postgres_url
from mbprogram.storage.sqlite_store import SqliteStore, write_store

__all__ = ["JsonDocumentRepository", "SqliteRepository", "repository_for"]

#: The revision of a document that does not exist (yet).
_NO_DOCUMENT: Final = Revision("no document")
#: The revision of a store that does not exist yet, which is that of a new, empty store.
_NEW_STORE: Final = Revision("0")


def _cannot_read(name: str, error: OSError) -> DocumentError:
    reason = os_reason(error)
    return DocumentError([Problem.of(ROOT, "reading.file.cannot_read", name=name, reason=reason)])


def _missing(name: str) -> DocumentError:
    reason = os_reason(FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
    return DocumentError([Problem.of(ROOT, "reading.file.cannot_read", name=name, reason=reason)])


def _path(value: str | os.PathLike[str]) -> Path:
    return Path(checked_path(value))


@attrs.frozen
class JsonDocumentRepository:
    """A register kept in a JSON document file (``mbprogram/2``); its revision hashes the bytes.

    Nothing is read until :meth:`load`.

    Attributes:
        path: the document's file.
        create: whether a missing file is a new, empty repository (else loading
            it is an error). A save creates the file.
    """

    path: Path = attrs.field(converter=_path)
    create: bool = attrs.field(default=False, kw_only=True, validator=v.instance(bool))

    def load(self) -> Loaded:
        """Read the document and the revision of the bytes read.

        Raises:
            DocumentError: if the file cannot be read (or is missing and
                ``create`` is false) or holds an invalid document.
        """
        try:
            data = self.path.read_bytes()
        except FileNotFoundError as e:
            if not self.create:
                raise _cannot_read(str(self.path), e) from None
            return Loaded(Register(), _NO_DOCUMENT)
        except OSError as e:
            raise _cannot_read(str(self.path), e) from None
        return Loaded(loads(data), _revision_of(data))

    def save(self, register: Register, *, expected: Revision) -> Revision:
        """Write ``register`` atomically if the file still holds the bytes of ``expected``.

        Returns:
            The revision of the bytes written.

        Raises:
            ConflictError: if the file changed since ``expected`` was loaded;
                nothing is written.
            DocumentError: if the register cannot be written as a document, or
                the file cannot be read for the check; nothing is written.
            OSError: if the file cannot be written; the old file is then unchanged.
        """
        data = document_bytes(register)
        current = self._current()
        if current != expected:
            raise conflict(str(self.path))
        write_atomically(self.path, data)
        return _revision_of(data)

    def _current(self) -> Revision:
        try:
            return _revision_of(self.path.read_bytes())
        except FileNotFoundError:
            return _NO_DOCUMENT
        except OSError as e:
            raise _cannot_read(str(self.path), e) from None


def _revision_of(data: bytes) -> Revision:
    return Revision(f"sha256:{hashlib.sha256(data).hexdigest()}")


@attrs.frozen
class SqliteRepository:
    """A register kept in an SQLite store; its revision is the store's revision number.

    Each load and each save opens the store and closes it again, so a
    repository holds no connection between them. A save writes the whole
    register in one transaction (use :class:`~mbprogram.storage.sqlite_store.SqliteStore`
    itself to write only the records that changed).

    Attributes:
        path: the store's file.
        create: whether a missing file is a new, empty store (else loading it
            is an error). The file is made by the first save.
    """

    path: Path = attrs.field(converter=_path)
    create: bool = attrs.field(default=False, kw_only=True, validator=v.instance(bool))

    def load(self) -> Loaded:
        """Read the register and the store's revision.

        Raises:
            DocumentError: if the file is missing (and ``create`` is false), is
                not an mbprogram store, or holds invalid records.
        """
        if not self.path.exists():
            if not self.create:
                raise _missing(str(self.path))
            return Loaded(Register(), _NEW_STORE)
        with SqliteStore.open(self.path) as store:
            register = store.load()
            return Loaded(register, Revision(str(store.revision)))

    def save(self, register: Register, *, expected: Revision) -> Revision:
        """Write ``register`` in one transaction if the store is still at ``expected``.

        Creates the store if there is none and ``expected`` is the revision of a
        new store.

        Returns:
            The store's new revision.

        Raises:
            ConflictError: if the store is not at ``expected``, or is locked by
                another process; nothing is written.
            DocumentError: if the file is not an mbprogram store or the register
                cannot be written; nothing is written.
        """
        number = _number(expected)
        if number is None:
            raise conflict(str(self.path), f" (revision {expected} is not a store's)")
        if number != 0 and not self.path.exists():
            raise conflict(str(self.path), " (the store is gone)")
        return Revision(str(write_store(self.path, register, expected=number, create=number == 0)))


def _number(revision: Revision) -> int | None:
    """The store revision a token names, or ``None`` if it names none."""
    token = revision.token
    return int(token) if token.isascii() and token.isdigit() else None


def repository_for(path: str | os.PathLike[str], *, create: bool = False) -> Repository:
    """The repository for a JSON document, an SQLite or a PostgreSQL store.

    A ``postgresql://`` URL is a PostgreSQL store (:class:`PostgresRepository`).
    An existing SQLite database is a store whatever it is called; otherwise a
    ``.json`` file is a document and a ``.sqlite``, ``.sqlite3`` or ``.db`` file a store.

    Args:
        path: the file.
        create: whether a missing file is a new, empty repository.

    Raises:
        DocumentError: if the suffix names neither kind and the file is not a store.
        InvalidValueError: if ``path`` is not a path.
    """
    if is_postgres_url(path):
        return PostgresRepository(str(path), create=create)
    if kind_of(path) == "store":
        return SqliteRepository(path, create=create)
    return JsonDocumentRepository(path, create=create)
