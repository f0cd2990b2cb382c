"""A student's running sums, made once and kept with the student: an evaluation is a lookup.

:func:`ledger_of` gives the :class:`Ledger` of a student in a cohort: the
theory hours credited up to each session day, the make-up hours up to each
approval, and for practice the whole weeks and the days expected and attended
up to each week. Each figure of :func:`~mbprogram.evaluate_student` as of any
date is then a binary search and a little arithmetic on the week of the date,
however many dates are asked for.

The figures are exactly those of the direct computations
(:func:`~mbprogram.rules.theory.theory_progress`,
:func:`~mbprogram.rules.practice.practice_units`,
:func:`~mbprogram.rules.practice.practice_days`; a property test compares them
on random students and dates): sums of the same Decimals in the exact context,
and the practice weeks counted in the same whole 1/420 parts.

A ledger is kept in the student's :attr:`~mbprogram.Student.derived` memo,
with the cohort it was made for; a student is immutable, so a changed student
is a new record with a new ledger, and a ledger made for another cohort object
(a session moved) is made again.
"""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal
from itertools import accumulate

from mbprogram.model.attendance import Present
from mbprogram.model.cohort import Cohort
from mbprogram.model.history import student_path
from mbprogram.model.placements import Placement
from mbprogram.model.students import Status, Student
from mbprogram.model.values import exact_arithmetic
from mbprogram.paths import RecordPath
from mbprogram.rules.practice import (
    WEEK_UNITS,
    PracticeDays,
    _holiday_ordinals,
    _Span,
    _span,
    _weekday_count,
    week_units,
)
from mbprogram.rules.theory import TheoryProgress, theory_figures

__all__ = ["Ledger", "ledger_of"]

_ZERO = Decimal(0)
_LAST = dt.date.max.toordinal()
_KEY = "mbprogram.rules.ledger"


class _PlacementDays:
    """One placement's figures for the practice rules, independent of the as-of date."""

    __slots__ = (
        "absent",
        "absent_days",
        "end",
        "end_ordinal",
        "holidays",
        "start",
        "start_ordinal",
        "weekday_list",
        "weekdays",
    )

    def __init__(self, placement: Placement) -> None:
        period = placement.period
        self.start, self.end = period.start, period.end
        self.start_ordinal, self.end_ordinal = self.start.toordinal(), self.end.toordinal()
        self.weekdays = frozenset(int(d) for d in placement.weekdays)
        self.weekday_list = sorted(self.weekdays)
        self.absent = frozenset(a.day.toordinal() for a in placement.absences)
        self.absent_days = sorted(a.day for a in placement.absences)
        # the public holidays on a practice weekday inside the placement, in order
        self.holidays = sorted(
            h
            for h in _holiday_ordinals(self.start.year, self.end.year)
            if self.start_ordinal <= h <= self.end_ordinal and (h - 1) % 7 in self.weekdays
        )

    def days(self, stop: dt.date) -> tuple[int, int]:
        """Expected and attended days from the start to ``stop`` (on or before the end)."""
        expected = _weekday_count(self.start, stop, self.weekdays) - bisect.bisect_right(
            self.holidays, stop.toordinal()
        )
        return expected, expected - bisect.bisect_right(self.absent_days, stop)

    def units_in_week(self, week: int, stop: int) -> int:
        """This placement's 1/420 parts in ``week`` counting days up to ordinal ``stop``."""
        monday = week * 7 + 1
        holidays = _holiday_ordinals(
            dt.date.fromordinal(monday).year, dt.date.fromordinal(min(monday + 6, _LAST)).year
        )
        return week_units(
            monday, self.weekday_list, holidays, self.start_ordinal, stop, self.absent
        )


