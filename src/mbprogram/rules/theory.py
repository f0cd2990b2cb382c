"""The theory rule (docs/rules.md, Theory): credited hours and attended share, as of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs

from mbprogram.model import validators as v
from mbprogram.model.attendance import Present
from mbprogram.model.cohort import Cohort
from mbprogram.model.students import Student
from mbprogram.model.values import exact_arithmetic

__all__ = ["TheoryProgress", "theory_figures", "theory_progress"]

_ZERO = Decimal(0)
with exact_arithmetic() as _exact:
    #: An exact sum without entering a context each time.
    _ADD: Callable[[Decimal, Decimal], Decimal] = _exact.add


@attrs.frozen
class TheoryProgress:
    """A student's theory hours as of a date.

    Attributes:
        attended: hours attended at sessions held on or before the date, each
            never more than the session's length.
        makeup: approved make-up hours up to the date, after the rules' cap.
        held: hours of the sessions held between enrolment and the date.
    """

    attended: Decimal
    makeup: Decimal
    held: Decimal

    @property
    def credited(self) -> Decimal:
        """Attended hours plus credited make-up hours."""
        return _ADD(self.attended, self.makeup)

    @property
    def share(self) -> Fraction | None:
        """Attended hours over hours held since enrolment; ``None`` if none were held."""
        if not self.held:
            return None
        return Fraction(self.attended) / Fraction(self.held)


def theory_progress(cohort: Cohort, student: Student, as_of: dt.date) -> TheoryProgress:
    """Compute credited theory hours and the attended share as of ``as_of``.

    Credited = Σ over sessions held on or before ``as_of`` of the hours attended
    (never more than the session's length) + approved make-up hours dated on or
    before ``as_of``, capped by ``rules.makeup_cap``. The share counts only
    sessions held on or after the student's enrolment, so a late start is not
    a penalty; make-up work does not count towards it.

    Raises:
        InvalidValueError: if ``cohort`` is not a Cohort, ``student`` not a Student
            or ``as_of`` not a date.
    """
    v.check_instance(cohort, Cohort, "cohort", "a Cohort")
    v.check_instance(student, Student, "student", "a Student")
    return _theory_progress(cohort, student, v.check_date(as_of, "as_of"))


def _theory_progress(cohort: Cohort, student: Student, as_of: dt.date) -> TheoryProgress:
    """:func:`theory_progress` without the checks of its arguments (for a loop over students)."""
    sessions = cohort.session_table
    attended = _ZERO
    with exact_arithmetic():
        for record in student.attendance:
            mark = record.mark
            if type(mark) is Present:
                session = sessions.get(record.session)
                if session is not None and session[0] <= as_of:
                    hours, length = mark.hours.value, session[1]
                    attended += hours if hours <= length else length
        makeup = sum((m.hours.value for m in student.makeups if m.on <= as_of), _ZERO)
    return theory_figures(cohort, attended, makeup, student.enrolled_on, as_of)


def theory_figures(
    cohort: Cohort, attended: Decimal, makeup: Decimal, enrolled: dt.date | None, as_of: dt.date
) -> TheoryProgress:
    """The figures from the hours attended and made up to ``as_of``: the cap, the hours held."""
    cap = cohort.rules.makeup_cap
    if cap is not None and makeup > cap.value:
        makeup = cap.value
    held = _ZERO if enrolled is None else cohort.schedule.hours_between(enrolled, as_of)
    return TheoryProgress(attended=attended, makeup=makeup, held=held)
