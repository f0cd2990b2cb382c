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
from mbprogram.storage._converter import converter
from mbprogram.storage._postgres_connection import Connection
from mbprogram.storage._postgres_schema import RECORD_TABLES
from mbprogram.storage._postgres_scope import Need
from mbprogram.storage._register_codec import Records, build_register, gc_paused, read
from mbprogram.storage._sqlite_rows import UNREADABLE, by_id, parsed, read_table

__all__ = ["built", "load_part", "load_whole", "select", "token"]

#: The typed columns read beside a row's id: what a part's rows refer to.
_EXTRA_COLUMNS: Final = {
    "students": ", cohort",
    "employments": ", person, unit, pot",
    "outcomes": ", person",
}


def load_whole(db: Connection) -> tuple[Register, list[tuple[int, Change]], str]:
    """The whole register, the seq of each history entry, and the revision."""
    rows = {table: select(db, table, "TRUE", ()) for table in RECORD_TABLES}
    found = db.execute("SELECT seq, body::text FROM history ORDER BY seq").fetchall()
    register = built(db, rows, [body for _, body in found])
    seqs = [int(r[0]) for r in found]
    return register, list(zip(seqs, register.history, strict=True)), token(db)


def select(
    db: Connection, table: str, where: str, values: Sequence[object]
) -> list[tuple[Any, ...]]:
    """The rows ``(position, id, [typed columns,] body)`` of ``table`` that ``where`` selects.

    In the order the records were added (their position), which is the register's.
    """
    extra = _EXTRA_COLUMNS.get(table, "")
    query = (
        f"SELECT position, id{extra}, body::text FROM {table} WHERE {where} "  # noqa: S608
        "ORDER BY position"
    )
    return list(db.execute(query, values).fetchall())


def load_part(db: Connection, need: Need) -> tuple[Register, Need]:
    """The part of the register ``need`` names, with the rows its records refer to."""
    rows: dict[str, dict[str, tuple[Any, ...]]] = {t: {} for t in RECORD_TABLES}

    def add(table: str, where: str, *values: object) -> None:
        if any(isinstance(x, list) and not x for x in values):
            return  # nothing to look up: no round trip
        for row in select(db, table, where, values):
            rows[table].setdefault(row[1], row)

    whole = sorted(need.whole_cohorts)
    add("students", "cohort = ANY(%s)", whole)
    add("students", "id = ANY(%s)", sorted(need.students))
    add("students", "national_id = ANY(%s)", sorted(need.national_ids))
    add("students", "certificate = ANY(%s)", sorted(need.certificates))
    add(
        "students",
        "id IN (SELECT student FROM placements WHERE unit = ANY(%s))",
        sorted(need.units),
    )
    own = sorted(
        {sid for sid, row in rows["students"].items() if row[2] in need.whole_cohorts}
        | need.students
    )
    for table in ("employments", "outcomes"):
        add(table, "person = ANY(%s)", own)
        add(table, "id = ANY(%s)", sorted(getattr(need, table)))
    add("employments", "pot = ANY(%s)", sorted(need.pots))
    people = {
        row[2] for table in ("employments", "outcomes") for row in rows[table].values()
    } - rows["students"].keys()
    if people:  # employments found by pot name people of other cohorts
        add("students", "id = ANY(%s)", sorted(people))
    cohorts = {row[2] for row in rows["students"].values()} | need.cohorts | need.whole_cohorts
    add("cohorts", "id = ANY(%s)", sorted(cohorts))
    if need.reference:
        add("host_units", "TRUE")
        add("budget_pots", "TRUE")
    else:
        placed = (
            db.execute(
                "SELECT DISTINCT unit FROM placements WHERE student = ANY(%s)",
                (sorted(rows["students"]),),
            ).fetchall()
            if rows["students"]
            else []
        )
        units = {u for (u,) in placed} | {r[3] for r in rows["employments"].values()}
        add("host_units", "id = ANY(%s)", sorted(units | need.host_units))
        pots = {r[4] for r in rows["employments"].values() if r[4] is not None}
        add("budget_pots", "id = ANY(%s)", sorted(pots | need.pots))
    ordered = {t: sorted(found.values(), key=lambda r: int(r[0])) for t, found in rows.items()}
    return built(db, ordered, []), attrs.evolve(
        need, cohorts=cohorts, students=need.students | people
    )


def built(
    db: Connection, rows: dict[str, list[tuple[Any, ...]]], history: list[object]
) -> Register:
    """The register of ``rows`` (by table) and ``history`` (the entries' bodies), checked."""
    conv = converter()
    records, problems = Records(), list[Problem]()
    synthetic = db.meta().get("synthetic_ids") == "1"
    with gc_paused():
        for table, found in rows.items():
            read_table(conv, table, found, records, problems)
        for i, body in enumerate(history):
            raw = parsed(body, f"history[{i}]", problems)
            change = (
                None if raw is UNREADABLE else read(conv, raw, Change, f"history[{i}]", problems)
            )
            if change is not None:
                records.history.append(change)
        if problems:
            raise DocumentError(problems, summary=f"invalid records in {db.name}")
        return build_register(records, allow_synthetic_ids=synthetic, locate=by_id)


def token(db: Connection) -> str:
    """The revision: a hash, computed by the database, of every row the store holds."""
    parts = [
        f"(SELECT md5(coalesce(string_agg(id || ' ' || body::text, ',' ORDER BY id), '')) "  # noqa: S608
        f"FROM {table})"
        for table in RECORD_TABLES
    ]
    parts.append(
        "(SELECT count(*)::text || md5(coalesce(string_agg(seq || ' ' || body::text, ',' "
        "ORDER BY seq), '')) FROM history)"
    )
    parts.append("(SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM meta)")
    found = db.execute(f"SELECT {', '.join(parts)}").fetchone()
    digest = hashlib.sha256("\n".join(str(x) for x in found).encode()).hexdigest()
    return f"pg:{digest[:40]}"
