"""Hiring pathways after graduation: employments, budget pots and other outcomes.

Graduates are hired where they did practice, into positions paid from a
municipal budget pot, into project positions that are later made permanent,
or into ordinary positions. Most work part-time, many under 50 %, most beside
a work-assessment allowance (AAP) or disability benefit.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs
from dateutil.relativedelta import relativedelta

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.privacy import DIRECT_IDENTIFIER, SENSITIVE
from mbprogram.model.values import (
    BudgetPotId,
    DateRange,
    EmploymentId,
    HostUnitId,
    OutcomeId,
    Percent,
    StudentId,
)

__all__ = [
    "Benefit",
    "BudgetPot",
    "Employment",
    "Funding",
    "OutcomeKind",
    "OutcomeRecord",
    "PanelMember",
    "Pathway",
    "Role",
    "Supervision",
]


class Pathway(enum.StrEnum):
    """How a graduate came to be employed."""

    PLACEMENT_UNIT = "placement-unit"
    """Hired by the unit where they did practice."""
    BUDGET_POT = "budget-pot"
    """An MB position paid from the municipality's budget pot."""
    PROJECT_POSITION = "project-position"
    """A temporary project position, which may be made permanent."""
    ORDINARY_POSITION = "ordinary-position"
    """A position applied for in open competition."""


class Funding(enum.StrEnum):
    """Who pays for a position."""

    BUDGET_POT = "budget-pot"
    STATE_GRANT = "state-grant"
    MUNICIPAL_BUDGET = "municipal-budget"
    NAV_WAGE_SUBSIDY = "nav-wage-subsidy"
    OTHER = "other"


class Benefit(enum.StrEnum):
    """A benefit received beside the salary (sensitive)."""

    AAP = "aap"
    """Work-assessment allowance (arbeidsavklaringspenger)."""
    DISABILITY = "disability-benefit"
    """Disability benefit (uføretrygd)."""
    NONE = "none"


class Role(enum.StrEnum):
    """The roles a peer worker holds (as in the national survey)."""

    INDIVIDUAL_USERS = "individual-users"
    """Work with individual users."""
    SYSTEM_LEVEL = "system-level"
    """Planning and development of services."""
    PROJECT_WORK = "project-work"
    USER_ORGANISATIONS = "user-organisations"
    """Contact with user organisations."""
    RELATIVES = "relatives"
    """Contact with relatives."""


