"""The commands that print documents as PDF: ``certificate`` and ``confirmation``.

Each writes one PDF file atomically, readable by its owner only (mode 0600):
the documents hold a person's name and progress. They need the ``pdf`` extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import (
    OK,
    Command,
    as_of,
    date_reader,
    load,
    location_argument,
    print_json,
)

__all__ = ["COMMANDS", "GROUP"]


def _pdf_path(lang: Lang) -> Callable[[str], Path]:
    """How ``--output`` is read: a file ending in ``.pdf``, so that no store is overwritten."""

    def path(value: str) -> Path:
        if Path(value).suffix.lower() != ".pdf":
            raise argparse.ArgumentTypeError(text("cli.documents.not_pdf", lang))
        return Path(value)

    return path


def _common(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.file", lang)
    )
    parser.add_argument("student", metavar="STUDENT", help=text("cli.option.student", lang))
    parser.add_argument(
        "--output",
        # not ``output``: that is the buffered ``--output`` of the reports (cli/output.py)
        dest="pdf",
        type=_pdf_path(lang),
        metavar="FILE.pdf",
        required=True,
        help=text("cli.documents.output", lang),
    )


def _confirmation_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _common(parser, lang)
    parser.add_argument(
        "--as-of", type=date_reader(lang), metavar="DATE", help=text("cli.option.as_of", lang)
    )
    parser.add_argument(
        "--signed-by", metavar="NAME", required=True, help=text("cli.option.signed_by", lang)
    )


def _written(args: argparse.Namespace, data: bytes, stdout: TextIO) -> int:
    from mbprogram.storage.atomic import write_atomically  # noqa: PLC0415

    output: Path = args.pdf
    write_atomically(output, data)
    if args.format == "json":
        print_json({"file": str(output), "bytes": len(data)}, stdout)
    else:
        print(text("cli.documents.wrote", args.lang, file=output), file=stdout)
    return OK


def _certificate(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.documents import certificate_pdf  # noqa: PLC0415

    register = load(args.store, report=True)
    return _written(args, certificate_pdf(register, args.student, lang=args.lang), stdout)


def _confirmation(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.documents import attendance_confirmation_pdf  # noqa: PLC0415

    register = load(args.store, report=True)
    today = dt.date.today()  # noqa: DTZ011 - the command line reads the clock
    data = attendance_confirmation_pdf(
        register,
        args.student,
        as_of(args),
        signed_by=args.signed_by,
        lang=args.lang,
        issued_on=today,
    )
    return _written(args, data, stdout)


#: The title ``--help`` lists these commands under: ``cli.group.documents``.
GROUP: Final = "documents"
COMMANDS: Final = (
    Command("certificate", _common, _certificate),
    Command("confirmation", _confirmation_arguments, _confirmation),
)
