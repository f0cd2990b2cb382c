"""Atomic saves: a failed save leaves the old file byte-identical; links and leftovers."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mbprogram import DocumentError, Stamp
from mbprogram.storage import atomic
from mbprogram.storage.json_document import load_document, save_document
from mbprogram.storage.repositories import JsonDocumentRepository
from tests.builders import make_register
from tests.storage.samples import sample_register


class SimulatedFailureError(OSError):
    """The simulated failure (a disk that fills up, a pulled plug)."""


def boom(*args: object, **kwargs: object) -> None:
    raise SimulatedFailureError("simulated failure")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A document saved once, to be overwritten by a save that fails."""
    path = tmp_path / "register.json"
    save_document(make_register(), path)
    return path


def leftovers(directory: Path) -> list[str]:
    """The temporary files a save left behind."""
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_a_save_writes_the_document_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    register = sample_register()
    save_document(register, path)
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)
    assert register == load_document(path)
    assert [] == leftovers(tmp_path)


def test_a_save_over_an_existing_file_replaces_it(saved: Path) -> None:
    register = sample_register()
    save_document(register, saved)
    assert register == load_document(saved)
    assert 0o600 == stat.S_IMODE(saved.stat().st_mode)


_REAL_WRITE = os.write


def _write_half_then_fail(fd: int, data: bytes) -> int:
    _REAL_WRITE(fd, bytes(data[: len(data) // 2]))
    raise SimulatedFailureError("disk full")


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("write", _write_half_then_fail),  # inside the write
        ("fsync", boom),  # while flushing to disk
        ("replace", boom),  # just before the rename
    ],
)
def test_a_save_that_fails_leaves_the_old_file_byte_identical_and_no_temporary_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, target: str, replacement: object
) -> None:
    before = saved.read_bytes()
    if target == "replace":
        monkeypatch.setattr(Path, "replace", boom)
    else:
        monkeypatch.setattr(atomic.os, target, replacement)
    with pytest.raises(SimulatedFailureError):
        save_document(sample_register(), saved)
    monkeypatch.undo()
    assert before == saved.read_bytes()
    assert [] == leftovers(saved.parent)
    assert make_register() == load_document(saved)


def test_a_save_interrupted_by_keyboard_interrupt_also_cleans_up(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    before = saved.read_bytes()
    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_document(sample_register(), saved)
    monkeypatch.undo()
    assert before == saved.read_bytes()
    assert [] == leftovers(saved.parent)


def test_a_failed_first_save_leaves_no_file_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(SimulatedFailureError):
        save_document(sample_register(), tmp_path / "new.json")
    assert [] == sorted(p.name for p in tmp_path.iterdir())


def test_write_atomically_writes_exactly_the_bytes_given(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    data = bytes(range(256)) * 1000
    atomic.write_atomically(path, data)
    assert data == path.read_bytes()


# -- links: the real file is written, or the save is refused (issue 10, item 3) ------------

ERASER = Stamp("Personvernombud Pers", dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC))


def test_a_save_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "archive" / "register.json"
    real.parent.mkdir()
    register = sample_register()
    save_document(register, real)
    link = tmp_path / "register.json"
    link.symlink_to(Path("archive") / "register.json")  # relative, as a user makes it
    person = "S-02"
    name = register.student(person).name

    loaded = load_document(link)
    loaded.erase_person(person, by=ERASER)
    save_document(loaded, link)

    assert link.is_symlink()
    assert loaded == load_document(real)
    assert name.encode() not in real.read_bytes()
    assert 0o600 == stat.S_IMODE(real.stat().st_mode)
    assert [] == leftovers(tmp_path) + leftovers(real.parent)


def test_a_save_through_a_chain_of_links_to_a_new_file_makes_the_file_at_its_end(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.json").symlink_to(tmp_path / "c.json")  # c.json does not exist yet
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    register = sample_register()
    save_document(register, tmp_path / "a.json")
    assert (tmp_path / "a.json").is_symlink()
    assert (tmp_path / "b.json").is_symlink()
    assert register == load_document(tmp_path / "c.json")


def test_a_file_with_two_names_is_refused_and_both_names_keep_their_records(
    saved: Path,
) -> None:
    other = saved.parent / "copy.json"
    os.link(saved, other)
    before = saved.read_bytes()
    with pytest.raises(DocumentError, match="2 names \\(hard links\\)") as caught:
        save_document(sample_register(), saved)
    assert "remove the other links, or save under a new name" in str(caught.value)
    assert before == saved.read_bytes() == other.read_bytes()
    assert [] == leftovers(saved.parent)


def test_the_document_repository_writes_through_a_link_too(saved: Path) -> None:
    link = saved.parent / "link.json"
    link.symlink_to(saved)
    repository = JsonDocumentRepository(link)
    loaded = repository.load()
    register = sample_register()
    repository.save(register, expected=loaded.revision)
    assert link.is_symlink()
    assert register == load_document(saved)


# -- temporary files of saves that crashed (issue 10, item 4) -------------------------------


def test_a_save_removes_the_temporary_files_that_crashed_saves_of_its_file_left(
    saved: Path,
) -> None:
    stale = [saved.parent / f".register.json.{random}.tmp" for random in ("abcd1234", "zz_9k0qx")]
    for path in stale:
        path.write_bytes(b'{"secret": "Kari Nordmann"}')  # the whole register, in real life
    others = [saved.parent / ".other.json.abcd1234.tmp", saved.parent / ".register.json.tmp"]
    for path in others:
        path.write_bytes(b"not ours")

    save_document(sample_register(), saved)

    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in others)


def test_a_temporary_file_that_a_running_save_holds_is_left_alone(saved: Path) -> None:
    running = saved.parent / ".register.json.r0nn1ng_.tmp"
    with running.open("wb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        assert [] == atomic.stale_temporaries(saved)
        save_document(sample_register(), saved)
        assert running.exists()
    assert [running] == atomic.stale_temporaries(saved)


_KILLED_SAVE = """
import os, signal, sys
from mbprogram.storage import atomic
from mbprogram.storage.json_document import save_document
from tests.storage.samples import sample_register

def killed(fd):  # the plug is pulled after the data is written, before the rename
    os.kill(os.getpid(), signal.SIGKILL)

atomic.os.fsync = killed
save_document(sample_register(), sys.argv[1])
"""


def test_a_killed_save_leaves_the_old_file_and_the_next_save_removes_its_temporary_file(
    saved: Path,
) -> None:
    before = saved.read_bytes()
    root = Path(__file__).resolve().parents[2]
    killed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _KILLED_SAVE, str(saved)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert -signal.SIGKILL == killed.returncode
    assert before == saved.read_bytes()
    [temporary] = leftovers(saved.parent)
    assert temporary.startswith(".register.json.")

    save_document(sample_register(), saved)

    assert [] == leftovers(saved.parent)


def test_a_pipe_or_link_named_like_a_temporary_file_is_neither_opened_nor_removed(
    saved: Path,
) -> None:
    pipe = saved.parent / ".register.json.p1pe0000.tmp"
    os.mkfifo(pipe)  # opening it to read would wait for a writer for ever
    link = saved.parent / ".register.json.l1nk0000.tmp"
    link.symlink_to(saved)
    save_document(sample_register(), saved)
    assert pipe.exists()
    assert link.is_symlink()
