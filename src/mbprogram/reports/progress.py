"""Cohort progress per student, as rows and as the ``progress --format json`` document.

The JSON shape is a stable contract (docs/cli.md)::

    {"as_of": "YYYY-MM-DD", "students": [{"cohort", "student", "status",
     "theory_hours", "theory_hours_required", "practice_weeks",
     "practice_weeks_required", "literature_signed_off", "assignment",
     "complete", "findings": [{"code", "severity", "path", "message"}]}]}

Hours and weeks are JSON numbers, rounded down to two decimals so that a
display never overstates progress (139.999 h shows as 139.99, not 140);
``complete`` is decided on the exact values. ``status`` is ``null`` for a
student with no status yet on the as-of date (added to the register later).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from mbprogram.model import validators as v
from mbprogram.model.assignment import AssignmentState
from mbprogram.model.students import Status
from mbprogram.reports.table import Table
from mbprogram.rules.cohort import evaluate_cohort
from mbprogram.rules.findings import Finding, Lang
from mbprogram.rules.student import StudentProgress, floor2

if TYPE_CHECKING:
    from mbprogram.register.aggregate import Register

__all__ = [
    "ProgressRow",
    "finding_document",
    "progress_document",
    "progress_of",
    "progress_table",
]


@attrs.frozen(kw_only=True)
class ProgressRow:
    """One student's progress as of a date, for a table (ids and figures only).

    ``practice_weeks`` is rounded down to two decimals; ``missing`` lists the
    codes of the findings that block completion.
    """

    cohort: str
    student: str
    status: Status | None
    theory_hours: Decimal
    theory_hours_required: Decimal
    practice_weeks: Decimal
    practice_weeks_required: Decimal
    literature_signed_off: bool
    assignment: AssignmentState
    complete: bool
    missing: tuple[str, ...]

    @classmethod
    def from_progress(cls, p: StudentProgress) -> ProgressRow:
        """The row of one evaluated student."""
        return cls(
            cohort=p.cohort,
            student=p.student,
            status=p.status,
            theory_hours=p.theory_hours.value,
            theory_hours_required=p.theory_hours_required.value,
            practice_weeks=floor2(p.practice_weeks),
            practice_weeks_required=p.practice_weeks_required,
            literature_signed_off=p.literature_signed_off,
            assignment=p.assignment,
            complete=p.complete,
            missing=tuple(f.code.value for f in p.errors),
        )


def progress_of(
    register: Register, as_of: dt.date, *, cohort: str | None = None
) -> tuple[StudentProgress, ...]:
    """Every student's progress as of ``as_of``, of one cohort or of all, cohort by cohort.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    v.check_date(as_of, "as_of")
    cohorts = [cohort] if cohort is not None else list(register.cohorts)
    return tuple(s for c in cohorts for s in evaluate_cohort(register, c, as_of).students)


def progress_table(
    register: Register, as_of: dt.date, *, cohort: str | None = None
) -> Table[ProgressRow]:
    """The progress of every student (of ``cohort``, or of all cohorts) as of ``as_of``.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    v.check_date(as_of, "as_of")
    which = f"cohort {cohort}" if cohort else "all cohorts"
    return Table.of(
        f"Progress of {which} as of {as_of.isoformat()}",
        ProgressRow,
        (ProgressRow.from_progress(p) for p in progress_of(register, as_of, cohort=cohort)),
        _LABELS,
    )


#: Short headers for the text and HTML views of the progress table.
_LABELS = {
    "theory_hours": "theory h",
    "theory_hours_required": "of",
    "practice_weeks": "weeks",
    "practice_weeks_required": "of",
    "literature_signed_off": "literature",
}


def _number(value: Decimal) -> int | float:
    """A JSON number: an int when whole, else the float nearest the exact value."""
    return int(value) if value == value.to_integral_value() else float(value)


def progress_document(
    register: Register, as_of: dt.date, *, cohort: str | None = None, lang: Lang = "nb"
) -> dict[str, object]:
    """The ``progress --format json`` document (docs/cli.md), ready for :func:`json.dumps`.

    Beside ``as_of`` and ``students`` it holds ``findings``: the cohort-wide
    findings (``COHORT_OVER_PLACES``, ``HOST_UNIT_OVER_CAPACITY``) of the
    cohorts evaluated, in the same shape as a student's.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
        NotFoundError: if ``cohort`` names no cohort.
    """
    v.check_date(as_of, "as_of")
    cohorts = [cohort] if cohort is not None else list(register.cohorts)
    evaluated = [evaluate_cohort(register, c, as_of) for c in cohorts]
    students = [
        {
            "cohort": p.cohort,
            "student": p.student,
            "status": None if p.status is None else p.status.value,
            "theory_hours": _number(floor2(p.theory_hours.value)),
            "theory_hours_required": _number(p.theory_hours_required.value),
            "practice_weeks": _number(floor2(p.practice_weeks)),
            "practice_weeks_required": _number(p.practice_weeks_required),
            "literature_signed_off": p.literature_signed_off,
            "assignment": p.assignment.value,
            "complete": p.complete,
            "findings": [finding_document(f, lang) for f in p.findings],
        }
        for c in evaluated
        for p in c.students
    ]
    return {
        "as_of": as_of.isoformat(),
        "students": students,
        "findings": [finding_document(f, lang) for c in evaluated for f in c.findings],
    }


def finding_document(finding: Finding, lang: Lang = "nb") -> dict[str, str]:
    """A finding as JSON: ``{"code", "severity", "path", "message"}``."""
    return {
        "code": finding.code.value,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": finding.message(lang),
    }
