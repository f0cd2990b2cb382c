"""Sealing the history in commit order, so that writers of different records never meet.

Each history entry's chain value follows from the entry before it
(:func:`~mbprogram.model.history.seal`). If a change made on a part of the
register read the last entry's chain value to seal its own entries, every
two writers would read what the other writes, and under ``SERIALIZABLE`` all
but one of any writers that overlap would be rolled back. So a change on a
part reads no history: it writes its entries to ``history_pending``,
unsealed, each with its canonical content (:meth:`~mbprogram.model.history.Change.content`).

Right after its commit, in the same round trip (:data:`SEAL`), the store's
own function moves every entry waiting there to ``history``, in the order
they were written, each sealed after the one before: a short ``READ
COMMITTED`` transaction of its own that holds the chain's advisory lock, so
that two of them never seal after the same entry. A
change on the whole register (erasure, retention, a save) holds the same lock
for the whole of its transaction (:func:`chain_held`), taken before the
transaction starts so that its snapshot holds every seal before it.

The order is the commit order wherever it matters: two changes of one record
cannot both commit under ``SERIALIZABLE`` unless the second read what the
first committed, and an entry's id is drawn when it is written, after that
read, so the second's entries have the later ids. Entries of changes that
overlapped in time touched different records, and either order replays.

An entry whose change committed but whose seal did not happen (the process
stopped in between) waits until the next change seals it; a reader of the
whole register finds it after the sealed entries and seals it in memory as
the next change would (:func:`~mbprogram.storage._postgres_reading.load_whole`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from typing import Final

import attrs
import cattrs

from mbprogram.model.history import GENESIS, Change
from mbprogram.storage._history_codec import history_json
from mbprogram.storage._postgres_connection import Connection
from mbprogram.storage._postgres_schema import CHAIN_LOCK, SEAL_FUNCTION
from mbprogram.storage._problems import KeyedWarning

__all__ = [
    "SEAL",
    "UnsealedHistoryWarning",
    "chain_held",
    "sealed_count",
    "write_pending",
]


class UnsealedHistoryWarning(KeyedWarning):
    """A change was saved, but the step that seals its history entries failed.

    Nothing is lost: the entries wait in the store, readers find them after
    the sealed ones, and the next change seals them (docs/postgres.md).
    The message is in bokmål too (:meth:`message_in`).
    """

    key = "reading.store.unsealed"

    def __init__(self, name: str) -> None:
        super().__init__(name=name)


def write_pending(db: Connection, conv: cattrs.Converter, changes: Sequence[Change]) -> None:
    """Queue ``changes`` into ``history_pending``, unsealed, each with its canonical content."""
    if not changes:
        return
    unsealed = tuple(attrs.evolve(c, chain=GENESIS) for c in changes)
    bodies = db.encoded(lambda: history_json(conv, unsealed))
    # the content leaves out the seal: that of the change as made, computed when it was sealed
    db.many(
        "INSERT INTO history_pending (actor, at, action, record, body, content) "
        "VALUES (%s, %s, %s, %s, %s::jsonb, %s)",
        [
            (
                c.stamp.actor,
                c.stamp.at,
                c.action.value,
                str(c.record),
                json.dumps(body, ensure_ascii=False),
                made.content(),
            )
            for c, made, body in zip(unsealed, changes, bodies, strict=True)
        ],
    )


#: The statement that seals the waiting entries (the store's function, schema version 3),
#: sent with the commit of a change on a part: one round trip for both. Its one value is
#: how many entries it sealed, or -1 if it could not (the entries then wait).
SEAL: Final = f"SELECT {SEAL_FUNCTION}()"


def sealed_count(row: Sequence[object] | None) -> int:
    """How many entries the seal sealed, from the row :data:`SEAL` gave; -1 if it could not."""
    value = row[0] if row else None
    return value if isinstance(value, int) else -1


@contextlib.contextmanager
def chain_held(db: Connection, what: str) -> Iterator[None]:
    """Hold the chain's advisory lock (for the session) while a whole-register change runs.

    Taken before the change's transaction begins, so that its snapshot holds
    every seal made before; released when it ends, however it ends.
    """
    with db.translated(what):
        db.execute("SELECT pg_advisory_lock(%s)", (CHAIN_LOCK,))
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a lost connection has released it
            db.execute("SELECT pg_advisory_unlock(%s)", (CHAIN_LOCK,))
