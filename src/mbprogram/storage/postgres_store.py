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

import contextlib
import hashlib
import random
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

import attrs
import cattrs

from mbprogram.exceptions import (
    ConflictError,
    DocumentError,
    MissingExtraError,
    NotFoundError,
    Problem,
    RefusedChangeError,
)
from mbprogram.model import validators as v
from mbprogram.model.history import Change
from mbprogram.register.aggregate import Register
from mbprogram.register.changes.lifecycle import ERASED, STRIPPED
from mbprogram.services.repository import Loaded, Revision, conflict
from mbprogram.storage._converter import converter
from mbprogram.storage._postgres_rows import (
    COLUMNS,
    HistoryEdit,
    history_edit,
    placement_rows,
    record_values,
    table_edit,
)
from mbprogram.storage._postgres_schema import RECORD_TABLES, prepare
from mbprogram.storage._postgres_scope import Need, needed_by
from mbprogram.storage._problems import quotable
from mbprogram.storage._register_codec import Records, build_register, gc_paused
from mbprogram.storage._sqlite_rows import by_id, history_rows, read_history, read_table
from mbprogram.storage._sqlite_transactions import store_error

if TYPE_CHECKING:
    pass

__all__ = [
    "ATTEMPTS",
    "SCHEMES",
    "PostgresRepository",
    "PostgresStore",
    "is_postgres_url",
    "load_part",
    "load_url",
    "save_url",
    "shown_url",
]

T = TypeVar("T")

#: The URL schemes of a PostgreSQL store.
SCHEMES: Final = ("postgresql://", "postgres://")
#: How many times :meth:`PostgresStore.change` makes a change that lost a race, at most.
ATTEMPTS: Final = 12
#: SQLSTATEs of a transaction rolled back because a concurrent one won: try again.
_RETRY_STATES: Final = frozenset({"40001", "40P01"})
#: A unique key that a concurrent transaction took first (the retry sees it and the
#: register's own rule refuses the change).
_UNIQUE_VIOLATION: Final = "23505"
#: Query parameters of a URL that are never shown.
_SECRET_PARAMETERS: Final = frozenset({"password", "passfile", "sslpassword"})
#: The typed columns read beside a row's id: what a part's rows refer to.
_EXTRA_COLUMNS: Final = {
    "students": ", cohort",
    "employments": ", person, unit, pot",
    "outcomes": ", person",
}


def is_postgres_url(location: object) -> bool:
    """Whether ``location`` is a ``postgresql://`` (or ``postgres://``) URL."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def shown_url(url: str) -> str:
    """The URL as it may be shown: a password (in the user part or a parameter) as ``***``."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = f"{user.split(':', 1)[0]}:***"
        netloc = f"{user}@{host}"
    query = "&".join(
        f"{key}=***" if key.lower() in _SECRET_PARAMETERS else f"{key}={value}"
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    )
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def _secrets(url: str) -> list[str]:
    """The passwords a URL holds, to scrub from any text that might echo them."""
    parts = urllib.parse.urlsplit(url)
    found = [parts.password] if parts.password else []
    found += [
        value
        for key, value in urllib.parse.parse_qsl(parts.query)
        if key.lower() in _SECRET_PARAMETERS and value
    ]
    return [s for s in found if s]


def _driver() -> Any:
    try:
        import psycopg  # noqa: PLC0415 - the optional extra
    except ImportError:
        raise MissingExtraError("the PostgreSQL store", "postgres") from None
    return psycopg


class _LostRaceError(ConflictError):
    """A serialization failure: a concurrent transaction won; make the change again."""


def _reason(error: Exception) -> str:
    """Why the database refused, by SQLSTATE and constraint: its text may quote values."""
    state = getattr(error, "sqlstate", None)
    if not state:
        return type(error).__name__
    diag = getattr(error, "diag", None)
    constraint = getattr(diag, "constraint_name", None)
    on = f" on {constraint}" if isinstance(constraint, str) and quotable(constraint) else ""
    return f"PostgreSQL error {state}{on}"


