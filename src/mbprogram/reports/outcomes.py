"""Outcome tables across cohorts: graduation and employment rates, pathways, percentages, roles.

The figures come from :mod:`mbprogram.rules.outcomes`; this module lays
them out as :class:`~mbprogram.reports.table.Table` s, with the national
survey's role shares beside ours for comparison.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from mbprogram.catalogue import Lang, text
from mbprogram.model import validators as v
from mbprogram.model.hiring import Pathway, Role
from mbprogram.model.values import DateRange
from mbprogram.reports.table import Table, cell_text
from mbprogram.rules.cohort import selected_cohorts
from mbprogram.rules.outcomes import (
    GraduateState,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    pot_utilisation,
)

if TYPE_CHECKING:
    import pandas as pd

    from mbprogram.register.aggregate import Register

__all__ = [
    "NATIONAL_ROLE_SHARES",
    "BandRow",
    "CohortRow",
    "OutcomesReport",
    "PathwayRow",
    "PotRow",
    "RoleRow",
    "StateRow",
    "outcomes_report",
    "pot_table",
]

#: The national survey's shares of peer workers holding each role.
NATIONAL_ROLE_SHARES: Final[Mapping[Role, Fraction]] = {
    Role.INDIVIDUAL_USERS: Fraction(69, 100),
    Role.SYSTEM_LEVEL: Fraction(60, 100),
    Role.PROJECT_WORK: Fraction(40, 100),
    Role.USER_ORGANISATIONS: Fraction(42, 100),
    Role.RELATIVES: Fraction(30, 100),
}


class PercentBand(enum.StrEnum):
    """A band of position percentages (the labels of ``PERCENT_BANDS``, docs/hiring.md)."""

    UNDER_20 = "under 20 %"
    FROM_20 = "20-49 %"
    FROM_50 = "50-79 %"
    FROM_80 = "80-99 %"
    FULL = "100 % or more"


#: The report's tables, in the order it prints them.
_TABLES: Final = ("cohorts", "after_one_year", "pathways", "bands", "roles")


def _share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


@attrs.frozen(kw_only=True)
class CohortRow:
    """A cohort's graduation and employment rates."""

    cohort: str
    enrolled: int
    graduated: int
    graduation_rate: Fraction | None
    employed: int
    employment_rate: Fraction | None


@attrs.frozen(kw_only=True)
class PathwayRow:
    """Active employments through one pathway, and their share."""

    pathway: Pathway
    employments: int
    share: Fraction | None


@attrs.frozen(kw_only=True)
class BandRow:
    """Employed people whose positions add up to a band of percentages."""

    band: PercentBand
    people: int
    share: Fraction | None


@attrs.frozen(kw_only=True)
class RoleRow:
    """The share of employed people holding a role, beside the national survey's."""

    role: Role
    people: int
    share: Fraction | None
    national: Fraction


@attrs.frozen(kw_only=True)
class StateRow:
    """Graduates in one state a number of years after graduation."""

    state: GraduateState
    graduates: int
    share: Fraction | None


