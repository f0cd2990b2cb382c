"""A student's plan as of a date: what attending everything still scheduled would give.

The plan is the student's records as of the date and what is scheduled after
it: the cohort's sessions after the date, each attended in full, and the
practice days after the date inside the student's placements, each attended
(absences recorded for days after the date are not part of it, nor are marks,
make-up work or status changes dated after it). A student whose records are
closed on the date (withdrawn or graduated) has no plan beyond it.

The figures on each day come from the same arithmetic as the rules
(:mod:`mbprogram.rules.theory`, :mod:`mbprogram.rules.practice`): practice
weeks are the rule's own count over the placements without their later
absences.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.cohort import Cohort
from mbprogram.model.placements import Placement
from mbprogram.model.students import CLOSED, Status, Student
from mbprogram.model.values import Hours, exact_arithmetic
from mbprogram.rules.practice import (
    _LAST_ORDINAL,
    WEEK_UNITS,
    PracticeDays,
    _holiday_ordinals,
    _practice_days,
    _practice_units,
)
from mbprogram.rules.theory import TheoryProgress, _theory_progress

__all__ = ["StudentPlan"]

_ZERO = Decimal(0)


@attrs.frozen(kw_only=True)
class StudentPlan:
    """What a student would have on each day from ``as_of`` on if they attended everything planned.

    Make one with :meth:`of`. Days before ``as_of`` are not part of a plan.

    Attributes:
        as_of: the day the plan starts from (its records are those up to it).
        theory: the theory figures as of ``as_of``.
        enrolled: the first day the student was active, if on or before ``as_of``.
        closed: whether the student's records are closed on ``as_of`` (withdrawn
            or graduated): then nothing is planned after it.
        sessions: ``(day, hours)`` of each session after ``as_of``, by day.
        placements: the placements without absences recorded after ``as_of``.
        practice: expected and attended practice days as of ``as_of``.
        practice_days: each practice day after ``as_of`` inside a placement,
            once per placement it belongs to, in order.
        ends: the last day anything is planned (``as_of`` if nothing is).
    """

    as_of: dt.date
    theory: TheoryProgress
    enrolled: dt.date | None
    closed: bool
    sessions: tuple[tuple[dt.date, Decimal], ...]
    placements: tuple[Placement, ...]
    practice: PracticeDays
    practice_days: tuple[dt.date, ...]
    ends: dt.date
    _totals: tuple[Decimal, ...] = attrs.field(alias="totals", repr=False)

    @classmethod
    def of(cls, cohort: Cohort, student: Student, as_of: dt.date) -> StudentPlan:
        """The plan of ``student`` (of ``cohort``) from ``as_of``.

        Raises:
            InvalidValueError: if ``cohort`` is not a Cohort, ``student`` not a Student
                or ``as_of`` not a date.
        """
        v.check_instance(cohort, Cohort, "cohort", "a Cohort")
        v.check_instance(student, Student, "student", "a Student")
        return _plan(cohort, student, v.check_date(as_of, "as_of"))

    @property
    def theory_hours_left(self) -> Decimal:
        """Hours of the sessions after ``as_of``."""
        return self._totals[-1]

    def theory_hours_on(self, day: dt.date) -> Hours:
        """Credited theory hours on ``day``: those as of ``as_of`` and every session since."""
        with exact_arithmetic():
            return Hours._computed(self.theory.credited + self._hours_until(day))

    def theory_share_on(self, day: dt.date) -> Fraction | None:
        """The attended share of the theory hours held on ``day``; ``None`` if none were held."""
        if self.enrolled is None:
            return None
        since = self._hours_until(day)
        with exact_arithmetic():
            held = self.theory.held + since
            attended = self.theory.attended + since
        return Fraction(attended) / Fraction(held) if held else None

    def practice_units_on(self, day: dt.date) -> int:
        """Practice weeks on ``day`` in 1/420 weeks, by the rule's own count."""
        self._check(day)
        return _practice_units(self.placements, day)

    def practice_weeks_on(self, day: dt.date) -> Fraction:
        """Practice weeks on ``day``, exactly."""
        return Fraction(self.practice_units_on(day), WEEK_UNITS)

    def practice_days_on(self, day: dt.date) -> PracticeDays:
        """Expected and attended practice days on ``day``."""
        self._check(day)
        more = bisect.bisect_right(self.practice_days, day)
        return PracticeDays(
            attended=self.practice.attended + more, expected=self.practice.expected + more
        )

    def theory_met_on(self, required: Decimal) -> dt.date | None:
        """The first day from ``as_of`` on with at least ``required`` credited hours, if any."""
        with exact_arithmetic():
            missing = required - self.theory.credited
        if missing <= 0:
            return self.as_of
        at = bisect.bisect_left(self._totals, missing)
        return self.sessions[at - 1][0] if at < len(self._totals) else None

    def theory_share_met_on(self, minimum: Fraction) -> dt.date | None:
        """The first day from ``as_of`` on whose attended share is at least ``minimum``."""
        for day in itertools.chain((self.as_of,), (d for d, _ in self.sessions)):
            share = self.theory_share_on(day)
            if share is None or share >= minimum:
                return day
        return None

    def practice_met_on(self, required_units: int) -> dt.date | None:
        """The first day from ``as_of`` on with at least ``required_units`` 1/420 weeks."""
        if self.practice_units_on(self.as_of) >= required_units:
            return self.as_of
        days = sorted(set(self.practice_days))
        at = bisect.bisect_left(days, required_units, key=self.practice_units_on)
        return days[at] if at < len(days) else None

    def practice_share_met_on(self, minimum: Fraction) -> dt.date | None:
        """The first day from ``as_of`` on whose attended share of practice days is enough."""
        for day in itertools.chain((self.as_of,), self.practice_days):
            share = self.practice_days_on(day).share
            if share is None or share >= minimum:
                return day
        return None

    def practice_days_needed(self, required_units: int) -> int | None:
        """The fewest planned practice days that reach ``required_units``; ``None`` if all do not.

        A practice day is worth 1/expected of its week, at most a whole week
        together with the other days of that week; the most valuable days are
        counted first.
        """
        missing = required_units - self.practice_units_on(self.as_of)
        if missing <= 0:
            return 0
        for needed, gained in enumerate(itertools.accumulate(self._gains()), start=1):
            if gained >= missing:
                return needed
        return None

    def _gains(self) -> list[int]:
        """What each planned practice day adds (1/420 weeks), the most valuable first.

        Within a week the days are taken most valuable first, and what a day
        adds is capped by what is left of the week; so each week's gains fall,
        and taking the largest gains of all weeks first reaches any total with
        the fewest days.
        """
        gains = []
        for so_far, values in _week_values(self.placements, self.as_of).values():
            total = so_far
            for value in sorted(values, reverse=True):
                gains.append(min(WEEK_UNITS, total + value) - min(WEEK_UNITS, total))
                total += value
        return sorted(gains, reverse=True)

    def _hours_until(self, day: dt.date) -> Decimal:
        self._check(day)
        return self._totals[bisect.bisect_right(self.sessions, day, key=lambda s: s[0])]

    def _check(self, day: dt.date) -> None:
        v.check_date(day, "day")
        if day < self.as_of:
            raise InvalidValueError.at("day", "rule_arguments.plan_day", as_of=self.as_of, day=day)


