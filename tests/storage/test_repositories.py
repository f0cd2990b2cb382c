"""The document and store repositories: what they add to the contract, and repository_for.

The contract every repository keeps is tested in
``tests/services/test_repository_contract.py``; here are the files themselves.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path
from typing import Any

import pytest

from mbprogram import Change, ConflictError, DocumentError, InvalidValueError, Register
from mbprogram.services.repository import Repository, Revision
from mbprogram.storage.files import load, save
from mbprogram.storage.repositories import (
    JsonDocumentRepository,
    SqliteRepository,
    repository_for,
)
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import COHORT_ID, STAMP, make_register


def unwritable_register() -> Register:
    """A register whose history holds a value that has no document form (it got in unchecked)."""
    change = Change(stamp=STAMP, action="person.erased", record="cohorts[K1]", part="students")
    object.__setattr__(change, "after", dt.timedelta(1))
    return Register.from_records(cohorts=[], students=[], host_units=[], history=[change])


REPOSITORIES = [
    pytest.param(lambda p: JsonDocumentRepository(p / "register.json"), id="json"),
    pytest.param(lambda p: SqliteRepository(p / "register.sqlite"), id="sqlite"),
]


@pytest.mark.parametrize("make", REPOSITORIES)
def test_a_register_that_cannot_be_written_is_refused_and_nothing_is_written(
    make: Any, tmp_path: Path
) -> None:
    repository: JsonDocumentRepository | SqliteRepository = make(tmp_path)
    save(make_register(), repository.path)
    before = repository.path.read_bytes()
    loaded = repository.load()

    with pytest.raises(DocumentError, match="the register cannot be written") as caught:
        repository.save(unwritable_register(), expected=loaded.revision)

    assert ["history[0]"] == [p.path for p in caught.value.problems]
    assert before == repository.path.read_bytes()
    assert loaded == repository.load()


@pytest.mark.parametrize("make", REPOSITORIES)
def test_a_missing_file_is_an_error_unless_asked_to_create_one(make: Any, tmp_path: Path) -> None:
    repository: JsonDocumentRepository | SqliteRepository = make(tmp_path)

    with pytest.raises(DocumentError, match=r"cannot read .*: No such file or directory"):
        repository.load()
    assert not repository.path.exists()


@pytest.mark.parametrize("name", ["register.json", "register.sqlite"])
def test_loading_a_new_repository_creates_no_file_and_the_first_save_one_for_its_owner_only(
    tmp_path: Path, name: str
) -> None:
    repository = repository_for(tmp_path / name, create=True)
    loaded = repository.load()
    assert [] == list(tmp_path.iterdir())

    repository.save(make_register(), expected=loaded.revision)

    assert 0o600 == stat.S_IMODE((tmp_path / name).stat().st_mode)
    assert make_register() == load(tmp_path / name)


def test_a_document_changed_by_anyone_since_it_was_loaded_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    save(make_register(), path)
    repository = JsonDocumentRepository(path)
    loaded = repository.load()
    other = make_register()
    other.change_places(COHORT_ID, 25, by=STAMP)
    save(other, path)  # another program, not through a repository

    with pytest.raises(ConflictError, match=r"register\.json was saved by someone else"):
        repository.save(loaded.register, expected=loaded.revision)

    assert other == load(path)


def test_a_document_removed_since_it_was_loaded_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    save(make_register(), path)
    repository = JsonDocumentRepository(path)
    loaded = repository.load()
    path.unlink()

    with pytest.raises(ConflictError):
        repository.save(loaded.register, expected=loaded.revision)

    assert not path.exists()


def test_a_document_created_since_a_new_one_was_loaded_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    repository = JsonDocumentRepository(path, create=True)
    loaded = repository.load()
    save(make_register(1), path)

    with pytest.raises(ConflictError):
        repository.save(make_register(), expected=loaded.revision)

    assert make_register(1) == load(path)


def test_a_documents_revision_names_its_bytes_so_an_equal_save_keeps_it(tmp_path: Path) -> None:
    repository = JsonDocumentRepository(tmp_path / "register.json", create=True)
    first = repository.save(make_register(), expected=repository.load().revision)

    again = repository.save(make_register(), expected=first)

    assert first == again == repository.load().revision


def test_a_store_saved_through_sqlite_store_since_the_load_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    save(make_register(), path)
    repository = SqliteRepository(path)
    loaded = repository.load()
    with SqliteStore.open(path) as store:
        other = store.load()
        other.change_places(COHORT_ID, 25, by=STAMP)
        store.save(other)

    with pytest.raises(ConflictError, match=r"store at revision 2, at 1 here"):
        repository.save(loaded.register, expected=loaded.revision)

    assert other == load(path)


def test_a_store_removed_since_it_was_loaded_is_a_conflict_and_not_made_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "register.sqlite"
    save(make_register(), path)
    repository = SqliteRepository(path)
    loaded = repository.load()
    path.unlink()

    with pytest.raises(ConflictError, match="the store is gone"):
        repository.save(loaded.register, expected=loaded.revision)

    assert not path.exists()


def test_a_store_repositorys_revision_is_the_stores_revision(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    repository = SqliteRepository(path, create=True)

    revision = repository.save(make_register(), expected=repository.load().revision)

    with SqliteStore.open(path) as store:
        store.load()
        assert str(store.revision) == revision.token


def test_a_file_named_as_a_store_that_is_not_one_is_refused_and_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database", encoding="utf-8")
    repository = repository_for(path, create=True)

    with pytest.raises(DocumentError, match="not an SQLite database"):
        repository.load()
    with pytest.raises(DocumentError, match="not an SQLite database"):
        repository.save(make_register(), expected=Revision("0"))  # as for a new store

    assert "not a database" == path.read_text(encoding="utf-8")


# -- repository_for --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("register.json", JsonDocumentRepository),
        ("register.JSON", JsonDocumentRepository),
        ("register.sqlite", SqliteRepository),
        ("register.sqlite3", SqliteRepository),
        ("register.db", SqliteRepository),
    ],
)
def test_a_new_file_is_a_document_or_a_store_by_its_suffix(
    tmp_path: Path, name: str, expected: type[Repository]
) -> None:
    assert isinstance(repository_for(tmp_path / name), expected)


def test_a_store_is_a_store_whatever_it_is_called(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    save(make_register(), tmp_path / "x.sqlite")
    (tmp_path / "x.sqlite").rename(path)

    repository = repository_for(path)

    assert isinstance(repository, SqliteRepository)
    assert make_register() == repository.load().register


def test_a_file_of_no_known_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"cannot tell the kind of file from '\.txt'"):
        repository_for(tmp_path / "register.txt")


@pytest.mark.parametrize("path", [None, 5, b"register.json"])
def test_something_that_is_not_a_path_is_refused_clearly(path: Any) -> None:
    with pytest.raises(InvalidValueError, match="path: expected a file path"):
        repository_for(path)


@pytest.mark.parametrize("kind", [JsonDocumentRepository, SqliteRepository])
def test_a_repository_is_its_file_and_says_so(kind: Any, tmp_path: Path) -> None:
    path = tmp_path / "register"

    assert kind(path) == kind(str(path))
    assert f"{kind.__name__}(path={path!r}, create=False)" == repr(kind(path))
    with pytest.raises(InvalidValueError, match="path: expected a file path"):
        kind(5)
    with pytest.raises(InvalidValueError, match="create: expected bool"):
        kind(path, create="yes")
