"""Register changes to cohorts, their teaching schedules and host units."""

from __future__ import annotations

import attrs

from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.history import record_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.values import CohortId, HostUnitId, SessionId, Stamp
from mbprogram.register._core import RegisterCore, build, refuse

__all__ = ["CohortChanges"]


def _cohort_path(cohort_id: str) -> str:
    return record_path(("cohorts", cohort_id))


class CohortChanges(RegisterCore):
    """Opening cohorts, scheduling their sessions, and keeping host units."""

    __slots__ = ()

    def open_cohort(self, cohort: Cohort, *, by: Stamp) -> None:
        """Add a new cohort with its rules, period, places and (optionally) sessions.

        Raises:
            RefusedChangeError: if a cohort with that id exists.
        """
        action = "opening the cohort"
        if not isinstance(cohort, Cohort):
            raise refuse(action, "cohort", f"expected a Cohort, got {type(cohort).__name__}")
        path = _cohort_path(cohort.id)
        if cohort.id in self._cohorts:
            raise refuse(action, path, f"a cohort with id {cohort.id!r} exists already")
        self._commit(by, "cohort.opened", path, None, cohort, cohort=cohort)

    def schedule_session(self, cohort_id: CohortId, session: Session, *, by: Stamp) -> None:
        """Add a session to a cohort's teaching schedule.

        Raises:
            RefusedChangeError: if the id is taken or the day is outside the cohort's period.
        """
        action = "scheduling the session"
        cohort = self.cohort(cohort_id)
        path = _cohort_path(cohort_id)
        if not isinstance(session, Session):
            raise refuse(action, f"{path}.sessions", "expected a Session")
        new = build(path, action, attrs.evolve, cohort, sessions=(*cohort.sessions, session))
        self._commit(
            by, "session.scheduled", f"{path}.sessions[{session.id}]", None, session, cohort=new
        )

    def correct_session(self, cohort_id: CohortId, session: Session, *, by: Stamp) -> None:
        """Replace the session with the same id (a new day, length or topic).

        Raises:
            RefusedChangeError: if there is no such session, or if recorded attendance
                would then be longer than the session or before a student's enrolment.
        """
        action = "correcting the session"
        cohort = self.cohort(cohort_id)
        path = _cohort_path(cohort_id)
        if not isinstance(session, Session):
            raise refuse(action, f"{path}.sessions", "expected a Session")
        old = cohort.session(session.id)
        if old is None:
            raise refuse(action, f"{path}.sessions", f"no session {session.id!r} to correct")
        sessions = tuple(session if s.id == session.id else s for s in cohort.sessions)
        new = build(path, action, attrs.evolve, cohort, sessions=sessions)
        self._commit(
            by,
            "session.corrected",
            f"{path}.sessions[{session.id}]",
            old,
            session,
            cohort=new,
            students=self.students_of(cohort_id),
        )

    def cancel_session(self, cohort_id: CohortId, session_id: SessionId, *, by: Stamp) -> None:
        """Remove a session from the schedule.

        Raises:
            RefusedChangeError: if there is no such session or attendance is recorded for it.
        """
        action = "cancelling the session"
        cohort = self.cohort(cohort_id)
        path = f"{_cohort_path(cohort_id)}.sessions[{session_id}]"
        old = cohort.session(session_id)
        if old is None:
            raise refuse(action, path, f"no session {session_id!r} to cancel")
        marked = [
            s.id
            for s in self.students_of(cohort_id)
            if any(a.session == session_id for a in s.attendance)
        ]
        if marked:
            raise refuse(
                action, path, f"attendance is recorded for {len(marked)} students; correct it first"
            )
        new = attrs.evolve(cohort, sessions=tuple(s for s in cohort.sessions if s.id != session_id))
        self._commit(by, "session.cancelled", path, old, None, cohort=new)

    def change_places(self, cohort_id: CohortId, places: int, *, by: Stamp) -> None:
        """Change how many places a cohort has (enrolling beyond them is warned, not refused)."""
        cohort = self.cohort(cohort_id)
        path = _cohort_path(cohort_id)
        new = build(path, "changing the places", attrs.evolve, cohort, places=places)
        self._commit(
            by, "cohort.places-changed", f"{path}.places", cohort.places, places, cohort=new
        )

    def add_host_unit(self, unit: HostUnit, *, by: Stamp) -> None:
        """Add a host unit that can take students in practice.

        Raises:
            RefusedChangeError: if a unit with that id exists.
        """
        action = "adding the host unit"
        if not isinstance(unit, HostUnit):
            raise refuse(action, "unit", f"expected a HostUnit, got {type(unit).__name__}")
        path = record_path(("host_units", unit.id))
        if unit.id in self._host_units:
            raise refuse(action, path, f"a host unit with id {unit.id!r} exists already")
        self._commit(by, "host-unit.added", path, None, unit, host_unit=unit)

    def change_capacity(self, unit_id: HostUnitId, capacity: int, *, by: Stamp) -> None:
        """Change how many students a unit can take at once.

        Lowering it below the placements already made is allowed (the unit's real
        capacity changed); the evaluation then reports ``HOST_UNIT_OVER_CAPACITY``.
        """
        unit = self.host_unit(unit_id)
        path = record_path(("host_units", unit_id))
        new = build(path, "changing the capacity", attrs.evolve, unit, capacity=capacity)
        self._commit(
            by,
            "host-unit.capacity-changed",
            f"{path}.capacity",
            unit.capacity,
            capacity,
            host_unit=new,
        )
