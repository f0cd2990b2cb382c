"""Register changes to practice placements, and the occupancy of host units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from mbprogram.model import validators as v
from mbprogram.model.history import student_path
from mbprogram.model.placements import (
    AssessmentStage,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
)
from mbprogram.model.students import Student
from mbprogram.model.values import DateRange, HostUnitId, PlacementId, Stamp, StudentId
from mbprogram.register._core import RegisterCore, build, refuse
from mbprogram.rules.occupancy import daily_counts, occupied_days, overbooked, placements_at

__all__ = ["PlacementChanges"]


class PlacementChanges(RegisterCore):
    """Placing students in practice and following their placements."""

    __slots__ = ()

    # -- occupancy -------------------------------------------------------------------

    def placements_at(self, unit_id: HostUnitId) -> Iterator[tuple[Student, Placement, DateRange]]:
        """Every placement at a unit with the days it takes a place.

        See :func:`~mbprogram.rules.occupancy.placements_at`.
        """
        return placements_at(self._students.values(), unit_id)

    def occupied_days(
        self, unit_id: HostUnitId, *, except_student: StudentId | None = None
    ) -> list[DateRange]:
        """The days each student takes a place at a unit, one list entry per run of days.

        See :func:`~mbprogram.rules.occupancy.occupied_days`.
        """
        return occupied_days(self._students.values(), unit_id, except_student=except_student)

    def occupancy(self, unit_id: HostUnitId, within: DateRange) -> list[tuple[DateRange, int]]:
        """How many students are in practice at a unit, as runs of days inside ``within``.

        Raises:
            InvalidValueError: if ``within`` is not a DateRange.
            NotFoundError: if there is no such unit.
        """
        v.check_instance(within, DateRange, "within", "a DateRange")
        self.host_unit(unit_id)
        return list(daily_counts(self.occupied_days(unit_id), within))

    # -- changes -------------------------------------------------------------------------

    def place(self, student_id: StudentId, placement: Placement, *, by: Stamp) -> None:
        """Place a student at a host unit for a period on some weekdays.

        Raises:
            RefusedChangeError: if the unit is unknown, would have more students in
                practice on any day than its capacity, the placement id is taken, the
                placement starts before enrolment, or the student's records are closed.
        """
        action = "placing the student"
        student = self._open_student(student_id, action)
        path = student_path(student.cohort, student.id)
        if not isinstance(placement, Placement):
            raise refuse(action, f"{path}.placements", "expected a Placement")
        where = f"{path}.placements[{placement.id}]"
        unit = self._host_units.get(placement.unit)
        if unit is None:
            raise refuse(action, f"{where}.unit", f"no host unit {placement.unit!r}")
        others = self.occupied_days(unit.id, except_student=student.id)
        full = overbooked(others, unit.capacity - 1, placement.period)
        if full:
            run, count = full[0]
            raise refuse(
                action,
                f"{where}.period",
                f"host unit {unit.id!r} has all {unit.capacity} places taken {run} "
                f"({count} students in practice)",
            )
        new = build(
            path, action, attrs.evolve, student, placements=(*student.placements, placement)
        )
        self._commit(by, "placement.registered", where, None, placement, students=[new])

    def record_placement_absence(
        self,
        student_id: StudentId,
        placement_id: PlacementId,
        *,
        day: dt.date,
        reason: str = "",
        by: Stamp,
    ) -> None:
        """Record a practice day the student was away; the reason is kept private.

        Raises:
            RefusedChangeError: if the day is not a practice day of the placement
                (outside its dates, another weekday, a public holiday) or already recorded.
        """
        action = "recording the absence"
        absence = build("absence", action, PlacementAbsence, day=day, reason=reason)
        self._replace_placement(
            student_id,
            placement_id,
            action,
            "placement.absence-recorded",
            None,
            absence,
            lambda p: {"absences": (*p.absences, absence)},
            by,
        )

    def cancel_placement_absence(
        self, student_id: StudentId, placement_id: PlacementId, *, day: dt.date, by: Stamp
    ) -> None:
        """Remove a recorded absence that was wrong; the history keeps it."""
        action = "cancelling the absence"
        student = self.student(student_id)
        old = student.placement(placement_id)
        found = next((a for a in old.absences if a.day == day), None) if old else None
        if old is not None and found is None:
            raise refuse(
                action,
                f"{student_path(student.cohort, student.id)}.placements[{placement_id}].absences",
                f"no absence recorded on {day}",
            )
        self._replace_placement(
            student_id,
            placement_id,
            action,
            "placement.absence-cancelled",
            found,
            None,
            lambda p: {"absences": tuple(a for a in p.absences if a.day != day)},
            by,
        )

    def assess_placement(
        self,
        student_id: StudentId,
        placement_id: PlacementId,
        stage: AssessmentStage,
        assessment: PlacementAssessment,
        *,
        by: Stamp,
    ) -> None:
        """Record the supervisor's midway or final assessment.

        A cause for concern is reported as the warning ``PLACEMENT_CAUSE_FOR_CONCERN``.

        Raises:
            RefusedChangeError: if that stage is assessed already, the assessment
                predates the placement, or the assessor is the student.
        """
        if stage not in list(AssessmentStage):
            raise refuse("recording the assessment", "stage", "expected 'midway' or 'final'")
        stage = AssessmentStage(stage)  # a plain "midway" would not be `is` MIDWAY
        action = f"recording the {stage.value} assessment"
        student = self.student(student_id)
        old = student.placement(placement_id)
        if old is not None and old.assessment(stage) is not None:
            raise refuse(
                action,
                f"{student_path(student.cohort, student.id)}.placements[{placement_id}]."
                f"{stage.value}",
                "this stage is assessed already",
            )
        self._replace_placement(
            student_id,
            placement_id,
            action,
            f"placement.{stage.value}-assessed",
            None,
            assessment,
            lambda p: {stage.value: assessment},
            by,
        )

    def end_placement_early(
        self, student_id: StudentId, placement_id: PlacementId, *, last_day: dt.date, by: Stamp
    ) -> None:
        """Shorten a placement so that it ends on ``last_day``.

        Raises:
            RefusedChangeError: if ``last_day`` is not within the placement, or absences
                are recorded after it.
        """
        action = "ending the placement early"
        student = self.student(student_id)
        old = student.placement(placement_id)
        where = f"{student_path(student.cohort, student.id)}.placements[{placement_id}].period"
        if old is not None and last_day not in old.period:  # also refuses a non-date
            raise refuse(action, where, f"{last_day} is not within the placement {old.period}")
        self._replace_placement(
            student_id,
            placement_id,
            action,
            "placement.ended-early",
            None if old is None else old.period,
            None if old is None else DateRange(old.period.start, last_day),
            lambda p: {"period": DateRange(p.period.start, last_day)},
            by,
        )

    def _replace_placement(
        self,
        student_id: StudentId,
        placement_id: PlacementId,
        action: str,
        name: str,
        before: object,
        after: object,
        changes: Callable[[Placement], dict[str, Any]],
        by: Stamp,
    ) -> None:
        student = self._open_student(student_id, action)
        path = f"{student_path(student.cohort, student.id)}.placements[{placement_id}]"
        old = student.placement(placement_id)
        if old is None:
            raise refuse(action, path, f"no placement {placement_id!r}")
        new_placement: Placement = build(path, action, attrs.evolve, old, **changes(old))
        placements = tuple(new_placement if p.id == placement_id else p for p in student.placements)
        new = attrs.evolve(student, placements=placements)
        if after is None and before is None:
            after = new_placement
        self._commit(by, name, path, before, after, students=[new])
