"""A register kept in PostgreSQL, for many coordinators and programs writing at once.

::

    with PostgresStore.open("postgresql://mb@db.example/mb", create=True) as store:
        def attend(register: Register) -> None:
            register.record_attendance("S-01", "SES-03", Present(Hours(3)), by=stamp)

        store.change(attend, students=["S-01"])  # retried if it loses a race
        part = store.load(cohorts=["K1"])  # what K1's evaluation needs, not the whole register

Needs the optional ``postgres`` extra (psycopg 3): without it, opening a store
raises :class:`~mbprogram.exceptions.MissingExtraError`. ``docs/postgres.md``
explains setting up a database, its roles and backups.

**Rows.** One row per record, typed columns beside its body in the document
format (see :mod:`mbprogram.storage._postgres_schema`), foreign keys between
them, the history in its own table. Bodies are written and read by the same
codec as the JSON document and the SQLite store, and every read checks them
and the register's rules as a load of those does.

**Changes.** :meth:`PostgresStore.change` makes a change in one serializable
transaction: it loads the part of the register the change needs (the
cohorts named, and what the rules of the change read: students placed at the
same host unit, employments paid from the same budget pot, records holding a
new record's id or a student's national identity number), makes the change
on it, and writes only the rows that differ. PostgreSQL then sees every row
and index range each change read, so two changes conflict only if one read
what the other wrote; the one that loses is rolled back and made again on
what the winner wrote, up to ``attempts`` times. Changes to different cohorts
do not conflict; two changes racing for the last place of a host unit or a
budget pot do, and the second is then refused by the register's own rule.
A change that rewrites the history (erasing a person, stripping identifiers)
is made on the whole register (``cohorts=None``).

**The history's seal.** A change on a part reads no history: its entries are
written unsealed and sealed right after its commit, in the order written,
under an advisory lock (:mod:`mbprogram.storage._postgres_sealing`), so that
writers of different records never meet on the chain's last entry.

**Whole registers.** :meth:`load` and :meth:`save` without cohorts read and
write the whole register, as the other stores do, and
:class:`PostgresRepository` is the store behind the
:class:`~mbprogram.services.repository.Repository` protocol; its revision
names what the store holds (a hash of every row, computed by the database),
so a save from a stale load is refused whoever changed what in between.

**Credentials.** A URL's password is never shown: messages and ``repr``
name the store by :func:`shown_url`, and errors of the driver are reported by
their SQLSTATE, never by their text (which may quote a row's values).
"""

from __future__ import annotations

import random
import time
import warnings
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Final, Self, TypeVar

import attrs

from mbprogram.catalogue import Term
from mbprogram.exceptions import NotFoundError, RefusedChangeError
from mbprogram.model import validators as v
from mbprogram.register.aggregate import Register
from mbprogram.register.changes.lifecycle import ERASED, STRIPPED
from mbprogram.services.repository import Loaded, Revision, conflict
from mbprogram.storage._converter import converter
from mbprogram.storage._postgres_connection import CHANGING, Connection, LostRaceError, driver
from mbprogram.storage._postgres_reading import load_part as read_part
from mbprogram.storage._postgres_reading import load_whole, token
from mbprogram.storage._postgres_schema import RECORD_TABLES, prepare
from mbprogram.storage._postgres_scope import Need, needed_by
from mbprogram.storage._postgres_sealing import (
    SEAL,
    UnsealedHistoryWarning,
    chain_held,
    sealed_count,
)
from mbprogram.storage._postgres_urls import SCHEMES, is_postgres_url, secrets_in, shown_url
from mbprogram.storage._postgres_writing import write, write_meta
from mbprogram.storage._sqlite_transactions import OPENING, READING, SAVING, store_error

__all__ = [
    "ATTEMPTS",
    "SCHEMES",
    "PostgresRepository",
    "PostgresStore",
    "UnsealedHistoryWarning",
    "is_postgres_url",
    "load_part",
    "load_url",
    "save_url",
    "shown_url",
    "store_exists",
]

T = TypeVar("T")

