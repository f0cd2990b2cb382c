"""Reading a PostgreSQL store's rows: the whole register, a part of it, the revision.

Rows are read by the SQLite store's row readers (:mod:`mbprogram.storage._sqlite_rows`),
which trust nothing a row holds, and the register is rebuilt through
:func:`~mbprogram.storage._register_codec.build_register`, which checks every
rule: a part is checked as a whole register is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, Final

import attrs

from mbprogram.exceptions import DocumentError, Problem
from mbprogram.model.history import Change
from mbprogram.register.aggregate import Register
from mbprogram.register.history import sealed_after
from mbprogram.storage._converter import converter
from mbprogram.storage._kept import one_load
from mbprogram.storage._postgres_connection import Connection
from mbprogram.storage._postgres_schema import RECORD_TABLES
from mbprogram.storage._postgres_scope import Need
from mbprogram.storage._register_codec import Records, build_register, gc_paused, read
from mbprogram.storage._sqlite_rows import UNREADABLE, by_id, parsed, read_table

__all__ = ["Stored", "built", "load_part", "load_whole", "token"]

#: The typed columns read beside a row's id: what a part's rows refer to.
_EXTRA_COLUMNS: Final = {
    "students": ("cohort",),
    "employments": ("person", "unit", "pot"),
    "outcomes": ("person",),
}
#: The most typed columns a table has beside its id (a part's rows are read in one result).
_WIDEST: Final = max(len(columns) for columns in _EXTRA_COLUMNS.values())


@attrs.frozen
class Stored:
    """Where a whole register's history entries are stored: by seq, and those waiting.

    Attributes:
        sealed: the seq of each entry of ``history`` with the entry, in order.
        pending: the ids of the entries waiting in ``history_pending``
            (:mod:`mbprogram.storage._postgres_sealing`), which follow them.
    """

    sealed: list[tuple[int, Change]]
    pending: list[int]


def load_whole(db: Connection) -> tuple[Register, Stored, str]:
    """The whole register, where its history entries are stored, and the revision.

    Entries still waiting for their seal follow the sealed ones, sealed here
    as the next seal will seal them.
    """
    queries = [_select(table, "TRUE", ()) for table in RECORD_TABLES]
    queries.append(("SELECT seq, body::text FROM history ORDER BY seq", ()))
    queries.append(("SELECT id, body::text FROM history_pending ORDER BY id", ()))
    queries.append((_META, ()))
    *found, history, pending, meta = db.batch(queries)
    rows = dict(zip(RECORD_TABLES, found, strict=True))
    bodies = [body for _, body in history]
    register = built(db, rows, bodies, _synthetic(meta), pending=[body for _, body in pending])
    seqs = [int(seq) for seq, _ in history]
    stored = Stored(list(zip(seqs, register.history, strict=False)), [int(i) for i, _ in pending])
    return register, stored, token(db)


#: The query of the store-wide values.
_META: Final = "SELECT key, value FROM meta"


def _synthetic(meta: list[Any]) -> bool:
    return ("synthetic_ids", "1") in [tuple(row) for row in meta]


#: A query and its values.
_Query = tuple[str, Sequence[object]]


def _select(table: str, where: str, values: Sequence[object]) -> _Query:
    """The query of the rows ``(position, id, [typed columns,] body)`` of ``table`` ``where``
    selects, in the order the records were added (their position), which is the register's."""
    extra = "".join(f", {column}" for column in _EXTRA_COLUMNS.get(table, ()))
    query = (
        f"SELECT position, id{extra}, body::text FROM {table} WHERE {where} "  # noqa: S608
        "ORDER BY position"
    )
    return query, values


def _branch(table: str, where: str) -> str:
    """One table's part of a statement reading several: ``(table, position, id, typed columns
    padded with nulls to the widest, body)``, so that every table's rows fit one result."""
    columns = [f"{c}::text" for c in _EXTRA_COLUMNS.get(table, ())]
    columns += ["NULL::text"] * (_WIDEST - len(columns))
    return (
        f"SELECT '{table}'::text, position::bigint, id::text, {', '.join(columns)}, "  # noqa: S608
        f"body::text FROM {table} WHERE {where}"
    )


#: The store-wide values as a branch of a statement reading rows (key as id, value beside it).
_META_BRANCH: Final = (
    "SELECT 'meta'::text, NULL::bigint, key::text, value::text"  # noqa: S608 - no values in it
    + ", NULL::text" * _WIDEST
    + " FROM meta"
)