def _plan(cohort: Cohort, student: Student, as_of: dt.date) -> StudentPlan:
    """:meth:`StudentPlan.of` without the checks of its arguments (for a loop over students)."""
    history = [c for c in student.status_history if c.on <= as_of]
    enrolled = next((c.on for c in history if c.status is Status.ACTIVE), None)
    closed = bool(history) and history[-1].status in CLOSED
    theory = _theory_progress(cohort, student, as_of)
    sessions = () if closed else tuple(sorted((d, h) for d, h in _after(cohort, as_of)))
    totals = [_ZERO]
    with exact_arithmetic():
        for _, hours in sessions:
            totals.append(totals[-1] + hours)
    placements = tuple(_without_absences_after(p, as_of) for p in student.placements)
    if closed:
        placements = tuple(_ended(p, as_of) for p in placements if p.period.start <= as_of)
    days = tuple(sorted(d for p in placements for d in _practice_days_after(p, as_of)))
    ends = max((as_of, *(d for d, _ in sessions[-1:]), *days[-1:]))
    return StudentPlan(
        as_of=as_of,
        theory=theory,
        enrolled=enrolled,
        closed=closed,
        sessions=sessions,
        placements=placements,
        practice=_practice_days(placements, as_of),
        practice_days=days,
        ends=ends,
        totals=tuple(totals),
    )


