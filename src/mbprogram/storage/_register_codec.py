"""A register's records as JSON values, and back: shared by the JSON document and the store.

Writing groups each cohort's students under it (a student's ``cohort`` is then
the cohort it is listed under, not a key of its own). Reading builds every
record it can, collects every problem with its path, and only when there are
none rebuilds the register through :meth:`Register.from_records`, whose
problems (typed paths naming records by id) are mapped back to paths in the
document by their segments.
"""

from __future__ import annotations

import contextlib
import typing
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Final, TypeVar

import attrs
import cattrs

from mbprogram.collector import gc_paused
from mbprogram.exceptions import DocumentError, Problem, ValidationError
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.paths import RecordPath, Segment
from mbprogram.register.aggregate import Register
from mbprogram.storage._fast_records import builder
from mbprogram.storage._fast_records import student as fast_student
from mbprogram.storage._problems import BadValueError, key_path, problems_of

__all__ = [
    "Records",
    "build_register",
    "gc_paused",
    "quick_student",
    "read",
    "read_student",
    "student_json",
]

T = TypeVar("T")

#: The sections of the register whose records a document or store names its own way.
_SECTIONS: Final = frozenset({"cohorts", "host_units", "budget_pots", "employments", "outcomes"})
#: Fields of the model that the document spells differently: a placement's period is
#: ``start``/``end``, an attendance mark is flattened to ``hours``.
_RENAMED: Final = {
    (Segment("period"), Segment("start")): Segment("start"),
    (Segment("period"), Segment("end")): Segment("end"),
    (Segment("mark"), Segment("hours")): Segment("hours"),
}


def student_json(conv: cattrs.Converter, student: Student) -> dict[str, Any]:
    """A student as listed under their cohort (without the ``cohort`` key)."""
    body: dict[str, Any] = conv.unstructure(student, Student)
    del body["cohort"]
    return body


def read(
    conv: cattrs.Converter, raw: object, cls: type[T], path: str, problems: list[Problem]
) -> T | None:
    """Read one record of type ``cls``; on failure add its problems under ``path``.

    The fast path (:mod:`~mbprogram.storage._fast_records`) is tried first; what
    it declines is read again in detail, naming every problem.
    """
    fast = builder(typing.cast("Hashable", cls))
    if fast is not None:
        with contextlib.suppress(Exception):  # declined: the detailed reading says why
            return typing.cast("T", fast(raw))
    try:
        return conv.structure(raw, cls)
    except Exception as e:  # every failure becomes problems with paths
        problems.extend(problems_of(e, path))
        return None


def read_student(
    conv: cattrs.Converter,
    raw: object,
    cohort_id: str,
    path: str,
    problems: list[Problem],
) -> Student | None:
    """Read a student listed under the cohort ``cohort_id``."""
    student = quick_student(raw, cohort_id)
    if student is not None:
        return student
    if type(raw) is not dict:
        problems.extend(
            problems_of(BadValueError("reading.expected.object", raw, show=False), path)
        )
        return None
    if "cohort" in raw:
        problems.append(Problem.of(key_path(path, "cohort"), "reading.student_cohort"))
        return None
    return read(conv, {**raw, "cohort": cohort_id}, Student, path, problems)


def quick_student(raw: object, cohort_id: str) -> Student | None:
    """The student of the fast path, or None when it declines (:func:`read_student` says why)."""
    try:
        return fast_student(raw, cohort_id)
    except Exception:  # declined: the detailed reading says why
        return None


@attrs.define
class Records:
    """The records read from a document or store, before the register is rebuilt."""

    cohorts: list[Cohort] = attrs.Factory(list)
    students: list[Student] = attrs.Factory(list)
    host_units: list[HostUnit] = attrs.Factory(list)
    budget_pots: list[BudgetPot] = attrs.Factory(list)
    employments: list[Employment] = attrs.Factory(list)
    outcomes: list[OutcomeRecord] = attrs.Factory(list)
    history: list[Change] = attrs.Factory(list)


def build_register(
    records: Records,
    *,
    allow_synthetic_ids: bool,
    locate: Callable[[str, str, str | None], str],
    history: Sequence[Change] | None = None,
) -> Register:
    """Rebuild the register from ``records``, checking every rule across records.

    ``locate(section, id, student_id)`` names a record in the document
    (``cohorts[0].students[3]``, or by id in a store). ``history``, if given,
    is the register's history instead of ``records.history`` (a store's
    history read on first use, :class:`~mbprogram.register.deferred_history.DeferredHistory`).

    Raises:
        DocumentError: listing every broken rule with its path.
    """
    try:
        return Register.from_records(
            cohorts=records.cohorts,
            students=records.students,
            host_units=records.host_units,
            budget_pots=records.budget_pots,
            employments=records.employments,
            outcomes=records.outcomes,
            history=records.history if history is None else history,
            allow_synthetic_ids=allow_synthetic_ids,
        )
    except ValidationError as e:
        problems = [attrs.evolve(p, path=_located(p.path, locate)) for p in e.problems]
    # Raised here, after the handler: a DocumentError chains no other error.
    raise DocumentError(problems, summary_key="reading.document.rules")


def _located(path: str, locate: Callable[[str, str, str | None], str]) -> str:
    """The document's path for a register problem's typed path (others are kept as they are)."""
    if not isinstance(path, RecordPath) or not path.segments:
        return path
    first, *rest = path.segments
    if first.name not in _SECTIONS or first.key is None:
        return path
    student = None
    if first.name == "cohorts" and rest and rest[0].name == "students" and rest[0].key is not None:
        student = rest.pop(0).key
    spelled: list[Segment] = []
    for segment in rest:
        if spelled and (spelled[-1], segment) in _RENAMED:
            spelled[-1] = _RENAMED[spelled[-1], segment]
        else:
            spelled.append(segment)
    located = locate(first.name, first.key, student)
    return RecordPath.parse(located).then(RecordPath(spelled)) if spelled else located
