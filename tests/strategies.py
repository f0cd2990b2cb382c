"""Hypothesis strategies for every domain type.

All people are synthetic: names come from a small list of made-up names and
identity numbers from :meth:`NationalIdNumber.synthetic`.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal

from hypothesis import strategies as st

from mbprogram.calendar.norway import is_public_holiday
from mbprogram.exceptions import Problem
from mbprogram.model.assignment import (
    AssignmentAssessment,
    FinalAssignment,
    Submission,
    Verdict,
)
from mbprogram.model.attendance import (
    Attendance,
    ExcusedAbsence,
    MakeUp,
    Mark,
    Present,
    UnexcusedAbsence,
)
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.identity import NationalIdNumber
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import (
    HostUnit,
    Outlook,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
)
from mbprogram.model.programme import ProgrammeRules
from mbprogram.model.students import Background, Contact, Status, StatusChange, Student
from mbprogram.model.values import DateRange, Hours, Percent, Stamp, Weekday
from mbprogram.rules.outlook import Milestones
from mbprogram.services.attendance_rows import (
    WHOLE_SESSION,
    AttendanceRow,
    RowColumns,
    Unreadable,
)
from mbprogram.services.repository import Revision

UTC = dt.UTC
FIRST_DAY = dt.date(2024, 1, 1)
LAST_DAY = dt.date(2028, 12, 31)
FIRST_NAMES = ("Ola", "Kari", "Per", "Siri", "Nils", "Ingrid", "Arne", "Liv", "Tor", "Mari")
LAST_NAMES = ("Testesen", "Prøvedal", "Eksempelrud", "Fiktivsen", "Syntetland")
STAMP = Stamp("koordinator", dt.datetime(2026, 1, 1, 9, tzinfo=UTC))

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,11}", fullmatch=True)
days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
names = st.builds(
    lambda f, last: f"{f} {last}", st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES)
)
staff = st.sampled_from(("Veileder Vik", "Lærer Lund", "Koordinator Krog", "Rådgiver Ruud"))
#: Text a record can hold: any character but NUL and lone surrogates (refused as unstorable).
storable_characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
free_text = st.text(storable_characters, min_size=0, max_size=40)


def hours(
    max_value: Decimal = Decimal(8), *, min_value: Decimal = Decimal(0)
) -> st.SearchStrategy[Hours]:
    """Exact hours with at most two decimals in ``[min_value, max_value]``."""
    return st.decimals(min_value=min_value, max_value=max_value, places=2).map(Hours)


percents = st.decimals(min_value=0, max_value=100, places=1).map(Percent)
#: The shares of programme rules: 0, or 1 to 100 (a share under 1 % is refused as a mistake).
shares = st.just(Percent(0)) | st.decimals(min_value=1, max_value=100, places=1).map(Percent)


@st.composite
def date_ranges(
    draw: st.DrawFn, start: dt.date = FIRST_DAY, end: dt.date = LAST_DAY, max_days: int = 400
) -> DateRange:
    """A date range inside ``start..end`` of at most ``max_days`` days."""
    first = draw(st.dates(min_value=start, max_value=end))
    last = draw(st.dates(min_value=first, max_value=min(end, first + dt.timedelta(days=max_days))))
    return DateRange(first, last)


weekday_sets = st.frozensets(st.sampled_from(list(Weekday)), min_size=1, max_size=7)


def rules(**fixed: object) -> st.SearchStrategy[ProgrammeRules]:
    """Programme rules with small requirements, so both outcomes occur."""
    parts: dict[str, st.SearchStrategy[object]] = {
        "name": st.just("Testprogram"),
        "theory_hours": hours(Decimal(40)),
        "practice_weeks": st.decimals(min_value=0, max_value=8, places=2),
        "min_theory_share": st.none() | shares,
        "makeup_cap": st.none() | hours(Decimal(10)),
        "min_practice_share": st.none() | shares,
        "literature_sign_off": st.booleans(),
        "assignment_approval": st.booleans(),
        "max_submissions": st.integers(1, 4),
        "at_risk_theory_share": shares,
        "at_risk_practice_share": shares,
        "at_risk_absences": st.integers(0, 3),
    }
    parts.update({k: st.just(v) for k, v in fixed.items()})
    return st.builds(ProgrammeRules, **parts)  # type: ignore[arg-type]


@st.composite
def sessions(draw: st.DrawFn, period: DateRange, max_size: int = 12) -> tuple[Session, ...]:
    """Sessions with distinct ids on days inside ``period``."""
    n = draw(st.integers(0, max_size))
    return tuple(
        Session(
            id=f"SES-{i:02d}",
            day=draw(st.dates(min_value=period.start, max_value=period.end)),
            hours=draw(hours(Decimal(8), min_value=Decimal("0.25"))),
            topic=draw(st.sampled_from(("Recovery", "Etikk", "Samtalen", ""))),
        )
        for i in range(n)
    )


@st.composite
def cohorts(draw: st.DrawFn, **rule_overrides: object) -> Cohort:
    """A cohort of up to a year with a schedule."""
    period = draw(date_ranges(max_days=365))
    return Cohort(
        id=draw(ids),
        name="MB test",
        rules=draw(rules(**rule_overrides)),
        period=period,
        places=draw(st.integers(1, 20)),
        sessions=draw(sessions(period)),
    )


def marks(session: Session) -> st.SearchStrategy[Mark]:
    """A mark for ``session``: present for at most its length, or away."""
    return st.one_of(
        hours(session.hours.value).map(Present),
        free_text.map(ExcusedAbsence),
        st.just(UnexcusedAbsence()),
    )


def practice_days_of(period: DateRange, weekdays: frozenset[Weekday]) -> list[dt.date]:
    """The days of ``period`` a placement on ``weekdays`` can be absent (not holidays)."""
    return [d for d in period if Weekday(d.weekday()) in weekdays and not is_public_holiday(d)]


@st.composite
def placements(
    draw: st.DrawFn, *, unit: str = "U1", not_before: dt.date = FIRST_DAY, pid: str = "P1"
) -> Placement:
    """A placement starting on or after ``not_before`` with a few valid absences."""
    period = draw(
        date_ranges(start=not_before, end=not_before + dt.timedelta(days=300), max_days=160)
    )
    weekdays = draw(weekday_sets)
    possible = practice_days_of(period, weekdays)
    absent = draw(st.lists(st.sampled_from(possible), unique=True, max_size=6)) if possible else []
    assessment = st.none() | st.builds(
        PlacementAssessment,
        on=st.dates(min_value=period.start, max_value=period.end),
        assessor=staff,
        outlook=st.sampled_from(list(Outlook)),
        note=free_text,
    )
    midway = draw(assessment)
    final = draw(assessment)
    if midway and final and final.on < midway.on:
        midway, final = final, midway
    return Placement(
        id=pid,
        unit=unit,
        supervisor=draw(staff),
        period=period,
        weekdays=weekdays,
        absences=tuple(PlacementAbsence(day=d, reason=draw(free_text)) for d in sorted(absent)),
        midway=midway,
        final=final,
    )


@st.composite
def assignments(
    draw: st.DrawFn, not_before: dt.date, max_submissions: int
) -> FinalAssignment | None:
    """A final assignment with up to ``max_submissions`` submissions and their assessments."""
    if draw(st.booleans()):
        return None
    n = draw(st.integers(0, max_submissions))
    day = not_before
    submissions = []
    assessments = []
    for number in range(1, n + 1):
        day += dt.timedelta(days=draw(st.integers(0, 40)))
        submissions.append(Submission(on=day, title=draw(free_text)))
        if number < n or draw(st.booleans()):
            day += dt.timedelta(days=draw(st.integers(0, 20)))
            verdict = Verdict.NOT_APPROVED if number < n else draw(st.sampled_from(list(Verdict)))
            assessments.append(
                AssignmentAssessment(
                    submission=number,
                    on=day,
                    assessor=draw(staff),
                    verdict=verdict,
                    feedback=draw(free_text),
                )
            )
    return FinalAssignment(
        topic=draw(st.sampled_from(("Recovery i praksis", "Håp", "Brobygging"))),
        supervisor=draw(staff),
        submissions=tuple(submissions),
        assessments=tuple(assessments),
    )


backgrounds = st.builds(
    Background,
    own=st.just(True),
    relative=st.booleans(),
    mental_health=st.booleans(),
    substance_use=st.just(True),
)


@st.composite
def national_ids(draw: st.DrawFn) -> NationalIdNumber:
    """A synthetic national identity number (never a real person's)."""
    born = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2005, 12, 31)))
    return NationalIdNumber.synthetic(
        born, d_number=draw(st.booleans()), offset=draw(st.sampled_from((40, 80)))
    )


