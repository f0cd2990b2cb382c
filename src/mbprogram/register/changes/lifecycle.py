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
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from mbprogram.model.hiring import Employment, OutcomeRecord
from mbprogram.model.history import Action, Change, record_path, student_path
from mbprogram.model.privacy import Privacy, classification
from mbprogram.model.scrubbing import KEEP, emptied, is_free_text, scrubbed
from mbprogram.model.students import Certificate, Student
from mbprogram.model.values import Stamp, StudentId
from mbprogram.paths import RecordPath
from mbprogram.register.commit import Edit, Entry, check_stamp, commit, refuse
from mbprogram.register.state import RegisterState

__all__ = ["ERASED", "STRIPPED", "erase_person", "people_in", "strip_identifiers"]

T = TypeVar("T")

#: The history action of an erasure; its path is ``cohorts[<id>].students``.
ERASED: Final = Action.PERSON_ERASED
#: The history action of stripping identifiers; its path is ``cohorts[<id>].students``.
STRIPPED: Final = Action.IDENTIFIERS_STRIPPED


def _identifiers_and_free_text(cls: type, attribute: attrs.Attribute[Any], value: object) -> object:
    """Blank direct identifiers and sensitive free text; keep everything else."""
    privacy = classification(cls)[attribute.name]
    if privacy is Privacy.DIRECT_IDENTIFIER or (
        privacy is Privacy.SENSITIVE and is_free_text(value)
    ):
        return emptied(attribute, value)
    return KEEP


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
        raise refuse(what, "ended_before", "refusals.expected_date")
    check_stamp(by, what)
    ended = {c.id for c in state.cohorts.values() if c.period.end < ended_before}
    people = {s.id: s for s in state.students.values() if s.cohort in ended}
    blank = _identifiers_and_free_text
    records: list[Student | Employment | OutcomeRecord] = []
    touched: set[StudentId] = set()
    for student in people.values():
        new = scrubbed(student, blank)
        if new is not student:
            records.append(new)
            touched.add(student.id)
    owners: dict[str, StudentId] = {}  # employment and outcome paths -> their person
    for change in state.history:  # records of theirs known only from the history
        for snapshot in (change.before, change.after):
            if isinstance(snapshot, Employment | OutcomeRecord) and snapshot.person in people:
                owners[_table_path(snapshot)] = snapshot.person
    for table in (state.employments, state.outcomes):
        for record in table.values():
            if record.person in people:
                owners[_table_path(record)] = record.person
                stripped = scrubbed(record, blank)
                if stripped is not record:
                    records.append(stripped)
                    touched.add(record.person)
    history = list(state.history)
    for i, change in enumerate(history):  # one pass over the history, however many people
        about = _people_of(change, people, owners)
        if not about:
            continue
        before, after = scrubbed(change.before, blank), scrubbed(change.after, blank)
        if before is not change.before or after is not change.after:
            history[i] = attrs.evolve(change, before=before, after=after)
            touched |= about
    cohorts = list(state.cohorts)
    changed = [c for c in cohorts if any(people[s].cohort == c for s in touched)]
    stripped_history = tuple(history)
    edit = Edit(
        put=tuple(records),
        entries=tuple(Entry(STRIPPED, _students_path(c)) for c in changed),
        rewrite=lambda _: stripped_history,
    )
    new_state = commit(state, edit, by=by, what=what) if touched else state
    order = {sid: i for i, sid in enumerate(state.students)}
    ids = sorted(touched, key=lambda sid: (cohorts.index(people[sid].cohort), order[sid]))
    return new_state, tuple(ids)


def _table_path(record: Employment | OutcomeRecord) -> str:
    table = "employments" if isinstance(record, Employment) else "outcomes"
    return str(record_path((table, record.id)))


def _people_of(
    change: Change, people: Mapping[StudentId, Student], owners: Mapping[str, StudentId]
) -> set[StudentId]:
    """The people among ``people`` whom a history entry is about (its path or its snapshots)."""
    found: set[StudentId] = set()
    segments = change.record.segments
    if segments:
        first = segments[0]
        if first.name == "cohorts" and len(segments) > 1 and segments[1].name == "students":
            key = segments[1].key
            if key is not None and key in people:
                found.add(key)
        elif first.name in ("employments", "outcomes"):
            owner = owners.get(str(RecordPath(segments[:1])))
            if owner is not None:
                found.add(owner)
    for snapshot in (change.before, change.after):
        found |= people_in(snapshot) & people.keys()
    return found


def people_in(value: object) -> set[StudentId]:
    """The people whose records ``value`` (a record, or records in tuples) is or holds."""
    found: set[StudentId] = set()
    person = _person_of(value)
    if person is not None:
        found.add(person)
    if isinstance(value, tuple | list | frozenset):
        for item in value:
            found |= people_in(item)
    else:
        cls = type(value)
        if attrs.has(cls):
            for a in attrs.fields(cls):
                if a.init:
                    found |= people_in(getattr(value, a.name))
    return found


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
            or sid in people_in(change.before)
            or sid in people_in(change.after)
        )

    return is_about
