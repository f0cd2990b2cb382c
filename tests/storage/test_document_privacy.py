"""A refused document never quotes text back, nor names a key inside a sensitive field.

Text that does not read as what a field expects may be a reason or a name written
in the wrong place; a key inside ``contact`` or ``background`` may be an e-mail
address or a diagnosis.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import DocumentError, Hours, InvalidValueError
from mbprogram.storage.json_document import loads
from tests.storage.samples import document

# Runs of consonants: no word of any message, nor any key or code, contains one.
secrets = st.text(st.sampled_from("bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ"), min_size=8)

#: Record ids and references to them: opaque, and shown by design.
_IDS = frozenset({"id", "cohort", "session", "unit", "pot", "person", "student", "record"})

Path = tuple[str | int, ...]


def refusal(doc: object) -> str:
    """The text of the refusal of ``doc``, with every problem's path; ``""`` if it loads."""
    try:
        loads(json.dumps(doc))
    except DocumentError as e:
        return "\n".join([str(e), *(p.path for p in e.problems)])
    return ""


def leaves(value: object, path: Path = ()) -> list[Path]:
    """The path of every value of the document that is not an object, list or id."""
    if isinstance(value, dict):
        return [p for k, v in value.items() if k not in _IDS for p in leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaves(v, (*path, i))]
    return [path]


def put(doc: Any, path: Path, value: object) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


def first_student(doc: dict[str, Any]) -> dict[str, Any]:
    student: dict[str, Any] = doc["cohorts"][0]["students"][0]
    return student


LEAVES = leaves(document())


# -- unknown keys inside sensitive fields (P2) ---------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact", {"secretmail@x.no": "x"}),
        ("contact", {"email": "a@b.no", "phone": "", "secretmail@x.no": "x"}),
        ("background", {"HEMMELIGGRUNN": True}),
    ],
)
def test_an_unknown_key_inside_a_sensitive_field_is_not_named(
    field: str, value: dict[str, object]
) -> None:
    doc = document()
    first_student(doc)[field] = value

    shown = refusal(doc)

    assert f"cohorts[0].students[0].{field}: an unknown key (not shown: sensitive field)" in shown
    assert "secretmail" not in shown
    assert "HEMMELIGGRUNN" not in shown


def test_an_unknown_key_of_an_ordinary_record_is_still_named() -> None:
    doc = document()
    first_student(doc)["nmae"] = "x"

    assert "cohorts[0].students[0].nmae: unknown key; did you mean 'name'?" in refusal(doc)


@given(secret=secrets, field=st.sampled_from(("contact", "background")), value=st.booleans())
def test_no_key_inside_a_sensitive_field_is_ever_named(
    secret: str, field: str, value: bool
) -> None:
    doc = document()
    first_student(doc)[field] = {secret: value}

    shown = refusal(doc)

    assert shown
    assert secret.casefold() not in shown.casefold()


@pytest.mark.parametrize(
    "key",
    ["Kari Nordmann", "17859000770", "kari@example.no", "K" * 41, "_notat", "Kari\ud800", ""],
)
@pytest.mark.parametrize("where", ["document", "host unit", "student"])
def test_an_unknown_key_that_does_not_read_like_an_id_is_counted_never_quoted(
    key: str, where: str
) -> None:
    doc = document()
    parent = {"document": doc, "host unit": doc["host_units"][0], "student": first_student(doc)}
    parent[where][key] = "x"
    path = {"document": "$", "host unit": "host_units[0]", "student": "cohorts[0].students[0]"}

    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc))

    shown = "\n".join([str(caught.value), *(p.path for p in caught.value.problems)])
    assert (
        f"{path[where]}: an unknown key (not shown: only a key that reads like an id is " in shown
    )
    for part in filter(None, key.split()):
        assert part not in shown


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("nmae", "cohorts[0].students[0].nmae"),
        ("S-01", 'cohorts[0].students[0]["S-01"]'),
        ("legacy.field", 'cohorts[0].students[0]["legacy.field"]'),
        ("x" * 40, f"cohorts[0].students[0].{'x' * 40}"),
    ],
)
def test_an_unknown_key_that_reads_like_an_id_is_quoted_with_its_path(key: str, path: str) -> None:
    doc = document()
    first_student(doc)[key] = "x"
    assert f"{path}: unknown key;" in refusal(doc)


@given(
    st.lists(secrets, min_size=2, max_size=3).map(" ".join)
    | st.from_regex(r"[0-9]{11}", fullmatch=True)
    | st.text(st.characters(codec=None), min_size=1).filter(lambda k: not k.isascii())
)
def test_no_unknown_key_that_is_not_an_id_is_ever_shown(key: str) -> None:
    doc = document()
    doc[key] = 1
    doc["host_units"][0][key] = 1
    shown = refusal(doc)
    assert shown
    assert key not in shown
    assert json.dumps(key) not in shown


# -- text in the wrong field (P3) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            ("cohorts", 0, "students", 0, "attendance", 10, "mark"),
            "attendance[10].mark: expected one of present, excused, unexcused, got text",
        ),
        (
            ("cohorts", 0, "students", 0, "attendance", 10, "hours"),
            "attendance[10].hours: expected a number such as '3.5', got text that is not a number",
        ),
        (("cohorts", 0, "students", 0, "status_history", 0, "status"), "got text"),
        (("history", 0, "at"), "history[0].at: expected a date and time"),
        (
            ("host_units", 0, "capacity"),
            "host_units[0].capacity: expected a whole number, got text",
        ),
    ],
)
def test_a_reason_written_into_an_ordinary_field_is_not_quoted(path: Path, expected: str) -> None:
    doc = document()
    put(doc, path, "HEMMELIGGRUNN")

    shown = refusal(doc)

    assert expected in shown
    assert "HEMMELIGGRUNN" not in shown


@pytest.mark.parametrize("text", ["HEMMELIGGRUNN", "nan", "1e999999999"])
def test_hours_from_text_that_is_no_number_do_not_quote_it(text: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Hours(text)

    assert text not in str(caught.value)


def test_a_verdict_outlook_or_outcome_kind_given_as_any_text_is_not_quoted() -> None:
    refused = set()
    for path in [p for p in LEAVES if p[-1] in ("verdict", "outlook", "kind")]:
        doc = document()
        put(doc, path, "HEMMELIGGRUNN")
        shown = refusal(doc)
        if shown:  # a host unit's kind is free text, and reads well
            refused.add(path[-1])
        assert "HEMMELIGGRUNN" not in shown
    assert {"verdict", "outlook", "kind"} == refused


@given(secret=secrets, path=st.sampled_from(LEAVES))
def test_a_secret_in_any_ordinary_field_is_never_quoted(secret: str, path: Path) -> None:
    doc = document()
    put(doc, path, secret)

    assert secret.casefold() not in refusal(doc).casefold()
