"""What the fast path keeps while a load runs is forgotten when it ends (it may be health data)."""

from __future__ import annotations

import threading

from hypothesis import given

from mbprogram import Register
from mbprogram.model.placements import Placement, PlacementAbsence
from mbprogram.storage import _kept
from mbprogram.storage._fast_records import builder
from mbprogram.storage.json_document import dumps, loads
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import make_register
from tests.register_strategies import registers


def placement_json(reason: str) -> dict[str, object]:
    """A placement's JSON with one absence for ``reason``."""
    return {
        "id": "P1",
        "unit": "U1",
        "supervisor": "Veileder Vik",
        "start": "2025-03-03",
        "end": "2025-05-09",
        "weekdays": ["mon", "tue"],
        "absences": [{"day": "2025-03-10", "reason": reason}],
        "midway": None,
        "final": None,
    }


def kept_values() -> int:
    return sum(len(store) for store in _kept._stores)


def kept_text() -> str:
    return repr([list(store.items()) for store in _kept._stores])


@given(registers())
def test_nothing_read_by_a_load_is_kept_after_it(register: Register) -> None:
    text = dumps(register)
    assert loads(text) == register
    assert kept_values() == 0


def test_a_reason_read_by_a_load_is_not_in_memory_after_it() -> None:
    reason = "Innlagt på sykehus, synthetic"
    read = builder(Placement)
    assert read is not None
    raw = placement_json(reason)
    with _kept.one_load():
        first, again = read(raw), read(raw)
        assert first.absences[0] is again.absences[0]  # kept while the load runs
        assert reason in kept_text()
    assert reason not in kept_text()
    assert kept_values() == 0


def test_outside_a_load_nothing_is_kept() -> None:
    read = builder(PlacementAbsence)
    assert read is not None
    read({"day": "2025-03-04", "reason": "Hos legen"})
    assert kept_values() == 0


def test_what_a_load_kept_is_gone_when_it_ends_while_another_runs() -> None:
    read = builder(Placement)
    assert read is not None
    inside, ended, done = threading.Event(), threading.Event(), threading.Event()
    theirs: list[Placement] = []
    seen: list[bool] = []

    def other_load() -> None:
        with _kept.one_load():
            theirs.append(read(placement_json("Syk, annen last")))
            inside.set()
            ended.wait(5)
            theirs.append(read(placement_json("Syk, annen last")))  # made again, kept again
            seen.append("Syk, annen last" in kept_text())
            done.wait(5)

    thread = threading.Thread(target=other_load)
    thread.start()
    inside.wait(5)
    with _kept.one_load():
        read(placement_json("Hos legen, denne lasten"))
        assert "Hos legen, denne lasten" in kept_text()
    assert "Hos legen, denne lasten" not in kept_text()  # gone though the other load runs
    ended.set()
    done.set()
    thread.join()
    assert theirs[0] == theirs[1]
    assert seen == [True]
    assert kept_values() == 0


def test_a_store_load_keeps_nothing_after_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    register = make_register(3)
    store = SqliteStore.open(tmp_path / "s.sqlite", create=True)
    store.save(register)
    assert store.load() == register
    assert store.load(defer_history=True).history == register.history
    assert kept_values() == 0
