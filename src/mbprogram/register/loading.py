"""Rebuilding a register's state from its records, as a store or document holds them.

The rules are the same as on every change (:mod:`mbprogram.rules.invariants`):
a document can hold nothing that the register would refuse to make. Facts
(certificates, history entries) are checked for their shape only.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any

from mbprogram.exceptions import Problem, ValidationError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change, record_path, student_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.register.deferred_history import DeferredHistory
from mbprogram.register.state import TABLES, Record, RegisterState
from mbprogram.rules.invariants import register_problems, student_problems, used_twice

__all__ = ["load_state"]


def load_state(
    *,
    cohorts: Iterable[Cohort],
    students: Iterable[Student],
    host_units: Iterable[HostUnit],
    budget_pots: Iterable[BudgetPot] = (),
    employments: Iterable[Employment] = (),
    outcomes: Iterable[OutcomeRecord] = (),
    history: Iterable[Change] = (),
    allow_synthetic_ids: bool = False,
) -> RegisterState:
    """The state holding these records, if together they keep every rule of the register.

    Raises:
        ValidationError: listing every problem (ids used twice, unknown cohorts,
            sessions or units, broken rules), each with its record path and rule code.
    """
    v.check_instance(allow_synthetic_ids, bool, "allow_synthetic_ids", "True or False")
    problems: list[Problem] = []
    tables: dict[str, dict[str, Any]] = {}
    twins: list[Student] = []
    wrong: list[Problem] = []
    given: dict[str, Iterable[Record]] = {
        "cohorts": cohorts,
        "students": students,
        "host_units": host_units,
        "budget_pots": budget_pots,
        "employments": employments,
        "outcomes": outcomes,
    }
    for name, records in given.items():
        table: dict[str, Any] = {}
        kind, _ = TABLES[name]
        given_records = _listed(records)
        if given_records is None:
            wrong.append(Problem.of(name, "refusals.load.collection", kind=kind.__name__))
            continue
        for i, record in enumerate(given_records):
            if not isinstance(record, kind):
                wrong.append(
                    Problem.of(
                        f"{name}[{i}]",
                        "refusals.load.record",
                        kind=kind.__name__,
                        got=type(record).__name__,
                    )
                )
                continue
            record = typing.cast("Record", record)
            if record.id not in table:
                table[record.id] = record
                continue
            if isinstance(record, Student):
                path = student_path(record.cohort, record.id)
                twins.append(record)
            else:
                path = record_path((name, record.id))
            problems.append(used_twice(path, TABLES[name][1], record.id))
        tables[name] = table
    # A store's history not read yet is taken as it is: its entries are checked when read.
    entries = history if isinstance(history, DeferredHistory) else _listed(history)
    if entries is None:
        wrong.append(Problem.of("history", "refusals.load.collection", kind="Change"))
        entries = ()
    wrong += [
        Problem.of(f"history[{i}]", "refusals.load.record", kind="Change", got=type(c).__name__)
        for i, c in enumerate(() if isinstance(entries, DeferredHistory) else entries)
        if not isinstance(c, Change)
    ]
    if wrong:  # records of the wrong kinds cannot be checked further
        raise ValidationError(wrong, summary_key="refusals.load.kinds")
    problems += register_problems(**tables, allow_synthetic_ids=allow_synthetic_ids)
    for twin in twins:  # a second student with a taken id is checked all the same
        cohort = tables["cohorts"].get(twin.cohort)
        if cohort is not None:
            problems += [
                p.under(student_path(twin.cohort, twin.id))
                for p in student_problems(
                    twin, cohort, tables["host_units"], allow_synthetic_ids=allow_synthetic_ids
                )
            ]
    if problems:
        raise ValidationError(problems, summary_key="refusals.load.rules")
    return RegisterState(allow_synthetic_ids=allow_synthetic_ids, history=entries, **tables)


def _listed(records: object) -> tuple[Any, ...] | None:
    """``records`` as a tuple, or None if it is not a collection (text is not one)."""
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        return None
    return tuple(records)
