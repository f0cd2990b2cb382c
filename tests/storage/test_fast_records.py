"""The fast path of reading records agrees with the detailed one, on valid and mutated input.

A load first builds each record on the fast path (``mbprogram.storage._fast_records``)
and reads in detail only what it declines. These properties hold it to that:
whatever a record or a document holds, the fast path gives exactly the record
the detailed reading gives (same fields, same types), or declines; and a whole
load gives the same register, or the same problems (paths, messages, codes),
as a load with the fast path switched off.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import attrs
from hypothesis import example, given

from mbprogram import DocumentError, Register
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.storage import _register_codec
from mbprogram.storage._converter import converter
from mbprogram.storage._fast_records import DeclinedError, builder, student
from mbprogram.storage.json_document import dumps, loads
from mbprogram.storage.sqlite_store import SqliteStore
from tests.register_strategies import registers
from tests.storage.samples import sample_register
from tests.storage.test_document_fuzz import mutate, mutations_of, places

_SAMPLE = json.loads(dumps(sample_register()))
_COHORT = _SAMPLE["cohorts"][0]
_STUDENTS = _COHORT["students"]


@contextlib.contextmanager
def detailed_only() -> Iterator[None]:
    """Every record read through the converter alone, as before the fast path."""
    with (
        mock.patch.object(_register_codec, "builder", return_value=None),
        mock.patch.object(_register_codec, "fast_student", side_effect=DeclinedError),
    ):
        yield


def shape(value: object) -> object:
    """``value`` with the type of every part of it, so that ``1 == True`` or a list for a tuple
    shows as a difference."""
    if attrs.has(type(value)):
        return (
            type(value),
            tuple((f.name, shape(getattr(value, f.name))) for f in attrs.fields(type(value))),
        )
    if isinstance(value, tuple | list):
        return (type(value), tuple(shape(v) for v in value))
    if isinstance(value, frozenset | set):
        return (type(value), frozenset((type(v), v) for v in value))
    return (type(value), value)


def detailed_student(raw: object, cohort_id: str) -> object:
    """The student the detailed reading makes of ``raw``, or the error it raises."""
    try:
        return converter().structure({**raw, "cohort": cohort_id}, Student)  # type: ignore[dict-item]
    except Exception as e:
        return e


def fast_student(raw: object, cohort_id: str) -> object | None:
    """The student of the fast path, or None when it declines."""
    try:
        return student(raw, cohort_id)
    except Exception:
        return None


def assert_agree(raw: object, cohort_id: str) -> None:
    fast = fast_student(raw, cohort_id)
    if fast is not None:
        detailed = detailed_student(raw, cohort_id)
        assert not isinstance(detailed, Exception), "the fast path took what the detailed refuses"
        assert shape(fast) == shape(detailed)


def test_the_fast_path_reads_every_valid_student_of_the_sample() -> None:
    """Not a path that always declines: each valid student is built fast, equal to the detailed."""
    for raw in _STUDENTS:
        fast = fast_student(raw, _COHORT["id"])
        assert fast is not None
        assert shape(fast) == shape(detailed_student(raw, _COHORT["id"]))


def test_the_fast_path_reads_the_other_records_of_the_sample() -> None:
    conv = converter()
    body = {k: v for k, v in _COHORT.items() if k != "students"}
    records: list[tuple[type, object]] = [(Cohort, body)]
    for section, cls in (
        ("host_units", HostUnit),
        ("budget_pots", BudgetPot),
        ("employments", Employment),
        ("outcomes", OutcomeRecord),
    ):
        assert _SAMPLE[section]
        records += [(cls, raw) for raw in _SAMPLE[section]]
    for cls, raw in records:
        build = builder(cls)
        assert build is not None
        assert shape(build(raw)) == shape(conv.structure(raw, cls))


_STUDENT_PLACES = [(i, p) for i, raw in enumerate(_STUDENTS) for p in places(raw) if p]


@given(mutations_of(_STUDENT_PLACES, 3))
# null for a list that is not optional was once taken for the list left out
@example(mutations=[((1, ("makeups",)), "replace", None)])
def test_a_mutated_student_is_read_alike_or_declined(
    mutations: list[tuple[tuple[int, tuple[Any, ...]], str, object]],
) -> None:
    students = copy.deepcopy(_STUDENTS)
    for (i, path), kind, value in mutations:
        mutate(students[i], path, kind, value)
    for raw in students:
        assert_agree(json.loads(json.dumps(raw, default=str)), _COHORT["id"])


_PLACES = [p for p in places(_SAMPLE) if p]


def outcome(text: str) -> object:
    """The register a document gives, or its problems with their paths, messages and codes."""
    try:
        return loads(text)
    except DocumentError as e:
        return [(p.path, p.message, p.code) for p in e.problems]


@given(mutations_of(_PLACES, 4))
def test_a_mutated_document_gives_what_the_detailed_reading_gives(
    mutations: list[tuple[tuple[Any, ...], str, object]],
) -> None:
    document = copy.deepcopy(_SAMPLE)
    for path, kind, value in mutations:
        mutate(document, path, kind, value)
    text = json.dumps(document, default=str)
    fast = outcome(text)
    with detailed_only():
        detailed = outcome(text)
    if isinstance(detailed, Register):
        assert isinstance(fast, Register)
        assert shape_of_register(fast) == shape_of_register(detailed)
    else:
        assert fast == detailed


def shape_of_register(register: Register) -> object:
    return (
        register.allow_synthetic_ids,
        [shape(c) for c in register.cohorts.values()],
        [shape(s) for s in register.students.values()],
        [shape(u) for u in register.host_units.values()],
        [shape(p) for p in register.budget_pots.values()],
        [shape(e) for e in register.employments.values()],
        [shape(o) for o in register.outcomes.values()],
        register.history,
    )


@given(registers(max_steps=20))
def test_any_register_is_read_alike_by_both_paths(register: Register) -> None:
    text = dumps(register)
    fast = loads(text)
    with detailed_only():
        detailed = loads(text)
    assert shape_of_register(fast) == shape_of_register(detailed)


def test_the_sqlite_store_reads_alike_by_both_paths(tmp_path: Any) -> None:
    register = sample_register()
    store = tmp_path / "r.sqlite"
    SqliteStore.open(store, create=True).save(register)
    fast = SqliteStore.open(store).load()
    with detailed_only():
        detailed = SqliteStore.open(store).load()
    assert shape_of_register(fast) == shape_of_register(detailed)


def test_a_kept_mark_is_never_taken_for_another_mark() -> None:
    """Marks are kept by their text: after ``"1"`` is read, near misses of it are read anew."""
    document = copy.deepcopy(_SAMPLE)
    first, second = document["cohorts"][0]["students"][:2]
    marks = [a for a in first["attendance"] if a["mark"] == "present"]
    assert marks
    marks[0]["hours"] = "1"
    session = marks[0]["session"]
    near_misses: list[dict[str, object]] = [
        {"session": session, "mark": "present", "hours": wrong}
        for wrong in (True, [1], None, {"h": "1"})
    ]
    near_misses += [
        {"session": session, "mark": "present", "hours": "1", "reason": ""},
        {"session": session, "mark": "present", "hours": "1", "hours_typo": "1"},
        {"session": session, "mark": "excused", "hours": "1"},
        {"session": session, "mark": "present", "reason": "1"},
    ]
    for wrong in near_misses:
        second["attendance"] = [wrong]
        text = json.dumps(document)
        fast = outcome(text)
        with detailed_only():
            assert fast == outcome(text)
        assert isinstance(fast, list)
        assert any(p.startswith("cohorts[0].students[1].attendance[0]") for p, _, _ in fast)


# -- caches never lend one spelling's verdict to another (found by review) ---------------------

_TOO_FINE = "0" * 41  # more decimals than a value may have


def _spelled(edit: Any, *numbers: str) -> str:
    """The sample document with ``edit`` made on it; its placeholders ``__0__``, ``__1__`` …
    replaced by the JSON numbers given, spelled exactly."""
    document = json.loads(dumps(sample_register()))
    edit(document)
    text = json.dumps(document)
    for i, number in enumerate(numbers):
        text = text.replace(f'"__{i}__"', number)
    return text


def _refused(text: str) -> bool:
    try:
        loads(text)
    except DocumentError:
        return True
    return False


def test_programme_rules_equal_in_value_but_not_in_spelling_are_each_checked() -> None:
    def two_cohorts(document: dict[str, Any]) -> None:
        other = copy.deepcopy(document["cohorts"][0])
        other["id"], other["students"] = "K-OTHER", []
        document["cohorts"][0]["rules"]["theory_hours"] = "__0__"
        other["rules"]["theory_hours"] = "__1__"
        document["cohorts"].append(other)

    text = _spelled(two_cohorts, "140.0", f"140.{_TOO_FINE}")
    with detailed_only():
        assert _refused(text)
    assert _refused(text)  # the first cohort's rules are not lent to the second
    assert _refused(_spelled(two_cohorts, f"140.{_TOO_FINE}", "140.0"))


def test_hours_equal_in_value_but_not_in_spelling_are_each_checked() -> None:
    def session(document: dict[str, Any]) -> None:
        document["cohorts"][0]["sessions"][0]["hours"] = "__0__"

    def mark(document: dict[str, Any]) -> None:
        document["cohorts"][0]["students"][0]["attendance"][0]["hours"] = "__0__"

    for edit in (session, mark):
        assert not _refused(_spelled(edit, "5.0"))  # now kept in a cache
        assert _refused(_spelled(edit, f"5.{_TOO_FINE}"))
        with detailed_only():
            assert not _refused(_spelled(edit, "5.0"))
            assert _refused(_spelled(edit, f"5.{_TOO_FINE}"))
