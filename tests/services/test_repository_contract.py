"""Every repository keeps the same contract: the fake, the JSON document, the SQLite
and the PostgreSQL store.

Each test runs once per kind of repository (the ``store`` fixture). A new kind
of store passes this suite before the rest of the package may rely on it: add
a :class:`Kind` to ``KINDS``. The PostgreSQL kind runs against the server of
the ``postgres`` fixture (``tests/postgres_server.py``), a fresh store per test.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from mbprogram import ConflictError, Hours, Present, Register
from mbprogram.services.repository import InMemoryRepository, Repository, Revision
from mbprogram.storage import _postgres_writing, atomic, sqlite_store
from mbprogram.storage._postgres_schema import TABLES
from mbprogram.storage.postgres_store import PostgresRepository
from mbprogram.storage.repositories import JsonDocumentRepository, SqliteRepository
from tests.builders import COHORT_ID, STAMP, make_register, session_id, stamp
from tests.postgres_server import Server
from tests.register_strategies import registers
from tests.storage.samples import sample_register


class SimulatedFailureError(OSError):
    """A save that fails half-way (a full disk, an encoder that breaks)."""


def fail(*args: object, **kwargs: object) -> None:
    raise SimulatedFailureError("simulated failure")


_REAL_WRITE = os.write


def write_half_then_fail(fd: int, data: bytes) -> int:
    _REAL_WRITE(fd, bytes(data[: len(data) // 2]))
    raise SimulatedFailureError("disk full")


def break_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake's save fails while it copies the register it is to keep."""
    monkeypatch.setattr(Register, "copy", fail)


def break_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document's save fails half-way through writing the file."""
    monkeypatch.setattr(atomic.os, "write", write_half_then_fail)


