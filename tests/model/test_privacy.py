"""Privacy (docs/privacy.md): identifiers and health data never show in ``repr`` or messages.

Fields are classified where they are defined (:func:`mbprogram.classification`);
these tests check that every classified field is hidden from ``repr``, that a
student's ``repr`` and ``str`` never carry their name, number, contact details or
any free text, and that refusing a sensitive value never quotes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given

import mbprogram
from mbprogram import (
    AssignmentAssessment,
    Background,
    Cohort,
    Contact,
    DateRange,
    ExcusedAbsence,
    FinalAssignment,
    Hours,
    InvalidValueError,
    MakeUp,
    MbprogramError,
    NationalIdNumber,
    Outlook,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
    Privacy,
    Reading,
    Register,
    Status,
    StatusChange,
    Student,
    Submission,
    Verdict,
    Weekday,
    classification,
    hiring_findings,
)
from mbprogram.reports.outcomes import outcomes_report
from mbprogram.reports.progress import progress_table
from tests import strategies as gen
from tests.privacy.registers import Person, Scenario, scenarios

DAY = dt.date(2026, 3, 3)
SYNTHETIC_ID = NationalIdNumber.synthetic(dt.date(1985, 7, 14))
FREE_TEXT_FIELDS = {"reason", "note", "notes", "feedback", "description"}


def attrs_classes() -> list[type[Any]]:
    """Every attrs class defined anywhere in the mbprogram package."""
    found: dict[str, type[Any]] = {}
    for info in pkgutil.walk_packages(mbprogram.__path__, "mbprogram."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == info.name:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


ATTRS_CLASSES = attrs_classes()


def test_the_package_walk_finds_the_classes_that_hold_personal_data() -> None:
    names = {cls.__name__ for cls in ATTRS_CLASSES}

    assert {"Student", "Background", "Contact", "NationalIdNumber", "StatusChange"} <= names


@pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_classified_field_is_left_out_of_repr(cls: type[Any]) -> None:
    fields = attrs.fields_dict(cls)
    shown = [
        name
        for name, privacy in classification(cls).items()
        if privacy is not Privacy.ORDINARY and fields[name].repr is not False
    ]

    assert [] == shown


@pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_free_text_field_is_classified(cls: type[Any]) -> None:
    unclassified = [
        name
        for name, privacy in classification(cls).items()
        if name in FREE_TEXT_FIELDS and privacy is Privacy.ORDINARY
    ]

    assert [] == unclassified


@pytest.mark.parametrize(
    ("cls", "field", "expected"),
    [
        (Student, "name", Privacy.DIRECT_IDENTIFIER),
        (Student, "national_id", Privacy.DIRECT_IDENTIFIER),
        (Student, "contact", Privacy.DIRECT_IDENTIFIER),
        (Student, "background", Privacy.SENSITIVE),
        (Student, "notes", Privacy.SENSITIVE),
        (Student, "id", Privacy.ORDINARY),
        (Contact, "email", Privacy.DIRECT_IDENTIFIER),
        (Contact, "phone", Privacy.DIRECT_IDENTIFIER),
        (NationalIdNumber, "value", Privacy.DIRECT_IDENTIFIER),
        (Background, "own", Privacy.SENSITIVE),
        (Background, "substance_use", Privacy.SENSITIVE),
        (StatusChange, "reason", Privacy.SENSITIVE),
        (ExcusedAbsence, "reason", Privacy.SENSITIVE),
        (PlacementAbsence, "reason", Privacy.SENSITIVE),
        (PlacementAssessment, "note", Privacy.SENSITIVE),
        (MakeUp, "description", Privacy.SENSITIVE),
        (Reading, "note", Privacy.SENSITIVE),
        (Submission, "title", Privacy.SENSITIVE),
        (AssignmentAssessment, "feedback", Privacy.SENSITIVE),
        (FinalAssignment, "topic", Privacy.SENSITIVE),
    ],
)
def test_personal_fields_are_classified(cls: type[Any], field: str, expected: Privacy) -> None:
    assert expected == classification(cls)[field]


def test_records_that_hold_only_personal_data_show_none_of_it() -> None:
    background = Background(own=True, relative=False, mental_health=True, substance_use=False)
    contact = Contact(email="ola@example.invalid", phone="+47 000 00 000")

    assert "Background()" == repr(background)
    assert "Contact()" == repr(contact)
    assert "ExcusedAbsence()" == repr(ExcusedAbsence("Innlagt"))


# -- a whole student ------------------------------------------------------------------


def with_marked_secrets(record: Any, secrets: list[str]) -> Any:
    """``record`` with every classified text field suffixed by a marker ``⟪n⟫``.

    The markers are collected in ``secrets``. A marker showing anywhere means the
    field it was put in shows. Identity numbers are left as they are (their
    digits are checked directly).
    """
    if isinstance(record, tuple):
        return tuple(with_marked_secrets(item, secrets) for item in record)
    if not attrs.has(type(record)) or isinstance(record, NationalIdNumber):
        return record
    changes = {}
    for name, privacy in classification(type(record)).items():
        value = getattr(record, name)
        if privacy is not Privacy.ORDINARY and isinstance(value, str):
            marker = f"⟪{len(secrets)}⟫"
            secrets.append(marker)
            changes[name] = f"{value}{marker}"
        else:
            marked = with_marked_secrets(value, secrets)
            if marked is not value:
                changes[name] = marked
    return attrs.evolve(record, **changes) if changes else record


@given(gen.cohort_and_student())
def test_a_student_repr_and_str_never_show_identifiers_or_free_text(
    pair: tuple[Cohort, Student],
) -> None:
    secrets: list[str] = []
    student = with_marked_secrets(pair[1], secrets)

    for shown in (repr(student), str(student)):
        assert student.name not in shown
        assert [] == [marker for marker in secrets if marker in shown]
        if student.national_id is not None:
            assert student.national_id.value not in shown
        if student.contact is not None:
            assert student.contact.email not in shown
            assert student.contact.phone not in shown


@given(gen.cohort_and_student())
def test_a_student_repr_shows_its_id_and_cohort(pair: tuple[Cohort, Student]) -> None:
    cohort, student = pair

    assert repr(student).startswith(f"Student(id={student.id!r}, cohort={cohort.id!r}, ")


# -- refusals ---------------------------------------------------------------------------


def refusal(cls: type[Any], **fields: Any) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as caught:
        cls(**fields)
    return caught.value


def everything_said(error: InvalidValueError) -> str:
    """All the text an error can show: its str, repr, args and problems."""
    parts = [str(error), repr(error), *map(str, error.args)]
    parts += [f"{p.path} {p.message}" for p in error.problems]
    return "\n".join(parts)


STUDENT = {"id": "S-01", "cohort": "K26", "name": "Ola Testesen"}
PLACEMENT_ASSESSMENT = {"on": DAY, "assessor": "Veileder Vik", "outlook": Outlook.ON_TRACK}
ASSIGNMENT_ASSESSMENT = {
    "submission": 1,
    "on": DAY,
    "assessor": "Lærer Lund",
    "verdict": Verdict.APPROVED,
}
MAKEUP = {"id": "M1", "hours": Hours(2), "on": DAY, "approver": "Lærer Lund"}
FLAGS = {"relative": False, "mental_health": True, "substance_use": True}


@pytest.mark.parametrize(
    ("cls", "fields", "secret"),
    [
        (Student, {**STUDENT, "notes": 12345}, "12345"),
        (Student, {**STUDENT, "name": 19850714}, "19850714"),
        (Student, {**STUDENT, "national_id": SYNTHETIC_ID.value}, SYNTHETIC_ID.value),
        (Student, {**STUDENT, "contact": "ola@example.invalid"}, "ola@example.invalid"),
        (Student, {**STUDENT, "background": "rus og psykisk helse"}, "rus og psykisk"),
        (Contact, {"email": 4790000000}, "4790000000"),
        (Background, {"own": "egenerfaring rus", **FLAGS}, "egenerfaring"),
        (StatusChange, {"status": Status.WITHDRAWN, "on": DAY, "reason": 424242}, "424242"),
        (ExcusedAbsence, {"reason": 271828}, "271828"),
        (PlacementAbsence, {"day": DAY, "reason": 161803}, "161803"),
        (PlacementAssessment, {**PLACEMENT_ASSESSMENT, "note": 141421}, "141421"),
        (Reading, {"title": "Bok A", "on": DAY, "note": 173205}, "173205"),
        (Submission, {"on": DAY, "title": 223606}, "223606"),
        (AssignmentAssessment, {**ASSIGNMENT_ASSESSMENT, "feedback": 314159}, "314159"),
        (FinalAssignment, {"topic": 577215, "supervisor": "Lærer Lund"}, "577215"),
        (MakeUp, {**MAKEUP, "description": 662607}, "662607"),
    ],
    ids=lambda x: x.__name__ if isinstance(x, type) else None,
)
def test_refusing_a_sensitive_value_of_the_wrong_type_never_echoes_it(
    cls: type[Any], fields: dict[str, Any], secret: str
) -> None:
    said = everything_said(refusal(cls, **fields))

    assert secret not in said
    assert "not shown: sensitive field" in said


def test_refusing_a_student_with_numeric_notes_says_what_was_expected() -> None:
    error = refusal(Student, **STUDENT, notes=12345)

    (problem,) = error.problems
    assert "notes" == problem.path
    assert "expected text, got a value of type int (not shown: sensitive field)" == problem.message


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (Student, {**STUDENT, "notes": "hemmelig " * 2_500}),
        (Student, {**STUDENT, "name": "hemmelig " * 30}),
        (Contact, {"phone": "hemmelig " * 5}),
        (StatusChange, {"status": Status.WITHDRAWN, "on": DAY, "reason": "hemmelig " * 300}),
        (FinalAssignment, {"topic": "hemmelig " * 60, "supervisor": "Lærer Lund"}),
    ],
    ids=lambda x: x.__name__ if isinstance(x, type) else None,
)
def test_refusing_a_sensitive_text_that_is_too_long_never_echoes_it(
    cls: type[Any], fields: dict[str, Any]
) -> None:
    said = everything_said(refusal(cls, **fields))

    assert "hemmelig" not in said
    assert "characters" in said


def test_refusing_a_student_with_a_blank_name_does_not_echo_it() -> None:
    said = everything_said(refusal(Student, **{**STUDENT, "name": " \t "}))

    assert "\t" not in said


def test_refusing_an_identity_number_never_echoes_it() -> None:
    digits = SYNTHETIC_ID.value
    wrong_check_digit = digits[:-1] + str((int(digits[-1]) + 1) % 10)

    for value in (digits, wrong_check_digit):
        said = everything_said(refusal(NationalIdNumber, value=value))
        assert value not in said
        assert digits[:6] not in said


# -- whole registers: nothing personal in repr, str, errors, findings or logs ------------------


class Collected(logging.Handler):
    """Keeps every log record, rendered, with its arguments and traceback text."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts += [record.getMessage(), repr(record.args), record.exc_text or ""]


