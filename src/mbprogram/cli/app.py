"""The ``mbprogram`` parser and its run: one command from the command modules, errors as exit 2.

The parser lists the commands from the static table
:data:`~mbprogram.cli.command_table.LISTED`, with every help text from the
catalogue in the language asked for (``--lang``, else ``MBPROGRAM_LANG``,
else bokmål). ``mbprogram --help`` lists the commands by group, under the
group's title ``cli.group.<group>``, and imports no command's module: a
command's module (its :class:`~mbprogram.cli.common.Command` in ``COMMANDS``)
is imported, and the command's parser built, only once argparse has chosen
that command (:class:`_Commands`).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from mbprogram.catalogue import LANGS, Lang, Term, os_reason, text
from mbprogram.cli.command_table import GROUP_ORDER, LISTED, listed
from mbprogram.cli.common import (
    BAD_INPUT,
    Command,
    CommandModule,
    Handler,
    Parser,
    UsageError,
    date_reader,
)
from mbprogram.cli.output import Buffer, check_output, write_buffer
from mbprogram.cli.problem_paths import shown_path
from mbprogram.exceptions import MbprogramError, ValidationError

__all__ = ["command", "main", "run"]


def command(name: str) -> Command:
    """The command called ``name``, from its module (imported now if it was not yet).

    Raises:
        KeyError: if the static table lists no such command, or its module does not define it.
    """
    entry = listed(name)
    if entry is None:
        raise KeyError(name)
    module = cast("CommandModule", importlib.import_module(f"mbprogram.cli.{entry.module}"))
    for found in module.COMMANDS:
        if found.name == name:
            return found
    raise KeyError(name)


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The ``COMMAND`` argument: every command of the table, each one's parser built once chosen.

    The choices are the table's names (so argparse refuses an unknown one as
    ever); when argparse picks one, its module is imported and its parser
    made, with the common options (and the dated ones if it takes them).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang: Lang = "nb"  # the help's language, set by _parser
        self.choices = dict.fromkeys(c.name for c in LISTED)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        """Build the chosen command's parser (once), then parse its arguments with it."""
        assert isinstance(values, list)  # noqa: S101 - argparse gives the command and the rest
        name = values[0]
        if name not in self._name_parser_map:
            self._add(command(name))
        super().__call__(parser, namespace, values, option_string)

    def _add(self, chosen: Command) -> None:
        lang = self.lang
        common = Parser(add_help=False, lang=lang)
        common.add_argument(
            "--lang",
            choices=LANGS,
            default=_help_lang(()),
            help=text("cli.option.lang", lang),
        )
        common.add_argument("--quiet", action="store_true", help=text("cli.option.quiet", lang))
        parents = [common]
        if chosen.dated:
            dated = Parser(add_help=False, lang=lang)
            dated.add_argument(
                "--as-of",
                type=date_reader(lang),
                metavar="DATE",
                help=text("cli.option.as_of", lang),
            )
            dated.add_argument("--cohort", metavar="ID", help=text("cli.option.cohort", lang))
            parents.append(dated)
        sub = self.add_parser(
            chosen.name,
            epilog=text(chosen.exits, lang),
            parents=parents,
            description=text(f"cli.{chosen.name}.description", lang),
            lang=lang,
        )
        _add_output_arguments(sub, chosen, lang)
        chosen.add_arguments(sub, lang)


class _TopParser(Parser):
    """The ``mbprogram`` parser, whose help lists the commands by group.

    The groups (their titles, their commands and summaries) are made when the
    help is shown: a command that runs never shows them.
    """

    def __init__(
        self, *, groups: Callable[[], Sequence[tuple[str, Sequence[tuple[str, str]]]]], **kw: Any
    ) -> None:
        super().__init__(**kw)
        self.groups = groups

    def format_help(self) -> str:
        """The help: usage, description and options, the commands by group, the epilog."""
        epilog, self.epilog = self.epilog, None
        try:
            head = super().format_help()
        finally:
            self.epilog = epilog
        formatter = self.formatter_class(prog=self.prog)
        for title, commands in self.groups():
            formatter.start_section(title)
            for name, summary in commands:
                formatter.add_argument(argparse.Action((), name, help=summary, metavar=name))
            formatter.end_section()
        formatter.add_text(epilog)
        return f"{head}\n{formatter.format_help()}"


class _Version(argparse.Action):
    """``--version``: print ``mbprogram <version>`` and exit; the version is looked up only then."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"mbprogram {_version()}")
        parser.exit()


def _version() -> str:
    """The package's own ``__version__`` (a test holds it to the installed metadata and pyproject).

    Read from :mod:`mbprogram.version` rather than ``importlib.metadata``, which
    costs a scan of the installed distributions.
    """
    from mbprogram.version import __version__  # noqa: PLC0415

    return __version__


def _help_lang(arguments: Sequence[str]) -> Lang:
    """The language asked for: ``--lang`` if given and known, else ``MBPROGRAM_LANG``, else nb."""
    asked = os.environ.get("MBPROGRAM_LANG", "nb")
    for a, b in itertools.pairwise(["", *arguments]):
        if a == "--lang":
            asked = b
        elif b.startswith("--lang="):
            asked = b.removeprefix("--lang=")
    return "en" if asked == "en" else "nb"


def _parser(lang: Lang) -> argparse.ArgumentParser:
    """The ``mbprogram`` parser; a command's own parser is made once argparse chooses it."""
    parser = _TopParser(
        prog="mbprogram",
        description=text("cli.description", lang),
        epilog=text("cli.epilog", lang),
        groups=lambda: [
            (
                text(f"cli.group.{group}", lang),
                [(c.name, text(c.summary, lang)) for c in LISTED if c.group == group],
            )
            for group in GROUP_ORDER
        ],
        lang=lang,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        default=argparse.SUPPRESS,
        help=text("cli.option.version", lang),
    )
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        help=text("cli.commands", lang),
        parser_class=Parser,
        action=_Commands,
    )
    assert isinstance(commands, _Commands)  # noqa: S101 - the action class given
    commands.lang = lang
    return parser


