"""The stable codes of the rules that records and the register keep.

A refused change and a refused load name the rule they break with the same
code (``Problem.code``), so a script can tell one rule from another without
reading messages. docs/rules.md lists every code with its meaning. The codes
of the evaluation's findings (``THEORY_HOURS_SHORT`` …) are in
:class:`~mbprogram.FindingCode`.
"""

from __future__ import annotations

import enum

__all__ = ["RuleCode"]


class RuleCode(enum.StrEnum):
    """Why a record, a change or a stored register was refused."""

    #: Two records of one kind carry the same id (certificates included).
    ID_USED_TWICE = "ID_USED_TWICE"
    #: A record names a cohort, session, host unit, student or pot that does not exist.
    UNKNOWN_RECORD = "UNKNOWN_RECORD"
    #: A status change the programme does not allow (applicant → admitted → active ⇄ on leave
    #: → withdrawn | graduated), or one dated before the previous change.
    STATUS_TRANSITION_NOT_ALLOWED = "STATUS_TRANSITION_NOT_ALLOWED"
    #: A student enrolled (first active) after their cohort's last day.
    ENROLMENT_AFTER_COHORT_END = "ENROLMENT_AFTER_COHORT_END"
    #: A dated record of a student (attendance, placement, reading …) before their enrolment.
    RECORD_BEFORE_ENROLMENT = "RECORD_BEFORE_ENROLMENT"
    #: A record of a withdrawn or graduated student: new ones are refused, and none may be
    #: dated after the day they left.
    RECORDS_CLOSED = "RECORDS_CLOSED"
    #: More submissions of the final assignment than the programme allows.
    SUBMISSIONS_OVER_LIMIT = "SUBMISSIONS_OVER_LIMIT"
    #: An assessment of the final assignment dated before its submission (or before the
    #: previous assessment), or of a submission that does not exist.
    ASSESSMENT_BEFORE_SUBMISSION = "ASSESSMENT_BEFORE_SUBMISSION"
    #: A submission of the final assignment after it was approved, or dated before the
    #: assessment of the submission before it (only the latest submission is assessed).
    ASSIGNMENT_OUT_OF_ORDER = "ASSIGNMENT_OUT_OF_ORDER"
    #: An approver, supervisor, assessor or signer who is the student themself.
    PERSON_IS_THE_STUDENT = "PERSON_IS_THE_STUDENT"
    #: Hours attended longer than the session.
    ATTENDANCE_OVER_SESSION = "ATTENDANCE_OVER_SESSION"
    #: A placement absence recorded on a public holiday (not a practice day).
    ABSENCE_ON_PUBLIC_HOLIDAY = "ABSENCE_ON_PUBLIC_HOLIDAY"
    #: More students in practice at a host unit on some day than its places.
    HOST_UNIT_OVER_CAPACITY = "HOST_UNIT_OVER_CAPACITY"
    #: More pot-funded positions active on some day than the pot's capacity.
    BUDGET_POT_OVER_CAPACITY = "BUDGET_POT_OVER_CAPACITY"
    #: A pot-funded employment starting before the person's certificate.
    BUDGET_POT_WITHOUT_CERTIFICATE = "BUDGET_POT_WITHOUT_CERTIFICATE"
    #: A placement-unit hire at a unit where the person had no placement.
    PLACEMENT_UNIT_WITHOUT_PLACEMENT = "PLACEMENT_UNIT_WITHOUT_PLACEMENT"
    #: Two people carry the same national identity number.
    NATIONAL_ID_USED_TWICE = "NATIONAL_ID_USED_TWICE"
    #: A synthetic (test) identity number in a register not made for test data.
    SYNTHETIC_ID_NOT_ALLOWED = "SYNTHETIC_ID_NOT_ALLOWED"
    #: A certificate that does not fit its student: missing for a graduate, held by a
    #: student who has not graduated, or naming another date, student, cohort or programme.
    CERTIFICATE_MISMATCH = "CERTIFICATE_MISMATCH"
    #: A history entry whose chain value does not follow from its content and the entry
    #: before it: an entry was edited, removed or moved (``mbprogram validate``).
    HISTORY_CHAIN_BROKEN = "HISTORY_CHAIN_BROKEN"
    #: Replaying the history does not give the records held: an entry's record before is
    #: not what the entries before it made, or a record held differs from the history's.
    HISTORY_DOES_NOT_REPLAY = "HISTORY_DOES_NOT_REPLAY"