@contextlib.contextmanager
def logs_of_mbprogram() -> Iterator[Collected]:
    """Collect everything the ``mbprogram`` loggers write, at DEBUG and above."""
    logger = logging.getLogger("mbprogram")
    handler, level = Collected(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def said_by(error: BaseException) -> list[str]:
    """Every text an error can show: str, repr, args, notes, problems and findings."""
    texts = [str(error), repr(error), *map(str, error.args), *getattr(error, "__notes__", ())]
    for problem in getattr(error, "problems", ()):
        texts += [str(problem), repr(problem)]
    for finding in getattr(error, "findings", ()):
        texts += [str(finding), repr(finding), finding.message("nb"), finding.message("en")]
    return texts


def refusal_texts(register: Register, change: Callable[[Register], object]) -> list[str]:
    """What the library says when it refuses ``change`` on a copy of ``register``."""
    try:
        change(register.copy())
    except MbprogramError as error:
        return said_by(error)
    return []


def records_shown(register: Register) -> list[str]:
    """repr and str of the register, every record in it and every history entry."""
    records: list[object] = [
        register,
        *register.cohorts.values(),
        *register.host_units.values(),
        *register.budget_pots.values(),
        *register.students.values(),
        *register.employments.values(),
        *register.outcomes.values(),
    ]
    for change in register.history:
        records += [change, change.before, change.after]
    return [text for record in records for text in (repr(record), str(record))]


def findings_shown(register: Register, as_of: dt.date) -> list[str]:
    """Every finding and report of ``register`` as of ``as_of``, in both languages."""
    findings = [*hiring_findings(register, as_of)]
    texts: list[str] = []
    for cohort in register.cohorts:
        progress = register.cohort_progress(cohort, as_of)
        texts.append(repr(progress))
        findings += progress.findings
        findings += [f for s in progress.students for f in s.findings]
    texts += [
        text for f in findings for text in (repr(f), str(f), f.message("nb"), f.message("en"))
    ]
    texts += [progress_table(register, as_of).to_text(), outcomes_report(register, as_of).to_text()]
    return texts


Attempt = Callable[[Register], object]


def changes_refused_for(student: Student, person: Person, on: dt.date) -> list[Attempt]:
    """Changes that hand one person's own records or secrets to the register, to be refused."""
    sid, by = student.id, gen.STAMP
    again = attrs.evolve(student, id=f"{sid}-NY", status_history=(), certificate=None)
    enrolled = student.status_history[0].on
    placement = Placement(
        id="P-NY",
        unit="U1",
        supervisor="Veileder Vik",
        period=DateRange(enrolled, enrolled + dt.timedelta(days=30)),
        weekdays=frozenset(Weekday(d) for d in range(5)),
    )
    return [
        lambda r: r.enrol(student, on=on, by=by),  # the id is taken
        lambda r: r.enrol(again, on=enrolled, by=by),  # their records break rules for a new one
        lambda r: r.sign_off_literature(sid, signed_by=person.name, on=enrolled, by=by),
        lambda r: r.place(sid, attrs.evolve(placement, supervisor=person.name), by=by),
        lambda r: r.assess_assignment(
            sid,
            on=on,
            assessor=person.name,
            verdict=Verdict.APPROVED,
            feedback=person.texts[0],
            by=by,
        ),
        lambda r: r.grant_leave(sid, on=dt.date(2000, 1, 1), reason=person.texts[0], by=by),
        lambda r: r.withdraw(sid, on=dt.date(2000, 1, 1), reason=person.name, by=by),
        lambda r: r.record_attendance(sid, "SES-99", ExcusedAbsence(person.texts[-1]), by=by),
        lambda r: r.graduate(sid, on=on, by=by),
    ]


def refusals(scenario: Scenario) -> list[str]:
    """What the library says when it refuses changes to, or records of, the people."""
    r, by = scenario.register, gen.STAMP
    changes: list[Attempt] = []
    for person in scenario.people:
        changes += changes_refused_for(r.student(person.id), person, scenario.as_of)
    changes += [lambda x, e=e: x.hire(e, by=by) for e in r.employments.values()]  # type: ignore[misc]
    changes += [lambda x, o=o: x.record_outcome(o, by=by) for o in r.outcomes.values()]  # type: ignore[misc]
    changes.append(
        lambda _: Register.from_records(
            cohorts=[],
            students=[*r.students.values(), *r.students.values()],
            host_units=[],
            employments=r.employments.values(),
            outcomes=r.outcomes.values(),
        )
    )
    return [text for change in changes for text in refusal_texts(r, change)]


@given(scenarios())
def test_no_personal_value_shows_in_any_text_the_library_makes(scenario: Scenario) -> None:
    with logs_of_mbprogram() as logs:
        texts = records_shown(scenario.register)
        texts += findings_shown(scenario.register, scenario.as_of)
        texts += findings_shown(scenario.register, scenario.as_of - dt.timedelta(days=800))
        texts += refusals(scenario)

    shown = [*texts, *logs.texts]
    assert [] == [secret for secret in scenario.secrets if any(secret in t for t in shown)]
    assert any("refused" in t for t in texts)
