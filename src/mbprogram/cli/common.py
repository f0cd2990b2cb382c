"""What every command of the command line shares: exit codes, arguments, loading, output.

A command is a :class:`Command`: its name, how it adds its arguments, and the
function that runs it with the parsed arguments and standard output. Its help
summary and description are the catalogue's ``cli.<name>.help`` and
``cli.<name>.description``. A module of commands is a :class:`CommandModule`:
its ``COMMANDS`` and the ``GROUP`` under whose title (``cli.group.<GROUP>``)
``mbprogram --help`` lists them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, NoReturn, Protocol, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.parser_words import heading, translated

if TYPE_CHECKING:
    from mbprogram.cli.progress_line import ProgressLine
    from mbprogram.model.values import Stamp
    from mbprogram.register.aggregate import Register

__all__ = [
    "BAD_INPUT",
    "FINDINGS",
    "OK",
    "Command",
    "CommandModule",
    "HelpFormatter",
    "Location",
    "Parser",
    "UsageError",
    "as_of",
    "check_cohort",
    "date_argument",
    "date_reader",
    "load",
    "location_argument",
    "login",
    "print_findings",
    "print_json",
    "progress_line",
    "shown",
    "stamp",
    "terminal_columns",
]

OK: Final = 0
FINDINGS: Final = 1
BAD_INPUT: Final = 2

#: The range of dates the command line accepts.
FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2999, 12, 31)


class UsageError(Exception):
    """Wrong usage: a bad argument, an unknown command or cohort."""


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` tells it, without importing shutil.

    ``COLUMNS`` if it is a positive number, else the width of the terminal on
    standard output, else 80. (argparse imports ``shutil``, and with it the
    compression modules, for every parser it makes; the command line makes
    one per command it runs.)
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, with the ``usage:`` heading in the parser's language."""

    usage_heading: str = "usage: "

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        """argparse's formatter, as wide as the terminal (less two columns) unless told."""
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """The usage line, headed by :attr:`usage_heading` unless another heading is given."""
        super().add_usage(usage, actions, groups, self.usage_heading if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser in the language ``lang`` that reports wrong usage by raising.

    Raising lets JSON output say what was wrong. argparse's own words (the
    headings, the help of ``--help``, its messages) are the catalogue's, in
    ``lang`` (cli/parser_words.py).
    """

    def __init__(self, *args: Any, lang: Lang = "nb", **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        self.lang: Lang = lang  # before argparse's own set-up, which formats already
        super().__init__(*args, **kwargs)
        self._positionals.title = heading("positional arguments", lang)
        self._optionals.title = heading("options", lang)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = heading("show this help message and exit", lang)

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        if isinstance(formatter, HelpFormatter):
            formatter.usage_heading = heading("usage: ", self.lang)
        return formatter

    def error(self, message: str) -> NoReturn:
        """Raise :class:`UsageError` with argparse's ``message`` in the parser's language."""
        raise UsageError(f"{self.prog}: {translated(message, self.lang)}")


#: How a command adds its arguments to its parser, in the language of the help.
AddArguments = Callable[[argparse.ArgumentParser, Lang], None]
#: How a command runs: the parsed arguments and standard output in, the exit code out.
Handler = Callable[[argparse.Namespace, TextIO], int]


class Command(NamedTuple):
    """One command of ``mbprogram``: its name, its arguments and what runs it."""

    name: str
    add_arguments: AddArguments
    run: Handler
    #: Whether it takes ``--as-of`` and ``--cohort`` (the evaluating commands).
    dated: bool = False
    #: The ``--format`` choices, the default first.
    formats: tuple[str, ...] = ("text", "json")
    #: Whether it takes ``--output FILE`` (cli/output.py).
    output: bool = False
    #: The catalogue key of the exit codes its help lists.
    exits: str = "cli.exits"


class CommandModule(Protocol):
    """A module of commands: the group ``--help`` lists them under, and the commands."""

    @property
    def GROUP(self) -> str:  # noqa: N802 - a module's constant
        """The group's key: its title in ``--help`` is the catalogue's ``cli.group.<GROUP>``."""

    @property
    def COMMANDS(self) -> tuple[Command, ...]:  # noqa: N802 - a module's constant
        """The commands, in the order ``--help`` lists them."""


def date_argument(value: str, lang: Lang = "nb") -> dt.date:
    """An argument's date, ``YYYY-MM-DD`` or ``DD.MM.YYYY``, between 1900 and 2999.

    Raises:
        argparse.ArgumentTypeError: saying in ``lang`` what was expected.
    """
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    dotted = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", value)
    if iso is not None:
        year, month, day_ = (int(g) for g in iso.groups())
    elif dotted is not None:
        day_, month, year = (int(g) for g in dotted.groups())
    else:
        raise argparse.ArgumentTypeError(text("cli.error.date_form", lang, value=repr(value[:20])))
    try:
        day = dt.date(year, month, day_)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.error.no_such_day", lang, value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            text("cli.error.date_range", lang, first=FIRST_DAY, last=LAST_DAY, value=value)
        )
    return day


def date_reader(lang: Lang) -> Callable[[str], dt.date]:
    """:func:`date_argument` with its messages in ``lang``, for ``add_argument(type=...)``."""

    def date(value: str) -> dt.date:
        return date_argument(value, lang)

    return date


#: A FILE or STORE argument: a path, or a ``postgresql://`` URL.
Location = Path | str

#: The schemes of a URL that names a PostgreSQL store (as ``storage.postgres_store``'s).
_URL_SCHEMES: Final = ("postgresql://", "postgres://")


def location_argument(value: str) -> Location:
    """A FILE or STORE argument: a ``postgresql://`` URL as it is, anything else a path."""
    return value if value.lower().startswith(_URL_SCHEMES) else Path(value)


