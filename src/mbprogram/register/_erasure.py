"""A person's data lifecycle: erasing a person, and stripping identifiers after retention.

DESIGN §5 "Data lifecycle". Both changes reach into the history of changes
too, because its before/after snapshots are copies of the records:

- :meth:`LifecycleChanges.erase_person` removes a student, every record of
  theirs (employments, other outcomes, the certificate inside the student
  record) and every history entry about them, then appends one entry saying
  that a person of a cohort was erased, without saying who.
- :meth:`LifecycleChanges.strip_identifiers` keeps the records of students of
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

from mbprogram.exceptions import RefusedChangeError
from mbprogram.model.hiring import Employment, OutcomeRecord
from mbprogram.model.history import Change, record_path, student_path, under
from mbprogram.model.privacy import Privacy, classification
from mbprogram.model.scrubbing import KEEP, emptied, is_free_text, scrubbed
from mbprogram.model.students import Certificate, Student
from mbprogram.model.values import Stamp, StudentId
from mbprogram.register._core import RegisterCore, refuse

__all__ = ["ERASED", "STRIPPED", "LifecycleChanges", "holds_person"]

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


def _students_path(cohort_id: str) -> str:
    return f"{record_path(('cohorts', cohort_id))}.students"


class LifecycleChanges(RegisterCore):
    """Erasing a person on request, and stripping identifiers after a retention period."""

    __slots__ = ()

    def erase_person(self, student_id: StudentId, *, by: Stamp) -> None:
        """Erase a person: their student record, every record of theirs and their history.

        Removes the student (with their certificate), their employments and
        other outcome records, and every history entry about them: entries
        under their record path, their employments' and outcomes' paths, and
        any entry whose before/after snapshot holds a record of theirs. Then
        one entry is appended, action ``"person.erased"`` on the record
        ``cohorts[<their cohort>].students``, which records that one person
        of that cohort was erased without naming them (so counts in reports
        made earlier can be reconciled). The rest of the register is left as
        it was and stays valid.

        Raises:
            NotFoundError: if there is no such student.
            RefusedChangeError: if ``by`` is not a :class:`Stamp`.
        """
        student = self.student(student_id)
        _check_stamp(by, "erasing the person")
        sid = student.id
        employments = {e.id for e in self._employments.values() if e.person == sid}
        outcomes = {o.id for o in self._outcomes.values() if o.person == sid}
        for change in self._history:  # records of theirs known only from the history
            for snapshot in (change.before, change.after):
                if isinstance(snapshot, Employment) and snapshot.person == sid:
                    employments.add(snapshot.id)
                if isinstance(snapshot, OutcomeRecord) and snapshot.person == sid:
                    outcomes.add(snapshot.id)
        about = _about(sid, student.cohort, employments, outcomes)
        kept = [c for c in self._history if not about(c)]
        erasure = Change(stamp=by, action=ERASED, record=_students_path(student.cohort))
        # Nothing below can fail: the erasure is made whole or not at all.
        del self._students[sid]
        for eid in employments:
            self._employments.pop(eid, None)
        for oid in outcomes:
            self._outcomes.pop(oid, None)
        self._history = [*kept, erasure]

    def strip_identifiers(self, *, ended_before: dt.date, by: Stamp) -> tuple[StudentId, ...]:
        """Strip direct identifiers and free text of students of cohorts that ended before a date.

        For every student of a cohort whose period ended before ``ended_before``,
        in their records (the student record, their employments and other
        outcomes) and in every history entry about them: the name becomes
        ``"(fjernet)"``; national identity number and contact details become
        ``None``; the names of hiring-panel members are replaced the same way;
        free text (reasons, notes, feedback, descriptions, titles, the
        assignment's topic) is emptied (a required text becomes
        ``"(fjernet)"``). Ids, dates, hours, statuses, background, benefits and
        outcomes stay, so every anonymous statistic is unchanged.

        One history entry, action ``"identifiers.stripped"`` on
        ``cohorts[<id>].students``, is appended per cohort in which something
        changed. Stripping again changes nothing and records nothing.

        Returns:
            The ids of the students whose records or history changed.

        Raises:
            RefusedChangeError: if ``ended_before`` is not a date or ``by`` not a
                :class:`Stamp`, or if a stripped record would break a rule (the
                register is then left as it was).
        """
        action = "stripping identifiers"
        if not isinstance(ended_before, dt.date) or isinstance(ended_before, dt.datetime):
            raise refuse(action, "ended_before", "expected a date")
        _check_stamp(by, action)
        ended = [c.id for c in self._cohorts.values() if c.period.end < ended_before]
        students: dict[StudentId, Student] = {}
        employments: dict[str, Employment] = {}
        outcomes: dict[str, OutcomeRecord] = {}
        history = list(self._history)
        changed: dict[str, list[StudentId]] = {}
        for cohort_id in ended:
            for old in self.students_of(cohort_id):
                touched = self._strip_one(old, students, employments, outcomes, history)
                if touched:
                    changed.setdefault(cohort_id, []).append(old.id)
        problems = [p for s in students.values() for p in self._problems_of(s)]
        if problems:
            raise RefusedChangeError(problems, summary=f"{action} refused")
        # Nothing below can fail.
        self._students.update(students)
        self._employments.update(employments)
        self._outcomes.update(outcomes)
        history += [
            Change(stamp=by, action=STRIPPED, record=_students_path(cohort_id))
            for cohort_id in changed
        ]
        self._history = history
        return tuple(sid for ids in changed.values() for sid in ids)

    def _strip_one(
        self,
        old: Student,
        students: dict[StudentId, Student],
        employments: dict[str, Employment],
        outcomes: dict[str, OutcomeRecord],
        history: list[Change],
    ) -> bool:
        """Strip one student's records into the dicts and ``history``; whether any changed."""
        blank = _identifiers_and_free_text
        touched = False
        new = scrubbed(old, blank)
        if new is not old:
            students[old.id] = new
            touched = True
        for e in self.employments_of(old.id):
            stripped = scrubbed(e, blank)
            if stripped is not e:
                employments[e.id] = stripped
                touched = True
        for o in self._outcomes.values():
            if o.person == old.id and (stripped_o := scrubbed(o, blank)) is not o:
                outcomes[o.id] = stripped_o
                touched = True
        mine = {e.id for e in self.employments_of(old.id)}
        theirs = {o.id for o in self._outcomes.values() if o.person == old.id}
        about = _about(old.id, old.cohort, mine, theirs)
        for i, change in enumerate(history):
            if not about(change):
                continue
            before, after = scrubbed(change.before, blank), scrubbed(change.after, blank)
            if before is not change.before or after is not change.after:
                history[i] = attrs.evolve(change, before=before, after=after)
                touched = True
        return touched


def _check_stamp(by: object, action: str) -> None:
    if not isinstance(by, Stamp):
        raise refuse(action, "by", f"expected a Stamp (who and when), got {type(by).__name__}")


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
            any(under(change.record, p) for p in prefixes)
            or holds_person(change.before, sid)
            or holds_person(change.after, sid)
        )

    return is_about
