"""Fuzz: whatever a store's rows hold, opening and loading it raises only the library's error.

Each example takes a valid store of the sample register and writes one crafted
value into one of its cells with ``sqlite3`` directly, as another program could:
text with lone surrogates or NUL characters (as SQLite text that is not UTF-8,
too), numbers of thousands of digits, hostile JSON in a body, integers, reals,
BLOBs and NULL. Loading must then give a register or a ``DocumentError`` whose
every problem has a path, and ``mbprogram validate --format json`` must print
one JSON object and exit 0 or 2.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from mbprogram import DocumentError
from mbprogram.cli import main
from mbprogram.storage.files import load, save
from tests.storage.samples import sample_register
from tests.strategies import wild_json_text, wild_text


def _template() -> tuple[bytes, dict[tuple[str, str, int], object]]:
    """A valid store's bytes, and the value of every cell: (table, column, rowid) -> value."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "mb.sqlite"
        save(sample_register(), path)
        cells: dict[tuple[str, str, int], object] = {}
        with contextlib.closing(sqlite3.connect(path)) as db:
            tables = [
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            for table in tables:
                columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
                for row in db.execute(f"SELECT rowid, * FROM {table}"):  # noqa: S608
                    for column, value in zip(columns, row[1:], strict=True):
                        cells[table, column, row[0]] = value
        return path.read_bytes(), cells


TEMPLATE, CELLS = _template()
PLACES = sorted(CELLS)


@st.composite
def crafted_cells(draw: st.DrawFn) -> tuple[tuple[str, str, int], object]:
    """A cell of the store and a hostile value for it."""
    place = draw(st.sampled_from(PLACES))
    current = CELLS[place]
    choices = [
        wild_text,
        st.integers(-(2**63), 2**63 - 1),
        st.floats(),
        st.binary(max_size=20),
        st.none(),
    ]
    if isinstance(current, str) and current.startswith(("{", "[")):
        choices.append(wild_json_text(json.loads(current)))
    return place, draw(st.one_of(choices))


def crafted_store(directory: Path, place: tuple[str, str, int], value: object) -> Path:
    """A copy of the template store, readable by its owner only, with ``value`` in ``place``."""
    path = directory / "mb.sqlite"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(TEMPLATE)
    table, column, rowid = place
    update = f"UPDATE {table} SET {column} = ? WHERE rowid = ?"  # noqa: S608
    if isinstance(value, str):  # as SQLite text, lone surrogates and all (not UTF-8, then)
        update = f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE rowid = ?"  # noqa: S608
        value = value.encode("utf-8", "surrogatepass")
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        try:
            db.execute(update, (value, rowid))
        except sqlite3.IntegrityError:  # NOT NULL or UNIQUE: SQLite itself keeps it out
            assume(False)
    return path


@given(crafted_cells())
def test_any_value_in_any_cell_of_a_store_gives_a_register_or_the_library_error(
    crafted: tuple[tuple[str, str, int], object],
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = crafted_store(Path(directory), *crafted)
        error: DocumentError | None = None
        broken = False  # the history's seal or replay fails: validate exits 1
        try:
            broken = bool(load(path).history_problems())
        except DocumentError as e:
            error = e
        if error is not None:
            assert error.problems
            assert all(p.path and p.message for p in error.problems)

        # and the command line says the same, as one JSON object
        out = io.StringIO()
        with contextlib.redirect_stderr(io.StringIO()) as err:
            code = main(["validate", str(path), "--format", "json"], out=out)
        assert (2 if error else 1 if broken else 0) == code
        document = json.loads(out.getvalue())
        assert isinstance(document, dict)
        assert (error is not None) == ("error" in document)
        assert "" == err.getvalue()
