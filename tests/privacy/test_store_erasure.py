"""Erasure reaches the SQLite store: after saving, no byte of the file names the person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mbprogram import Register, Stamp
from mbprogram.demo import build_demo_register
from mbprogram.storage.json_document import dumps
from mbprogram.storage.sqlite_store import SqliteStore

ERASER = Stamp("Personvernombud Pettersen", dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC))


def traces_of(register: Register, person: str) -> list[bytes]:
    """What would betray the person in a file: their id, name and identity number."""
    student = register.student(person)
    traces = [f'"{person}"'.encode(), student.name.encode()]
    if student.national_id is not None:
        traces.append(student.national_id.value.encode())
    return traces


def test_an_erased_person_leaves_no_trace_in_the_store_file(tmp_path: Path) -> None:
    path = tmp_path / "mb.sqlite"
    register = build_demo_register()
    person = "A03"  # a graduate with placements, an employment and a long history
    traces = traces_of(register, person)
    with SqliteStore.open(path, create=True) as store:
        store.save(register)
    assert all(t in path.read_bytes() for t in traces[:2])

    with SqliteStore.open(path) as store:
        loaded = store.load()
        loaded.erase_person(person, by=ERASER)
        store.save(loaded)

    data = path.read_bytes()
    for trace in traces:
        assert trace not in data
    with SqliteStore.open(path) as store:
        again = store.load()
    assert person not in again.students
    assert all(e.person != person for e in again.employments.values())
    assert again == loaded
    assert not any(t.decode() in dumps(again) for t in traces)
