"""A connection to a PostgreSQL store: its transactions, and the driver's errors as the library's.

The driver (psycopg 3, the ``postgres`` extra) is imported when a store is
opened: without it, :class:`~mbprogram.exceptions.MissingExtraError`. Its
errors never leave the store as they are: a transaction that lost a race
(SQLSTATE 40001 or 40P01) becomes :class:`LostRaceError` (make the change
again), anything else a :class:`~mbprogram.exceptions.DocumentError` naming
the store and the SQLSTATE, never the driver's text, which may quote a row's
values.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, TypeVar

from mbprogram.catalogue import Term
from mbprogram.exceptions import ConflictError, MissingExtraError
from mbprogram.storage._problems import quotable
from mbprogram.storage._sqlite_transactions import store_error

T = TypeVar("T")

__all__ = ["CHANGING", "Connection", "LostRaceError", "driver", "reason"]

#: SQLSTATEs of a transaction rolled back because a concurrent one won: try again.
_RETRY_STATES: Final = frozenset({"40001", "40P01"})
#: A unique key that a concurrent transaction took first (the retry sees it and the
#: register's own rule refuses the change).
_UNIQUE_VIOLATION: Final = "23505"
#: What a change's transaction is called (a unique key taken meanwhile is a lost race there).
CHANGING: Final = Term("reading.store.what.change")


def driver() -> Any:
    """The psycopg module.

    Raises:
        MissingExtraError: without the ``postgres`` extra.
    """
    try:
        import psycopg  # noqa: PLC0415 - the optional extra
    except ImportError:
        raise MissingExtraError("the PostgreSQL store", "postgres") from None
    return psycopg


class LostRaceError(ConflictError):
    """A serialization failure: a concurrent transaction won; make the change again.

    Attributes:
        unique: whether it was a unique key taken meanwhile (SQLSTATE 23505),
            rather than a serialization failure or a deadlock.
        constraint: the constraint's name, for a unique key.
    """

    def __init__(self, name: str, *, unique: bool = False, constraint: str = "") -> None:
        super().__init__(key="reading.store.race", values={"name": name})
        self.unique = unique
        self.constraint = constraint


def reason(error: Exception) -> str:
    """Why the database refused, by SQLSTATE and constraint: its text may quote values."""
    state = getattr(error, "sqlstate", None)
    if not state:
        return type(error).__name__
    diag = getattr(error, "diag", None)
    constraint = getattr(diag, "constraint_name", None)
    on = f" on {constraint}" if isinstance(constraint, str) and quotable(constraint) else ""
    return f"PostgreSQL error {state}{on}"


class Connection:
    """A psycopg connection in autocommit mode, and the store's name for messages.

    Statements whose results nobody reads (``BEGIN``, the writes) are queued
    and sent with the next statement that is read, or with the ``COMMIT``, in
    one round trip (psycopg's pipeline mode): a change that reads its rows in
    two batches and writes a few costs three round trips, not one per
    statement. Their errors are raised there, inside the same transaction.

    Attributes:
        name: the store's URL as shown (no password).
    """

    def __init__(self, raw: Any, name: str) -> None:
        """Wrap ``raw``, an open psycopg connection in autocommit mode."""
        self.raw = raw
        self.name = name
        self._queued: list[tuple[str, Sequence[object]]] = []
        #: The first row of the last transaction's ``then`` statement, if it had one.
        self.after: tuple[Any, ...] | None = None

    def execute(self, query: str, values: Sequence[object] = ()) -> Any:
        """Run one statement (after those queued); its cursor."""
        if not self._queued:
            return self.raw.execute(query, values)
        with self.raw.pipeline():
            self._flush()
            return self.raw.execute(query, values)  # read once the pipeline is synced

    def batch(self, queries: Sequence[tuple[str, Sequence[object]]]) -> list[list[Any]]:
        """Run the ``queries`` (after those queued) in one round trip; the rows of each."""
        with self.raw.pipeline():
            self._flush()
            cursors = [self.raw.execute(query, values) for query, values in queries]
        return [list(cursor.fetchall()) for cursor in cursors]

    def queue(self, query: str, values: Sequence[object] = ()) -> None:
        """Send ``query`` with the next statement that is read, or the commit."""
        self._queued.append((query, values))

    def many(self, query: str, rows: Sequence[Sequence[object]]) -> None:
        """Queue ``query`` for each of ``rows``."""
        self._queued += [(query, row) for row in rows]

    def _flush(self) -> None:
        queued, self._queued = self._queued, []
        for query, values in queued:
            self.raw.execute(query, values)

    def meta(self) -> dict[str, str]:
        """The ``meta`` table's keys and values."""
        found = self.execute("SELECT key, value FROM meta").fetchall()
        return {str(key): str(value) for key, value in found}

    def encoded(self, make: Callable[[], T]) -> T:
        """``make()``; a text that cannot be written as UTF-8 becomes a clear error."""
        return encoded(self.name, make)

    @contextlib.contextmanager
    def transaction(
        self, what: str, *, read_only: bool = False, write: bool = False, then: str = ""
    ) -> Iterator[None]:
        """One transaction: ``SERIALIZABLE`` to write, a ``REPEATABLE READ`` snapshot to read.

        ``then`` is a statement sent with the ``COMMIT``, in the same round trip,
        and run after it in a transaction of its own; its first row is kept in
        :attr:`after` (``None`` if it failed: its error never reads as the
        commit's).
        """
        if write:
            begin = "BEGIN ISOLATION LEVEL SERIALIZABLE"
        else:
            begin = "BEGIN ISOLATION LEVEL REPEATABLE READ" + (" READ ONLY" if read_only else "")
        self.after = None
        with self.translated(what):
            self.queue(begin)
            try:
                yield
            except BaseException:
                self.rollback()
                raise
            if not then:
                self.execute("COMMIT")
                return
            self._commit_then(then)

    def _commit_then(self, then: str) -> None:
        """``COMMIT``, then ``then`` in a ``READ COMMITTED`` transaction of its own, in one
        round trip (whatever the server's, the role's or a pooler's default isolation).

        If the commit succeeded and ``then`` failed (or was cancelled), the
        change is committed: nothing is raised and :attr:`after` is ``None``.
        An error of the commit itself is raised as it is.
        """
        psycopg = driver()
        committed = done = None
        try:
            with self.raw.pipeline():
                self._flush()
                committed = self.raw.execute("COMMIT")
                self.raw.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
                done = self.raw.execute(then)
                self.raw.execute("COMMIT")
            self.after = done.fetchone()
        except psycopg.Error:
            result = committed.pgresult if committed is not None else None
            if result is None or result.status != psycopg.pq.ExecStatus.COMMAND_OK:
                raise  # the commit's own error: nothing was written
            self.rollback()  # the commit held; what came after it failed
            self.after = None

    def rollback(self) -> None:
        """Forget what is queued, and roll back the transaction if one is open."""
        self._queued = []
        with contextlib.suppress(Exception):
            self.raw.execute("ROLLBACK")

    @contextlib.contextmanager
    def translated(self, what: str) -> Iterator[None]:
        """The driver's errors as the library's: a lost race, or the store's error."""
        psycopg = driver()
        try:
            yield
        except psycopg.Error as e:
            self.rollback()
            state = getattr(e, "sqlstate", None)
            if state in _RETRY_STATES or (state == _UNIQUE_VIOLATION and what == CHANGING):
                raise LostRaceError(
                    self.name,
                    unique=state == _UNIQUE_VIOLATION,
                    constraint=reason(e),
                ) from None
            raise store_error(
                "reading.store.failed_unwritten", what=what, path=self.name, reason=reason(e)
            ) from None

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


def encoded(name: str, make: Callable[[], T]) -> T:
    """``make()``; a text that cannot be written as UTF-8 becomes a clear error (text not shown).

    The error is raised after the handler has ended, so it chains nothing: the
    encoding error holds the text, and a chained one would show it in a traceback.
    """
    try:
        return make()
    except UnicodeEncodeError:
        pass
    raise store_error("reading.store.surrogate", path=name)
