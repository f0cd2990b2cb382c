"""The SQLite store: round trips, transactions, conflicts between processes, migrations."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from mbprogram import ConflictError, DocumentError, Hours, Present, Register
from mbprogram.storage._sqlite_schema import APPLICATION_ID, SCHEMA_VERSION
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import STAMP, make_register, session_id
from tests.register_strategies import registers
from tests.storage.samples import SCHEMA_2_STORE, copied, sample_register


def saved_store(path: Path, register: Register) -> Path:
    """Save ``register`` in a new store at ``path``."""
    with SqliteStore.open(path, create=True) as store:
        store.save(register)
    return path


def attend(register: Register, sid: str, session: int = 1) -> None:
    """Mark ``sid`` present for five hours at a session."""
    register.record_attendance(sid, session_id(session), Present(Hours(5)), by=STAMP)


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run a query on the database file directly."""
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


# -- round trips ---------------------------------------------------------------------------


@given(registers())
def test_any_valid_register_loads_back_equal_from_a_store(register: Register) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = saved_store(Path(directory) / "mb.sqlite", register)
        with SqliteStore.open(path) as store:
            assert register == store.load()


def test_a_store_keeps_the_history_as_rows_with_actor_and_time(tmp_path: Path) -> None:
    register = sample_register()
    path = saved_store(tmp_path / "mb.sqlite", register)
    history = rows(path, "SELECT actor, at, action, record FROM history ORDER BY seq")
    assert len(register.history) == len(history)
    assert ("Koordinator Krog", "2026-01-02T09:00:00+00:00", "cohort.opened", "cohorts[K1]") == (
        history[0]
    )
    with SqliteStore.open(path) as store:
        assert register.history == store.load().history


def test_a_save_after_a_load_writes_only_what_changed(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", sample_register())
    before = dict(rows(path, "SELECT id, body FROM students"))
    with SqliteStore.open(path) as store:
        register = store.load()
        attend(register, "S-03", 1)
        store.save(register)
        assert 2 == store.revision
    after = dict(rows(path, "SELECT id, body FROM students"))
    assert {"S-03"} == {sid for sid in after if after[sid] != before[sid]}
    with SqliteStore.open(path) as store:
        assert register == store.load()


def test_a_history_rewritten_since_the_load_is_written_whole(tmp_path: Path) -> None:
    register = sample_register()
    path = saved_store(tmp_path / "mb.sqlite", register)
    shorter = Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=register.employments.values(),
        outcomes=register.outcomes.values(),
        history=register.history[3:],
        allow_synthetic_ids=True,
    )
    with SqliteStore.open(path) as store:
        store.load()
        store.save(shorter)
    with SqliteStore.open(path) as store:
        assert shorter == store.load()


def test_a_removed_record_is_removed_from_the_store(tmp_path: Path) -> None:
    register = sample_register()
    path = saved_store(tmp_path / "mb.sqlite", register)
    fewer = Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=register.employments.values(),
        outcomes=(),
        history=register.history,
        allow_synthetic_ids=True,
    )
    with SqliteStore.open(path) as store:
        store.load()
        store.save(fewer)
    assert [] == rows(path, "SELECT id FROM outcomes")


# -- conflicts -----------------------------------------------------------------------------


