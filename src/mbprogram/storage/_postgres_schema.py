"""The PostgreSQL store's schema, its version and the forward migrations that reach it.

The store lives in the schema the connection's ``search_path`` names first
(``public`` unless the URL says otherwise, e.g. ``?options=-csearch_path%3Dmb``).
Its version is kept in ``meta`` (key ``schema_version``); opening a store
applies, in one transaction under an advisory lock (so two processes opening a
new store do not both migrate it), every migration after that version, and a
store of a newer version than this mbprogram knows is refused.

Schema (version 3), one row per record, typed columns beside the body
(``body``: the record's JSON in the document format, ``docs/format.md``):

``meta(key, value)``
    ``schema_version``; ``synthetic_ids`` (``1`` if the register accepts
    synthetic identity numbers); ``demo`` (``1`` while the demo's save is the last).
``cohorts(id, position, starts, ends, body)``
    a cohort's body holds no students.
``host_units(id, position, capacity, body)``, ``budget_pots(id, position, capacity, body)``
``students(id, position, cohort → cohorts, national_id UNIQUE, certificate UNIQUE, body)``
    ``body`` as listed under a cohort in a document; ``national_id`` and
    ``certificate`` let a change find, by index, the one other student who
    holds the same number or certificate.
``placements(student → students, placement, unit → host_units, starts, ends)``
    one row per placement of a student (also in the student's body): who is
    placed at a unit, by index, without reading every student.
``employments(id, position, person → students, unit → host_units, pot → budget_pots, starts, body)``
``outcomes(id, position, person → students, body)``
``history(seq, actor, at, action, record, body)``
    one row per change, oldest first; ``body`` is the entry as the document
    format writes it (its ``before``/``after`` the whole records, its ``chain`` the seal), the
    typed columns who, when, what and on which record, for queries.
``history_pending(id, actor, at, action, record, body, content)`` (version 2)
    entries a change on a part of the register wrote, not yet sealed: ``body``
    with an empty ``chain``, ``content`` the entry's canonical bytes (what its
    seal is computed over). A short step after the change's commit moves them
    to ``history`` in the order they were written, sealed after its last entry
    (:mod:`mbprogram.storage._postgres_sealing`); a reader finds any still
    waiting after the sealed ones.
``mb_seal_pending()`` (version 3)
    the function that step calls: it seals the waiting entries under the
    chain's advisory lock, in the database, in one round trip.

Every foreign key is checked at the commit (``DEFERRABLE INITIALLY
DEFERRED``), so one transaction may write records in any order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from mbprogram.catalogue import Phrase, Term
from mbprogram.storage._problems import joined
from mbprogram.storage._sqlite_transactions import store_error

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "CHAIN_LOCK",
    "MIGRATIONS",
    "RECORD_TABLES",
    "SCHEMA_VERSION",
    "SEAL_FUNCTION",
    "TABLES",
    "prepare",
    "schema_differences",
]

#: The record tables, in the order a whole register is written (referenced tables first).
RECORD_TABLES: Final = (
    "host_units",
    "cohorts",
    "budget_pots",
    "students",
    "employments",
    "outcomes",
)
#: Every table of a store.
TABLES: Final = ("meta", *RECORD_TABLES, "placements", "history", "history_pending")
#: The key of ``pg_advisory_xact_lock`` held while a store is created or migrated ("MBpg").
_MIGRATION_LOCK: Final = 0x4D427067
#: The key of the advisory lock held while the history is sealed or rewritten ("MBch").
CHAIN_LOCK: Final = 0x4D426368
_TABLE: Final = Term("reading.schema.the.table")
_FUNCTION: Final = Term("reading.schema.the.function")

_DEFERRED: Final = "DEFERRABLE INITIALLY DEFERRED"
_ROW: Final = "id text PRIMARY KEY, position bigserial NOT NULL"

#: The name of the function that seals the waiting history entries (version 3).
SEAL_FUNCTION: Final = "mb_seal_pending"

#: The function: under the chain's advisory lock (for its transaction), each entry
#: waiting in ``history_pending`` is moved to ``history`` in the order written,
#: sealed after the one before as :func:`mbprogram.model.history.seal_content`
#: computes it: SHA-256 of the previous chain value (ASCII), a newline and the
#: entry's canonical content, in lowercase hexadecimal. Each statement of a
#: function called in ``READ COMMITTED`` sees what is committed when it starts,
#: so after the lock it sees every entry committed before the lock was granted.
#: It runs with its caller's rights (the application's role can call it). It returns how
#: many entries it sealed, or -1 if it failed (and then sealed none: the entries wait),
#: so that its call can ride with a change's commit without its error reading as the
#: commit's.
_SEAL_FUNCTION: Final = f"""
CREATE FUNCTION {SEAL_FUNCTION}() RETURNS integer LANGUAGE plpgsql AS $seal$
DECLARE
    previous text;
    entry record;
    sealed integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    SELECT body->>'chain' INTO previous FROM history ORDER BY seq DESC LIMIT 1;
    previous := coalesce(previous, '');
    FOR entry IN SELECT id, actor, at, action, record, body, content
                 FROM history_pending ORDER BY id LOOP
        previous := encode(
            sha256(convert_to(previous, 'UTF8') || '\\x0a'::bytea || entry.content), 'hex');
        INSERT INTO history (actor, at, action, record, body)
        VALUES (entry.actor, entry.at, entry.action, entry.record,
                jsonb_set(entry.body, '{{chain}}', to_jsonb(previous)));
        DELETE FROM history_pending WHERE id = entry.id;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
