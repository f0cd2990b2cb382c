"""The command that reads the history back (``history``), and the moments the commands take.

``mbprogram history FILE [--record PATH] [--since MOMENT] [--format text|json|csv]``
lists who changed what and when, with the changed part before → after in words
(docs/cli.md). A moment is an ISO date-time (one without a time zone is
Europe/Oslo time) or a bare date: the start of that day for ``--since``, its
end for ``--as-known-at`` (:func:`moment_argument`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import OK, Command, load, print_json

if TYPE_CHECKING:
    from mbprogram.paths import RecordPath

__all__ = ["COMMANDS", "GROUP", "moment_argument", "oslo"]


@functools.cache
def oslo() -> dt.tzinfo:
    """The time zone of a moment given without one, and of a bare date's day: Europe/Oslo.

    Looked up on first use, so that a command that takes a moment but is not
    given one does not read the time-zone database.
    """
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return ZoneInfo("Europe/Oslo")


_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?"
)


def moment_argument(value: str, *, end_of_day: bool, lang: Lang = "en") -> dt.datetime:
    """An argument's moment: an ISO date-time, or a date meaning the start or end of that day.

    A date-time without a time zone, and a bare date's day, are Europe/Oslo time.
    The end of a day is its last microsecond.

    Raises:
        argparse.ArgumentTypeError: for anything else (the value is not quoted back).
    """
    if _DATE.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(text("cli.option.bad_moment", lang)) from None
        time = dt.time.max if end_of_day else dt.time.min
        return dt.datetime.combine(day, time, tzinfo=oslo())
    if not _DATE_TIME.fullmatch(value):
        raise argparse.ArgumentTypeError(text("cli.option.bad_moment", lang))
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.option.bad_moment", lang)) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=oslo())


def _record_argument(lang: Lang) -> Callable[[str], RecordPath]:
    def parse(value: str) -> RecordPath:
        from mbprogram.paths import RecordPath, unparsed_reason  # noqa: PLC0415 - keeps --help fast

        try:
            return RecordPath.parse(value)
        except ValueError as e:
            raise argparse.ArgumentTypeError(
                text("cli.history.bad_record", lang, reason=unparsed_reason(e))
            ) from None

    return parse


def _arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=text("cli.option.file", lang))
    parser.add_argument(
        "--record",
        type=_record_argument(lang),
        metavar="PATH",
        help=text("cli.history.record", lang),
    )
    parser.add_argument(
        "--since",
        type=lambda v: moment_argument(v, end_of_day=False, lang=lang),
        metavar="MOMENT",
        help=text("cli.history.since", lang),
    )


def _history(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.reports.history import HistoryRow, history_rows  # noqa: PLC0415

    register = load(args.file)
    rows = history_rows(register.history, args.lang, record=args.record, since=args.since)
    if args.format == "json":
        print_json({"file": str(args.file), "entries": [r.as_dict() for r in rows]}, stdout)
    elif args.format == "csv":
        from mbprogram.reports.spreadsheet import csv_text  # noqa: PLC0415
        from mbprogram.reports.table import Table  # noqa: PLC0415

        table = Table.of(str(args.file), HistoryRow, rows)
        stdout.write(csv_text([("history", table)], args.lang))
    elif not rows:
        print(text("cli.history.none", args.lang), file=stdout)
    else:
        for row in rows:
            print(f"{_when(row.at, args.lang)}  {row.actor}  {row.action}  {row.path}", file=stdout)
            print(f"    {row.before} → {row.after}", file=stdout)
    return OK


def _when(at: dt.datetime, lang: Lang) -> str:
    local = at.astimezone(oslo())
    return f"{text('history.day', lang, on=local.date())} {local:%H:%M}"


#: The group ``--help`` lists the command under.
GROUP: Final = "reports"
COMMANDS: Final = (Command("history", _arguments, _history, formats=("text", "json", "csv")),)
