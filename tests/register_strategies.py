"""A hypothesis strategy for valid registers: ``registers()``.

It starts from the scenario of ``tests/builders.py`` (cohort ``K1``, units
``U1`` and ``U2``) and applies a random sequence of the register's own change
methods, keeping those the register accepts. So every register drawn is one
the library itself could have built, with a history of the changes that made
it, and the records of every kind appear: attendance of all kinds, make-up
work, placements with absences and assessments, literature, the final
assignment, status changes (leave, withdrawal, graduation), a second cohort,
budget pots, employments and other outcomes. Everyone in them is made up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from mbprogram import (
    AssessmentStage,
    MakeUp,
    NotFoundError,
    PlacementAssessment,
    Reading,
    Register,
    Stamp,
    ValidationError,
    Verdict,
)
from mbprogram.model.cohort import Session
from mbprogram.model.placements import Outlook
from tests import strategies as s
from tests.builders import (
    COHORT_ID,
    ENROLMENT_DAY,
    GRADUATION_DAY,
    STAMP,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    make_register,
    new_student,
)

__all__ = ["registers"]

Draw = st.DrawFn
Step = Callable[[Draw, Register, Stamp], None]

#: Stamps in UTC and at Norwegian winter and summer time, so offsets round-trip too.
ZONES = (dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=2)))


def _student(draw: Draw, register: Register) -> str:
    if not register.students:
        raise NotFoundError("student", "(none)")
    return draw(st.sampled_from(sorted(register.students)))


def _day_from(draw: Draw, start: dt.date, days: int = 300) -> dt.date:
    return draw(st.dates(min_value=start, max_value=start + dt.timedelta(days=days)))


def _enrolled(register: Register, sid: str) -> dt.date:
    return register.student(sid).enrolled_on or ENROLMENT_DAY


def enrol(draw: Draw, register: Register, by: Stamp) -> None:
    """A new student, with optional personal details, enrolled or only admitted."""
    cohort = register.cohort(draw(st.sampled_from(sorted(register.cohorts))))
    details: dict[str, object] = {
        "contact": draw(st.none() | st.builds(s.Contact, email=st.just("a@example.invalid"))),
        "background": draw(st.none() | s.backgrounds),
        "notes": draw(s.free_text),
    }
    if register.allow_synthetic_ids:
        details["national_id"] = draw(st.none() | s.national_ids())
    student = new_student(f"S-{len(register.students) + 1:02d}", draw(s.names), **details)
    student = student.__class__(**{**_fields(student), "cohort": cohort.id})
    day = draw(st.dates(min_value=cohort.period.start, max_value=cohort.period.end))
    if draw(st.booleans()):
        register.enrol(student, on=day, by=by)
    else:
        register.add_applicant(student, on=day, by=by)
        if draw(st.booleans()):
            register.admit(student.id, on=day, by=by)


def _fields(record: object) -> dict[str, object]:
    import attrs  # noqa: PLC0415

    return attrs.asdict(record, recurse=False)  # type: ignore[arg-type]


def attend(draw: Draw, register: Register, by: Stamp) -> None:
    """Mark a student present, excused or unexcused for a session (or correct a mark)."""
    sid = _student(draw, register)
    cohort = register.cohort(register.student(sid).cohort)
    if not cohort.sessions:
        return
    session = draw(st.sampled_from(cohort.sessions))
    register.record_attendance(sid, session.id, draw(s.marks(session)), by=by)


def make_up(draw: Draw, register: Register, by: Stamp) -> None:
    """Approve make-up work."""
    sid = _student(draw, register)
    makeup = MakeUp(
        id=f"M{len(register.student(sid).makeups)}",
        hours=draw(s.hours(Decimal(6), min_value=Decimal("0.5"))),
        on=_day_from(draw, _enrolled(register, sid)),
        approver=draw(s.staff),
        description=draw(s.free_text),
    )
    register.approve_makeup(sid, makeup, by=by)


def place(draw: Draw, register: Register, by: Stamp) -> None:
    """A placement, possibly with absences and assessments already."""
    sid = _student(draw, register)
    pid = f"P{len(register.student(sid).placements)}"
    unit = draw(st.sampled_from(sorted(register.host_units)))
    placement = draw(s.placements(unit=unit, not_before=_enrolled(register, sid), pid=pid))
    register.place(sid, placement, by=by)


def _placement(draw: Draw, register: Register) -> tuple[str, str]:
    placed = sorted(sid for sid, student in register.students.items() if student.placements)
    if not placed:
        raise NotFoundError("placement", "(none)")
    sid = draw(st.sampled_from(placed))
    return sid, draw(st.sampled_from(register.student(sid).placements)).id


def practice(draw: Draw, register: Register, by: Stamp) -> None:
    """Record or cancel an absence, assess, or end a placement early."""
    sid, pid = _placement(draw, register)
    placement = register.student(sid).placement(pid)
    assert placement is not None
    action = draw(st.sampled_from(("absence", "cancel", "assess", "end")))
    if action == "absence":
        days = s.practice_days_of(placement.period, placement.weekdays)
        if days:
            day = draw(st.sampled_from(days))
            register.record_placement_absence(sid, pid, day=day, reason=draw(s.free_text), by=by)
    elif action == "cancel" and placement.absences:
        day = draw(st.sampled_from(placement.absences)).day
        register.cancel_placement_absence(sid, pid, day=day, by=by)
    elif action == "assess":
        assessment = PlacementAssessment(
            on=draw(st.dates(min_value=placement.period.start, max_value=placement.period.end)),
            assessor=draw(s.staff),
            outlook=draw(st.sampled_from(list(Outlook))),
            note=draw(s.free_text),
        )
        stage = draw(st.sampled_from(list(AssessmentStage)))
        register.assess_placement(sid, pid, stage, assessment, by=by)
    elif action == "end":
        last = draw(st.dates(min_value=placement.period.start, max_value=placement.period.end))
        register.end_placement_early(sid, pid, last_day=last, by=by)


def study(draw: Draw, register: Register, by: Stamp) -> None:
    """Literature and the final assignment."""
    sid = _student(draw, register)
    day = _day_from(draw, _enrolled(register, sid))
    action = draw(st.sampled_from(("read", "sign", "start", "submit", "assess")))
    if action == "read":
        reading = Reading(title=draw(st.sampled_from(("Bok A", "Bok B"))), on=day)
        register.log_reading(sid, reading, by=by)
    elif action == "sign":
        register.sign_off_literature(sid, signed_by=draw(s.staff), on=day, by=by)
    elif action == "start":
        register.start_assignment(sid, topic="Håp", supervisor=draw(s.staff), by=by)
    elif action == "submit":
        register.submit_assignment(sid, on=day, title=draw(s.free_text), by=by)
    else:
        register.assess_assignment(
            sid,
            on=day,
            assessor=draw(s.staff),
            verdict=draw(st.sampled_from(list(Verdict))),
            feedback=draw(s.free_text),
            by=by,
        )


def status(draw: Draw, register: Register, by: Stamp) -> None:
    """Leave, return, withdrawal or admission."""
    sid = _student(draw, register)
    history = register.student(sid).status_history
    day = _day_from(draw, history[-1].on if history else ENROLMENT_DAY, 120)
    action = draw(st.sampled_from(("leave", "resume", "withdraw", "enrol")))
    if action == "leave":
        register.grant_leave(sid, on=day, reason=draw(s.free_text), by=by)
    elif action == "resume":
        register.resume(sid, on=day, by=by)
    elif action == "withdraw":
        register.withdraw(sid, on=day, reason=draw(s.free_text), by=by)
    else:
        register.enrol(sid, on=day, by=by)


def graduate(draw: Draw, register: Register, by: Stamp) -> None:
    """A new student who completes everything and graduates."""
    sid = f"G-{len(register.students) + 1:02d}"
    register.enrol(new_student(sid, draw(s.names)), on=ENROLMENT_DAY, by=by)
    unit = draw(st.sampled_from((UNIT, UNIT_ONE_PLACE)))
    complete(register, sid, unit=unit, by=by)
    register.graduate(sid, on=GRADUATION_DAY, by=by)


def hire(draw: Draw, register: Register, by: Stamp) -> None:
    """A budget pot, an employment of a graduate, or another outcome."""
    action = draw(st.sampled_from(("pot", "hire", "outcome")))
    if action == "pot":
        pot = draw(s.budget_pots)
        register.add_budget_pot(pot, by=by)
        return
    graduates = sorted(sid for sid, st_ in register.students.items() if st_.certificate)
    if not graduates:  # only graduates are hired or have outcomes
        return
    person = draw(st.sampled_from(graduates))
    if action == "outcome":
        outcome = draw(s.outcome_records(oid=f"O{len(register.outcomes)}", person=person))
        register.record_outcome(outcome, by=by)
        return
    employment = draw(
        s.employments(
            eid=f"E{len(register.employments)}",
            person=person,
            units=tuple(sorted(register.host_units)),
            pots=tuple(sorted(register.budget_pots)),
            start=GRADUATION_DAY,
            end=GRADUATION_DAY + dt.timedelta(days=400),
        )
    )
    register.hire(employment, by=by)


def employ(draw: Draw, register: Register, by: Stamp) -> None:
    """Change an employment: end, extend, make permanent, confirm its end, amend."""
    if not register.employments:
        return
    employment = register.employment(draw(st.sampled_from(sorted(register.employments))))
    day = _day_from(draw, employment.start, 500)
    action = draw(st.sampled_from(("end", "extend", "permanent", "confirm", "amend")))
    if action == "end":
        register.end_employment(employment.id, last_day=day, by=by)
    elif action == "extend":
        register.extend_employment(employment.id, new_end=draw(st.none() | st.just(day)), by=by)
    elif action == "permanent":
        register.make_permanent(employment.id, on=day, by=by)
    elif action == "confirm":
        register.confirm_end(employment.id, on=day, by=by)
    else:
        register.amend_employment(employment.id, percent=draw(s.position_percents), by=by)


def organise(draw: Draw, register: Register, by: Stamp) -> None:
    """Sessions, places, capacities, and a second cohort."""
    action = draw(st.sampled_from(("schedule", "correct", "cancel", "places", "capacity", "open")))
    cohort = register.cohort(draw(st.sampled_from(sorted(register.cohorts))))
    if action == "open":
        other = draw(s.cohorts())
        register.open_cohort(other.__class__(**{**_fields(other), "id": "K2"}), by=by)
    elif action in ("schedule", "correct"):
        existing = draw(st.sampled_from(cohort.sessions)).id if cohort.sessions else "SES-00"
        session = Session(
            id=f"SES-N{len(cohort.sessions)}" if action == "schedule" else existing,
            day=draw(st.dates(min_value=cohort.period.start, max_value=cohort.period.end)),
            hours=draw(s.hours(Decimal(8), min_value=Decimal(1))),
            topic=draw(st.sampled_from(("Etikk", "Samtalen", ""))),
        )
        change = register.schedule_session if action == "schedule" else register.correct_session
        change(cohort.id, session, by=by)
    elif action == "cancel" and cohort.sessions:
        register.cancel_session(cohort.id, draw(st.sampled_from(cohort.sessions)).id, by=by)
    elif action == "places":
        register.change_places(cohort.id, draw(st.integers(1, 30)), by=by)
    elif action == "capacity":
        register.change_capacity(draw(st.sampled_from((UNIT, UNIT_ONE_PLACE))), 3, by=by)


#: The steps, some listed twice to be drawn more often.
STEPS: tuple[Step, ...] = (
    enrol,
    attend,
    attend,
    make_up,
    place,
    practice,
    practice,
    study,
    study,
    status,
    graduate,
    hire,
    hire,
    employ,
    organise,
)


@st.composite
def registers(
    draw: Draw, *, allow_synthetic_ids: bool | None = None, max_steps: int = 25
) -> Register:
    """A valid register built by the register's own methods from a random sequence of steps."""
    synthetic = draw(st.booleans()) if allow_synthetic_ids is None else allow_synthetic_ids
    register = make_register(draw(st.integers(0, 3)), allow_synthetic_ids=synthetic)
    zone = draw(st.sampled_from(ZONES))
    for minutes in range(1, draw(st.integers(0, max_steps)) + 1):
        by = Stamp(draw(s.staff), (STAMP.at + dt.timedelta(minutes=minutes)).astimezone(zone))
        step = draw(st.sampled_from(STEPS))
        with contextlib.suppress(ValidationError, NotFoundError):  # refused: nothing changed
            step(draw, register, by)
    assert COHORT_ID in register.cohorts
    return register