EXCEPTION WHEN OTHERS THEN
    RETURN -1;  -- nothing sealed: the entries wait for the next seal
END
$seal$
"""  # noqa: S608 - made of constants only

#: Forward migrations: ``(version reached, statements)``, in order. Never edit a
#: released one; add the next.
MIGRATIONS: Final[tuple[tuple[int, tuple[str, ...]], ...]] = (
    (
        1,
        (
            "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
            "INSERT INTO meta (key, value) VALUES ('synthetic_ids', '0')",
            f"CREATE TABLE host_units ({_ROW}, capacity integer NOT NULL, body jsonb NOT NULL)",
            (
                f"CREATE TABLE cohorts ({_ROW}, starts date NOT NULL, ends date NOT NULL, "
                "body jsonb NOT NULL)"
            ),
            f"CREATE TABLE budget_pots ({_ROW}, capacity integer NOT NULL, body jsonb NOT NULL)",
            # room on each page, so that a changed student is rewritten in place (a
            # HOT update, no new index entries) and writers of other cohorts' rows
            # do not meet in the indexes
            (
                f"CREATE TABLE students ({_ROW}, cohort text NOT NULL REFERENCES cohorts (id) "
                f"{_DEFERRED}, national_id text UNIQUE {_DEFERRED}, "
                f"certificate text UNIQUE {_DEFERRED}, body jsonb NOT NULL) WITH (fillfactor = 50)"
            ),
            "CREATE INDEX students_cohort ON students (cohort)",
            (
                "CREATE TABLE placements (student text NOT NULL REFERENCES students (id) "
                f"ON DELETE CASCADE {_DEFERRED}, placement text NOT NULL, unit text NOT NULL "
                f"REFERENCES host_units (id) {_DEFERRED}, starts date NOT NULL, "
                "ends date NOT NULL, PRIMARY KEY (student, placement))"
            ),
            "CREATE INDEX placements_unit ON placements (unit)",
            (
                f"CREATE TABLE employments ({_ROW}, person text NOT NULL REFERENCES students (id) "
                f"{_DEFERRED}, unit text NOT NULL REFERENCES host_units (id) {_DEFERRED}, "
                f"pot text REFERENCES budget_pots (id) {_DEFERRED}, starts date NOT NULL, "
                "body jsonb NOT NULL)"
            ),
            "CREATE INDEX employments_person ON employments (person)",
            "CREATE INDEX employments_pot ON employments (pot)",
            (
                f"CREATE TABLE outcomes ({_ROW}, person text NOT NULL REFERENCES students (id) "
                f"{_DEFERRED}, body jsonb NOT NULL)"
            ),
            "CREATE INDEX outcomes_person ON outcomes (person)",
            (
                "CREATE TABLE history (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                "actor text NOT NULL, at timestamptz NOT NULL, action text NOT NULL, "
                "record text NOT NULL, body jsonb NOT NULL)"
            ),
            "CREATE INDEX history_record ON history (record)",
        ),
    ),
    (
        2,
        (
            (
                "CREATE TABLE history_pending (id bigint GENERATED ALWAYS AS IDENTITY "
                "PRIMARY KEY, actor text NOT NULL, at timestamptz NOT NULL, action text NOT NULL, "
                "record text NOT NULL, body jsonb NOT NULL, content bytea NOT NULL)"
            ),
        ),
    ),
    (3, (_SEAL_FUNCTION,)),
)

#: The schema version this mbprogram writes.
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]

#: The columns of each table at the current version, as ``information_schema`` names them.
_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "meta": ("key", "value"),
    "host_units": ("id", "position", "capacity", "body"),
    "cohorts": ("id", "position", "starts", "ends", "body"),
    "budget_pots": ("id", "position", "capacity", "body"),
    "students": ("id", "position", "cohort", "national_id", "certificate", "body"),
    "placements": ("student", "placement", "unit", "starts", "ends"),
    "employments": ("id", "position", "person", "unit", "pot", "starts", "body"),
    "outcomes": ("id", "position", "person", "body"),
    "history": ("seq", "actor", "at", "action", "record", "body"),
    "history_pending": ("id", "actor", "at", "action", "record", "body", "content"),
}


def _tables(db: psycopg.Connection[tuple[object, ...]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    rows = db.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "WHERE c.table_schema = current_schema()"
    ).fetchall()
    for table, column in rows:
        found.setdefault(str(table), set()).add(str(column))
    return found


def schema_differences(db: psycopg.Connection[tuple[object, ...]]) -> list[str]:
    """What differs between the tables in the connection's schema and a store's.

    Only the store's own tables are compared (a schema may hold others'); a
    name found in the database is never quoted, only the store's own names.
    """
    found = _tables(db)
    differences: list[str] = []
    function = db.execute("SELECT to_regprocedure(%s) IS NULL", (f"{SEAL_FUNCTION}()",))
    if function.fetchone() == (True,):
        differences.append(Phrase("reading.schema.missing", kind=_FUNCTION, name=SEAL_FUNCTION))
    for table, columns in _COLUMNS.items():
        if table not in found:
            differences.append(Phrase("reading.schema.missing", kind=_TABLE, name=table))
            continue
        missing = [c for c in columns if c not in found[table]]
        differences += [Phrase("reading.schema.lacks", table=table, column=c) for c in missing]
        extra = len(found[table] - set(columns))
        if extra:
            differences.append(Phrase("reading.schema.extra_columns", table=table, n=extra))
    return differences


def _version(db: psycopg.Connection[tuple[object, ...]]) -> int | None:
    """The store's schema version, ``0`` for a schema without a store, ``None`` if unreadable."""
    if db.execute("SELECT to_regclass('meta') IS NULL").fetchone() == (True,):
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or not isinstance(row[0], str) or not row[0].isascii() or not row[0].isdigit():
        return None
    return int(row[0])


