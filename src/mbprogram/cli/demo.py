"""``mbprogram demo``: build the synthetic demo register in a store and show it.

``demo`` replaces only a store it wrote itself, unless ``--force``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import OK, Command, as_of, print_json
from mbprogram.cli.reports import outcomes_document, print_outcomes, print_progress

__all__ = ["COMMANDS", "DEMO_STORE", "GROUP"]

#: Where the demo writes its store unless told otherwise.
DEMO_STORE: Final = "mbprogram-demo.sqlite"


def _arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--store",
        type=Path,
        default=Path(DEMO_STORE),
        help=text("cli.demo.store", lang, store=DEMO_STORE),
    )
    parser.add_argument("--force", action="store_true", help=text("cli.demo.force", lang))


def _command() -> str:
    """How the user can run this command: ``mbprogram`` if on the PATH, else its path."""
    script = Path(sys.executable).parent / "mbprogram"
    found = shutil.which("mbprogram")
    if found is None and script.exists():
        return os.path.relpath(script) if script.is_relative_to(Path.cwd()) else str(script)
    return "mbprogram"


def _demo(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.demo import build_demo_register  # noqa: PLC0415
    from mbprogram.reports.progress import progress_document  # noqa: PLC0415
    from mbprogram.storage.files import save_demo_store  # noqa: PLC0415

    register = build_demo_register()
    store: Path = args.store
    # A store, whatever its name; one that the demo did not write is replaced only with --force.
    save_demo_store(register, store, force=args.force)
    day = as_of(args)
    lang: Lang = args.lang
    if args.format == "json":
        document = {
            "store": str(store.resolve()),
            "progress": progress_document(register, day, cohort=args.cohort, lang=lang),
            "outcomes": outcomes_document(register, day, args.cohort, lang),
        }
        print_json(document, stdout)
        return OK
    print(text("cli.demo.wrote", lang, store=store.resolve()), file=stdout)
    print(text("cli.demo.made_up", lang, as_of=day) + "\n", file=stdout)
    print_progress(register, day, args.cohort, "text", lang, stdout)
    print(file=stdout)
    print_outcomes(register, day, args.cohort, "text", lang, stdout)
    print("\n" + text("cli.demo.try_next", lang), file=stdout)
    command = _command()
    for line in (
        f"{command} validate {store}",
        f"{command} progress {store} --cohort MB-2025 --as-of 2025-06-30 --lang en",
        f"{command} progress {store} --format json",
        f"{command} outcomes {store} --as-of 2026-06-30",
    ):
        print(f"  {line}", file=stdout)
    return OK


#: The title ``--help`` lists these commands under: ``cli.group.demo``.
GROUP: Final = "demo"
COMMANDS: Final = (Command("demo", _arguments, _demo, dated=True),)
