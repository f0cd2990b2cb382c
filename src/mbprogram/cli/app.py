"""The ``mbprogram`` parser and its run: one command from the command modules, errors as exit 2.

The parser is built from the :class:`~mbprogram.cli.common.Command` values of
the command modules (``_GROUPS``), with every help text from the catalogue in
the language asked for (``--lang``, else ``MBPROGRAM_LANG``, else bokmål).
``mbprogram --help`` lists the commands by the group their module declares
(``GROUP``), under the group's title ``cli.group.<GROUP>``, groups in the
order their first module comes in ``_GROUPS``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO, cast

from mbprogram.catalogue import LANGS, Lang, text
from mbprogram.cli import (
    demo,
    documents,
    hiring,
    history,
    imports,
    lookups,
    records,
    reports,
    sheets,
    stores,
    studies,
)
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

__all__ = ["main", "run"]

#: The modules of commands, in the order ``--help`` lists their groups and commands.
_GROUPS: Final[tuple[CommandModule, ...]] = (
    stores,
    records,
    studies,
    hiring,
    imports,
    sheets,
    lookups,
    reports,
    history,
    documents,
    demo,
)


def _grouped() -> dict[str, list[Command]]:
    """The commands by group, in the order of ``_GROUPS``."""
    groups: dict[str, list[Command]] = {}
    for module in _GROUPS:
        groups.setdefault(module.GROUP, []).extend(module.COMMANDS)
    return groups


class _TopParser(Parser):
    """The ``mbprogram`` parser, whose help lists the commands by group."""

    def __init__(
        self, *, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], **kw: str
    ) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.groups = groups

    def format_help(self) -> str:
        """The help: usage, description and options, the commands by group, the epilog."""
        epilog, self.epilog = self.epilog, None
        try:
            head = super().format_help()
        finally:
            self.epilog = epilog
        formatter = self.formatter_class(prog=self.prog)
        for title, commands in self.groups:
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


def _parser(lang: Lang) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    groups = _grouped()
    parser = _TopParser(
        prog="mbprogram",
        description=text("cli.description", lang),
        epilog=text("cli.epilog", lang),
        groups=[
            (text(f"cli.group.{g}", lang), [(c.name, text(f"cli.{c.name}.help", lang)) for c in cs])
            for g, cs in groups.items()
        ],
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        default=argparse.SUPPRESS,
        help=text("cli.option.version", lang),
    )
    common = Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGS,
        default=_help_lang(()),
        help=text("cli.option.lang", lang),
    )
    common.add_argument("--quiet", action="store_true", help=text("cli.option.quiet", lang))
    dated = Parser(add_help=False)
    dated.add_argument(
        "--as-of", type=date_reader(lang), metavar="DATE", help=text("cli.option.as_of", lang)
    )
    dated.add_argument("--cohort", metavar="ID", help=text("cli.option.cohort", lang))
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        help=text("cli.commands", lang),
        parser_class=Parser,
    )
    handlers: dict[str, Handler] = {}
    for command in itertools.chain.from_iterable(groups.values()):
        sub = commands.add_parser(
            command.name,
            epilog=text(command.exits, lang),
            parents=[common, dated] if command.dated else [common],
            description=text(f"cli.{command.name}.description", lang),
        )
        _add_output_arguments(sub, command, lang)
        command.add_arguments(sub, lang)
        handlers[command.name] = command.run
    return parser, handlers


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
    parser, handlers = _parser(_help_lang(arguments))
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
        code = _run(handlers[args.command], args, stdout)
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
        _fail(f"{e.filename or ''}: {e.strerror or e}".lstrip(": "), args, stdout)
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
