"""The commands that change one record at a time: cohorts, units, students and their studies.

Each is named for the :class:`~mbprogram.register.aggregate.Register` method it
calls (``open-cohort`` → ``open_cohort``, ``enrol`` → ``enrol`` …), and
refuses what the method refuses, with the same codes (cli/changes.py).
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.changes import (
    Done,
    add_change_arguments,
    add_date,
    add_student,
    decimal_argument,
    run_change,
)
from mbprogram.cli.common import AddArguments, Command
from mbprogram.model.assignment import Verdict
from mbprogram.model.placements import AssessmentStage, Outlook

if TYPE_CHECKING:
    from mbprogram.model.programme import ProgrammeRules
    from mbprogram.model.values import Stamp
    from mbprogram.register.aggregate import Register

__all__ = ["COMMANDS", "GROUP", "programme_rules"]

_PRESETS: Final = ("bergen-2010", "bergen-2015")


def programme_rules(value: str, lang: Lang) -> ProgrammeRules:
    """The rules ``--rules`` names: a Bergen preset, or a JSON file of rules (docs/rules.md).

    Raises:
        InvalidValueError: if the file is not a JSON object of valid rules (every
            problem listed).
        OSError: if the file cannot be read.
    """
    from mbprogram.exceptions import InvalidValueError, Problem  # noqa: PLC0415
    from mbprogram.model.programme import (  # noqa: PLC0415
        BERGEN_2010,
        BERGEN_2015,
        ProgrammeRules,
    )

    if value == "bergen-2010":
        return BERGEN_2010
    if value == "bergen-2015":
        return BERGEN_2015
    path = Path(value)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        raise InvalidValueError("rules", text("cli.error.rules_json", lang, file=path))
    try:
        return ProgrammeRules.from_dict(data)
    except InvalidValueError as e:
        raise InvalidValueError(
            [Problem(f"rules.{p.path}", p.message) for p in e.problems],
            summary=text("cli.error.rules_file", lang, file=path),
        ) from None


def _add(
    parser: argparse.ArgumentParser, option: str, help_key: str, lang: Lang, **kw: object
) -> None:
    parser.add_argument(option, help=text(help_key, lang), **kw)  # type: ignore[arg-type]


# -- open-cohort


def _open_cohort_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    _add(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    _add(parser, "--name", "cli.option.name", lang, required=True)
    _add(parser, "--rules", "cli.open-cohort.rules", lang, required=True, metavar="RULES")
    add_date(parser, "--start", "cli.open-cohort.start", lang)
    add_date(parser, "--end", "cli.open-cohort.end", lang)
    _add(parser, "--places", "cli.open-cohort.places", lang, required=True, type=int, metavar="K")


def _open_cohort(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.cohort import Cohort  # noqa: PLC0415
    from mbprogram.model.values import DateRange  # noqa: PLC0415

    rules = programme_rules(args.rules, args.lang)
    cohort = Cohort(
        id=args.id,
        name=args.name,
        rules=rules,
        period=DateRange(args.start, args.end),
        places=args.places,
    )

    def change(register: Register, by: Stamp) -> Done:
        register.open_cohort(cohort, by=by)
        return Done({"rules": rules.name})

    return run_change(args, stdout, change)


# -- add-host-unit


def _host_unit_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    _add(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    _add(parser, "--name", "cli.option.name", lang, required=True)
    _add(parser, "--capacity", "cli.add-host-unit.capacity", lang, required=True, type=int)
    _add(parser, "--kind", "cli.add-host-unit.kind", lang, default="")


def _add_host_unit(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.placements import HostUnit  # noqa: PLC0415

    unit = HostUnit(id=args.id, name=args.name, capacity=args.capacity, kind=args.kind)

    return run_change(args, stdout, lambda register, by: register.add_host_unit(unit, by=by))


# -- enrol, grant-leave, resume, withdraw


def _enrol_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--cohort", "cli.option.cohort_of", lang, metavar="ID")
    _add(parser, "--name", "cli.option.name", lang)
    _add(parser, "--national-id", "cli.enrol.national_id", lang, metavar="NUMBER")
    _add(parser, "--email", "cli.enrol.email", lang, default="")
    _add(parser, "--phone", "cli.enrol.phone", lang, default="")


def _enrol(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.exceptions import InvalidValueError  # noqa: PLC0415
    from mbprogram.model.identity import NationalIdNumber  # noqa: PLC0415
    from mbprogram.model.students import Contact, Student  # noqa: PLC0415

    details = args.cohort, args.national_id, args.email or None, args.phone or None
    if args.name is None and any(d is not None for d in details):
        raise InvalidValueError("name", "a new student needs --name (and --cohort)")
    if args.name is not None and args.cohort is None:
        raise InvalidValueError("cohort", "a new student needs --cohort")

    def change(register: Register, by: Stamp) -> Done:
        if args.name is None:
            register.enrol(args.student, on=args.on, by=by)
            return Done()
        national_id = (
            None
            if args.national_id is None
            else NationalIdNumber(args.national_id, allow_synthetic=register.allow_synthetic_ids)
        )
        contact = Contact(email=args.email, phone=args.phone) if args.email or args.phone else None
        student = Student(
            id=args.student,
            cohort=args.cohort,
            name=args.name,
            national_id=national_id,
            contact=contact,
        )
        register.enrol(student, on=args.on, by=by)
        return Done()

    return run_change(args, stdout, change)


def _status_arguments(*, reason: bool) -> AddArguments:
    def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
        add_change_arguments(parser, lang)
        add_student(parser, lang)
        add_date(parser, "--on", "cli.option.on", lang)
        if reason:
            _add(parser, "--reason", "cli.option.reason", lang, default="")

    return arguments


def _grant_leave(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.grant_leave(
            args.student, on=args.on, reason=args.reason, by=by
        ),
    )


def _resume(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args, stdout, lambda register, by: register.resume(args.student, on=args.on, by=by)
    )


def _withdraw(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.withdraw(args.student, on=args.on, reason=args.reason, by=by),
    )


# -- studies


def _makeup_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    _add(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    _add(parser, "--hours", "cli.approve-makeup.hours", lang, required=True, type=decimal_argument)
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--approver", "cli.approve-makeup.approver", lang, required=True)
    _add(parser, "--description", "cli.approve-makeup.description", lang, default="")


def _approve_makeup(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.attendance import MakeUp  # noqa: PLC0415
    from mbprogram.model.values import Hours  # noqa: PLC0415

    makeup = MakeUp(
        id=args.id,
        hours=Hours(args.hours),
        on=args.on,
        approver=args.approver,
        description=args.description,
    )

    return run_change(
        args, stdout, lambda register, by: register.approve_makeup(args.student, makeup, by=by)
    )


def _literature_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    _add(parser, "--signed-by", "cli.sign-off-literature.signed_by", lang, required=True)
    add_date(parser, "--on", "cli.option.on", lang)


def _sign_off_literature(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.sign_off_literature(
            args.student, signed_by=args.signed_by, on=args.on, by=by
        ),
    )


def _start_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    _add(parser, "--topic", "cli.start-assignment.topic", lang, required=True)
    _add(parser, "--supervisor", "cli.start-assignment.supervisor", lang, required=True)


def _start_assignment(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.start_assignment(
            args.student, topic=args.topic, supervisor=args.supervisor, by=by
        ),
    )


def _submit_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--title", "cli.submit-assignment.title", lang, default="")


def _submit_assignment(args: argparse.Namespace, stdout: TextIO) -> int:
    def change(register: Register, by: Stamp) -> Done:
        number = register.submit_assignment(args.student, on=args.on, title=args.title, by=by)
        line = text("cli.submit-assignment.number", args.lang, number=number)
        return Done({"submission": number}, line)

    return run_change(args, stdout, change)


def _assess_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--assessor", "cli.assess-placement.assessor", lang, required=True)
    _add(
        parser,
        "--verdict",
        "cli.assess-assignment.verdict",
        lang,
        required=True,
        choices=tuple(v.value for v in Verdict),
    )
    _add(parser, "--feedback", "cli.assess-assignment.feedback", lang, default="")


def _assess_assignment(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.assess_assignment(
            args.student,
            on=args.on,
            assessor=args.assessor,
            verdict=Verdict(args.verdict),
            feedback=args.feedback,
            by=by,
        ),
    )


def _graduate_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--certificate-id", "cli.graduate.certificate", lang, metavar="ID")


def _graduate(args: argparse.Namespace, stdout: TextIO) -> int:
    def change(register: Register, by: Stamp) -> Done:
        certificate = register.graduate(
            args.student, on=args.on, by=by, certificate_id=args.certificate_id
        )
        line = text(
            "cli.graduate.certificate_issued",
            args.lang,
            certificate=certificate.id,
            on=certificate.issued_on,
        )
        return Done({"certificate": certificate.id}, line)

    return run_change(args, stdout, change)


# -- placements


def _weekdays_argument(value: str) -> frozenset[int]:
    """Weekdays as ``mon,wed,thu`` or ``man,ons,tor``."""
    from mbprogram.model.values import Weekday  # noqa: PLC0415

    days: set[int] = set()
    for part in value.split(","):
        name = _NORWEGIAN_DAYS.get(part.strip().lower(), part.strip().lower())
        found = [d for d in Weekday if d.short == name]
        if not found:
            raise argparse.ArgumentTypeError("expected weekdays such as mon,wed,thu or man,ons,tor")
        days.add(found[0])
    return frozenset(days)


_NORWEGIAN_DAYS: Final = {
    "man": "mon",
    "tir": "tue",
    "ons": "wed",
    "tor": "thu",
    "fre": "fri",
    "lør": "sat",
    "søn": "sun",
}


def _place_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    _add(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    _add(parser, "--unit", "cli.place.unit", lang, required=True, metavar="ID")
    _add(parser, "--supervisor", "cli.place.supervisor", lang, required=True)
    add_date(parser, "--start", "cli.place.start", lang)
    add_date(parser, "--end", "cli.place.end", lang)
    _add(
        parser,
        "--weekdays",
        "cli.place.weekdays",
        lang,
        required=True,
        type=_weekdays_argument,
        metavar="DAYS",
    )


def _place(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.placements import Placement  # noqa: PLC0415
    from mbprogram.model.values import DateRange  # noqa: PLC0415

    placement = Placement(
        id=args.id,
        unit=args.unit,
        supervisor=args.supervisor,
        period=DateRange(args.start, args.end),
        weekdays=args.weekdays,
    )

    return run_change(
        args, stdout, lambda register, by: register.place(args.student, placement, by=by)
    )


def _assess_placement_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    _add(parser, "--placement", "cli.option.placement", lang, required=True, metavar="ID")
    _add(
        parser,
        "--stage",
        "cli.assess-placement.stage",
        lang,
        required=True,
        choices=tuple(s.value for s in AssessmentStage),
    )
    add_date(parser, "--on", "cli.option.on", lang)
    _add(parser, "--assessor", "cli.assess-placement.assessor", lang, required=True)
    _add(
        parser,
        "--outlook",
        "cli.assess-placement.outlook",
        lang,
        required=True,
        choices=tuple(o.value for o in Outlook),
    )
    _add(parser, "--note", "cli.assess-placement.note", lang, default="")


def _assess_placement(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.placements import PlacementAssessment  # noqa: PLC0415

    assessment = PlacementAssessment(
        on=args.on, assessor=args.assessor, outlook=Outlook(args.outlook), note=args.note
    )

    return run_change(
        args,
        stdout,
        lambda register, by: register.assess_placement(
            args.student, args.placement, AssessmentStage(args.stage), assessment, by=by
        ),
    )


#: The title ``--help`` lists these commands under: ``cli.group.records``.
GROUP: Final = "records"
COMMANDS: Final = (
    Command("open-cohort", _open_cohort_arguments, _open_cohort),
    Command("add-host-unit", _host_unit_arguments, _add_host_unit),
    Command("enrol", _enrol_arguments, _enrol),
    Command("grant-leave", _status_arguments(reason=True), _grant_leave),
    Command("resume", _status_arguments(reason=False), _resume),
    Command("withdraw", _status_arguments(reason=True), _withdraw),
    Command("place", _place_arguments, _place),
    Command("assess-placement", _assess_placement_arguments, _assess_placement),
    Command("approve-makeup", _makeup_arguments, _approve_makeup),
    Command("sign-off-literature", _literature_arguments, _sign_off_literature),
    Command("start-assignment", _start_arguments, _start_assignment),
    Command("submit-assignment", _submit_arguments, _submit_assignment),
    Command("assess-assignment", _assess_arguments, _assess_assignment),
    Command("graduate", _graduate_arguments, _graduate),
)