def shown(location: Location) -> str:
    """A FILE or STORE as it may be printed: a URL without its password."""
    if isinstance(location, str):
        from mbprogram.storage.postgres_store import shown_url  # noqa: PLC0415

        return shown_url(location)
    return str(location)


def as_of(args: argparse.Namespace) -> dt.date:
    """The ``--as-of`` day, or today."""
    day: dt.date | None = args.as_of
    return day or dt.date.today()  # noqa: DTZ011 - the command line reads the clock


def login() -> str:
    """The login name, for the history; ``mbprogram`` when there is none."""
    try:
        import getpass  # noqa: PLC0415 - only a change needs it

        return getpass.getuser()
    except (OSError, KeyError):
        return "mbprogram"


def stamp(by: str | None) -> Stamp:
    """Who changes records (``--by``, default the login name) and now."""
    from mbprogram.model.values import Stamp  # noqa: PLC0415

    return Stamp(by or login(), dt.datetime.now(dt.UTC))


def check_cohort(register: Register, cohort: str | None, lang: Lang) -> None:
    """Refuse (as wrong usage) a ``--cohort`` that the register does not hold."""
    from mbprogram.model.validators import is_record_id  # noqa: PLC0415

    if cohort is not None and cohort not in register.cohorts:
        known = ", ".join(register.cohorts) or text("cli.error.none", lang)
        # what was typed is quoted only if it is an id: it may be a name typed in the wrong place
        named = repr(cohort) if is_record_id(cohort) else text("cli.error.not_an_id", lang)
        raise UsageError(text("cli.error.no_cohort", lang, cohort=named, known=known))


def load(
    location: Location,
    *,
    cohort: str | None = None,
    progress: ProgressLine | None = None,
    report: bool = False,
) -> Register:
    """The register in a file (a JSON document or a store) or a PostgreSQL store.

    With ``cohort``, a PostgreSQL store gives only the part of the register that
    the cohort's evaluation needs (the whole register if it holds no such cohort,
    or ``cohort`` is not an id, so that :func:`check_cohort` can explain). A
    file is shown on ``progress`` as it is read. A ``report`` (a command that
    reads the records and not the history) has an SQLite store's history read
    only if it is used after all (``storage.files.load``'s ``defer_history``).
    """
    from mbprogram.model.validators import is_record_id  # noqa: PLC0415 - keeps --help fast
    from mbprogram.storage.files import load as load_file  # noqa: PLC0415

    if isinstance(location, str) and isinstance(cohort, str) and is_record_id(cohort):
        from mbprogram.storage.postgres_store import load_part  # noqa: PLC0415

        part = load_part(location, cohorts=[cohort])
        if cohort in part.cohorts:
            return part
    return load_file(location, progress=progress, defer_history=report)


def progress_line(args: argparse.Namespace) -> AbstractContextManager[ProgressLine | None]:
    """A long command's progress line: on standard error if it is a terminal, unless ``--quiet``.

    Use it as ``with progress_line(args) as line:``; ``line`` is ``None`` when
    nothing is to be shown, and the line is erased when the block ends.
    """
    from mbprogram.cli.progress_line import progress_line_for  # noqa: PLC0415

    line = progress_line_for(sys.stderr, args.lang, quiet=getattr(args, "quiet", False))
    return contextlib.nullcontext() if line is None else line


def print_json(document: object, stdout: TextIO) -> None:
    """One JSON object on standard output, non-ASCII letters as they are."""
    print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)


def print_findings(findings: Sequence[dict[str, str]], lang: Lang, stdout: TextIO) -> None:
    """Findings as text: severity, code and path, then the message."""
    if not findings:
        print(text("cli.findings.none", lang), file=stdout)
        return
    print(text("cli.findings.title", lang), file=stdout)
    for f in findings:
        print(f"  {f['severity']:7} {f['code']:32} {f['path']}", file=stdout)
        print(f"          {f['message']}", file=stdout)
