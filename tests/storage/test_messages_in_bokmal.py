"""What the storage layer reports reads bokmål in bokmål: no English text of its own is left.

The English fragments of every ``reading.…`` template (the words between its
placeholders that the bokmål template does not share) must never appear in a
message shown in bokmål, whatever a document, a store's text or a cell holds.
"""

from __future__ import annotations

import copy
import json
import re
import sqlite3
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import ConflictError, DocumentError
from mbprogram.catalogue import reading, text
from mbprogram.storage import _attendance_rows, _cells, student_csv
from mbprogram.storage._json_text import JsonTextError, read_json
from mbprogram.storage._problems import os_reason, shown
from mbprogram.storage.files import load, save
from mbprogram.storage.json_document import loads
from mbprogram.storage.sqlite_store import ReadableByOthersWarning, SqliteStore
from tests.builders import COHORT_ID, STAMP, make_register
from tests.storage.test_document_fuzz import _SAMPLE, mutate, mutation_lists
from tests.strategies import wild_json_text, wild_text

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _english_fragments() -> frozenset[str]:
    """The words of the English templates that their bokmål templates do not have."""
    found = set()
    for texts in reading.TEXTS.values():
        nb = texts["nb"]
        for fragment in _PLACEHOLDER.split(texts["en"]):
            words = fragment.strip(" ;:,.()")
            if len(words) >= 10 and " " in words and words not in nb:
                found.add(words)
    return frozenset(found)


ENGLISH = _english_fragments()
#: The JSON decoder's own words, which a bokmål message never repeats.
DECODER = ("Expecting", "Unterminated", "Invalid", "Extra data", "Illegal")


E = TypeVar("E", bound=Exception)


def refusal(read: Callable[[Any], object], value: object, kind: type[E]) -> E | None:
    """The ``kind`` of error reading ``value`` raises, or None if it reads."""
    try:
        read(value)
    except kind as e:
        return e
    return None


def english_in(message: str) -> list[str]:
    """The English fragments of the storage layer's templates that ``message`` holds."""
    return [f for f in ENGLISH if f in message]


#: The texts that read the same in both languages: composition, names and symbols.
_SAME = frozenset(
    {
        "reading.as_is",
        "reading.joined",
        "reading.kind.null",
        "reading.kind.shown",
        "reading.schema.named",
        "reading.schema.a.trigger",
        "reading.sheet.field.status",
        "reading.sheet.field.start",
    }
)


def test_every_text_of_reading_is_written_in_bokmal() -> None:
    same = {key for key, texts in reading.TEXTS.items() if texts["nb"] == texts["en"]}

    assert _SAME == same


def test_the_fragments_are_the_english_of_the_templates() -> None:
    assert "required key is missing" in ENGLISH
    assert "expected a date as YYYY-MM-DD" in ENGLISH
    assert "required key is missing" in english_in("x: required key is missing")
    assert [] == english_in("x: påkrevd nøkkel mangler")


@given(mutation_lists)
def test_a_mutated_document_is_refused_without_english_in_bokmal(
    mutations: list[tuple[tuple[Any, ...], str, object]],
) -> None:
    document = copy.deepcopy(_SAMPLE)
    for path, kind, value in mutations:
        mutate(document, path, kind, value)
    error = refusal(loads, json.dumps(document, default=str), DocumentError)
    if error is not None:
        # A problem without a key is a record's own check, of the layers below storage (the
        # walk of test_messages_from_keys.py keeps storage from making one).
        keyed = [p.message_in("nb") for p in error.problems if p.key]
        assert [] == [(m, english_in(m)) for m in keyed if english_in(m)]
        assert error.summary_in("nb") != error.summary or not error.summary


