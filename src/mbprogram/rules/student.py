"""Evaluating one student against the cohort's programme rules, as of a date."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from mbprogram.model import validators as v
from mbprogram.model.assignment import AssignmentState
from mbprogram.model.cohort import Cohort
from mbprogram.model.placements import Outlook
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Status, Student
from mbprogram.model.values import Hours, exact_arithmetic, plain_decimal
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.ledger import Ledger, ledger_of
from mbprogram.rules.practice import WEEK_UNITS, PracticeDays
from mbprogram.rules.theory import TheoryProgress

__all__ = ["StudentProgress", "evaluate_student", "floor2"]

_HUNDRED = Fraction(100)
with exact_arithmetic() as _exact:
    #: Exact products and differences without entering a context each time.
    _MUL: Callable[[Decimal | int, Decimal | int], Decimal] = _exact.multiply
    _SUB: Callable[[Decimal, Decimal], Decimal] = _exact.subtract
    _ADD: Callable[[Decimal, Decimal], Decimal] = _exact.add


def floor2(value: Fraction | Decimal) -> Decimal:
    """Round down to two decimals, so a display never overstates progress."""
    return Decimal(int(Fraction(value) * 100 // 1)) / 100


@functools.lru_cache(maxsize=4096)
def _weeks(units: int) -> Fraction:
    """``units`` 1/420 weeks as a Fraction (made once per value: students share them)."""
    return Fraction(units, WEEK_UNITS)


def _below(part: Decimal | int, whole: Decimal | int, minimum: Decimal) -> bool:
    """Whether ``part / whole`` (``whole`` > 0) is below ``minimum`` percent, exactly."""
    return _MUL(part, 100) < _MUL(minimum, whole)


@functools.lru_cache(maxsize=8192)
def _weeks_missing(units: int, required: Decimal) -> str:
    """The weeks short of ``required`` at ``units`` 1/420 weeks, rounded up to two decimals."""
    return _num(-floor2(_weeks(units) - Fraction(required)))


@functools.lru_cache(maxsize=8192, typed=True)
def _num(value: Fraction | Decimal) -> str:
    """Format a number for a message: exact when it has few decimals, else floored."""
    d = floor2(value) if isinstance(value, Fraction) else value
    return plain_decimal(d)


def _pct(share: Fraction) -> str:
    return _num(floor2(share * _HUNDRED))


# The figures of each finding's message, made only when the finding is read
# (Finding.later): most findings of an evaluation are counted, not read.


def _no_figures() -> Mapping[str, object]:
    return {}


def _withdrawn(on: dt.date | None) -> Mapping[str, object]:
    return {"on": on}


def _theory_short(credited: Decimal, required: Decimal) -> Mapping[str, object]:
    return {
        "credited": _num(credited),
        "required": _num(required),
        "missing": _num(_SUB(required, credited)),
    }


def _theory_low(theory: TheoryProgress, minimum: Decimal) -> Mapping[str, object]:
    share = theory.share
    assert share is not None  # noqa: S101 - held is not 0
    return {"share": _pct(share), "held": _num(theory.held), "minimum": _num(minimum)}


def _practice_short(units: int, required: Decimal) -> Mapping[str, object]:
    return {
        "weeks": _num(_weeks(units)),
        "required": _num(required),
        # Round the shortfall up so that weeks + missing covers the requirement.
        "missing": _weeks_missing(units, required),
    }


def _practice_low(days: PracticeDays, minimum: Decimal) -> Mapping[str, object]:
    assert days.share is not None  # noqa: S101 - expected is not 0
    return {
        "attended": days.attended,
        "expected": days.expected,
        "share": _pct(days.share),
        "minimum": _num(minimum),
    }


def _concern(on: dt.date, stage: str) -> Mapping[str, object]:
    return {"on": on.isoformat(), "stage": stage}


def _assignment(state: AssignmentState) -> Mapping[str, object]:
    return {"state": state}


def _attempts(maximum: int) -> Mapping[str, object]:
    return {"maximum": maximum}


@attrs.frozen(kw_only=True)
class StudentProgress:
    """Where a student stands as of a date, with every finding.

    Numbers are exact: ``practice_weeks`` is a :class:`~fractions.Fraction`,
    hours are :class:`~mbprogram.Hours`. ``complete`` is decided on these exact
    values; use :func:`floor2` for display.
    """

    cohort: str
    student: str
    as_of: dt.date
    status: Status | None
    theory: TheoryProgress
    theory_hours_required: Hours
    practice_weeks: Fraction
    practice_weeks_required: Decimal
    practice: PracticeDays
    literature_signed_off: bool
    assignment: AssignmentState
    submissions: int
    findings: tuple[Finding, ...]

    @property
    def theory_hours(self) -> Hours:
        """Credited theory hours (attended + capped make-up)."""
        return Hours._computed(self.theory.credited)

    @property
    def theory_share(self) -> Fraction | None:
        """Attended share of the theory hours held since enrolment."""
        return self.theory.share

    @property
    def practice_share(self) -> Fraction | None:
        """Attended share of expected placement days so far."""
        return self.practice.share

    @property
    def complete(self) -> bool:
        """Whether every requirement is met: no finding of severity error."""
        return not any(f.is_error for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block completion."""
        return tuple(f for f in self.findings if f.is_error)


