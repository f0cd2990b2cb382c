"""A cohort's row read again with the same text is the same record; any other text is read anew."""

from __future__ import annotations

import json

import attrs

from mbprogram.exceptions import Problem
from mbprogram.storage._converter import converter
from mbprogram.storage._register_codec import Records
from mbprogram.storage._sqlite_rows import read_table
from tests.builders import COHORT


def read(body: str, record_id: str = COHORT.id) -> tuple[list[object], list[Problem]]:
    records, problems = Records(), list[Problem]()
    read_table(converter(), "cohorts", [(1, record_id, body)], records, problems)
    return list(records.cohorts), problems


def body_of(cohort: object) -> str:
    return json.dumps(converter().unstructure(cohort))


def test_the_same_row_text_is_the_same_record_and_another_text_another() -> None:
    text = body_of(COHORT)
    (first,), _ = read(text)
    (again,), _ = read(text)
    assert first == COHORT
    assert again is first
    renamed = attrs.evolve(COHORT, name="Kull med nytt navn")
    (changed,), _ = read(body_of(renamed))
    assert changed == renamed


def test_a_kept_text_under_another_id_is_refused_as_before() -> None:
    text = body_of(COHORT)
    read(text)
    found, problems = read(text, record_id="ANNET")
    assert found == []
    assert [p.key for p in problems] == ["reading.store.body_id"]
