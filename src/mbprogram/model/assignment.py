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
                    Problem.of(
                        f"submissions[{i}].on",
                        "records.assignment.submission_before",
                        on=self.submissions[i].on,
                        previous=self.submissions[i - 1].on,
                    )
                )
        for i, a in enumerate(self.assessments):
            if a.submission > len(self.submissions):
                problems.append(
                    Problem.of(
                        f"assessments[{i}].submission",
                        "records.assignment.no_submission",
                        RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                        number=a.submission,
                        n=len(self.submissions),
                    )
                )
            elif a.on < self.submissions[a.submission - 1].on:
                problems.append(
                    Problem.of(
                        f"assessments[{i}].on",
                        "records.assignment.assessed_before",
                        RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                        on=a.on,
                        number=a.submission,
                        submitted=self.submissions[a.submission - 1].on,
                    )
                )
            if i and a.on < self.assessments[i - 1].on:
                problems.append(
                    Problem.of(
                        f"assessments[{i}].on",
                        "records.assignment.assessment_before",
                        RuleCode.ASSESSMENT_BEFORE_SUBMISSION,
                        on=a.on,
                        previous=self.assessments[i - 1].on,
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
                    Problem.of(
                        f"submissions[{k}]",
                        "records.assignment.after_approval",
                        RuleCode.ASSIGNMENT_OUT_OF_ORDER,
                        number=k,
                    )
                )
            elif later.on < a.on:
                problems.append(
                    Problem.of(
                        f"submissions[{k}].on",
                        "records.assignment.submitted_before_assessment",
                        RuleCode.ASSIGNMENT_OUT_OF_ORDER,
                        on=later.on,
                        number=k,
                        assessed=a.on,
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
