"""Loading and saving by file name: a JSON document or an SQLite store."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from mbprogram import DocumentError
from mbprogram.storage.files import load, replace_store, save
from tests.builders import make_register
from tests.storage.samples import sample_register


@pytest.mark.parametrize("name", ["mb.json", "mb.sqlite", "mb.sqlite3", "mb.db", "MB.JSON"])
def test_a_register_saved_under_a_known_suffix_loads_back_equal(tmp_path: Path, name: str) -> None:
    register = sample_register()
    save(register, tmp_path / name)
    assert register == load(tmp_path / name)
    assert 0o600 == stat.S_IMODE((tmp_path / name).stat().st_mode)


def test_a_store_is_told_by_its_header_whatever_its_name(tmp_path: Path) -> None:
    register = sample_register()
    save(register, tmp_path / "mb.sqlite")
    (tmp_path / "mb.sqlite").rename(tmp_path / "register.data")
    assert register == load(tmp_path / "register.data")


def test_saving_to_a_store_again_replaces_what_it_held(tmp_path: Path) -> None:
    save(sample_register(), tmp_path / "mb.sqlite")
    replace_store(make_register(), tmp_path / "mb.sqlite")
    assert make_register() == load(tmp_path / "mb.sqlite")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("mb.txt", b"{}", "neither an SQLite store nor a .json document"),
        ("mb.sqlite", b"{}", "is not an SQLite database"),
        ("mb.json", b"{", "not valid JSON"),
    ],
)
def test_a_file_of_another_kind_is_refused_with_a_document_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DocumentError, match=expected):
        load(tmp_path / name)


def test_a_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        load(tmp_path / "missing.json")


def test_saving_under_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"cannot tell the kind of file from '\.xml'"):
        save(make_register(), tmp_path / "mb.xml")
    assert [] == list(tmp_path.iterdir())
