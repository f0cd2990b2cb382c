"""A realistic, entirely synthetic register for demonstrations, tutorials and tests.

Two cohorts a year apart: ``MB-2024`` under Bergen's 2010 rules (140 hours,
14 weeks) and ``MB-2025`` under the 2015 rules (180 hours, 20 weeks), fifteen
students each, with partial and late attendance, make-up work, part-time
placements over Easter at six host units, a supervisor's concern, sick days,
one withdrawal, one leave, literature sign-offs, final assignments (one
resubmitted), graduation, and what became of the graduates: hires through every
pathway, a budget pot near its capacity of ten, a project position made
permanent, AAP and a step-up period, further education, and some unknowns.

Every person, name and national identity number here is made up; identity
numbers are synthetic (month + 80), so the register allows synthetic ids.
The data is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta

from mbprogram.exceptions import GraduationRefusedError
from mbprogram.model.assignment import Verdict
from mbprogram.model.attendance import ExcusedAbsence, MakeUp, Present, UnexcusedAbsence
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import (
    Benefit,
    BudgetPot,
    Employment,
    Funding,
    OutcomeKind,
    OutcomeRecord,
    PanelMember,
    Pathway,
    Role,
    Supervision,
)
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.placements import (
    AssessmentStage,
    HostUnit,
    Outlook,
    Placement,
    PlacementAssessment,
)
from mbprogram.model.programme import BERGEN_2010, BERGEN_2015, ProgrammeRules
from mbprogram.model.students import Student
from mbprogram.model.values import DateRange, Hours, Percent, Stamp, Weekday
from mbprogram.register.aggregate import Register

__all__ = ["DEMO_POT", "build_demo_register"]

#: The id of the demo's budget pot (capacity 10, as Bergen's).
DEMO_POT = "MB-POTTEN"

_FIRST = ["Ola", "Kari", "Per", "Siri", "Nils", "Ingrid", "Arne", "Liv", "Tor", "Mari", "Eli"]
_LAST = ["Testesen", "Prøvedal", "Eksempelrud", "Fiktivsen", "Syntetland", "Demostad"]
_UNITS = (
    HostUnit(id="AKT", name="Aktivitetssenteret Solheim", capacity=4, kind="activity centre"),
    HostUnit(id="BOL", name="Bofellesskapet Nygård", capacity=3, kind="supported housing"),
    HostUnit(id="FLY", name="Mottakssenteret for flyktninger", capacity=3, kind="reception centre"),
    HostUnit(id="FACT", name="FACT-teamet Sentrum", capacity=3, kind="FACT team"),
    HostUnit(id="IDR", name="Idrettslaget Aktiv", capacity=2, kind="sports organisation"),
    HostUnit(id="HF", name="Housing First Bergen", capacity=2, kind="Housing First"),
)
_PART_TIME = frozenset({Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY})
_TEACHER = "Lærer Lund"


@attrs.frozen
class _Plan:
    """How one demo cohort runs."""

    id: str
    year: int
    rules: ProgrammeRules
    prefix: str
    sessions: int
    #: (start, weeks) of each placement period; students alternate between the first two
    #: when there are two, or take both in turn when ``both`` is set.
    periods: tuple[tuple[dt.date, int], ...]
    both: bool


_PLANS = (
    _Plan(
        id="MB-2024",
        year=2024,
        rules=BERGEN_2010,
        prefix="A",
        sessions=24,
        periods=((dt.date(2024, 3, 4), 15), (dt.date(2024, 8, 19), 15)),
        both=False,
    ),
    _Plan(
        id="MB-2025",
        year=2025,
        rules=BERGEN_2015,
        prefix="B",
        sessions=30,
        periods=((dt.date(2025, 3, 3), 11), (dt.date(2025, 8, 18), 11)),
        both=True,
    ),
)


def _stamp(day: dt.date) -> Stamp:
    """The coordinator records everything at nine in the morning on the day it happens."""
    return Stamp("Koordinator Krog", dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC))


def build_demo_register() -> Register:
    """Build the demo register: two cohorts, their host units, graduates and hires.

    >>> register = build_demo_register()
    >>> sorted(register.cohorts)
    ['MB-2024', 'MB-2025']
    >>> len(register.students)
    30
    """
    rng = random.Random(2024)  # noqa: S311 - synthetic data, not security
    register = Register(allow_synthetic_ids=True)
    first_day = dt.date(2024, 1, 2)
    for unit in _UNITS:
        register.add_host_unit(unit, by=_stamp(first_day))
    register.add_budget_pot(
        BudgetPot(id=DEMO_POT, name="Bergen kommunes MB-pott", capacity=10), by=_stamp(first_day)
    )
    for plan in _PLANS:
        _run_cohort(register, plan, rng)
    _hire_graduates(register)
    return register


# -- one cohort's year -------------------------------------------------------------------------


def _run_cohort(register: Register, plan: _Plan, rng: random.Random) -> None:
    start = dt.date(plan.year, 1, 2)
    first_session = dt.date(plan.year, 1, 4) + dt.timedelta(
        days=(3 - dt.date(plan.year, 1, 4).weekday()) % 7
    )
    register.open_cohort(
        Cohort(
            id=plan.id,
            name=f"MB-kullet {plan.year}",
            rules=plan.rules,
            period=DateRange(start, dt.date(plan.year, 12, 19)),
            places=15,
            sessions=[
                Session(
                    id=f"{plan.prefix}-T{i + 1:02d}",
                    day=first_session + dt.timedelta(weeks=i),
                    hours=Hours("6.5"),
                    topic="Teori",
                )
                for i in range(plan.sessions)
            ],
        ),
        by=_stamp(start),
    )
    students = [f"{plan.prefix}{i + 1:02d}" for i in range(15)]
    enrolled = dt.date(plan.year, 1, 3)
    for i, sid in enumerate(students):
        born = dt.date(1965 + 2 * i + plan.year % 3, 1 + (i * 5) % 12, 1 + (i * 7) % 28)
        register.enrol(
            Student(
                id=sid,
                cohort=plan.id,
                name=f"{_FIRST[(i + plan.year) % len(_FIRST)]} {_LAST[i % len(_LAST)]}",
                national_id=NationalIdNumber.synthetic(born, serial=i),
            ),
            on=enrolled,
            by=_stamp(enrolled),
        )
    _attend(register, plan, students, rng)
    _place(register, plan, students)
    if plan.prefix == "A":
        left = dt.date(plan.year, 9, 2)
        register.withdraw(students[-1], on=left, reason="eget ønske", by=_stamp(left))
        active = students[:-1]
    else:
        away, back = dt.date(plan.year, 5, 5), dt.date(plan.year, 5, 26)
        register.grant_leave(students[9], on=away, reason="sykdom", by=_stamp(away))
        register.resume(students[9], on=back, by=_stamp(back))
        active = students
    _finish(register, plan, active, rng)
    graduation = dt.date(plan.year, 12, 12)
    for sid in active:
        try:
            register.graduate(sid, on=graduation, by=_stamp(graduation))
        except GraduationRefusedError:
            continue  # the demo shows who is short of what


def _attend(register: Register, plan: _Plan, students: list[str], rng: random.Random) -> None:
    """Mostly present, sometimes late or away; those a little short do make-up work."""
    cohort = register.cohort(plan.id)
    for sid in students:
        diligence = rng.choice([0.99, 0.97, 0.95, 0.9, 0.8])
        for session in cohort.sessions:
            roll = rng.random()
            mark: Present | ExcusedAbsence | UnexcusedAbsence
            if roll < diligence:
                late = rng.random() < 0.15
                mark = Present(Hours(session.hours.value - (Decimal("1.5") if late else 0)))
            elif roll < diligence + 0.05:
                mark = ExcusedAbsence("legetime")
            else:
                mark = UnexcusedAbsence()
            register.record_attendance(sid, session.id, mark, by=_stamp(session.day))
        year_end = dt.date(plan.year, 12, 1)
        short = plan.rules.theory_hours.value - register.progress(sid, year_end).theory.credited
        if Decimal(0) < short <= 15:
            day = dt.date(plan.year, 6, 14)
            register.approve_makeup(
                sid,
                MakeUp(
                    id="K1",
                    hours=Hours(short),
                    on=day,
                    approver=_TEACHER,
                    description="Refleksjonsnotat",
                ),
                by=_stamp(day),
            )


def _place(register: Register, plan: _Plan, students: list[str]) -> None:
    """Part-time practice (Mon, Tue, Thu) over Easter; a concern and sick days here and there."""
    for n, sid in enumerate(students):
        periods = plan.periods if plan.both else (plan.periods[n % len(plan.periods)],)
        for k, (first, weeks) in enumerate(periods):
            unit = _UNITS[(n + k) % len(_UNITS)]
            pid = f"P{k + 1}"
            register.place(
                sid,
                Placement(
                    id=pid,
                    unit=unit.id,
                    supervisor=f"Veileder ved {unit.id}",
                    period=DateRange(first, first + dt.timedelta(weeks=weeks, days=-3)),
                    weekdays=_PART_TIME,
                ),
                by=_stamp(first),
            )
            midway = first + dt.timedelta(weeks=weeks // 2)
            concern = n == 6 and k == 0
            register.assess_placement(
                sid,
                pid,
                AssessmentStage.MIDWAY,
                PlacementAssessment(
                    on=midway,
                    assessor=f"Veileder ved {unit.id}",
                    outlook=Outlook.CAUSE_FOR_CONCERN if concern else Outlook.ON_TRACK,
                ),
                by=_stamp(midway),
            )
            if n in (3, 10) and k == 0:  # two sick days each
                for week in (3, 4):
                    day = first + dt.timedelta(weeks=week, days=1)  # a Tuesday
                    register.record_placement_absence(
                        sid, pid, day=day, reason="syk", by=_stamp(day)
                    )


def _finish(register: Register, plan: _Plan, students: list[str], rng: random.Random) -> None:
    """Literature sign-off and the final assignment, with one resubmission."""
    for n, sid in enumerate(students):
        if n == 12:  # one student has not finished the reading
            continue
        day = dt.date(plan.year, 11, 3) + dt.timedelta(days=rng.randrange(10))
        register.sign_off_literature(sid, signed_by=_TEACHER, on=day, by=_stamp(day))
    for n, sid in enumerate(students):
        if n == 13:  # one student has not started the assignment
            continue
        register.start_assignment(
            sid,
            topic="Erfaringskompetanse i praksis",
            supervisor=_TEACHER,
            by=_stamp(dt.date(plan.year, 9, 1)),
        )
        submitted = dt.date(plan.year, 11, 17)
        register.submit_assignment(sid, on=submitted, by=_stamp(submitted))
        resubmits = plan.prefix == "B" and n == 4
        assessed = dt.date(plan.year, 11, 25)
        register.assess_assignment(
            sid,
            on=assessed,
            assessor="Sensor Sand",
            verdict=Verdict.NOT_APPROVED if resubmits else Verdict.APPROVED,
            by=_stamp(assessed),
        )
        if resubmits:
            again, later = dt.date(plan.year, 12, 1), dt.date(plan.year, 12, 8)
            register.submit_assignment(sid, on=again, by=_stamp(again))
            register.assess_assignment(
                sid, on=later, assessor="Sensor Sand", verdict=Verdict.APPROVED, by=_stamp(later)
            )


# -- after graduation ----------------------------------------------------------------------------

_PANEL = (
    PanelMember(name="Leder Lie"),
    PanelMember(name="Bruker Berg", user_organisation="Mental Helse"),
)
_PANEL_WITHOUT_USERS = (PanelMember(name="Leder Lie"), PanelMember(name="Tillitsvalgt Tang"))
_COMMON = frozenset({Role.INDIVIDUAL_USERS})
_I, _S, _P, _U, _R = (
    Role.INDIVIDUAL_USERS,
    Role.SYSTEM_LEVEL,
    Role.PROJECT_WORK,
    Role.USER_ORGANISATIONS,
    Role.RELATIVES,
)
#: Role sets handed out in turn, close to the national survey's 69 / 60 / 40 / 42 / 30 %.
_ROLE_SETS = (
    frozenset({_I, _S, _U}),
    frozenset({_I, _R}),
    frozenset({_S, _P}),
    frozenset({_I, _S, _U, _R}),
    frozenset({_I}),
    frozenset({_S, _P, _U}),
    frozenset({_I, _S}),
    frozenset({_I, _P, _R}),
    frozenset({_S, _U}),
    frozenset({_I, _P}),
)


def _hire_graduates(register: Register) -> None:
    """Hire the graduates through every pathway; record other outcomes for some."""
    graduates = [
        (s, s.certificate.issued_on)
        for s in register.students.values()
        if s.certificate is not None
    ]
    for n, (student, graduated) in enumerate(graduates):
        start = graduated + dt.timedelta(days=25)
        start += dt.timedelta(days=(7 - start.weekday()) % 7)  # the Monday after
        placement_unit = student.placements[-1].unit
        employment = _employment_for(n, student.id, placement_unit, start)
        if employment is not None:
            employment = attrs.evolve(employment, roles=_ROLE_SETS[n % len(_ROLE_SETS)])
        if employment is None:
            kind = (OutcomeKind.FURTHER_EDUCATION, OutcomeKind.NOT_EMPLOYED, None)[n % 3]
            if kind is not None:
                on = graduated + dt.timedelta(days=90)
                register.record_outcome(
                    OutcomeRecord(id=f"O-{student.id}", person=student.id, kind=kind, on=on),
                    by=_stamp(on),
                )
            continue
        register.hire(employment, by=_stamp(start))
        end = employment.end
        if employment.pathway is Pathway.PROJECT_POSITION and end and student.cohort == "MB-2024":
            register.make_permanent(employment.id, on=end + dt.timedelta(days=1), by=_stamp(end))
        if n == 3:  # an AAP recipient with a second, small post beside the pot position
            second = start + dt.timedelta(days=60)
            register.hire(
                Employment(
                    id=f"E-{student.id}-2",
                    person=student.id,
                    unit="FLY",
                    pathway=Pathway.ORDINARY_POSITION,
                    start=second,
                    percent=Percent(20),
                    funding=Funding.MUNICIPAL_BUDGET,
                    benefit=Benefit.AAP,
                    roles=_COMMON,
                    supervision=Supervision.GROUP,
                    panel=_PANEL,
                ),
                by=_stamp(second),
            )


def _employment_for(n: int, person: str, placement_unit: str, start: dt.date) -> Employment | None:
    """The n-th graduate's first employment, or ``None`` for an outcome without one."""
    pot_post = Employment(
        id=f"E-{person}",
        person=person,
        unit=placement_unit,
        pathway=Pathway.BUDGET_POT,
        start=start,
        percent=Percent(50),
        funding=Funding.BUDGET_POT,
        pot=DEMO_POT,
        roles=_COMMON,
        supervision=Supervision.INDIVIDUAL_AND_GROUP,
        peer_network=True,
        panel=_PANEL,
    )
    match n % 7:
        case 0 | 3 | 5:  # the budget pot: a two-year MB position
            return attrs.evolve(
                pot_post,
                end=start + relativedelta(years=2, days=-1),
                benefit=Benefit.AAP if n == 3 else Benefit.NONE,
            )
        case 1:  # hired where they did practice, permanent from the start
            return attrs.evolve(
                pot_post,
                pathway=Pathway.PLACEMENT_UNIT,
                percent=Percent(40),
                permanent_from=start,
                funding=Funding.MUNICIPAL_BUDGET,
                pot=None,
                benefit=Benefit.DISABILITY,
            )
        case 2:  # a project position for a year, with an AAP step-up period
            return attrs.evolve(
                pot_post,
                unit="FACT",
                pathway=Pathway.PROJECT_POSITION,
                end=start + relativedelta(years=1, days=-1),
                percent=Percent(70),
                funding=Funding.STATE_GRANT,
                pot=None,
                benefit=Benefit.AAP,
                aap_step_up=DateRange(start, start + relativedelta(months=10)),
            )
        case 4:  # an ordinary position won in open competition, no supervision agreed
            return attrs.evolve(
                pot_post,
                unit="AKT",
                pathway=Pathway.ORDINARY_POSITION,
                percent=Percent(30),
                permanent_from=start,
                funding=Funding.MUNICIPAL_BUDGET,
                pot=None,
                supervision=Supervision.NONE,
                panel=_PANEL_WITHOUT_USERS,
            )
        case _:
            return None
