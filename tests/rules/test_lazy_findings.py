"""Findings formatted when read (``Finding.later``) are the findings formatted at once.

The evaluation makes its findings with :meth:`Finding.later`: the figures of a
message are formatted only when ``details``, the message, ``repr`` or JSON of
the finding is read. Here each finding of random evaluations is compared with
a finding made eagerly from the progress figures, by the formatting rules of
docs/rules.md (hours exact, weeks and shares rounded down, the missing weeks
rounded up): equal, with the same hash, repr, text, JSON and messages in both
languages.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import Finding, FindingCode, evaluate_student
from mbprogram.model.cohort import Cohort
from mbprogram.model.students import Student
from mbprogram.model.values import exact_arithmetic, plain_decimal
from mbprogram.reports.progress import finding_document
from mbprogram.rules.student import StudentProgress, floor2
from tests import strategies as gen

dates = st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2029, 6, 30))


def number(value: Decimal | Fraction) -> str:
    """A message's number: a Decimal as it is, a Fraction rounded down to two decimals."""
    return plain_decimal(floor2(value) if isinstance(value, Fraction) else value)


def eager_details(
    code: FindingCode, cohort: Cohort, student: Student, p: StudentProgress
) -> dict[str, object]:
    """The details of a student's finding, formatted at once from the progress figures."""
    rules = cohort.rules
    if code is FindingCode.THEORY_HOURS_SHORT:
        required = rules.theory_hours.value
        with exact_arithmetic():
            credited = p.theory.attended + p.theory.makeup
            missing = required - credited
        return {
            "credited": number(credited),
            "required": number(required),
            "missing": number(missing),
        }
    if code is FindingCode.THEORY_ATTENDANCE_LOW:
        assert p.theory_share is not None
        assert rules.min_theory_share is not None
        return {
            "share": number(floor2(p.theory_share * 100)),
            "held": number(p.theory.held),
            "minimum": number(rules.min_theory_share.value),
        }
    if code is FindingCode.PRACTICE_WEEKS_SHORT:
        required = rules.practice_weeks
        return {
            "weeks": number(p.practice_weeks),
            "required": number(required),
            "missing": number(-floor2(p.practice_weeks - Fraction(required))),
        }
    if code is FindingCode.PRACTICE_ATTENDANCE_LOW:
        assert p.practice_share is not None
        assert rules.min_practice_share is not None
        return {
            "attended": p.practice.attended,
            "expected": p.practice.expected,
            "share": number(floor2(p.practice_share * 100)),
            "minimum": number(rules.min_practice_share.value),
        }
    if code is FindingCode.STUDENT_WITHDRAWN:
        return {"on": student.withdrawn_on}
    if code is FindingCode.PLACEMENT_CAUSE_FOR_CONCERN:
        raise AssertionError("made from the placement: compared in the test")
    if code is FindingCode.ASSIGNMENT_NOT_APPROVED:
        return {"state": p.assignment}
    if code is FindingCode.ASSIGNMENT_ATTEMPTS_EXHAUSTED:
        return {"maximum": rules.max_submissions}
    assert code is FindingCode.LITERATURE_NOT_SIGNED_OFF
    return {}


def concern_details(student: Student, path: str, as_of: dt.date) -> dict[str, object]:
    """The details of a placement's cause for concern, from the placement itself."""
    pid = path.rsplit(".placements[", 1)[1].split("]", 1)[0]
    placement = student.placement(pid)
    assert placement is not None
    latest = placement.latest_assessment(as_of)
    assert latest is not None
    return {
        "on": latest.on.isoformat(),
        "stage": "final" if latest is placement.final else "midway",
    }


def assert_same(lazy: Finding, eager: Finding) -> None:
    # repr first: it is the first read of the lazy finding's figures
    assert repr(lazy) == repr(eager)
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy.details == eager.details
    assert str(lazy) == str(eager)
    for lang in ("nb", "en"):
        assert lazy.message(lang) == eager.message(lang)
        assert finding_document(lazy, lang) == finding_document(eager, lang)


@given(gen.cohort_and_student(), st.lists(dates, min_size=1, max_size=4))
def test_every_finding_of_an_evaluation_is_the_eagerly_formatted_one(pair, days):
    cohort, student = pair
    for as_of in days:
        for fresh in (False, True):  # a cold ledger, then a warm one with its memo
            subject = attrs.evolve(student) if fresh else student
            progress = evaluate_student(cohort, subject, as_of)
            for lazy in progress.findings:
                if lazy.code is FindingCode.PLACEMENT_CAUSE_FOR_CONCERN:
                    details = concern_details(student, lazy.path, as_of)
                else:
                    details = eager_details(lazy.code, cohort, student, progress)
                assert_same(lazy, Finding(lazy.code, lazy.path, details))


def test_the_figures_are_formatted_once_and_only_when_read():
    calls: list[tuple[object, ...]] = []

    def figures(*values: object) -> dict[str, object]:
        calls.append(values)
        return {"credited": values[0], "required": values[1], "missing": "0.5"}

    lazy = Finding.later(FindingCode.THEORY_HOURS_SHORT, "cohorts[K1]", figures, Decimal("1.5"), 2)
    assert lazy.code is FindingCode.THEORY_HOURS_SHORT
    assert lazy.path == "cohorts[K1]"
    assert lazy.is_error
    assert calls == []  # code, path and severity need no figures
    assert lazy.details == (("credited", "1.5"), ("required", "2"), ("missing", "0.5"))
    assert lazy.message("en")
    assert lazy.message("nb")
    assert repr(lazy)
    assert str(lazy)
    assert calls == [(Decimal("1.5"), 2)]


def test_a_finding_stays_frozen_and_round_trips():
    eager = Finding(FindingCode.STUDENT_WITHDRAWN, "cohorts[K1].students[S1]", {"on": "2026-01-05"})
    lazy = Finding.later(
        FindingCode.STUDENT_WITHDRAWN,
        "cohorts[K1].students[S1]",
        lambda on: {"on": on},
        dt.date(2026, 1, 5),
    )
    for finding in (eager, lazy):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            finding.path = "elsewhere"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del finding.code
        assert pickle.loads(pickle.dumps(finding)) == eager  # noqa: S301 - our own bytes
        assert copy.copy(finding) == eager == copy.deepcopy(finding)
    assert lazy == eager
    assert {lazy, eager} == {eager}
    assert lazy != Finding(FindingCode.STUDENT_WITHDRAWN, "cohorts[K1].students[S1]")
    assert eager != (eager.code, eager.path, eager.details)
    assert repr(eager) == (
        "Finding(code=<FindingCode.STUDENT_WITHDRAWN: 'STUDENT_WITHDRAWN'>, "
        "path='cohorts[K1].students[S1]', details=(('on', '2026-01-05'),))"
    )


def test_a_lazy_finding_evolves_as_an_eager_one():
    lazy = Finding.later(
        FindingCode.ASSIGNMENT_ATTEMPTS_EXHAUSTED, "a", lambda n: {"maximum": n}, 3
    )
    moved = attrs.evolve(lazy, path="b")
    assert moved == Finding(FindingCode.ASSIGNMENT_ATTEMPTS_EXHAUSTED, "b", {"maximum": 3})
    assert lazy.path == "a"
    assert [f.name for f in attrs.fields(Finding) if f.init] == ["code", "path", "details"]
    with pytest.raises(AttributeError, match="no attribute 'detail'"):
        _ = lazy.detail  # type: ignore[attr-defined]
