"""Keeping budget pots, hiring graduates and following their employments.

Every change that moves an employment's days (hiring, ending, extending,
making permanent) or a pot's capacity goes through the commit, which checks
the pot's capacity on every day, so no sequence of accepted changes can
overfill a pot.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Action, record_path
from mbprogram.model.values import BudgetPotId, EmploymentId, Stamp
from mbprogram.paths import RecordPath
from mbprogram.register.commit import (
    Edit,
    Entry,
    add_record,
    build,
    checked_record,
    commit,
    refuse,
)
from mbprogram.register.state import RegisterState

__all__ = [
    "AMENDABLE",
    "add_budget_pot",
    "amend_employment",
    "change_pot_capacity",
    "confirm_end",
    "employment_path",
    "end_employment",
    "extend_employment",
    "hire",
    "make_permanent",
    "pot_path",
    "record_outcome",
]

#: Fields :func:`amend_employment` may change; the others have their own methods.
AMENDABLE = frozenset(
    {"percent", "benefit", "aap_step_up", "roles", "supervision", "peer_network", "panel"}
)


def employment_path(employment_id: str) -> RecordPath:
    """The record path of an employment: ``employments[<id>]``."""
    return record_path(("employments", employment_id))


def pot_path(pot_id: str) -> RecordPath:
    """The record path of a budget pot: ``budget_pots[<id>]``."""
    return record_path(("budget_pots", pot_id))


# -- budget pots -------------------------------------------------------------------


def add_budget_pot(state: RegisterState, pot: BudgetPot, *, by: Stamp) -> RegisterState:
    """Add a budget pot that pays peer-worker positions.

    Raises:
        RefusedChangeError: if a pot with that id exists.
    """
    action = "adding the budget pot"
    pot = checked_record(action, "pot", pot, BudgetPot)
    return add_record(state, pot, Action.BUDGET_POT_ADDED, by=by, what=action)


def change_pot_capacity(
    state: RegisterState, pot_id: BudgetPotId, capacity: int, *, by: Stamp
) -> RegisterState:
    """Give a budget pot room for more or fewer positions at once.

    Raises:
        RefusedChangeError: ``BUDGET_POT_OVER_CAPACITY`` if the pot pays more
            positions than ``capacity`` on some day.
    """
    action = "changing the pot's capacity"
    old = state.budget_pot(pot_id)
    path = pot_path(pot_id)
    new = build(path, action, attrs.evolve, old, capacity=capacity)
    edit = Edit(put=(new,), entries=(Entry(Action.BUDGET_POT_CAPACITY_CHANGED, path),))
    return commit(state, edit, by=by, what=action)


# -- employments -------------------------------------------------------------------


def hire(state: RegisterState, employment: Employment, *, by: Stamp) -> RegisterState:
    """Record that a graduate was hired.

    Raises:
        RefusedChangeError: if the id is taken; the person, unit or pot is
            unknown; the placement-unit pathway names a unit where the person
            had no placement; ``BUDGET_POT_WITHOUT_CERTIFICATE`` if a
            pot-funded employment starts before the person's certificate; or
            ``BUDGET_POT_OVER_CAPACITY`` if the pot would pay more positions
            than its capacity on any day of the employment.
    """
    action = "hiring"
    employment = checked_record(action, "employment", employment, Employment)
    return add_record(state, employment, Action.EMPLOYMENT_HIRED, by=by, what=action)


def end_employment(
    state: RegisterState, employment_id: EmploymentId, *, last_day: dt.date, by: Stamp
) -> RegisterState:
    """End an employment on ``last_day`` (no later than a planned end).

    Ending is a decision: a temporary position counts as decided from the
    day of the stamp, or from an earlier decision on the same end if there is
    one (the earliest decision stands, docs/hiring.md).

    Raises:
        RefusedChangeError: if ``last_day`` is before the start or after the
            planned end (use :meth:`extend_employment` to move it later).
    """
    action = "ending the employment"
    old = state.employment(employment_id)
    path = employment_path(employment_id)
    if not isinstance(last_day, dt.date) or isinstance(last_day, dt.datetime):
        raise refuse(action, path.child("end"), "refusals.expected_date")
    if old.end is not None and last_day > old.end:
        raise refuse(
            action,
            path.child("end"),
            "refusals.employment.after_planned_end",
            day=last_day,
            end=old.end,
        )
    decided = old.end_confirmed_on
    if isinstance(by, Stamp):  # not a Stamp: the commit refuses the change
        decided = _earliest(decided, by.at.date())
    return _replace(
        state, old, action, Action.EMPLOYMENT_ENDED, by, end=last_day, end_confirmed_on=decided
    )


def extend_employment(
    state: RegisterState, employment_id: EmploymentId, *, new_end: dt.date | None, by: Stamp
) -> RegisterState:
    """Move an employment's end later, or make it open-ended with ``new_end=None``.

    A new end needs a new decision: an earlier confirmation of the end is cleared.

    Raises:
        RefusedChangeError: if ``new_end`` is not after the current end, or
            ``BUDGET_POT_OVER_CAPACITY`` if the pot would be overfilled.
    """
    action = "extending the employment"
    old = state.employment(employment_id)
    path = employment_path(employment_id)
    if old.end is None:
        raise refuse(action, path.child("end"), "refusals.employment.open_ended")
    if new_end is not None and (
        not isinstance(new_end, dt.date) or isinstance(new_end, dt.datetime)
    ):
        raise refuse(action, path.child("end"), "refusals.employment.date_or_none")
    if new_end is not None and new_end <= old.end:
        raise refuse(
            action,
            path.child("end"),
            "refusals.employment.not_after_end",
            day=new_end,
            end=old.end,
        )
    return _replace(
        state, old, action, Action.EMPLOYMENT_EXTENDED, by, end=new_end, end_confirmed_on=None
    )


def make_permanent(
    state: RegisterState, employment_id: EmploymentId, *, on: dt.date, by: Stamp
) -> RegisterState:
    """Convert a temporary employment to a permanent, open-ended one from ``on``.

    The employment keeps its id, start and the rest of its record, and the
    history keeps the temporary version, so the conversion can be traced.

    Raises:
        RefusedChangeError: if it is permanent already, ``on`` is before its
            start or more than a day after its end, or
            ``BUDGET_POT_OVER_CAPACITY`` if a pot-funded position without an
            end would overfill the pot.
    """
    action = "making the employment permanent"
    old = state.employment(employment_id)
    path = employment_path(employment_id)
    if old.permanent_from is not None:
        raise refuse(
            action,
            path.child("permanent_from"),
            "refusals.employment.permanent_already",
            day=old.permanent_from,
        )
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise refuse(action, path.child("permanent_from"), "refusals.expected_date")
    if old.end is not None and (on - old.end).days > 1:  # no overflow when end is date.max
        raise refuse(
            action,
            path.child("permanent_from"),
            "refusals.employment.after_ended",
            day=on,
            end=old.end,
        )
    return _replace(
        state,
        old,
        action,
        Action.EMPLOYMENT_MADE_PERMANENT,
        by,
        permanent_from=on,
        end=None,
        end_confirmed_on=None,
    )


def confirm_end(
    state: RegisterState, employment_id: EmploymentId, *, on: dt.date, by: Stamp
) -> RegisterState:
    """Record the decision, made on ``on``, that a temporary employment ends as planned.

    The earliest decision stands: ``end_confirmed_on`` becomes ``on`` unless a
    decision on the same end was made before it (docs/hiring.md).

    Raises:
        RefusedChangeError: if the employment has no end or is permanent.
    """
    action = "confirming the end"
    old = state.employment(employment_id)
    path = employment_path(employment_id)
    if old.end is None or old.permanent_from is not None:
        raise refuse(action, path, "refusals.employment.confirm_temporary")
    decided: object = on  # not a date: the record's validator refuses it
    if _is_day(on):
        decided = _earliest(old.end_confirmed_on, on)
    return _replace(
        state, old, action, Action.EMPLOYMENT_END_CONFIRMED, by, end_confirmed_on=decided
    )


def amend_employment(
    state: RegisterState, employment_id: EmploymentId, *, by: Stamp, **changes: Any
) -> RegisterState:
    """Correct or update an employment's other details.

    Allowed fields: ``percent``, ``benefit``, ``aap_step_up``, ``roles``,
    ``supervision``, ``peer_network`` and ``panel``. Dates, funding and
    pathway change only through the methods named for them.

    Raises:
        RefusedChangeError: for another field or an invalid value.
    """
    action = "amending the employment"
    old = state.employment(employment_id)
    path = employment_path(employment_id)
    unknown = sorted(set(changes) - AMENDABLE)
    if unknown:
        raise refuse(
            action,
            path.child(unknown[0]),
            "refusals.employment.not_amendable",
            fields=", ".join(sorted(AMENDABLE)),
        )
    return _replace(state, old, action, Action.EMPLOYMENT_AMENDED, by, **changes)


# -- other outcomes ----------------------------------------------------------------


def record_outcome(state: RegisterState, outcome: OutcomeRecord, *, by: Stamp) -> RegisterState:
    """Record what became of a graduate other than employment.

    Raises:
        RefusedChangeError: if the id is taken or the person is unknown.
    """
    action = "recording the outcome"
    outcome = checked_record(action, "outcome", outcome, OutcomeRecord)
    return add_record(state, outcome, Action.OUTCOME_RECORDED, by=by, what=action)


def _is_day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _earliest(decided: dt.date | None, day: dt.date) -> dt.date:
    """The day of the earliest decision: ``decided`` (if any) or ``day``."""
    return day if decided is None else min(decided, day)


def _replace(
    state: RegisterState, old: Employment, action: str, name: Action, by: Stamp, **changes: Any
) -> RegisterState:
    path = employment_path(old.id)
    new: Employment = build(path, action, attrs.evolve, old, **changes)
    edit = Edit(put=(new,), entries=(Entry(name, path),))
    return commit(state, edit, by=by, what=action)
