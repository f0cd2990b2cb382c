"""The hiring warnings (docs/hiring.md, Warnings), as of a date.

They are advice, never errors: a unit with a single peer worker, an employment
without supervision, a temporary position ending soon with nothing decided, a
hiring panel without a user-organisation member, and an AAP recipient whose
positions add up to more than AAP allows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from mbprogram.model import validators as v
from mbprogram.model.hiring import Benefit, Employment, Supervision
from mbprogram.model.history import record_path, student_path
from mbprogram.model.values import CohortId, plain_decimal
from mbprogram.rules.cohort import selected_cohorts
from mbprogram.rules.findings import Finding, FindingCode
from mbprogram.rules.view import RegisterView

__all__ = [
    "AAP_LIMIT",
    "AAP_STEP_UP_LIMIT",
    "UNDECIDED_WITHIN_DAYS",
    "active_employments",
    "hiring_findings",
]

#: AAP stops above 60 % of a full week (37.5 hours) …
AAP_LIMIT: Final = Decimal(60)
#: … or 80 % during a step-up period of at most 12 months.
AAP_STEP_UP_LIMIT: Final = Decimal(80)
#: A temporary employment ending within this many days needs a decision.
UNDECIDED_WITHIN_DAYS: Final = 90


def active_employments(register: RegisterView, as_of: dt.date) -> list[Employment]:
    """The employments active on ``as_of``.

    Raises:
        InvalidValueError: if ``as_of`` is not a date.
    """
    v.check_date(as_of, "as_of")
    return [e for e in register.employments.values() if e.active_on(as_of)]


def hiring_findings(
    register: RegisterView, as_of: dt.date, *, cohorts: Iterable[CohortId] | None = None
) -> tuple[Finding, ...]:
    """Every hiring warning as of ``as_of``, unit by unit, then employment by employment.

    With ``cohorts`` (a collection of cohort ids, or one id on its own) only the
    warnings about those cohorts' graduates are given: their employments, and
    the units where one of them is employed. Whether a unit has a single peer
    worker is still decided by everyone employed there.

    Raises:
        InvalidValueError: if ``as_of`` is not a date, or ``cohorts`` not cohort ids.
        NotFoundError: if ``cohorts`` names a cohort that does not exist.
    """
    active = active_employments(register, as_of)
    wanted = selected_cohorts(register, cohorts)
    if wanted is None:
        ours = active
    else:
        students = register.students
        ours = [
            e for e in active if (s := students.get(e.person)) is not None and s.cohort in wanted
        ]
    findings: list[Finding] = []

    people_by_unit: dict[str, set[str]] = defaultdict(set)
    for e in active:
        people_by_unit[e.unit].add(e.person)
    our_units = {e.unit for e in ours}
    for unit, people in sorted(people_by_unit.items()):
        if len(people) == 1 and unit in our_units:
            findings.append(
                Finding(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, record_path(("host_units", unit)))
            )

    for e in ours:
        path = record_path(("employments", e.id))
        if e.supervision is Supervision.NONE:
            findings.append(Finding(FindingCode.NO_SUPERVISION, path))
        decided = e.permanent_from is not None or (
            e.end_confirmed_on is not None and e.end_confirmed_on <= as_of
        )
        if e.end is not None and (e.end - as_of).days <= UNDECIDED_WITHIN_DAYS and not decided:
            findings.append(
                Finding(
                    FindingCode.TEMPORARY_ENDING_UNDECIDED,
                    path,
                    {"end": e.end.isoformat(), "days": (e.end - as_of).days},
                )
            )
        if e.panel and not any(m.represents_user_organisation for m in e.panel):
            findings.append(Finding(FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE, path))

    findings += _aap_findings(register, ours, as_of)
    return tuple(findings)


def _aap_findings(
    register: RegisterView, active: list[Employment], as_of: dt.date
) -> list[Finding]:
    by_person: dict[str, list[Employment]] = defaultdict(list)
    for e in active:
        by_person[e.person].append(e)
    findings = []
    for person, employments in by_person.items():
        if not any(e.benefit is Benefit.AAP for e in employments):
            continue
        total = sum((e.percent.value for e in employments), Decimal(0))
        stepping_up = any(e.aap_step_up is not None and as_of in e.aap_step_up for e in employments)
        limit = AAP_STEP_UP_LIMIT if stepping_up else AAP_LIMIT
        if total > limit:
            student = register.students.get(person)
            path = (
                student_path(student.cohort, person)
                if student is not None
                else record_path(("people", person))
            )
            findings.append(
                Finding(
                    FindingCode.AAP_POSITION_ABOVE_LIMIT,
                    path,
                    {"total": plain_decimal(total), "limit": limit},
                )
            )
    return findings