@given(st.one_of(wild_text, st.builds(json.dumps, st.just(_SAMPLE)).flatmap(wild_json_text)))
def test_text_that_is_not_json_is_refused_in_bokmal_without_the_decoders_words(
    text: str,
) -> None:
    error = refusal(read_json, text, JsonTextError)
    if error is not None:
        nb = error.problem("$").message_in("nb")
        assert not any(word in nb for word in DECODER), nb
        assert [] == english_in(nb)
        assert str(error) == error.problem("$").message_in("en")


_PARSERS = (
    _cells.parse_hours,
    _cells.parse_count,
    _cells.parse_date,
    _cells.parse_weekdays,
    _attendance_rows.parse_code,
    student_csv.parse_status,
)


@given(st.sampled_from(_PARSERS), st.text(min_size=1, max_size=30).map(str.strip))
def test_a_cell_that_is_not_a_value_is_refused_in_both_languages_without_quoting_it(
    parse: Any, cell: str
) -> None:
    error = refusal(parse, cell, _cells.CellError)
    if error is not None:
        problem = error.problem("row 2, column dato")
        nb, en = problem.message_in("nb"), problem.message_in("en")
        assert en == str(error)
        assert nb != en
        assert [] == english_in(nb)
        if len(cell) > 4 and cell.isalpha():
            assert cell not in nb
            assert cell not in en


def test_a_decimal_is_shown_with_a_comma_in_bokmal_and_a_point_in_english() -> None:
    value = shown(Decimal("2.5"))

    assert "a number (2.5)" == value
    assert "et tall (2,5)" == text("reading.as_is", "nb", message=value)
    assert "a number (2.50)" == shown(Decimal("2.50"))  # as written: no digit is dropped
    assert "a number (1E+400)" == shown(Decimal("1E+400"))  # as written, whatever the language


def test_a_save_that_lost_the_race_is_refused_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    save(make_register(1), path)
    with SqliteStore.open(path) as first, SqliteStore.open(path) as second:
        mine, theirs = first.load(), second.load()
        theirs.change_places(COHORT_ID, 25, by=STAMP)
        second.save(theirs)
        mine.change_places(COHORT_ID, 26, by=STAMP)
        with pytest.raises(ConflictError) as lost:
            first.save(mine)

    assert str(lost.value).startswith(f"{path} was saved by someone else since it was loaded")
    assert lost.value.message_in("nb").startswith(
        f"{path} er lagret av noen andre siden det ble lest her "
        "(lageret er på revisjon 2, på 1 her)"
    )
    assert 26 != load(path).cohorts[COHORT_ID].places


def test_a_file_that_cannot_be_read_says_why_in_either_language(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    with pytest.raises(DocumentError) as refused:
        load(missing)
    problem = refused.value.problems[0]

    assert f"cannot read {missing}: No such file or directory" == problem.message_in("en")
    assert f"kan ikke lese {missing}: filen eller mappen finnes ikke" == problem.message_in("nb")
    assert "some other reason" == os_reason(OSError(0, "some other reason"))


def test_a_store_that_others_may_read_is_warned_of_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    save(make_register(1), path)
    path.chmod(0o644)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        SqliteStore.open(path).close()
    warning = next(w.message for w in caught if isinstance(w.message, ReadableByOthersWarning))

    assert str(warning).startswith(f"{path} can be read or written by other users (mode 0644)")
    assert warning.message_in("nb").startswith(
        f"{path} kan leses eller skrives av andre brukere (modus 0644)"
    )


def test_a_damaged_meta_table_is_named_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    save(make_register(1), path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'x' WHERE key = 'revision'")
        db.execute("INSERT INTO meta (key, value) VALUES ('colour', 'blue')")
    db.close()
    with pytest.raises(DocumentError) as damaged:
        load(path)
    problem = damaged.value.problems[0]

    assert (
        f"{path} is damaged: its meta table holds the unknown key colour; "
        "no revision of 1 to 18 digits" == problem.message_in("en")
    )
    assert (
        f"{path} er skadet: meta-tabellen har den ukjente nøkkelen colour; "
        "ingen revisjon på 1 til 18 sifre" == problem.message_in("nb")
    )
