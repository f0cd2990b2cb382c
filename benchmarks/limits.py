"""The limits the speed targets stand next to: the same work with nothing but its unavoidable part.

* :func:`bare_build`: building bare attrs records (no validators, no
  converters) for the students and attendance rows of a parsed benchmark
  document. A validated load cannot cost less than parsing plus this.
* :func:`result_records`: making the records an evaluation returns
  (``StudentProgress`` with its ``TheoryProgress`` and ``PracticeDays``) from
  figures already known. An evaluation cannot cost less than this.
* :func:`progress_records`: making only the ``StudentProgress`` records, their
  parts taken as they are (as an evaluation at a later date whose figures were
  all kept would). An evaluation at another date cannot cost less than this:
  each date's record holds that date.
* :func:`visit_students`: visiting each student of a register once, cohort by
  cohort, as an evaluation does, and nothing else. An evaluation cannot cost
  less; how its time per student grows with the register is the memory's,
  not the work's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from mbprogram.collector import gc_paused
from mbprogram.rules.cohort import CohortProgress
from mbprogram.rules.practice import PracticeDays
from mbprogram.rules.student import StudentProgress
from mbprogram.rules.theory import TheoryProgress


@attrs.frozen
class _Present:
    hours: Decimal


@attrs.frozen
class _Away:
    reason: str


@attrs.frozen
class _Attendance:
    session: str
    mark: _Present | _Away | None


@attrs.frozen(kw_only=True)
class _Student:
    id: str
    cohort: str
    name: str
    status: tuple[tuple[str, dt.date], ...]
    attendance: tuple[_Attendance, ...]


def _mark(raw: dict[str, Any]) -> _Present | _Away | None:
    if raw["mark"] == "present":
        return _Present(Decimal(raw["hours"]))
    if raw["mark"] == "excused":
        return _Away(raw.get("reason", ""))
    return None


def bare_build(document: dict[str, Any]) -> int:
    """Bare records for every student and attendance row of ``document``; how many students."""
    built = 0
    for cohort in document["cohorts"]:
        for s in cohort["students"]:
            _Student(
                id=s["id"],
                cohort=cohort["id"],
                name=s["name"],
                status=tuple(
                    (c["status"], dt.date.fromisoformat(c["on"])) for c in s["status_history"]
                ),
                attendance=tuple(_Attendance(a["session"], _mark(a)) for a in s["attendance"]),
            )
            built += 1
    return built


def result_fields(evaluated: tuple[CohortProgress, ...]) -> list[dict[str, Any]]:
    """The field values of every student's result, to make the records again from."""
    return [
        {f.name: getattr(p, f.name) for f in attrs.fields(StudentProgress)}
        for c in evaluated
        for p in c.students
    ]


def result_records(fields: list[dict[str, Any]]) -> int:
    """Make every result record (and its theory and practice parts) from known figures.

    With the collector paused, as the evaluation pauses it.
    """
    with gc_paused():
        _records(fields)
    return len(fields)


def progress_records(fields: list[dict[str, Any]]) -> int:
    """Make every ``StudentProgress`` record again from known fields, parts and all as they are.

    With the collector paused, as the evaluation pauses it.
    """
    with gc_paused():
        for f in fields:
            StudentProgress(**f)
    return len(fields)


def visit_students(students: list[tuple[Any, ...]]) -> int:
    """Visit every student of ``students`` (the tuple of each cohort's) once; how many."""
    visited = 0
    for cohort in students:
        for _ in cohort:
            visited += 1
    return visited


def _records(fields: list[dict[str, Any]]) -> None:
    for f in fields:
        theory, practice = f["theory"], f["practice"]
        StudentProgress(
            **{
                **f,
                "theory": TheoryProgress(
                    attended=theory.attended, makeup=theory.makeup, held=theory.held
                ),
                "practice": PracticeDays(attended=practice.attended, expected=practice.expected),
            }
        )
