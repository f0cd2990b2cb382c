"""Students, their enrolment status history, and the certificate they graduate with."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.assignment import FinalAssignment
from mbprogram.model.attendance import Attendance, MakeUp
from mbprogram.model.codes import RuleCode
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.literature import Literature
from mbprogram.model.placements import Placement
from mbprogram.model.privacy import DIRECT_IDENTIFIER, SENSITIVE
from mbprogram.model.values import CohortId, StudentId

__all__ = [
    "TRANSITIONS",
    "Background",
    "Certificate",
    "Contact",
    "Status",
    "StatusChange",
    "Student",
]


class Status(enum.StrEnum):
    """A student's enrolment status."""

    APPLICANT = "applicant"
    ADMITTED = "admitted"
    ACTIVE = "active"
    ON_LEAVE = "on-leave"
    WITHDRAWN = "withdrawn"
    GRADUATED = "graduated"


#: The allowed status changes: applicant → admitted → active ⇄ on leave →
#: withdrawn | graduated. ``None`` is a student not yet in the register.
TRANSITIONS: Final[Mapping[Status | None, frozenset[Status]]] = MappingProxyType(
    {
        None: frozenset({Status.APPLICANT, Status.ADMITTED, Status.ACTIVE}),
        Status.APPLICANT: frozenset({Status.ADMITTED, Status.WITHDRAWN}),
        Status.ADMITTED: frozenset({Status.ACTIVE, Status.WITHDRAWN}),
        Status.ACTIVE: frozenset({Status.ON_LEAVE, Status.WITHDRAWN, Status.GRADUATED}),
        Status.ON_LEAVE: frozenset({Status.ACTIVE, Status.WITHDRAWN}),
        Status.WITHDRAWN: frozenset(),
        Status.GRADUATED: frozenset(),
    }
)

#: The session of an attendance mark.
_SESSION: Final = operator.attrgetter("session")

#: Statuses after which a student's records are closed to new entries.
CLOSED: Final = frozenset({Status.WITHDRAWN, Status.GRADUATED})


