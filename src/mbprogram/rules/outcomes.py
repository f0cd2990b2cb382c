"""Outcome queries: what became of graduates, per graduate, per cohort and across cohorts.

All figures are as of a date and exact (shares are fractions). The reports
module turns them into tables, DataFrames and plots.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, Protocol

import attrs
from dateutil.relativedelta import relativedelta

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.hiring import Employment, OutcomeKind, Pathway, Role
from mbprogram.model.values import DateRange, Percent
from mbprogram.rules.cohort import selected_cohorts
from mbprogram.rules.hiring import active_employments
from mbprogram.rules.occupancy import daily_counts
from mbprogram.rules.view import RegisterView

__all__ = [
    "PERCENT_BANDS",
    "CohortOutcome",
    "EmploymentSummary",
    "GraduateOutcome",
    "GraduateState",
    "PotUsage",
    "cohort_outcomes",
    "employment_summary",
    "graduate_outcomes",
    "graduate_state",
    "percent_band",
    "pot_utilisation",
]


class GraduateState(enum.StrEnum):
    """Where a graduate stands on a day."""

    EMPLOYED = "employed"
    FURTHER_EDUCATION = "further-education"
    NOT_EMPLOYED = "not-employed"
    UNKNOWN = "unknown"


def _share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


class _Position(Protocol):
    """What the state of a graduate reads of an employment (register or dataset row)."""

    @property
    def pathway(self) -> Pathway: ...

    @property
    def percent(self) -> Percent: ...


def graduate_state(
    active: Sequence[_Position], latest: OutcomeKind | None
) -> tuple[GraduateState, tuple[Pathway, ...], Decimal]:
    """A graduate's state, pathways and total percentage on a day.

    Employed when any employment is ``active``; otherwise the ``latest`` known
    outcome; otherwise unknown.
    """
    if active:
        state = GraduateState.EMPLOYED
    else:
        state = GraduateState(latest.value) if latest is not None else GraduateState.UNKNOWN
    pathways = tuple(sorted({e.pathway for e in active}))
    return state, pathways, sum((e.percent.value for e in active), Decimal(0))


@attrs.frozen(kw_only=True)
class GraduateOutcome:
    """One graduate's state a number of years after graduation.

    Attributes:
        person: the graduate's student id.
        cohort: their cohort.
        graduated_on: the certificate's date.
        checked_on: the day looked at (graduation + ``years_after`` years).
        state: employed, further education, not employed, or unknown.
        pathways: the pathways of the employments active that day.
        percent: the sum of their position percentages that day.
    """

    person: str
    cohort: str
    graduated_on: dt.date
    checked_on: dt.date
    state: GraduateState
    pathways: tuple[Pathway, ...]
    percent: Decimal


def graduate_outcomes(
    register: RegisterView, *, years_after: int, as_of: dt.date
) -> tuple[GraduateOutcome, ...]:
    """Each graduate's state ``years_after`` years after graduation.

    A graduate counts as employed when an employment is active on that day;
    otherwise the latest outcome record dated on or before it decides; otherwise
    the state is unknown. Graduates whose day to look at lies after ``as_of``
    (or after the last day there is) are left out: their outcome cannot be
    known yet.

    Raises:
        InvalidValueError: if ``years_after`` is not a whole number of 0 or more,
            or ``as_of`` not a date.
    """
    if isinstance(years_after, bool) or not isinstance(years_after, int) or years_after < 0:
        raise InvalidValueError.at("years_after", "rule_arguments.years_after")
    v.check_date(as_of, "as_of")
    employments = _by_person(register.employments.values())
    outcomes: dict[str, list[tuple[dt.date, OutcomeKind]]] = defaultdict(list)
    for o in register.outcomes.values():
        outcomes[o.person].append((o.on, o.kind))
    result = []
    for student in register.students.values():
        certificate = student.certificate
        if certificate is None or certificate.issued_on.year + years_after > dt.MAXYEAR:
            continue
        day = certificate.issued_on + relativedelta(years=years_after)
        if day > as_of:
            continue
        active = [e for e in employments.get(student.id, ()) if e.active_on(day)]
        known = sorted(x for x in outcomes.get(student.id, ()) if x[0] <= day)
        state, pathways, percent = graduate_state(active, known[-1][1] if known else None)
        result.append(
            GraduateOutcome(
                person=student.id,
                cohort=student.cohort,
                graduated_on=certificate.issued_on,
                checked_on=day,
                state=state,
                pathways=pathways,
                percent=percent,
            )
        )
    return tuple(result)


@attrs.frozen(kw_only=True)
class CohortOutcome:
    """A cohort's graduation and employment rates as of a date.

    ``enrolled`` counts students who were ever active; ``employed`` counts
    graduates with an employment active on the date.
    """

    cohort: str
    enrolled: int
    graduated: int
    employed: int

    @property
    def graduation_rate(self) -> Fraction | None:
        """Graduated ÷ enrolled."""
        return _share(self.graduated, self.enrolled)

    @property
    def employment_rate(self) -> Fraction | None:
        """Employed graduates ÷ graduates."""
        return _share(self.employed, self.graduated)


def cohort_outcomes(register: RegisterView, as_of: dt.date) -> tuple[CohortOutcome, ...]:
    """Graduation and employment rates of every cohort as of ``as_of``.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
    """
    working = {e.person for e in active_employments(register, as_of)}
    result = []
    for cohort_id in register.cohorts:
        students = register.students_of(cohort_id)
        enrolled = [s for s in students if s.enrolled_on is not None and s.enrolled_on <= as_of]
        graduated = [
            s for s in students if s.certificate is not None and s.certificate.issued_on <= as_of
        ]
        result.append(
            CohortOutcome(
                cohort=cohort_id,
                enrolled=len(enrolled),
                graduated=len(graduated),
                employed=sum(1 for s in graduated if s.id in working),
            )
        )
    return tuple(result)


#: Position-percentage bands: (label, lowest included, highest excluded).
PERCENT_BANDS: Final[tuple[tuple[str, Decimal, Decimal], ...]] = (
    ("under 20 %", Decimal(0), Decimal(20)),
    ("20-49 %", Decimal(20), Decimal(50)),
    ("50-79 %", Decimal(50), Decimal(80)),
    ("80-99 %", Decimal(80), Decimal(100)),
    ("100 % or more", Decimal(100), Decimal("Infinity")),
)


def percent_band(percent: Decimal) -> str:
    """The label of the band a position percentage falls in."""
    for label, low, high in PERCENT_BANDS:
        if low <= percent < high:
            return label
    return PERCENT_BANDS[0][0]


@attrs.frozen(kw_only=True)
class EmploymentSummary:
    """Employment across cohorts as of a date, comparable to the national survey.

    Attributes:
        as_of: the date.
        employments: employments active on the date.
        people: people with at least one of them.
        by_pathway: active employments per pathway.
        percent_bands: people per band of their total position percentage.
        part_time: people whose positions add up to less than 100 %.
        under_half: people whose positions add up to less than 50 %.
        permanent: active employments that are permanent on the date.
        roles: people holding each role in at least one active employment
            (the national survey asked people, so roles are counted per person).
    """

    as_of: dt.date
    employments: int
    people: int
    by_pathway: Mapping[Pathway, int]
    percent_bands: Mapping[str, int]
    part_time: int
    under_half: int
    permanent: int
    roles: Mapping[Role, int]

    @property
    def part_time_share(self) -> Fraction | None:
        """Part-time people ÷ employed people."""
        return _share(self.part_time, self.people)

    @property
    def under_half_share(self) -> Fraction | None:
        """People under 50 % ÷ employed people."""
        return _share(self.under_half, self.people)

    @property
    def permanent_share(self) -> Fraction | None:
        """Permanent employments ÷ active employments."""
        return _share(self.permanent, self.employments)

    @property
    def role_shares(self) -> Mapping[Role, Fraction | None]:
        """For each role, people holding it ÷ employed people.

        The national survey's figures: individual users 69 %, system level 60 %,
        project work 40 %, user organisations 42 %, relatives 30 %.
        """
        return {role: _share(self.roles[role], self.people) for role in Role}


def employment_summary(
    register: RegisterView, as_of: dt.date, *, cohorts: Iterable[str] | None = None
) -> EmploymentSummary:
    """Summarise the employments active on ``as_of``, of all cohorts or of ``cohorts``.

    ``cohorts`` is a collection of cohort ids, or one id on its own.

    Raises:
        InvalidValueError: if ``as_of`` is not a date, or ``cohorts`` not cohort ids.
        NotFoundError: if ``cohorts`` names a cohort that does not exist.
    """
    v.check_date(as_of, "as_of")
    wanted = selected_cohorts(register, cohorts)
    active = [
        e
        for e in active_employments(register, as_of)
        if wanted is None or _cohort_of(register, e.person) in wanted
    ]
    totals: dict[str, Decimal] = defaultdict(Decimal)
    roles_of: dict[str, set[Role]] = defaultdict(set)
    for e in active:
        totals[e.person] += e.percent.value
        roles_of[e.person] |= e.roles
    bands = Counter(percent_band(t) for t in totals.values())
    return EmploymentSummary(
        as_of=as_of,
        employments=len(active),
        people=len(totals),
        by_pathway={p: sum(1 for e in active if e.pathway is p) for p in Pathway},
        percent_bands={label: bands.get(label, 0) for label, _, _ in PERCENT_BANDS},
        part_time=sum(1 for t in totals.values() if t < 100),
        under_half=sum(1 for t in totals.values() if t < 50),
        permanent=sum(1 for e in active if e.permanent_on(as_of)),
        roles={r: sum(1 for held in roles_of.values() if r in held) for r in Role},
    )


def _cohort_of(register: RegisterView, person: str) -> str | None:
    student = register.students.get(person)
    return None if student is None else student.cohort


def _by_person(employments: Iterable[Employment]) -> dict[str, list[Employment]]:
    out: dict[str, list[Employment]] = defaultdict(list)
    for e in employments:
        out[e.person].append(e)
    return out


@attrs.frozen(kw_only=True)
class PotUsage:
    """A budget pot's use over one day or month: positions in use (at the peak) and free."""

    pot: str
    period: DateRange
    in_use: int
    capacity: int

    @property
    def free(self) -> int:
        """Places free at the busiest point of the period."""
        return max(self.capacity - self.in_use, 0)


