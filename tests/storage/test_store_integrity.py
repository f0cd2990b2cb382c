"""A store is what it claims: its schema, its meta table and its rows are checked, never trusted.

A store with an extra trigger could copy the rows an erasure deletes into
another table, ignore deletes from the history or reset the revision that the
conflict check relies on; a crafted row could carry a name where an id belongs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import attrs
import pytest

from mbprogram import ConflictError, DocumentError, Register, Stamp
from mbprogram.services.repository import Revision
from mbprogram.storage.files import load, save
from mbprogram.storage.repositories import SqliteRepository
from mbprogram.storage.sqlite_store import ReadableByOthersWarning, SqliteStore
from tests.storage.samples import sample_register

ERASER = Stamp("Personvernombud Pers", dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a valid store of the sample register, made once."""
    path = tmp_path_factory.mktemp("template") / "mb.sqlite"
    save(sample_register(), path)
    return path.read_bytes()


@pytest.fixture
def store(tmp_path: Path, template: bytes) -> Path:
    """A valid store of the sample register, readable by its owner only."""
    path = tmp_path / "mb.sqlite"
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
        f.write(template)
    return path


def tamper(path: Path, *statements: str, parameters: tuple[object, ...] = ()) -> None:
    """Run SQL on the store's file directly, as another program could."""
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        for statement in statements:
            db.execute(statement, parameters if "?" in statement else ())


IGNORE_HISTORY_DELETES = (
    "CREATE TRIGGER no_forgetting BEFORE DELETE ON history BEGIN SELECT RAISE(IGNORE); END"
)
RESET_REVISION = (
    "CREATE TRIGGER stay AFTER UPDATE ON meta BEGIN "
    "UPDATE meta SET value = '0' WHERE key = 'revision'; END"
)


def refusal(path: Path) -> str:
    """The message of the error that opening and loading the store at ``path`` raises."""
    with pytest.raises(DocumentError) as caught:
        load(path)
    return str(caught.value)


# -- the schema (issue 10, item 5) ----------------------------------------------------------


def test_a_trigger_that_copies_deleted_rows_elsewhere_is_refused_before_an_erasure(
    store: Path,
) -> None:
    tamper(
        store,
        "CREATE TABLE copies (body TEXT)",
        "CREATE TRIGGER keep AFTER DELETE ON students BEGIN "
        "INSERT INTO copies VALUES (old.body); END",
    )
    before = store.read_bytes()
    message = refusal(store)
    assert "is not the mbprogram store it claims to be" in message
    assert "an extra table copies" in message
    assert "an extra trigger keep on the table students" in message
    with pytest.raises(DocumentError):
        SqliteStore.open(store)  # the erasure cannot even start
    assert before == store.read_bytes()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            [IGNORE_HISTORY_DELETES],
            "an extra trigger no_forgetting on the table history",
        ),
        (
            [RESET_REVISION],
            "an extra trigger stay on the table meta",
        ),
        (["CREATE VIEW everyone AS SELECT body FROM students"], "an extra view everyone"),
        (["ALTER TABLE students ADD COLUMN copy TEXT"], "the table students has an extra column"),
        (["DROP INDEX students_cohort"], "the index students_cohort is missing"),
        (
            ["CREATE INDEX students_body ON students (body)"],
            "an extra index students_body on the table students",
        ),
        (
            ['CREATE TABLE "Kari Nordmann 17859000770" (x)'],
            "an extra table (its name is not shown)",
        ),
    ],
)
def test_a_store_whose_schema_differs_is_refused_naming_what_differs(
    store: Path, statements: list[str], named: str
) -> None:
    tamper(store, *statements)
    message = refusal(store)
    assert named in message
    assert "Kari" not in message
    assert "17859000770" not in message


def test_a_table_replaced_by_one_with_other_columns_names_the_columns(store: Path) -> None:
    tamper(
        store,
        "ALTER TABLE history RENAME TO old_history",
        "CREATE TABLE history (seq INTEGER PRIMARY KEY, actor TEXT NOT NULL, at TEXT NOT NULL, "
        "action TEXT NOT NULL, record TEXT NOT NULL, before TEXT)",
    )
    message = refusal(store)
    assert "the table history lacks the column after" in message
    assert "an extra table old_history" in message


def test_an_old_store_that_is_not_what_it_claims_is_refused_before_it_is_migrated(
    store: Path,
) -> None:
    tamper(
        store,
        "DROP INDEX history_record",
        "DROP INDEX students_cohort",
        "PRAGMA user_version = 1",
        "CREATE TRIGGER keep BEFORE DELETE ON students BEGIN SELECT RAISE(IGNORE); END",
    )
    assert "its schema differs from that of version 1" in refusal(store)
    with contextlib.closing(sqlite3.connect(store)) as db:
        assert (1,) == db.execute("PRAGMA user_version").fetchone()