@attrs.frozen(kw_only=True)
class StatusChange:
    """A change of enrolment status on a day, with an optional private reason."""

    status: Status = attrs.field(validator=v.in_enum(Status))
    on: dt.date = attrs.field(validator=v.a_date())
    reason: str = attrs.field(
        default="",
        validator=v.text(max_length=2_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen(kw_only=True)
class Background:
    """Lived-experience background: own and/or a relative's; mental health and/or substance use.

    Special-category health data: never shown in ``repr`` or messages.
    """

    own: bool = attrs.field(validator=v.instance(bool), repr=False, metadata=SENSITIVE)
    relative: bool = attrs.field(validator=v.instance(bool), repr=False, metadata=SENSITIVE)
    mental_health: bool = attrs.field(validator=v.instance(bool), repr=False, metadata=SENSITIVE)
    substance_use: bool = attrs.field(validator=v.instance(bool), repr=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not (self.own or self.relative):
            problems.append(Problem.of("own", "problems.student.own"))
        if not (self.mental_health or self.substance_use):
            problems.append(Problem.of("mental_health", "problems.student.experience"))
        if problems:
            raise InvalidValueError(problems)


@attrs.frozen(kw_only=True)
class Contact:
    """How to reach a student. Direct identifiers: never shown in ``repr`` or messages."""

    email: str = attrs.field(
        default="",
        validator=v.text(max_length=320, allow_empty=True),
        repr=False,
        metadata=DIRECT_IDENTIFIER,
    )
    phone: str = attrs.field(
        default="",
        validator=v.text(max_length=40, allow_empty=True),
        repr=False,
        metadata=DIRECT_IDENTIFIER,
    )


@attrs.frozen(kw_only=True)
class Certificate:
    """The certificate (kursbevis) issued on graduation."""

    id: str = attrs.field(validator=v.record_id())
    student: StudentId = attrs.field(validator=v.record_id())
    cohort: CohortId = attrs.field(validator=v.record_id())
    programme: str = attrs.field(validator=v.text(max_length=200))
    issued_on: dt.date = attrs.field(validator=v.a_date())


@attrs.frozen(kw_only=True)
class Student:
    """A student of one cohort with every record of their progress.

    Records are immutable snapshots: the :class:`~mbprogram.Register` replaces a
    student's snapshot when something is recorded, and keeps the change in its
    history. Build a new student with an id, cohort, name and the optional
    personal details; the register fills in the rest through its methods.

    Attributes:
        id: opaque id (not the national identity number).
        cohort: the cohort's id.
        name: the student's name (direct identifier).
        national_id: optional national identity number (direct identifier).
        contact: optional contact details (direct identifiers).
        background: optional lived-experience background (sensitive).
        notes: free-text notes (sensitive).
        status_history: enrolment status changes, oldest first.
        attendance: one mark per session attended or missed.
        makeups: approved make-up work.
        placements: practice placements.
        literature: the reading log and its sign-off.
        assignment: the final assignment, once started.
        certificate: the certificate, once graduated.
    """

    id: StudentId = attrs.field(validator=v.record_id())
    cohort: CohortId = attrs.field(validator=v.record_id())
    name: str = attrs.field(
        validator=v.text(max_length=200), repr=False, metadata=DIRECT_IDENTIFIER
    )
    national_id: NationalIdNumber | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(NationalIdNumber)),
        repr=False,
        metadata=DIRECT_IDENTIFIER,
    )
    contact: Contact | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(Contact)),
        repr=False,
        metadata=DIRECT_IDENTIFIER,
    )
    background: Background | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(Background)),
        repr=False,
        metadata=SENSITIVE,
    )
    notes: str = attrs.field(
        default="",
        validator=v.text(max_length=20_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )
    status_history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(StatusChange)
    )
    attendance: tuple[Attendance, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Attendance)
    )
    makeups: tuple[MakeUp, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(MakeUp)
    )
    placements: tuple[Placement, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Placement)
    )
    literature: Literature = attrs.field(factory=Literature, validator=v.instance(Literature))
    assignment: FinalAssignment | None = attrs.field(
        default=None, validator=v.optional(v.instance(FinalAssignment))
    )
    certificate: Certificate | None = attrs.field(
        default=None, validator=v.optional(v.instance(Certificate))
    )

    def __attrs_post_init__(self) -> None:
        problems = status_history_problems(self.status_history)
        attendance = self.attendance
        if len(set(map(_SESSION, attendance))) != len(attendance):  # one marked twice: which?
            problems += [
                Problem.of(
                    f"attendance[{i}].session",
                    "problems.student.marked_twice",
                    session=repr(session),
                )
                for i, session in v.repeats(map(_SESSION, attendance))
            ]
        if len(self.makeups) > 1:  # one alone has no twin
            problems += v.unique_ids(self.makeups, "make-up", "makeups")
        if len(self.placements) > 1:
            problems += v.unique_ids(self.placements, "placement", "placements")
        if problems:
            raise InvalidValueError(problems)

    @functools.cached_property
    def derived(self) -> dict[str, object]:
        """Values the rules derive from this record and keep with it (``mbprogram.rules.ledger``).

        Not part of the record: never compared, hashed, copied or saved. A student
        is immutable, so what is derived from it stays true; a changed student is
        a new record with an empty memo.
        """
        return {}

    @property
    def status(self) -> Status | None:
        """The latest status, or ``None`` before any status was recorded."""
        return self.status_history[-1].status if self.status_history else None

    def status_on(self, day: dt.date) -> Status | None:
        """The status in force on ``day`` (the latest change on or before it)."""
        current = None
        for change in self.status_history:
            if change.on > day:
                break
            current = change.status
        return current

    @property
    def enrolled_on(self) -> dt.date | None:
        """The first day the student was active, or ``None`` if never."""
        for change in self.status_history:
            if change.status is Status.ACTIVE:
                return change.on
        return None

    @property
    def withdrawn_on(self) -> dt.date | None:
        """The day the student withdrew, or ``None``."""
        last = self.status_history[-1] if self.status_history else None
        return last.on if last is not None and last.status is Status.WITHDRAWN else None

    def placement(self, placement_id: str) -> Placement | None:
        """The placement with ``placement_id``, or ``None``."""
        return next((p for p in self.placements if p.id == placement_id), None)


def status_history_problems(history: tuple[StatusChange, ...]) -> list[Problem]:
    """Problems with a status history: disallowed transitions or dates going back."""
    if len(history) == 1 and history[0].status in TRANSITIONS[None]:
        return []  # the usual history of one change: no date before it to go back to
    problems = []
    previous: StatusChange | None = None
    for i, change in enumerate(history):
        before = previous.status if previous else None
        if change.status not in TRANSITIONS[before]:
            allowed = ", ".join(sorted(s.value for s in TRANSITIONS[before])) or "none"
            problems.append(
                Problem.of(
                    f"status_history[{i}].status",
                    "problems.student.transition",
                    RuleCode.STATUS_TRANSITION_NOT_ALLOWED,
                    before=before.value if before else "new",
                    after=change.status.value,
                    allowed=allowed,
                )
            )
        if previous is not None and change.on < previous.on:
            problems.append(
                Problem.of(
                    f"status_history[{i}].on",
                    "problems.student.change_before",
                    RuleCode.STATUS_TRANSITION_NOT_ALLOWED,
                    on=change.on,
                    previous=previous.on,
                )
            )
        previous = change
    return problems
