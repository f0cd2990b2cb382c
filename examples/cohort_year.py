"""Walk one synthetic cohort through a programme year and print each student's progress.

Fifteen made-up students are enrolled in a cohort under Bergen's rules (140 hours
of theory, 14 weeks of practice, literature studies and a final assignment).
The script records partial attendance at the weekly sessions, places students at
several host units (over Easter, part-time), signs off literature, takes in
assignments (one is resubmitted), graduates those who are complete, and prints
where everyone stands. Everything is deterministic and synthetic.

Run it with ``make demo`` or ``python examples/cohort_year.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from mbprogram import (
    BERGEN_2010,
    AssessmentStage,
    Cohort,
    DateRange,
    ExcusedAbsence,
    GraduationRefusedError,
    HostUnit,
    Hours,
    MakeUp,
    NationalIdNumber,
    Outlook,
    Placement,
    PlacementAssessment,
    Present,
    Register,
    Session,
    Stamp,
    Student,
    UnexcusedAbsence,
    Verdict,
    Weekday,
    floor2,
)

YEAR = 2026
FIRST_NAMES = ["Ola", "Kari", "Per", "Siri", "Nils", "Ingrid", "Arne", "Liv", "Tor", "Mari"]
LAST_NAMES = ["Testesen", "Prøvedal", "Eksempelrud", "Fiktivsen", "Syntetland"]
UNITS = [
    HostUnit(id="AKT", name="Aktivitetssenteret Solheim", capacity=4, kind="activity centre"),
    HostUnit(id="BOL", name="Bofellesskapet Nygård", capacity=3, kind="supported housing"),
    HostUnit(id="FLY", name="Mottakssenteret for flyktninger", capacity=3, kind="reception centre"),
    HostUnit(id="FACT", name="FACT-teamet Sentrum", capacity=3, kind="FACT team"),
    HostUnit(id="IDR", name="Idrettslaget Aktiv", capacity=2, kind="sports organisation"),
]
SESSION_DAYS = [dt.date(YEAR, 1, 8) + dt.timedelta(weeks=w) for w in range(24)]


def stamp(day: dt.date) -> Stamp:
    """The coordinator records everything at nine in the morning on the day it happens."""
    return Stamp("koordinator", dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC))


def build_register(rng: random.Random) -> Register:
    """Build the cohort year; returns the register with everything recorded."""
    register = Register(allow_synthetic_ids=True)  # a register of synthetic test data
    start = dt.date(YEAR, 1, 2)
    register.open_cohort(
        Cohort(
            id=f"MB-{YEAR}",
            name=f"MB-kullet {YEAR}",
            rules=BERGEN_2010,
            period=DateRange(start, dt.date(YEAR, 12, 18)),
            places=15,
            sessions=[
                Session(id=f"T{i + 1:02d}", day=d, hours=Hours("6.5"), topic="Teori")
                for i, d in enumerate(SESSION_DAYS)
            ],
        ),
        by=stamp(start),
    )
    for unit in UNITS:
        register.add_host_unit(unit, by=stamp(start))

    students = []
    for i in range(15):
        sid = f"S{i + 1:02d}"
        name = f"{FIRST_NAMES[i % 10]} {LAST_NAMES[i % 5]}"
        born = dt.date(1970 + i, 1 + i % 12, 1 + i)
        register.enrol(
            Student(
                id=sid,
                cohort=f"MB-{YEAR}",
                name=name,
                national_id=NationalIdNumber.synthetic(born),
            ),
            on=dt.date(YEAR, 1, 5),
            by=stamp(dt.date(YEAR, 1, 5)),
        )
        students.append(sid)

    record_attendance(register, students, rng)
    place_students(register, students)
    left = dt.date(YEAR, 9, 1)
    register.withdraw("S15", on=left, reason="eget ønske", by=stamp(left))
    finish_studies(register, students[:-1], rng)
    return register


def record_attendance(register: Register, students: list[str], rng: random.Random) -> None:
    """Mostly present, sometimes late or away; a few need make-up work."""
    cohort = register.cohort(f"MB-{YEAR}")
    for sid in students:
        diligence = rng.choice([0.98, 0.95, 0.9, 0.8])
        for session in cohort.sessions:
            roll = rng.random()
            if roll < diligence:
                late = rng.random() < 0.15
                hours = session.hours.value - (Decimal("1.5") if late else 0)
                mark: Present | ExcusedAbsence | UnexcusedAbsence = Present(Hours(hours))
            elif roll < diligence + 0.05:
                mark = ExcusedAbsence("legetime")
            else:
                mark = UnexcusedAbsence()
            register.record_attendance(sid, session.id, mark, by=stamp(session.day))
        short = (
            BERGEN_2010.theory_hours.value
            - register.progress(sid, dt.date(YEAR, 12, 1)).theory.credited
        )
        if Decimal(0) < short <= 15:
            day = dt.date(YEAR, 6, 15)
            register.approve_makeup(
                sid,
                MakeUp(
                    id="K1",
                    hours=Hours(short),
                    on=day,
                    approver="Lærer Lund",
                    description="Refleksjonsnotat",
                ),
                by=stamp(day),
            )


def place_students(register: Register, students: list[str]) -> None:
    """Practice from March, three days a week over Easter, then two periods for some."""
    for n, sid in enumerate(students):
        unit = UNITS[n % len(UNITS)]
        first = dt.date(YEAR, 3, 2) if n % 2 == 0 else dt.date(YEAR, 8, 17)
        weekdays = (Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY)
        register.place(
            sid,
            Placement(
                id="P1",
                unit=unit.id,
                supervisor=f"Veileder ved {unit.id}",
                period=DateRange(first, first + dt.timedelta(weeks=15, days=-3)),
                weekdays=weekdays,
            ),
            by=stamp(first),
        )
        midway = first + dt.timedelta(weeks=7)
        outlook = Outlook.CAUSE_FOR_CONCERN if n == 6 else Outlook.ON_TRACK
        register.assess_placement(
            sid,
            "P1",
            AssessmentStage.MIDWAY,
            PlacementAssessment(on=midway, assessor=f"Veileder ved {unit.id}", outlook=outlook),
            by=stamp(midway),
        )
        if n in (3, 9):  # two sick days each
            for week in (3, 4):
                day = first + dt.timedelta(weeks=week)
                register.record_placement_absence(sid, "P1", day=day, reason="syk", by=stamp(day))


def finish_studies(register: Register, students: list[str], rng: random.Random) -> None:
    """Literature sign-off and the final assignment, with one resubmission."""
    for n, sid in enumerate(students):
        if n == 12:  # one student has not finished the reading yet
            continue
        day = dt.date(YEAR, 11, 2) + dt.timedelta(days=rng.randrange(10))
        register.sign_off_literature(sid, signed_by="Lærer Lund", on=day, by=stamp(day))
    for n, sid in enumerate(students):
        if n == 13:  # one student has not started the assignment
            continue
        register.start_assignment(
            sid,
            topic="Erfaringskompetanse i praksis",
            supervisor="Lærer Lund",
            by=stamp(dt.date(YEAR, 9, 1)),
        )
        submitted = dt.date(YEAR, 11, 16)
        register.submit_assignment(sid, on=submitted, by=stamp(submitted))
        first_verdict = Verdict.NOT_APPROVED if n == 4 else Verdict.APPROVED
        assessed = dt.date(YEAR, 11, 27)
        register.assess_assignment(
            sid, on=assessed, assessor="Sensor Sand", verdict=first_verdict, by=stamp(assessed)
        )
        if first_verdict is Verdict.NOT_APPROVED:  # the resubmission
            again = dt.date(YEAR, 12, 4)
            register.submit_assignment(sid, on=again, by=stamp(again))
            later = dt.date(YEAR, 12, 11)
            register.assess_assignment(
                sid, on=later, assessor="Sensor Sand", verdict=Verdict.APPROVED, by=stamp(later)
            )


def graduate_all(register: Register, on: dt.date) -> list[str]:
    """Try to graduate every student; return one line per refusal."""
    refused = []
    for sid in register.students:
        try:
            register.graduate(sid, on=on, by=stamp(on))
        except GraduationRefusedError as e:
            refused.append(f"{sid}: {', '.join(f.code.value for f in e.findings)}")
    return refused


def print_progress(register: Register, as_of: dt.date) -> None:
    """One line per student: theory hours, practice weeks, literature, assignment, status."""
    rules = BERGEN_2010
    print(
        f"Progress as of {as_of.isoformat()} "
        f"(theory {rules.theory_hours}, practice {rules.practice_weeks} weeks)"
    )
    header = ("student", "theory", "weeks", "lit", "assignment", "status", "findings")
    print("{:8} {:>9} {:>6}  {:3} {:13} {:10} {}".format(*header))
    for sid, student in register.students.items():
        p = register.progress(sid, as_of)
        missing = ", ".join(f.code.value for f in p.findings) or "-"
        print(
            f"{sid:8} {p.theory_hours!s:>9} {floor2(p.practice_weeks):>6}  "
            f"{'yes' if p.literature_signed_off else 'no':3} {p.assignment.value:13} "
            f"{student.status.value if student.status else '-':10} {missing}"
        )


def main() -> None:
    """Build the year, graduate, and print the progress table."""
    register = build_register(random.Random(2026))
    graduation = dt.date(YEAR, 12, 14)
    refused = graduate_all(register, graduation)
    print_progress(register, graduation)
    graduated = sum(1 for s in register.students.values() if s.certificate)
    print(
        f"\n{graduated} of {len(register.students)} students graduated on {graduation.isoformat()}."
    )
    if refused:
        print("Not graduated (unmet requirements):")
        for line in refused:
            print(f"  {line}")
    print(f"{len(register.history)} changes are kept in the history.")


if __name__ == "__main__":
    main()
