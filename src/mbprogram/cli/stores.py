"""The commands that move registers between stores: ``copy``."""

from __future__ import annotations

import argparse
from typing import Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import (
    OK,
    Command,
    Location,
    UsageError,
    load,
    location_argument,
    print_json,
    shown,
)

__all__ = ["COMMANDS"]


def _copy_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "src", type=location_argument, metavar="SRC", help=text("cli.copy.src", lang)
    )
    parser.add_argument(
        "dst", type=location_argument, metavar="DST", help=text("cli.copy.dst", lang)
    )
    parser.add_argument("--force", action="store_true", help=text("cli.copy.force", lang))


def _records_in(location: Location) -> int:
    """How many records and history entries ``location`` holds (0 if it is new)."""
    from pathlib import Path  # noqa: PLC0415

    from mbprogram.register.state import TABLES  # noqa: PLC0415
    from mbprogram.storage.postgres_store import PostgresStore  # noqa: PLC0415

    if isinstance(location, str):
        with PostgresStore.open(location, create=True) as store:
            register = store.load()
    elif not Path(location).exists() or Path(location).stat().st_size == 0:
        return 0
    else:
        register = load(location)
    return len(register.history) + sum(len(getattr(register, table)) for table in TABLES)


def _copy(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.storage.files import save  # noqa: PLC0415

    register = load(args.src)
    if not args.force:
        records = _records_in(args.dst)
        if records:
            raise UsageError(
                text("cli.copy.not_empty", args.lang, dst=shown(args.dst), records=records)
            )
    save(register, args.dst)
    summary = {
        "src": shown(args.src),
        "dst": shown(args.dst),
        "students": len(register.students),
        "changes": len(register.history),
    }
    if args.format == "json":
        print_json(summary, stdout)
    else:
        print(text("cli.copy.copied", args.lang, **summary), file=stdout)
    return OK


COMMANDS: Final = (Command("copy", _copy_arguments, _copy),)