#: How many times :meth:`PostgresStore.change` makes a change that lost a race, at most.
ATTEMPTS: Final = 12


class PostgresStore:
    """A register kept in a PostgreSQL database (see the module's documentation).

    Open one with :meth:`open`; close it with :meth:`close` or a ``with`` block.

    Attributes:
        name: the store's URL as shown (:func:`shown_url`: no password).
        retries: how many times a change was made again after losing a race,
            since the store was opened.
    """

    def __init__(self, connection: Connection) -> None:
        """Use :meth:`open` instead."""
        self._db = connection
        self.name = connection.name
        self.retries = 0
        self._revision: str | None = None

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, create: bool = False) -> Self:
        """Connect to the store at ``url``; with ``create=True`` make one if there is none.

        The store lives in the first schema of the connection's ``search_path``.
        Applies any forward migrations the store needs.

        Raises:
            MissingExtraError: without the ``postgres`` extra (psycopg).
            DocumentError: if the database cannot be reached, holds no store
                (and ``create`` is false), a store of a newer version, or
                tables that are not a store's. The message never holds the
                URL's password.
        """
        connection = _connect(url)
        store = cls(connection)
        try:
            with connection.translated(OPENING):
                prepare(connection.raw, connection.name, create=create)
        except BaseException:
            connection.close()
            raise
        return store

    # -- reading -----------------------------------------------------------------------

    @property
    def backend_pid(self) -> int:
        """The process id of the database server's process serving this store's connection."""
        pid: int = self._db.raw.info.backend_pid
        return pid

    @property
    def revision(self) -> str | None:
        """The revision of the whole register last loaded or saved, or ``None`` before either."""
        return self._revision

    def load(self, *, cohorts: Iterable[str] | None = None) -> Register:
        """Read the whole register, or the part that the cohorts named need.

        A part holds the cohorts named with all their students, employments and
        outcomes, every host unit and budget pot, and no history: enough for
        every evaluation and report of those cohorts. Reading one cohort of a
        large register reads only its rows, by index.

        Raises:
            DocumentError: listing every problem with its path, as loading a
                document does.
        """
        with self._db.transaction(READING, read_only=True):
            if cohorts is None:
                register, _, self._revision = load_whole(self._db)
                return register
            return read_part(self._db, Need(whole_cohorts=_ids(cohorts, "cohorts")))[0]

    def is_demo(self) -> bool:
        """Whether the store's last save was the demo's (``mbprogram demo``)."""
        with self._db.transaction(READING, read_only=True):
            return self._db.meta().get("demo") == "1"

    # -- writing -----------------------------------------------------------------------

    def save(self, register: Register, *, expected: str | None = None, demo: bool = False) -> str:
        """Make the store hold ``register`` and nothing else, writing only the rows that differ.

        Args:
            register: the register to keep.
            expected: the revision the store must be at (from :attr:`revision`
                or a :class:`PostgresRepository`); ``None`` replaces whatever
                the store holds, as saving a file does.
            demo: mark the store as the demo's; any other save clears the mark.

        Returns:
            The store's new revision.

        Raises:
            ConflictError: if the store is not at ``expected``; nothing is written.
            DocumentError: if the register cannot be written; nothing is written.
        """
        v.check_instance(register, Register, "register", "a Register")
        conv = converter()
        with (
            chain_held(self._db, SAVING),
            self._db.transaction(SAVING, write=True),
        ):
            old, stored, current = load_whole(self._db)
            if expected is not None and expected != current:
                raise conflict(self.name)
            write(self._db, conv, old, register, stored)
            write_meta(self._db, register.allow_synthetic_ids, demo=demo)
            revision = token(self._db)
        self._revision = revision
        return revision

    def change(
        self,
        change: Callable[[Register], T],
        *,
        cohorts: Iterable[str] | None = None,
        students: Iterable[str] | None = None,
        attempts: int = ATTEMPTS,
    ) -> T:
        """Make ``change`` on the register in one serializable transaction; return its result.

        ``change`` is called with a register holding the part that ``cohorts``
        (every student of theirs) and ``students`` name and whatever the
        change's rules read (the whole register if both are None), and changes
        it through the register's methods;
        the rows that differ afterwards are written. If a concurrent change
        wins a race for the same rows, nothing is written and ``change`` is
        called again on a fresh part, up to ``attempts`` times in all; it may
        therefore be called more than once, and should do nothing but change
        the register it is given.

        Raises:
            RefusedChangeError: (or any error of ``change``) if the register
                refuses it; nothing is written.
            ConflictError: if it lost the race ``attempts`` times; nothing is written.
            DocumentError: if the register cannot be read or written, or a
                change on part of the register rewrote the history (erasure,
                retention: make those on the whole register).
        """
        wanted = (
            None
            if cohorts is None and students is None
            else Need(
                whole_cohorts=_ids(cohorts or (), "cohorts"),
                students=_ids(students or (), "students"),
            )
        )
        v.check_instance(attempts, int, "attempts", "a whole number")
        unique = False
        for attempt in range(1, max(1, attempts) + 1):
            try:
                if wanted is None:
                    with chain_held(self._db, CHANGING):
                        return self._change_once(change, wanted)
                result = self._change_once(change, wanted)
            except LostRaceError as e:
                if e.unique and unique:  # twice: a key the part did not show, not a race
                    raise store_error(
                        "reading.store.key_taken", name=self.name, constraint=e.constraint
                    ) from None
                if attempt >= attempts:
                    raise
                unique = e.unique
                self.retries += 1
                # the winner is committing: wait a moment, longer each time
                time.sleep(random.uniform(0, 0.002 * 2 ** min(attempt, 6)))  # noqa: S311
                continue
            if sealed_count(self._db.after) < 0:
                # The change is saved whatever happened to its seal: a warning, not an
                # error that would have the caller make the change again.
                warnings.warn(UnsealedHistoryWarning(self.name), stacklevel=2)
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    def _change_once(self, change: Callable[[Register], T], wanted: Need | None) -> T:
        conv = converter()
        # a change on a part seals its entries with its commit (:data:`SEAL`)
        with self._db.transaction(CHANGING, write=True, then="" if wanted is None else SEAL):
            if wanted is None:
                old, stored, _ = load_whole(self._db)
                new = old.copy()
                result = change(new)
                write(self._db, conv, old, new, stored)
                self._revision = None
                return result
            need = wanted
            for _ in range(len(attrs.fields(Need)) + 2):
                old, need = read_part(self._db, need)
                new = old.copy()
                try:
                    result = change(new)
                except (RefusedChangeError, NotFoundError):
                    if need.reference:
                        raise
                    # it may name a host unit or budget pot the part lacks
                    need = attrs.evolve(need, reference=True)
                    continue
                more = needed_by(old, new)
                if more <= need:
                    self._check_part_change(old, new)
                    write(self._db, conv, old, new, None)
                    self._revision = None
                    return result
                need = need | more
            raise store_error(  # pragma: no cover - each round adds rows, and they run out
                "reading.store.records_not_found", name=self.name
            )

    def _check_part_change(self, old: Register, new: Register) -> None:
        removed = any(not getattr(new, t).keys() >= getattr(old, t).keys() for t in RECORD_TABLES)
        appended = new.history[len(old.history) :]
        if removed or any(c.action in (ERASED, STRIPPED) for c in appended):
            raise store_error("reading.store.whole_register")

    def close(self) -> None:
        """Close the connection."""
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
        return f"PostgresStore({self.name!r})"