class Supervision(enum.StrEnum):
    """The supervision arrangement of an employment."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    INDIVIDUAL_AND_GROUP = "individual-and-group"
    NONE = "none"


class OutcomeKind(enum.StrEnum):
    """What became of a graduate who is not (or not known to be) employed."""

    FURTHER_EDUCATION = "further-education"
    NOT_EMPLOYED = "not-employed"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class BudgetPot:
    """A named funding pool with room for a number of positions at once (Bergen: 10)."""

    id: BudgetPotId = attrs.field(validator=v.record_id())
    name: str = attrs.field(validator=v.text(max_length=200))
    capacity: int = attrs.field(validator=v.between(1, 10_000))


@attrs.frozen(kw_only=True)
class PanelMember:
    """A member of a hiring panel and, if so, the user organisation they represent."""

    name: str = attrs.field(
        validator=v.text(max_length=200), repr=False, metadata=DIRECT_IDENTIFIER
    )
    user_organisation: str = attrs.field(
        default="", validator=v.text(max_length=200, allow_empty=True)
    )

    @property
    def represents_user_organisation(self) -> bool:
        """Whether the member represents a user organisation (Mental Helse, RiO …)."""
        return bool(self.user_organisation.strip())


def _roles(value: Iterable[Role | str]) -> frozenset[Role]:
    try:
        return frozenset(Role(r) for r in value)
    except (TypeError, ValueError):
        choices = ", ".join(r.value for r in Role)
        raise InvalidValueError.at("roles", "records.hiring.roles", choices=choices) from None


def _percent(value: object) -> Percent:
    return value if isinstance(value, Percent) else Percent(value)  # type: ignore[arg-type]  # Percent checks it


#: How long a step-up period lasts at most; its message (``records.hiring.step_up``,
#: docs/hiring.md) never names the period's days.
_STEP_UP_MONTHS = 12


@attrs.frozen(kw_only=True)
class Employment:
    """A graduate's employment: where, how, how much, paid by whom, and beside which benefit.

    Attributes:
        id: the employment's id.
        person: the graduate's student id.
        unit: the employing unit's id (a host unit of the register).
        pathway: how the graduate was hired.
        start: the first day.
        end: the last day, or ``None`` when open-ended.
        percent: position percentage, more than 0 and at most 100.
        permanent_from: the day the position became permanent; ``None`` while
            temporary. Equal to ``start`` for a position permanent from the start.
        end_confirmed_on: the day of the earliest decision still in force that
            a temporary position ends; from that day it is no longer
            "undecided" (docs/hiring.md, Decisions on an ending).
        funding: who pays.
        pot: the budget pot paying, when ``funding`` is the budget pot.
        benefit: a benefit received beside the salary (sensitive).
        aap_step_up: an AAP step-up period, in which up to 80 % is allowed
            (sensitive). It lasts at most 12 months: its last day is before the
            day 12 months after its start, counted by ``relativedelta``, so
            from 29 February the last day is 27 February at the latest
            (docs/hiring.md).
        roles: the roles held.
        supervision: the supervision arrangement.
        peer_network: whether the person takes part in a peer network.
        panel: the hiring panel.
    """

    id: EmploymentId = attrs.field(validator=v.record_id())
    person: StudentId = attrs.field(validator=v.record_id())
    unit: HostUnitId = attrs.field(validator=v.record_id())
    pathway: Pathway = attrs.field(validator=v.in_enum(Pathway))
    start: dt.date = attrs.field(validator=v.a_date())
    end: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))
    percent: Percent = attrs.field(converter=_percent)
    permanent_from: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))
    end_confirmed_on: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))
    funding: Funding = attrs.field(validator=v.in_enum(Funding))
    pot: BudgetPotId | None = attrs.field(default=None, validator=v.optional(v.record_id()))
    benefit: Benefit = attrs.field(
        default=Benefit.NONE, validator=v.in_enum(Benefit), repr=False, metadata=SENSITIVE
    )
    aap_step_up: DateRange | None = attrs.field(
        default=None, validator=v.optional(v.instance(DateRange)), repr=False, metadata=SENSITIVE
    )
    roles: frozenset[Role] = attrs.field(factory=frozenset, converter=_roles)
    supervision: Supervision = attrs.field(
        default=Supervision.NONE, validator=v.in_enum(Supervision)
    )
    peer_network: bool = attrs.field(default=False, validator=v.instance(bool))
    panel: tuple[PanelMember, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(PanelMember)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.percent.value <= 0:
            problems.append(Problem.of("percent", "problems.employment.percent"))
        if self.end is not None and self.end < self.start:
            problems.append(
                Problem.of("end", "problems.value.end_before_start", end=self.end, start=self.start)
            )
        if self.permanent_from is not None and self.permanent_from < self.start:
            problems.append(Problem.of("permanent_from", "problems.employment.permanent_before"))
        if (
            self.permanent_from is not None
            and self.end is not None
            and self.permanent_from > self.end
        ):
            problems.append(Problem.of("permanent_from", "problems.employment.permanent_after"))
        if (self.funding is Funding.BUDGET_POT) != (self.pot is not None):
            problems.append(Problem.of("pot", "problems.employment.pot"))
        if self.pathway is Pathway.BUDGET_POT and self.funding is not Funding.BUDGET_POT:
            problems.append(Problem.of("funding", "problems.employment.funding"))
        if self.end_confirmed_on is not None and self.end is None:
            problems.append(Problem.of("end_confirmed_on", "problems.employment.end_confirmed"))
        if self.aap_step_up is not None:
            if self.benefit is not Benefit.AAP:
                problems.append(Problem.of("aap_step_up", "problems.employment.step_up_benefit"))
            try:
                limit = self.aap_step_up.start + relativedelta(months=_STEP_UP_MONTHS)
            except (ValueError, OverflowError):  # 12 months after the start is past year 9999
                limit = dt.date.max
            if self.aap_step_up.end >= limit and limit != dt.date.max:
                problems.append(
                    Problem.of("aap_step_up", "records.hiring.step_up", months=_STEP_UP_MONTHS)
                )
        if problems:
            raise InvalidValueError(problems)

    @property
    def period(self) -> DateRange:
        """The days employed; an open-ended employment runs to the end of the calendar."""
        return DateRange(self.start, self.end or dt.date.max)

    def active_on(self, day: dt.date) -> bool:
        """Whether the person is employed here on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def temporary(self) -> bool:
        """Whether the position has not been made permanent (now or from a later day)."""
        return self.permanent_from is None

    def permanent_on(self, day: dt.date) -> bool:
        """Whether the position is permanent on ``day``."""
        return self.permanent_from is not None and self.permanent_from <= day


@attrs.frozen(kw_only=True)
class OutcomeRecord:
    """A graduate's outcome other than employment, as known on a day."""

    id: OutcomeId = attrs.field(validator=v.record_id())
    person: StudentId = attrs.field(validator=v.record_id())
    kind: OutcomeKind = attrs.field(validator=v.in_enum(OutcomeKind))
    on: dt.date = attrs.field(validator=v.a_date())
    note: str = attrs.field(
        default="",
        validator=v.text(max_length=2_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )
