"""Recording what a student does: attendance, make-up work, literature, the assignment."""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.model.assignment import (
    AssignmentAssessment,
    FinalAssignment,
    Submission,
    Verdict,
)
from mbprogram.model.attendance import Attendance, MakeUp, Mark
from mbprogram.model.history import Action, student_path
from mbprogram.model.literature import Reading, SignOff
from mbprogram.model.values import SessionId, Stamp, StudentId
from mbprogram.register.changes.students import open_student
from mbprogram.register.commit import Edit, Entry, build, commit, refuse
from mbprogram.register.state import RegisterState

__all__ = [
    "approve_makeup",
    "assess_assignment",
    "log_reading",
    "record_attendance",
    "sign_off_literature",
    "start_assignment",
    "submit_assignment",
]


def record_attendance(
    state: RegisterState, student_id: StudentId, session_id: SessionId, mark: Mark, *, by: Stamp
) -> RegisterState:
    """Mark a student present (with hours), excused or unexcused; marking again corrects."""
    what = "recording attendance"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id)
    record = build(path.child("attendance"), what, Attendance, session_id, mark)
    old = next((a for a in student.attendance if a.session == session_id), None)
    if old is None:
        attendance = (*student.attendance, record)
    else:
        attendance = tuple(record if a.session == session_id else a for a in student.attendance)
    new = attrs.evolve(student, attendance=attendance)
    entry = Entry(
        Action.ATTENDANCE_RECORDED if old is None else Action.ATTENDANCE_CORRECTED,
        path.child(("attendance", session_id)),
    )
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def approve_makeup(
    state: RegisterState, student_id: StudentId, makeup: MakeUp, *, by: Stamp
) -> RegisterState:
    """Credit approved make-up work; it counts towards theory hours from its date."""
    what = "approving make-up work"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id)
    new = build(path, what, attrs.evolve, student, makeups=(*student.makeups, makeup))
    entry = Entry(Action.MAKEUP_APPROVED, path.child(("makeups", makeup.id)))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def log_reading(
    state: RegisterState, student_id: StudentId, reading: Reading, *, by: Stamp
) -> RegisterState:
    """Add an entry to the student's reading log."""
    what = "logging the reading"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id)
    literature = build(
        path.child("literature"),
        what,
        attrs.evolve,
        student.literature,
        readings=(*student.literature.readings, reading),
    )
    new = attrs.evolve(student, literature=literature)
    entry = Entry(Action.LITERATURE_READ, path.child("literature", "readings"))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def sign_off_literature(
    state: RegisterState, student_id: StudentId, *, signed_by: str, on: dt.date, by: Stamp
) -> RegisterState:
    """Sign off the student's literature studies (once; never by the student)."""
    what = "signing off the literature"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id).child("literature", "sign_off")
    if student.literature.sign_off is not None:
        raise refuse(what, path, "refusals.literature.signed_off")
    sign_off = build(path, what, SignOff, by=signed_by, on=on)
    new = attrs.evolve(student, literature=attrs.evolve(student.literature, sign_off=sign_off))
    entry = Entry(Action.LITERATURE_SIGNED_OFF, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def start_assignment(
    state: RegisterState, student_id: StudentId, *, topic: str, supervisor: str, by: Stamp
) -> RegisterState:
    """Register the final assignment's topic and supervisor."""
    what = "starting the assignment"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id).child("assignment")
    if student.assignment is not None:
        raise refuse(what, path, "refusals.assignment.exists")
    assignment = build(path, what, FinalAssignment, topic=topic, supervisor=supervisor)
    new = attrs.evolve(student, assignment=assignment)
    entry = Entry(Action.ASSIGNMENT_STARTED, path)
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def submit_assignment(
    state: RegisterState, student_id: StudentId, *, on: dt.date, title: str = "", by: Stamp
) -> RegisterState:
    """Record a submission of the final assignment (the submission limit is a rule)."""
    what = "submitting the assignment"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id).child("assignment")
    assignment = student.assignment
    if assignment is None:
        raise refuse(what, path, "refusals.assignment.not_started")
    submission = build(path.child("submissions"), what, Submission, on=on, title=title)
    new_assignment = build(
        path, what, attrs.evolve, assignment, submissions=(*assignment.submissions, submission)
    )
    number = len(new_assignment.submissions)
    new = attrs.evolve(student, assignment=new_assignment)
    entry = Entry(Action.ASSIGNMENT_SUBMITTED, path.child(("submissions", number)))
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)


def assess_assignment(
    state: RegisterState,
    student_id: StudentId,
    *,
    on: dt.date,
    assessor: str,
    verdict: Verdict,
    feedback: str = "",
    by: Stamp,
) -> RegisterState:
    """Assess the latest submission: approved or not approved."""
    what = "assessing the assignment"
    student = open_student(state, student_id, what)
    path = student_path(student.cohort, student.id).child("assignment")
    assignment = student.assignment
    if assignment is None or not assignment.submissions:
        raise refuse(what, path, "refusals.assignment.nothing_submitted")
    assessment = build(
        path.child("assessments"),
        what,
        AssignmentAssessment,
        submission=len(assignment.submissions),
        on=on,
        assessor=assessor,
        verdict=verdict,
        feedback=feedback,
    )
    new_assignment = build(
        path, what, attrs.evolve, assignment, assessments=(*assignment.assessments, assessment)
    )
    new = attrs.evolve(student, assignment=new_assignment)
    entry = Entry(
        Action.ASSIGNMENT_ASSESSED, path.child(("assessments", len(new_assignment.assessments)))
    )
    return commit(state, Edit(put=(new,), entries=(entry,)), by=by, what=what)
