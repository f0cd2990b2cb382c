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
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

import cattrs

from mbprogram.exceptions import ConflictError, DocumentError, Problem
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.register.aggregate import Register
from mbprogram.storage._converter import converter
from mbprogram.storage._history_codec import history_json
from mbprogram.storage._register_codec import (
    Records,
    build_register,
    gc_paused,
    read,
    read_student,
    student_json,
)
from mbprogram.storage._sqlite_schema import (
    APPLICATION_ID,
    MIGRATIONS,
    RECORD_TABLES,
    SCHEMA_VERSION,
)
from mbprogram.storage._sqlite_transactions import (
    SQLITE_MAGIC,
    Transaction,
    check_header,
    store_error,
)

__all__ = ["SQLITE_MAGIC", "SqliteStore"]

_TYPES: Final[dict[str, type]] = {
    "host_units": HostUnit,
    "cohorts": Cohort,
    "budget_pots": BudgetPot,
    "employments": Employment,
    "outcomes": OutcomeRecord,
}

#: What a store remembers of each table: record id -> (record, body written).
_Rows = dict[str, tuple[object, str]]


def _body(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class SqliteStore:
    """A register kept in an SQLite database file (see the module's documentation).

    Open one with :meth:`open`; close it with :meth:`close` or a ``with`` block.
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        """Use :meth:`open` instead."""
        self._db = connection
        self.path = path
        self._revision: int | None = None
        self._rows: dict[str, _Rows] | None = None
        self._history: tuple[Change, ...] = ()

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Self:
        """Open the store at ``path``; with ``create=True`` make a new one if there is none.

        Applies any forward migrations the store needs.

        Raises:
            DocumentError: if the file is missing (and ``create`` is false), is not
                an SQLite database, is another application's database, or has a
                newer schema version than this mbprogram understands.
        """
        name = os.fspath(path)
        made = False
        if not Path(name).exists():
            if not create:
                raise store_error(f"there is no store at {name}; pass create=True to make one")
            try:
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except OSError as e:
                raise store_error(f"cannot create {name}: {e.strerror or e}") from None
            made = True
        else:
            check_header(name, create=create)
        try:
            connection = sqlite3.connect(name, isolation_level=None, timeout=10.0)
        except sqlite3.Error as e:
            raise store_error(f"cannot open {name}: {e}") from None
        store = cls(connection, name)
        try:
            store._prepare(create=create or made)
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self, *, create: bool) -> None:
        try:
            self._db.execute("PRAGMA journal_mode=DELETE").fetchone()
            # Deleted records (an erasure) are overwritten, not left in free pages.
            self._db.execute("PRAGMA secure_delete=ON").fetchone()
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            application = self._db.execute("PRAGMA application_id").fetchone()[0]
            tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as e:
            raise store_error(f"{self.path} is not a readable SQLite database ({e})") from None
        if version == 0 and tables == 0 and application == 0:
            if not create:
                raise store_error(f"{self.path} is an empty database, not an mbprogram store")
        elif application != APPLICATION_ID:
            raise store_error(
                f"{self.path} is not an mbprogram store (another application's database)"
            )
        if version > SCHEMA_VERSION:
            raise store_error(
                f"{self.path} has schema version {version}; this mbprogram reads versions up "
                f"to {SCHEMA_VERSION}: upgrade mbprogram to open it"
            )
        if version < SCHEMA_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        with self._transaction("BEGIN IMMEDIATE", "migrate the store"):
            version = self._db.execute("PRAGMA user_version").fetchone()[0]  # as of the lock
            for reached, statements in MIGRATIONS:
                if reached > version:
                    for statement in statements:
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {reached:d}")
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")

    # -- reading -----------------------------------------------------------------------

    @property
    def revision(self) -> int | None:
        """The store-wide revision last loaded or saved, or ``None`` before either."""
        return self._revision

    def load(self) -> Register:
        """Read the register, checking every rule, and remember the revision read.

        Raises:
            DocumentError: listing every problem with its path (records named by
                id, e.g. ``cohorts[K1].students[S-01].placements[0].end``).
        """
        with self._transaction("BEGIN", "read the store"), gc_paused():
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            rows = {
                table: self._db.execute(
                    f"SELECT id, body{', cohort' if table == 'students' else ''} "  # noqa: S608
                    f"FROM {table} ORDER BY position"
                ).fetchall()
                for table in RECORD_TABLES
            }
            changes = self._db.execute(
                "SELECT actor, at, action, record, before, after FROM history ORDER BY seq"
            ).fetchall()
        revision, synthetic = _meta(meta, self.path)
        conv = converter()
        records, remembered, problems = Records(), {}, list[Problem]()
        with gc_paused():
            for table, found in rows.items():
                remembered[table] = self._read_table(conv, table, found, records, problems)
            for i, (actor, at, action, record, before, after) in enumerate(changes):
                raw = {"actor": actor, "at": at, "action": action, "record": record}
                raw["before"] = _parsed(before, f"history[{i}].before", problems)
                raw["after"] = _parsed(after, f"history[{i}].after", problems)
                if _UNREADABLE in (raw["before"], raw["after"]):
                    continue
                change = read(conv, raw, Change, f"history[{i}]", problems)
                if change is not None:
                    records.history.append(change)
            if problems:
                raise DocumentError(problems, summary=f"invalid records in {self.path}")
            register = build_register(records, allow_synthetic_ids=synthetic, locate=_by_id)
        self._revision, self._rows, self._history = revision, remembered, register.history
        return register

    def _read_table(
        self,
        conv: cattrs.Converter,
        table: str,
        found: list[tuple[str, ...]],
        records: Records,
        problems: list[Problem],
    ) -> _Rows:
        remembered: _Rows = {}
        for row in found:
            record_id, body = row[0], row[1]
            path = (
                f"cohorts[{row[2]}].students[{record_id}]"
                if table == "students"
                else f"{table}[{record_id}]"
            )
            raw = _parsed(body, path, problems)
            if raw is _UNREADABLE:
                continue
            if table == "students":
                record: Any = read_student(conv, raw, row[2], path, problems)
                into: list[Any] = records.students
            else:
                record = read(conv, raw, _TYPES[table], path, problems)
                into = getattr(records, table)
            if record is not None:
                into.append(record)
                remembered[record_id] = (record, body)
        return remembered

    # -- writing -----------------------------------------------------------------------

    def save(self, register: Register, *, force: bool = False, expected: int | None = None) -> int:
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

        Returns:
            The store's new revision.

        Raises:
            ConflictError: if the store is not at ``expected``, or (without
                ``expected``) was saved by someone else since this store last
                loaded or saved it, or, for a store that holds records, was
                never loaded here. Nothing is written: load again, re-apply the
                change and save again.
        """
        conv = converter()
        with self._transaction("BEGIN IMMEDIATE", "save to the store"):
            current = int(
                self._db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
            )
            seen = self._revision if expected is None else expected
            if not force and current != seen and (expected is not None or seen or current):
                where = "never loaded" if seen is None else f"at {seen}"
                raise ConflictError(
                    f"{self.path} was saved by someone else since it was loaded here "
                    f"(store at revision {current}, {where} here); nothing was written: "
                    "load it again, re-apply the change and save again"
                )
            known = self._rows if current == self._revision else None
            rows = {table: self._write_table(conv, register, table, known) for table in _TABLES}
            self._write_history(conv, register.history, keep=known is not None)
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'synthetic_ids'",
                ("1" if register.allow_synthetic_ids else "0",),
            )
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'revision'", (str(current + 1),)
            )
        self._revision, self._rows, self._history = current + 1, rows, register.history
        return current + 1

    def _write_table(
        self,
        conv: cattrs.Converter,
        register: Register,
        table: str,
        known: dict[str, _Rows] | None,
    ) -> _Rows:
        old = known[table] if known is not None else None
        if old is None:
            self._db.execute(f"DELETE FROM {table}")  # noqa: S608
            old = {}
        rows: _Rows = {}
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        for record_id, record in _records(register, table):
            previous = old.get(record_id)
            if previous is not None and previous[0] is record:
                rows[record_id] = previous
                continue
            body = _body(_encode(conv, table, record))
            rows[record_id] = (record, body)
            cohort = (getattr(record, "cohort", None),) if table == "students" else ()
            if previous is None:
                inserts.append((record_id, *cohort, body))
            elif previous[1] != body:
                updates.append((*cohort, body, record_id))
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
        self, conv: cattrs.Converter, history: tuple[Change, ...], *, keep: bool
    ) -> None:
        old = self._history
        appended = (
            keep
            and len(history) >= len(old)
            and all(a is b or a == b for a, b in zip(old, history, strict=False))
        )
        if not appended:
            self._db.execute("DELETE FROM history")
        new = history[len(old) :] if appended else history
        self._db.executemany(
            "INSERT INTO history (actor, at, action, record, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    c["actor"],
                    c["at"],
                    c["action"],
                    c["record"],
                    None if c["before"] is None else _body(c["before"]),
                    None if c["after"] is None else _body(c["after"]),
                )
                for c in history_json(conv, new)
            ),
        )

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


