"""The rows of an SQLite store as records, and records as rows, checked both ways.

Reading trusts nothing a row holds: the ``meta`` table must hold exactly the
keys of the schema with values in their bounds (a revision of at most
:data:`MAX_REVISION_DIGITS` digits), a record's row id must be a valid id and the
id in its body, and a student's ``cohort`` a valid id too. A row id that is not
a valid id is never printed: the row is named by its position
(``students[row 3]``), since the id could be a name or an identity number
written where an id belongs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
import cattrs

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import Problem
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.model.validators import is_record_id
from mbprogram.register.aggregate import Register
from mbprogram.storage._history_codec import SharedStates, history_json
from mbprogram.storage._history_v1 import LegacyChange
from mbprogram.storage._json_text import JsonTextError, read_json
from mbprogram.storage._problems import joined, quotable
from mbprogram.storage._register_codec import Records, read, read_student, student_json
from mbprogram.storage._sqlite_transactions import store_error

__all__ = [
    "MAX_REVISION_DIGITS",
    "HistoryRow",
    "Meta",
    "Rows",
    "by_id",
    "decoded_text",
    "history_rows",
    "read_history",
    "read_meta",
    "read_table",
    "record_rows",
    "select_history",
    "select_rows",
    "unsaved_differences",
]

#: The most digits a store's revision has (it is raised by one on every save).
MAX_REVISION_DIGITS: Final = 18

#: The record type of each table but ``students``.
TYPES: Final[dict[str, type]] = {
    "host_units": HostUnit,
    "cohorts": Cohort,
    "budget_pots": BudgetPot,
    "employments": Employment,
    "outcomes": OutcomeRecord,
}

#: What a store remembers of a table: record id -> (record, the row's values after its id).
Rows = dict[str, tuple[object, tuple[str, ...]]]
#: A history row: actor, at, action, record, part, before, after, chain.
HistoryRow = tuple[object, ...]

_META_KEYS: Final = frozenset({"revision", "synthetic_ids", "demo"})


def decoded_text(data: bytes) -> str:
    """SQLite text as ``str``; bytes that are not UTF-8 become lone surrogates.

    The records' text validators then refuse such text with the field's path;
    SQLite's own decoding error would quote the text.
    """
    return data.decode("utf-8", "surrogateescape")


@attrs.frozen
class Meta:
    """The store-wide values of the ``meta`` table."""

    revision: int
    synthetic_ids: bool
    demo: bool = False


def read_meta(found: Sequence[tuple[object, ...]], path: str) -> Meta:
    """The values of the ``meta`` table's rows, or a clear error if they are damaged.

    Raises:
        DocumentError: if a key is missing, unknown or given twice, or a value is
            out of its bounds.
    """
    values: dict[object, object] = {}
    problems: list[Phrase] = []
    for key, value in found:
        if key in values:
            problems.append(Phrase("reading.meta.twice", key=key))
        values[key] = value
    unknown = [k for k in values if k not in _META_KEYS]
    shown = [str(k) for k in unknown if quotable(k)]
    if shown:
        problems.append(Phrase("reading.meta.unknown", n=len(shown), keys=", ".join(shown)))
    if len(unknown) > len(shown):
        problems.append(Phrase("reading.meta.hidden", n=len(unknown) - len(shown)))
    revision, synthetic = values.get("revision"), values.get("synthetic_ids")
    demo = values.get("demo")
    if not (
        isinstance(revision, str)
        and 0 < len(revision) <= MAX_REVISION_DIGITS
        and revision.isascii()
        and revision.isdigit()
    ):
        problems.append(Phrase("reading.meta.revision", most=MAX_REVISION_DIGITS))
    if synthetic not in ("0", "1"):
        problems.append(Phrase("reading.meta.synthetic"))
    if demo not in (None, "1"):
        problems.append(Phrase("reading.meta.demo"))
    if problems:
        raise store_error("reading.store.meta_damaged", path=path, problems=joined(problems))
    assert isinstance(revision, str)  # noqa: S101 - checked above
    return Meta(int(revision), synthetic == "1", demo == "1")


def by_id(section: str, record_id: str, student_id: str | None) -> str:
    """Name a record of a store by its id (``cohorts[K1].students[S-01]``)."""
    if student_id is not None:
        return f"cohorts[{record_id}].students[{student_id}]"
    return f"{section}[{record_id}]"


def read_table(
    conv: cattrs.Converter,
    table: str,
    found: Iterable[tuple[object, ...]],
    records: Records,
    problems: list[Problem],
) -> Rows:
    """Read the rows ``(position, id, [cohort,] body)`` of ``table`` into ``records``."""
    remembered: Rows = {}
    for row in found:
        position, record_id, *rest = row
        body, cohort = rest[-1], rest[0] if table == "students" else None
        if not is_record_id(record_id):
            problems.append(Problem.of(f"{table}[row {position}]", "reading.store.row_id"))
            continue
        assert isinstance(record_id, str)  # noqa: S101 - a valid id is text
        if table == "students" and not is_record_id(cohort):
            problems.append(Problem.of(f"{table}[{record_id}]", "reading.store.row_cohort"))
            continue
        path = (
            f"cohorts[{cohort}].students[{record_id}]"
            if table == "students"
            else (f"{table}[{record_id}]")
        )
        known = _COHORTS.get(body) if table == "cohorts" and type(body) is str else None
        if known is not None and known.id == record_id:
            # the same text: the same record (a cohort holds no person's data)
            records.cohorts.append(known)
            remembered[record_id] = (known, tuple(str(v) for v in rest))
            continue
        raw = parsed(body, path, problems)
        if raw is UNREADABLE:
            continue
        if table == "students":
            assert isinstance(cohort, str)  # noqa: S101 - a valid id is text
            record: Any = read_student(conv, raw, cohort, path, problems)
            into: list[Any] = records.students
        else:
            record = read(conv, raw, TYPES[table], path, problems)
            into = getattr(records, table)
        if record is None:
            continue
        if record.id != record_id:
            problems.append(Problem.of(path, "reading.store.body_id"))
            continue
        into.append(record)
        remembered[record_id] = (record, tuple(str(v) for v in rest))
        if table == "cohorts" and type(body) is str:
            if len(_COHORTS) >= _KEPT_COHORTS:
                _COHORTS.clear()
            _COHORTS[body] = record
    return remembered


#: The most cohort records :func:`read_table` keeps by the text of their row.
_KEPT_COHORTS: Final = 256
#: Cohort records by the exact text of their row's body. A change on part of a
#: store reads its cohort's row each time, and the row seldom changes: the same
#: text is the same record, made once (a cohort holds no person's data, so
#: keeping it past a load keeps none).
_COHORTS: dict[str, Cohort] = {}


def read_history(
    conv: cattrs.Converter,
    found: Iterable[HistoryRow],
    records: Records,
    problems: list[Problem],
) -> bool:
    """Read the history's rows into ``records``; return whether they were migrated.

    A row of a store of schema version 2 (its ``chain`` is NULL) holds an entry
    of the ``mbprogram/1`` form: such a history is migrated as a document's is
    (:func:`~mbprogram.storage._history_migration.migrated_history`), once the
    records are read. A history cannot mix the two forms.
    """
    legacy: list[LegacyChange] = []
    states = SharedStates(conv)
    for i, (actor, at, action, record, part, before, after, chain) in enumerate(found):
        raw = {"actor": actor, "at": at, "action": action, "record": record}
        raw["before"] = parsed(before, f"history[{i}].before", problems)
        raw["after"] = parsed(after, f"history[{i}].after", problems)
        if UNREADABLE in (raw["before"], raw["after"]):
            continue
        if chain is None and part is None and not records.history:
            entry = read(conv, raw, LegacyChange, f"history[{i}]", problems)
            if entry is not None:
                legacy.append(entry)
            continue
        if legacy:
            problems.append(Problem.of(f"history[{i}]", "reading.history.mixed"))
            continue
        change = states.read({**raw, "part": part, "chain": chain}, f"history[{i}]", problems)
        if change is not None:
            records.history.append(change)
    if legacy and not problems:
        from mbprogram.storage._history_migration import migrated_history  # noqa: PLC0415

        records.history = migrated_history(legacy, records, problems)
    return bool(legacy)


#: What :func:`parsed` gives for a body that is not JSON (its problem is already noted).
UNREADABLE: Final = object()


def parsed(body: object, path: str, problems: list[Problem]) -> object:
    """The JSON value of a row's text, ``None`` for NULL, else :data:`UNREADABLE`."""
    if body is None:
        return None
    if not isinstance(body, str):
        problems.append(Problem.of(path, "reading.expected.json_text", got=_sql_kind(body)))
        return UNREADABLE
    try:
        return read_json(body)
    except JsonTextError as e:
        problems.append(e.problem(path))
        return UNREADABLE