def evaluate_student(cohort: Cohort, student: Student, as_of: dt.date) -> StudentProgress:
    """Evaluate ``student`` against ``cohort.rules`` with records dated on or before ``as_of``.

    Returns the progress figures and one finding per unmet requirement or
    concern, with the codes of docs/rules.md. Pure: reads nothing but its arguments.

    Raises:
        InvalidValueError: if ``cohort`` is not a Cohort, ``student`` not a Student
            or ``as_of`` not a date.
    """
    v.check_instance(cohort, Cohort, "cohort", "a Cohort")
    v.check_instance(student, Student, "student", "a Student")
    return _evaluate_student(cohort, student, v.check_date(as_of, "as_of"))


class _Epoch:
    """What a student's status, sign-off, assignment and assessments say as of a date.

    They change only on their event days (:func:`_event_days`), so an epoch
    holds for every date from one event day to the next.
    """

    __slots__ = ("assignment", "head", "signed_off", "status", "submissions", "tail")

    def __init__(
        self, rules: ProgrammeRules, student: Student, ledger: Ledger, as_of: dt.date
    ) -> None:
        later = Finding.later
        status = self.status = student.status_on(as_of)
        head: list[Finding] = []
        if status is Status.WITHDRAWN:
            head.append(
                later(FindingCode.STUDENT_WITHDRAWN, ledger.path, _withdrawn, student.withdrawn_on)
            )
        tail: list[Finding] = []
        for p in student.placements:
            latest = p.latest_assessment(as_of)
            if latest is not None and latest.outlook is Outlook.CAUSE_FOR_CONCERN:
                stage = "final" if latest is p.final else "midway"
                tail.append(
                    later(
                        FindingCode.PLACEMENT_CAUSE_FOR_CONCERN,
                        f"{ledger.path}.placements[{p.id}].{stage}",
                        _concern,
                        latest.on,
                        stage,
                    )
                )
        signed_off = self.signed_off = student.literature.signed_off(as_of)
        if rules.literature_sign_off and not signed_off:
            tail.append(later(FindingCode.LITERATURE_NOT_SIGNED_OFF, ledger.paths[2], _no_figures))
        assignment = student.assignment
        state = self.assignment = (
            assignment.state(as_of) if assignment else AssignmentState.NOT_STARTED
        )
        submissions = self.submissions = assignment.submissions_as_of(as_of) if assignment else 0
        if rules.assignment_approval and state is not AssignmentState.APPROVED:
            tail.append(
                later(FindingCode.ASSIGNMENT_NOT_APPROVED, ledger.paths[3], _assignment, state)
            )
            if state is AssignmentState.NOT_APPROVED and submissions >= rules.max_submissions:
                tail.append(
                    later(
                        FindingCode.ASSIGNMENT_ATTEMPTS_EXHAUSTED,
                        ledger.paths[3],
                        _attempts,
                        rules.max_submissions,
                    )
                )
        self.head, self.tail = tuple(head), tuple(tail)


def _event_days(student: Student) -> list[dt.date]:
    """The days on which a status, the sign-off, the assignment or an assessment changes."""
    days = {c.on for c in student.status_history}
    sign_off = student.literature.sign_off
    if sign_off is not None:
        days.add(sign_off.on)
    assignment = student.assignment
    if assignment is not None:
        days.update(s.on for s in assignment.submissions)
        days.update(a.on for a in assignment.assessments)
    for p in student.placements:
        days.update(a.on for a in (p.midway, p.final) if a is not None)
    return sorted(days)