class PostgresStore:
    """A register kept in a PostgreSQL database (see the module's documentation).

    Open one with :meth:`open`; close it with :meth:`close` or a ``with`` block.

    Attributes:
        name: the store's URL as shown (:func:`shown_url`: no password).
        retries: how many times a change was made again after losing a race,
            since the store was opened.
    """

    def __init__(self, connection: Any, name: str) -> None:
        """Use :meth:`open` instead."""
        self._db = connection
        self.name = name
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
        psycopg = _driver()
        if not is_postgres_url(url):
            raise store_error("expected a postgresql:// URL")
        name = shown_url(url)
        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            for secret in _secrets(url):
                text = text.replace(secret, "***")
            raise store_error(f"cannot connect to {name}: {text}") from None
        store = cls(connection, name)
        try:
            with store._translated("open the store"):
                prepare(connection, name, create=create)
        except BaseException:
            connection.close()
            raise
        return store

    # -- reading -----------------------------------------------------------------------

    @property
    def backend_pid(self) -> int:
        """The process id of the database server's process serving this store's connection."""
        pid: int = self._db.info.backend_pid
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
        with self._transaction("read the store", read_only=True):
            if cohorts is None:
                register, _, self._revision = self._load_whole()
                return register
            return self._load_part(Need(whole_cohorts=_ids(cohorts, "cohorts")))[0]

    def is_demo(self) -> bool:
        """Whether the store's last save was the demo's (``mbprogram demo``)."""
        with self._transaction("read the store", read_only=True):
            return self._meta().get("demo") == "1"

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
        with self._transaction("save to the store", write=True):
            old, seqs, current = self._load_whole()
            if expected is not None and expected != current:
                raise conflict(self.name)
            self._write(conv, old, register, seqs)
            self._write_meta(register.allow_synthetic_ids, demo=demo)
            revision = self._token()
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
        for attempt in range(1, max(1, attempts) + 1):
            try:
                return self._change_once(change, wanted)
            except _LostRaceError:
                if attempt >= attempts:
                    raise
                self.retries += 1
                # the winner is committing: wait a moment, longer each time
                time.sleep(random.uniform(0, 0.002 * 2 ** min(attempt, 6)))  # noqa: S311
        raise AssertionError("unreachable")  # pragma: no cover

    def _change_once(self, change: Callable[[Register], T], wanted: Need | None) -> T:
        conv = converter()
        with self._transaction("change the store", write=True):
            if wanted is None:
                old, seqs, _ = self._load_whole()
                new = old.copy()
                result = change(new)
                self._write(conv, old, new, seqs)
                self._revision = None
                return result
            need = wanted
            for _ in range(len(attrs.fields(Need)) + 2):
                old, need = self._load_part(need)
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
                    self._write(conv, old, new, None)
                    self._revision = None
                    return result
                need = need | more
            raise store_error(  # pragma: no cover - each round adds rows, and they run out
                f"could not find the records a change on {self.name} needs"
            )

    def _check_part_change(self, old: Register, new: Register) -> None:
        removed = any(not getattr(new, t).keys() >= getattr(old, t).keys() for t in RECORD_TABLES)
        appended = new.history[len(old.history) :]
        if removed or any(c.action in (ERASED, STRIPPED) for c in appended):
            raise store_error(
                "erasing a person or stripping identifiers changes the whole register's "
                "history: make that change on the whole register (without cohorts); "
                "nothing was written"
            )

    # -- loading rows ------------------------------------------------------------------

    def _meta(self) -> dict[str, str]:
        found = self._db.execute("SELECT key, value FROM meta").fetchall()
        return {str(key): str(value) for key, value in found}

    def _load_whole(self) -> tuple[Register, list[tuple[int, Change]], str]:
        """The whole register, the seq of each history entry, and the revision."""
        rows = {table: self._select(table, "TRUE", ()) for table in RECORD_TABLES}
        found = self._db.execute(
            "SELECT seq, actor, at, action, record, before::text, after::text "
            "FROM history ORDER BY seq"
        ).fetchall()
        register = self._built(rows, [tuple(r[1:]) for r in found])
        seqs = [int(r[0]) for r in found]
        return register, list(zip(seqs, register.history, strict=True)), self._token()

    def _select(self, table: str, where: str, values: Sequence[object]) -> list[tuple[Any, ...]]:
        extra = _EXTRA_COLUMNS.get(table, "")
        query = f"SELECT position, id{extra}, body::text FROM {table} WHERE {where}"  # noqa: S608
        return list(self._db.execute(query, values).fetchall())

    def _load_part(self, need: Need) -> tuple[Register, Need]:
        """The part of the register ``need`` names, with the rows its records refer to."""
        rows: dict[str, dict[str, tuple[Any, ...]]] = {t: {} for t in RECORD_TABLES}

        def add(table: str, where: str, *values: object) -> None:
            if any(isinstance(x, list) and not x for x in values):
                return  # nothing to look up: no round trip
            for row in self._select(table, where, values):
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
                self._db.execute(
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
        return self._built(ordered, []), attrs.evolve(
            need, cohorts=cohorts, students=need.students | people
        )

    def _built(
        self, rows: dict[str, list[tuple[Any, ...]]], history: list[tuple[Any, ...]]
    ) -> Register:
        conv = converter()
        records, problems = Records(), list[Problem]()
        synthetic = self._meta().get("synthetic_ids") == "1"
        with gc_paused():
            for table, found in rows.items():
                read_table(conv, table, found, records, problems)
            read_history(conv, history, records, problems)
            if problems:
                raise DocumentError(problems, summary=f"invalid records in {self.name}")
            return build_register(records, allow_synthetic_ids=synthetic, locate=by_id)

    def _token(self) -> str:
        """The revision: a hash, computed by the database, of every row the store holds."""
        parts = [
            f"(SELECT md5(coalesce(string_agg(id || ' ' || body::text, ',' ORDER BY id), '')) "  # noqa: S608
            f"FROM {table})"
            for table in RECORD_TABLES
        ]
        parts.append(
            "(SELECT count(*)::text || md5(coalesce(string_agg(concat_ws(' ', seq, actor, at, "
            "action, record, before::text, after::text), ',' ORDER BY seq), '')) FROM history)"
        )
        parts.append("(SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM meta)")
        found = self._db.execute(f"SELECT {', '.join(parts)}").fetchone()
        digest = hashlib.sha256("\n".join(str(x) for x in found).encode()).hexdigest()
        return f"pg:{digest[:40]}"

    # -- writing rows ------------------------------------------------------------------

    def _write(
        self,
        conv: cattrs.Converter,
        old: Register,
        new: Register,
        seqs: Sequence[tuple[int, Change]] | None,
    ) -> None:
        """Write the rows that differ between ``old`` (as loaded) and ``new``.

        ``seqs`` is the stored history of a whole register; for a part (which
        holds no history) the entries the change appended are added.
        """
        edits = {t: table_edit(getattr(old, t), getattr(new, t)) for t in RECORD_TABLES}
        db = self._db
        for table in reversed(RECORD_TABLES):
            gone = list(edits[table].delete)
            if gone:
                db.execute(f"DELETE FROM {table} WHERE id = ANY(%s)", (gone,))  # noqa: S608
        for table in RECORD_TABLES:
            edit, columns = edits[table], COLUMNS[table]
            marks = ", ".join("%s::jsonb" if c == "body" else "%s" for c in columns)
            sets = ", ".join(f"{c} = %s::jsonb" if c == "body" else f"{c} = %s" for c in columns)
            with self._unwritable():
                inserted = [(r.id, *record_values(conv, table, r)) for r in edit.insert]
                updated = [(*record_values(conv, table, r), r.id) for r in edit.update]
            columns_named = ", ".join(columns)
            self._many(
                f"INSERT INTO {table} (id, {columns_named}) VALUES (%s, {marks})",  # noqa: S608
                inserted,
            )
            self._many(f"UPDATE {table} SET {sets} WHERE id = %s", updated)  # noqa: S608
        placed = edits["students"].placed
        if placed:
            db.execute("DELETE FROM placements WHERE student = ANY(%s)", ([s.id for s in placed],))
            self._many(
                "INSERT INTO placements (student, placement, unit, starts, ends) "
                "VALUES (%s, %s, %s, %s, %s)",
                [row for s in placed for row in placement_rows(s)],
            )
        if seqs is None:
            history = HistoryEdit(append=new.history[len(old.history) :])
        else:
            history = history_edit(seqs, new.history)
        self._write_history(conv, history)

    def _many(self, query: str, rows: Sequence[Sequence[object]]) -> None:
        """Run ``query`` for each of ``rows`` (one round trip for one row)."""
        if len(rows) == 1:
            self._db.execute(query, rows[0])
        elif rows:
            with self._db.cursor() as cursor:
                cursor.executemany(query, rows)

    def _write_history(self, conv: cattrs.Converter, edit: HistoryEdit) -> None:
        db = self._db
        if edit.delete:
            db.execute("DELETE FROM history WHERE seq = ANY(%s)", (list(edit.delete),))
        with self._unwritable():
            rewritten = history_rows(conv, tuple(c for _, c in edit.rewrite))
            appended = history_rows(conv, edit.append)
        seqs = [seq for seq, _ in edit.rewrite]
        self._many(
            "UPDATE history SET before = %s::jsonb, after = %s::jsonb WHERE seq = %s",
            [(row[4], row[5], seq) for row, seq in zip(rewritten, seqs, strict=True)],
        )
        self._many(
            "INSERT INTO history (actor, at, action, record, before, after) "
            "VALUES (%s, %s, %s, %s, %s::jsonb, %s::jsonb)",
            appended,
        )

    def _write_meta(self, synthetic_ids: bool, *, demo: bool) -> None:
        meta = self._meta()
        wanted = {"synthetic_ids": "1" if synthetic_ids else "0"}
        if demo:
            wanted["demo"] = "1"
        for key, value in wanted.items():
            if meta.get(key) != value:
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
        if not demo and "demo" in meta:
            self._db.execute("DELETE FROM meta WHERE key = 'demo'")

    @contextlib.contextmanager
    def _unwritable(self) -> Iterator[None]:
        """A text that cannot be written as UTF-8 becomes a clear error (the text is not shown)."""
        failed = False
        try:
            yield
        except UnicodeEncodeError:  # not chained below: the error holds the text
            failed = True
        if failed:
            raise store_error(
                f"cannot save to {self.name}: a text of the register cannot be written as "
                "UTF-8 (a lone surrogate; the text is not shown); nothing was written"
            )

    # -- machinery ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(
        self, what: str, *, read_only: bool = False, write: bool = False
    ) -> Iterator[None]:
        """One transaction: ``SERIALIZABLE`` to write, a ``REPEATABLE READ`` snapshot to read."""
        begin = (
            "BEGIN ISOLATION LEVEL SERIALIZABLE"
            if write
            else "BEGIN ISOLATION LEVEL REPEATABLE READ" + (" READ ONLY" if read_only else "")
        )
        with self._translated(what):
            self._db.execute(begin)
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            self._db.execute("COMMIT")

    def _rollback(self) -> None:
        with contextlib.suppress(Exception):
            self._db.execute("ROLLBACK")

    @contextlib.contextmanager
    def _translated(self, what: str) -> Iterator[None]:
        """The driver's errors as the library's: a lost race, or the store's error."""
        psycopg = _driver()
        try:
            yield
        except psycopg.Error as e:
            self._rollback()
            state = getattr(e, "sqlstate", None)
            if state in _RETRY_STATES or (
                state == _UNIQUE_VIOLATION and what == "change the store"
            ):
                raise _LostRaceError(
                    f"{self.name}: a concurrent change won the race for the same records; "
                    "nothing was written: try again"
                ) from None
            raise store_error(
                f"could not {what} at {self.name} ({_reason(e)}); nothing was written"
            ) from None

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
            raise store_error(
                f"{store.name} is an mbprogram store that the demo did not write; its records "
                "are left as they were. Choose another store, or pass --force to replace "
                "them with the demo's"
            )
        store.save(register, demo=demo)


def _holds_records(register: Register) -> bool:
    return bool(register.history) or any(getattr(register, t) for t in RECORD_TABLES)


def _ids(values: Iterable[str], what: str) -> frozenset[str]:
    if isinstance(values, str):
        raise store_error(f"expected a collection of {what} ids, got one text")
    found = frozenset(values)
    if not all(v.is_record_id(x) for x in found):
        raise store_error(f"expected {what} ids (one is not a valid id; it is not shown)")
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
