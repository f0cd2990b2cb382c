"""Placing students in practice and following their placements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from mbprogram.model.history import Action, student_path
from mbprogram.model.placements import (
    AssessmentStage,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
)
from mbprogram.model.values import DateRange, PlacementId, Stamp, StudentId
from mbprogram.register.changes.students import open_student
from mbprogram.register.commit import (
    Edit,
    Entry,
    build,
    checked_date,
    checked_id,
    commit,
    refuse,
)
from mbprogram.register.state import RegisterState

__all__ = [
    "assess_placement",
    "cancel_placement_absence",
    "end_placement_early",
    "place",
    "record_placement_absence",
]


def place(
    state: RegisterState, student_id: StudentId, placement: Placement, *, by: Stamp
) -> RegisterState:
    """Place a student at a host unit for a period on some weekdays (the unit's capacity holds)."""
    what = "placing the student"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id)
    if not isinstance(placement, Placement):
        raise refuse(what, path.child("placements"), "refusals.expected_placement")
    where = path.child(("placements", placement.id))
    new = build(path, what, attrs.evolve, student, placements=(*student.placements, placement))
    entry = Entry(Action.PLACEMENT_REGISTERED, where)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def record_placement_absence(
    state: RegisterState,
    student_id: StudentId,
    placement_id: PlacementId,
    *,
    day: dt.date,
    reason: str = "",
    by: Stamp,
) -> RegisterState:
    """Record a practice day the student was away; the reason is kept private."""
    what = "recording the absence"
    absence = build("absence", what, PlacementAbsence, day=day, reason=reason)
    return _replace_placement(
        state,
        student_id,
        placement_id,
        what,
        Action.PLACEMENT_ABSENCE_RECORDED,
        "absences",
        lambda p: {"absences": (*p.absences, absence)},
        by,
    )


def cancel_placement_absence(
    state: RegisterState,
    student_id: StudentId,
    placement_id: PlacementId,
    *,
    day: dt.date,
    by: Stamp,
) -> RegisterState:
    """Remove a recorded absence that was wrong; the history keeps it."""
    what = "cancelling the absence"
    student = open_student(state, student_id, what)
    here = student_path(student.cohort, student.id).child("placements")
    placement_id = checked_id(what, here, "placement", placement_id)
    day = checked_date(what, here.parent.child(("placements", placement_id), "absences"), day)
    old = student.placement(placement_id)
    found = next((a for a in old.absences if a.day == day), None) if old else None
    if old is not None and found is None:
        raise refuse(
            what,
            student_path(student.cohort, student.id).child(
                ("placements", placement_id), "absences"
            ),
            "refusals.no_absence",
            day=day,
        )
    return _replace_placement(
        state,
        student_id,
        placement_id,
        what,
        Action.PLACEMENT_ABSENCE_CANCELLED,
        "absences",
        lambda p: {"absences": tuple(a for a in p.absences if a.day != day)},
        by,
    )


def assess_placement(
    state: RegisterState,
    student_id: StudentId,
    placement_id: PlacementId,
    stage: AssessmentStage,
    assessment: PlacementAssessment,
    *,
    by: Stamp,
) -> RegisterState:
    """Record the supervisor's midway or final assessment (each stage once)."""
    if stage not in list(AssessmentStage):
        raise refuse("recording the assessment", "stage", "refusals.stage")
    stage = AssessmentStage(stage)  # a plain "midway" would not be `is` MIDWAY
    what = f"recording the {stage.value} assessment"
    student = open_student(state, student_id, what)
    placement_id = checked_id(
        what,
        student_path(student.cohort, student.id).child("placements"),
        "placement",
        placement_id,
    )
    old = student.placement(placement_id)
    if old is not None and old.assessment(stage) is not None:
        raise refuse(
            what,
            student_path(student.cohort, student.id).child(
                ("placements", placement_id), stage.value
            ),
            "refusals.assessed_already",
        )
    return _replace_placement(
        state,
        student_id,
        placement_id,
        what,
        Action(f"placement.{stage.value}-assessed"),
        stage.value,
        lambda p: {stage.value: assessment},
        by,
    )


def end_placement_early(
    state: RegisterState,
    student_id: StudentId,
    placement_id: PlacementId,
    *,
    last_day: dt.date,
    by: Stamp,
) -> RegisterState:
    """Shorten a placement so that it ends on ``last_day`` (a day within it)."""
    what = "ending the placement early"
    student = open_student(state, student_id, what)
    here = student_path(student.cohort, student.id).child("placements")
    placement_id = checked_id(what, here, "placement", placement_id)
    where = here.parent.child(("placements", placement_id), "period")
    last_day = checked_date(what, where, last_day)
    old = student.placement(placement_id)
    if old is not None and last_day not in old.period:
        raise refuse(
            what,
            where,
            "refusals.not_within_placement",
            day=last_day,
            start=old.period.start,
            end=old.period.end,
        )
    return _replace_placement(
        state,
        student_id,
        placement_id,
        what,
        Action.PLACEMENT_ENDED_EARLY,
        "period",
        lambda p: {"period": DateRange(p.period.start, last_day)},
        by,
    )


def _replace_placement(
    state: RegisterState,
    student_id: StudentId,
    placement_id: PlacementId,
    what: str,
    action: Action,
    field: str,
    changes: Callable[[Placement], dict[str, Any]],
    by: Stamp,
) -> RegisterState:
    student = open_student(state, student_id, what)
    placement_id = checked_id(
        what,
        student_path(student.cohort, student.id).child("placements"),
        "placement",
        placement_id,
    )
    path = student_path(student.cohort, student.id).child(("placements", placement_id))
    old = student.placement(placement_id)
    if old is None:
        raise refuse(what, path, "refusals.no_placement", placement=repr(placement_id))
    new_placement: Placement = build(path, what, attrs.evolve, old, **changes(old))
    placements = tuple(new_placement if p.id == placement_id else p for p in student.placements)
    new = attrs.evolve(student, placements=placements)
    entry = Entry(action, path.child(field))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)