class _Practice:
    """A student's practice weeks and days as running sums by week."""

    __slots__ = (
        "covered",
        "deficit_totals",
        "deficit_weeks",
        "final_days",
        "final_units",
        "last_end",
        "placements",
    )

    def __init__(self, placements: tuple[Placement, ...]) -> None:
        self.placements = [_PlacementDays(p) for p in placements]
        spans = [s for p in placements if (s := _span(p, dt.date.max)) is not None]
        self.covered = _merged_weeks(spans)
        deficits = sorted(_deficits(spans).items())
        self.deficit_weeks = [w for w, _ in deficits]
        self.deficit_totals = [0, *accumulate(d for _, d in deficits)]
        self.last_end = max((p.end for p in self.placements), default=None)
        self.final_units = self._units_before(_LAST)
        expected = attended = 0
        for p in self.placements:
            e, a = p.days(p.end)
            expected += e
            attended += a
        self.final_days = PracticeDays(attended=attended, expected=expected)

    def _units_before(self, week: int) -> int:
        """The parts earned in the weeks before ``week`` (every day of them is counted)."""
        whole = 0
        for first, last in self.covered:
            if first >= week:
                break
            whole += min(last, week - 1) - first + 1
        lost = self.deficit_totals[bisect.bisect_left(self.deficit_weeks, week)]
        return whole * WEEK_UNITS - lost

    def units(self, as_of: dt.date) -> int:
        """Practice weeks as of ``as_of`` in 1/420 parts (as :func:`practice_units`)."""
        last_end = self.last_end
        if last_end is None:
            return 0
        if as_of >= last_end:
            return self.final_units
        day = as_of.toordinal()
        week = (day - 1) // 7
        this_week = 0
        for p in self.placements:
            if p.start_ordinal <= day and (p.end_ordinal - 1) // 7 >= week:
                this_week += p.units_in_week(week, min(day, p.end_ordinal))
        return self._units_before(week) + min(WEEK_UNITS, this_week)

    def days(self, as_of: dt.date) -> PracticeDays:
        """Expected and attended practice days up to ``as_of`` (as :func:`practice_days`)."""
        last_end = self.last_end
        if last_end is None or as_of >= last_end:
            return self.final_days
        expected = attended = 0
        for p in self.placements:
            if as_of < p.start:
                continue
            e, a = p.days(p.end if p.end < as_of else as_of)
            expected += e
            attended += a
        return PracticeDays(attended=attended, expected=expected)


def _merged_weeks(spans: list[_Span]) -> list[tuple[int, int]]:
    """The weeks the spans cover, as sorted disjoint runs ``(first, last)``."""
    runs: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: s.first):
        if runs and s.first <= runs[-1][1]:
            if s.last > runs[-1][1]:
                runs[-1] = (runs[-1][0], s.last)
        else:
            runs.append((s.first, s.last))
    return runs


def _deficits(spans: list[_Span]) -> dict[int, int]:
    """The parts short of a whole week, for the weeks no span has whole (as ``_combined_units``)."""
    deficits: dict[int, int] = {}
    for week in {w for s in spans for w in s.partial}:
        total = 0
        for s in spans:
            if s.first <= week <= s.last:
                if week not in s.partial:
                    break
                total += s.partial[week]
        else:
            lost = WEEK_UNITS - min(WEEK_UNITS, total)
            if lost:
                deficits[week] = lost
    return deficits


class Ledger:
    """A student's running sums in one cohort; every figure as of any date from them.

    Attributes:
        cohort: the cohort it was made for (a ledger is used only with that very object).
        path: the student's record path, for findings.
        enrolled: the first day the student was active, or ``None``.
    """

    __slots__ = (
        "cohort",
        "enrolled",
        "makeup_days",
        "makeup_totals",
        "path",
        "practice",
        "theory_days",
        "theory_totals",
    )

    def __init__(self, cohort: Cohort, student: Student) -> None:
        self.cohort = cohort
        self.path: RecordPath = student_path(student.cohort, student.id)
        self.enrolled = next(
            (c.on for c in student.status_history if c.status is Status.ACTIVE), None
        )
        sessions = cohort.session_table
        credited: list[tuple[dt.date, Decimal]] = []
        for record in student.attendance:
            mark = record.mark
            if type(mark) is Present:
                session = sessions.get(record.session)
                if session is not None:
                    hours, length = mark.hours.value, session[1]
                    credited.append((session[0], hours if hours <= length else length))
        credited.sort(key=_first)
        makeups = sorted(((m.on, m.hours.value) for m in student.makeups), key=_first)
        with exact_arithmetic():
            self.theory_totals = list(accumulate((h for _, h in credited), initial=_ZERO))
            self.makeup_totals = list(accumulate((h for _, h in makeups), initial=_ZERO))
        self.theory_days = [d for d, _ in credited]
        self.makeup_days = [d for d, _ in makeups]
        self.practice = _Practice(student.placements)

    def theory(self, as_of: dt.date) -> TheoryProgress:
        """The theory figures as of ``as_of`` (as :func:`~mbprogram.theory_progress`)."""
        attended = self.theory_totals[bisect.bisect_right(self.theory_days, as_of)]
        makeup = self.makeup_totals[bisect.bisect_right(self.makeup_days, as_of)]
        return theory_figures(self.cohort, attended, makeup, self.enrolled, as_of)


def _first(pair: tuple[dt.date, Decimal]) -> dt.date:
    return pair[0]


def ledger_of(cohort: Cohort, student: Student) -> Ledger:
    """The student's ledger in ``cohort``, made on first use and kept with the student."""
    memo = student.derived
    ledger = memo.get(_KEY)
    if type(ledger) is not Ledger or ledger.cohort is not cohort:
        ledger = memo[_KEY] = Ledger(cohort, student)
    return ledger