class _Memo:
    """What evaluations derive from a student's ledger and keep for other dates.

    ``epochs``: the :class:`_Epoch` between two event days, by how many event
    days lie on or before the date (a student has few). The theory figures
    with their findings, and the practice findings, are kept for the last
    figures only: an evaluation at the same date, or at one with the same
    figures, finds them; one at a new date replaces them, so that evaluating at
    many dates keeps nothing more. ``last`` is the last result, returned as
    it is by an evaluation at its date (a result is an immutable record). Each
    is exactly what is computed afresh for such a date; the memo only keeps it.
    """

    __slots__ = ("epochs", "events", "last", "practice", "theory")

    def __init__(self, student: Student) -> None:
        #: the last result (a record, immutable): what an evaluation at its very date returns
        self.last: StudentProgress | None = None
        self.events = _event_days(student)
        self.epochs: dict[int, _Epoch] = {}
        # (key, figures, findings), each replaced whole: a thread reading it sees one
        self.theory: tuple[tuple[int, int, bool], TheoryProgress, tuple[Finding, ...]] | None
        self.theory = None
        self.practice: tuple[tuple[int, int, int], tuple[Finding, ...]] | None = None


def _theory_findings(theory: TheoryProgress, ledger: Ledger) -> tuple[Finding, ...]:
    """THEORY_HOURS_SHORT and THEORY_ATTENDANCE_LOW, when the figures call for them."""
    index = ledger.index
    required = index.theory_required
    credited = _ADD(theory.attended, theory.makeup)
    minimum = index.min_theory
    # attended / held < minimum / 100, without fractions: exact Decimals, held > 0
    if minimum is None or not theory.held or not _below(theory.attended, theory.held, minimum):
        if credited < required:
            return (
                Finding.later(
                    FindingCode.THEORY_HOURS_SHORT,
                    ledger.paths[0],
                    _theory_short,
                    credited,
                    required,
                ),
            )
        return ()
    low = Finding.later(
        FindingCode.THEORY_ATTENDANCE_LOW, ledger.paths[0], _theory_low, theory, minimum
    )
    if credited < required:
        short = Finding.later(
            FindingCode.THEORY_HOURS_SHORT, ledger.paths[0], _theory_short, credited, required
        )
        return (short, low)
    return (low,)


def _practice_findings(
    rules: ProgrammeRules, units: int, days: PracticeDays, ledger: Ledger
) -> tuple[Finding, ...]:
    """PRACTICE_WEEKS_SHORT and PRACTICE_ATTENDANCE_LOW, when the figures call for them."""
    index = ledger.index
    short = units < index.units_required  # exact: an int against a Decimal
    minimum = index.min_practice
    if minimum is None or not days.expected or not _below(days.attended, days.expected, minimum):
        if short:
            return (
                Finding.later(
                    FindingCode.PRACTICE_WEEKS_SHORT,
                    ledger.paths[1],
                    _practice_short,
                    units,
                    rules.practice_weeks,
                ),
            )
        return ()
    low = Finding.later(
        FindingCode.PRACTICE_ATTENDANCE_LOW, ledger.paths[1], _practice_low, days, minimum
    )
    if short:
        weeks = Finding.later(
            FindingCode.PRACTICE_WEEKS_SHORT,
            ledger.paths[1],
            _practice_short,
            units,
            rules.practice_weeks,
        )
        return (weeks, low)
    return (low,)


def _evaluate_student(cohort: Cohort, student: Student, as_of: dt.date) -> StudentProgress:
    """:func:`evaluate_student` without the checks of its arguments (for a loop over students)."""
    rules = cohort.rules
    ledger = ledger_of(cohort, student)
    memo = ledger.evaluation
    if type(memo) is not _Memo:
        memo = ledger.evaluation = _Memo(student)
    last = memo.last
    if last is not None and last.as_of == as_of:
        return last

    step = bisect.bisect_right(memo.events, as_of)
    epoch = memo.epochs.get(step)
    if epoch is None:
        epoch = memo.epochs[step] = _Epoch(rules, student, ledger, as_of)

    key = ledger.theory_key(as_of)
    known = memo.theory
    if known is None or known[0] != key:
        theory = ledger.theory_of(key)
        known = memo.theory = (key, theory, _theory_findings(theory, ledger))
    theory, theory_findings = known[1], known[2]

    units, days = ledger.practice.figures(as_of.toordinal())
    figures = (units, days.attended, days.expected)
    seen = memo.practice
    if seen is None or seen[0] != figures:
        seen = memo.practice = (figures, _practice_findings(rules, units, days, ledger))
    practice_findings = seen[1]

    result = memo.last = StudentProgress(
        cohort=cohort.id,
        student=student.id,
        as_of=as_of,
        status=epoch.status,
        theory=theory,
        theory_hours_required=rules.theory_hours,
        practice_weeks=_weeks(units),
        practice_weeks_required=rules.practice_weeks,
        practice=days,
        literature_signed_off=epoch.signed_off,
        assignment=epoch.assignment,
        submissions=epoch.submissions,
        findings=epoch.head + theory_findings + practice_findings + epoch.tail,
    )
    return result
