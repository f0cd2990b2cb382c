"""The command line with hostile or careless input: exit code 2 and the library's words, always.

Whatever a file or a sheet holds, a command prints its problems (or one JSON
object with ``--format json``) and exits 2, never a traceback; a store that
others can read is warned about on standard error.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.cli import main
from mbprogram.storage.files import load, save
from mbprogram.storage.json_document import document_bytes
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import make_register, synthetic_id
from tests.storage.test_document_fuzz import json_values
from tests.strategies import wild_json_text, wild_text

AS_OF = "2026-11-23"
DOCUMENT_BYTES = document_bytes(make_register())
DOCUMENT = json.loads(DOCUMENT_BYTES)


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    out = io.StringIO()
    code = main(list(args), out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


# -- a store that others can read (issue 10, item 10) ----------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_store_that_others_can_read_is_warned_about_once_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(), store)
    os.chmod(store, 0o640)  # noqa: PTH101 - as a careless copy leaves it
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("deltaker;økt;timer\nS-01;SES-01;4\n", encoding="utf-8")

    code, out, err = run(
        "import-attendance", str(store), str(sheet), "--format", fmt, "--lang", "en", capsys=capsys
    )  # it opens the store twice: to load and to save

    assert 0 == code
    assert 1 == err.count("mbprogram: warning: ")
    assert "(mode 0640) and holds special-category health data" in err
    assert f"chmod 600 {store}" in err
    if fmt == "json":
        assert {"rows", "recorded", "corrected", "unchanged", "dry_run"} == set(json.loads(out))


# -- the demo never replaces a real register (issue 10, item 6) ------------------------------


def test_the_demo_refuses_to_replace_a_store_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "mbprogram-demo.sqlite"
    save(make_register(), store)  # a real register, under the demo's name
    before = store.read_bytes()

    code, out, err = run("demo", "--store", str(store), capsys=capsys)

    assert 2 == code
    assert "" == out
    assert "er et mbprogram-lager som demoen ikke skrev" in err
    assert "gi --force for å erstatte" in err
    assert before == store.read_bytes()


def test_the_demo_replaces_a_store_it_did_not_write_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(), store)

    assert 0 == run("demo", "--store", str(store), "--force", "--as-of", AS_OF, capsys=capsys)[0]
    assert 30 == len(load(store).students)
    with SqliteStore.open(store) as opened:
        assert opened.is_demo()
    # now the demo's own store: replaced again without --force
    assert 0 == run("demo", "--store", str(store), "--as-of", AS_OF, capsys=capsys)[0]


def test_a_demo_store_whose_records_were_changed_is_no_longer_the_demos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "demo.sqlite"
    assert 0 == run("demo", "--store", str(store), "--as-of", AS_OF, capsys=capsys)[0]
    register = load(store)
    save(register, store)  # any save but the demo's, as an import makes one
    with SqliteStore.open(store) as opened:
        assert not opened.is_demo()
    assert 2 == run("demo", "--store", str(store), capsys=capsys)[0]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_demo_never_replaces_a_file_that_is_not_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    precious = tmp_path / "notes.sqlite"
    precious.write_text("Kari Nordmann: not a database", encoding="utf-8")
    code, _, err = run("demo", "--store", str(precious), *force, capsys=capsys)
    assert 2 == code
    assert "ikke en SQLite-database" in err
    assert "Kari Nordmann: not a database" == precious.read_text(encoding="utf-8")


# -- nothing typed in the wrong place is printed back (issue 10, item 9) ---------------------


def test_a_cohort_that_is_not_an_id_is_not_printed_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    code, _, err = run(
        "progress", str(document), "--cohort", "Kari Nordmann", "--lang", "en", capsys=capsys
    )
    assert 2 == code
    assert "no cohort (not shown: not a valid id) in the file (cohorts: K1)" in err
    assert "Kari" not in err
    code, _, err = run("progress", str(document), "--cohort", "K9", "--lang", "en", capsys=capsys)
    assert "no cohort 'K9' in the file" in err


# -- no input gives a traceback (issue 10, items 1 and 2) ------------------------------------


def test_a_document_with_an_integer_of_thousands_of_digits_is_bad_input_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    text = document.read_text(encoding="utf-8").replace('"places": 18', '"places": ' + "9" * 5_000)
    document.write_text(text, encoding="utf-8")
    code, out, err = run(
        "validate", str(document), "--format", "json", "--lang", "en", capsys=capsys
    )
    assert 2 == code
    assert "" == err
    assert {
        "error": "invalid input",
        "problems": [
            {
                "path": "$",
                "message": "a number of 5000 characters; a number has at most 60 (docs/format.md)",
            }
        ],
    } == json.loads(out)


@pytest.mark.parametrize("kind", ["register.json", "register.sqlite"])
@pytest.mark.parametrize("cell", ["Lege\x00time", "Legetime \ud800"])
def test_importing_a_cell_no_text_can_hold_is_bad_input_naming_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, cell: str
) -> None:
    target = tmp_path / kind
    save(make_register(), target)
    before = target.read_bytes()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"student;session;status;reason\nS-01;SES-01;F;{cell}\n", encoding="utf-8",
                     errors="surrogatepass")  # fmt: skip
    code, out, err = run("import-attendance", str(target), str(sheet), "--lang", "en",
                         capsys=capsys)  # fmt: skip
    if "\x00" in cell:  # a UTF-8 sheet: the cell is refused
        assert 2 == code
        assert "row 2, column reason: the cell holds a NUL character or a lone surrogate" in err
        assert before == target.read_bytes()
    else:  # not UTF-8 at all: read as Windows-1252, as Norwegian Excel writes
        assert 0 == code
        assert "1 recorded" in out
    assert "Traceback" not in err
    assert "Lege" not in err


@given(st.one_of(wild_text, json_values.flatmap(wild_json_text), wild_json_text(DOCUMENT)))
def test_validating_any_text_prints_one_json_object_and_exits_0_1_or_2(text: str) -> None:
    """0 valid, 1 a history that is not sealed or does not replay, 2 invalid (docs/cli.md)."""
    with tempfile.TemporaryDirectory() as directory:
        document = Path(directory) / "register.json"
        document.write_bytes(text.encode("utf-8", "surrogatepass"))
        out = io.StringIO()
        with contextlib.redirect_stderr(io.StringIO()) as err:
            code = main(["validate", str(document), "--format", "json"], out=out)
    assert code in (0, 1, 2)
    shown = json.loads(out.getvalue())
    assert isinstance(shown, dict)
    assert (code == 2) == ("error" in shown)
    if code == 1:
        assert {"HISTORY_CHAIN_BROKEN", "HISTORY_DOES_NOT_REPLAY"} >= {
            p["code"] for p in shown["problems"]
        }
    assert "" == err.getvalue()


#: Lines of a sheet: a header the import knows, then rows of wild cells.
sheets = st.builds(
    lambda header, rows: "\n".join([header, *(";".join(r) for r in rows)]),
    st.sampled_from(["deltaker;økt;timer;fravær;grunn", "student,session,hours", "x"]),
    st.lists(st.lists(wild_text, max_size=6), max_size=6),
)


@given(sheets, st.sampled_from(["text", "json"]))
def test_importing_any_sheet_exits_0_or_2_with_the_librarys_words(text: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "register.json"
        target.write_bytes(DOCUMENT_BYTES)
        target.chmod(0o600)
        sheet = Path(directory) / "sheet.csv"
        sheet.write_bytes(text.encode("utf-8", "surrogatepass"))
        out = io.StringIO()
        with contextlib.redirect_stderr(io.StringIO()) as err:
            code = main(["import-attendance", str(target), str(sheet), "--format", fmt], out=out)
    assert code in (0, 2)
    if fmt == "json":
        assert isinstance(json.loads(out.getvalue()), dict)
    assert "Traceback" not in err.getvalue()


# -- identity numbers, end to end (issue 10, item 8; the rules are the core's) ---------------


def test_an_id_of_eleven_digits_in_a_document_is_refused_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    data = json.loads(DOCUMENT_BYTES)
    data["cohorts"][0]["students"][0]["id"] = "17859000770"
    document.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("validate", str(document), "--format", "json", capsys=capsys)
    assert 2 == code
    assert "cohorts[0].students[0].id" in {p["path"] for p in json.loads(out)["problems"]}
    assert "17859000770" not in out + err


def test_a_national_identity_number_used_twice_in_a_store_is_refused_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = make_register(2, allow_synthetic_ids=True)
    number = synthetic_id(4).value
    store = tmp_path / "register.sqlite"
    save(register, store)
    with contextlib.closing(sqlite3.connect(store)) as db, db:  # as another program could
        for sid in ("S-01", "S-02"):
            body = json.loads(
                db.execute("SELECT body FROM students WHERE id = ?", (sid,)).fetchone()[0]
            )
            body["national_id"] = number
            db.execute("UPDATE students SET body = ? WHERE id = ?", (json.dumps(body), sid))

    for fmt in ("text", "json"):
        code, out, err = run("validate", str(store), "--format", fmt, capsys=capsys)
        assert 2 == code
        assert "en annen deltaker har samme fødselsnummer" in out + err
        assert number not in out + err
