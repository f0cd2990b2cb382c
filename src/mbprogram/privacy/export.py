"""The pseudonymised copy of a register, for analysis.

:func:`pseudonymise` gives a :class:`~mbprogram.Register` that every report
works on unchanged, with no names, identity numbers, contact details or free
text, and with every id that belongs to one person replaced by a keyed
pseudonym (:class:`~mbprogram.privacy.pseudonyms.Pseudonyms`). With
``coarsen_dates=True`` it gives the monthly
:class:`~mbprogram.privacy.dataset.AnalysisDataset` instead. ``docs/privacy.md``
says what is kept and why.
"""

from __future__ import annotations

from typing import Any, Final, Literal, overload

import attrs

from mbprogram.model.assignment import AssignmentAssessment, FinalAssignment
from mbprogram.model.attendance import MakeUp
from mbprogram.model.hiring import Employment, OutcomeRecord
from mbprogram.model.literature import Reading, SignOff
from mbprogram.model.placements import Placement, PlacementAssessment
from mbprogram.model.privacy import Privacy, classification
from mbprogram.model.scrubbing import KEEP, REMOVED, Blank, emptied, is_free_text, scrubbed
from mbprogram.model.students import Student
from mbprogram.privacy.dataset import AnalysisDataset
from mbprogram.privacy.pseudonyms import Pseudonyms
from mbprogram.register.aggregate import Register

__all__ = ["ANONYMOUS", "REMOVED", "pseudonymise"]

#: What the name of a member of staff or of a hiring panel reads in an export.
ANONYMOUS: Final = "(anonym)"

#: Names of other people (staff) held in a student's records: ordinary fields
#: inside the register, but not needed for analysis.
_STAFF: Final = frozenset(
    {
        (Placement, "supervisor"),
        (PlacementAssessment, "assessor"),
        (MakeUp, "approver"),
        (SignOff, "by"),
        (FinalAssignment, "supervisor"),
        (AssignmentAssessment, "assessor"),
    }
)
#: Other ordinary text dropped from an export.
_DROPPED_TEXT: Final = frozenset({(Reading, "title")})


def _for_export(*, keep_background: bool) -> Blank:
    """The ``blank`` function of :func:`~mbprogram.model.scrubbing.scrubbed` for exports."""

    def blank(cls: type, attribute: attrs.Attribute[Any], value: object) -> object:
        if (cls, attribute.name) in _STAFF:
            return ANONYMOUS
        if (cls, attribute.name) in _DROPPED_TEXT:
            return REMOVED
        if cls is Student and attribute.name == "background":
            return value if keep_background else None
        privacy = classification(cls)[attribute.name]
        if privacy is Privacy.DIRECT_IDENTIFIER and attribute.default is attrs.NOTHING:
            return (
                ANONYMOUS  # a required name: a panel member's (a student's becomes the pseudonym)
            )
        if privacy is Privacy.DIRECT_IDENTIFIER or (
            privacy is Privacy.SENSITIVE and is_free_text(value)
        ):
            return emptied(attribute, value)
        return KEEP

    return blank


def _student(student: Student, names: Pseudonyms, blank: Blank) -> Student:
    sid = student.id
    pid = names.student(sid)
    bare: Student = scrubbed(student, blank)
    certificate = bare.certificate
    if certificate is not None:
        certificate = attrs.evolve(certificate, id=names.certificate(certificate.id), student=pid)
    return attrs.evolve(
        bare,
        id=pid,
        name=pid,
        placements=tuple(attrs.evolve(p, id=names.placement(sid, p.id)) for p in bare.placements),
        makeups=tuple(attrs.evolve(m, id=names.makeup(sid, m.id)) for m in bare.makeups),
        certificate=certificate,
    )


def _employment(employment: Employment, names: Pseudonyms, blank: Blank) -> Employment:
    bare: Employment = scrubbed(employment, blank)
    return attrs.evolve(bare, id=names.employment(bare.id), person=names.student(bare.person))


def _outcome(outcome: OutcomeRecord, names: Pseudonyms, blank: Blank) -> OutcomeRecord:
    bare: OutcomeRecord = scrubbed(outcome, blank)
    return attrs.evolve(bare, id=names.outcome(bare.id), person=names.student(bare.person))


def _pseudonymised_register(
    register: Register, names: Pseudonyms, *, keep_background: bool
) -> Register:
    blank = _for_export(keep_background=keep_background)
    # Records are ordered by pseudonym: the register's order (often the class list)
    # would line up exports made under different keys, and position alone re-identifies.
    # (a person's own employments and outcomes keep their order: it breaks ties between
    # outcomes recorded for the same day)
    students = [_student(s, names, blank) for s in register.students.values()]
    employments = [_employment(e, names, blank) for e in register.employments.values()]
    outcomes = [_outcome(o, names, blank) for o in register.outcomes.values()]
    return Register.from_records(
        cohorts=register.cohorts.values(),
        students=sorted(students, key=lambda s: s.id),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=sorted(employments, key=lambda e: e.person),
        outcomes=sorted(outcomes, key=lambda o: o.person),
        history=(),
        allow_synthetic_ids=register.allow_synthetic_ids,
    )


@overload
def pseudonymise(
    register: Register,
    key: bytes,
    *,
    coarsen_dates: Literal[False] = False,
    keep_background: bool = False,
) -> Register: ...


@overload
def pseudonymise(
    register: Register,
    key: bytes,
    *,
    coarsen_dates: Literal[True],
    keep_background: bool = False,
) -> AnalysisDataset: ...


@overload
def pseudonymise(
    register: Register, key: bytes, *, coarsen_dates: bool, keep_background: bool = False
) -> Register | AnalysisDataset: ...


def pseudonymise(
    register: Register, key: bytes, *, coarsen_dates: bool = False, keep_background: bool = False
) -> Register | AnalysisDataset:
    """A pseudonymised copy of ``register`` for analysis.

    Dropped: names, national identity numbers and contact details; every free
    text (reasons, notes, feedback, descriptions, titles, the assignment's
    topic); the names of supervisors, assessors, approvers, signers and panel
    members (they are people too); the history of changes (its snapshots are
    full copies of the records, and its stamps name coordinators); and the
    lived-experience background unless ``keep_background=True``. Kept:
    cohorts, sessions, host units and budget pots (no personal data), every
    date, hour, status, verdict and outcome, and benefits beside a salary
    (the AAP warning and the benefit figures need them).

    Replaced by keyed pseudonyms (:class:`Pseudonyms`): student ids (the
    student's name becomes their pseudonym too), and the ids of certificates,
    employments, outcome records, placements and make-up work, which often
    embed a student id.

    Args:
        register: the register to export (it is not changed).
        key: the secret key, at least 16 bytes. Keep it, apart from the export,
            to link later exports to this one; use another key for exports that
            must not be linkable.
        coarsen_dates: ``False`` (the default) gives a :class:`Register` on
            which every report works unchanged and gives the same figures.
            ``True`` gives an :class:`AnalysisDataset` of flat rows with
            every date coarsened to its month (a register cannot hold
            month-dates: holidays, capacity and order rules need days).
        keep_background: keep the students' lived-experience background
            (special-category health data; dropped unless asked for).

    Raises:
        InvalidValueError: if the key is not bytes of at least 16 bytes.
    """
    names = Pseudonyms(key)
    if coarsen_dates:
        return AnalysisDataset.from_register(register, names, keep_background=keep_background)
    return _pseudonymised_register(register, names, keep_background=keep_background)