def _add_output_arguments(parser: argparse.ArgumentParser, command: Command, lang: Lang) -> None:
    """``--format`` with the command's choices, and ``--output`` if it takes one."""
    parser.add_argument(
        "--format",
        choices=command.formats,
        default=command.formats[0],
        help=text("cli.option.output_format" if command.output else "cli.option.format", lang),
    )
    if command.output:
        parser.add_argument(
            "--output", type=Path, metavar="FILE", help=text("cli.option.output", lang)
        )


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    stdout = out or sys.stdout
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(_help_lang(arguments))
    try:
        args = parser.parse_args(arguments)
    except SystemExit as e:  # --help and --version
        return int(e.code or 0)
    except UsageError as e:
        if _wants_json(arguments):
            summary = text("cli.error.wrong_usage", _help_lang(arguments))
            document = {"error": summary, "problems": [{"path": "", "message": str(e)}]}
            print(json.dumps(document, ensure_ascii=False), file=stdout)
        else:
            parser.print_usage(sys.stderr)
            print(e, file=sys.stderr)
        return BAD_INPUT
    with warnings.catch_warnings(record=True) as caught:
        # The library's warnings (a store that others can read) go to stderr, once each.
        warnings.simplefilter("always", UserWarning)
        code = _run(command(args.command).run, args, stdout)
    shown: set[str] = set()
    for w in caught:
        if not w.category.__module__.startswith("mbprogram."):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        elif str(w.message) not in shown:
            shown.add(str(w.message))
            message_in = getattr(w.message, "message_in", None)  # a keyed warning, in any language
            message = message_in(args.lang) if callable(message_in) else w.message
            print(text("cli.warning", args.lang, message=message), file=sys.stderr)
    return code


def _run(handler: Handler, args: argparse.Namespace, stdout: TextIO) -> int:
    """Run a command; every error of the library or the file system is exit code 2.

    With ``--output FILE`` the command prints to a buffer, written to FILE only
    once the command has run (cli/output.py); an error is printed as ever.
    """
    output: Path | None = getattr(args, "output", None)
    try:
        if output is None:
            return handler(args, stdout)
        check_output(args)
        buffer = Buffer()
        code = handler(args, buffer)
        write_buffer(buffer, output)
    except ValidationError as e:
        _problems(e, args, stdout)
        return BAD_INPUT
    except MbprogramError as e:
        _fail(e.message_in(args.lang), args, stdout)
        return BAD_INPUT
    except UsageError as e:
        _fail(str(e), args, stdout)
        return BAD_INPUT
    except OSError as e:
        reason = os_reason(e)
        shown = text(reason, args.lang) if isinstance(reason, Term) else reason
        _fail(f"{e.filename or ''}: {shown}".lstrip(": "), args, stdout)
        return BAD_INPUT
    return code


def _wants_json(arguments: list[str]) -> bool:
    """Whether the (unparsable) command line asked for JSON output."""
    pairs = itertools.pairwise(arguments)
    return "--format=json" in arguments or any(a == "--format" and b == "json" for a, b in pairs)


def _problems(error: ValidationError, args: argparse.Namespace, stdout: TextIO) -> None:
    """Every problem, in the language asked for where the catalogue has its message."""
    lang: Lang = args.lang
    summary = error.summary_in(lang) or text("cli.error.invalid_input", lang)
    problems = _problem_documents(error, lang)
    if args.format == "json":
        document = {"error": summary, "problems": problems}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    else:
        print(f"mbprogram: {summary}", file=sys.stderr)
        for p in problems:
            code = f"[{p['code']}] " if "code" in p else ""
            where = f"{shown_path(p['path'], lang)}: " if p["path"] else ""
            print(f"  {code}{where}{p['message']}", file=sys.stderr)


def _problem_documents(error: ValidationError, lang: Lang) -> list[dict[str, str]]:
    """Every problem's path, its message in ``lang``, and its code if the rule it breaks has one."""
    return [
        {
            "path": str(p.path),
            "message": p.message_in(lang),
            **({"code": p.code} if p.code else {}),
        }
        for p in error.problems
    ]


def _fail(message: str, args: argparse.Namespace, stdout: TextIO) -> None:
    if args.format == "json":
        print(json.dumps({"error": message, "problems": []}, ensure_ascii=False), file=stdout)
    else:
        print(f"mbprogram: {message}", file=sys.stderr)


class _ReaderMayStop:
    """Standard output for a reader that may stop reading (``| head``): not an error.

    Once the pipe is closed, what is still written goes to devnull (Python's
    advice, so that the exit does not fail again), and the command runs to its
    end, so its exit code is still the findings' (docs/cli.md, Exit codes).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def _reader_stopped(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)

    def write(self, written: str) -> int:
        """Write to standard output; to devnull once the reader has stopped."""
        try:
            return self._stream.write(written)
        except BrokenPipeError:
            self._reader_stopped()
            return len(written)

    def flush(self) -> None:
        """Flush standard output; to devnull once the reader has stopped."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._reader_stopped()
            self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def run() -> None:
    """The console-script entry point: the exit code is the command's, even under ``| head``."""
    stdout = _ReaderMayStop(sys.stdout)
    code = main(out=cast("TextIO", stdout))
    stdout.flush()
    sys.exit(code)
