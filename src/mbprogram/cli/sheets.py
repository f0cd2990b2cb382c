"""The commands that read sheets of records into a store, and plan a cohort's sessions.

``import-students``, ``import-placements``, ``import-units`` (docs/csv.md) and
``plan-sessions``. Each changes records through one
:class:`~mbprogram.services.unit_of_work.UnitOfWork` over the file's
repository, so a conflict (someone else saved in between) saves nothing and
exits 2; with ``--dry-run`` nothing is saved at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, day, number, text
from mbprogram.cli.common import (
    OK,
    AddArguments,
    Command,
    check_cohort,
    date_argument,
    date_reader,
    location_argument,
    print_json,
    shown,
    stamp,
)

if TYPE_CHECKING:
    from mbprogram.model.values import DateRange, Hours
    from mbprogram.services.sheet_import import SheetImport

__all__ = ["COMMANDS", "GROUP"]

_RANGE: Final = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?")


def _sheet_arguments(name: str, *, cohort: bool = False) -> AddArguments:
    def add(parser: argparse.ArgumentParser, lang: Lang) -> None:
        parser.add_argument(
            "store", type=location_argument, metavar="STORE", help=text("cli.option.store", lang)
        )
        parser.add_argument("csv", type=Path, metavar="CSV", help=text(f"cli.{name}.csv", lang))
        if cohort:
            parser.add_argument(
                "--cohort", metavar="ID", required=True, help=text(f"cli.{name}.cohort", lang)
            )
        parser.add_argument("--dry-run", action="store_true", help=text("cli.option.dry_run", lang))
        parser.add_argument("--by", "--actor", dest="by", help=text("cli.option.by", lang))

    return add


def _report(result: SheetImport, args: argparse.Namespace, stdout: TextIO) -> int:
    if args.format == "json":
        print_json(result.as_dict(), stdout)
    else:
        print(f"{args.csv} -> {shown(args.store)}: {result.message(args.lang)}", file=stdout)
    return OK


def _import(args: argparse.Namespace, stdout: TextIO) -> int:
    """Import the sheet ``args.csv`` of the kind the command names, through one unit of work."""
    from mbprogram.services.unit_of_work import UnitOfWork  # noqa: PLC0415
    from mbprogram.storage import placement_csv, student_csv, unit_csv  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    by = stamp(args.by)
    with UnitOfWork(repository_for(args.store)) as work:
        register = work.register
        if args.command == "import-students":
            check_cohort(register, args.cohort, args.lang)
            result = student_csv.import_students(
                register, args.csv, cohort=args.cohort, by=by, dry_run=args.dry_run
            )
        elif args.command == "import-placements":
            result = placement_csv.import_placements(
                register, args.csv, by=by, dry_run=args.dry_run
            )
        else:
            result = unit_csv.import_units(register, args.csv, by=by, dry_run=args.dry_run)
        if not result.dry_run:
            work.commit()
    return _report(result, args, stdout)


def _hours_reader(lang: Lang) -> Callable[[str], Hours]:
    def hours_argument(value: str) -> Hours:
        from mbprogram.exceptions import InvalidValueError  # noqa: PLC0415
        from mbprogram.model.values import Hours  # noqa: PLC0415

        if not re.fullmatch(r"\d{1,6}(?:[.,]\d{1,6})?", value):
            raise argparse.ArgumentTypeError(text("cli.arg.hours", lang, value=repr(value[:20])))
        try:
            hours = Hours(value.replace(",", "."))
        except InvalidValueError as e:
            raise argparse.ArgumentTypeError(e.message_in(lang)) from None
        if not hours.value:
            raise argparse.ArgumentTypeError(text("cli.arg.session_hours", lang))
        return hours

    return hours_argument


def _skip_reader(lang: Lang) -> Callable[[str], DateRange]:
    def skip_argument(value: str) -> DateRange:
        from mbprogram.exceptions import InvalidValueError  # noqa: PLC0415
        from mbprogram.model.values import DateRange  # noqa: PLC0415

        match = _RANGE.fullmatch(value)
        if match is None:
            raise argparse.ArgumentTypeError(text("cli.arg.skip", lang, value=repr(value[:20])))
        first = date_argument(match.group(1), lang)
        last = date_argument(match.group(2), lang) if match.group(2) else first
        try:
            return DateRange(first, last)
        except InvalidValueError:
            raise argparse.ArgumentTypeError(
                text("cli.arg.skip_order", lang, first=first, last=last, value=value[:30])
            ) from None

    return skip_argument


def _plan_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.store", lang)
    )
    parser.add_argument(
        "--cohort", metavar="ID", required=True, help=text("cli.plan-sessions.cohort", lang)
    )
    parser.add_argument(
        "--rule", metavar="RRULE", required=True, help=text("cli.plan-sessions.rule", lang)
    )
    parser.add_argument(
        "--from",
        dest="first",
        type=date_reader(lang),
        metavar="DATE",
        required=True,
        help=text("cli.plan-sessions.from", lang),
    )
    parser.add_argument(
        "--to",
        dest="last",
        type=date_reader(lang),
        metavar="DATE",
        required=True,
        help=text("cli.plan-sessions.to", lang),
    )
    parser.add_argument(
        "--hours",
        type=_hours_reader(lang),
        metavar="H",
        required=True,
        help=text("cli.plan-sessions.hours", lang),
    )
    parser.add_argument("--topic", default="", help=text("cli.plan-sessions.topic", lang))
    parser.add_argument(
        "--skip",
        type=_skip_reader(lang),
        action="append",
        default=[],
        metavar="DATE[..DATE]",
        help=text("cli.plan-sessions.skip", lang),
    )
    parser.add_argument(
        "--keep-holidays",
        action="store_true",
        help=text("cli.plan-sessions.keep_holidays", lang),
    )
    parser.add_argument("--dry-run", action="store_true", help=text("cli.option.dry_run", lang))
    parser.add_argument("--by", "--actor", dest="by", help=text("cli.option.by", lang))


def _days(days: tuple[dt.date, ...], lang: Lang) -> str:
    return ", ".join(day(d, lang) for d in days)


def _plan_sessions(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.services.session_plan import plan_sessions  # noqa: PLC0415
    from mbprogram.services.unit_of_work import UnitOfWork  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    by = stamp(args.by)
    with UnitOfWork(repository_for(args.store)) as work:
        check_cohort(work.register, args.cohort, args.lang)
        plan = plan_sessions(
            work.register,
            args.cohort,
            rule=args.rule,
            first=args.first,
            last=args.last,
            hours=args.hours,
            topic=args.topic,
            skip=args.skip,
            keep_holidays=args.keep_holidays,
            by=by,
            dry_run=args.dry_run,
        )
        if not plan.dry_run:
            work.commit()
    if args.format == "json":
        print_json(plan.as_dict(), stdout)
        return OK
    lang: Lang = args.lang
    key = "sheets.plan.would_add" if plan.dry_run else "sheets.plan.added"
    print(text(key, lang, n=len(plan.added), cohort=plan.cohort), file=stdout)
    for s in plan.added:
        line = text(
            "sheets.plan.session",
            lang,
            id=s.id,
            day=s.day,
            hours=number(s.hours.value, lang),
            topic=s.topic,
        )
        print(line.rstrip(), file=stdout)
    for key, days in (
        ("sheets.plan.scheduled", plan.scheduled),
        ("sheets.plan.holidays", plan.holidays),
    ):
        if days:
            print(text(key, lang, n=len(days), days=_days(days, lang)), file=stdout)
    if plan.skipped:
        print(text("sheets.plan.skipped", lang, n=len(plan.skipped)), file=stdout)
    return OK


GROUP: Final = "imports"
COMMANDS: Final = (
    Command("import-students", _sheet_arguments("import-students", cohort=True), _import),
    Command("import-placements", _sheet_arguments("import-placements"), _import),
    Command("import-units", _sheet_arguments("import-units"), _import),
    Command("plan-sessions", _plan_arguments, _plan_sessions),
)
