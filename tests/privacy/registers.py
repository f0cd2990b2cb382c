"""Random whole registers built through the register's own methods, with marked personal data.

``scenarios()`` draws a :class:`Scenario`: a register of one or two cohorts, two
host units and a budget pot, with a few students who attend, take leave, do
practice, make up hours, read, write their assignment, withdraw or graduate,
and graduates who are hired (and whose employments change) or recorded with
another outcome. Changes the register refuses (a full unit or pot, a
graduation with requirements unmet) are simply left out, as a coordinator
would have to.

Every name, identity number, contact detail and free text is a *secret*:
distinctive (a letter, a three-digit serial and at least eight random letters,
so no secret occurs inside another or by chance in other text) and recorded
with the :class:`Person` it belongs to. Everyone here is made up; identity
numbers are synthetic.
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from mbprogram import (
    AssessmentStage,
    Background,
    Benefit,
    BudgetPot,
    Cohort,
    Contact,
    DateRange,
    Employment,
    ExcusedAbsence,
    Funding,
    GraduationRefusedError,
    HostUnit,
    Hours,
    MakeUp,
    NationalIdNumber,
    OutcomeKind,
    OutcomeRecord,
    Outlook,
    PanelMember,
    Pathway,
    Percent,
    Placement,
    PlacementAssessment,
    Present,
    ProgrammeRules,
    Reading,
    RefusedChangeError,
    Register,
    Role,
    Session,
    Stamp,
    Student,
    Supervision,
    UnexcusedAbsence,
    Verdict,
    Weekday,
)
from mbprogram.calendar.norway import is_public_holiday

__all__ = ["POT", "Person", "Scenario", "scenarios"]

POT = "POT"
UNITS = ("U1", "U2")
STAFF = ("Veileder Vik", "Lærer Lund", "Rådgiver Ruud")
FIRST_COHORT_START = dt.date(2024, 1, 8)
WORKDAYS = frozenset(Weekday(d) for d in range(5))
TOKENS = st.text(alphabet=string.ascii_letters, min_size=8, max_size=14)


@attrs.frozen
class Person:
    """One synthetic student and every personal value put into the register about them."""

    id: str
    cohort: str
    name: str
    national_id: str
    email: str
    phone: str
    texts: tuple[str, ...]

    @property
    def identifiers(self) -> tuple[str, ...]:
        """Name, national identity number and contact details."""
        return (self.name, self.national_id, self.email, self.phone)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every value that must not leak: identifiers and free texts."""
        return (*self.identifiers, *self.texts)


@attrs.frozen
class Scenario:
    """A register, the people in it, and a day after everything in it happened."""

    register: Register
    people: tuple[Person, ...]
    as_of: dt.date

    def person(self, sid: str) -> Person:
        """The person with id ``sid``."""
        return next(p for p in self.people if p.id == sid)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret of every person."""
        return tuple(s for p in self.people for s in p.secrets)


class _Builder:
    """Applies changes with fresh stamps, and makes secrets."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.register = Register(allow_synthetic_ids=True)
        self.minutes = 0
        self.serial = 0

    def stamp(self) -> Stamp:
        self.minutes += 1
        at = dt.datetime(2024, 1, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=self.minutes)
        return Stamp("Koordinator Krog", at)

    def secret(self, kind: str, into: list[str]) -> str:
        self.serial += 1
        value = f"{kind}{self.serial:03d}{self.draw(TOKENS)}"
        into.append(value)
        return value

    def attempt(self, change: object, *args: object, **kwargs: object) -> bool:
        """Make a change; return whether the register accepted it."""
        try:
            change(*args, **kwargs, by=self.stamp())  # type: ignore[operator]
        except (RefusedChangeError, GraduationRefusedError):
            return False
        return True


def _cohort(draw: st.DrawFn, index: int) -> Cohort:
    start = FIRST_COHORT_START + dt.timedelta(weeks=52 * index)
    period = DateRange(start, start + dt.timedelta(days=300))
    sessions = tuple(
        Session(id=f"SES-{i}", day=start + dt.timedelta(weeks=2 * i, days=2), hours=Hours(3))
        for i in range(1, 7)
    )
    rules = ProgrammeRules(
        name="Testprogram",
        theory_hours=Hours(draw(st.sampled_from((0, 0, 0, 6)))),
        practice_weeks=Decimal(draw(st.sampled_from((0, 0, 0, 1)))),
        literature_sign_off=draw(st.sampled_from((False, False, True))),
        assignment_approval=draw(st.sampled_from((False, False, True))),
        max_submissions=2,
    )
    return Cohort(
        id=f"K{index + 1}",
        name=f"MB {start.year}",
        rules=rules,
        period=period,
        places=draw(st.integers(1, 4)),
        sessions=sessions,
    )


