"""Host units and practice placements, with absences and supervisors' assessments."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from mbprogram.catalogue import Term
from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.privacy import SENSITIVE
from mbprogram.model.values import DateRange, HostUnitId, PlacementId, Weekday

__all__ = [
    "AssessmentStage",
    "HostUnit",
    "Outlook",
    "Placement",
    "PlacementAbsence",
    "PlacementAssessment",
]


@attrs.frozen(kw_only=True)
class HostUnit:
    """A unit that hosts placements and may later employ graduates (praksissted).

    Attributes:
        id: the unit's id.
        name: e.g. ``"Aktivitetssenteret Solheim"``.
        capacity: how many students it can take in practice at once.
        kind: what sort of unit it is (activity centre, supported housing,
            FACT team, Housing First, …); free of personal data.
    """

    id: HostUnitId = attrs.field(validator=v.record_id())
    name: str = attrs.field(validator=v.text(max_length=200))
    capacity: int = attrs.field(validator=v.between(1, 1_000))
    kind: str = attrs.field(default="", validator=v.text(max_length=200, allow_empty=True))


class Outlook(enum.StrEnum):
    """A supervisor's assessment of how a placement goes."""

    ON_TRACK = "on-track"
    CAUSE_FOR_CONCERN = "cause-for-concern"


class AssessmentStage(enum.StrEnum):
    """When in a placement an assessment is made."""

    MIDWAY = "midway"
    FINAL = "final"


@attrs.frozen(kw_only=True)
class PlacementAssessment:
    """The supervisor's midway or final assessment of a placement."""

    on: dt.date = attrs.field(validator=v.a_date())
    assessor: str = attrs.field(validator=v.text(max_length=200))
    outlook: Outlook = attrs.field(validator=v.in_enum(Outlook))
    note: str = attrs.field(
        default="",
        validator=v.text(max_length=10_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen(kw_only=True)
class PlacementAbsence:
    """A practice day the student was away, with the reason (kept private)."""

    day: dt.date = attrs.field(validator=v.a_date())
    reason: str = attrs.field(
        default="",
        validator=v.text(max_length=2_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


def _weekdays(value: Iterable[int | Weekday]) -> frozenset[Weekday]:
    problem = InvalidValueError.at("weekdays", "records.placement.weekdays")
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise problem
    days = list(value)
    if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in days):
        raise problem
    return frozenset(Weekday(d) for d in days)


@attrs.frozen(kw_only=True)
class Placement:
    """A practice placement of one student at one host unit.

    Attributes:
        id: unique among the student's placements.
        unit: the host unit's id.
        supervisor: the supervisor at the unit (praksisveileder).
        period: first and last day of the placement.
        weekdays: the days of the week practised (part-time placements are normal).
        absences: recorded absent practice days.
        midway, final: the supervisor's assessments, when made.
    """

    id: PlacementId = attrs.field(validator=v.record_id())
    unit: HostUnitId = attrs.field(validator=v.record_id())
    supervisor: str = attrs.field(validator=v.text(max_length=200))
    period: DateRange = attrs.field(validator=v.instance(DateRange))
    weekdays: frozenset[Weekday] = attrs.field(converter=_weekdays)
    absences: tuple[PlacementAbsence, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(PlacementAbsence)
    )
    midway: PlacementAssessment | None = attrs.field(
        default=None, validator=v.optional(v.instance(PlacementAssessment))
    )
    final: PlacementAssessment | None = attrs.field(
        default=None, validator=v.optional(v.instance(PlacementAssessment))
    )

    def __attrs_post_init__(self) -> None:
        # The usual case, told at a glance (the same rules as _problems, which says
        # what is wrong): at least one weekday, assessments in order and not before the
        # start, every absence once, in the period and on a practice day.
        start, end = self.period.start, self.period.end
        midway, final = self.midway, self.final
        weekdays = self.weekdays
        if (
            not weekdays
            or (midway is not None and midway.on < start)
            or (
                final is not None
                and (final.on < start or (midway is not None and final.on < midway.on))
            )
        ):
            self._problems()  # raises: it runs every rule, and says what is wrong
            return
        seen: set[dt.date] = set()
        for absence in self.absences:
            day = absence.day
            if day in seen or not start <= day <= end or day.weekday() not in weekdays:
                self._problems()
                return
            seen.add(day)

    def _problems(self) -> None:
        """Raise with every broken rule of the placement (if none is, return)."""
        problems: list[Problem] = []
        if not self.weekdays:
            problems.append(Problem.of("weekdays", "problems.placement.no_weekday"))
        seen: set[dt.date] = set()
        for i, absence in enumerate(self.absences):
            day = absence.day
            where = f"absences[{i}].day"
            if day in seen:
                problems.append(Problem.of(where, "problems.placement.absent_twice", day=day))
            seen.add(day)
            if day not in self.period:
                problems.append(
                    Problem.of(
                        where,
                        "problems.placement.outside",
                        day=day,
                        start=self.period.start,
                        end=self.period.end,
                    )
                )
            elif Weekday(day.weekday()) not in self.weekdays:
                problems.append(
                    Problem.of(
                        where,
                        "problems.placement.not_a_practice_day",
                        day=day,
                        weekday=Term(f"problems.weekday.{Weekday(day.weekday()).name.lower()}"),
                    )
                )
        for stage in AssessmentStage:
            a = self.assessment(stage)
            if a is not None and a.on < self.period.start:
                problems.append(
                    Problem.of(
                        f"{stage.value}.on",
                        "problems.placement.assessed_before_start",
                        on=a.on,
                        start=self.period.start,
                    )
                )
        if self.midway and self.final and self.final.on < self.midway.on:
            problems.append(
                Problem.of(
                    "final.on",
                    "problems.placement.final_before_midway",
                    on=self.final.on,
                    midway=self.midway.on,
                )
            )
        if problems:
            raise InvalidValueError(problems)

    @property
    def absent_days(self) -> frozenset[dt.date]:
        """The recorded absent days."""
        return frozenset(a.day for a in self.absences)

    def assessment(self, stage: AssessmentStage) -> PlacementAssessment | None:
        """The assessment made at ``stage``, if any."""
        return self.midway if stage is AssessmentStage.MIDWAY else self.final

    def latest_assessment(self, as_of: dt.date) -> PlacementAssessment | None:
        """The latest assessment made on or before ``as_of``."""
        for a in (self.final, self.midway):
            if a is not None and a.on <= as_of:
                return a
        return None
