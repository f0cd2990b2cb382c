"""The commands that look records up: ``students``, ``sessions``, ``units``.

Each prints a table as text, JSON (``{"students": [row, …]}`` …), CSV or
xlsx, to standard output or ``--output FILE`` (cli/output.py). They never
print national identity numbers, contact details, background, notes or
reasons; ``students`` prints names only with ``--names``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import OK, Command, check_cohort, load, location_argument, print_json
from mbprogram.cli.output import TABLE_FORMATS, print_tables

if TYPE_CHECKING:
    from mbprogram.reports.table import Table

__all__ = ["COMMANDS", "GROUP"]


def _store_argument(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.file", lang)
    )


def _print(name: str, table: Table[Any], args: argparse.Namespace, stdout: TextIO) -> int:
    if args.format == "json":
        rows = [
            {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
            for row in table.as_dicts()
        ]
        print_json({name: rows}, stdout)
    else:
        print_tables([(name, table)], args.format, args.lang, stdout)
    return OK


def _students_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _store_argument(parser, lang)
    parser.add_argument("--cohort", metavar="ID", help=text("cli.students.cohort", lang))
    parser.add_argument("--names", action="store_true", help=text("cli.students.names", lang))


def _students(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.lookups import student_table  # noqa: PLC0415

    register = load(args.store, report=True)
    check_cohort(register, args.cohort, args.lang)
    table = student_table(register, cohort=args.cohort, names=args.names, lang=args.lang)
    return _print("students", table, args, stdout)


def _sessions_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _store_argument(parser, lang)
    parser.add_argument(
        "--cohort", required=True, metavar="ID", help=text("cli.sessions.cohort", lang)
    )


def _sessions(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.lookups import session_table  # noqa: PLC0415

    register = load(args.store, report=True)
    check_cohort(register, args.cohort, args.lang)
    return _print("sessions", session_table(register, args.cohort, lang=args.lang), args, stdout)


def _units(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.lookups import unit_table  # noqa: PLC0415

    return _print("units", unit_table(load(args.store, report=True), lang=args.lang), args, stdout)


#: The title ``--help`` lists these commands under: ``cli.group.lookups``.
GROUP: Final = "lookups"
COMMANDS: Final = (
    Command("students", _students_arguments, _students, formats=TABLE_FORMATS, output=True),
    Command("sessions", _sessions_arguments, _sessions, formats=TABLE_FORMATS, output=True),
    Command("units", _store_argument, _units, formats=TABLE_FORMATS, output=True),
)
