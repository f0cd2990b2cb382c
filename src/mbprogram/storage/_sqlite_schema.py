"""The SQLite store's schema, its version and the forward migrations that reach it.

A store is an SQLite database whose header carries mbprogram's
``application_id`` and whose ``user_version`` is the schema version. Opening a
store applies, in one transaction, every migration after its version; a store
of a newer version than this mbprogram knows is refused, never guessed at.

Schema (version 3):

``meta(key, value)``
    ``revision``: the store-wide version, raised by one on every save;
    ``synthetic_ids``: ``1`` if the register accepts synthetic identity numbers.
``host_units``, ``cohorts``, ``budget_pots``, ``employments``, ``outcomes``
    ``(position, id, body)``: one row per record, in the register's order, its
    ``body`` the record's JSON in the document format (``docs/format.md``);
    a cohort's body holds no students.
``students(position, id, cohort, body)``
    one row per student, ``body`` as listed under a cohort in a document.
``history(seq, actor, at, action, record, before, after, part, chain)``
    one row per change, oldest first, as the document format writes an entry:
    ``before``/``after`` the whole record's JSON or NULL, ``chain`` its seal.
    Version 3 added ``part`` and ``chain``; a row they are NULL in was written
    by version 2 (the record's changed part as a tagged snapshot), and loading
    migrates such a history in memory; the next save writes it anew.

A store is what it claims only if its schema is exactly this one:
:func:`schema_differences` compares a database's schema (every table, column,
index, view and trigger in ``sqlite_master``) with the one the migrations make
for its version, and names what differs. A trigger could copy deleted rows
elsewhere, ignore deletes or reset the revision; a view or an extra table
could stand in for a table or hold copies. None of them is allowed.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable
from typing import Final

from mbprogram.catalogue import Phrase, Term
from mbprogram.storage._problems import joined, quotable
from mbprogram.storage._sqlite_transactions import (
    MIGRATING,
    READING,
    Transaction,
    sqlite_reason,
    store_error,
)

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "RECORD_TABLES",
    "SCHEMA_VERSION",
    "check_schema",
    "prepare",
    "schema_differences",
]

#: ``PRAGMA application_id`` of an mbprogram store: "MBpg".
APPLICATION_ID: Final = 0x4D427067

#: The record tables that hold one row per record with an id.
RECORD_TABLES: Final = (
    "host_units",
    "cohorts",
    "students",
    "budget_pots",
    "employments",
    "outcomes",
)


def _record_table(name: str, *extra: str) -> str:
    columns = ", ".join(
        ("position INTEGER PRIMARY KEY", "id TEXT NOT NULL UNIQUE", *extra, "body TEXT NOT NULL")
    )
    return f"CREATE TABLE {name} ({columns})"


#: Forward migrations: ``(version reached, statements)``, in order. Never edit a
#: released one; add the next.
MIGRATIONS: Final[tuple[tuple[int, tuple[str, ...]], ...]] = (
    (
        1,
        (
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO meta (key, value) VALUES ('revision', '0'), ('synthetic_ids', '0')",
            *(_record_table(t) for t in RECORD_TABLES if t != "students"),
            _record_table("students", "cohort TEXT NOT NULL"),
            (
                "CREATE TABLE history (seq INTEGER PRIMARY KEY, actor TEXT NOT NULL, "
                "at TEXT NOT NULL, action TEXT NOT NULL, record TEXT NOT NULL, "
                "before TEXT, after TEXT)"
            ),
        ),
    ),
    (
        2,
        (
            # "who changed this record?" and a cohort's students without a full scan
            "CREATE INDEX history_record ON history (record)",
            "CREATE INDEX students_cohort ON students (cohort)",
        ),
    ),
    (
        3,
        (
            # each entry carries its whole record and its seal (docs/format.md, "History")
            "ALTER TABLE history ADD COLUMN part TEXT",
            "ALTER TABLE history ADD COLUMN chain TEXT",
        ),
    ),
)

#: The schema version this mbprogram writes.
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]


#: One entry of ``sqlite_master``: type, name, the table it belongs to, its SQL.
_Entry = tuple[str, str, str, str]
#: A table's columns: name -> (type, NOT NULL, default, primary key position).
_Columns = dict[str, tuple[object, ...]]


def _entries(db: sqlite3.Connection) -> dict[tuple[str, str], _Entry]:
    found = db.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    entries: dict[tuple[str, str], _Entry] = {}
    for kind, name, table, sql in found:
        entry = (str(kind), str(name), str(table), " ".join(str(sql or "").split()))
        entries[entry[0], entry[1]] = entry
    return entries


def _columns(db: sqlite3.Connection, table: str) -> _Columns:
    rows = db.execute("SELECT * FROM pragma_table_info(?)", (table,)).fetchall()
    return {str(row[1]): tuple(row[2:]) for row in rows}


@functools.cache
def _expected(version: int) -> tuple[dict[tuple[str, str], _Entry], dict[str, _Columns]]:
    """The schema the migrations make up to ``version``, and the columns of each table."""
    db = sqlite3.connect(":memory:")
    try:
        for reached, statements in MIGRATIONS:
            if reached <= version:
                for statement in statements:
                    db.execute(statement)
        entries = _entries(db)
        tables = {name: _columns(db, name) for kind, name in entries if kind == "table"}
        return entries, tables
    finally:
        db.close()


_KINDS: Final = frozenset({"table", "index", "view", "trigger"})


def _kind(kind: str, *, the: bool) -> str:
    """A kind of schema entry in words (``tabellen`` or ``tabell`` in bokmål)."""
    if kind not in _KINDS and kind != "column":
        return kind
    return Term(f"reading.schema.{'the' if the else 'a'}.{kind}")


def _named(kind: str, name: str, *, the: bool = False) -> str:
    """``kind name`` in words (``table students``), the name only if it reads like an id."""
    word = _kind(kind, the=the)
    if quotable(name):
        return Phrase("reading.schema.named", kind=word, name=name)
    return Phrase("reading.schema.unnamed", kind=word)


def schema_differences(db: sqlite3.Connection, version: int) -> list[str]:
    """What differs between the schema of ``db`` and that of an mbprogram store of ``version``.

    Returns one line per difference (``an extra trigger copy_rows on the table
    students``, ``the table history lacks the column after``), or nothing if the
    two are the same. Names found in the database are quoted only if they read
    like ids.
    """
    expected, expected_columns = _expected(version)
    found = _entries(db)
    differences: list[str] = []
    for key, entry in expected.items():
        kind, name = key
        the = _kind(kind, the=True)
        if key not in found:
            differences.append(Phrase("reading.schema.missing", kind=the, name=name))
        elif found[key] != entry:
            columns = (
                list(_column_differences(name, expected_columns[name], _columns(db, name)))
                if kind == "table"
                else []
            )
            differences += columns or [Phrase("reading.schema.different", kind=the, name=name)]
    for key, (kind, name, table, _) in found.items():
        if key not in expected:
            on = (
                Phrase("reading.schema.on", table=_named("table", table, the=True))
                if kind in ("index", "trigger")
                else ""
            )
            differences.append(Phrase("reading.schema.extra", named=_named(kind, name), on=on))
    return differences


def _column_differences(table: str, expected: _Columns, found: _Columns) -> Iterable[str]:
    for column, definition in expected.items():
        if column not in found:
            yield Phrase("reading.schema.lacks", table=table, column=column)
        elif found[column] != definition:
            yield Phrase("reading.schema.column_different", table=table, column=column)
    for column in found:
        if column not in expected:
            yield Phrase("reading.schema.extra_column", table=table, named=_named("column", column))


def prepare(db: sqlite3.Connection, path: str, *, create: bool) -> None:
    """Make the database at ``path`` a store of the current version, or refuse it.

    An empty database becomes a new store if ``create``; an older store is
    migrated forward, in one transaction, after its schema is checked against
    its version's.

    Raises:
        DocumentError: if the database is empty (and ``create`` is false), is
            another application's, of a newer version, or not what it claims.
    """
    try:
        db.execute("PRAGMA journal_mode=DELETE").fetchone()
        # Deleted records (an erasure) are overwritten, not left in free pages.
        db.execute("PRAGMA secure_delete=ON").fetchone()
        version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as e:
        raise store_error(
            "reading.store.unreadable_db", path=path, reason=sqlite_reason(e)
        ) from None
    if version == 0 and tables == 0 and application == 0:
        if not create:
            raise store_error("reading.store.empty_db", path=path)
    elif application != APPLICATION_ID:
        raise store_error("reading.store.other_app", path=path)
    if version > SCHEMA_VERSION:
        raise store_error("reading.store.newer", path=path, version=version, most=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        with Transaction(db, "BEGIN", READING, path):
            check_schema(db, path)
        return
    with Transaction(db, "BEGIN IMMEDIATE", MIGRATING, path):
        version = db.execute("PRAGMA user_version").fetchone()[0]  # as of the lock
        check_schema(db, path, version)  # a store is migrated only if it is one
        for reached, statements in MIGRATIONS:
            if reached > version:
                for statement in statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {reached:d}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


def check_schema(db: sqlite3.Connection, path: str, version: int = SCHEMA_VERSION) -> None:
    """Refuse the store at ``path`` unless its schema is that of ``version``.

    Raises:
        DocumentError: naming every difference.
    """
    differences = schema_differences(db, version)
    if differences:
        raise store_error(
            "reading.store.schema", path=path, version=version, differences=joined(differences)
        )