def prepare(db: psycopg.Connection[tuple[object, ...]], name: str, *, create: bool) -> None:
    """Make the connection's schema a store of the current version, or refuse it.

    Runs in its own transaction on ``db`` (which is in autocommit mode). A
    schema with no store becomes one if ``create``; an older store is migrated
    forward.

    Raises:
        DocumentError: if there is no store (and ``create`` is false), the
            store is of a newer version, or its tables are not a store's.
    """
    db.execute("BEGIN")
    try:
        _migrate(db, name, create=create)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _migrate(db: psycopg.Connection[tuple[object, ...]], name: str, *, create: bool) -> None:
    """:func:`prepare`'s work, in its transaction."""
    db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
    version = _version(db)
    if version is None:
        raise store_error("reading.store.pg_meta", name=name)
    if version == 0 and not create:
        raise store_error("reading.store.missing", name=name)
    if version > SCHEMA_VERSION:
        raise store_error("reading.store.newer", path=name, version=version, most=SCHEMA_VERSION)
    for reached, statements in MIGRATIONS:
        if reached > version:
            for statement in statements:
                db.execute(statement)
    if version < SCHEMA_VERSION:  # a store at the version is not written to
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )
    differences = schema_differences(db)
    if differences:
        raise store_error(
            "reading.store.tables",
            path=name,
            version=SCHEMA_VERSION,
            differences=joined(differences),
        )
