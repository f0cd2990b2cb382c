"""The JSON Schema shipped with the package describes the documents mbprogram writes."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from mbprogram import Register
from mbprogram.model.assignment import Verdict
from mbprogram.model.hiring import Benefit, Funding, OutcomeKind, Pathway, Role, Supervision
from mbprogram.model.history import Action
from mbprogram.model.placements import Outlook
from mbprogram.model.students import Status
from mbprogram.storage.json_document import document_schema, dumps
from tests.register_strategies import registers
from tests.storage.samples import document, sample_register

SCHEMA = document_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def violations(doc: object) -> list[str]:
    """Where ``doc`` breaks the schema (JSON paths), each once, sorted."""
    return sorted({error.json_path for error in VALIDATOR.iter_errors(doc)})


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_sample_document_is_valid() -> None:
    assert [] == violations(document())


@given(registers())
def test_the_document_of_any_register_is_valid(register: Register) -> None:
    assert [] == violations(json.loads(dumps(register)))


def test_the_schema_refuses_what_the_loader_refuses() -> None:
    doc: dict[str, Any] = document()
    student = doc["cohorts"][0]["students"][0]
    student["nmae"] = student.pop("name")
    doc["host_units"][0]["capacity"] = "2"
    doc["employments"][0]["pathway"] = "by-chance"
    assert [
        "$.cohorts[0].students[0]",
        "$.employments[0].pathway",
        "$.host_units[0].capacity",
    ] == violations(doc)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("status", Status),
        ("outlook", Outlook),
        ("verdict", Verdict),
        ("pathway", Pathway),
        ("funding", Funding),
        ("benefit", Benefit),
        ("role", Role),
        ("supervision", Supervision),
        ("outcome_kind", OutcomeKind),
    ],
)
def test_the_schema_lists_every_value_of_each_enumeration(name: str, kind: type[Any]) -> None:
    assert [m.value for m in kind] == SCHEMA["$defs"][name]["enum"]


def test_the_schema_lists_every_action_of_the_history() -> None:
    assert [a.value for a in Action] == SCHEMA["$defs"]["change"]["properties"]["action"]["enum"]


def test_the_schema_of_a_sample_register_without_synthetic_ids_is_valid() -> None:
    assert [] == violations(json.loads(dumps(sample_register(allow_synthetic_ids=False))))
