"""Opening cohorts, scheduling their sessions, and keeping host units."""

from __future__ import annotations

import attrs

from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.history import Action, record_path
from mbprogram.model.placements import HostUnit
from mbprogram.model.values import CohortId, HostUnitId, SessionId, Stamp
from mbprogram.register.commit import (
    Edit,
    Entry,
    add_record,
    build,
    checked_id,
    checked_record,
    commit,
    refuse,
)
from mbprogram.register.state import RegisterState

__all__ = [
    "add_host_unit",
    "cancel_session",
    "change_capacity",
    "change_places",
    "correct_host_unit",
    "correct_session",
    "open_cohort",
    "schedule_session",
]


def open_cohort(state: RegisterState, cohort: Cohort, *, by: Stamp) -> RegisterState:
    """Add a new cohort with its rules, period, places and (optionally) sessions."""
    what = "opening the cohort"
    cohort = checked_record(what, "cohort", cohort, Cohort)
    return add_record(state, cohort, Action.COHORT_OPENED, by=by, what=what)


def schedule_session(
    state: RegisterState, cohort_id: CohortId, session: Session, *, by: Stamp
) -> RegisterState:
    """Add a session to a cohort's teaching schedule."""
    what = "scheduling the session"
    cohort = state.cohort(cohort_id)
    path = record_path(("cohorts", cohort_id))
    if not isinstance(session, Session):
        raise refuse(what, path.child("sessions"), "refusals.expected_session")
    new = build(path, what, attrs.evolve, cohort, sessions=(*cohort.sessions, session))
    entry = Entry(Action.SESSION_SCHEDULED, path.child(("sessions", session.id)))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def correct_session(
    state: RegisterState, cohort_id: CohortId, session: Session, *, by: Stamp
) -> RegisterState:
    """Replace the session with the same id (a new day, length or topic)."""
    what = "correcting the session"
    cohort = state.cohort(cohort_id)
    path = record_path(("cohorts", cohort_id))
    if not isinstance(session, Session):
        raise refuse(what, path.child("sessions"), "refusals.expected_session")
    old = cohort.session(session.id)
    if old is None:
        raise refuse(
            what, path.child("sessions"), "refusals.no_session_to_correct", session=repr(session.id)
        )
    sessions = tuple(session if s.id == session.id else s for s in cohort.sessions)
    new = build(path, what, attrs.evolve, cohort, sessions=sessions)
    entry = Entry(Action.SESSION_CORRECTED, path.child(("sessions", session.id)))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def cancel_session(
    state: RegisterState, cohort_id: CohortId, session_id: SessionId, *, by: Stamp
) -> RegisterState:
    """Remove a session from the schedule (refused while attendance is recorded for it)."""
    what = "cancelling the session"
    cohort = state.cohort(cohort_id)
    session_id = checked_id(
        what, record_path(("cohorts", cohort_id), "sessions"), "session", session_id
    )
    path = record_path(("cohorts", cohort_id), ("sessions", session_id))
    old = cohort.session(session_id)
    if old is None:
        raise refuse(what, path, "refusals.no_session_to_cancel", session=repr(session_id))
    new = attrs.evolve(cohort, sessions=tuple(s for s in cohort.sessions if s.id != session_id))
    entry = Entry(Action.SESSION_CANCELLED, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def change_places(
    state: RegisterState, cohort_id: CohortId, places: int, *, by: Stamp
) -> RegisterState:
    """Change how many places a cohort has (enrolling beyond them is warned, not refused)."""
    what = "changing the places"
    cohort = state.cohort(cohort_id)
    path = record_path(("cohorts", cohort_id))
    new = build(path, what, attrs.evolve, cohort, places=places)
    entry = Entry(Action.COHORT_PLACES_CHANGED, path.child("places"))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def add_host_unit(state: RegisterState, unit: HostUnit, *, by: Stamp) -> RegisterState:
    """Add a host unit that can take students in practice."""
    what = "adding the host unit"
    unit = checked_record(what, "unit", unit, HostUnit)
    return add_record(state, unit, Action.HOST_UNIT_ADDED, by=by, what=what)


def change_capacity(
    state: RegisterState, unit_id: HostUnitId, capacity: int, *, by: Stamp
) -> RegisterState:
    """Change how many students a unit can take at once (never below those placed on a day)."""
    what = "changing the capacity"
    unit = state.host_unit(unit_id)
    path = record_path(("host_units", unit_id))
    new = build(path, what, attrs.evolve, unit, capacity=capacity)
    entry = Entry(Action.HOST_UNIT_CAPACITY_CHANGED, path.child("capacity"))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def correct_host_unit(
    state: RegisterState,
    unit_id: HostUnitId,
    *,
    name: str | None = None,
    kind: str | None = None,
    by: Stamp,
) -> RegisterState:
    """Correct a unit's name or kind (``None``: left as it is); its id and capacity stay."""
    what = "correcting the host unit"
    unit = state.host_unit(unit_id)
    path = record_path(("host_units", unit_id))
    changes = {k: v for k, v in (("name", name), ("kind", kind)) if v is not None}
    new = build(path, what, attrs.evolve, unit, **changes)
    entry = Entry(Action.HOST_UNIT_CORRECTED, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)
