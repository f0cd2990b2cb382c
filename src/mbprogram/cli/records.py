"""The commands that change one record at a time: cohorts, host units, students' status.

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
    add_option,
    add_student,
    run_change,
)
from mbprogram.cli.common import AddArguments, Command, UsageError

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
    from mbprogram.catalogue import Phrase  # noqa: PLC0415
    from mbprogram.exceptions import InvalidValueError  # noqa: PLC0415
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
        raise InvalidValueError.at("rules", "cli.error.rules_json", file=path)
    try:
        return ProgrammeRules.from_dict(data)
    except InvalidValueError as e:
        raise InvalidValueError(
            [p.under("rules") for p in e.problems],
            summary=Phrase("cli.error.rules_file", file=path),
        ) from None


# -- open-cohort


def _open_cohort_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_option(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    add_option(parser, "--name", "cli.option.name", lang, required=True)
    add_option(parser, "--rules", "cli.open-cohort.rules", lang, required=True, metavar="RULES")
    add_date(parser, "--start", "cli.open-cohort.start", lang)
    add_date(parser, "--end", "cli.open-cohort.end", lang)
    add_option(
        parser, "--places", "cli.open-cohort.places", lang, required=True, type=int, metavar="K"
    )


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
    add_option(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    add_option(parser, "--name", "cli.option.name", lang, required=True)
    add_option(parser, "--capacity", "cli.add-host-unit.capacity", lang, required=True, type=int)
    add_option(parser, "--kind", "cli.add-host-unit.kind", lang, default="")


def _places_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_option(parser, "--cohort", "cli.option.cohort_of", lang, required=True, metavar="ID")
    add_option(parser, "--places", "cli.open-cohort.places", lang, required=True, type=int)


def _change_places(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.change_places(args.cohort, args.places, by=by),
    )


def _capacity_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_option(parser, "--unit", "cli.change-capacity.unit", lang, required=True, metavar="ID")
    add_option(parser, "--capacity", "cli.add-host-unit.capacity", lang, required=True, type=int)


def _change_capacity(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.change_capacity(args.unit, args.capacity, by=by),
    )


def _add_host_unit(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.placements import HostUnit  # noqa: PLC0415

    unit = HostUnit(id=args.id, name=args.name, capacity=args.capacity, kind=args.kind)

    return run_change(args, stdout, lambda register, by: register.add_host_unit(unit, by=by))


# -- enrol, admit, grant-leave, resume, withdraw


def _enrol_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    add_option(parser, "--cohort", "cli.option.cohort_of", lang, metavar="ID")
    add_option(parser, "--name", "cli.option.name", lang)
    add_option(parser, "--national-id", "cli.enrol.national_id", lang, metavar="NUMBER")
    add_option(parser, "--email", "cli.enrol.email", lang, default="")
    add_option(parser, "--phone", "cli.enrol.phone", lang, default="")


def _enrol(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.identity import NationalIdNumber  # noqa: PLC0415
    from mbprogram.model.students import Contact, Student  # noqa: PLC0415

    details = args.cohort, args.national_id, args.email or None, args.phone or None
    if args.name is None and any(d is not None for d in details):
        raise UsageError(text("cli.enrol.needs_name", args.lang))
    if args.name is not None and args.cohort is None:
        raise UsageError(text("cli.enrol.needs_cohort", args.lang))

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
            add_option(parser, "--reason", "cli.option.reason", lang, default="")

    return arguments


def _admit(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args, stdout, lambda register, by: register.admit(args.student, on=args.on, by=by)
    )


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


#: The title ``--help`` lists these commands under: ``cli.group.records``.
GROUP: Final = "records"
COMMANDS: Final = (
    Command("open-cohort", _open_cohort_arguments, _open_cohort),
    Command("change-places", _places_arguments, _change_places),
    Command("add-host-unit", _host_unit_arguments, _add_host_unit),
    Command("change-capacity", _capacity_arguments, _change_capacity),
    Command("admit", _status_arguments(reason=False), _admit),
    Command("enrol", _enrol_arguments, _enrol),
    Command("grant-leave", _status_arguments(reason=True), _grant_leave),
    Command("resume", _status_arguments(reason=False), _resume),
    Command("withdraw", _status_arguments(reason=True), _withdraw),
)
