"""The commands that make and move registers: ``init`` and ``copy``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
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

__all__ = ["COMMANDS", "GROUP"]


def _init_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.new_store", lang)
    )
    parser.add_argument(
        "--synthetic-ids", action="store_true", help=text("cli.init.synthetic", lang)
    )


def _exists(store: Location) -> bool:
    """Whether there is a file, or a PostgreSQL store, at ``store`` already."""
    if isinstance(store, str):
        from mbprogram.storage.postgres_store import store_exists  # noqa: PLC0415

        return store_exists(store)
    return os.path.lexists(store)


def _init(args: argparse.Namespace, stdout: TextIO) -> int:
    """Write an empty register where there is none yet (never over one that is there)."""
    from mbprogram.register.aggregate import Register  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    store: Location = args.store
    if _exists(store):
        raise UsageError(text("cli.init.exists", args.lang, store=shown(store)))
    repository = repository_for(store, create=True)
    loaded = repository.load()
    # Saved with the revision of "no store yet": if one appeared meanwhile, a conflict.
    repository.save(Register(allow_synthetic_ids=args.synthetic_ids), expected=loaded.revision)
    if args.format == "json":
        print_json(
            {"store": shown(store), "created": True, "synthetic_ids": args.synthetic_ids}, stdout
        )
    else:
        print(text("cli.init.created", args.lang, store=shown(store)), file=stdout)
    return OK


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
    from mbprogram.register.state import TABLES  # noqa: PLC0415

    if not _exists(location) or (
        not isinstance(location, str) and Path(location).stat().st_size == 0
    ):
        return 0
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


#: The title ``--help`` lists these commands under: ``cli.group.stores``.
GROUP: Final = "stores"
COMMANDS: Final = (
    Command("init", _init_arguments, _init),
    Command("copy", _copy_arguments, _copy),
)
