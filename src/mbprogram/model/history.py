"""The history of changes: who changed which record, when, and the record before and after.

Every change the register accepts appends one :class:`Change` per record it
touches. An entry names its :class:`Action` (one enumerated list, each action
with the kind of record it carries), the path of the whole record
(``cohorts[K2026].students[S-01]``), the part of it that changed
(``attendance[SES-03]``, or nothing for the record as a whole) and the whole
record as it was before and as it became, so that the register at any moment
can be rebuilt from the history alone (``docs/format.md``, "History").

Each entry is sealed: its ``chain`` value is the SHA-256 of the previous
entry's chain value and the canonical bytes of its own content
(:func:`seal`), so that editing, removing or reordering an entry shows.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.canonical import canonical_bytes
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.placements import HostUnit
from mbprogram.model.students import Student
from mbprogram.model.values import Stamp
from mbprogram.paths import Part, RecordPath, unparsed_reason

__all__ = [
    "GENESIS",
    "Action",
    "Change",
    "HistoryRecord",
    "item_index",
    "part_of",
    "record_path",
    "record_path_of",
    "seal",
    "seal_content",
    "split_path",
    "student_path",
]

#: A record the history carries whole: one of the register's six kinds.
HistoryRecord = Cohort | Student | HostUnit | BudgetPot | Employment | OutcomeRecord

#: The chain value before the first entry.
GENESIS: Final = ""

_CHAIN: Final = re.compile(r"[0-9a-f]{64}")


class Action(enum.StrEnum):
    """What a history entry records; :attr:`kind` is the kind of record it carries.

    ``docs/format.md`` lists every action with its kind.
    """

    COHORT_OPENED = "cohort.opened"
    COHORT_PLACES_CHANGED = "cohort.places-changed"
    SESSION_SCHEDULED = "session.scheduled"
    SESSION_CORRECTED = "session.corrected"
    SESSION_CANCELLED = "session.cancelled"
    HOST_UNIT_ADDED = "host-unit.added"
    HOST_UNIT_CAPACITY_CHANGED = "host-unit.capacity-changed"
    HOST_UNIT_CORRECTED = "host-unit.corrected"
    STUDENT_APPLIED = "student.applied"
    STUDENT_ADMITTED = "student.admitted"
    STUDENT_ENROLLED = "student.enrolled"
    STUDENT_ON_LEAVE = "student.on-leave"
    STUDENT_RESUMED = "student.resumed"
    STUDENT_WITHDRAWN = "student.withdrawn"
    STUDENT_GRADUATED = "student.graduated"
    STUDENT_DETAILS_CORRECTED = "student.details-corrected"
    ATTENDANCE_RECORDED = "attendance.recorded"
    ATTENDANCE_CORRECTED = "attendance.corrected"
    MAKEUP_APPROVED = "makeup.approved"
    LITERATURE_READ = "literature.read"
    LITERATURE_SIGNED_OFF = "literature.signed-off"
    ASSIGNMENT_STARTED = "assignment.started"
    ASSIGNMENT_SUBMITTED = "assignment.submitted"
    ASSIGNMENT_ASSESSED = "assignment.assessed"
    PLACEMENT_REGISTERED = "placement.registered"
    PLACEMENT_ABSENCE_RECORDED = "placement.absence-recorded"
    PLACEMENT_ABSENCE_CANCELLED = "placement.absence-cancelled"
    PLACEMENT_MIDWAY_ASSESSED = "placement.midway-assessed"
    PLACEMENT_FINAL_ASSESSED = "placement.final-assessed"
    PLACEMENT_ENDED_EARLY = "placement.ended-early"
    BUDGET_POT_ADDED = "budget-pot.added"
    BUDGET_POT_CAPACITY_CHANGED = "budget-pot.capacity-changed"
    EMPLOYMENT_HIRED = "employment.hired"
    EMPLOYMENT_ENDED = "employment.ended"
    EMPLOYMENT_EXTENDED = "employment.extended"
    EMPLOYMENT_MADE_PERMANENT = "employment.made-permanent"
    EMPLOYMENT_END_CONFIRMED = "employment.end-confirmed"
    EMPLOYMENT_AMENDED = "employment.amended"
    OUTCOME_RECORDED = "outcome.recorded"
    #: A record held by an ``mbprogram/1`` document whose history does not say how it was
    #: made: it is known, as it was then, from the start of the migrated history.
    COHORT_ADOPTED = "cohort.adopted"
    STUDENT_ADOPTED = "student.adopted"
    HOST_UNIT_ADOPTED = "host-unit.adopted"
    BUDGET_POT_ADOPTED = "budget-pot.adopted"
    EMPLOYMENT_ADOPTED = "employment.adopted"
    OUTCOME_ADOPTED = "outcome.adopted"
    #: A person was erased (no record, no name: ``record`` is their cohort).
    PERSON_ERASED = "person.erased"
    #: Identifiers were stripped from a cohort's students after retention.
    IDENTIFIERS_STRIPPED = "identifiers.stripped"

    @property
    def kind(self) -> type | None:
        """The kind of record the entry carries before and after (None: it carries none)."""
        return ACTION_KINDS[self]


def _kind_of(action: Action) -> type | None:
    area = action.value.split(".", 1)[0]
    return _AREA_KINDS[area]


_AREA_KINDS: Final[Mapping[str, type | None]] = MappingProxyType(
    {
        "cohort": Cohort,
        "session": Cohort,
        "host-unit": HostUnit,
        "student": Student,
        "attendance": Student,
        "makeup": Student,
        "literature": Student,
        "assignment": Student,
        "placement": Student,
        "budget-pot": BudgetPot,
        "employment": Employment,
        "outcome": OutcomeRecord,
        "person": None,
        "identifiers": None,
    }
)

#: Every action and the kind of record it carries (None for erasure and stripping).
ACTION_KINDS: Final[Mapping[Action, type | None]] = MappingProxyType(
    {action: _kind_of(action) for action in Action}
)

#: The first segment of the path of a record of each kind (a student's comes second).
TABLE_NAMES: Final[Mapping[type, str]] = MappingProxyType(
    {
        Cohort: "cohorts",
        Student: "students",
        HostUnit: "host_units",
        BudgetPot: "budget_pots",
        Employment: "employments",
        OutcomeRecord: "outcomes",
    }
)


def _as_path(value: object) -> object:
    """A record path from a RecordPath or its text; anything else is left to the validator."""
    if isinstance(value, RecordPath) or not isinstance(value, str):
        return value
    try:
        return RecordPath.parse(value)
    except ValueError as e:
        raise InvalidValueError.at(
            "record", "refusals.record_path", reason=unparsed_reason(e)
        ) from None


def _as_action(value: object) -> object:
    if isinstance(value, Action) or not isinstance(value, str):
        return value
    try:
        return Action(value)
    except ValueError:
        raise InvalidValueError.at("action", "records.history.action") from None


def split_path(path: RecordPath) -> tuple[RecordPath, RecordPath]:
    """The path of the whole record ``path`` lies in, and the part of it that ``path`` names.

    >>> split_path(RecordPath.parse("cohorts[K1].students[S-01].attendance[SES-03]"))
    ('cohorts[K1].students[S-01]', 'attendance[SES-03]')
    >>> split_path(RecordPath.parse("host_units[U1].capacity"))
    ('host_units[U1]', 'capacity')
    """
    segments = path.segments
    n = 1
    if len(segments) > 1 and segments[0].name == "cohorts" and segments[1].key is not None:
        n = 2 if segments[1].name == "students" else 1
    return RecordPath(segments[:n]), RecordPath(segments[n:])


def item_index(items: tuple[Any, ...], key: str) -> int | None:
    """The position of the item a path's key names in a list of a record: by id, by
    session (attendance), or by number counting from 1 (submissions, assessments)."""
    for i, item in enumerate(items):
        if key in (getattr(item, "id", None), getattr(item, "session", None)):
            return i
    if key.isdigit() and 1 <= int(key) <= len(items):
        return int(key) - 1
    return None


def part_of(record: object, part: RecordPath) -> object:
    """What ``part`` names inside ``record`` (a field, or a list's item), or None if nothing.

    >>> from mbprogram.model.hiring import BudgetPot
    >>> part_of(BudgetPot(id="P", name="Pott", capacity=2), RecordPath.parse("capacity"))
    2
    """
    value = record
    for segment in part.segments:
        if value is None or not attrs.has(type(value)):
            return None
        value = getattr(value, segment.name, None)
        if segment.key is not None:
            if not isinstance(value, tuple):
                return None
            i = item_index(value, segment.key)
            value = None if i is None else value[i]
    return value


def record_path_of(record: HistoryRecord) -> RecordPath:
    """The path of a whole record: ``cohorts[K1]``, ``cohorts[K1].students[S-01]``, ``…``."""
    if isinstance(record, Student):
        return student_path(record.cohort, record.id)
    return RecordPath.of((TABLE_NAMES[type(record)], record.id))


def _check_states(change: Change, attribute: attrs.Attribute[Any], after: object) -> None:
    """The states are records of the action's kind (or none), at the entry's record path."""
    kind = change.action.kind
    for name, state in (("before", change.before), ("after", after)):
        if state is None:
            continue
        if kind is None or not isinstance(state, kind):
            wanted = (
                Phrase("records.history.no_record")
                if kind is None
                else Phrase("records.history.kind_or_none", kind=kind.__name__)
            )
            raise InvalidValueError.at(
                name,
                "records.history.carries",
                action=change.action.value,
                wanted=wanted,
                got=type(state).__name__,
            )
        if record_path_of(typing.cast("HistoryRecord", state)) != change.record:
            raise InvalidValueError.at(name, "records.history.other_id")
    if kind is not None and change.before is None and after is None:
        raise InvalidValueError.at("after", "records.history.before_or_after")


@attrs.frozen(kw_only=True)
class Change:
    """One accepted change to one record.

    Attributes:
        stamp: who made the change and when.
        action: what was done (an :class:`Action`; its text is read as one).
        record: the path of the whole record changed (text is read as a path).
        part: the part of the record that changed, relative to ``record`` (empty for
            the record as a whole).
        before: the whole record as it was (``None`` when it was created).
        after: the whole record as it became (``None`` when it was removed).
        chain: the entry's seal (:func:`seal`): 64 hexadecimal digits, or empty if unsealed.
    """

    stamp: Stamp = attrs.field(validator=v.instance(Stamp))
    action: Action = attrs.field(converter=_as_action, validator=v.instance(Action))
    record: RecordPath = attrs.field(
        converter=_as_path, validator=[v.instance(RecordPath), v.text(max_length=1_000)]
    )
    part: RecordPath = attrs.field(
        default=RecordPath(),
        converter=_as_path,
        validator=[v.instance(RecordPath), v.text(max_length=1_000, allow_empty=True)],
    )
    before: HistoryRecord | None = attrs.field(default=None, repr=False)
    after: HistoryRecord | None = attrs.field(default=None, repr=False, validator=_check_states)
    chain: str = attrs.field(default=GENESIS, repr=False)

    @chain.validator
    def _check_chain(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or (value and not _CHAIN.fullmatch(value)):
            raise InvalidValueError.at("chain", "records.history.chain")

    @property
    def actor(self) -> str:
        """Who made the change."""
        return self.stamp.actor

    @property
    def at(self) -> dt.datetime:
        """When the change was made."""
        return self.stamp.at

    @property
    def path(self) -> RecordPath:
        """The full path of what changed: the record's path followed by the part."""
        return self.record.then(self.part)

    def content(self) -> bytes:
        """The canonical bytes of everything the entry says except its seal."""
        return self._content

    @functools.cached_property
    def _content(self) -> bytes:
        # made once per entry (an entry is immutable); never compared, hashed or saved
        return canonical_bytes(
            (
                self.stamp.actor,
                self.stamp.at,
                self.action,
                self.record,
                self.part,
                self.before,
                self.after,
            )
        )

    def sealed(self, previous: str) -> Change:
        """This entry sealed after an entry whose chain value is ``previous``."""
        content = self.content()
        value = seal_content(previous, content)
        if value == self.chain:
            return self
        sealed = attrs.evolve(self, chain=value)
        object.__setattr__(sealed, "_content", content)  # the seal is not in the content
        return sealed


def seal(previous: str, change: Change) -> str:
    """The chain value of ``change`` after an entry whose chain value is ``previous``.

    ``SHA-256(previous as ASCII, a newline, the entry's canonical content)`` in
    lowercase hexadecimal; the first entry's ``previous`` is :data:`GENESIS` (empty).
    """
    return seal_content(previous, change.content())


def seal_content(previous: str, content: bytes) -> str:
    """The chain value of an entry whose canonical content is ``content`` (:meth:`Change.content`),
    after an entry whose chain value is ``previous``: what :func:`seal` computes."""
    import hashlib  # noqa: PLC0415 - a report that reads no history does not load OpenSSL

    digest = hashlib.sha256(previous.encode("ascii"))
    digest.update(b"\n")
    digest.update(content)
    return digest.hexdigest()


def record_path(*parts: Part) -> RecordPath:
    """Build a record path: ``record_path(("cohorts", "K1"), ("students", "S1"))``.

    A plain string part is a field name; a pair is a collection and an id.
    """
    return RecordPath.of(*parts)


def student_path(cohort: str, student: str) -> RecordPath:
    """The record path of a student: ``cohorts[<cohort>].students[<student>]``."""
    return RecordPath.of(("cohorts", cohort), ("students", student))
