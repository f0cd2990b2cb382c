"""Writing a PostgreSQL store's rows: only those that differ, and the history's edits."""

from __future__ import annotations

import json

import cattrs

from mbprogram.register.aggregate import Register
from mbprogram.storage._history_codec import history_json
from mbprogram.storage._postgres_connection import Connection
from mbprogram.storage._postgres_reading import Stored
from mbprogram.storage._postgres_rows import (
    COLUMNS,
    HistoryEdit,
    history_edit,
    placement_rows,
    record_values,
    table_edit,
)
from mbprogram.storage._postgres_schema import RECORD_TABLES
from mbprogram.storage._postgres_sealing import write_pending

__all__ = ["write", "write_history", "write_meta"]


def write(
    db: Connection,
    conv: cattrs.Converter,
    old: Register,
    new: Register,
    stored: Stored | None,
) -> None:
    """Write the rows that differ between ``old`` (as loaded) and ``new``.

    ``stored`` says where a whole register's history is stored (the caller
    holds the chain's lock: :func:`~mbprogram.storage._postgres_sealing.chain_held`);
    for a part (which holds no history) the entries the change appended wait
    for their seal (:data:`~mbprogram.storage._postgres_sealing.SEAL`).
    """
    edits = {t: table_edit(getattr(old, t), getattr(new, t)) for t in RECORD_TABLES}
    for table in reversed(RECORD_TABLES):
        gone = list(edits[table].delete)
        if gone:
            db.queue(f"DELETE FROM {table} WHERE id = ANY(%s)", (gone,))  # noqa: S608
    for table in RECORD_TABLES:
        edit, columns = edits[table], COLUMNS[table]
        marks = ", ".join("%s::jsonb" if c == "body" else "%s" for c in columns)
        sets = ", ".join(f"{c} = %s::jsonb" if c == "body" else f"{c} = %s" for c in columns)
        inserted, updated = db.encoded(
            lambda: (
                [(r.id, *record_values(conv, table, r)) for r in edit.insert],  # noqa: B023
                [(*record_values(conv, table, r), r.id) for r in edit.update],  # noqa: B023
            )
        )
        columns_named = ", ".join(columns)
        db.many(
            f"INSERT INTO {table} (id, {columns_named}) VALUES (%s, {marks})",  # noqa: S608
            inserted,
        )
        db.many(f"UPDATE {table} SET {sets} WHERE id = %s", updated)  # noqa: S608
    placed = edits["students"].placed
    if placed:
        db.queue("DELETE FROM placements WHERE student = ANY(%s)", ([s.id for s in placed],))
        db.many(
            "INSERT INTO placements (student, placement, unit, starts, ends) "
            "VALUES (%s, %s, %s, %s, %s)",
            [row for s in placed for row in placement_rows(s)],
        )
    if stored is None:  # sealed after the commit (a part holds no history, and reads none)
        write_pending(db, conv, new.history[len(old.history) :])
        return
    write_history(db, conv, history_edit(stored.sealed, new.history))
    if stored.pending:  # now in ``history``, as the edit appends them (or gone with an erasure)
        db.queue("DELETE FROM history_pending WHERE id = ANY(%s)", (stored.pending,))


def write_history(db: Connection, conv: cattrs.Converter, edit: HistoryEdit) -> None:
    """Delete, rewrite and append history entries as ``edit`` says."""
    if edit.delete:
        db.queue("DELETE FROM history WHERE seq = ANY(%s)", (list(edit.delete),))
    rewritten, appended = db.encoded(  # the entries as the document format writes them
        lambda: (
            history_json(conv, tuple(c for _, c in edit.rewrite)),
            history_json(conv, edit.append),
        )
    )
    seqs = [seq for seq, _ in edit.rewrite]
    db.many(
        "UPDATE history SET body = %s::jsonb WHERE seq = %s",
        [(_json(body), seq) for body, seq in zip(rewritten, seqs, strict=True)],
    )
    db.many(
        "INSERT INTO history (actor, at, action, record, body) VALUES (%s, %s, %s, %s, %s::jsonb)",
        [
            (c.stamp.actor, c.stamp.at, c.action.value, str(c.record), _json(body))
            for c, body in zip(edit.append, appended, strict=True)
        ],
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_meta(db: Connection, synthetic_ids: bool, *, demo: bool) -> None:
    """Set the store-wide values that differ (the synthetic ids, the demo's mark)."""
    meta = db.meta()
    wanted = {"synthetic_ids": "1" if synthetic_ids else "0"}
    if demo:
        wanted["demo"] = "1"
    for key, value in wanted.items():
        if meta.get(key) != value:
            db.queue(
                "INSERT INTO meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
    if not demo and "demo" in meta:
        db.queue("DELETE FROM meta WHERE key = 'demo'")