def pot_utilisation(
    register: RegisterView,
    pot_id: str,
    period: DateRange,
    *,
    by: Literal["day", "month"] = "month",
) -> tuple[PotUsage, ...]:
    """A budget pot's positions in use and free places for each day or month of ``period``.

    For a month, ``in_use`` is the most positions in use on any day of it.

    Raises:
        NotFoundError: if there is no such pot.
        InvalidValueError: if ``period`` is not a DateRange, or ``by`` is neither
            ``"day"`` nor ``"month"``.
    """
    v.check_instance(period, DateRange, "period", "a DateRange")
    if by not in ("day", "month"):
        raise InvalidValueError.at("by", "rule_arguments.by", got=repr(str(by)[:20]))
    pot = register.budget_pot(pot_id)
    ranges = [e.period for e in register.employments.values() if e.pot == pot_id]
    runs = list(daily_counts(ranges, period))
    if by == "day":
        return tuple(
            PotUsage(pot=pot_id, period=DateRange(day, day), in_use=n, capacity=pot.capacity)
            for run, n in runs
            for day in run
        )
    result = []
    month_start = period.start.replace(day=1)
    while True:
        # day=31 gives the month's last day; no month after December 9999 is computed
        window = DateRange(
            max(month_start, period.start), min(month_start + relativedelta(day=31), period.end)
        )
        peak = max((n for run, n in runs if run.overlaps(window)), default=0)
        result.append(PotUsage(pot=pot_id, period=window, in_use=peak, capacity=pot.capacity))
        if window.end == period.end:
            return tuple(result)
        month_start = window.end + dt.timedelta(days=1)
