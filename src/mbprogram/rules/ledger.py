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

A ledger is made in one pass over the student's attendance, on the cohort's
:class:`CohortIndex` (made once per cohort object); placements with the same
dates and weekdays share one :class:`_Frame` of weeks and holidays.

A ledger is kept in the student's :attr:`~mbprogram.Student.derived` memo,
with the cohort it was made for; a student is immutable, so a changed student
is a new record with a new ledger, and a ledger made for another cohort object
(a session moved) is made again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from itertools import accumulate
from operator import attrgetter, itemgetter

from mbprogram.model.attendance import Present
from mbprogram.model.cohort import Cohort
from mbprogram.model.history import student_path
from mbprogram.model.placements import Placement
from mbprogram.model.students import Status, Student
from mbprogram.model.values import Weekday, exact_arithmetic
from mbprogram.paths import RecordPath
from mbprogram.rules.practice import (
    WEEK_UNITS,
    PracticeDays,
    _holiday_ordinals,
    week_units,
)
from mbprogram.rules.theory import TheoryProgress

__all__ = ["Ledger", "ledger_of"]

_ZERO = Decimal(0)
_LAST = dt.date.max.toordinal()
_KEY = "mbprogram.rules.ledger"
with exact_arithmetic() as _exact:
    #: Exact sums and differences without entering a context each time.
    _ADD: Callable[[Decimal, Decimal], Decimal] = _exact.add
    _SUB: Callable[[Decimal, Decimal], Decimal] = _exact.subtract
    _MUL: Callable[[Decimal, int], Decimal] = _exact.multiply
_POSITION = itemgetter(0)
_HOURS = itemgetter(1)
_FIRST_WEEK = attrgetter("first_week")


class CohortIndex:
    """What every ledger of a cohort's students reads: its sessions in day order.

    Made once per cohort object (:func:`cohort_index`), not once per student.

    Attributes:
        positions: each session's id -> its place in day order and its length.
        days: the session days in order (as the cohort's schedule).
        totals: hours of the first ``i`` sessions (as the cohort's schedule).
        units_required: the practice weeks of the cohort's rules in 1/420 parts.
        theory_required, min_theory, min_practice: the rules' theory hours and
            minimum shares (percent, or ``None``), as Decimals.
    """

    __slots__ = (
        "cohort",
        "days",
        "min_practice",
        "min_theory",
        "positions",
        "theory_required",
        "totals",
        "units_required",
    )

    def __init__(self, cohort: Cohort) -> None:
        self.cohort = cohort
        rules = cohort.rules
        self.theory_required: Decimal = rules.theory_hours.value
        self.min_theory = None if rules.min_theory_share is None else rules.min_theory_share.value
        self.min_practice = (
            None if rules.min_practice_share is None else rules.min_practice_share.value
        )
        # the practice weeks the rules ask for, in 1/420 parts (exact)
        self.units_required: Decimal = _MUL(cohort.rules.practice_weeks, WEEK_UNITS)
        schedule = cohort.schedule
        self.days, self.totals = schedule.days, schedule.totals
        ordered = sorted(cohort.sessions, key=lambda s: s.day)  # as the schedule orders them
        self.positions = {s.id: (i, s.hours.value) for i, s in enumerate(ordered)}


#: The indexes of the cohorts evaluated lately, by the cohort object's id (kept
#: with the cohort itself, so an id is never taken over while its entry lives).
_INDEXES: dict[int, CohortIndex] = {}
_MAX_INDEXES = 256


def cohort_index(cohort: Cohort) -> CohortIndex:
    """The cohort's :class:`CohortIndex`, made on first use and kept for the cohort object."""
    index = _INDEXES.get(id(cohort))
    if index is None or index.cohort is not cohort:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.clear()
        index = _INDEXES[id(cohort)] = CohortIndex(cohort)
    return index


@functools.lru_cache(maxsize=128)
def _weekday_order(weekdays: frozenset[Weekday]) -> tuple[frozenset[int], tuple[int, ...]]:
    """A placement's practice weekdays as plain ints, as a set and in order (placements share)."""
    days = frozenset(int(d) for d in weekdays)
    return days, tuple(sorted(days))