def _practice_day(period: DateRange) -> dt.date | None:
    return next((d for d in period if d.weekday() < 5 and not is_public_holiday(d)), None)


def _studies(b: _Builder, sid: str, cohort: Cohort, enrolled: dt.date, texts: list[str]) -> None:
    draw, r = b.draw, b.register
    for session in cohort.sessions:
        if session.day < enrolled:
            continue
        kind = draw(st.sampled_from(("present", "present", "excused", "unexcused", "none")))
        if kind == "present":
            b.attempt(r.record_attendance, sid, session.id, Present(Hours(3)))
        elif kind == "excused":
            mark = ExcusedAbsence(b.secret("R", texts))
            b.attempt(r.record_attendance, sid, session.id, mark)
        elif kind == "unexcused":
            b.attempt(r.record_attendance, sid, session.id, UnexcusedAbsence())
    if draw(st.booleans()):
        start = enrolled + dt.timedelta(days=draw(st.integers(7, 40)))
        period = DateRange(start, start + dt.timedelta(days=draw(st.integers(14, 90))))
        unit = draw(st.sampled_from(UNITS))
        placement = Placement(
            id="P1",
            unit=unit,
            supervisor=draw(st.sampled_from(STAFF)),
            period=period,
            weekdays=WORKDAYS,
        )
        if b.attempt(r.place, sid, placement):
            day = _practice_day(period)
            if day is not None and draw(st.booleans()):
                reason = b.secret("A", texts)
                b.attempt(r.record_placement_absence, sid, "P1", day=day, reason=reason)
            if draw(st.booleans()):
                assessment = PlacementAssessment(
                    on=period.start + dt.timedelta(days=7),
                    assessor=draw(st.sampled_from(STAFF)),
                    outlook=draw(st.sampled_from(list(Outlook))),
                    note=b.secret("V", texts),
                )
                b.attempt(r.assess_placement, sid, "P1", AssessmentStage.MIDWAY, assessment)
    if draw(st.booleans()):
        makeup = MakeUp(
            id="M1",
            hours=Hours(2),
            on=enrolled + dt.timedelta(days=10),
            approver=draw(st.sampled_from(STAFF)),
            description=b.secret("D", texts),
        )
        b.attempt(r.approve_makeup, sid, makeup)
    if draw(st.booleans()):
        reading = Reading(title="Bok A", on=enrolled, note=b.secret("L", texts))
        b.attempt(r.log_reading, sid, reading)
    if draw(st.booleans()):
        b.attempt(
            r.sign_off_literature, sid, signed_by="Lærer Lund", on=enrolled + dt.timedelta(days=30)
        )
    if draw(st.booleans()):
        topic = b.secret("T", texts)
        b.attempt(r.start_assignment, sid, topic=topic, supervisor="Lærer Lund")
        submitted = cohort.period.start + dt.timedelta(days=200)
        b.attempt(r.submit_assignment, sid, on=submitted, title=b.secret("U", texts))
        b.attempt(
            r.assess_assignment,
            sid,
            on=submitted + dt.timedelta(days=7),
            assessor="Lærer Lund",
            verdict=draw(st.sampled_from(list(Verdict))),
            feedback=b.secret("F", texts),
        )


