"""The command that makes a new register: ``init``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import OK, Command, UsageError, print_json

__all__ = ["COMMANDS", "GROUP"]


def _init_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=Path, metavar="STORE", help=text("cli.option.new_store", lang)
    )
    parser.add_argument(
        "--synthetic-ids", action="store_true", help=text("cli.init.synthetic", lang)
    )


def _init(args: argparse.Namespace, stdout: TextIO) -> int:
    """Write an empty register to a file that does not exist yet (never over one that does)."""
    from mbprogram.register.aggregate import Register  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    store: Path = args.store
    if os.path.lexists(store):
        raise UsageError(text("cli.init.exists", args.lang, store=store))
    repository = repository_for(store, create=True)
    loaded = repository.load()
    # Saved with the revision of "no file yet": if a file appeared meanwhile, a conflict.
    repository.save(Register(allow_synthetic_ids=args.synthetic_ids), expected=loaded.revision)
    if args.format == "json":
        print_json(
            {"store": str(store), "created": True, "synthetic_ids": args.synthetic_ids}, stdout
        )
    else:
        print(text("cli.init.created", args.lang, store=store), file=stdout)
    return OK


#: The title ``--help`` lists these commands under: ``cli.group.stores``.
GROUP: Final = "stores"
COMMANDS: Final = (Command("init", _init_arguments, _init),)
