"""Fuzz: whatever JSON a document holds, loading raises only the library's error, with paths."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mbprogram import DocumentError, Problem, Register
from mbprogram.storage.json_document import document_bytes, dumps, loads
from tests.storage.samples import sample_register
from tests.strategies import wild_json_text, wild_text

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

#: Values that a mutation puts in place of another: every JSON kind, and near misses.
replacements = st.one_of(
    json_values,
    st.sampled_from(
        [
            "2026-02-30",
            "2026-13-01",
            "01.02.2026",
            "2027-01-01",
            "2025-12-31",
            "-1",
            "1e400",
            "NaN",
            "x" * 500,
            "SES-99",
            "U9",
            "S-99",
            "POT-9",
            "K9",
            "",
            " ",
            0,
            -1,
            10**20,
            True,
            [],
            {},
        ]
    ),
)

_SAMPLE = json.loads(dumps(sample_register()))


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside ``value`` (object keys and list positions)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += places(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += places(item, (*path, i))
    return found


_PLACES = [p for p in places(_SAMPLE) if p]


def assert_only_document_errors(text: str) -> None:
    """Loading ``text`` gives a register or a DocumentError whose problems all have paths."""
    problems: tuple[Problem, ...] = ()
    try:
        loaded = loads(text)
    except DocumentError as e:
        problems = e.problems or (Problem("", ""),)
    else:
        assert isinstance(loaded, Register)
    assert all(p.path and p.message for p in problems)


@given(json_values)
def test_any_json_value_is_refused_with_a_document_error(value: object) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(value))
    assert all(p.path and p.message for p in caught.value.problems)


@given(json_values)
def test_any_json_value_under_a_valid_format_is_refused_or_read(value: object) -> None:
    document = {"format": "mbprogram/1", "synthetic_ids": False, "cohorts": value}
    assert_only_document_errors(json.dumps(document))


def mutations_of(where: list[Any], most: int) -> st.SearchStrategy[list[tuple[Any, str, object]]]:
    """Up to ``most`` mutations: a place among ``where``, what is done there, a value."""
    return st.lists(
        st.tuples(
            st.sampled_from(where),
            st.sampled_from(["drop", "add", "replace", "swap"]),
            replacements,
        ),
        min_size=1,
        max_size=most,
    )


#: Up to four mutations of the sample document.
mutation_lists = mutations_of(_PLACES, 4)


@given(mutation_lists)
# a history entry's record that is not text once reached a dict lookup as a list
@example(mutations=[(("history", 7, "record"), "replace", [])])
def test_a_mutated_valid_document_is_refused_with_paths_or_read(
    mutations: list[tuple[tuple[Any, ...], str, object]],
) -> None:
    document = copy.deepcopy(_SAMPLE)
    for path, kind, value in mutations:
        mutate(document, path, kind, value)
    assert_only_document_errors(json.dumps(document, default=str))


def mutate(document: dict[str, Any], path: tuple[Any, ...], kind: str, value: object) -> None:
    """Drop the key or item at ``path``, add an unknown key beside it, or replace its value."""
    parent: Any = document
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return  # an earlier mutation removed it
    last = path[-1]
    if isinstance(parent, dict) and last not in parent:
        return
    if isinstance(parent, list) and not (isinstance(last, int) and last < len(parent)):
        return
    if not isinstance(parent, (dict, list)):
        return
    if kind == "drop":
        del parent[last]
    elif kind == "add" and isinstance(parent, dict):
        parent[f"{last}_typo"] = value
    elif kind == "swap" and isinstance(parent[last], str) and len(parent[last]) == 10:
        parent[last] = parent[last][::-1]  # 2026-03-02 -> 20-30-6202
    else:
        parent[last] = value


def test_mutations_find_every_kind_of_problem() -> None:
    """The mutations of the fuzz test do reach the deep records (a check of the test itself)."""
    deep = [p for p in _PLACES if len(p) > 6]
    assert deep
    assert any("placements" in p for p in deep)
    assert any("history" in p for p in _PLACES)


def test_numbers_too_large_or_too_fine_are_refused_not_crashed() -> None:
    document = copy.deepcopy(_SAMPLE)
    document["cohorts"][0]["sessions"][0]["hours"] = Decimal("1e400")
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(document, default=str))
    assert ["cohorts[0].sessions[0].hours"] == [p.path for p in caught.value.problems]


# -- hostile text: lone surrogates, NUL, numbers of thousands of digits (issue 10) --------


def assert_only_the_library_error(text: str | bytes) -> None:
    """Loading gives a register that can be written again, or a DocumentError that chains nothing.

    A register loaded must also be writable: nothing read may make a later save fail.
    """
    error: DocumentError | None = None
    try:
        loaded = loads(text)
    except DocumentError as e:
        error = e
    if error is None:
        assert loaded == loads(document_bytes(loaded))
        return
    assert error.problems
    assert all(p.path and p.message for p in error.problems)
    assert error.__context__ is None
    assert error.__cause__ is None


@given(st.one_of(wild_text, st.builds("".join, st.lists(wild_text, max_size=5))))
def test_any_text_gives_a_register_or_the_library_error(text: str) -> None:
    assert_only_the_library_error(text)
    assert_only_the_library_error(text.encode("utf-8", "surrogatepass"))


@given(json_values.map(json.dumps) | json_values.flatmap(wild_json_text))
def test_any_json_value_with_hostile_text_gives_the_library_error(text: str) -> None:
    assert_only_the_library_error(text)


@given(wild_json_text(_SAMPLE))
def test_a_valid_document_with_hostile_values_gives_a_register_or_the_library_error(
    text: str,
) -> None:
    assert_only_the_library_error(text)
    assert_only_the_library_error(text.encode("utf-8"))
