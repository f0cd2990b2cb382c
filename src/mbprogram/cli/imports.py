"""The commands that read a sheet into a store: ``import-attendance``.

A command that changes records does it through one
:class:`~mbprogram.services.unit_of_work.UnitOfWork` over the file's
repository, so a conflict (someone else saved in between) is one
:class:`~mbprogram.exceptions.ConflictError` for every kind of store: nothing
is saved and the command exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import (
    OK,
    Command,
    check_cohort,
    location_argument,
    print_json,
    progress_line,
    shown,
    stamp,
)

__all__ = ["COMMANDS", "GROUP"]


def _attendance_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.store", lang)
    )
    parser.add_argument(
        "csv", type=Path, metavar="CSV", help=text("cli.import-attendance.csv", lang)
    )
    parser.add_argument("--dry-run", action="store_true", help=text("cli.option.dry_run", lang))
    parser.add_argument("--cohort", metavar="ID", help=text("cli.import-attendance.cohort", lang))
    parser.add_argument("--by", "--actor", dest="by", help=text("cli.option.by", lang))


def _import_attendance(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.services.unit_of_work import UnitOfWork  # noqa: PLC0415
    from mbprogram.storage import attendance_csv  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    by = stamp(args.by)
    # The unit of work saves only if the sheet changed something, with the
    # revision it loaded: if someone saved in between, ConflictError, and
    # nothing is saved (the same for a store and a document).
    with UnitOfWork(repository_for(args.store)) as work, progress_line(args) as line:
        check_cohort(work.register, args.cohort, args.lang)
        result = attendance_csv.import_attendance(
            work.register, args.csv, by=by, cohort=args.cohort, dry_run=args.dry_run, progress=line
        )
        if not result.dry_run:
            work.commit()
    if args.format == "json":
        print_json(result.as_dict(), stdout)
    else:
        print(f"{args.csv} -> {shown(args.store)}: {result.message(args.lang)}", file=stdout)
    return OK


#: The title ``--help`` lists these commands under: ``cli.group.imports``.
GROUP: Final = "imports"
COMMANDS: Final = (Command("import-attendance", _attendance_arguments, _import_attendance),)