def _after(cohort: Cohort, as_of: dt.date) -> Iterator[tuple[dt.date, Decimal]]:
    for day, hours in cohort.session_table.values():
        if day > as_of:
            yield day, hours


def _without_absences_after(placement: Placement, as_of: dt.date) -> Placement:
    if all(a.day <= as_of for a in placement.absences):
        return placement
    return attrs.evolve(placement, absences=[a for a in placement.absences if a.day <= as_of])


def _ended(placement: Placement, as_of: dt.date) -> Placement:
    """The placement as far as it went by ``as_of`` (records closed: nothing more is attended)."""
    if placement.period.end <= as_of:
        return placement
    return attrs.evolve(placement, period=attrs.evolve(placement.period, end=as_of))


def _practice_days_after(placement: Placement, as_of: dt.date) -> Iterator[dt.date]:
    """The placement's practice days after ``as_of``: its weekdays in its dates, not holidays."""
    start = max(placement.period.start.toordinal(), as_of.toordinal() + 1)
    stop = placement.period.end.toordinal()
    if stop < start:
        return
    holidays = _holiday_ordinals(dt.date.fromordinal(start).year, placement.period.end.year)
    weekdays = {int(d) for d in placement.weekdays}
    for day in range(start, stop + 1):
        if (day - 1) % 7 in weekdays and day not in holidays:
            yield dt.date.fromordinal(day)


def _week_values(
    placements: Iterable[Placement], as_of: dt.date
) -> dict[int, tuple[int, list[int]]]:
    """Each week with planned practice days: its units so far (uncapped) and each day's worth.

    Days are ordinals and weeks ``(ordinal - 1) // 7``, as in the practice rule:
    a day is worth 420 / (the placement's expected days in its week), and the
    week's units so far are each placement's attended days times its day's worth.
    """
    cut = as_of.toordinal()
    placements = list(placements)
    planned: dict[int, list[int]] = {}
    for p in placements:
        for day in _practice_days_after(p, as_of):
            week = (day.toordinal() - 1) // 7
            planned.setdefault(week, []).append(WEEK_UNITS // _expected(p, week))
    weeks: dict[int, tuple[int, list[int]]] = {}
    for week, values in planned.items():
        now = 0
        for p in placements:
            expected = _expected(p, week)
            if expected:
                now += _attended_by(p, week, cut) * WEEK_UNITS // expected
        weeks[week] = (now, values)
    return weeks


def _week_days(placement: Placement, week: int) -> Iterator[int]:
    """The ordinals of the placement's practice weekdays in ``week`` that are not holidays."""
    monday = week * 7 + 1
    first = dt.date.fromordinal(monday).year
    last = dt.date.fromordinal(min(monday + 6, _LAST_ORDINAL)).year
    holidays = _holiday_ordinals(first, last)
    for weekday in sorted(int(d) for d in placement.weekdays):
        day = monday + weekday
        if day <= _LAST_ORDINAL and day not in holidays:
            yield day


def _expected(placement: Placement, week: int) -> int:
    return sum(1 for _ in _week_days(placement, week))


def _attended_by(placement: Placement, week: int, cut: int) -> int:
    """Days of ``week`` attended up to the ordinal ``cut``: inside the dates, not absent."""
    start = placement.period.start.toordinal()
    stop = min(placement.period.end.toordinal(), cut)
    absent = {a.day.toordinal() for a in placement.absences}
    return sum(1 for d in _week_days(placement, week) if start <= d <= stop and d not in absent)