def test_a_trigger_added_after_the_store_was_opened_is_found_by_the_save(store: Path) -> None:
    with SqliteStore.open(store) as opened:
        register = opened.load()
        register.erase_person("S-02", by=ERASER)
        tamper(
            store, "CREATE TRIGGER keep BEFORE DELETE ON students BEGIN SELECT RAISE(IGNORE); END"
        )
        with pytest.raises(DocumentError, match="an extra trigger keep"):
            opened.save(register)
    tamper(store, "DROP TRIGGER keep")
    assert "S-02" in load(store).students  # nothing was saved


# -- reading back what should be gone (issue 10, item 5) -------------------------------------


def test_a_save_that_removes_records_reads_the_store_back_and_refuses_a_store_that_kept_them(
    store: Path,
) -> None:
    with SqliteStore.open(store) as opened:
        register = opened.load()
        name = register.student("S-02").name
        register.erase_person("S-02", by=ERASER)
        # A store that ignores deletes: a trigger of this connection only, which no
        # schema check can see, so that the reading back is what finds it.
        opened._db.execute(
            "CREATE TEMP TRIGGER ignore_deletes BEFORE DELETE ON main.students "
            "BEGIN SELECT RAISE(IGNORE); END"
        )
        with pytest.raises(DocumentError) as caught:
            opened.save(register)
    message = str(caught.value)
    assert "did not keep what was saved (the table students holds 1 row(s) that were not saved" in (
        message
    )
    assert "nothing was saved" in message
    assert name not in message
    assert "S-02" in load(store).students  # the erasure was not saved, and says so


def test_a_store_that_loses_history_entries_is_found_by_the_reading_back(store: Path) -> None:
    with SqliteStore.open(store) as opened:
        register = opened.load()
        register.erase_person("S-02", by=ERASER)
        opened._db.execute(
            "CREATE TEMP TRIGGER forget AFTER INSERT ON main.history "
            "BEGIN DELETE FROM history WHERE seq = new.seq; END"
        )
        with pytest.raises(DocumentError, match="the history holds 0 changes where"):
            opened.save(register)


def test_an_erasure_in_a_store_is_saved_and_read_back_equal(store: Path) -> None:
    register = load(store)
    register.erase_person("S-02", by=ERASER)
    save(register, store)
    assert register == load(store)


# -- the meta table and the rows (issue 10, items 2 and 9) ------------------------------------


@pytest.mark.parametrize(
    ("statement", "parameters", "expected"),
    [
        ("UPDATE meta SET value = ? WHERE key = 'revision'", ("9" * 5_000,), "no revision of 1 to"),
        ("UPDATE meta SET value = ? WHERE key = 'revision'", ("١٢",), "no revision of 1 to 18"),
        ("DELETE FROM meta WHERE key = 'synthetic_ids'", (), "no synthetic_ids of 0 or 1"),
        ("INSERT INTO meta VALUES ('note', 'x')", (), "the unknown key note"),
        ("INSERT INTO meta VALUES ('Kari Nordmann', 'x')", (), "1 unknown key(s) (not shown)"),
        ("INSERT INTO meta VALUES ('demo', 'yes')", (), "a demo mark that is not 1"),
    ],
)
def test_a_meta_table_out_of_bounds_is_damage_named_without_a_bare_error(
    store: Path, statement: str, parameters: tuple[object, ...], expected: str
) -> None:
    tamper(store, statement, parameters=parameters)
    message = refusal(store)
    assert "is damaged: its meta table holds" in message
    assert expected in message
    assert "Kari" not in message


def test_a_revision_out_of_bounds_after_a_load_is_refused_by_the_save(store: Path) -> None:
    with SqliteStore.open(store) as opened:
        register = opened.load()
        tamper(store, "UPDATE meta SET value = ? WHERE key = 'revision'", parameters=("9" * 5_000,))
        with pytest.raises(DocumentError, match="no revision of 1 to 18 digits"):
            opened.save(register)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "UPDATE students SET id = 'Kari Nordmann' WHERE id = 'S-02'",
            "students[row 2]: the row's id is not a valid id (not shown)",
        ),
        (
            "UPDATE students SET id = '17859000770' WHERE id = 'S-02'",
            "students[row 2]: the row's id is not a valid id (not shown)",
        ),
        (
            "UPDATE host_units SET id = 'U9' WHERE id = 'U1'",
            "host_units[U9]: the id in the row's body is not the row's id",
        ),
        (
            "UPDATE students SET cohort = 'Kari Nordmann' WHERE id = 'S-02'",
            "students[S-02]: the row's cohort is not a valid id (not shown)",
        ),
        (
            "UPDATE students SET body = x'7b7d' WHERE id = 'S-02'",
            "cohorts[K1].students[S-02]: expected JSON text, got a BLOB",
        ),
    ],
)
def test_a_row_whose_id_fails_its_check_is_named_by_position_never_quoted(
    store: Path, statement: str, expected: str
) -> None:
    tamper(store, statement)
    message = refusal(store)
    assert expected in message
    assert "Kari" not in message
    assert "17859000770" not in message


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": "S-02", "name": "Kari \\ud800"}',  # a JSON escape
        b'{"id": "S-02", "name": "Kari \xed\xa0\x80"}',  # bytes that are not UTF-8
        b'{"id": "S-02", "name": "Kari \xff"}',
        b'{"id": "S-02", "name": "Kari", "notes": "a\\u0000b"}',
    ],
)
def test_text_no_field_can_hold_in_a_row_is_refused_at_its_field(store: Path, body: bytes) -> None:
    tamper(
        store, "UPDATE students SET body = CAST(? AS TEXT) WHERE id = 'S-02'", parameters=(body,)
    )
    message = refusal(store)
    assert "cohorts[K1].students[S-02]." in message
    assert "expected text without NUL characters or lone surrogates" in message
    assert "Kari" not in message


