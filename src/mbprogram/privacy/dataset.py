"""A flat, pseudonymised analysis dataset with every date coarsened to its month.

A :class:`~mbprogram.Register` cannot hold dates coarsened to months: its
rules need days (public holidays, practice weeks, a unit's or a pot's capacity
on every day, submissions and assessments in order). So the monthly export is
a separate, documented set of rows instead: one per cohort, student,
employment and other outcome, ids replaced by keyed pseudonyms, no names and
no free text.

What can be computed from it, and how exactly:

- **Exact** at the end of any month ``m`` (equal to the register's figures as
  of ``m.last_day``): :meth:`AnalysisDataset.cohort_outcomes`,
  :meth:`AnalysisDataset.employment_summary` and
  :meth:`AnalysisDataset.pot_in_use`. This works because every date is kept
  as the month in which the day-by-day state changes: an employment counts
  at the end of every month from ``start`` up to, but not including,
  ``until`` (the month of the day after its last day).
- **Approximate**: :meth:`AnalysisDataset.graduate_outcomes` looks at each
  graduate at the end of the month in which their anniversary falls, not on
  the anniversary itself; it differs from the day-exact figure when an
  employment starts or ends, or an outcome is recorded, between the two days.
  A budget pot's busiest day within a month is not known, only its use at the
  end of the month.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Self, TypeVar

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.hiring import BudgetPot, Pathway, Role
from mbprogram.model.placements import HostUnit
from mbprogram.privacy.rows import (
    AnalysisCohort,
    AnalysisEmployment,
    AnalysisGraduate,
    AnalysisOutcome,
    AnalysisStudent,
    Month,
    month_of,
    until_month,
)
from mbprogram.rules.outcomes import (
    PERCENT_BANDS,
    CohortOutcome,
    EmploymentSummary,
    graduate_state,
    percent_band,
)

T = TypeVar("T")

if TYPE_CHECKING:
    import pandas as pd

    from mbprogram.privacy.pseudonyms import Pseudonyms
    from mbprogram.register.aggregate import Register

__all__ = ["AnalysisDataset"]

#: The kinds of row a dataset holds, by attribute.
_ROW_TYPES: Final[Mapping[str, type[object]]] = {
    "cohorts": AnalysisCohort,
    "students": AnalysisStudent,
    "employments": AnalysisEmployment,
    "outcomes": AnalysisOutcome,
    "host_units": HostUnit,
    "budget_pots": BudgetPot,
}


@attrs.frozen(kw_only=True)
class AnalysisDataset:
    """The monthly, pseudonymised rows of a register, and the figures they give.

    Rows keep the register's order; outcome rows are in the order of their
    exact dates, so the latest outcome by a month is the last one listed.
    Build it with ``pseudonymise(register, key, coarsen_dates=True)``.
    """

    cohorts: tuple[AnalysisCohort, ...]
    students: tuple[AnalysisStudent, ...]
    employments: tuple[AnalysisEmployment, ...]
    outcomes: tuple[AnalysisOutcome, ...]
    host_units: tuple[HostUnit, ...]
    budget_pots: tuple[BudgetPot, ...]

    def to_dataframes(self) -> dict[str, pd.DataFrame]:
        """Every kind of row as a DataFrame, one column per field (needs the ``pandas`` extra).

        The keys are the attributes' names (``cohorts``, ``students``,
        ``employments``, ``outcomes``, ``host_units``, ``budget_pots``); months
        are pandas ``Period`` s (docs/privacy.md).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        from mbprogram.privacy.frames import frame_of  # noqa: PLC0415 - pandas only when asked

        return {name: frame_of(_ROW_TYPES[name], getattr(self, name)) for name in _ROW_TYPES}

    @classmethod
    def from_register(
        cls, register: Register, names: Pseudonyms, *, keep_background: bool = False
    ) -> Self:
        """The rows of ``register`` under the pseudonyms ``names``."""
        return cls(
            cohorts=tuple(
                AnalysisCohort(
                    cohort=c.id,
                    name=c.name,
                    programme=c.rules.name,
                    start=Month.of(c.period.start),
                    end=Month.of(c.period.end),
                    places=c.places,
                )
                for c in register.cohorts.values()
            ),
            # Rows are ordered by pseudonym: the register's order (often the class list)
            # would line up exports made under different keys, and position alone
            # would re-identify people.
            students=_sorted_tuple(
                lambda row: row.person,
                (
                    AnalysisStudent(
                        person=names.student(s.id),
                        cohort=s.cohort,
                        status=s.status,
                        enrolled=month_of(s.enrolled_on),
                        graduated=month_of(s.certificate.issued_on if s.certificate else None),
                        withdrawn=month_of(s.withdrawn_on),
                        background=s.background if keep_background else None,
                    )
                    for s in register.students.values()
                ),
            ),
            employments=_sorted_tuple(
                lambda row: row.employment,
                (
                    AnalysisEmployment(
                        employment=names.employment(e.id),
                        person=names.student(e.person),
                        unit=e.unit,
                        pathway=e.pathway,
                        start=Month.of(e.start),
                        until=until_month(e.end),
                        percent=e.percent,
                        permanent_from=month_of(e.permanent_from),
                        funding=e.funding,
                        pot=e.pot,
                        benefit=e.benefit,
                        roles=e.roles,
                        supervision=e.supervision,
                        peer_network=e.peer_network,
                        panel_size=len(e.panel),
                        panel_with_user_representative=any(
                            m.represents_user_organisation for m in e.panel
                        ),
                    )
                    for e in register.employments.values()
                ),
            ),
            outcomes=tuple(
                AnalysisOutcome(
                    outcome=names.outcome(o.id),
                    person=names.student(o.person),
                    kind=o.kind,
                    on=Month.of(o.on),
                )
                for o in sorted(
                    register.outcomes.values(),
                    key=lambda o: (o.on, o.kind, names.student(o.person)),
                )
            ),
            host_units=tuple(register.host_units.values()),
            budget_pots=tuple(register.budget_pots.values()),
        )

    # -- exact figures at the end of a month -------------------------------------------

    def cohort_outcomes(self, month: Month) -> tuple[CohortOutcome, ...]:
        """Every cohort's graduation and employment rates at the end of ``month``.

        Equal to :func:`~mbprogram.cohort_outcomes` of the register as of
        ``month.last_day``.
        """
        working = {e.person for e in self.employments if e.employed_at_end_of(month)}
        result = []
        for c in self.cohorts:
            students = [s for s in self.students if s.cohort == c.cohort]
            graduated = [s for s in students if s.graduated is not None and s.graduated <= month]
            result.append(
                CohortOutcome(
                    cohort=c.cohort,
                    enrolled=sum(
                        1 for s in students if s.enrolled is not None and s.enrolled <= month
                    ),
                    graduated=len(graduated),
                    employed=sum(1 for s in graduated if s.person in working),
                )
            )
        return tuple(result)

    def employment_summary(
        self, month: Month, *, cohorts: Iterable[str] | None = None
    ) -> EmploymentSummary:
        """Employment at the end of ``month``, of all cohorts or of ``cohorts``.

        Equal to :func:`~mbprogram.employment_summary` of the register as of
        ``month.last_day``. ``cohorts`` is a collection of cohort ids, or one id.

        Raises:
            NotFoundError: if ``cohorts`` names a cohort the dataset does not hold.
        """
        wanted = (
            None if cohorts is None else {cohorts} if isinstance(cohorts, str) else set(cohorts)
        )
        known = {c.cohort for c in self.cohorts}
        for unknown in sorted((wanted or set()) - known):
            raise v.not_found("cohort", unknown)
        cohort_of = {s.person: s.cohort for s in self.students}
        active = [
            e
            for e in self.employments
            if e.employed_at_end_of(month) and (wanted is None or cohort_of.get(e.person) in wanted)
        ]
        totals: dict[str, Decimal] = defaultdict(Decimal)
        roles_of: dict[str, set[Role]] = defaultdict(set)
        for e in active:
            totals[e.person] += e.percent.value
            roles_of[e.person] |= e.roles
        bands = Counter(percent_band(t) for t in totals.values())
        return EmploymentSummary(
            as_of=month.last_day,
            employments=len(active),
            people=len(totals),
            by_pathway={p: sum(1 for e in active if e.pathway is p) for p in Pathway},
            percent_bands={label: bands.get(label, 0) for label, _, _ in PERCENT_BANDS},
            part_time=sum(1 for t in totals.values() if t < 100),
            under_half=sum(1 for t in totals.values() if t < 50),
            permanent=sum(1 for e in active if e.permanent_at_end_of(month)),
            roles={r: sum(1 for held in roles_of.values() if r in held) for r in Role},
        )

    def pot_in_use(self, pot_id: str, month: Month) -> int:
        """The positions a budget pot pays on the last day of ``month``.

        Equal to the register's :func:`~mbprogram.pot_utilisation` by day on
        ``month.last_day``.

        Raises:
            NotFoundError: if there is no such pot.
        """
        if all(p.id != pot_id for p in self.budget_pots):
            raise v.not_found("budget pot", pot_id)
        return sum(1 for e in self.employments if e.pot == pot_id and e.employed_at_end_of(month))

    # -- approximate figures ---------------------------------------------------------

    def graduate_outcomes(self, *, years_after: int, month: Month) -> tuple[AnalysisGraduate, ...]:
        """Each graduate's state at the end of the month ``years_after`` years after graduating.

        Graduates are included exactly as :func:`~mbprogram.graduate_outcomes`
        includes them as of ``month.last_day``; their state is an
        approximation: it is taken at the end of the anniversary's month, not
        on the anniversary itself.

        Raises:
            InvalidValueError: if ``years_after`` is not a whole number of 0 or more.
        """
        if isinstance(years_after, bool) or not isinstance(years_after, int) or years_after < 0:
            raise InvalidValueError(
                "years_after", "expected a whole number of years after graduation, 0 or more"
            )
        outcomes: dict[str, list[AnalysisOutcome]] = defaultdict(list)
        for o in self.outcomes:
            outcomes[o.person].append(o)
        result = []
        for s in self.students:
            if s.graduated is None:
                continue
            checked = s.graduated.plus(12 * years_after)
            if checked > month:
                continue
            active = [
                e
                for e in self.employments
                if e.person == s.person and e.employed_at_end_of(checked)
            ]
            known = [o for o in outcomes.get(s.person, ()) if o.on <= checked]
            state, pathways, percent = graduate_state(active, known[-1].kind if known else None)
            result.append(
                AnalysisGraduate(
                    person=s.person,
                    cohort=s.cohort,
                    graduated=s.graduated,
                    checked=checked,
                    state=state,
                    pathways=pathways,
                    percent=percent,
                )
            )
        return tuple(result)


def _sorted_tuple(key: Callable[[T], str], rows: Iterable[T]) -> tuple[T, ...]:
    """``rows`` as a tuple ordered by ``key`` (a row's pseudonym)."""
    return tuple(sorted(rows, key=key))