def test_the_second_of_two_saves_from_the_same_revision_is_a_conflict(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", make_register())
    with SqliteStore.open(path) as first, SqliteStore.open(path) as second:
        mine, theirs = first.load(), second.load()
        attend(mine, "S-01")
        attend(theirs, "S-02")
        first.save(mine)
        with pytest.raises(ConflictError, match="load it again, re-apply the change"):
            second.save(theirs)
        theirs = second.load()
        attend(theirs, "S-02")
        second.save(theirs)
    with SqliteStore.open(path) as store:
        final = store.load()
    assert {"S-01", "S-02"} == {sid for sid, s in final.students.items() if s.attendance}


def test_saving_into_a_store_of_records_never_loaded_is_a_conflict_unless_forced(
    tmp_path: Path,
) -> None:
    path = saved_store(tmp_path / "mb.sqlite", make_register())
    other = sample_register()
    with SqliteStore.open(path) as store:
        with pytest.raises(ConflictError, match="never loaded here"):
            store.save(other)
        store.save(other, force=True)
        assert other == store.load()


def _change_and_save(path: str, sid: str, first: bool, barrier: Any, first_saved: Any) -> str:
    """In another process: load, wait for the other to load, change ``sid`` and save."""
    outcome = []
    with SqliteStore.open(path) as store:
        register = store.load()
        barrier.wait(timeout=60)
        if not first:
            first_saved.wait(timeout=60)
        attend(register, sid)
        try:
            store.save(register)
            outcome.append("saved")
        except ConflictError:
            outcome.append("conflict")
            register = store.load()
            attend(register, sid)
            store.save(register)
            outcome.append("saved")
        if first:
            first_saved.set()
    return " then ".join(outcome)


def test_two_processes_never_lose_an_update(tmp_path: Path) -> None:
    path = str(saved_store(tmp_path / "mb.sqlite", make_register()))
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier, first_saved = manager.Barrier(2), manager.Event()
        with context.Pool(2) as pool:
            first = pool.apply_async(_change_and_save, (path, "S-01", True, barrier, first_saved))
            second = pool.apply_async(_change_and_save, (path, "S-02", False, barrier, first_saved))
            assert "saved" == first.get(timeout=120)
            assert "conflict then saved" == second.get(timeout=120)
    with SqliteStore.open(path) as store:
        final = store.load()
        assert 3 == store.revision
    assert {"S-01", "S-02"} == {sid for sid, s in final.students.items() if s.attendance}


# -- files, versions and refusals ----------------------------------------------------------


def test_a_new_store_is_readable_by_its_owner_only_and_keeps_no_journal(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", make_register())
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)
    assert [("delete",)] == rows(path, "PRAGMA journal_mode")
    assert ["mb.sqlite"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_new_store_has_the_current_schema_version(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", make_register())
    assert [(SCHEMA_VERSION,)] == rows(path, "PRAGMA user_version")
    assert [(APPLICATION_ID,)] == rows(path, "PRAGMA application_id")


def test_a_store_of_schema_version_1_is_migrated_on_open(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    with SqliteStore.open(copied(SCHEMA_2_STORE, tmp_path / "a")) as store:
        register = store.load()  # written by the release of schema version 2
    path = copied(SCHEMA_2_STORE, tmp_path)
    with sqlite3.connect(path) as db:  # as version 1 left it: no indexes yet
        db.execute("DROP INDEX history_record")
        db.execute("DROP INDEX students_cohort")
        db.execute("PRAGMA user_version = 1")
    with SqliteStore.open(path) as store:
        assert register == store.load()
    assert [(3,)] == rows(path, "PRAGMA user_version")
    indexes = rows(path, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    assert [("history_record",), ("students_cohort",)] == [
        i for i in indexes if not i[0].startswith("sqlite_")
    ]


def test_a_store_of_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", make_register())
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(DocumentError, match="schema version 99; this mbprogram reads versions up"):
        SqliteStore.open(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a database at all, just text", "is not an SQLite database, not an mbprogram store"),
        (b"", "is an empty file, not an mbprogram store"),
        (b"SQLite format 3\x00" + b"\x00\xff" * 200, "is not a readable SQLite database"),
    ],
)
def test_a_file_that_is_no_store_is_refused_with_a_document_error(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "mb.sqlite"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=expected):
        SqliteStore.open(path)


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(DocumentError, match="not an mbprogram store"):
        SqliteStore.open(path, create=True)


def test_a_missing_store_is_refused_unless_asked_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="pass create=True"):
        SqliteStore.open(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_records_broken_inside_the_store_are_named_by_id(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", sample_register())
    with sqlite3.connect(path) as db:
        db.execute("UPDATE students SET body = '{' WHERE id = 'S-02'")
        db.execute(
            "UPDATE host_units SET body = replace(body, '\"capacity\": 1', '\"capacity\": 0')"
        )
    with SqliteStore.open(path) as store, pytest.raises(DocumentError) as caught:
        store.load()
    assert [
        "host_units[U2].capacity: expected at least 1 and at most 1000, got 0",
        (
            "cohorts[K1].students[S-02]: not valid JSON "
            "(Expecting property name enclosed in double quotes at line 1, column 2)"
        ),
    ] == [str(p) for p in caught.value.problems]


def test_a_broken_rule_across_records_in_the_store_is_named_by_id(tmp_path: Path) -> None:
    path = saved_store(tmp_path / "mb.sqlite", sample_register())
    with sqlite3.connect(path) as db:
        db.execute('UPDATE students SET body = replace(body, \'"unit": "U2"\', \'"unit": "U9"\')')
    with SqliteStore.open(path) as store, pytest.raises(DocumentError) as caught:
        store.load()
    assert ["cohorts[K1].students[S-02].placements[0].unit: no host unit 'U9'"] == [
        str(p) for p in caught.value.problems
    ]
