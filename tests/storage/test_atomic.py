"""Atomic saves: a save that fails at any point leaves the old file byte-identical."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mbprogram.storage import atomic
from mbprogram.storage.json_document import load_document, save_document
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