def _connect(url: str) -> Connection:
    """A connection to the database at ``url`` (in autocommit mode).

    Raises:
        MissingExtraError: without the ``postgres`` extra (psycopg).
        DocumentError: if ``url`` is not a PostgreSQL URL or the database cannot be
            reached; the message never holds the URL's password.
    """
    psycopg = driver()
    if not is_postgres_url(url):
        raise store_error("reading.store.url")
    name = shown_url(url)
    try:
        # no server-side prepared statements: a pipeline aborted by a lost race
        # can leave the driver believing one exists (SQLSTATE 26000 on the retry)
        raw = psycopg.connect(url, autocommit=True, prepare_threshold=None)
    except psycopg.Error as e:
        text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        for secret in secrets_in(url):
            text = text.replace(secret, "***")
        raise store_error("reading.store.cannot_connect", name=name, reason=text) from None
    return Connection(raw, name)


def store_exists(url: str) -> bool:
    """Whether the database at ``url`` holds a store (in its first ``search_path`` schema).

    Raises:
        MissingExtraError: without the ``postgres`` extra (psycopg).
        DocumentError: if the database cannot be reached.
    """
    connection = _connect(url)
    try:
        with connection.translated(READING):
            found = connection.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
    finally:
        connection.close()
    return bool(found and found[0])


