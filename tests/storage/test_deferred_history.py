"""An SQLite store's history read on first use (``defer_history``): nothing lost or skipped."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from mbprogram import DocumentError, Hours, Present, Register
from mbprogram.cli import main
from mbprogram.register.deferred_history import DeferredHistory
from mbprogram.storage.files import load, save
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import STAMP, session_id
from tests.register_strategies import registers
from tests.storage.samples import SCHEMA_2_STORE, copied, sample_register

HISTORY = "SELECT actor, at, action, record, part, before, after, chain FROM history ORDER BY seq"


def rows(path: Path, sql: str = HISTORY) -> list[tuple[Any, ...]]:
    """Run a query on the database file directly."""
    with sqlite3.connect(path) as db:
        found = db.execute(sql).fetchall()
    db.close()
    return found


def deferred(store: SqliteStore) -> Register:
    """The store's register with its history not read yet (checked so)."""
    register = store.load(defer_history=True)
    held = register.state.history_held
    assert isinstance(held, DeferredHistory)
    assert not held.is_read
    return register


def is_read(register: Register) -> bool:
    held = register.state.history_held
    return not isinstance(held, DeferredHistory) or held.is_read


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    save(sample_register(), path)
    return path


@settings(max_examples=30)
@given(registers(max_steps=15))
def test_a_history_read_on_first_use_is_the_history_read_at_once(register: Register) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "mb.sqlite"
        save(register, path)
        with SqliteStore.open(path) as store:
            later = deferred(store)
            assert len(register.history) == len(later.state.history_held)
            assert register == later  # equality reads it
            assert register.history == later.history
            assert [] == later.history_problems()


def test_saving_back_unchanged_writes_the_same_history_without_reading_it(store: Path) -> None:
    before = rows(store)
    with SqliteStore.open(store) as opened:
        register = deferred(opened)
        opened.save(register)
        assert not is_read(register)
    assert before == rows(store)
    assert 0 == main(["validate", str(store)], out=io.StringIO())


def test_a_change_appends_to_the_whole_history_and_keeps_the_chain(store: Path) -> None:
    before = rows(store)
    with SqliteStore.open(store) as opened:
        register = deferred(opened)
        register.record_attendance("S-03", session_id(1), Present(Hours(5)), by=STAMP)
        assert is_read(register)  # the change sealed its entry after the last one read
        opened.save(register)
    after = rows(store)
    assert before == after[: len(before)]
    assert len(before) + 1 == len(after)
    with SqliteStore.open(store) as opened:
        again = opened.load()
    assert register == again
    assert [] == again.history_problems()


@pytest.mark.parametrize("suffix", [".json", ".sqlite"])
def test_a_register_saved_elsewhere_takes_its_whole_history(
    store: Path, tmp_path: Path, suffix: str
) -> None:
    with SqliteStore.open(store) as opened:
        register = deferred(opened)
    other = tmp_path / f"copy{suffix}"
    save(register, other)
    copy = load(other)
    assert sample_register().history == copy.history
    assert [] == copy.history_problems()


def test_a_store_saved_by_someone_else_meanwhile_is_still_a_conflict(store: Path) -> None:
    with SqliteStore.open(store) as mine, SqliteStore.open(store) as theirs:
        register = deferred(mine)
        changed = theirs.load()
        changed.record_attendance("S-03", session_id(1), Present(Hours(5)), by=STAMP)
        theirs.save(changed)
        with pytest.raises(Exception, match="saved by someone else"):
            mine.save(register)
    assert len(rows(store)) == len(changed.history)


def _break_entry(path: Path, seq: int) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE history SET after = '{not json' WHERE seq = ?", (seq,))
    db.close()


def test_a_bad_entry_is_named_by_its_path_when_the_history_is_used(store: Path) -> None:
    _break_entry(store, 3)
    with SqliteStore.open(store) as opened:
        with pytest.raises(DocumentError) as eager:
            opened.load()
        register = deferred(opened)  # the records are good: a report can be made
        for use in (lambda: register.history, register.history_problems):
            with pytest.raises(DocumentError) as raised:
                use()
            assert [p.path for p in eager.value.problems] == [p.path for p in raised.value.problems]
            assert ["history[2].after"] == [p.path for p in raised.value.problems]


def test_a_bad_entry_stops_a_save_and_leaves_the_store_as_it_was(store: Path) -> None:
    _break_entry(store, 3)
    before = rows(store), rows(store, "SELECT key, value FROM meta ORDER BY key")
    with SqliteStore.open(store) as opened:
        register = deferred(opened)
        with pytest.raises(DocumentError):
            register.record_attendance("S-03", session_id(1), Present(Hours(5)), by=STAMP)
        with pytest.raises(DocumentError):
            save(register, store.with_suffix(".json"))
    assert not store.with_suffix(".json").exists()
    assert before == (rows(store), rows(store, "SELECT key, value FROM meta ORDER BY key"))


def test_a_broken_chain_is_found_as_when_read_at_once(store: Path) -> None:
    with sqlite3.connect(store) as db:
        db.execute("UPDATE history SET actor = 'Noen Andre' WHERE seq = 6")
    db.close()
    with SqliteStore.open(store) as opened:
        eager = opened.load().history_problems()
        later = deferred(opened).history_problems()
    assert eager == later
    assert ["HISTORY_CHAIN_BROKEN"] == [p.code for p in later]


def test_a_history_of_the_older_form_is_migrated_at_once(tmp_path: Path) -> None:
    path = copied(SCHEMA_2_STORE, tmp_path)
    with SqliteStore.open(path) as opened:
        register = opened.load(defer_history=True)
        assert not isinstance(register.state.history_held, DeferredHistory)
        assert [] == register.history_problems()


def test_the_report_commands_run_without_the_history_and_validate_reads_it(
    store: Path,
) -> None:
    _break_entry(store, 3)
    for argv in (["progress", "--as-of", "2026-06-01"], ["outcomes"], ["students"]):
        out = io.StringIO()
        assert main([argv[0], str(store), *argv[1:], "--format", "json"], out=out) in (0, 1)
        json.loads(out.getvalue())
    out = io.StringIO()
    assert 2 == main(["validate", str(store), "--format", "json"], out=out)
    assert ["history[2].after"] == [p["path"] for p in json.loads(out.getvalue())["problems"]]


def test_a_deferred_history_says_how_long_it_is_without_reading() -> None:
    calls: list[int] = []
    history = DeferredHistory(0, lambda: calls.append(1) or ())
    assert 0 == len(history)
    assert "DeferredHistory(0 entries, not read)" == repr(history)
    assert [] == calls
    assert () == history.changes() == tuple(history)
    assert history == ()
    assert [1] == calls
    assert "DeferredHistory(0 entries, read)" == repr(history)


def test_a_deferred_history_that_reads_otherwise_than_it_said_is_refused() -> None:
    with pytest.raises(TypeError):
        DeferredHistory(2, lambda: ()).changes()


def test_two_threads_first_using_a_deferred_history_read_it_once() -> None:
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    from mbprogram.register.deferred_history import DeferredHistory  # noqa: PLC0415

    entries = tuple(sample_register().history)
    reads: list[int] = []

    def read() -> tuple[object, ...]:
        reads.append(1)
        time.sleep(0.05)  # long enough for the other thread to ask meanwhile
        return entries

    deferred = DeferredHistory(len(entries), read)  # type: ignore[arg-type]
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(deferred.changes())) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert reads == [1]
    assert seen == [entries, entries]
