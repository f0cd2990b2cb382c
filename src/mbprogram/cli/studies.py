"""The commands that record a student's studies and graduation: placements … the assignment.

Each is named for the :class:`~mbprogram.register.aggregate.Register` method it
calls (``place`` → ``place``, ``approve-makeup`` → ``approve_makeup``,
``graduate`` → ``graduate`` …) and
refuses what the method refuses, with the same codes (cli/changes.py). They
are listed in ``--help`` with the other records commands (cli/records.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import text
from mbprogram.cli.changes import (
    Done,
    add_change_arguments,
    add_choice,
    add_date,
    add_option,
    add_student,
    decimal_reader,
    run_change,
)
from mbprogram.cli.common import Command
from mbprogram.model.assignment import Verdict
from mbprogram.model.placements import AssessmentStage, Outlook

if TYPE_CHECKING:
    from mbprogram.catalogue import Lang
    from mbprogram.model.values import Stamp
    from mbprogram.register.aggregate import Register

__all__ = ["COMMANDS", "GROUP"]

# -- studies


def _makeup_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_option(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    add_option(
        parser,
        "--hours",
        "cli.approve-makeup.hours",
        lang,
        required=True,
        type=decimal_reader(lang),
    )
    add_date(parser, "--on", "cli.option.on", lang)
    add_option(parser, "--approver", "cli.approve-makeup.approver", lang, required=True)
    add_option(parser, "--description", "cli.approve-makeup.work", lang, default="")


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
    add_option(parser, "--signed-by", "cli.sign-off-literature.signed_by", lang, required=True)
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
    add_option(parser, "--topic", "cli.start-assignment.topic", lang, required=True)
    add_option(parser, "--supervisor", "cli.start-assignment.supervisor", lang, required=True)


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
    add_option(parser, "--title", "cli.submit-assignment.title", lang, default="")


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
    add_option(parser, "--assessor", "cli.assess-placement.assessor", lang, required=True)
    add_choice(parser, "--verdict", "cli.assess-assignment.verdict", lang, Verdict, required=True)
    add_option(parser, "--feedback", "cli.assess-assignment.feedback", lang, default="")


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


# -- placements


def _weekdays_reader(lang: Lang) -> Callable[[str], frozenset[int]]:
    """Weekdays as ``mon,wed,thu`` or ``man,ons,tor``; the message of bad ones in ``lang``."""

    def weekdays(value: str) -> frozenset[int]:
        from mbprogram.model.values import Weekday  # noqa: PLC0415

        days: set[int] = set()
        for part in value.split(","):
            name = _NORWEGIAN_DAYS.get(part.strip().lower(), part.strip().lower())
            found = [d for d in Weekday if d.short == name]
            if not found:
                raise argparse.ArgumentTypeError(text("cli.arg.weekdays", lang))
            days.add(found[0])
        return frozenset(days)

    return weekdays


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
    add_option(parser, "--id", "cli.option.id", lang, required=True, metavar="ID")
    add_option(parser, "--unit", "cli.place.unit", lang, required=True, metavar="ID")
    add_option(parser, "--supervisor", "cli.place.supervisor", lang, required=True)
    add_date(parser, "--start", "cli.place.start", lang)
    add_date(parser, "--end", "cli.place.end", lang)
    add_option(
        parser,
        "--weekdays",
        "cli.place.weekdays",
        lang,
        required=True,
        type=_weekdays_reader(lang),
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


def _absence_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_option(parser, "--placement", "cli.option.placement", lang, required=True, metavar="ID")
    add_date(parser, "--day", "cli.record-placement-absence.day", lang)
    add_option(parser, "--reason", "cli.option.reason", lang, default="")


def _record_placement_absence(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.record_placement_absence(
            args.student, args.placement, day=args.day, reason=args.reason, by=by
        ),
    )


def _end_early_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_option(parser, "--placement", "cli.option.placement", lang, required=True, metavar="ID")
    add_date(parser, "--last-day", "cli.end-placement-early.last_day", lang)


def _end_placement_early(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.end_placement_early(
            args.student, args.placement, last_day=args.last_day, by=by
        ),
    )


def _assess_placement_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_option(parser, "--placement", "cli.option.placement", lang, required=True, metavar="ID")
    add_choice(
        parser, "--stage", "cli.assess-placement.stage", lang, AssessmentStage, required=True
    )
    add_date(parser, "--on", "cli.option.on", lang)
    add_option(parser, "--assessor", "cli.assess-placement.assessor", lang, required=True)
    add_choice(parser, "--outlook", "cli.assess-placement.outlook", lang, Outlook, required=True)
    add_option(parser, "--note", "cli.assess-placement.note", lang, default="")


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


def _graduate_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    add_student(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)
    add_option(parser, "--certificate-id", "cli.graduate.certificate", lang, metavar="ID")


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


#: Listed in ``--help`` with the other records commands: ``cli.group.records``.
GROUP: Final = "records"
COMMANDS: Final = (
    Command("place", _place_arguments, _place),
    Command("assess-placement", _assess_placement_arguments, _assess_placement),
    Command("record-placement-absence", _absence_arguments, _record_placement_absence),
    Command("end-placement-early", _end_early_arguments, _end_placement_early),
    Command("approve-makeup", _makeup_arguments, _approve_makeup),
    Command("sign-off-literature", _literature_arguments, _sign_off_literature),
    Command("start-assignment", _start_arguments, _start_assignment),
    Command("submit-assignment", _submit_arguments, _submit_assignment),
    Command("assess-assignment", _assess_arguments, _assess_assignment),
    Command("graduate", _graduate_arguments, _graduate),
)
