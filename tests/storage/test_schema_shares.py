"""The schema and the loader agree on shares and on programmes that ask for shares only."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from mbprogram import DocumentError
from mbprogram.storage.json_document import document_schema, loads
from tests.storage.samples import document

VALIDATOR = jsonschema.Draft202012Validator(document_schema())


def with_rules(**rules: object) -> dict[str, Any]:
    doc: dict[str, Any] = document()
    name = doc["cohorts"][0]["rules"]["name"]  # the certificates name it
    doc["cohorts"][0]["rules"] = {"name": name, **rules}
    return doc


@pytest.mark.parametrize(
    "rules",
    [
        {"min_theory_share": "80 %", "min_practice_share": "80,0"},
        {"min_theory_share": 80, "practice_weeks": "14"},
        {"theory_hours": "140", "min_practice_share": "80"},
    ],
)
def test_a_programme_of_shares_only_is_valid_and_loads(rules: dict[str, object]) -> None:
    doc = with_rules(**rules)

    assert [] == list(VALIDATOR.iter_errors(doc))
    loads(json.dumps(doc))


@pytest.mark.parametrize(
    "rules",
    [
        {"min_theory_share": "80"},
        {"theory_hours": "140"},
        {"min_theory_share": None, "min_practice_share": "80"},
    ],
)
def test_a_count_with_no_share_for_it_is_missing_for_both(rules: dict[str, object]) -> None:
    doc = with_rules(**rules)

    assert [] != list(VALIDATOR.iter_errors(doc))
    with pytest.raises(DocumentError, match="required rule is missing"):
        loads(json.dumps(doc))