def _employment(b: _Builder, sid: str, k: int, graduated: dt.date, texts: list[str]) -> None:
    draw, r = b.draw, b.register
    funding = draw(st.sampled_from(list(Funding)))
    pathway = (
        Pathway.BUDGET_POT
        if funding is Funding.BUDGET_POT
        else draw(st.sampled_from((Pathway.PROJECT_POSITION, Pathway.ORDINARY_POSITION)))
    )
    start = graduated + dt.timedelta(days=draw(st.integers(0, 200)))
    end = draw(st.none() | st.integers(20, 500).map(lambda n: start + dt.timedelta(days=n)))
    benefit = draw(st.sampled_from(list(Benefit)))
    step_up = (
        DateRange(start, start + dt.timedelta(days=100))
        if benefit is Benefit.AAP and draw(st.booleans())
        else None
    )
    panel = tuple(
        PanelMember(name=b.secret("M", texts), user_organisation=org)
        for org in draw(st.lists(st.sampled_from(("", "Mental Helse", "RiO")), max_size=2))
    )
    employment = Employment(
        id=f"E-{sid}-{k}",
        person=sid,
        unit=draw(st.sampled_from(UNITS)),
        pathway=pathway,
        start=start,
        end=end,
        percent=Percent(draw(st.sampled_from((16, 40, "45.5", 50, 80, 100)))),
        funding=funding,
        pot=POT if funding is Funding.BUDGET_POT else None,
        benefit=benefit,
        aap_step_up=step_up,
        roles=draw(st.frozensets(st.sampled_from(list(Role)))),
        supervision=draw(st.sampled_from(list(Supervision))),
        peer_network=draw(st.booleans()),
        panel=panel,
    )
    if not b.attempt(r.hire, employment):
        return
    later = draw(st.sampled_from(("none", "permanent", "amend", "end")))
    if later == "permanent":
        b.attempt(r.make_permanent, employment.id, on=start + dt.timedelta(days=10))
    elif later == "amend":
        b.attempt(r.amend_employment, employment.id, percent=Percent(30), benefit=Benefit.AAP)
    elif later == "end":
        b.attempt(r.end_employment, employment.id, last_day=start + dt.timedelta(days=15))


@st.composite
def scenarios(draw: st.DrawFn, *, max_students: int = 5) -> Scenario:
    """A random register with marked secrets (see the module's docstring)."""
    b = _Builder(draw)
    r = b.register
    cohorts = [_cohort(draw, i) for i in range(draw(st.integers(1, 2)))]
    for cohort in cohorts:
        r.open_cohort(cohort, by=b.stamp())
    for unit, capacity in zip(
        UNITS, draw(st.tuples(st.integers(1, 3), st.integers(1, 2))), strict=True
    ):
        r.add_host_unit(HostUnit(id=unit, name=f"Enhet {unit}", capacity=capacity), by=b.stamp())
    r.add_budget_pot(
        BudgetPot(id=POT, name="MB-potten", capacity=draw(st.integers(1, 3))), by=b.stamp()
    )
    people = []
    for n in range(1, draw(st.integers(1, max_students)) + 1):
        sid = f"S{n:02d}"
        cohort = draw(st.sampled_from(cohorts))
        texts: list[str] = []
        identifiers: list[str] = []
        born = dt.date(1960 + n, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
        national_id = NationalIdNumber.synthetic(born, offset=draw(st.sampled_from((40, 80))))
        student = Student(
            id=sid,
            cohort=cohort.id,
            name=b.secret("N", identifiers),
            national_id=national_id,
            contact=Contact(email=b.secret("E", identifiers), phone=b.secret("H", identifiers)),
            background=draw(
                st.none()
                | st.builds(
                    Background,
                    own=st.just(True),
                    relative=st.booleans(),
                    mental_health=st.booleans(),
                    substance_use=st.just(True),
                )
            ),
            notes=b.secret("O", texts),
        )
        enrolled = cohort.period.start + dt.timedelta(days=draw(st.integers(0, 20)))
        r.enrol(student, on=enrolled, by=b.stamp())
        if draw(st.booleans()):
            left = enrolled + dt.timedelta(days=draw(st.integers(1, 20)))
            b.attempt(r.grant_leave, sid, on=left, reason=b.secret("G", texts))
            b.attempt(r.resume, sid, on=left + dt.timedelta(days=7))
        _studies(b, sid, cohort, enrolled, texts)
        fate = draw(st.sampled_from(("graduate", "graduate", "withdraw", "stay")))
        if fate == "graduate":
            b.attempt(r.graduate, sid, on=cohort.period.end)
        elif fate == "withdraw":
            on = cohort.period.end - dt.timedelta(days=10)
            b.attempt(r.withdraw, sid, on=on, reason=b.secret("W", texts))
        certificate = r.student(sid).certificate
        if certificate is not None:
            for k in range(draw(st.sampled_from((1, 1, 0, 2)))):
                _employment(b, sid, k, certificate.issued_on, texts)
        if draw(st.booleans()):
            outcome = OutcomeRecord(
                id=f"O-{sid}",
                person=sid,
                kind=draw(st.sampled_from(list(OutcomeKind))),
                on=cohort.period.end + dt.timedelta(days=draw(st.integers(0, 400))),
                note=b.secret("Q", texts),
            )
            b.attempt(r.record_outcome, outcome)
        name, email, phone = identifiers
        people.append(Person(sid, cohort.id, name, national_id.value, email, phone, tuple(texts)))
    as_of = max(c.period.end for c in cohorts) + dt.timedelta(days=900)
    return Scenario(r, tuple(people), as_of)