def load_part(db: Connection, need: Need) -> tuple[Register, Need]:
    """The part of the register ``need`` names, with the rows its records refer to.

    Two round trips of one statement each: the rows ``need`` names (with the
    store-wide values), then those they refer to (the people of employments
    found by pot, the cohorts, host units and pots named).
    """
    rows: dict[str, dict[str, tuple[Any, ...]]] = {t: {} for t in RECORD_TABLES}
    whole, named = sorted(need.whole_cohorts), sorted(need.students)
    of_cohorts = "IN (SELECT id FROM students WHERE cohort = ANY(%s))"
    first = [
        ("students", "cohort = ANY(%s)", whole),
        ("students", "id = ANY(%s)", named),
        ("students", "national_id = ANY(%s)", sorted(need.national_ids)),
        ("students", "certificate = ANY(%s)", sorted(need.certificates)),
        (
            "students",
            "id IN (SELECT student FROM placements WHERE unit = ANY(%s))",
            sorted(need.units),
        ),
        ("employments", "person = ANY(%s)", named),
        ("employments", f"person {of_cohorts}", whole),
        ("employments", "id = ANY(%s)", sorted(need.employments)),
        ("employments", "pot = ANY(%s)", sorted(need.pots)),
        ("outcomes", "person = ANY(%s)", named),
        ("outcomes", f"person {of_cohorts}", whole),
        ("outcomes", "id = ANY(%s)", sorted(need.outcomes)),
    ]
    meta = _fetch(db, rows, first, meta=True)
    people = sorted(
        {row[2] for table in ("employments", "outcomes") for row in rows[table].values()}
        - rows["students"].keys()
    )  # employments found by pot name people of other cohorts
    students = sorted(rows["students"].keys() | set(people))
    cohorts = {row[2] for row in rows["students"].values()} | need.cohorts | need.whole_cohorts
    second = [
        ("students", "id = ANY(%s)", people),
        (
            "cohorts",
            "id = ANY(%s) OR id IN (SELECT cohort FROM students WHERE id = ANY(%s))",
            sorted(cohorts),
            people,
        ),
    ]
    if need.reference:
        second += [("host_units", "TRUE"), ("budget_pots", "TRUE")]
    else:
        units = {r[3] for r in rows["employments"].values()} | need.host_units
        pots = {r[4] for r in rows["employments"].values() if r[4] is not None} | need.pots
        second += [
            (
                "host_units",
                "id = ANY(%s) OR id IN (SELECT unit FROM placements WHERE student = ANY(%s))",
                sorted(units),
                students,
            ),
            ("budget_pots", "id = ANY(%s)", sorted(pots)),
        ]
    _fetch(db, rows, second)
    ordered = {t: sorted(found.values(), key=lambda r: int(r[0])) for t, found in rows.items()}
    loaded_cohorts = cohorts | {row[2] for row in rows["students"].values()}
    register = built(db, ordered, [], _synthetic(meta))
    return register, attrs.evolve(
        need,
        cohorts=loaded_cohorts,
        students=need.students | set(people),
        host_units=need.host_units | rows["host_units"].keys(),
    )


def _fetch(
    db: Connection,
    rows: dict[str, dict[str, tuple[Any, ...]]],
    lookups: list[tuple[Any, ...]],
    *,
    meta: bool = False,
) -> list[tuple[str, str]]:
    """Run the ``lookups`` (table, where, values…) that look anything up as one statement
    (one round trip, one result); add the rows found to ``rows``. With ``meta``, the
    statement reads the store-wide values too: they are returned as (key, value) rows."""
    wanted = [(t, where, values) for t, where, *values in lookups if any(values) or not values]
    branches = [_branch(table, where) for table, where, _ in wanted]
    if meta:
        branches.append(_META_BRANCH)
    if not branches:
        return []
    values = [value for _, _, each in wanted for value in each]
    (found,) = db.batch([(" UNION ALL ".join(branches), values)])
    store_wide: list[tuple[str, str]] = []
    for table, position, record_id, *columns, body in found:
        if table == "meta":
            store_wide.append((record_id, columns[0]))
            continue
        typed = columns[: len(_EXTRA_COLUMNS.get(table, ()))]
        rows[table].setdefault(record_id, (position, record_id, *typed, body))
    return store_wide


def built(
    db: Connection,
    rows: dict[str, list[tuple[Any, ...]]],
    history: list[object],
    synthetic: bool,
    *,
    pending: Sequence[object] = (),
) -> Register:
    """The register of ``rows`` (by table) and ``history`` (the entries' bodies), checked.

    The entries of ``pending`` (bodies of entries not yet sealed) follow those
    of ``history``, sealed after its last one.
    """
    conv = converter()
    records, problems = Records(), list[Problem]()
    with gc_paused(kept=True), one_load():
        for table, found in rows.items():
            read_table(conv, table, found, records, problems)
        unsealed: list[Change] = []
        for i, body in enumerate([*history, *pending]):
            raw = parsed(body, f"history[{i}]", problems)
            change = (
                None if raw is UNREADABLE else read(conv, raw, Change, f"history[{i}]", problems)
            )
            if change is not None:
                (records.history if i < len(history) else unsealed).append(change)
        if problems:
            raise DocumentError(
                problems,
                summary_key="reading.store.invalid_records",
                summary_values={"store": db.name},
            )
        records.history += sealed_after(records.history, unsealed)
        return build_register(records, allow_synthetic_ids=synthetic, locate=by_id)


def token(db: Connection) -> str:
    """The revision: a hash, computed by the database, of every row the store holds."""
    parts = [
        f"(SELECT md5(coalesce(string_agg(id || ' ' || body::text, ',' ORDER BY id), '')) "  # noqa: S608
        f"FROM {table})"
        for table in RECORD_TABLES
    ]
    # the history's entries in order, sealed and waiting alike, without their seals:
    # sealing the waiting entries changes no revision
    parts.append(
        "(SELECT count(*)::text || md5(coalesce(string_agg((body - 'chain')::text, ',' "
        "ORDER BY sealed DESC, n), '')) FROM (SELECT TRUE AS sealed, seq AS n, body FROM history "
        "UNION ALL SELECT FALSE, id, body FROM history_pending) AS entries)"
    )
    parts.append("(SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM meta)")
    found = db.execute(f"SELECT {', '.join(parts)}").fetchone()
    digest = hashlib.sha256("\n".join(str(x) for x in found).encode()).hexdigest()
    return f"pg:{digest[:40]}"
