"""The final assignment: append-only submissions and assessments."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from mbprogram.exceptions import InvalidValueError, Problem
from mbprogram.model import validators as v
from mbprogram.model.codes import RuleCode
from mbprogram.model.privacy import SENSITIVE

__all__ = [
    "AssignmentAssessment",
    "AssignmentState",
    "FinalAssignment",
    "Submission",
    "Verdict",
]


class Verdict(enum.StrEnum):
    """The outcome of assessing a submission."""

    APPROVED = "approved"
    NOT_APPROVED = "not-approved"


class AssignmentState(enum.StrEnum):
    """Where a final assignment stands as of a date."""

    NOT_STARTED = "not-started"
    SUBMITTED = "submitted"
    NOT_APPROVED = "not-approved"
    APPROVED = "approved"


@attrs.frozen(kw_only=True)
class Submission:
    """One submission of the final assignment."""

    on: dt.date = attrs.field(validator=v.a_date())
    title: str = attrs.field(
        default="",
        validator=v.text(max_length=500, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen(kw_only=True)
class AssignmentAssessment:
    """An assessment of one submission.

    Attributes:
        submission: which submission it assesses, counting from 1.
        on: the day of the assessment; never before the submission.
        assessor: who assessed it; never the student.
        verdict: approved or not approved.
        feedback: the assessor's feedback (free text, kept private).
    """

    submission: int = attrs.field(validator=v.between(1, 100))
    on: dt.date = attrs.field(validator=v.a_date())
    assessor: str = attrs.field(validator=v.text(max_length=200))
    verdict: Verdict = attrs.field(validator=v.in_enum(Verdict))
    feedback: str = attrs.field(
        default="",
        validator=v.text(max_length=10_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen(kw_only=True)
class FinalAssignment:
    """A student's final assignment (større oppgave) with its whole history.

    Submissions and assessments are only ever appended. The assignment is
    approved when the latest assessment of the latest submission approves it.
    """

    topic: str = attrs.field(validator=v.text(max_length=500), repr=False, metadata=SENSITIVE)
    supervisor: str = attrs.field(validator=v.text(max_length=200))
    submissions: tuple[Submission, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Submission)
    )
    assessments: tuple[AssignmentAssessment, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(AssignmentAssessment)
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        for i in range(1, len(self.submissions)):
            if self.submissions[i].on < self.submissions[i - 1].on:
                problems.append(
                    Problem(
                        f"submissions[{i}].on",
                        f"{self.submissions[i].on.isoformat()} is before the previous "
                        f"submission on {self.submissions[i - 1].on.isoformat()}",
                    )
                )
        for i, a in enumerate(self.assessments):
            if a.submission > len(self.submissions):
                problems.append(
                    Problem(
                        f"assessments[{i}].submission",
                        f"there is no submission {a.submission}; {len(self.submissions)} submitted",
                        code=RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                    )
                )
            elif a.on < self.submissions[a.submission - 1].on:
                problems.append(
                    Problem(
                        f"assessments[{i}].on",
                        f"{a.on.isoformat()} is before submission {a.submission} on "
                        f"{self.submissions[a.submission - 1].on.isoformat()}",
                        code=RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                    )
                )
            if i and a.on < self.assessments[i - 1].on:
                problems.append(
                    Problem(
                        f"assessments[{i}].on",
                        f"{a.on.isoformat()} is before the previous assessment on "
                        f"{self.assessments[i - 1].on.isoformat()}",
                        code=RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                    )
                )
        problems += self._order_problems()
        if problems:
            raise InvalidValueError(problems)

    def _order_problems(self) -> list[Problem]:
        """Only the latest submission is assessed, and nothing is submitted after an approval."""
        problems = []
        for a in self.assessments:
            k = a.submission  # numbered from 1, so submissions[k] is the one after it
            if k >= len(self.submissions) or k < 1:
                continue
            later = self.submissions[k]
            if a.verdict is Verdict.APPROVED:
                problems.append(
                    Problem(
                        f"submissions[{k}]",
                        f"submission {k} was approved; nothing is submitted after an approval",
                        code=RuleCode.ASSIGNMENT_OUT_OF_ORDER,
                    )
                )
            elif later.on < a.on:
                problems.append(
                    Problem(
                        f"submissions[{k}].on",
                        f"{later.on.isoformat()} is before the assessment of submission {k} on "
                        f"{a.on.isoformat()}",
                        code=RuleCode.ASSIGNMENT_OUT_OF_ORDER,
                    )
                )
        return problems

    def submissions_as_of(self, as_of: dt.date) -> int:
        """How many submissions were made on or before ``as_of``."""
        return sum(1 for s in self.submissions if s.on <= as_of)

    def state(self, as_of: dt.date) -> AssignmentState:
        """The assignment's state as of a date (later records are ignored)."""
        made = self.submissions_as_of(as_of)
        if made == 0:
            return AssignmentState.NOT_STARTED
        latest = None
        for a in self.assessments:
            if a.submission == made and a.on <= as_of:
                latest = a
        if latest is None:
            return AssignmentState.SUBMITTED
        if latest.verdict is Verdict.APPROVED:
            return AssignmentState.APPROVED
        return AssignmentState.NOT_APPROVED