def _sql_kind(value: object) -> str:
    """Name the SQLite storage class of ``value`` without showing it."""
    if isinstance(value, bytes):
        return Phrase("reading.kind.blob")
    if isinstance(value, int | float):
        return Phrase("reading.kind.number")
    return type(value).__name__


def _body(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_rows(
    conv: cattrs.Converter, register: Register, table: str, old: Rows
) -> Iterator[tuple[str, object, tuple[str, ...], bool]]:
    """Each record of ``table``: its id, the record, its row values and whether they changed.

    A record that is the very object remembered in ``old`` is not encoded again.
    """
    source: Iterable[tuple[str, Any]] = getattr(register, table).items()
    for record_id, record in source:
        previous = old.get(record_id)
        if previous is not None and previous[0] is record:
            yield record_id, record, previous[1], False
            continue
        if table == "students":
            values: tuple[str, ...] = (record.cohort, _body(student_json(conv, record)))
        else:
            values = (_body(conv.unstructure(record, TYPES[table])),)
        yield record_id, record, values, previous is None or previous[1] != values


def history_rows(conv: cattrs.Converter, history: Sequence[Change]) -> list[HistoryRow]:
    """The history's changes as rows.

    Raises:
        DocumentError: naming each change whose snapshot has no document form.
    """
    return [
        (
            c["actor"],
            c["at"],
            c["action"],
            c["record"],
            c["part"],
            None if c["before"] is None else _body(c["before"]),
            None if c["after"] is None else _body(c["after"]),
            c["chain"],
        )
        for c in history_json(conv, tuple(history))
    ]


def _fetched(db: sqlite3.Connection, query: str) -> list[tuple[object, ...]]:
    """Every row of ``query``, read in the transaction the caller holds open.

    Text is decoded by SQLite's reader itself (a Python call per value, the
    connection's :func:`decoded_text`, costs about as much as the rest of a
    store's reading); if some text is not UTF-8, which that reader refuses,
    the rows are read again with :func:`decoded_text`, so a row reads as it
    always has (its text's problems are then named by the records' checks).
    """
    factory = db.text_factory
    db.text_factory = str
    try:
        return db.execute(query).fetchall()
    except sqlite3.OperationalError:  # text that is not UTF-8: never quoted, read again
        pass
    finally:
        db.text_factory = factory
    return db.execute(query).fetchall()


def select_rows(db: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """The rows ``(position, id, [cohort,] body)`` of a record table, in order."""
    cohort = ", cohort" if table == "students" else ""
    return _fetched(db, f"SELECT position, id{cohort}, body FROM {table} ORDER BY position")  # noqa: S608


def select_history(db: sqlite3.Connection) -> list[HistoryRow]:
    """The history's rows, oldest first."""
    return _fetched(
        db, "SELECT actor, at, action, record, part, before, after, chain FROM history ORDER BY seq"
    )


def unsaved_differences(
    db: sqlite3.Connection, rows: dict[str, Rows], history: Sequence[HistoryRow], meta: Meta
) -> list[str]:
    """What the store holds other than the ``rows``, ``history`` and ``meta`` just written.

    Read in the saving transaction, so that a store that does not keep what it
    is given (a row it should have deleted, a history entry it should have
    dropped, a revision it should have raised) is found before the commit.
    """
    differences: list[str] = []
    for table, saved_rows in rows.items():
        found = {str(row[1]): tuple(row[2:]) for row in select_rows(db, table)}
        saved = {record_id: values for record_id, (_, values) in saved_rows.items()}
        if found != saved:
            extra = len(found.keys() - saved.keys())
            differences.append(
                Phrase("reading.unsaved.extra_rows", table=table, n=extra)
                if extra
                else Phrase("reading.unsaved.rows", table=table)
            )
    found_history = select_history(db)
    if found_history != list(history):
        differences.append(
            Phrase("reading.unsaved.history_count", found=len(found_history), saved=len(history))
            if len(found_history) != len(history)
            else Phrase("reading.unsaved.history")
        )
    found_meta = db.execute("SELECT key, value FROM meta").fetchall()
    try:
        same_meta = read_meta(found_meta, "") == meta
    except ValueError:
        same_meta = False
    if not same_meta:
        differences.append(Phrase("reading.unsaved.meta"))
    return differences
