"""The SQLite store's schema, its version and the forward migrations that reach it.

A store is an SQLite database whose header carries mbprogram's
``application_id`` and whose ``user_version`` is the schema version. Opening a
store applies, in one transaction, every migration after its version; a store
of a newer version than this mbprogram knows is refused, never guessed at.

Schema (version 2):

``meta(key, value)``
    ``revision``: the store-wide version, raised by one on every save;
    ``synthetic_ids``: ``1`` if the register accepts synthetic identity numbers.
``host_units``, ``cohorts``, ``budget_pots``, ``employments``, ``outcomes``
    ``(position, id, body)``: one row per record, in the register's order, its
    ``body`` the record's JSON in the document format (``docs/format.md``);
    a cohort's body holds no students.
``students(position, id, cohort, body)``
    one row per student, ``body`` as listed under a cohort in a document.
``history(seq, actor, at, action, record, before, after)``
    one row per change, oldest first; ``before``/``after`` are the tagged
    snapshots of the document format, or NULL.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "RECORD_TABLES",
    "SCHEMA_VERSION",
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
)

#: The schema version this mbprogram writes.
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]
