"""A broken document, store or sheet is reported in bokmål by default and in English when asked.

The command line prints every problem the storage layer finds in the language of
``--lang``: what was expected, never the value (a sheet's cells are never quoted),
numbers with a decimal comma in bokmål, and a sheet's cells at ``rad N, kolonne C``
(``row N, column C`` in English).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mbprogram.storage.files import save
from tests.builders import make_register
from tests.cli_runner import run

#: Words of the English messages that a bokmål message never has.
_ENGLISH = ("expected", "got ", "unknown key", "required key", "not valid", "refused", "row ")


def _broken_document(tmp_path: Path) -> Path:
    good = tmp_path / "register.json"
    save(make_register(1), good)
    document = json.loads(good.read_text("utf-8"))
    cohort = document["cohorts"][0]
    cohort["start"] = "05.01.2026"  # the form of a sheet, not of a document
    cohort["places"] = "12"
    cohort["kidn"] = 1
    del cohort["name"]
    document["host_units"][0]["capacity"] = 2.5
    document["synthetic_ids"] = "yes"
    cohort["students"][0]["name"] = 4242  # a sensitive field: the number is not shown
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    return broken


_DOCUMENT = {
    "nb": [
        "mbprogram: ugyldig dokument",
        "  synthetic_ids: forventet true eller false, fikk tekst",
        "  host_units[0].capacity: forventet et heltall, fikk et tall (2,5)",
        "  cohorts[0].name: påkrevd nøkkel mangler",
        "  cohorts[0].start: forventet en dato som ÅÅÅÅ-MM-DD, fikk tekst",
        "  cohorts[0].places: forventet et heltall, fikk tekst",
        "  cohorts[0].kidn: ukjent nøkkel; mente du 'id'?",
        "  cohorts[0].students[0].name: forventet tekst, fikk et tall",
    ],
    "en": [
        "mbprogram: invalid document",
        "  synthetic_ids: expected true or false, got text",
        "  host_units[0].capacity: expected a whole number, got a number (2.5)",
        "  cohorts[0].name: required key is missing",
        "  cohorts[0].start: expected a date as YYYY-MM-DD, got text",
        "  cohorts[0].places: expected a whole number, got text",
        "  cohorts[0].kidn: unknown key; did you mean 'id'?",
        "  cohorts[0].students[0].name: expected text, got a number",
    ],
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_broken_document_is_reported_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    document = _broken_document(tmp_path)

    code, _, err = run("validate", document, "--lang", lang, capsys=capsys)

    assert 2 == code
    assert _DOCUMENT[lang] == err.splitlines()
    assert "4242" not in err


def test_a_broken_document_reads_bokmal_by_default_with_no_english_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _broken_document(tmp_path)

    code, _, err = run("validate", document, capsys=capsys)

    assert 2 == code
    assert _DOCUMENT["nb"] == err.splitlines()
    assert [] == [word for word in _ENGLISH if word in err]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "  $: ikke gyldig JSON (forventet en verdi på linje 1, kolonne 12)"),
        ("en", "  $: not valid JSON (Expecting value at line 1, column 12)"),
    ],
)
def test_text_that_is_not_json_says_where_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    document = tmp_path / "cut.json"
    document.write_text('{"format": ', encoding="utf-8")

    code, _, err = run("validate", document, "--lang", lang, capsys=capsys)

    assert 2 == code
    assert expected in err.splitlines()


def _broken_store(tmp_path: Path) -> tuple[Path, int]:
    """A store with a row that is not JSON, a field of the wrong kind and a name for an id."""
    store = tmp_path / "register.sqlite"
    save(make_register(1), store)
    with sqlite3.connect(store) as db:
        unit, _ = db.execute("SELECT id, body FROM host_units ORDER BY position").fetchone()
        db.execute("UPDATE host_units SET body = ? WHERE id = ?", ('{"id": ', unit))
        cohort, body = db.execute("SELECT id, body FROM cohorts").fetchone()
        db.execute(
            "UPDATE cohorts SET body = ? WHERE id = ?",
            (json.dumps({**json.loads(body), "places": True}), cohort),
        )
        (position,) = db.execute("SELECT position FROM students WHERE id = 'S-01'").fetchone()
        db.execute("UPDATE students SET id = ? WHERE id = 'S-01'", ("Kari Nordmann",))
    db.close()
    return store, position


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            [
                "mbprogram: ugyldige poster i {store}",
                "  host_units[U1]: ikke gyldig JSON (forventet en verdi på linje 1, kolonne 8)",
                "  cohorts[K1].places: forventet et heltall, fikk en sannhetsverdi (True)",
                "  students[row {position}]: radens id er ikke en gyldig id (vises ikke)",
            ],
        ),
        (
            "en",
            [
                "mbprogram: invalid records in {store}",
                "  host_units[U1]: not valid JSON (Expecting value at line 1, column 8)",
                "  cohorts[K1].places: expected a whole number, got a boolean (True)",
                "  students[row {position}]: the row's id is not a valid id (not shown)",
            ],
        ),
    ],
)
def test_a_broken_store_is_reported_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: list[str]
) -> None:
    store, position = _broken_store(tmp_path)

    code, _, err = run("validate", store, "--lang", lang, capsys=capsys)

    assert 2 == code
    assert [line.format(store=store, position=position) for line in expected] == err.splitlines()
    assert "Kari" not in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", ["mbprogram: kan ikke bruke filen", "  $: {store} er ikke en SQLite-database"]),
        ("en", ["mbprogram: cannot use the file", "  $: {store} is not an SQLite database"]),
    ],
)
def test_a_file_that_is_not_a_store_is_refused_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: list[str]
) -> None:
    store = tmp_path / "register.sqlite"
    store.write_bytes(b"not a database, but long enough to be read")

    code, _, err = run("validate", store, "--lang", lang, capsys=capsys)

    assert 2 == code
    assert [line.format(store=store) for line in expected] == err.splitlines()


_SHEET = (
    "Deltaker;Navn;Status;Dato\n"
    "S-90;Kari Nordmann;aktiv;32.01.2026\n"
    "S-91;Ola Nordmann;kanskje;05.01.2026\n"
    "S-92;Per Nordmann;aktiv;5. januar\n"
)
_SHEET_PROBLEMS = {
    "nb": [
        "mbprogram: importen av klasselisten er nektet; ingenting er importert",
        (
            "  rad 2, kolonne Dato: forventet en dag som finnes i kalenderen; dagen eller "
            "måneden er utenfor"
        ),
        (
            "  rad 3, kolonne Status: ikke en kjent status; forventet søker/applicant, tatt "
            "opp/admitted, aktiv/active, permisjon/on leave eller sluttet/withdrawn"
        ),
        "  rad 4, kolonne Dato: forventet en dato som 07.01.2026 eller 2026-01-07",
    ],
    "en": [
        "mbprogram: class list import refused; nothing was imported",
        "  row 2, column Dato: expected a day in the calendar; the day or month is out of range",
        (
            "  row 3, column Status: not a known status; expected søker/applicant, tatt "
            "opp/admitted, aktiv/active, permisjon/on leave or sluttet/withdrawn"
        ),
        "  row 4, column Dato: expected a date such as 07.01.2026 or 2026-01-07",
    ],
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_broken_class_list_is_refused_by_row_and_column_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(1), store)
    sheet = tmp_path / "klasseliste.csv"
    sheet.write_text(_SHEET, encoding="utf-8")

    code, _, err = run(
        "import-students", store, sheet, "--cohort", "K1", "--lang", lang, capsys=capsys
    )

    assert 2 == code
    assert _SHEET_PROBLEMS[lang] == err.splitlines()
    assert not any(cell in err for cell in ("Kari", "kanskje", "32.01", "januar"))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            (
                "  fil: filen ser ut som UTF-16 uten byte-rekkefølgemerke (BOM), som ikke kan "
                "leses trygt; lagre arket som «CSV UTF-8» eller som «Unicode-tekst» igjen"
            ),
        ),
        (
            "en",
            (
                "  file: the file looks like UTF-16 without a byte-order mark, which cannot be "
                "read safely; save the sheet as 'CSV UTF-8' or as 'Unicode text' again"
            ),
        ),
    ],
)
def test_a_sheet_in_utf16_without_a_mark_is_refused_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(1), store)
    sheet = tmp_path / "klasseliste.csv"
    sheet.write_bytes(_SHEET.encode("utf-16-le"))

    code, _, err = run(
        "import-students", store, sheet, "--cohort", "K1", "--lang", lang, capsys=capsys
    )

    assert 2 == code
    assert expected in err.splitlines()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "  rad 1, kolonne date: en kolonne dato til (den første er Dato)"),
        ("en", "  row 1, column date: a second date column (the first is Dato)"),
    ],
)
def test_a_header_with_a_column_twice_names_it_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(1), store)
    sheet = tmp_path / "klasseliste.csv"
    sheet.write_text("Deltaker;Navn;Status;Dato;date\nS-90;Kari;aktiv;05.01.2026;05.01.2026\n")

    code, _, err = run(
        "import-students", store, sheet, "--cohort", "K1", "--lang", lang, capsys=capsys
    )

    assert 2 == code
    assert expected in err.splitlines()