@st.composite
def students(
    draw: st.DrawFn, cohort: Cohort, sid: str = "ST-1", units: tuple[str, ...] = ("U1",)
) -> Student:
    """An active student of ``cohort`` with records that keep every rule."""
    enrolled = draw(
        st.dates(min_value=cohort.period.start - dt.timedelta(days=30), max_value=cohort.period.end)
    )
    open_sessions = [s for s in cohort.sessions if s.day >= enrolled]
    chosen = (
        draw(st.lists(st.sampled_from(open_sessions), unique_by=lambda s: s.id))
        if open_sessions
        else []
    )
    attendance = tuple(Attendance(s.id, draw(marks(s))) for s in chosen)
    makeups = tuple(
        MakeUp(
            id=f"M{i}",
            hours=draw(hours(Decimal(6), min_value=Decimal("0.5"))),
            on=draw(st.dates(min_value=enrolled, max_value=enrolled + dt.timedelta(days=300))),
            approver=draw(staff),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    n_placements = draw(st.integers(0, 3))
    placed = tuple(
        draw(placements(unit=draw(st.sampled_from(units)), not_before=enrolled, pid=f"P{i}"))
        for i in range(n_placements)
    )
    sign_off = draw(
        st.none()
        | st.builds(SignOff, by=staff, on=st.dates(min_value=enrolled, max_value=LAST_DAY))
    )
    return Student(
        id=sid,
        cohort=cohort.id,
        name=draw(names),
        national_id=draw(st.none() | national_ids()),
        contact=draw(
            st.none()
            | st.builds(
                Contact, email=st.just("test@example.invalid"), phone=st.just("+47 000 00 000")
            )
        ),
        background=draw(st.none() | backgrounds),
        notes=draw(free_text),
        status_history=(StatusChange(status=Status.ACTIVE, on=enrolled),),
        attendance=attendance,
        makeups=makeups,
        placements=placed,
        literature=Literature(
            readings=tuple(
                Reading(title=t, on=enrolled)
                for t in draw(st.lists(st.sampled_from(("Bok A", "Bok B")), max_size=2))
            ),
            sign_off=sign_off,
        ),
        assignment=draw(assignments(enrolled, cohort.rules.max_submissions)),
    )


@st.composite
def milestones(draw: st.DrawFn, around: dt.date) -> Milestones:
    """Planned dates of the literature sign-off and the approval, mostly after ``around``."""
    planned = st.none() | st.dates(
        min_value=around - dt.timedelta(days=30), max_value=around + dt.timedelta(days=400)
    )
    return Milestones(literature_sign_off=draw(planned), assignment_approval=draw(planned))


@st.composite
def cohort_and_student(draw: st.DrawFn, **rule_overrides: object) -> tuple[Cohort, Student]:
    """A cohort and one of its students."""
    cohort = draw(cohorts(**rule_overrides))
    return cohort, draw(students(cohort))


host_units = st.builds(
    HostUnit, id=st.just("U1"), name=st.just("Aktivitetssenteret"), capacity=st.integers(1, 5)
)


@st.composite
def status_histories(
    draw: st.DrawFn, start: dt.date = FIRST_DAY, max_size: int = 6
) -> tuple[StatusChange, ...]:
    """A status history that keeps the allowed transitions and never goes back in time.

    Several changes may fall on the same day, as they do when a coordinator
    admits and activates a student at once.
    """
    from mbprogram.model.students import TRANSITIONS  # noqa: PLC0415

    history: list[StatusChange] = []
    day = start
    current: Status | None = None
    for _ in range(draw(st.integers(0, max_size))):
        allowed = sorted(TRANSITIONS[current])
        if not allowed:
            break
        current = draw(st.sampled_from(allowed))
        day += dt.timedelta(days=draw(st.integers(0, 60)))
        history.append(StatusChange(status=current, on=day, reason=draw(free_text)))
    return tuple(history)


# =====================================================================================
# Hiring: budget pots, panel members, employments and other outcomes (docs/hiring.md)
# =====================================================================================
#
# ``employments()`` draws records that are valid on their own (percent in (0, 100],
# end on or after start, a pot named exactly when the pot pays, a step-up period
# of at most 12 months only beside AAP); whether the register accepts them (known
# person, unit and pot, certificate, pot capacity) is up to the test.

from mbprogram.model.hiring import (  # noqa: E402
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

USER_ORGANISATIONS = ("Mental Helse", "RiO", "LPP", "A-larm")

#: Position percentages: exact, more than 0 and at most 100, one decimal.
position_percents = st.decimals(min_value=Decimal("0.1"), max_value=100, places=1).map(Percent)

budget_pots = st.builds(
    BudgetPot,
    id=ids,
    name=st.sampled_from(("MB-potten", "Budsjettpott for MB-stillinger")),
    capacity=st.integers(1, 10),
)

panel_members = st.builds(
    PanelMember,
    name=names | staff,
    user_organisation=st.sampled_from(("", "", *USER_ORGANISATIONS)),
)

role_sets = st.frozensets(st.sampled_from(list(Role)))


@st.composite
def employments(
    draw: st.DrawFn,
    *,
    eid: str = "E1",
    person: str = "S-01",
    units: tuple[str, ...] = ("U1",),
    pots: tuple[str, ...] = ("POT",),
    start: dt.date = FIRST_DAY,
    end: dt.date = LAST_DAY,
    max_days: int = 730,
) -> Employment:
    """A valid employment of ``person`` at one of ``units`` starting inside ``start..end``.

    Pot-funded employments name one of ``pots`` (none are drawn when ``pots`` is empty).
    About a third are open-ended; an ended one lasts at most ``max_days`` days.
    """
    first = draw(st.dates(min_value=start, max_value=end))
    last = draw(
        st.none() | st.dates(min_value=first, max_value=first + dt.timedelta(days=max_days))
    )
    funding = draw(st.sampled_from([f for f in Funding if pots or f is not Funding.BUDGET_POT]))
    pathways = [p for p in Pathway if funding is Funding.BUDGET_POT or p is not Pathway.BUDGET_POT]
    benefit = draw(st.sampled_from(list(Benefit)))
    step_up = None
    if benefit is Benefit.AAP and draw(st.booleans()):
        step_up = draw(date_ranges(start=first, end=first + dt.timedelta(days=400), max_days=364))
    permanent_from = draw(
        st.none() | st.dates(min_value=first, max_value=last or first + dt.timedelta(days=max_days))
    )
    confirmed = (
        draw(st.none() | st.dates(min_value=first - dt.timedelta(days=60), max_value=last))
        if last is not None and permanent_from is None
        else None
    )
    return Employment(
        id=eid,
        person=person,
        unit=draw(st.sampled_from(units)),
        pathway=draw(st.sampled_from(pathways)),
        start=first,
        end=last,
        percent=draw(position_percents),
        permanent_from=permanent_from,
        end_confirmed_on=confirmed,
        funding=funding,
        pot=draw(st.sampled_from(pots)) if funding is Funding.BUDGET_POT else None,
        benefit=benefit,
        aap_step_up=step_up,
        roles=draw(role_sets),
        supervision=draw(st.sampled_from(list(Supervision))),
        peer_network=draw(st.booleans()),
        panel=tuple(draw(st.lists(panel_members, max_size=4))),
    )


@st.composite
def outcome_records(
    draw: st.DrawFn, *, oid: str = "O1", person: str = "S-01", not_before: dt.date = FIRST_DAY
) -> OutcomeRecord:
    """An outcome other than employment (further education, not employed, unknown)."""
    return OutcomeRecord(
        id=oid,
        person=person,
        kind=draw(st.sampled_from(list(OutcomeKind))),
        on=draw(st.dates(min_value=not_before, max_value=LAST_DAY)),
        note=draw(free_text),
    )


# -- services ------------------------------------------------------------------------------

#: Revision tokens of every shape a repository may make: counters, hashes, words.
revisions = st.one_of(
    st.integers(0, 10**6).map(str),
    st.binary(max_size=8).map(lambda b: f"sha256:{b.hex()}"),
    st.text(storable_characters, min_size=1, max_size=30).filter(str.strip),
).map(Revision)


@st.composite
def attendance_rows(
    draw: st.DrawFn,
    *,
    students: Mapping[str, str],
    sessions: Sequence[Session],
    max_size: int = 8,
) -> list[AttendanceRow]:
    """The rows of an attendance sheet as an adapter hands them over, mostly good.

    Most rows name one of ``students`` (id -> name) by id, by name or both, one
    of ``sessions`` by id, by day or both, and a mark for it (or presence for
    the whole session). Some rows are bad in one way or another: an unknown id
    or name, a name that is not the id's, no student or no session, a day no
    session is on, a date or mark that could not be read. Row numbers rise
    with gaps, as blank rows leave them.
    """
    ids, names = [*students, "S-99"], [*students.values(), "Ukjent Navnesen"]
    rows, number = [], 1
    for _ in range(draw(st.integers(0, max_size))):
        number += draw(st.integers(1, 2))
        session = draw(st.sampled_from(sessions))
        unreadable = Unreadable([Problem(f"row {number}, column timer", "expected hours")])
        sid = draw(st.sampled_from(sorted(students)))
        by, at = draw(st.sampled_from(("id", "name", "both"))), draw(st.booleans())
        student, name = (sid if by != "name" else ""), (students[sid] if by != "id" else "")
        day: dt.date | Unreadable | None = session.day if not at or draw(st.booleans()) else None
        mark = draw(st.one_of(marks(session), st.just(WHOLE_SESSION)))
        if draw(st.integers(0, 4)) == 0:  # one of the ways a row goes wrong
            wrong = draw(st.sampled_from(("id", "name", "neither", "day", "mark", "nothing")))
            student = draw(st.sampled_from(ids)) if wrong == "id" else student
            name = draw(st.sampled_from(names)) if wrong == "name" else name
            student, name = ("", "") if wrong == "neither" else (student, name)
            if wrong == "day":
                day = draw(st.sampled_from((session.day + dt.timedelta(1), unreadable, None)))
            mark = unreadable if wrong == "mark" else mark
        rows.append(
            AttendanceRow(
                number=number,
                student=student,
                name=name,
                session=session.id if at else "",
                day=day,
                mark=mark,
                columns=RowColumns(
                    student="deltaker", name="navn", session="økt", date="dato", mark="timer"
                ),
            )
        )
    return rows


# -- hostile input ----------------------------------------------------------------------------

#: Characters of every kind, lone surrogates and NUL among them, and JSON's own punctuation.
wild_characters = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),
    st.sampled_from('\x00"\\{}[],:0123456789.eE+-'),
)

#: Text that no field should hold, and numbers no int() takes: runs of thousands of digits.
wild_text = st.one_of(
    st.text(wild_characters, max_size=40),
    st.integers(4_000, 6_000).map(lambda n: "9" * n),
    st.integers(20, 30).map(lambda n: "1e" + "9" * n),
)


@st.composite
def wild_json_text(draw: st.DrawFn, document: object) -> str:
    """``document`` (a JSON value) as text, with a few values made hostile.

    Up to four values anywhere in the document are replaced by wild text (as a
    JSON string, ``\\ud800`` escapes and all) or by a raw number literal of
    thousands of digits or with a huge exponent, which no JSON encoder writes.
    """
    value = copy.deepcopy(document)
    places: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, item in list(items):
            places.append((node, key))
            if isinstance(item, dict | list):
                walk(item)

    if isinstance(value, dict | list):
        walk(value)
    literals: list[str] = []
    for _ in range(draw(st.integers(1, 4)) if places else 0):
        node, key = draw(st.sampled_from(places))
        if draw(st.booleans()):
            node[key] = draw(wild_text)
        else:
            node[key] = f"@@{len(literals)}@@"
            literals.append(
                draw(
                    st.sampled_from(
                        [
                            "9" * 4_301,
                            "-" + "1" * 61,
                            "1e99999999999999999999",
                            "0." + "0" * 70 + "1",
                        ]
                    )
                )
            )
    text = json.dumps(value)
    for i, literal in enumerate(literals):
        text = text.replace(f'"@@{i}@@"', literal)
    return text