@functools.lru_cache(maxsize=256)
def _holidays_in_order(first_year: int, last_year: int) -> tuple[int, ...]:
    """The public holidays of the years, as sorted ordinals (computed once per span of years)."""
    return tuple(sorted(_holiday_ordinals(first_year, last_year)))


class _Frame:
    """What placements with the same dates and weekdays share, whoever is placed.

    The weeks, the public holidays of the years they touch, the holidays on a
    practice weekday inside the dates (in order), and each edge or holiday
    week's parts with no absence. Made once per dates and weekdays
    (:func:`_frame`): a cohort's placements often share them.
    """

    __slots__ = ("first_week", "holiday_set", "holidays", "last_week", "partial", "weekday_list")

    def __init__(
        self, start: int, end: int, weekdays: frozenset[int], order: tuple[int, ...]
    ) -> None:
        first, last = self.first_week, self.last_week = (start - 1) // 7, (end - 1) // 7
        years = (
            dt.date.fromordinal(first * 7 + 1).year,
            dt.date.fromordinal(min(last * 7 + 7, _LAST)).year,
        )
        holiday_set = self.holiday_set = _holiday_ordinals(*years)
        ordered = _holidays_in_order(*years)
        self.holidays = [
            h
            for h in ordered[bisect.bisect_left(ordered, start) : bisect.bisect_right(ordered, end)]
            if (h - 1) % 7 in weekdays
        ]
        self.weekday_list = order
        # Weeks that are not whole: the edge weeks and the weeks with a holiday on
        # a practice day (as rules/practice.py counts them); absences add theirs.
        special = {first, last}
        special.update((h - 1) // 7 for h in self.holidays)
        none: frozenset[int] = frozenset()
        self.partial = {
            week: week_units(week * 7 + 1, order, holiday_set, start, end, none) for week in special
        }


@functools.lru_cache(maxsize=4096)
def _frame(start: int, end: int, weekdays: frozenset[Weekday]) -> _Frame:
    """The :class:`_Frame` of placements from ordinal ``start`` to ``end`` on ``weekdays``."""
    days, order = _weekday_order(weekdays)
    return _Frame(start, end, days, order)


class _PlacementDays:
    """One placement's figures for the practice rules, independent of the as-of date.

    Days are ordinals (day 1 = Monday 0001-01-01), so that weekday and week are
    integer arithmetic: weekday = (o - 1) % 7, week = (o - 1) // 7.
    """

    __slots__ = (
        "absent",
        "absent_days",
        "end",
        "first_week",
        "holiday_set",
        "holidays",
        "last_week",
        "partial",
        "start",
        "weekday_list",
        "weekdays",
    )

    def __init__(self, placement: Placement) -> None:
        period = placement.period
        start = self.start = period.start.toordinal()
        end = self.end = period.end.toordinal()
        self.weekdays = _weekday_order(placement.weekdays)[0]
        frame = _frame(start, end, placement.weekdays)
        self.first_week, self.last_week = frame.first_week, frame.last_week
        holiday_set = self.holiday_set = frame.holiday_set
        self.holidays = frame.holidays
        order = self.weekday_list = frame.weekday_list
        absences = placement.absences
        if not absences:
            self.absent: frozenset[int] = frozenset()
            self.absent_days: list[int] = []
            self.partial = frame.partial  # shared with the frame: only read
            return
        absent = self.absent = frozenset(a.day.toordinal() for a in absences)
        self.absent_days = sorted(absent)
        # the weeks with an absence are looked at day by day too
        partial = self.partial = dict(frame.partial)
        for week in {(a - 1) // 7 for a in absent if start <= a <= end}:
            partial[week] = week_units(week * 7 + 1, order, holiday_set, start, end, absent)

    def days(self, stop: int) -> tuple[int, int]:
        """Expected and attended days from the start to ordinal ``stop`` (on or before the end)."""
        start, weekdays = self.start, self.weekdays
        full, rest = divmod(stop - start + 1, 7)
        expected = full * len(weekdays)
        first = (start - 1) % 7
        for offset in range(rest):
            if (first + offset) % 7 in weekdays:
                expected += 1
        expected -= bisect.bisect_right(self.holidays, stop)
        return expected, expected - bisect.bisect_right(self.absent_days, stop)

    def units_in_week(self, week: int, stop: int) -> int:
        """This placement's 1/420 parts in ``week`` counting days up to ordinal ``stop``."""
        return week_units(
            week * 7 + 1, self.weekday_list, self.holiday_set, self.start, stop, self.absent
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
        spans = self.placements = [_PlacementDays(p) for p in placements]
        if len(spans) > 1:
            spans.sort(key=_FIRST_WEEK)
        covered = self.covered = _merged_weeks(spans)
        deficits = sorted(_deficits(spans, covered).items())
        self.deficit_weeks = [w for w, _ in deficits]
        self.deficit_totals = [0, *accumulate(d for _, d in deficits)]
        self.last_end = max((p.end for p in spans), default=None)
        self.final_units = self._units_before(_LAST)
        expected = attended = 0
        for p in spans:
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
            whole += (last if last < week else week - 1) - first + 1
        lost = self.deficit_totals[bisect.bisect_left(self.deficit_weeks, week)]
        return whole * WEEK_UNITS - lost

    def units(self, day: int) -> int:
        """Practice weeks as of ordinal ``day`` in 1/420 parts (as :func:`practice_units`)."""
        last_end = self.last_end
        if last_end is None:
            return 0
        if day >= last_end:
            return self.final_units
        week = (day - 1) // 7
        this_week = 0
        for p in self.placements:
            if p.start <= day and p.last_week >= week:
                this_week += p.units_in_week(week, day if day < p.end else p.end)
        return self._units_before(week) + min(WEEK_UNITS, this_week)

    def figures(self, day: int) -> tuple[int, PracticeDays]:
        """:meth:`units` and :meth:`days` as of ordinal ``day``."""
        last_end = self.last_end
        if last_end is None or day >= last_end:
            return (0 if last_end is None else self.final_units), self.final_days
        return self.units(day), self.days(day)

    def days(self, day: int) -> PracticeDays:
        """Expected and attended practice days up to ordinal ``day`` (as :func:`practice_days`)."""
        last_end = self.last_end
        if last_end is None or day >= last_end:
            return self.final_days
        expected = attended = 0
        for p in self.placements:
            if day < p.start:
                continue
            e, a = p.days(p.end if p.end < day else day)
            expected += e
            attended += a
        return PracticeDays(attended=attended, expected=expected)


def _merged_weeks(spans: list[_PlacementDays]) -> list[tuple[int, int]]:
    """The weeks the placements (in order of their first week) cover, as disjoint runs."""
    runs: list[tuple[int, int]] = []
    for s in spans:
        if runs and s.first_week <= runs[-1][1]:
            if s.last_week > runs[-1][1]:
                runs[-1] = (runs[-1][0], s.last_week)
        else:
            runs.append((s.first_week, s.last_week))
    return runs


def _deficits(spans: list[_PlacementDays], runs: list[tuple[int, int]]) -> dict[int, int]:
    """The parts short of a whole week, for the weeks no placement has whole.

    As ``_combined_units`` of rules/practice.py: a week one placement has whole
    is whole; otherwise it counts the capped sum of the partial parts. When no
    two placements share a week (one run each), each week is its placement's.
    """
    if len(runs) == len(spans):
        return {w: WEEK_UNITS - u for s in spans for w, u in s.partial.items() if u < WEEK_UNITS}
    deficits: dict[int, int] = {}
    for week in {w for s in spans for w in s.partial}:
        total = 0
        for s in spans:
            if s.first_week <= week <= s.last_week:
                units = s.partial.get(week)
                if units is None:
                    break
                total += units
        else:
            lost = WEEK_UNITS - min(WEEK_UNITS, total)
            if lost:
                deficits[week] = lost
    return deficits


class Ledger:
    """A student's running sums in one cohort; every figure as of any date from them.

    Attributes:
        cohort: the cohort it was made for (a ledger is used only with that very object).
        index: the cohort's :class:`CohortIndex`.
        evaluation: what evaluations derive from the ledger and keep (rules/student.py).
        enrolled: the first day the student was active, or ``None``.
    """

    __slots__ = (
        "_path",
        "_paths",
        "cohort",
        "cohort_id",
        "enrolled",
        "evaluation",
        "held_from",
        "index",
        "makeup_days",
        "makeup_totals",
        "practice",
        "sessions",
        "student_id",
        "theory_totals",
        "totals",
    )

    def __init__(self, cohort: Cohort, student: Student, index: CohortIndex | None = None) -> None:
        index = index if index is not None else cohort_index(cohort)
        self.cohort = cohort
        self.index = index
        # the paths are made when a finding first needs them
        self.cohort_id, self.student_id = student.cohort, student.id
        self._path: RecordPath | None = None
        self._paths: tuple[str, str, str, str] | None = None
        self.evaluation: object = None
        enrolled = self.enrolled = next(
            (c.on for c in student.status_history if c.status is Status.ACTIVE), None
        )
        # one pass over the attendance: the hours credited at each session, by its
        # place in the cohort's day order (a session is marked at most once)
        positions = index.positions.get
        credited = [_ZERO] * len(index.days)
        for record in student.attendance:
            mark = record.mark
            if type(mark) is Present:
                session = positions(record.session)
                if session is not None:
                    value, length = mark.hours.value, session[1]
                    credited[session[0]] = value if value <= length else length
        # theory_totals[i]: the hours credited at the first i sessions (adding the
        # zeros of the others changes no sum: every sum starts from Decimal(0))
        self.theory_totals = list(accumulate(credited, _ADD, initial=_ZERO))
        self.sessions = index.days
        # the sessions held from enrolment on: their hours are totals[i] - totals[first]
        self.totals = index.totals
        self.held_from = 0 if enrolled is None else bisect.bisect_left(index.days, enrolled)
        makeups = student.makeups
        if makeups:
            ordered = sorted(((m.on, m.hours.value) for m in makeups), key=_POSITION)
            totals = list(accumulate(map(_HOURS, ordered), _ADD, initial=_ZERO))
            cap = cohort.rules.makeup_cap
            if cap is not None:
                limit = cap.value
                totals = [limit if t > limit else t for t in totals]
            self.makeup_days = [d for d, _ in ordered]
            self.makeup_totals = totals
        else:
            self.makeup_days, self.makeup_totals = [], [_ZERO]
        self.practice = _Practice(student.placements)

    @property
    def path(self) -> RecordPath:
        """The student's record path, for findings."""
        path = self._path
        if path is None:
            path = self._path = student_path(self.cohort_id, self.student_id)
        return path

    @property
    def paths(self) -> tuple[str, str, str, str]:
        """The paths of the student's attendance, placements, literature and assignment."""
        paths = self._paths
        if paths is None:
            path = self.path
            paths = self._paths = (
                f"{path}.attendance",
                f"{path}.placements",
                f"{path}.literature",
                f"{path}.assignment",
            )
        return paths

    def theory_key(self, as_of: dt.date) -> tuple[int, int, bool]:
        """What the theory figures as of ``as_of`` depend on: equal keys, equal figures."""
        enrolled = self.enrolled
        return (
            bisect.bisect_right(self.sessions, as_of),
            bisect.bisect_right(self.makeup_days, as_of),
            enrolled is not None and as_of >= enrolled,
        )

    def theory(self, as_of: dt.date) -> TheoryProgress:
        """The theory figures as of ``as_of`` (as :func:`~mbprogram.theory_progress`)."""
        return self.theory_of(self.theory_key(as_of))

    def theory_of(self, key: tuple[int, int, bool]) -> TheoryProgress:
        """The theory figures of a :meth:`theory_key`."""
        held_to, made_up, enrolled = key
        totals = self.totals
        return TheoryProgress(
            attended=self.theory_totals[held_to],
            makeup=self.makeup_totals[made_up],
            held=_SUB(totals[held_to], totals[self.held_from]) if enrolled else _ZERO,
        )


def ledger_of(cohort: Cohort, student: Student) -> Ledger:
    """The student's ledger in ``cohort``, made on first use and kept with the student."""
    memo = student.derived
    ledger = memo.get(_KEY)
    if type(ledger) is not Ledger or ledger.cohort is not cohort:
        ledger = memo[_KEY] = Ledger(cohort, student)
    return ledger