_TABLES: Final = RECORD_TABLES


#: What :func:`_parsed` gives for a body that is not JSON (its problem is already noted).
_UNREADABLE: Final = object()


def _parsed(body: object, path: str, problems: list[Problem]) -> object:
    if body is None:
        return None
    try:
        return json.loads(str(body), parse_float=Decimal)
    except (ValueError, RecursionError):
        problems.append(Problem(path, "not valid JSON"))
        return _UNREADABLE


def _by_id(section: str, record_id: str, student_id: str | None) -> str:
    if student_id is not None:
        return f"cohorts[{record_id}].students[{student_id}]"
    return f"{section}[{record_id}]"


def _records(register: Register, table: str) -> Iterator[tuple[str, object]]:
    source: Iterable[tuple[str, object]] = getattr(register, table).items()
    yield from source


def _encode(conv: cattrs.Converter, table: str, record: Any) -> Any:
    if table == "students":
        return student_json(conv, record)
    return conv.unstructure(record, _TYPES[table])


def _meta(meta: dict[str, object], path: str) -> tuple[int, bool]:
    """The store's revision and synthetic-ids flag, or a clear error if the file is damaged."""
    revision, synthetic = meta.get("revision"), meta.get("synthetic_ids")
    if not (isinstance(revision, str) and revision.isdigit()) or synthetic not in ("0", "1"):
        raise store_error(
            f"{path} is damaged: its meta table lacks a valid revision or synthetic_ids entry"
        )
    return int(revision), synthetic == "1"
