"""A person's data lifecycle: erasing a person, and stripping identifiers after retention.

docs/privacy.md, "Data lifecycle". Both changes reach into the history of changes
too, because its before/after snapshots are copies of the records:

- :func:`erase_person` removes a student, every record of
  theirs (employments, other outcomes, the certificate inside the student
  record) and every history entry about them, then appends one entry saying
  that a person of a cohort was erased, without saying who.
- :func:`strip_identifiers` keeps the records of students of
  cohorts that ended before a date but replaces their direct identifiers and
  free text, in the records and in the history, so anonymous statistics stay
  what they were.

:func:`scrubbed` is the walk over a record that both use, driven by the
privacy classification of each field (:mod:`mbprogram.model.privacy`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

import attrs

from mbprogram.model.hiring import Employment, OutcomeRecord
from mbprogram.model.history import Change, record_path, student_path
from mbprogram.model.privacy import Privacy, classification
from mbprogram.model.scrubbing import KEEP, emptied, is_free_text, scrubbed
from mbprogram.model.students import Certificate, Student
from mbprogram.model.values import Stamp, StudentId
from mbprogram.paths import RecordPath
from mbprogram.register.commit import Edit, Entry, check_stamp, commit, refuse
from mbprogram.register.state import RegisterState

__all__ = ["ERASED", "STRIPPED", "erase_person", "holds_person", "strip_identifiers"]

T = TypeVar("T")

#: The history action of an erasure; its record is ``cohorts[<id>].students``.
ERASED: Final = "person.erased"
#: The history action of stripping identifiers; its record is ``cohorts[<id>].students``.
STRIPPED: Final = "identifiers.stripped"


def _identifiers_and_free_text(cls: type, attribute: attrs.Attribute[Any], value: object) -> object:
    """Blank direct identifiers and sensitive free text; keep everything else."""
    privacy = classification(cls)[attribute.name]
    if privacy is Privacy.DIRECT_IDENTIFIER or (
        privacy is Privacy.SENSITIVE and is_free_text(value)
    ):
        return emptied(attribute, value)
    return KEEP


def holds_person(value: object, student_id: StudentId) -> bool:
    """Whether ``value`` (a record, or records in tuples) is or holds a record of the person.

    A record of theirs is their :class:`Student`, their :class:`Certificate`, an
    :class:`Employment` or :class:`OutcomeRecord` of theirs; records inside
    other records are looked into.
    """
    if _person_of(value) == student_id:
        return True
    if isinstance(value, tuple | list | frozenset):
        return any(holds_person(item, student_id) for item in value)
    cls = type(value)
    if attrs.has(cls):
        return any(
            holds_person(getattr(value, a.name), student_id) for a in attrs.fields(cls) if a.init
        )
    return False


def _person_of(value: object) -> StudentId | None:
    if isinstance(value, Student):
        return value.id
    if isinstance(value, Certificate):
        return value.student
    if isinstance(value, Employment | OutcomeRecord):
        return value.person
    return None


def _students_path(cohort_id: str) -> RecordPath:
    return record_path(("cohorts", cohort_id), "students")


def erase_person(state: RegisterState, student_id: StudentId, *, by: Stamp) -> RegisterState:
    """Erase a person: their student record, every record of theirs and their history.

    Removes the student (with their certificate), their employments and other
    outcome records, and every history entry about them: entries under their
    record path, their employments' and outcomes' paths, and any entry whose
    before/after snapshot holds a record of theirs. Then one entry is
    appended, action ``"person.erased"`` on the record ``cohorts[<their
    cohort>].students``, which records that one person of that cohort was
    erased without naming them.
    """
    student = state.student(student_id)
    what = "erasing the person"
    check_stamp(by, what)
    sid = student.id
    employments = {e.id for e in state.employments.values() if e.person == sid}
    outcomes = {o.id for o in state.outcomes.values() if o.person == sid}
    for change in state.history:  # records of theirs known only from the history
        for snapshot in (change.before, change.after):
            if isinstance(snapshot, Employment) and snapshot.person == sid:
                employments.add(snapshot.id)
            if isinstance(snapshot, OutcomeRecord) and snapshot.person == sid:
                outcomes.add(snapshot.id)
    about = _about(sid, student.cohort, employments, outcomes)
    edit = Edit(
        remove=(
            ("students", sid),
            *(("employments", e) for e in sorted(employments)),
            *(("outcomes", o) for o in sorted(outcomes)),
        ),
        entries=(Entry(ERASED, _students_path(student.cohort)),),
        rewrite=lambda history: tuple(c for c in history if not about(c)),
    )
    return commit(state, edit, by=by, what=what)


def strip_identifiers(
    state: RegisterState, *, ended_before: dt.date, by: Stamp
) -> tuple[RegisterState, tuple[StudentId, ...]]:
    """Strip direct identifiers and free text of students of cohorts that ended before a date.

    Returns the new state and the ids of the students whose records or history changed.
    One ``"identifiers.stripped"`` entry is written per cohort in which something changed.
    """
    what = "stripping identifiers"
    if not isinstance(ended_before, dt.date) or isinstance(ended_before, dt.datetime):
        raise refuse(what, "ended_before", "expected a date")
    check_stamp(by, what)
    ended = [c.id for c in state.cohorts.values() if c.period.end < ended_before]
    records: list[Student | Employment | OutcomeRecord] = []
    history = list(state.history)
    changed: dict[str, list[StudentId]] = {}
    for cohort_id in ended:
        for old in state.students_of(cohort_id):
            if _strip_one(state, old, records, history):
                changed.setdefault(cohort_id, []).append(old.id)
    stripped = tuple(history)
    edit = Edit(
        put=tuple(records),
        entries=tuple(Entry(STRIPPED, _students_path(c)) for c in changed),
        rewrite=lambda _: stripped,
    )
    new = commit(state, edit, by=by, what=what) if changed else state
    return new, tuple(sid for ids in changed.values() for sid in ids)


def _strip_one(
    state: RegisterState,
    old: Student,
    records: list[Student | Employment | OutcomeRecord],
    history: list[Change],
) -> bool:
    """Strip one student's records into ``records`` and ``history``; whether any changed."""
    blank = _identifiers_and_free_text
    touched = False
    new = scrubbed(old, blank)
    if new is not old:
        records.append(new)
        touched = True
    mine = state.employments_of(old.id)
    for e in mine:
        stripped = scrubbed(e, blank)
        if stripped is not e:
            records.append(stripped)
            touched = True
    theirs = [o for o in state.outcomes.values() if o.person == old.id]
    for o in theirs:
        stripped_o = scrubbed(o, blank)
        if stripped_o is not o:
            records.append(stripped_o)
            touched = True
    about = _about(old.id, old.cohort, {e.id for e in mine}, {o.id for o in theirs})
    for i, change in enumerate(history):
        if not about(change):
            continue
        before, after = scrubbed(change.before, blank), scrubbed(change.after, blank)
        if before is not change.before or after is not change.after:
            history[i] = attrs.evolve(change, before=before, after=after)
            touched = True
    return touched


def _about(
    sid: StudentId, cohort_id: str, employments: Iterable[str], outcomes: Iterable[str]
) -> Callable[[Change], bool]:
    """A test of whether a history entry is about the person."""
    prefixes = [
        student_path(cohort_id, sid),
        *(record_path(("employments", e)) for e in employments),
        *(record_path(("outcomes", o)) for o in outcomes),
    ]

    def is_about(change: Change) -> bool:
        return (
            any(change.record.is_within(p) for p in prefixes)
            or holds_person(change.before, sid)
            or holds_person(change.after, sid)
        )

    return is_about
