"""Register changes to a student's studies: attendance, make-up work, literature, assignment."""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.model.assignment import (
    AssignmentAssessment,
    AssignmentState,
    FinalAssignment,
    Submission,
    Verdict,
)
from mbprogram.model.attendance import Attendance, MakeUp, Mark
from mbprogram.model.history import student_path
from mbprogram.model.literature import Reading, SignOff
from mbprogram.model.values import SessionId, Stamp, StudentId
from mbprogram.register._core import RegisterCore, build, refuse

__all__ = ["StudyChanges"]


class StudyChanges(RegisterCore):
    """Recording what a student does in the programme."""

    __slots__ = ()

    def record_attendance(
        self, student_id: StudentId, session_id: SessionId, mark: Mark, *, by: Stamp
    ) -> None:
        """Mark a student present (with hours), excused or unexcused for one session.

        Marking the same session again corrects the mark; the history keeps the old one.

        Raises:
            RefusedChangeError: if the session is unknown, before the student's
                enrolment, shorter than the hours given, or the student's records are closed.
        """
        action = "recording attendance"
        student = self._open_student(student_id, action)
        path = student_path(student.cohort, student.id)
        record = build(f"{path}.attendance", action, Attendance, session_id, mark)
        old = next((a for a in student.attendance if a.session == session_id), None)
        if old is None:
            attendance = (*student.attendance, record)
        else:
            attendance = tuple(record if a.session == session_id else a for a in student.attendance)
        new = attrs.evolve(student, attendance=attendance)
        self._commit(
            by,
            "attendance.recorded" if old is None else "attendance.corrected",
            f"{path}.attendance[{session_id}]",
            old,
            record,
            students=[new],
        )

    def approve_makeup(self, student_id: StudentId, makeup: MakeUp, *, by: Stamp) -> None:
        """Credit approved make-up work; it counts towards theory hours from its date."""
        action = "approving make-up work"
        student = self._open_student(student_id, action)
        path = student_path(student.cohort, student.id)
        new = build(path, action, attrs.evolve, student, makeups=(*student.makeups, makeup))
        self._commit(
            by, "makeup.approved", f"{path}.makeups[{makeup.id}]", None, makeup, students=[new]
        )

    def log_reading(self, student_id: StudentId, reading: Reading, *, by: Stamp) -> None:
        """Add an entry to the student's reading log."""
        action = "logging the reading"
        student = self._open_student(student_id, action)
        path = student_path(student.cohort, student.id)
        literature = build(
            f"{path}.literature",
            action,
            attrs.evolve,
            student.literature,
            readings=(*student.literature.readings, reading),
        )
        new = attrs.evolve(student, literature=literature)
        self._commit(
            by, "literature.read", f"{path}.literature.readings", None, reading, students=[new]
        )

    def sign_off_literature(
        self, student_id: StudentId, *, signed_by: str, on: dt.date, by: Stamp
    ) -> None:
        """Sign off the student's literature studies.

        Raises:
            RefusedChangeError: if already signed off, or ``signed_by`` is the student.
        """
        action = "signing off the literature"
        student = self._open_student(student_id, action)
        path = f"{student_path(student.cohort, student.id)}.literature.sign_off"
        if student.literature.sign_off is not None:
            raise refuse(action, path, "the literature studies are signed off already")
        sign_off = build(path, action, SignOff, by=signed_by, on=on)
        new = attrs.evolve(student, literature=attrs.evolve(student.literature, sign_off=sign_off))
        self._commit(by, "literature.signed-off", path, None, sign_off, students=[new])

    def start_assignment(
        self, student_id: StudentId, *, topic: str, supervisor: str, by: Stamp
    ) -> None:
        """Register the final assignment's topic and supervisor.

        Raises:
            RefusedChangeError: if the student has an assignment already.
        """
        action = "starting the assignment"
        student = self._open_student(student_id, action)
        path = f"{student_path(student.cohort, student.id)}.assignment"
        if student.assignment is not None:
            raise refuse(action, path, "the student has a final assignment already")
        assignment = build(path, action, FinalAssignment, topic=topic, supervisor=supervisor)
        new = attrs.evolve(student, assignment=assignment)
        self._commit(by, "assignment.started", path, None, assignment, students=[new])

    def submit_assignment(
        self, student_id: StudentId, *, on: dt.date, title: str = "", by: Stamp
    ) -> int:
        """Record a submission of the final assignment; returns its number (1, 2, …).

        Raises:
            RefusedChangeError: if no assignment is started, it is approved already,
                no submissions are left, or ``on`` is before the previous submission.
        """
        action = "submitting the assignment"
        student = self._open_student(student_id, action)
        path = f"{student_path(student.cohort, student.id)}.assignment"
        assignment = student.assignment
        if assignment is None:
            raise refuse(action, path, "no final assignment is started (start_assignment first)")
        if assignment.state(dt.date.max) is AssignmentState.APPROVED:
            raise refuse(action, path, "the assignment is approved already")
        maximum = self._cohorts[student.cohort].rules.max_submissions
        if len(assignment.submissions) >= maximum:
            raise refuse(
                action, f"{path}.submissions", f"all {maximum} submissions allowed are used"
            )
        submission = build(f"{path}.submissions", action, Submission, on=on, title=title)
        new_assignment = build(
            path,
            action,
            attrs.evolve,
            assignment,
            submissions=(*assignment.submissions, submission),
        )
        number = len(new_assignment.submissions)
        new = attrs.evolve(student, assignment=new_assignment)
        self._commit(
            by,
            "assignment.submitted",
            f"{path}.submissions[{number}]",
            None,
            submission,
            students=[new],
        )
        return number

    def assess_assignment(
        self,
        student_id: StudentId,
        *,
        on: dt.date,
        assessor: str,
        verdict: Verdict,
        feedback: str = "",
        by: Stamp,
    ) -> None:
        """Assess the latest submission: approved or not approved.

        Raises:
            RefusedChangeError: if nothing is submitted, the assessment predates the
                submission, or the assessor is the student.
        """
        action = "assessing the assignment"
        student = self._open_student(student_id, action)
        path = f"{student_path(student.cohort, student.id)}.assignment"
        assignment = student.assignment
        if assignment is None or not assignment.submissions:
            raise refuse(action, path, "nothing is submitted to assess")
        number = len(assignment.submissions)
        assessment = build(
            f"{path}.assessments",
            action,
            AssignmentAssessment,
            submission=number,
            on=on,
            assessor=assessor,
            verdict=verdict,
            feedback=feedback,
        )
        new_assignment = build(
            path,
            action,
            attrs.evolve,
            assignment,
            assessments=(*assignment.assessments, assessment),
        )
        new = attrs.evolve(student, assignment=new_assignment)
        self._commit(
            by,
            "assignment.assessed",
            f"{path}.assessments[{len(new_assignment.assessments)}]",
            None,
            assessment,
            students=[new],
        )
