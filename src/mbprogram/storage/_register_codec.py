"""A register's records as JSON values, and back: shared by the JSON document and the store.

Writing groups each cohort's students under it (a student's ``cohort`` is then
the cohort it is listed under, not a key of its own). Reading builds every
record it can, collects every problem with its path, and only when there are
none rebuilds the register through :meth:`Register.from_records`, whose
problems (named by record ids) are mapped back to paths in the document.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

import attrs
import cattrs

from mbprogram.exceptions import DocumentError, Problem, ValidationError
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.register.aggregate import Register
from mbprogram.storage._problems import BadValueError, key_path, problems_of

__all__ = [
    "Records",
    "build_register",
    "gc_paused",
    "read",
    "read_student",
    "student_json",
]

T = TypeVar("T")

_SECTION = re.compile(
    r"(?P<section>cohorts|host_units|budget_pots|employments|outcomes)\[(?P<id>[^\]]*)\]"
    r"(?:\.students\[(?P<student>[^\]]*)\])?(?P<rest>.*)",
    re.DOTALL,
)
#: Paths of the model that the document spells differently.
_RENAMED: Final = (
    (re.compile(r"\.period\.(start|end)\b"), r".\1"),  # a placement's period is start/end
    (re.compile(r"\.mark\.hours\b"), ".hours"),  # an attendance mark is flattened
)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are made.

    The records hold no reference cycles, and collections triggered by the
    allocations alone would otherwise take most of a large load's time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def student_json(conv: cattrs.Converter, student: Student) -> dict[str, Any]:
    """A student as listed under their cohort (without the ``cohort`` key)."""
    body: dict[str, Any] = conv.unstructure(student, Student)
    del body["cohort"]
    return body


def read(
    conv: cattrs.Converter, raw: object, cls: type[T], path: str, problems: list[Problem]
) -> T | None:
    """Read one record of type ``cls``; on failure add its problems under ``path``."""
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
    if type(raw) is not dict:
        problems.extend(problems_of(BadValueError("expected an object", raw, show=False), path))
        return None
    if "cohort" in raw:
        problems.append(
            Problem(
                key_path(path, "cohort"),
                "unknown key; a student belongs to the cohort it is listed under",
            )
        )
        return None
    return read(conv, {**raw, "cohort": cohort_id}, Student, path, problems)


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
) -> Register:
    """Rebuild the register from ``records``, checking every rule across records.

    ``locate(section, id, student_id)`` names a record in the document
    (``cohorts[0].students[3]``, or by id in a store).

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
            history=records.history,
            allow_synthetic_ids=allow_synthetic_ids,
        )
    except ValidationError as e:
        problems = [attrs.evolve(p, path=_located(p.path, locate)) for p in e.problems]
        raise DocumentError(problems, summary="the records break the register's rules") from None


def _located(path: str, locate: Callable[[str, str, str | None], str]) -> str:
    match = _SECTION.fullmatch(path)
    if match is None:
        return path
    rest = match["rest"]
    for pattern, replacement in _RENAMED:
        rest = pattern.sub(replacement, rest)
    return locate(match["section"], match["id"], match["student"]) + rest
