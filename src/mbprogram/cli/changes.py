"""What every command that changes one record shares: its arguments, its run and its output.

A change command names the STORE, takes ``--by`` (who, for the history;
default the login name) and ``--dry-run``, and makes its change through one
:class:`~mbprogram.services.unit_of_work.UnitOfWork` over the file's
repository, as ``import-attendance`` does: a refused change raises the
register's :class:`~mbprogram.exceptions.RefusedChangeError` (exit 2, every
problem printed with its code and path), a conflict saves nothing (exit 2), a
dry run checks everything and saves nothing.

It prints the history entries the change made (action and record path, never
a value) and whether they were saved; with ``--format json`` one object
``{"store", "dry_run", "saved", "changes": [{"action", "record"}], …}`` with
what the command adds (``certificate``, ``submission``).
"""

from __future__ import annotations

import argparse
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import OK, date_reader, location_argument, print_json, shown, stamp

if TYPE_CHECKING:
    from mbprogram.model.values import Stamp
    from mbprogram.register.aggregate import Register

__all__ = [
    "Done",
    "add_change_arguments",
    "add_choice",
    "add_date",
    "add_option",
    "add_student",
    "decimal_argument",
    "decimal_reader",
    "run_change",
]


class Done(NamedTuple):
    """What a change adds to the output: fields of the JSON object and a line of text."""

    fields: Mapping[str, object] = MappingProxyType({})
    line: str = ""


#: A change: the register and the stamp in, what it adds to the output (if anything) out.
Change = Callable[["Register", "Stamp"], "Done | None"]


def add_change_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """STORE, ``--dry-run`` and ``--by`` (alias ``--actor``)."""
    parser.add_argument(
        "store", type=location_argument, metavar="STORE", help=text("cli.option.store", lang)
    )
    parser.add_argument("--dry-run", action="store_true", help=text("cli.option.dry_run", lang))
    parser.add_argument("--by", "--actor", dest="by", help=text("cli.option.by", lang))


def add_option(
    parser: argparse.ArgumentParser, option: str, help_key: str, lang: Lang, **kw: object
) -> None:
    """An option whose help is the catalogue's ``help_key``."""
    parser.add_argument(option, help=text(help_key, lang), **kw)  # type: ignore[arg-type]


def add_choice(
    parser: argparse.ArgumentParser,
    option: str,
    help_key: str,
    lang: Lang,
    kind: type[enum.Enum],
    **kw: object,
) -> None:
    """An option taking one of ``kind``'s values; its help is the catalogue's ``help_key``."""
    add_option(parser, option, help_key, lang, choices=tuple(m.value for m in kind), **kw)


def add_student(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """``--student ID`` (required)."""
    parser.add_argument(
        "--student", required=True, metavar="ID", help=text("cli.option.student", lang)
    )


def add_date(
    parser: argparse.ArgumentParser,
    option: str,
    help_key: str,
    lang: Lang,
    *,
    required: bool = True,
) -> None:
    """A date option (``YYYY-MM-DD``)."""
    parser.add_argument(
        option,
        type=date_reader(lang),
        required=required,
        metavar="DATE",
        help=text(help_key, lang),
    )


def decimal_argument(value: str, lang: Lang = "nb") -> Decimal:
    """A number argument, with a decimal point or a decimal comma (``2.5``, ``2,5``).

    Raises:
        argparse.ArgumentTypeError: saying in ``lang`` what was expected.
    """
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise argparse.ArgumentTypeError(text("cli.arg.number", lang, value=repr(value[:20])))
    return number


def decimal_reader(lang: Lang) -> Callable[[str], Decimal]:
    """:func:`decimal_argument` with its messages in ``lang``, for ``add_argument(type=...)``."""

    def number(value: str) -> Decimal:
        return decimal_argument(value, lang)

    return number


def run_change(args: argparse.Namespace, stdout: TextIO, change: Change) -> int:
    """Make ``change`` in the STORE (unless ``--dry-run``) and print what it did."""
    from mbprogram.services.unit_of_work import UnitOfWork  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    by = stamp(args.by)
    with UnitOfWork(repository_for(args.store)) as work:
        before = len(work.register.history)
        done = change(work.register, by) or Done()
        made = work.register.history[before:]
        saved = False if args.dry_run else work.commit()
    changes = [{"action": c.action.value, "record": str(c.path)} for c in made]
    if args.format == "json":
        print_json(
            {
                "store": shown(args.store),
                "dry_run": args.dry_run,
                "saved": saved,
                "changes": changes,
                **done.fields,
            },
            stdout,
        )
        return OK
    for c in changes:
        print(f"{c['action']}  {c['record']}", file=stdout)
    if done.line:
        print(done.line, file=stdout)
    if args.dry_run:
        print(text("cli.change.dry_run", args.lang), file=stdout)
    elif saved:
        print(text("cli.change.saved", args.lang, store=shown(args.store)), file=stdout)
    else:
        print(text("cli.change.unchanged", args.lang, store=shown(args.store)), file=stdout)
    return OK
