"""The commands that read a register and report on it: ``validate``, ``progress``, ``outcomes``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.common import (
    FINDINGS,
    OK,
    Command,
    as_of,
    check_cohort,
    load,
    location_argument,
    print_findings,
    print_json,
    progress_line,
    shown,
)
from mbprogram.cli.output import SPREADSHEET_FORMATS, TABLE_FORMATS, print_tables

if TYPE_CHECKING:
    from mbprogram.cli.progress_line import ProgressLine
    from mbprogram.exceptions import Problem
    from mbprogram.register.aggregate import Register
    from mbprogram.reports.progress import ProgressRow
    from mbprogram.reports.table import Table
    from mbprogram.rules.findings import Finding

__all__ = ["COMMANDS", "GROUP", "outcomes_document", "print_outcomes", "print_progress"]


def _file_argument(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "file", type=location_argument, metavar="FILE", help=text("cli.option.file", lang)
    )


def _validate(args: argparse.Namespace, stdout: TextIO) -> int:
    with progress_line(args) as bar:
        register = load(args.file, progress=bar)
    problems = register.history_problems()
    if problems:  # the first entry whose seal or replay fails (docs/cli.md)
        return _history_broken(args, problems, stdout)
    summary = {
        "file": shown(args.file),
        "valid": True,
        "cohorts": len(register.cohorts),
        "students": len(register.students),
        "host_units": len(register.host_units),
        "employments": len(register.employments),
        "changes": len(register.history),
    }
    if args.format == "json":
        print_json(summary, stdout)
    else:
        line = text(
            "cli.validate.valid",
            args.lang,
            file=shown(args.file),
            cohorts=summary["cohorts"],
            students=summary["students"],
            units=summary["host_units"],
            employments=summary["employments"],
            changes=summary["changes"],
        )
        print(line, file=stdout)
        last = register.history[-1].chain if register.history else ""
        key = "cli.validate.history" if last else "cli.validate.history_empty"
        print(f"  {text(key, args.lang, chain=last)}", file=stdout)
    return OK


def _history_broken(args: argparse.Namespace, problems: list[Problem], stdout: TextIO) -> int:
    found = [{"path": p.path, "code": p.code, "message": p.message_in(args.lang)} for p in problems]
    if args.format == "json":
        print_json({"file": shown(args.file), "valid": False, "problems": found}, stdout)
    else:
        for p in found:
            print(f"{shown(args.file)}: {p['path']}: {p['code']}: {p['message']}", file=stdout)
    return FINDINGS


def _progress_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _file_argument(parser, lang)
    parser.add_argument("--outlook", action="store_true", help=text("cli.progress.outlook", lang))
    parser.add_argument(
        "--as-known-at",
        type=lambda v: _moment(v, lang),
        metavar="MOMENT",
        help=text("cli.option.as_known_at", lang),
    )


def _moment(value: str, lang: Lang) -> dt.datetime:
    """``--as-known-at``: the end of a bare date's day (the history's commands read moments)."""
    from mbprogram.cli.history import moment_argument  # noqa: PLC0415 - only when one is given

    return moment_argument(value, end_of_day=True, lang=lang)


def _progress(args: argparse.Namespace, stdout: TextIO) -> int:
    with progress_line(args) as line:
        if args.as_known_at is not None:  # what was known then, rebuilt from the whole history
            register = load(args.file, progress=line).as_known_at(args.as_known_at)
        else:
            register = load(args.file, cohort=args.cohort, progress=line, report=True)
        check_cohort(register, args.cohort, args.lang)
        return print_progress(
            register,
            as_of(args),
            args.cohort,
            args.format,
            args.lang,
            stdout,
            needs_help=args.outlook,
            line=line,
        )


def print_progress(
    register: Register,
    day: dt.date,
    cohort: str | None,
    fmt: str,
    lang: Lang,
    stdout: TextIO,
    *,
    needs_help: bool = False,
    line: ProgressLine | None = None,
) -> int:
    """Print the progress report (text, JSON, CSV or xlsx); exit code 1 if a finding is an error.

    CSV and xlsx hold the table of every student shown (of ``cohort``, or of all
    cohorts), without the findings.

    The evaluation is shown on ``line``, which is erased before the report is printed.
    """
    from mbprogram.reports.progress import progress_document, progress_report  # noqa: PLC0415

    tables: list[Table[ProgressRow]] = []
    if fmt == "json":
        document = progress_document(
            register, day, cohort=cohort, lang=lang, needs_help=needs_help, progress=line
        )
    else:  # the tables and the findings, from one evaluation
        document, tables = progress_report(
            register,
            day,
            cohort=cohort,
            lang=lang,
            needs_help=needs_help,
            by_cohort=fmt not in SPREADSHEET_FORMATS,
            progress=line,
        )
    if line is not None:
        line.close()
    students = document["students"]
    wide = document["findings"]
    assert isinstance(students, list)  # noqa: S101 - the shape progress_document makes
    assert isinstance(wide, list)  # noqa: S101
    errors = any(f["severity"] == "error" for s in students for f in s["findings"]) or any(
        f["severity"] == "error" for f in wide
    )
    if fmt == "json":
        print_json(document, stdout)
        return FINDINGS if errors else OK
    if fmt in SPREADSHEET_FORMATS:
        print_tables([("progress", tables[0])], fmt, lang, stdout)
        return FINDINGS if errors else OK
    for table in tables:
        print(table.to_text(), file=stdout)
        print(file=stdout)
    shown = [f for s in students for f in (*s["findings"], *s["forecast"]["findings"])]
    print_findings([*wide, *shown], lang, stdout)
    return FINDINGS if errors else OK


def _outcomes(args: argparse.Namespace, stdout: TextIO) -> int:
    with progress_line(args) as line:
        register = load(args.file, cohort=args.cohort, progress=line, report=True)
    check_cohort(register, args.cohort, args.lang)
    return print_outcomes(register, as_of(args), args.cohort, args.format, args.lang, stdout)


_OUTCOME_TABLES: Final = ("cohorts", "after_one_year", "pathways", "bands", "roles")


def outcomes_document(
    register: Register, day: dt.date, cohort: str | None, lang: Lang
) -> dict[str, object]:
    """The outcomes report as one JSON-ready document."""
    from mbprogram.reports.outcomes import outcomes_report  # noqa: PLC0415
    from mbprogram.reports.progress import finding_document  # noqa: PLC0415

    report = outcomes_report(register, day, cohorts=[cohort] if cohort else None)
    return {
        "as_of": day.isoformat(),
        **{name: getattr(report, name).as_dicts() for name in _OUTCOME_TABLES},
        "people": report.people,
        "part_time_share": _float(report.part_time_share),
        "under_half_share": _float(report.under_half_share),
        "permanent_share": _float(report.permanent_share),
        "findings": [finding_document(f, lang) for f in _warnings(register, day, cohort)],
    }


def _warnings(register: Register, day: dt.date, cohort: str | None) -> tuple[Finding, ...]:
    return register.hiring_findings(day, cohorts=[cohort] if cohort else None)


def print_outcomes(
    register: Register, day: dt.date, cohort: str | None, fmt: str, lang: Lang, stdout: TextIO
) -> int:
    """Print the outcomes report (text, JSON, CSV or xlsx); exit 1 if a hiring warning is an error.

    CSV and xlsx hold the tables (one sheet each in xlsx), without the warnings.
    """
    from mbprogram.reports.outcomes import outcomes_report  # noqa: PLC0415
    from mbprogram.reports.progress import finding_document  # noqa: PLC0415

    warnings = _warnings(register, day, cohort)
    if fmt == "json":
        print_json(outcomes_document(register, day, cohort, lang), stdout)
    elif fmt in SPREADSHEET_FORMATS:
        report = outcomes_report(register, day, cohorts=[cohort] if cohort else None, lang=lang)
        print_tables([(n, getattr(report, n)) for n in _OUTCOME_TABLES], fmt, lang, stdout)
    else:
        report = outcomes_report(register, day, cohorts=[cohort] if cohort else None, lang=lang)
        print(report.to_text(), file=stdout)
        print(file=stdout)
        print_findings([finding_document(f, lang) for f in warnings], lang, stdout)
    return FINDINGS if any(f.is_error for f in warnings) else OK


def _float(x: object) -> float | None:
    return None if x is None else float(x)  # type: ignore[arg-type]


#: The title ``--help`` lists these commands under: ``cli.group.reports``.
GROUP: Final = "reports"
COMMANDS: Final = (
    Command("validate", _file_argument, _validate),
    Command(
        "progress", _progress_arguments, _progress, dated=True, formats=TABLE_FORMATS, output=True
    ),
    Command("outcomes", _file_argument, _outcomes, dated=True, formats=TABLE_FORMATS, output=True),
)
