"""An embedded SQLite store for a register: transactions, a schema version, conflict checks.

::

    with SqliteStore.open("mb.sqlite", create=True) as store:
        register = store.load()
        register.record_attendance("S-01", "SES-03", Present(Hours(3)), by=stamp)
        store.save(register)  # ConflictError if someone saved since the load

**Concurrency.** The store has one store-wide *revision*, raised by every
save. A store remembers the revision it last loaded or saved; :meth:`save`
checks, in the same ``BEGIN IMMEDIATE`` transaction that writes, that the
database is still at that revision, and otherwise raises
:class:`~mbprogram.exceptions.ConflictError` and writes nothing: load again,
re-apply the change and save again. The revision is store-wide on purpose: a
host unit's places and a budget pot's positions are shared by students of
every cohort, so merging saves per cohort could together break a rule that
each kept alone.

Each save writes only the rows of records that changed (one row per cohort,
student, host unit, budget pot, employment and outcome) and appends the new
history entries, all in one transaction. The file is created readable and
writable by its owner only (mode 0600); SQLite gives its journal the same mode.

**A store is what it claims.** Opening, loading and saving check the
database's schema against the one this mbprogram makes (tables, columns,
indexes, and no triggers, views or other tables) and refuse a store that
differs, naming what differs. A save that removes anything (an erasure, a
retention run, a record deleted, a history rewritten) reads every row back
before it commits and refuses, writing nothing, unless the store holds exactly
the register saved. Opening an existing store that other users may read warns
(:class:`ReadableByOthersWarning`). See ``docs/privacy.md``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

import cattrs

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import ConflictError, DocumentError, Problem
from mbprogram.model.history import Change
from mbprogram.progress import Progress, Step, counted
from mbprogram.register.aggregate import Register
from mbprogram.register.deferred_history import DeferredHistory
from mbprogram.storage._converter import converter
from mbprogram.storage._kept import one_load
from mbprogram.storage._problems import joined, os_reason
from mbprogram.storage._register_codec import Records, build_register, gc_paused
from mbprogram.storage._sqlite_rows import (
    HistoryRow,
    Meta,
    Rows,
    by_id,
    decoded_text,
    history_rows,
    read_history,
    read_meta,
    read_table,
    record_rows,
    select_history,
    select_rows,
    unsaved_differences,
)
from mbprogram.storage._sqlite_schema import RECORD_TABLES, check_schema, prepare
from mbprogram.storage._sqlite_transactions import (
    READING,
    SAVING,
    SQLITE_MAGIC,
    ReadableByOthersWarning,
    Transaction,
    check_header,
    remove_store_file,
    sqlite_reason,
    store_error,
    warn_if_readable_by_others,
)

__all__ = ["SQLITE_MAGIC", "ReadableByOthersWarning", "SqliteStore", "write_store"]


class SqliteStore:
    """A register kept in an SQLite database file (see the module's documentation).

    Open one with :meth:`open`; close it with :meth:`close` or a ``with`` block.

    Attributes:
        path: the database file.
        made: whether :meth:`open` created the file.
    """

    def __init__(self, connection: sqlite3.Connection, path: str, *, made: bool = False) -> None:
        """Use :meth:`open` instead."""
        self._db = connection
        self.path = path
        self.made = made
        self._revision: int | None = None
        self._rows: dict[str, Rows] | None = None
        self._history: Sequence[Change] = ()
        self._history_rows: list[HistoryRow] = []
        self._migrated = False  # the history loaded was migrated: the next save rewrites it

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Self:
        """Open the store at ``path``; with ``create=True`` make a new one if there is none.

        Applies any forward migrations the store needs. A file this call creates
        is removed again if the store cannot be made in it.

        Warns:
            ReadableByOthersWarning: if the file existed and users other than its
                owner may read or write it (fix: ``chmod 600 FILE``).

        Raises:
            DocumentError: if the file is missing (and ``create`` is false), is not
                an SQLite database, is another application's database, has a
                newer schema version than this mbprogram understands, or has a
                schema that differs from an mbprogram store's (named in the message).
        """
        name = os.fspath(path)
        made = False
        if not Path(name).exists():
            if not create:
                raise store_error("reading.store.missing", name=name)
            try:
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except OSError as e:
                raise store_error(
                    "reading.store.cannot_create", name=name, reason=os_reason(e)
                ) from None
            made = True
        else:
            check_header(name, create=create)
        try:
            connection = sqlite3.connect(name, isolation_level=None, timeout=10.0)
        except sqlite3.Error as e:
            if made:
                remove_store_file(name)
            raise store_error(
                "reading.store.cannot_open", name=name, reason=sqlite_reason(e)
            ) from None
        connection.text_factory = decoded_text
        store = cls(connection, name, made=made)
        try:
            prepare(connection, name, create=create or made)
        except BaseException:
            connection.close()
            if made:
                remove_store_file(name)
            raise
        if not made:
            warn_if_readable_by_others(name, stacklevel=2)  # the code that opens the store
        return store

    # -- reading -----------------------------------------------------------------------

    @property
    def revision(self) -> int | None:
        """The store-wide revision last loaded or saved, or ``None`` before either."""
        return self._revision

    def is_demo(self) -> bool:
        """Whether the store's last save was the demo's (``mbprogram demo``), see :meth:`save`."""
        with self._transaction("BEGIN", READING):
            return self._meta().demo

    def load(self, *, progress: Progress | None = None, defer_history: bool = False) -> Register:
        """Read the register, checking every rule, and remember the revision read.

        ``progress`` is called after each record read, with how many there are.

        With ``defer_history``, the history's rows are read with the records (in
        the one transaction) but made into entries only when the register's
        history is first used (a change, a check, a save, ``as_known_at``): a
        report that does not use it does not pay for it. An entry that cannot
        be read is then reported, by its path, where the history is first used
        (docs/architecture.md, "A history read on demand"). A history of the
        ``mbprogram/1`` form, migrated with the records, is always read at once.

        Raises:
            DocumentError: listing every problem with its path (records named by
                id, e.g. ``cohorts[K1].students[S-01].placements[0].end``), or if
                the store's schema differs from an mbprogram store's.
        """
        with self._transaction("BEGIN", READING), gc_paused(kept=True):
            check_schema(self._db, self.path)
            meta = self._meta()
            rows = {table: self._select(table) for table in RECORD_TABLES}
            changes = select_history(self._db)
        conv = converter()
        records, remembered, problems = Records(), {}, list[Problem]()
        with gc_paused(kept=True), one_load():
            total, done = sum(len(found) for found in rows.values()), 0
            for table, found in rows.items():
                counting = counted(found, progress, Step.LOADED, total, start=done)
                remembered[table] = read_table(conv, table, counting, records, problems)
                done += len(found)
            deferred: DeferredHistory | None = None
            if defer_history and all(row[7] is not None for row in changes):  # none to migrate
                deferred = DeferredHistory(len(changes), self._history_reader(conv, changes))
                migrated = False
            else:
                migrated = read_history(conv, changes, records, problems)
            if problems:
                raise DocumentError(
                    problems,
                    summary_key="reading.store.invalid_records",
                    summary_values={"store": self.path},
                )
            register = build_register(
                records, allow_synthetic_ids=meta.synthetic_ids, locate=by_id, history=deferred
            )
        self._revision, self._rows = meta.revision, remembered
        self._history = register.state.history_held
        self._history_rows, self._migrated = changes, migrated
        return register

    def _history_reader(
        self, conv: cattrs.Converter, changes: list[HistoryRow]
    ) -> Callable[[], tuple[Change, ...]]:
        """What reads the history's ``changes`` (rows) into entries, for a deferred history."""
        path = self.path

        def read() -> tuple[Change, ...]:
            records, problems = Records(), list[Problem]()
            with gc_paused(), one_load():
                read_history(conv, changes, records, problems)
            if problems:
                raise DocumentError(
                    problems,
                    summary_key="reading.store.invalid_history",
                    summary_values={"store": path},
                )
            return tuple(records.history)

        return read

    def _select(self, table: str) -> list[tuple[object, ...]]:
        return select_rows(self._db, table)

    def _meta(self) -> Meta:
        return read_meta(self._db.execute("SELECT key, value FROM meta").fetchall(), self.path)

    # -- writing -----------------------------------------------------------------------

    def save(
        self,
        register: Register,
        *,
        force: bool = False,
        expected: int | None = None,
        demo: bool = False,
    ) -> int:
        """Write ``register`` in one transaction and raise the store's revision by one.

        Args:
            register: the register to keep.
            force: write even if someone saved since this store's last load or
                save (or ``expected``), replacing what they saved (as saving a
                file would).
            expected: the revision the store must be at, instead of the one
                this store last loaded or saved (for a caller that keeps the
                revision itself, such as
                :class:`~mbprogram.storage.repositories.SqliteRepository`).
            demo: mark the store as the demo's (``mbprogram demo`` then replaces
                it without ``--force``). Any other save clears the mark.

        Returns:
            The store's new revision.

        Raises:
            ConflictError: if the store is not at ``expected``, or (without
                ``expected``) was saved by someone else since this store last
                loaded or saved it, or, for a store that holds records, was
                never loaded here. Nothing is written: load again, re-apply the
                change and save again.
            DocumentError: if the register cannot be written, the store's schema
                differs from an mbprogram store's, or the rows read back after a
                save that removes anything are not the register saved. Nothing
                is written.
        """
        conv = converter()
        with self._transaction("BEGIN IMMEDIATE", SAVING):
            check_schema(self._db, self.path)
            current = self._meta().revision
            seen = self._revision if expected is None else expected
            if not force and current != seen and (expected is not None or seen or current):
                where = (
                    Phrase("reading.store.never_loaded")
                    if seen is None
                    else Phrase("reading.store.loaded_at", revision=seen)
                )
                raise ConflictError(
                    key="reading.store.saved_meanwhile",
                    values={"path": self.path, "current": current, "where": where},
                )
            known = self._rows if current == self._revision else None
            unwritable = False
            try:
                rows = {t: self._write_table(conv, register, t, known) for t in RECORD_TABLES}
                history, rewritten = self._write_history(conv, register, known)
            except UnicodeEncodeError:  # not chained below: the error holds the text
                unwritable = True
            if unwritable:
                raise store_error("reading.store.surrogate", path=self.path)
            self._write_meta(current + 1, register.allow_synthetic_ids, demo=demo)
            removed = (
                known is None
                or rewritten
                or any(not known[t].keys() <= rows[t].keys() for t in RECORD_TABLES)
            )
            if removed:  # what should be gone is verified gone, before the commit
                saved = Meta(current + 1, register.allow_synthetic_ids, demo)
                differences = unsaved_differences(self._db, rows, history, saved)
                if differences:
                    raise store_error(
                        "reading.store.not_kept", path=self.path, differences=joined(differences)
                    )
        self._revision, self._rows = current + 1, rows
        self._history = register.state.history_held
        self._history_rows, self._migrated = history, False
        return current + 1

    def _write_table(
        self, conv: cattrs.Converter, register: Register, table: str, known: dict[str, Rows] | None
    ) -> Rows:
        old = known[table] if known is not None else None
        if old is None:
            self._db.execute(f"DELETE FROM {table}")  # noqa: S608
            old = {}
        rows: Rows = {}
        inserts: list[tuple[str, ...]] = []
        updates: list[tuple[str, ...]] = []
        for record_id, record, values, changed in record_rows(conv, register, table, old):
            rows[record_id] = (record, values)
            if record_id not in old:
                inserts.append((record_id, *values))
            elif changed:
                updates.append((*values, record_id))
        gone = [(record_id,) for record_id in old if record_id not in rows]
        self._db.executemany(f"DELETE FROM {table} WHERE id = ?", gone)  # noqa: S608
        if table == "students":
            self._db.executemany("UPDATE students SET cohort = ?, body = ? WHERE id = ?", updates)
            insert = "INSERT INTO students (id, cohort, body) VALUES (?, ?, ?)"
        else:
            self._db.executemany(f"UPDATE {table} SET body = ? WHERE id = ?", updates)  # noqa: S608
            insert = f"INSERT INTO {table} (id, body) VALUES (?, ?)"  # noqa: S608
        self._db.executemany(insert, inserts)  # positions follow the register's order
        return rows

    def _write_history(
        self, conv: cattrs.Converter, register: Register, known: object
    ) -> tuple[list[HistoryRow], bool]:
        """Append the new changes, or write the whole history; return its rows and whether
        it was rewritten.

        The history this store loaded, handed back unchanged (the very object,
        read or not), has nothing to append and is not read for it.
        """
        held = register.state.history_held

        def history() -> tuple[Change, ...]:
            return register.history

        old = self._history
        appended = (
            known is not None
            and not self._migrated
            and (
                held is old  # the history loaded here, read or not: nothing to append
                or (
                    len(history()) >= len(old)
                    and all(a is b or a == b for a, b in zip(old, history(), strict=False))
                )
            )
        )
        if held is old and appended:
            return self._history_rows, False
        if not appended:
            self._db.execute("DELETE FROM history")
        new = history_rows(conv, history()[len(old) :] if appended else history())
        self._db.executemany(
            "INSERT INTO history (actor, at, action, record, part, before, after, chain) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            new,
        )
        return ([*self._history_rows, *new] if appended else new), not appended

    def _write_meta(self, revision: int, synthetic_ids: bool, *, demo: bool) -> None:
        self._db.execute(
            "UPDATE meta SET value = ? WHERE key = 'synthetic_ids'",
            ("1" if synthetic_ids else "0",),
        )
        self._db.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
        if demo:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')")
        else:
            self._db.execute("DELETE FROM meta WHERE key = 'demo'")

    # -- machinery ---------------------------------------------------------------------

    def _transaction(self, begin: str, what: str) -> Transaction:
        return Transaction(self._db, begin, what, self.path)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqliteStore({self.path!r}, revision={self._revision})"


def write_store(
    path: str | os.PathLike[str],
    register: Register,
    *,
    expected: int | None = None,
    create: bool = False,
    demo: bool = False,
) -> int:
    """Open the store at ``path``, save ``register`` and close it again.

    Without ``expected`` the save replaces whatever the store holds. A store
    this call creates is removed again if the save fails, so a failed save
    leaves no new file behind.

    Returns:
        The store's new revision.

    Raises:
        ConflictError: if the store is not at ``expected``; nothing is written.
        DocumentError: as :meth:`SqliteStore.open` and :meth:`SqliteStore.save`.
    """
    store = SqliteStore.open(path, create=create)
    try:
        with store:
            return store.save(register, force=expected is None, expected=expected, demo=demo)
    except BaseException:
        if store.made and store.revision is None:
            remove_store_file(store.path)
        raise