@attrs.frozen(kw_only=True)
class OutcomesReport:
    """Every outcome table as of a date.

    Attributes:
        as_of: the date.
        cohorts: graduation and employment rate per cohort.
        after_one_year: graduates' states one year after graduation.
        pathways: active employments by pathway.
        bands: employed people by total position percentage.
        roles: role shares beside the national survey's.
        people: employed people; ``part_time``, ``under_half`` and
            ``permanent_share`` summarise them.
    """

    as_of: dt.date
    cohorts: Table[CohortRow]
    after_one_year: Table[StateRow]
    pathways: Table[PathwayRow]
    bands: Table[BandRow]
    roles: Table[RoleRow]
    people: int
    part_time_share: Fraction | None
    under_half_share: Fraction | None
    permanent_share: Fraction | None

    @property
    def tables(self) -> tuple[Table[object], ...]:
        """The tables in the order a report prints them."""
        return tuple(getattr(self, name) for name in _TABLES)

    def to_text(self) -> str:
        """Every table as text, with the summary figures, in the tables' language."""
        lang = self.cohorts.lang
        summary = text(
            "reports.outcomes.summary",
            lang,
            day=self.as_of,
            people=self.people,
            part_time=cell_text(self.part_time_share, lang),
            under_half=cell_text(self.under_half_share, lang),
            permanent=cell_text(self.permanent_share, lang),
        )
        return "\n\n".join([*(t.to_text() for t in self.tables), summary])

    def _repr_html_(self) -> str:
        return "".join(t._repr_html_() for t in self.tables)

    def to_dataframe(self) -> pd.DataFrame:
        """Every table in one DataFrame (needs the ``pandas`` extra).

        The index is the table's name (``cohorts``, ``after_one_year``,
        ``pathways``, ``bands``, ``roles``) and the row's number in it; the
        columns are every table's fields, empty (``NaN``) where a table has no
        such field. ``frame.loc["roles"]`` is one table.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        frames = {name: getattr(self, name).to_dataframe() for name in _TABLES}
        import pandas as pd  # noqa: PLC0415 - there: to_dataframe checked it

        return pd.concat(frames, names=["table", "row"])


def outcomes_report(
    register: Register,
    as_of: dt.date,
    *,
    cohorts: Iterable[str] | None = None,
    lang: Lang = "nb",
) -> OutcomesReport:
    """The outcome tables of every cohort (or of ``cohorts``) as of ``as_of``, in ``lang``.

    ``cohorts`` is a collection of cohort ids, or one id on its own.

    Raises:
        InvalidValueError: if ``as_of`` is not a date, or ``cohorts`` not cohort ids.
        NotFoundError: if ``cohorts`` names a cohort that does not exist.
    """
    v.check_date(as_of, "as_of")
    wanted = selected_cohorts(register, cohorts)
    cohort_rows = [
        CohortRow(
            cohort=c.cohort,
            enrolled=c.enrolled,
            graduated=c.graduated,
            graduation_rate=c.graduation_rate,
            employed=c.employed,
            employment_rate=c.employment_rate,
        )
        for c in cohort_outcomes(register, as_of)
        if wanted is None or c.cohort in wanted
    ]
    states = [
        g.state
        for g in graduate_outcomes(register, years_after=1, as_of=as_of)
        if wanted is None or g.cohort in wanted
    ]
    summary = employment_summary(register, as_of, cohorts=wanted)
    if as_of.year > 1:
        graduated = text("reports.outcomes.graduated_by", lang, day=as_of - relativedelta(years=1))
    else:  # there is no year 0
        graduated = text("reports.outcomes.nobody", lang)
    return OutcomesReport(
        as_of=as_of,
        cohorts=Table.of(
            text("reports.outcomes.cohorts", lang, day=as_of), CohortRow, cohort_rows, lang=lang
        ),
        after_one_year=Table.of(
            text("reports.outcomes.after_one_year", lang, graduated=graduated),
            StateRow,
            (
                StateRow(
                    state=s, graduates=states.count(s), share=_share(states.count(s), len(states))
                )
                for s in sorted(set(states))
            ),
            lang=lang,
        ),
        pathways=Table.of(
            text("reports.outcomes.pathways", lang, day=as_of),
            PathwayRow,
            (
                PathwayRow(pathway=p, employments=n, share=_share(n, summary.employments))
                for p, n in summary.by_pathway.items()
            ),
            lang=lang,
        ),
        bands=Table.of(
            text("reports.outcomes.bands", lang, day=as_of),
            BandRow,
            (
                BandRow(band=PercentBand(b), people=n, share=_share(n, summary.people))
                for b, n in summary.percent_bands.items()
            ),
            lang=lang,
        ),
        roles=Table.of(
            text("reports.outcomes.roles", lang, day=as_of),
            RoleRow,
            (
                RoleRow(
                    role=r,
                    people=summary.roles[r],
                    share=summary.role_shares[r],
                    national=NATIONAL_ROLE_SHARES[r],
                )
                for r in Role
            ),
            lang=lang,
        ),
        people=summary.people,
        part_time_share=summary.part_time_share,
        under_half_share=summary.under_half_share,
        permanent_share=summary.permanent_share,
    )


@attrs.frozen(kw_only=True)
class PotRow:
    """A budget pot's positions in use (at the busiest point) and free places in a period."""

    pot: str
    start: dt.date
    end: dt.date
    in_use: int
    free: int
    capacity: int


def pot_table(
    register: Register,
    pot_id: str,
    period: DateRange,
    *,
    by: Literal["day", "month"] = "month",
    lang: Lang = "nb",
) -> Table[PotRow]:
    """A budget pot's utilisation for each day or month of ``period``, titled in ``lang``.

    Raises:
        NotFoundError: if there is no such pot.
    """
    usage = pot_utilisation(register, pot_id, period, by=by)
    unit = text("reports.pot.day" if by == "day" else "reports.pot.month", lang)
    return Table.of(
        text("reports.pot.title", lang, pot=pot_id, by=unit, start=period.start, end=period.end),
        PotRow,
        (
            PotRow(
                pot=u.pot,
                start=u.period.start,
                end=u.period.end,
                in_use=u.in_use,
                free=u.free,
                capacity=u.capacity,
            )
            for u in usage
        ),
        lang=lang,
    )