def test_history_text_that_is_not_utf8_is_refused_at_its_field_read_at_once_or_on_first_use(
    store: Path,
) -> None:
    # SQLite's own reader refuses the row; it is read again, and the field's check names it
    with contextlib.closing(sqlite3.connect(store)) as db:
        seq, after = db.execute(
            'SELECT seq, after FROM history WHERE after LIKE \'%"name": "%\' ORDER BY seq DESC'
        ).fetchone()
    name = after.index('"name": "') + len('"name": "')
    bad = (after[:name] + "Kari \udcff" + after[after.index('"', name) :]).encode(
        "utf-8", "surrogateescape"
    )
    tamper(store, "UPDATE history SET after = CAST(? AS TEXT) WHERE seq = ?", parameters=(bad, seq))
    at_once = refusal(store)
    register = load(store, defer_history=True)  # the records are whole: the history is not
    with pytest.raises(DocumentError) as caught:
        _ = register.history
    on_first_use = str(caught.value)

    for message in (at_once, on_first_use):
        assert f"history[{seq - 1}].after.name: expected text without NUL characters" in message
        assert "Kari" not in message


# -- a failed save leaves no new file (issue 10, item 1) ---------------------------------------


def unwritable_register() -> Register:
    """A register whose history holds text that UTF-8 cannot hold (it got in unchecked)."""
    register = sample_register()
    cohort = attrs.evolve(register.history[0].after)
    object.__setattr__(cohort, "name", "Kari \ud800")
    history = [attrs.evolve(register.history[0], after=cohort), *register.history[1:]]
    return Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=register.employments.values(),
        outcomes=register.outcomes.values(),
        history=history,
        allow_synthetic_ids=register.allow_synthetic_ids,
    )


def test_a_failed_save_to_a_new_store_leaves_no_file_behind(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot be written") as caught:
        save(unwritable_register(), tmp_path / "new.sqlite")
    assert "Kari" not in str(caught.value)
    repository = SqliteRepository(tmp_path / "other.db", create=True)
    with pytest.raises(DocumentError, match="cannot be written"):
        repository.save(unwritable_register(), expected=repository.load().revision)
    assert [] == list(tmp_path.iterdir())


def test_a_failed_save_to_an_existing_store_leaves_it_as_it_was(store: Path) -> None:
    before = store.read_bytes()
    with pytest.raises(DocumentError, match="cannot be written"):
        save(unwritable_register(), store)
    assert before == store.read_bytes()
    assert ["mb.sqlite"] == sorted(p.name for p in store.parent.iterdir())


def test_a_store_that_cannot_be_made_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: object, path: str, *, create: bool) -> None:
        raise DocumentError([], summary="simulated failure")

    monkeypatch.setattr("mbprogram.storage.sqlite_store.prepare", broken)
    with pytest.raises(DocumentError, match="simulated failure"):
        SqliteStore.open(tmp_path / "new.sqlite", create=True)
    assert [] == list(tmp_path.iterdir())


def test_a_failed_save_to_a_store_that_exists_never_removes_it(store: Path) -> None:
    with pytest.raises(ConflictError):
        SqliteRepository(store).save(sample_register(), expected=Revision("99"))
    assert sample_register() == load(store)


# -- a store that others can read (issue 10, item 10) ------------------------------------------


def test_opening_a_store_that_others_can_read_warns_how_to_fix_it(store: Path) -> None:
    os.chmod(store, 0o644)  # noqa: PTH101 - as a careless copy leaves it
    with pytest.warns(ReadableByOthersWarning, match="chmod 600") as caught:
        SqliteStore.open(store).close()
    assert 1 == len(caught)
    assert "(mode 0644)" in str(caught[0].message)
    store.chmod(0o600)
    SqliteStore.open(store).close()  # no warning: pytest turns every warning into an error


def test_a_new_store_is_made_readable_by_its_owner_only_and_never_warned_about(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.sqlite"
    with SqliteStore.open(path, create=True) as opened:
        opened.save(sample_register())
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)
    SqliteStore.open(path).close()
