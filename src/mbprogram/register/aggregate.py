"""The register: every record of a programme, and the only way to change them.

A :class:`Register` holds cohorts, students with all their records, host
units, budget pots, employments and other outcomes, and the history of
changes, as one immutable :class:`~mbprogram.register.state.RegisterState`.
Each change goes through a method named for what a coordinator does
(``enrol``, ``record_attendance``, ``place``, ``graduate`` …): the method's
change function (``register/changes/``) works out the new state through the
one commit path that checks every rule and writes the history, and only then
does the register take the new state. A refused change raises and leaves the
register exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

from mbprogram.exceptions import InvalidValueError, Problem, ValidationError
from mbprogram.model.assignment import Verdict
from mbprogram.model.attendance import MakeUp, Mark
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Action, Change
from mbprogram.model.literature import Reading
from mbprogram.model.placements import (
    AssessmentStage,
    HostUnit,
    Placement,
    PlacementAssessment,
)
from mbprogram.model.students import Certificate, Status, Student
from mbprogram.model.values import (
    BudgetPotId,
    CohortId,
    EmploymentId,
    HostUnitId,
    PlacementId,
    SessionId,
    Stamp,
    StudentId,
)
from mbprogram.register import history
from mbprogram.register.deferred_module import DeferredModule
from mbprogram.register.loading import load_state
from mbprogram.register.queries import RegisterQueries
from mbprogram.register.state import RegisterState
from mbprogram.rules.invariants import register_problems

if TYPE_CHECKING:
    from mbprogram.register.changes import cohorts, hiring, lifecycle, placements, students, studies
else:  # each imported on the first change of its area: reading a register needs none of them
    cohorts = DeferredModule("mbprogram.register.changes.cohorts")
    hiring = DeferredModule("mbprogram.register.changes.hiring")
    lifecycle = DeferredModule("mbprogram.register.changes.lifecycle")
    placements = DeferredModule("mbprogram.register.changes.placements")
    students = DeferredModule("mbprogram.register.changes.students")
    studies = DeferredModule("mbprogram.register.changes.studies")

__all__ = ["Register"]


class Register(RegisterQueries):
    """Every record of a programme: cohorts, students, host units, what became of the
    graduates (employments, budget pots, other outcomes), and the history of changes.

    Create an empty register with ``Register()`` and build it up through its
    methods; each takes ``by=Stamp(actor, at)`` saying who made the change and
    when. Pass ``allow_synthetic_ids=True`` for a register of test data that
    holds synthetic national identity numbers.

    Records handed out are immutable snapshots; two registers are equal when
    all their records and histories are.
    """

    __slots__ = ()

    def __init__(self, *, allow_synthetic_ids: bool = False) -> None:
        self._state = RegisterState(allow_synthetic_ids=allow_synthetic_ids)

    @classmethod
    def from_state(cls, state: RegisterState) -> Self:
        """A register holding ``state``, if it keeps every rule of the register.

        A state made by the register's own changes always does; one put together
        by hand is checked as a load is (:func:`~mbprogram.rules.invariants.register_problems`).

        Raises:
            InvalidValueError: if ``state`` is not a RegisterState.
            ValidationError: listing every rule the state breaks.
        """
        if not isinstance(state, RegisterState):
            raise InvalidValueError.at(
                "state", "refusals.load.record", kind="RegisterState", got=type(state).__name__
            )
        problems = register_problems(
            cohorts=state.cohorts,
            students=state.students,
            host_units=state.host_units,
            budget_pots=state.budget_pots,
            employments=state.employments,
            outcomes=state.outcomes,
            allow_synthetic_ids=state.allow_synthetic_ids,
        )
        if problems:
            raise ValidationError(problems, summary_key="refusals.state.rules")
        return cls._holding(state)

    @classmethod
    def _holding(cls, state: RegisterState) -> Self:
        """A register holding ``state``, which the register made itself (no check)."""
        register = cls()
        register._state = state
        return register

    @classmethod
    def from_records(
        cls,
        *,
        cohorts: Iterable[Cohort],
        students: Iterable[Student],
        host_units: Iterable[HostUnit],
        budget_pots: Iterable[BudgetPot] = (),
        employments: Iterable[Employment] = (),
        outcomes: Iterable[OutcomeRecord] = (),
        history: Iterable[Change] = (),
        allow_synthetic_ids: bool = False,
    ) -> Self:
        """Rebuild a register from its records, checking every rule a change would.

        Used by storage adapters. Certificates and the history are facts: they
        are checked for their shape, not re-derived.

        Raises:
            ValidationError: listing every problem (duplicate ids, unknown cohorts,
                sessions or units, broken rules), each with its record path and code.
        """
        return cls._holding(
            load_state(
                cohorts=cohorts,
                students=students,
                host_units=host_units,
                budget_pots=budget_pots,
                employments=employments,
                outcomes=outcomes,
                history=history,
                allow_synthetic_ids=allow_synthetic_ids,
            )
        )

    def copy(self) -> Self:
        """An independent copy (free: the state is immutable, and changes replace it)."""
        return type(self)._holding(self._state)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Register):
            return NotImplemented
        return self._state == other._state

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        s = self._state
        return (
            f"{type(self).__name__}(cohorts={len(s.cohorts)}, "
            f"students={len(s.students)}, host_units={len(s.host_units)}, "
            f"employments={len(s.employments)}, changes={len(s.history_held)})"
        )

    # -- the history read back ----------------------------------------------

    def as_known_at(self, moment: dt.datetime) -> Self:
        """The register exactly as it stood at ``moment``, rebuilt from the history alone.

        Every entry stamped at or before ``moment`` is replayed in order: each
        puts the whole record it carries in its table (or takes it out). No
        rule runs again, so a later change of a rule cannot change the past.
        A person erased since is absent at every moment (docs/privacy.md).
        Evaluate the result as of a date to see a report as it was then.

        Raises:
            InvalidValueError: if ``moment`` is not a timezone-aware date-time.
        """
        return type(self)._holding(history.known_at(self._state, moment))

    def history_problems(self) -> list[Problem]:
        """The first history entry whose seal is broken or from which replay fails, if any.

        One problem at ``history[i]`` with the code ``HISTORY_CHAIN_BROKEN`` or
        ``HISTORY_DOES_NOT_REPLAY`` (``mbprogram validate`` reports it), or an
        empty list when every entry is sealed and replaying gives the records held.
        """
        return history.history_problems(self._state)

    # -- cohort ------------------------------------------------------------

    def open_cohort(self, cohort: Cohort, *, by: Stamp) -> None:
        """Add a new cohort with its rules, period, places and (optionally) sessions.

        Raises:
            RefusedChangeError: if a cohort with that id exists.
        """
        self._state = cohorts.open_cohort(self._state, cohort, by=by)

    def schedule_session(self, cohort_id: CohortId, session: Session, *, by: Stamp) -> None:
        """Add a session to a cohort's teaching schedule.

        Raises:
            RefusedChangeError: if the id is taken or the day is outside the cohort's period.
        """
        self._state = cohorts.schedule_session(self._state, cohort_id, session, by=by)

    def correct_session(self, cohort_id: CohortId, session: Session, *, by: Stamp) -> None:
        """Replace the session with the same id (a new day, length or topic).

        Raises:
            RefusedChangeError: if there is no such session, or if recorded attendance
                would then be longer than the session or before a student's enrolment.
        """
        self._state = cohorts.correct_session(self._state, cohort_id, session, by=by)

    def cancel_session(self, cohort_id: CohortId, session_id: SessionId, *, by: Stamp) -> None:
        """Remove a session from the schedule.

        Raises:
            RefusedChangeError: if there is no such session or attendance is recorded for it.
        """
        self._state = cohorts.cancel_session(self._state, cohort_id, session_id, by=by)

    def change_places(self, cohort_id: CohortId, places: int, *, by: Stamp) -> None:
        """Change how many places a cohort has (enrolling beyond them is warned, not refused)."""
        self._state = cohorts.change_places(self._state, cohort_id, places, by=by)

    def add_host_unit(self, unit: HostUnit, *, by: Stamp) -> None:
        """Add a host unit that can take students in practice.

        Raises:
            RefusedChangeError: if a unit with that id exists.
        """
        self._state = cohorts.add_host_unit(self._state, unit, by=by)

    def correct_host_unit(
        self, unit_id: HostUnitId, *, name: str | None = None, kind: str | None = None, by: Stamp
    ) -> None:
        """Correct a host unit's name or kind (``None``: left as it is).

        Raises:
            RefusedChangeError: for a name or kind that is not valid text.
        """
        self._state = cohorts.correct_host_unit(self._state, unit_id, name=name, kind=kind, by=by)

    def change_capacity(self, unit_id: HostUnitId, capacity: int, *, by: Stamp) -> None:
        """Change how many students a unit can take at once.

        Raises:
            RefusedChangeError: ``HOST_UNIT_OVER_CAPACITY`` if more students than
                ``capacity`` are placed at the unit on some day (the capacity holds
                on every day; end a placement early first).
        """
        self._state = cohorts.change_capacity(self._state, unit_id, capacity, by=by)

    # -- student ------------------------------------------------------------

    def add_applicant(self, student: Student, *, on: dt.date, by: Stamp) -> None:
        """Add a new student to a cohort as an applicant."""
        self._state = students.add_student(
            self._state, student, Status.APPLICANT, on=on, by=by, action=Action.STUDENT_APPLIED
        )

    def admit(self, student: Student | StudentId, *, on: dt.date, by: Stamp) -> None:
        """Admit an applicant, or add a new student as admitted.

        Pass the id of an applicant, or a new :class:`Student` to add them as
        admitted at once (a class list of admitted students, docs/csv.md).
        """
        if isinstance(student, Student):
            self._state = students.add_student(
                self._state, student, Status.ADMITTED, on=on, by=by, action=Action.STUDENT_ADMITTED
            )
        else:
            self._state = students.change_status(
                self._state, student, Status.ADMITTED, on=on, by=by, action=Action.STUDENT_ADMITTED
            )

    def correct_details(self, student_id: StudentId, *, by: Stamp, **changes: Any) -> None:
        """Correct a student's ``name``, ``national_id`` or ``contact`` (a :class:`Contact`).

        The history keeps the details as they were. Status, studies and
        placements change only through the methods named for them.

        Raises:
            RefusedChangeError: for another field, an invalid value, or an
                identity number another student has (``NATIONAL_ID_USED_TWICE``).
        """
        self._state = students.correct_details(self._state, student_id, by=by, **changes)

    def enrol(self, student: Student | StudentId, *, on: dt.date, by: Stamp) -> None:
        """Enrol a student: the day they become active and their attendance starts to count.

        Pass a new :class:`Student` to add and enrol them at once, or the id of an
        admitted student. Enrolling more students than the cohort's places is
        allowed and reported as ``COHORT_OVER_PLACES``.
        """
        if isinstance(student, Student):
            self._state = students.add_student(
                self._state, student, Status.ACTIVE, on=on, by=by, action=Action.STUDENT_ENROLLED
            )
        else:
            self._state = students.change_status(
                self._state, student, Status.ACTIVE, on=on, by=by, action=Action.STUDENT_ENROLLED
            )

    def grant_leave(
        self, student_id: StudentId, *, on: dt.date, reason: str = "", by: Stamp
    ) -> None:
        """Put an active student on leave from ``on``; the reason is kept private."""
        self._state = students.change_status(
            self._state,
            student_id,
            Status.ON_LEAVE,
            on=on,
            reason=reason,
            by=by,
            action=Action.STUDENT_ON_LEAVE,
        )

    def resume(self, student_id: StudentId, *, on: dt.date, by: Stamp) -> None:
        """Bring a student back from leave."""
        self._state = students.change_status(
            self._state, student_id, Status.ACTIVE, on=on, by=by, action=Action.STUDENT_RESUMED
        )

    def withdraw(self, student_id: StudentId, *, on: dt.date, reason: str = "", by: Stamp) -> None:
        """Record that a student left the programme on ``on``; their records close.

        From that day their placements no longer take a place at the host unit.
        """
        self._state = students.change_status(
            self._state,
            student_id,
            Status.WITHDRAWN,
            on=on,
            reason=reason,
            by=by,
            action=Action.STUDENT_WITHDRAWN,
        )

    def graduate(
        self,
        student_id: StudentId,
        *,
        on: dt.date,
        by: Stamp,
        certificate_id: str | None = None,
    ) -> Certificate:
        """Graduate a student and issue their certificate, dated ``on``.

        Allowed only when every requirement is met as of ``on`` and the student
        is active. Otherwise nothing changes.

        Raises:
            GraduationRefusedError: listing every unmet requirement (its
                ``findings`` hold them as findings, with nb/en messages).
        """
        self._state = students.graduate(
            self._state, student_id, on=on, by=by, certificate_id=certificate_id
        )
        return _issued(self._state.student(student_id).certificate)

    # -- study ------------------------------------------------------------

    def record_attendance(
        self, student_id: StudentId, session_id: SessionId, mark: Mark, *, by: Stamp
    ) -> None:
        """Mark a student present (with hours), excused or unexcused for one session.

        Marking the same session again corrects the mark; the history keeps the old one.

        Raises:
            RefusedChangeError: if the session is unknown, before the student's
                enrolment, shorter than the hours given, or the student's records are closed.
        """
        self._state = studies.record_attendance(self._state, student_id, session_id, mark, by=by)

    def approve_makeup(self, student_id: StudentId, makeup: MakeUp, *, by: Stamp) -> None:
        """Credit approved make-up work; it counts towards theory hours from its date."""
        self._state = studies.approve_makeup(self._state, student_id, makeup, by=by)

    def log_reading(self, student_id: StudentId, reading: Reading, *, by: Stamp) -> None:
        """Add an entry to the student's reading log."""
        self._state = studies.log_reading(self._state, student_id, reading, by=by)

    def sign_off_literature(
        self, student_id: StudentId, *, signed_by: str, on: dt.date, by: Stamp
    ) -> None:
        """Sign off the student's literature studies.

        Raises:
            RefusedChangeError: if already signed off, or ``signed_by`` is the student.
        """
        self._state = studies.sign_off_literature(
            self._state, student_id, signed_by=signed_by, on=on, by=by
        )

    def start_assignment(
        self, student_id: StudentId, *, topic: str, supervisor: str, by: Stamp
    ) -> None:
        """Register the final assignment's topic and supervisor.

        Raises:
            RefusedChangeError: if the student has an assignment already.
        """
        self._state = studies.start_assignment(
            self._state, student_id, topic=topic, supervisor=supervisor, by=by
        )

    def submit_assignment(
        self, student_id: StudentId, *, on: dt.date, title: str = "", by: Stamp
    ) -> int:
        """Record a submission of the final assignment; returns its number (1, 2, …).

        Raises:
            RefusedChangeError: if no assignment is started, it is approved already,
                no submissions are left, or ``on`` is before the previous submission.
        """
        self._state = studies.submit_assignment(self._state, student_id, on=on, title=title, by=by)
        assignment = self._state.student(student_id).assignment
        return 0 if assignment is None else len(assignment.submissions)

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
        self._state = studies.assess_assignment(
            self._state,
            student_id,
            on=on,
            assessor=assessor,
            verdict=verdict,
            feedback=feedback,
            by=by,
        )

    # -- placement ------------------------------------------------------------

    def place(self, student_id: StudentId, placement: Placement, *, by: Stamp) -> None:
        """Place a student at a host unit for a period on some weekdays.

        Raises:
            RefusedChangeError: if the unit is unknown, would have more students in
                practice on any day than its capacity, the placement id is taken, the
                placement starts before enrolment, or the student's records are closed.
        """
        self._state = placements.place(self._state, student_id, placement, by=by)

    def record_placement_absence(
        self,
        student_id: StudentId,
        placement_id: PlacementId,
        *,
        day: dt.date,
        reason: str = "",
        by: Stamp,
    ) -> None:
        """Record a practice day the student was away; the reason is kept private.

        Raises:
            RefusedChangeError: if the day is not a practice day of the placement
                (outside its dates, another weekday, a public holiday) or already recorded.
        """
        self._state = placements.record_placement_absence(
            self._state, student_id, placement_id, day=day, reason=reason, by=by
        )

    def cancel_placement_absence(
        self, student_id: StudentId, placement_id: PlacementId, *, day: dt.date, by: Stamp
    ) -> None:
        """Remove a recorded absence that was wrong; the history keeps it."""
        self._state = placements.cancel_placement_absence(
            self._state, student_id, placement_id, day=day, by=by
        )

    def assess_placement(
        self,
        student_id: StudentId,
        placement_id: PlacementId,
        stage: AssessmentStage,
        assessment: PlacementAssessment,
        *,
        by: Stamp,
    ) -> None:
        """Record the supervisor's midway or final assessment.

        A cause for concern is reported as the warning ``PLACEMENT_CAUSE_FOR_CONCERN``.

        Raises:
            RefusedChangeError: if that stage is assessed already, the assessment
                predates the placement, or the assessor is the student.
        """
        self._state = placements.assess_placement(
            self._state, student_id, placement_id, stage, assessment, by=by
        )

    def end_placement_early(
        self, student_id: StudentId, placement_id: PlacementId, *, last_day: dt.date, by: Stamp
    ) -> None:
        """Shorten a placement so that it ends on ``last_day``.

        Raises:
            RefusedChangeError: if ``last_day`` is not within the placement, or absences
                are recorded after it.
        """
        self._state = placements.end_placement_early(
            self._state, student_id, placement_id, last_day=last_day, by=by
        )

    # -- hiring ------------------------------------------------------------

    def add_budget_pot(self, pot: BudgetPot, *, by: Stamp) -> None:
        """Add a budget pot that pays peer-worker positions.

        Raises:
            RefusedChangeError: if a pot with that id exists.
        """
        self._state = hiring.add_budget_pot(self._state, pot, by=by)

    def change_pot_capacity(self, pot_id: BudgetPotId, capacity: int, *, by: Stamp) -> None:
        """Give a budget pot room for more or fewer positions at once.

        Raises:
            RefusedChangeError: ``BUDGET_POT_OVER_CAPACITY`` if the pot pays more
                positions than ``capacity`` on some day.
        """
        self._state = hiring.change_pot_capacity(self._state, pot_id, capacity, by=by)

    def hire(self, employment: Employment, *, by: Stamp) -> None:
        """Record that a graduate was hired.

        Raises:
            RefusedChangeError: if the id is taken; the person, unit or pot is
                unknown; the placement-unit pathway names a unit where the person
                had no placement; ``BUDGET_POT_WITHOUT_CERTIFICATE`` if a
                pot-funded employment starts before the person's certificate; or
                ``BUDGET_POT_OVER_CAPACITY`` if the pot would pay more positions
                than its capacity on any day of the employment.
        """
        self._state = hiring.hire(self._state, employment, by=by)

    def end_employment(self, employment_id: EmploymentId, *, last_day: dt.date, by: Stamp) -> None:
        """End an employment on ``last_day`` (no later than a planned end).

        Ending is a decision: a temporary position counts as decided from the
        day of the stamp, or from an earlier decision on the same end if there is
        one (the earliest decision stands, docs/hiring.md).

        Raises:
            RefusedChangeError: if ``last_day`` is before the start or after the
                planned end (use :meth:`extend_employment` to move it later).
        """
        self._state = hiring.end_employment(self._state, employment_id, last_day=last_day, by=by)

    def extend_employment(
        self, employment_id: EmploymentId, *, new_end: dt.date | None, by: Stamp
    ) -> None:
        """Move an employment's end later, or make it open-ended with ``new_end=None``.

        A new end needs a new decision: an earlier confirmation of the end is cleared.

        Raises:
            RefusedChangeError: if ``new_end`` is not after the current end, or
                ``BUDGET_POT_OVER_CAPACITY`` if the pot would be overfilled.
        """
        self._state = hiring.extend_employment(self._state, employment_id, new_end=new_end, by=by)

    def make_permanent(self, employment_id: EmploymentId, *, on: dt.date, by: Stamp) -> None:
        """Convert a temporary employment to a permanent, open-ended one from ``on``.

        The employment keeps its id, start and the rest of its record, and the
        history keeps the temporary version, so the conversion can be traced.

        Raises:
            RefusedChangeError: if it is permanent already, ``on`` is before its
                start or more than a day after its end, or
                ``BUDGET_POT_OVER_CAPACITY`` if a pot-funded position without an
                end would overfill the pot.
        """
        self._state = hiring.make_permanent(self._state, employment_id, on=on, by=by)

    def confirm_end(self, employment_id: EmploymentId, *, on: dt.date, by: Stamp) -> None:
        """Record the decision, made on ``on``, that a temporary employment ends as planned.

        The earliest decision stands: ``end_confirmed_on`` becomes ``on`` unless a
        decision on the same end was made before it (docs/hiring.md).

        Raises:
            RefusedChangeError: if the employment has no end or is permanent.
        """
        self._state = hiring.confirm_end(self._state, employment_id, on=on, by=by)

    def amend_employment(self, employment_id: EmploymentId, *, by: Stamp, **changes: Any) -> None:
        """Correct or update an employment's other details.

        Allowed fields: ``percent``, ``benefit``, ``aap_step_up``, ``roles``,
        ``supervision``, ``peer_network`` and ``panel``. Dates, funding and
        pathway change only through the methods named for them.

        Raises:
            RefusedChangeError: for another field or an invalid value.
        """
        self._state = hiring.amend_employment(self._state, employment_id, by=by, **changes)

    def record_outcome(self, outcome: OutcomeRecord, *, by: Stamp) -> None:
        """Record what became of a graduate other than employment.

        Raises:
            RefusedChangeError: if the id is taken or the person is unknown.
        """
        self._state = hiring.record_outcome(self._state, outcome, by=by)

    # -- lifecycle ------------------------------------------------------------

    def erase_person(self, student_id: StudentId, *, by: Stamp) -> None:
        """Erase a person: their student record, every record of theirs and their history.

        Removes the student (with their certificate), their employments and
        other outcome records, and every history entry about them: entries
        under their record path, their employments' and outcomes' paths, and
        any entry whose before/after snapshot holds a record of theirs. Then
        one entry is appended, action ``"person.erased"`` on the record
        ``cohorts[<their cohort>].students``, which records that one person
        of that cohort was erased without naming them (so counts in reports
        made earlier can be reconciled). The rest of the register is left as
        it was and stays valid.

        Raises:
            NotFoundError: if there is no such student.
            RefusedChangeError: if ``by`` is not a :class:`Stamp`.
        """
        self._state = lifecycle.erase_person(self._state, student_id, by=by)

    def strip_identifiers(self, *, ended_before: dt.date, by: Stamp) -> tuple[StudentId, ...]:
        """Strip direct identifiers and free text of students of cohorts that ended before a date.

        For every student of a cohort whose period ended before ``ended_before``,
        in their records (the student record, their employments and other
        outcomes) and in every history entry about them: the name becomes
        ``"(fjernet)"``; national identity number and contact details become
        ``None``; the names of hiring-panel members are replaced the same way;
        free text (reasons, notes, feedback, descriptions, titles, the
        assignment's topic) is emptied (a required text becomes
        ``"(fjernet)"``). Ids, dates, hours, statuses, background, benefits and
        outcomes stay, so every anonymous statistic is unchanged.

        One history entry, action ``"identifiers.stripped"`` on
        ``cohorts[<id>].students``, is appended per cohort in which something
        changed. Stripping again changes nothing and records nothing.

        Returns:
            The ids of the students whose records or history changed.

        Raises:
            RefusedChangeError: if ``ended_before`` is not a date or ``by`` not a
                :class:`Stamp`, or if a stripped record would break a rule (the
                register is then left as it was).
        """
        self._state, stripped = lifecycle.strip_identifiers(
            self._state, ended_before=ended_before, by=by
        )
        return stripped


def _issued(certificate: Certificate | None) -> Certificate:
    """The certificate a graduation just issued (the commit put it on the student)."""
    if certificate is None:  # pragma: no cover - the graduation change always sets it
        raise RuntimeError("graduation committed without a certificate")
    return certificate
