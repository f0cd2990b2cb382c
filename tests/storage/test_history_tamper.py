"""Tamper evidence: ``mbprogram validate`` finds an edited entry, an edited record and a new order.

Each is tried in a JSON document and in an SQLite store; validate exits 1 and
names the first entry that fails, with ``HISTORY_CHAIN_BROKEN`` or
``HISTORY_DOES_NOT_REPLAY`` (docs/rules.md), and says nothing more about it.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mbprogram.cli import main
from mbprogram.storage.files import save
from tests.storage.samples import sample_register

Document = dict[str, Any]


def validate(path: Path) -> tuple[int, list[dict[str, str]]]:
    """Run ``mbprogram validate --format json``: the exit code and the problems it lists."""
    out = io.StringIO()
    code = main(["validate", str(path), "--format", "json"], out=out)
    return code, json.loads(out.getvalue()).get("problems", [])


def _edit_entry(doc: Document) -> None:
    doc["history"][5]["actor"] = "Noen Andre"


def _edit_entry_state(doc: Document) -> None:
    after = doc["history"][7]["after"]
    after["attendance"][0]["hours"] = "1"  # and the record held is left as it was


def _edit_record(doc: Document) -> None:
    student = doc["cohorts"][0]["students"][0]
    student["attendance"][0]["hours"] = "1"


def _swap_entries(doc: Document) -> None:
    history = doc["history"]
    history[3], history[4] = history[4], history[3]


def _drop_entry(doc: Document) -> None:
    del doc["history"][2]


EDITS: list[tuple[str, Callable[[Document], None], str]] = [
    ("an edited entry", _edit_entry, "HISTORY_CHAIN_BROKEN"),
    ("an edited record in an entry", _edit_entry_state, "HISTORY_CHAIN_BROKEN"),
    ("an edited record", _edit_record, "HISTORY_DOES_NOT_REPLAY"),
    ("two entries swapped", _swap_entries, "HISTORY_CHAIN_BROKEN"),
    ("an entry removed", _drop_entry, "HISTORY_CHAIN_BROKEN"),
]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "register.json"
    save(sample_register(), path)
    return path


def test_an_untouched_document_validates(document: Path) -> None:
    assert (0, []) == validate(document)


@pytest.mark.parametrize(("edit", "code"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_validate_catches_an_edit_of_a_document(
    document: Path, edit: Callable[[Document], None], code: str
) -> None:
    doc = json.loads(document.read_text(encoding="utf-8"))
    edit(doc)
    document.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    exit_code, problems = validate(document)

    assert 1 == exit_code
    assert [code] == [p["code"] for p in problems]
    assert problems[0]["path"].startswith("history[")


def test_the_first_failing_entry_is_named(document: Path) -> None:
    doc = json.loads(document.read_text(encoding="utf-8"))
    _swap_entries(doc)
    _edit_entry(doc)
    document.write_text(json.dumps(doc), encoding="utf-8")

    assert (1, ["history[3]"]) == (
        validate(document)[0],
        [p["path"] for p in validate(document)[1]],
    )


def test_an_edited_record_is_named_at_the_last_entry_about_it(document: Path) -> None:
    doc = json.loads(document.read_text(encoding="utf-8"))
    _edit_record(doc)
    sid = doc["cohorts"][0]["students"][0]["id"]
    last = max(i for i, c in enumerate(doc["history"]) if c["record"].endswith(f"[{sid}]"))
    document.write_text(json.dumps(doc), encoding="utf-8")

    assert [f"history[{last}]"] == [p["path"] for p in validate(document)[1]]


# -- the same in an SQLite store ------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    save(sample_register(), path)
    return path


def _sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    with sqlite3.connect(path) as db:
        for statement, values in statements:
            db.execute(statement, values)
    db.close()


def test_an_untouched_store_validates(store: Path) -> None:
    assert (0, []) == validate(store)


def test_validate_catches_an_edited_entry_in_a_store(store: Path) -> None:
    _sql(store, ("UPDATE history SET actor = 'Noen Andre' WHERE seq = 6", ()))

    assert (1, ["HISTORY_CHAIN_BROKEN"]) == (
        validate(store)[0],
        [p["code"] for p in validate(store)[1]],
    )


def test_validate_catches_an_edited_record_in_a_store(store: Path) -> None:
    with sqlite3.connect(store) as db:
        body = json.loads(db.execute("SELECT body FROM host_units WHERE id = 'U1'").fetchone()[0])
        body["capacity"] = body["capacity"] + 1
        db.execute("UPDATE host_units SET body = ? WHERE id = 'U1'", (json.dumps(body),))
    db.close()

    code, problems = validate(store)

    assert (1, ["HISTORY_DOES_NOT_REPLAY"]) == (code, [p["code"] for p in problems])


def test_validate_catches_a_new_order_of_the_history_in_a_store(store: Path) -> None:
    _sql(
        store,
        ("UPDATE history SET seq = -1 WHERE seq = 4", ()),
        ("UPDATE history SET seq = 4 WHERE seq = 5", ()),
        ("UPDATE history SET seq = 5 WHERE seq = -1", ()),
    )

    code, problems = validate(store)

    assert (1, ["HISTORY_CHAIN_BROKEN"], ["history[3]"]) == (
        code,
        [p["code"] for p in problems],
        [p["path"] for p in problems],
    )
