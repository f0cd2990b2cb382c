"""An ``mbprogram/1`` document and a schema-2 store, written by the release before, still load.

The fixtures (tests/fixtures/README.md) are never rewritten. Loading migrates
their history (docs/format.md, "Reading an mbprogram/1 document"): every entry
then carries its whole record before and after, the chain is sealed, and
replaying gives the records held.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given

from mbprogram import Register
from mbprogram.model.history import Action
from mbprogram.storage.json_document import FORMAT, dumps, loads
from mbprogram.storage.sqlite_store import SqliteStore
from tests.register_strategies import registers
from tests.storage.samples import SCHEMA_2_STORE, V1_DOCUMENT, copied


def _v1() -> Register:
    return loads(V1_DOCUMENT.read_bytes())


def test_the_fixtures_are_of_the_old_formats() -> None:
    assert "mbprogram/1" == json.loads(V1_DOCUMENT.read_text(encoding="utf-8"))["format"]
    assert "mbprogram/2" == FORMAT


def test_an_mbprogram_1_document_loads_with_every_entry_kept_and_sealed() -> None:
    old = json.loads(V1_DOCUMENT.read_text(encoding="utf-8"))["history"]

    register = _v1()

    assert [(c["actor"], c["action"], c["record"]) for c in old] == [
        (c.actor, c.action.value, str(c.path)) for c in register.history
    ]
    assert [] == register.history_problems()


def test_the_migrated_history_knows_a_corrected_mark_as_it_was() -> None:
    register = _v1()
    [first, correction] = register.history_of("cohorts[K1].students[S-03].attendance[SES-01]")

    before = register.as_known_at(first.at)

    assert ["3"] == [str(a.mark.hours.value) for a in before.student("S-03").attendance]
    assert correction.before == first.after
    assert register == register.as_known_at(register.history[-1].at)


def test_every_part_of_the_old_entries_is_put_back_as_it_was() -> None:
    """Each migrated entry's record before differs from its record after, as the change did."""
    same = [c.action for c in _v1().history if c.action.kind and c.before == c.after]
    assert [] == same


def test_a_migrated_document_is_written_in_the_current_format_and_loads_back_equal() -> None:
    register = _v1()
    text = dumps(register)
    assert text.startswith('{"format": "mbprogram/2"')
    assert register == loads(text)


def test_a_document_without_history_adopts_its_records_at_the_start() -> None:
    doc = json.loads(V1_DOCUMENT.read_text(encoding="utf-8"))
    doc["history"] = []

    register = loads(json.dumps(doc))

    assert {Action.COHORT_ADOPTED, Action.STUDENT_ADOPTED, Action.HOST_UNIT_ADOPTED} <= {
        c.action for c in register.history
    }
    assert {"mbprogram/1"} == {c.actor for c in register.history}
    assert [] == register.history_problems()


def test_a_schema_2_store_loads_as_the_document_does_and_is_written_anew(tmp_path: Path) -> None:
    path = copied(SCHEMA_2_STORE, tmp_path)
    with SqliteStore.open(path) as store:
        register = store.load()
        assert _v1() == register
        store.save(register)
    with SqliteStore.open(path) as store:
        again = store.load()
    assert register == again
    assert [] == again.history_problems()


@given(registers())
def test_any_register_written_today_replays_and_is_sealed(register: Register) -> None:
    loaded = loads(dumps(register))
    assert [] == loaded.history_problems()
    if loaded.history:
        assert loaded == loaded.as_known_at(max(c.at for c in loaded.history))


@given(registers())
def test_a_record_state_two_entries_carry_is_read_once(register: Register) -> None:
    """An entry's record before is the very object the last entry about it carried after."""
    last: dict[str, object] = {}
    for change in loads(dumps(register)).history:
        if change.before is not None:
            assert last[change.record] is change.before
        if change.after is not None:
            last[change.record] = change.after
