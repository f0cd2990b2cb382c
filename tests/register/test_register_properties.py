"""Properties of the register under any sequence of changes, accepted or refused.

1. A refused change leaves the register equal to what it was (history included);
   an accepted one adds exactly one history entry, and the register's records
   always pass the checks that restoring them from storage makes.
2. No host unit ever has more students in practice on a day than its places.
3. A copy is independent of its original.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from mbprogram import (
    AssessmentStage,
    ExcusedAbsence,
    HostUnit,
    Hours,
    MakeUp,
    NotFoundError,
    Outlook,
    PlacementAssessment,
    Present,
    Reading,
    RefusedChangeError,
    Register,
    Session,
    Stamp,
    Status,
    Student,
    UnexcusedAbsence,
    Verdict,
)
from tests import strategies as gen
from tests.builders import (
    COHORT_ID,
    SESSIONS,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    make_register,
    new_student,
    placement,
    session_id,
    stamp,
    synthetic_id,
)

# -- what the operations are drawn from: known ids and unknown ones, sensible and wild values --

DAYS = st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 1, 31))
PRACTICE_DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 9, 30))
STUDENT_IDS = st.sampled_from(("S-01", "S-02", "S-03", "S-04", "S-05", "S-99"))
SESSION_IDS = st.integers(1, SESSIONS + 2).map(session_id)  # the last two are unknown
UNIT_IDS = st.sampled_from((UNIT, UNIT_ONE_PLACE, "U3", "U9"))  # U9 is unknown
PLACEMENT_IDS = st.sampled_from(("P1", "P2", "P3"))
#: Staff, another student, and the student S-01 themself written in several ways.
PEOPLE = gen.staff | st.sampled_from(("Kari Prøvedal", "Ola Testesen", " ola  TESTESEN", "s-01"))
#: Up to twice a session's length (5 h), so that some attendance is too long.
MARKS = st.one_of(
    gen.hours(Decimal(10)).map(Present),
    st.just(ExcusedAbsence("Syk")),
    st.just(UnexcusedAbsence()),
)
OFFSETS = st.integers(-10, 130)  # days from a placement's start


def register_with_units() -> Register:
    """``make_register()`` with a third unit of three places."""
    register = make_register()
    register.add_host_unit(HostUnit(id="U3", name="Housing First", capacity=3), by=stamp(0))
    return register


def in_practice(register: Register, unit_id: str) -> Counter[dt.date]:
    """How many students are in practice at a unit on each day, counted day by day.

    A student with two overlapping placements at the unit takes one place.
    """
    counts: Counter[dt.date] = Counter()
    for student in register.students.values():
        out = student.withdrawn_on
        days = {
            day
            for p in student.placements
            if p.unit == unit_id
            for day in p.period
            if out is None or day < out
        }
        counts.update(days)
    return counts


def assert_no_unit_over_capacity(register: Register) -> None:
    for unit in register.host_units.values():
        counts = in_practice(register, unit.id)
        by_occupancy: Counter[dt.date] = Counter()
        for days in register.occupied_days(unit.id):
            by_occupancy.update(days)
        assert +counts == +by_occupancy
        assert max(counts.values(), default=0) <= unit.capacity


# -- 1. refusals change nothing ---------------------------------------------------------


class RegisterMachine(RuleBasedStateMachine):
    """Drive a register with random changes; check every refusal and every acceptance."""

    def __init__(self) -> None:
        super().__init__()
        self.register = register_with_units()
        complete(self.register, "S-01")  # so that graduation is sometimes accepted
        self.clock = 0

    def attempt(self, change: Callable[[Stamp], object]) -> None:
        before = self.register.copy()
        self.clock += 1
        by = stamp(self.clock)
        try:
            change(by)
        except (RefusedChangeError, NotFoundError) as e:  # GraduationRefusedError included
            event(f"refused: {type(e).__name__}")
            assert before == self.register
            assert len(before.history) == len(self.register.history)
        else:
            if before == self.register:  # the value it had already: nothing changed, or recorded
                event("changed nothing")
                assert len(before.history) == len(self.register.history)
                return
            event("accepted")
            assert len(before.history) + 1 == len(self.register.history)
            assert by == self.register.history[-1].stamp

    def some_student(self, data: st.DataObject) -> str:
        """A student of the register, or now and then an unknown one."""
        return data.draw(st.sampled_from([*sorted(self.register.students), "S-99"]))

    def some_placement(self, data: st.DataObject) -> tuple[str, str, dt.date]:
        """A student, one of their placements (or an unknown one), and its start."""
        known = [
            (s.id, p.id, p.period.start)
            for s in self.register.students.values()
            for p in s.placements
        ]
        unknown = [("S-01", "P9", dt.date(2026, 3, 2)), ("S-99", "P1", dt.date(2026, 3, 2))]
        return data.draw(st.sampled_from(known + unknown))

    # -- cohort ------------------------------------------------------------------------

    @rule(sid=SESSION_IDS, day=DAYS, hours=gen.hours(Decimal(8), min_value=Decimal("0.25")))
    def correct_session(self, sid: str, day: dt.date, hours: Any) -> None:
        session = Session(id=sid, day=day, hours=hours)
        self.attempt(lambda by: self.register.correct_session(COHORT_ID, session, by=by))

    @rule(sid=SESSION_IDS | st.just("EXTRA"), day=DAYS)
    def schedule_session(self, sid: str, day: dt.date) -> None:
        session = Session(id=sid, day=day, hours=Hours(3))
        self.attempt(lambda by: self.register.schedule_session(COHORT_ID, session, by=by))

    @rule(sid=SESSION_IDS | st.just("EXTRA"))
    def cancel_session(self, sid: str) -> None:
        self.attempt(lambda by: self.register.cancel_session(COHORT_ID, sid, by=by))

    @rule(places=st.integers(-1, 30))
    def change_places(self, places: int) -> None:
        self.attempt(lambda by: self.register.change_places(COHORT_ID, places, by=by))

    # -- enrolment -----------------------------------------------------------------------

    @rule(sid=STUDENT_IDS, on=DAYS, synthetic=st.booleans(), applicant=st.booleans())
    def add_student(self, sid: str, on: dt.date, synthetic: bool, applicant: bool) -> None:
        student = new_student(sid, national_id=synthetic_id() if synthetic else None)
        add = self.register.add_applicant if applicant else self.register.enrol
        self.attempt(lambda by: add(student, on=on, by=by))

    @rule(sid=STUDENT_IDS, on=DAYS)
    def add_student_to_an_unknown_cohort(self, sid: str, on: dt.date) -> None:
        student = Student(id=sid, cohort="K9", name="Nils Syntetland")
        self.attempt(lambda by: self.register.enrol(student, on=on, by=by))

    @rule(
        sid=STUDENT_IDS,
        on=DAYS,
        change=st.sampled_from(("admit", "enrol", "grant_leave", "resume", "withdraw")),
    )
    def change_status(self, sid: str, on: dt.date, change: str) -> None:
        method = getattr(self.register, change)
        self.attempt(lambda by: method(sid, on=on, by=by))

    @rule(sid=STUDENT_IDS, on=DAYS)
    def graduate(self, sid: str, on: dt.date) -> None:
        self.attempt(lambda by: self.register.graduate(sid, on=on, by=by))

    # -- studies -------------------------------------------------------------------------

    @rule(sid=STUDENT_IDS, session=SESSION_IDS, mark=MARKS)
    def record_attendance(self, sid: str, session: str, mark: Any) -> None:
        self.attempt(lambda by: self.register.record_attendance(sid, session, mark, by=by))

    @rule(sid=STUDENT_IDS, session=SESSION_IDS)
    def record_attendance_by_someone_unknown(self, sid: str, session: str) -> None:
        mark = Present(Hours(1))
        self.attempt(
            lambda _: self.register.record_attendance(sid, session, mark, by="Ukjent")  # type: ignore[arg-type]
        )

    @rule(
        sid=STUDENT_IDS,
        mid=st.sampled_from(("M1", "M2")),
        hours=gen.hours(Decimal(6), min_value=Decimal("0.5")),
        on=DAYS,
        approver=PEOPLE,
    )
    def approve_makeup(self, sid: str, mid: str, hours: Any, on: dt.date, approver: str) -> None:
        makeup = MakeUp(id=mid, hours=hours, on=on, approver=approver)
        self.attempt(lambda by: self.register.approve_makeup(sid, makeup, by=by))

    @rule(sid=STUDENT_IDS, on=DAYS)
    def log_reading(self, sid: str, on: dt.date) -> None:
        reading = Reading(title="Bok A", on=on)
        self.attempt(lambda by: self.register.log_reading(sid, reading, by=by))

    @rule(sid=STUDENT_IDS, person=PEOPLE, on=DAYS)
    def sign_off_literature(self, sid: str, person: str, on: dt.date) -> None:
        self.attempt(
            lambda by: self.register.sign_off_literature(sid, signed_by=person, on=on, by=by)
        )

    @rule(sid=STUDENT_IDS, supervisor=PEOPLE)
    def start_assignment(self, sid: str, supervisor: str) -> None:
        self.attempt(
            lambda by: self.register.start_assignment(
                sid, topic="Håp", supervisor=supervisor, by=by
            )
        )

    @rule(data=st.data(), on=DAYS)
    def submit_assignment(self, data: st.DataObject, on: dt.date) -> None:
        sid = self.some_student(data)
        self.attempt(lambda by: self.register.submit_assignment(sid, on=on, by=by))

    @rule(data=st.data(), on=DAYS, assessor=PEOPLE, verdict=st.sampled_from(list(Verdict)))
    def assess_assignment(
        self, data: st.DataObject, on: dt.date, assessor: str, verdict: Verdict
    ) -> None:
        sid = self.some_student(data)
        self.attempt(
            lambda by: self.register.assess_assignment(
                sid, on=on, assessor=assessor, verdict=verdict, by=by
            )
        )

    # -- placements ----------------------------------------------------------------------

    @rule(
        sid=STUDENT_IDS,
        pid=PLACEMENT_IDS,
        unit=UNIT_IDS,
        start=PRACTICE_DAYS,
        days=st.integers(0, 120),
        weekdays=gen.weekday_sets,
        supervisor=PEOPLE,
    )
    def place(
        self,
        sid: str,
        pid: str,
        unit: str,
        start: dt.date,
        days: int,
        weekdays: Any,
        supervisor: str,
    ) -> None:
        p = placement(
            pid,
            unit=unit,
            start=start,
            end=start + dt.timedelta(days=days),
            weekdays=weekdays,
            supervisor=supervisor,
        )
        self.attempt(lambda by: self.register.place(sid, p, by=by))

    @rule(data=st.data(), offset=OFFSETS, cancel=st.booleans())
    def record_or_cancel_absence(self, data: st.DataObject, offset: int, cancel: bool) -> None:
        sid, pid, start = self.some_placement(data)
        day = start + dt.timedelta(days=offset)
        change = (
            self.register.cancel_placement_absence
            if cancel
            else self.register.record_placement_absence
        )
        self.attempt(lambda by: change(sid, pid, day=day, by=by))

    @rule(
        data=st.data(),
        stage=st.sampled_from(list(AssessmentStage)),
        offset=OFFSETS,
        assessor=PEOPLE,
        outlook=st.sampled_from(list(Outlook)),
    )
    def assess_placement(
        self,
        data: st.DataObject,
        stage: AssessmentStage,
        offset: int,
        assessor: str,
        outlook: Outlook,
    ) -> None:
        sid, pid, start = self.some_placement(data)
        on = start + dt.timedelta(days=offset)
        assessment = PlacementAssessment(on=on, assessor=assessor, outlook=outlook)
        self.attempt(lambda by: self.register.assess_placement(sid, pid, stage, assessment, by=by))

    @rule(data=st.data(), offset=OFFSETS)
    def end_placement_early(self, data: st.DataObject, offset: int) -> None:
        sid, pid, start = self.some_placement(data)
        last_day = start + dt.timedelta(days=offset)
        self.attempt(
            lambda by: self.register.end_placement_early(sid, pid, last_day=last_day, by=by)
        )

    # -- what must hold after every step ---------------------------------------------------

    @invariant()
    def the_records_pass_every_check_a_restore_makes(self) -> None:
        r = self.register
        restored = Register.from_records(
            cohorts=r.cohorts.values(),
            students=r.students.values(),
            host_units=r.host_units.values(),
            history=r.history,
        )
        assert r == restored

    @invariant()
    def no_unit_is_over_capacity(self) -> None:
        assert_no_unit_over_capacity(self.register)


RegisterMachine.TestCase.settings = settings(stateful_step_count=30)
test_a_refused_change_leaves_the_register_as_it_was = RegisterMachine.TestCase


# -- 2. capacity and 3. copies, over simpler sequences -----------------------------------

#: ``("place", student, placement id, unit, start, days)`` or ``("withdraw", student, day)``.
Step = tuple[Any, ...]

placing = st.tuples(
    st.just("place"),
    st.sampled_from(("S-01", "S-02", "S-03")),
    PLACEMENT_IDS,
    st.sampled_from((UNIT, UNIT_ONE_PLACE, "U3")),
    st.dates(min_value=dt.date(2026, 3, 1), max_value=dt.date(2026, 6, 30)),
    st.integers(0, 60),
)
withdrawing = st.tuples(
    st.just("withdraw"),
    st.sampled_from(("S-01", "S-02", "S-03")),
    st.dates(min_value=dt.date(2026, 3, 1), max_value=dt.date(2026, 6, 30)),
)
attending = st.tuples(
    st.just("attend"), st.sampled_from(("S-01", "S-02", "S-03")), SESSION_IDS, MARKS
)
steps = st.lists(st.one_of(placing, placing, withdrawing, attending), max_size=25)


def apply(register: Register, step: Step) -> bool:
    """Make one step's change; return whether it was accepted."""
    kind, sid, *rest = step
    try:
        if kind == "place":
            pid, unit, start, days = rest
            end = start + dt.timedelta(days=days)
            register.place(sid, placement(pid, unit=unit, start=start, end=end), by=stamp(1))
        elif kind == "withdraw":
            register.withdraw(sid, on=rest[0], by=stamp(1))
        else:
            register.record_attendance(sid, rest[0], rest[1], by=stamp(1))
    except RefusedChangeError:
        return False
    return True


@given(steps)
def test_no_unit_ever_has_more_students_in_practice_than_its_places(steps: list[Step]) -> None:
    register = register_with_units()

    for step in steps:
        event("accepted" if apply(register, step) else "refused")
        assert_no_unit_over_capacity(register)


@given(steps)
def test_changing_a_copy_never_changes_the_original(steps: list[Step]) -> None:
    original = register_with_units()
    copy = original.copy()
    assert original == copy

    for step in steps:
        apply(copy, step)

    assert register_with_units() == original


@given(steps)
def test_changing_the_original_never_changes_a_copy(steps: list[Step]) -> None:
    original = register_with_units()
    copy = original.copy()

    for step in steps:
        apply(original, step)

    assert register_with_units() == copy


def test_a_copy_is_equal_to_its_original_until_either_changes() -> None:
    original = make_register()
    copy = original.copy()

    copy.withdraw("S-01", on=dt.date(2026, 2, 1), by=stamp(1))

    assert original != copy
    assert (Status.ACTIVE, Status.WITHDRAWN) == (
        original.student("S-01").status,
        copy.student("S-01").status,
    )