def load_url(url: str) -> Register:
    """The whole register in the PostgreSQL store at ``url``.

    Raises:
        DocumentError: as :meth:`PostgresStore.open` and :meth:`PostgresStore.load`.
    """
    with PostgresStore.open(url) as store:
        return store.load()


def load_part(url: str, *, cohorts: Iterable[str]) -> Register:
    """The part of the register at ``url`` that the ``cohorts`` need (:meth:`PostgresStore.load`).

    Raises:
        DocumentError: as :meth:`PostgresStore.open` and :meth:`PostgresStore.load`.
    """
    with PostgresStore.open(url) as store:
        return store.load(cohorts=cohorts)


def save_url(register: Register, url: str, *, demo: bool = False, force: bool = True) -> None:
    """Make the PostgreSQL store at ``url`` (created if there is none) hold ``register``.

    Args:
        register: what to keep.
        url: the store.
        demo: mark the store as the demo's (:meth:`PostgresStore.save`).
        force: replace a store that holds records; without it only an empty
            store or one the demo wrote is replaced.

    Raises:
        DocumentError: if the store holds records (and ``force`` is false), or
            as :meth:`PostgresStore.open` and :meth:`PostgresStore.save`.
    """
    with PostgresStore.open(url, create=True) as store:
        if not force and not store.is_demo() and _holds_records(store.load()):
            raise store_error("reading.store.not_demo", name=store.name)
        store.save(register, demo=demo)


def _holds_records(register: Register) -> bool:
    return bool(register.history) or any(getattr(register, t) for t in RECORD_TABLES)


def _ids(values: Iterable[str], what: str) -> frozenset[str]:
    if isinstance(values, str):
        raise store_error("reading.store.ids_text", what=Term(f"reading.store.ids.{what}"))
    found = frozenset(values)
    if not all(v.is_record_id(x) for x in found):
        raise store_error("reading.store.ids_invalid", what=Term(f"reading.store.ids.{what}"))
    return found


@attrs.frozen
class PostgresRepository:
    """A register kept in a PostgreSQL store, behind the repository protocol.

    Each load and save connects and disconnects again. The revision names what
    the store holds (see :meth:`PostgresStore.save`); a save writes only the
    rows that differ from what the store holds, in one serializable transaction.

    Attributes:
        url: the store's URL (never shown; see :func:`shown_url`).
        create: whether a database without a store becomes a new, empty one.
    """

    url: str = attrs.field(validator=v.instance(str), repr=lambda url: repr(shown_url(url)))
    create: bool = attrs.field(default=False, kw_only=True, validator=v.instance(bool))

    def load(self) -> Loaded:
        """Read the whole register and the store's revision.

        Raises:
            DocumentError: as :meth:`PostgresStore.open` and :meth:`PostgresStore.load`.
        """
        with PostgresStore.open(self.url, create=self.create) as store:
            register = store.load()
            assert store.revision is not None  # noqa: S101 - set by the load
            return Loaded(register, Revision(store.revision))

    def save(self, register: Register, *, expected: Revision) -> Revision:
        """Write ``register`` if the store still holds what ``expected`` names.

        Raises:
            ConflictError: if it does not; nothing is written.
            DocumentError: as :meth:`PostgresStore.save`.
        """
        with PostgresStore.open(self.url, create=self.create) as store:
            return Revision(store.save(register, expected=expected.token))
