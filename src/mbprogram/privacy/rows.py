"""The rows of the monthly analysis dataset: months, cohorts, students, employments, outcomes.

Every date is a :class:`Month`; every person and record of a person is named
by a keyed pseudonym; nothing names anyone. See
:class:`~mbprogram.privacy.dataset.AnalysisDataset`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Self

import attrs
from dateutil.relativedelta import relativedelta

from mbprogram.model import validators as v
from mbprogram.model.hiring import Benefit, Funding, OutcomeKind, Pathway, Role, Supervision
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.students import Background, Status
from mbprogram.model.values import Percent
from mbprogram.rules.outcomes import GraduateState

__all__ = [
    "AnalysisCohort",
    "AnalysisEmployment",
    "AnalysisGraduate",
    "AnalysisOutcome",
    "AnalysisStudent",
    "Month",
    "month_of",
    "until_month",
]


@attrs.frozen(order=True, repr=False)
class Month:
    """A calendar month, e.g. ``Month(2025, 4)``, shown as ``2025-04``."""

    year: int = attrs.field(validator=v.between(1, 9999))
    month: int = attrs.field(validator=v.between(1, 12))

    @classmethod
    def of(cls, day: dt.date) -> Self:
        """The month ``day`` falls in."""
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        """The month's first day."""
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        """The month's last day."""
        return self.first_day + relativedelta(day=31)

    def plus(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        return Month.of(self.first_day + relativedelta(months=months))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"


def month_of(day: dt.date | None) -> Month | None:
    """The month of ``day``, or ``None``."""
    return None if day is None else Month.of(day)


@attrs.frozen(kw_only=True)
class AnalysisCohort:
    """A cohort: its id, name, programme, months and places (no personal data)."""

    cohort: str
    name: str
    programme: str
    start: Month
    end: Month
    places: int


@attrs.frozen(kw_only=True)
class AnalysisStudent:
    """A student: pseudonym, cohort, current status, and the months that count.

    Attributes:
        person: the student's pseudonym.
        cohort: the cohort's id.
        status: the latest status.
        enrolled: the month they first became active, if ever.
        graduated: the month of their certificate, if any.
        withdrawn: the month they withdrew, if they did.
        background: lived-experience background, only when the export was
            asked to keep it (sensitive).
    """

    person: str
    cohort: str
    status: Status | None
    enrolled: Month | None
    graduated: Month | None
    withdrawn: Month | None
    background: Background | None = attrs.field(default=None, repr=False, metadata=SENSITIVE)


@attrs.frozen(kw_only=True)
class AnalysisEmployment:
    """An employment with its months: employed at the end of each month ``start <= m < until``.

    Attributes:
        employment: the employment's pseudonym.
        person: the graduate's pseudonym.
        unit: the employing unit's id.
        pathway, funding, pot, percent, roles, supervision, peer_network: as
            in :class:`~mbprogram.Employment`.
        start: the month of the first day.
        until: the month of the day after the last day (the first month at
            whose end the person is no longer employed here); ``None`` when
            open-ended.
        permanent_from: the month the position became permanent, if it did.
        benefit: the benefit received beside the salary (sensitive).
        panel_size: how many sat on the hiring panel.
        panel_with_user_representative: whether one of them represented a user
            organisation.
    """

    employment: str
    person: str
    unit: str
    pathway: Pathway
    start: Month
    until: Month | None
    percent: Percent
    permanent_from: Month | None
    funding: Funding
    pot: str | None
    benefit: Benefit = attrs.field(repr=False, metadata=SENSITIVE)
    roles: frozenset[Role]
    supervision: Supervision
    peer_network: bool
    panel_size: int
    panel_with_user_representative: bool

    def employed_at_end_of(self, month: Month) -> bool:
        """Whether the person is employed here on the last day of ``month``."""
        return self.start <= month and (self.until is None or month < self.until)

    def permanent_at_end_of(self, month: Month) -> bool:
        """Whether the position is permanent on the last day of ``month``."""
        return self.permanent_from is not None and self.permanent_from <= month


@attrs.frozen(kw_only=True)
class AnalysisOutcome:
    """An outcome other than employment, in the month it was recorded."""

    outcome: str
    person: str
    kind: OutcomeKind
    on: Month


@attrs.frozen(kw_only=True)
class AnalysisGraduate:
    """A graduate's state at the end of the month of an anniversary of their graduation."""

    person: str
    cohort: str
    graduated: Month
    checked: Month
    state: GraduateState
    pathways: tuple[Pathway, ...]
    percent: Decimal


def until_month(end: dt.date | None) -> Month | None:
    """The month of the day after ``end``; ``None`` for no end (or the calendar's last day)."""
    if end is None or end == dt.date.max:
        return None
    return Month.of(end + dt.timedelta(days=1))