def break_history(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store's save fails after its records' rows are written, before the history's."""
    monkeypatch.setattr(sqlite_store, "history_rows", fail)


def break_postgres_history(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL save fails after its records' rows are written, before the history's."""
    monkeypatch.setattr(_postgres_writing, "history_json", fail)


def rows_kept(repository: Repository) -> object:
    """Every row of every table of a PostgreSQL store."""
    import psycopg  # noqa: PLC0415

    assert isinstance(repository, PostgresRepository)
    with psycopg.connect(repository.url) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # noqa: S608
            for table in TABLES
        }


def kept_in_memory(repository: Repository) -> object:
    assert isinstance(repository, InMemoryRepository)
    loaded = repository.load()
    return loaded.register, loaded.revision


def file_bytes(repository: Repository) -> object:
    assert isinstance(repository, JsonDocumentRepository | SqliteRepository)
    return repository.path.read_bytes() if repository.path.exists() else None


@attrs.frozen
class Kind:
    """A kind of repository under test.

    Attributes:
        name: the test id.
        make: a new, empty repository in the folder given.
        stored: everything the repository keeps (a file's bytes), to compare.
        break_saves: make the next save fail half-way.
    """

    name: str
    make: Callable[[Path], Repository]
    stored: Callable[[Repository], object]
    break_saves: Callable[[pytest.MonkeyPatch], None]


KINDS = [
    Kind("memory", lambda folder: InMemoryRepository(), kept_in_memory, break_copies),
    Kind(
        "json",
        lambda folder: JsonDocumentRepository(folder / "register.json", create=True),
        file_bytes,
        break_writes,
    ),
    Kind(
        "sqlite",
        lambda folder: SqliteRepository(folder / "register.sqlite", create=True),
        file_bytes,
        break_history,
    ),
    Kind(
        "postgres",
        lambda folder: PostgresRepository(_server().new_store_url(), create=True),
        rows_kept,
        break_postgres_history,
    ),
]

_SERVERS: list[Server] = []


def _server() -> Server:
    """The session's server (the ``kind`` fixture asked for it before any test made a store)."""
    return _SERVERS[-1]


@pytest.fixture(scope="module", params=KINDS, ids=lambda kind: kind.name)
def kind(request: pytest.FixtureRequest) -> Kind:
    if request.param.name == "postgres":  # skipped (with the reason) without a server
        _SERVERS.append(request.getfixturevalue("postgres"))
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def repository(kind: Kind, tmp_path: Path) -> Repository:
    return kind.make(tmp_path)


def attend(register: Register, sid: str, session: int = 1, hours: int = 5) -> None:
    register.record_attendance(sid, session_id(session), Present(Hours(hours)), by=STAMP)


def saved(repository: Repository, register: Register) -> Revision:
    """Save ``register`` over whatever the repository holds; return the new revision."""
    return repository.save(register, expected=repository.load().revision)


# -- loading and saving ----------------------------------------------------------------------


def test_a_new_repository_loads_an_empty_register(repository: Repository) -> None:
    loaded = repository.load()

    assert Register() == loaded.register
    assert loaded.revision == repository.load().revision


def test_a_saved_register_loads_back_equal_with_its_history(repository: Repository) -> None:
    register = sample_register()

    revision = saved(repository, register)

    loaded = repository.load()
    assert register == loaded.register
    assert register.history == loaded.register.history
    assert revision == loaded.revision


#: The codecs' own round trips run the profile's full count (tests/storage); this
#: checks each repository's wiring around them, with a third as many registers.
@settings(max_examples=max(10, settings().max_examples // 3))
@given(registers())
def test_any_valid_register_loads_back_equal(kind: Kind, register: Register) -> None:
    with tempfile.TemporaryDirectory() as folder:
        repository = kind.make(Path(folder))

        saved(repository, register)

        assert register == repository.load().register


def test_the_loaded_register_is_the_callers_own(repository: Repository) -> None:
    saved(repository, make_register())
    loaded = repository.load()

    attend(loaded.register, "S-01")

    assert make_register() == repository.load().register


def test_a_register_changed_after_its_save_is_kept_as_it_was_saved(
    repository: Repository,
) -> None:
    register = make_register()
    saved(repository, register)

    attend(register, "S-01")

    assert make_register() == repository.load().register


# -- revisions and conflicts -----------------------------------------------------------------


def test_every_save_of_a_changed_register_gives_a_new_revision(repository: Repository) -> None:
    register = make_register()
    revisions = [repository.load().revision]
    for places in (20, 21, 22):
        register.change_places(COHORT_ID, places, by=stamp(places))
        revisions.append(repository.save(register, expected=revisions[-1]))

    assert len(revisions) == len(set(revisions))
    assert revisions[-1] == repository.load().revision
    assert register == repository.load().register


def test_a_save_from_a_stale_revision_is_a_conflict_and_keeps_the_first_writers_data(
    kind: Kind, repository: Repository
) -> None:
    saved(repository, make_register())
    mine, theirs = repository.load(), repository.load()
    attend(mine.register, "S-01")
    attend(theirs.register, "S-02")
    first = repository.save(mine.register, expected=mine.revision)
    stored = kind.stored(repository)

    with pytest.raises(ConflictError, match="load it again, re-apply the change and save again"):
        repository.save(theirs.register, expected=theirs.revision)

    assert stored == kind.stored(repository)
    assert mine.register == repository.load().register
    assert first == repository.load().revision


def test_after_a_conflict_loading_again_and_saving_keeps_both_changes(
    repository: Repository,
) -> None:
    saved(repository, make_register())
    mine, theirs = repository.load(), repository.load()
    attend(mine.register, "S-01")
    repository.save(mine.register, expected=mine.revision)
    attend(theirs.register, "S-02")
    with pytest.raises(ConflictError):
        repository.save(theirs.register, expected=theirs.revision)

    again = repository.load()
    attend(again.register, "S-02")
    repository.save(again.register, expected=again.revision)

    final = repository.load().register
    assert {"S-01", "S-02"} == {sid for sid, s in final.students.items() if s.attendance}


@pytest.mark.parametrize("token", ["no such revision", "7", "sha256:0"])
def test_a_revision_the_repository_never_gave_is_a_conflict(
    kind: Kind, repository: Repository, token: str
) -> None:
    saved(repository, make_register())
    stored = kind.stored(repository)

    with pytest.raises(ConflictError):
        repository.save(make_register(1), expected=Revision(token))

    assert stored == kind.stored(repository)
    assert make_register() == repository.load().register


# -- failures ----------------------------------------------------------------------------------


def test_a_save_that_fails_half_way_writes_nothing(
    kind: Kind, repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved(repository, make_register())
    loaded = repository.load()
    attend(loaded.register, "S-01")
    stored = kind.stored(repository)
    with monkeypatch.context() as broken:
        kind.break_saves(broken)
        with pytest.raises(SimulatedFailureError):
            repository.save(loaded.register, expected=loaded.revision)

    assert stored == kind.stored(repository)
    assert make_register() == repository.load().register
    assert before == repository.load().revision
    repository.save(loaded.register, expected=loaded.revision)  # the revision still holds
    assert loaded.register == repository.load().register
