"""The ``mbprogram`` command: demo, validate, progress, outcomes and import-attendance.

Exit codes (docs/cli.md): 0 no errors; 1 findings of severity error; 2 unreadable
or invalid input, or wrong usage, with every problem printed with its path and
no traceback. ``--format json`` prints one JSON object on standard output;
``--lang nb|en`` picks the message language (default nb). This is the only
place that reads the clock: ``--as-of`` defaults to today.

The command that changes records (``import-attendance``) does it through one
:class:`~mbprogram.services.unit_of_work.UnitOfWork` over the file's repository,
so a conflict (someone else saved in between) is one
:class:`~mbprogram.exceptions.ConflictError` for every kind of file: nothing is
saved and the command exits 2. ``demo`` replaces only a store it wrote itself,
unless ``--force``. The library's warnings (a store that others can read) are
printed on standard error, once each. The adapters (storage, reports, privacy,
the demo) are imported inside the commands that use them, so ``--help`` and
``--version`` load none of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import itertools
import json
import os
import re
import shutil
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TextIO

from mbprogram.exceptions import MbprogramError, ValidationError

if TYPE_CHECKING:
    from mbprogram.register.aggregate import Register
    from mbprogram.rules.findings import Finding, Lang

__all__ = ["main"]

OK: Final = 0
FINDINGS: Final = 1
BAD_INPUT: Final = 2

DEMO_STORE: Final = "mbprogram-demo.sqlite"


class _UsageError(Exception):
    """Wrong usage: a bad argument, an unknown command or cohort."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports wrong usage by raising, so JSON output can say so."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


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
    """The installed package's version, or the source tree's when it is not installed."""
    import importlib.metadata  # noqa: PLC0415 - only for --version

    try:
        return importlib.metadata.version("mbprogram")
    except importlib.metadata.PackageNotFoundError:
        from mbprogram import __version__  # noqa: PLC0415

        return __version__


def _date(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a day in the calendar") from None
    if not _FIRST_DAY <= day <= _LAST_DAY:
        raise argparse.ArgumentTypeError(
            f"expected a date from {_FIRST_DAY} to {_LAST_DAY}, got {text}"
        )
    return day


#: The range of as-of dates the command line accepts.
_FIRST_DAY: Final = dt.date(1900, 1, 1)
_LAST_DAY: Final = dt.date(2999, 12, 31)


_FILE_HELP: Final = "a JSON document (*.json) or an SQLite store"
_EXITS: Final = (
    "Exit codes: 0 no errors, 1 findings of severity error, 2 unreadable or invalid input "
    "or wrong usage. With --format json, one JSON object is printed on standard output."
)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mbprogram",
        description=(
            "Run a training programme for peer workers with lived experience "
            "(medarbeider med brukererfaring): check students' progress against the "
            "programme's rules, follow graduates into work, keep the records."
        ),
        epilog=(
            "FILE is a JSON document (.json) or an SQLite store (.sqlite). Exit codes: "
            "0 no errors, 1 findings of severity error, 2 unreadable or invalid input."
        ),
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, default=argparse.SUPPRESS, help="show the version"
    )
    common = _Parser(add_help=False)
    common.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    common.add_argument(
        "--lang", choices=("nb", "en"), default="nb", help="message language (default nb)"
    )
    dated = _Parser(add_help=False)
    dated.add_argument(
        "--as-of", type=_date, metavar="DATE", help="evaluate as of this day (default today)"
    )
    dated.add_argument("--cohort", metavar="ID", help="only this cohort")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        epilog=_EXITS,
        parents=[common, dated],
        help="build a realistic synthetic register in a local store and show it",
        description=(
            "Build two synthetic cohorts (Bergen 2010 and 2015 rules), their placements, "
            "graduates and hires in an SQLite store, then print the cohort progress, the "
            "outcomes and commands to explore the store further. Everyone in it is made up."
        ),
    )
    demo.add_argument(
        "--store",
        type=Path,
        default=Path(DEMO_STORE),
        help=f"where to write the store (default ./{DEMO_STORE}; replaced if the demo wrote it)",
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace the store even if it holds records the demo did not write",
    )
    validate = commands.add_parser(
        "validate",
        epilog=_EXITS,
        parents=[common],
        help="check that a file loads and keeps every rule",
        description="Load FILE and check every record and rule; list every problem with its path.",
    )
    validate.add_argument("file", type=Path, metavar="FILE", help=_FILE_HELP)
    progress = commands.add_parser(
        "progress",
        epilog=_EXITS,
        parents=[common, dated],
        help="each student's progress and unmet requirements",
        description=(
            "Evaluate every student (of --cohort) as of --as-of: theory hours, practice weeks, "
            "literature, assignment, what is missing, and the forecast's outlook (complete, "
            "on-track, at-risk, unreachable) if the student attends everything planned. "
            "Exits 1 if any student shown has an unmet requirement."
        ),
    )
    progress.add_argument("file", type=Path, metavar="FILE", help=_FILE_HELP)
    progress.add_argument(
        "--outlook",
        action="store_true",
        help="only the students at risk or unable to complete on plan (see docs/rules.md)",
    )
    outcomes = commands.add_parser(
        "outcomes",
        epilog=_EXITS,
        parents=[common, dated],
        help="graduation and employment rates, pathways, percentages, roles",
        description=(
            "Graduation and employment rates per cohort, employment by pathway, position "
            "percentages, permanent share, roles beside the national survey, and the hiring "
            "warnings, as of --as-of."
        ),
    )
    outcomes.add_argument("file", type=Path, metavar="FILE", help=_FILE_HELP)
    importing = commands.add_parser(
        "import-attendance",
        epilog=_EXITS,
        parents=[common],
        help="import an attendance sheet (CSV) into a store, all or nothing",
        description=(
            "Import the attendance sheet CSV into STORE (SQLite store or JSON document). Every "
            "bad row is reported with its row and column and nothing is imported if any row is "
            "bad. Importing the same sheet twice changes nothing the second time. See "
            "docs/csv.md for the layout."
        ),
    )
    importing.add_argument(
        "store", type=Path, metavar="STORE", help="the SQLite store or JSON document to import into"
    )
    importing.add_argument(
        "csv", type=Path, metavar="CSV", help="the attendance sheet (see docs/csv.md)"
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="check every row and say what would change; save nothing",
    )
    importing.add_argument("--cohort", metavar="ID", help="the cohort the sheet belongs to")
    importing.add_argument("--actor", help="who imports, for the history (default: the login name)")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    stdout = out or sys.stdout
    parser = _parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as e:  # --help and --version
        return int(e.code or 0)
    except _UsageError as e:
        if _wants_json(arguments):
            document = {"error": "wrong usage", "problems": [{"path": "", "message": str(e)}]}
            print(json.dumps(document, ensure_ascii=False), file=stdout)
        else:
            parser.print_usage(sys.stderr)
            print(e, file=sys.stderr)
        return BAD_INPUT
    with warnings.catch_warnings(record=True) as caught:
        # The library's warnings (a store that others can read) go to stderr, once each.
        warnings.simplefilter("always", UserWarning)
        code = _run(_HANDLERS[args.command], args, stdout)
    shown: set[str] = set()
    for w in caught:
        if not w.category.__module__.startswith("mbprogram."):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        elif str(w.message) not in shown:
            shown.add(str(w.message))
            print(f"mbprogram: warning: {w.message}", file=sys.stderr)
    return code


def _run(
    handler: Callable[[argparse.Namespace, TextIO], int], args: argparse.Namespace, stdout: TextIO
) -> int:
    """Run a command; every error of the library or the file system is exit code 2."""
    try:
        return handler(args, stdout)
    except BrokenPipeError:  # the reader stopped reading (``| head``): not an error
        raise
    except ValidationError as e:
        _problems(e, args, stdout)
        return BAD_INPUT
    except (MbprogramError, _UsageError) as e:
        _fail(str(e), args, stdout)
        return BAD_INPUT
    except OSError as e:
        _fail(f"{e.filename or ''}: {e.strerror or e}".lstrip(": "), args, stdout)
        return BAD_INPUT


def _wants_json(arguments: list[str]) -> bool:
    """Whether the (unparsable) command line asked for JSON output."""
    pairs = itertools.pairwise(arguments)
    return "--format=json" in arguments or any(a == "--format" and b == "json" for a, b in pairs)


def _problems(error: ValidationError, args: argparse.Namespace, stdout: TextIO) -> None:
    if args.format == "json":
        document = {
            "error": error.summary or "invalid input",
            "problems": [{"path": p.path, "message": p.message} for p in error.problems],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    else:
        print(f"mbprogram: {error.summary or 'invalid input'}", file=sys.stderr)
        for p in error.problems:
            print(f"  {p}", file=sys.stderr)


def _fail(message: str, args: argparse.Namespace, stdout: TextIO) -> None:
    if args.format == "json":
        print(json.dumps({"error": message, "problems": []}, ensure_ascii=False), file=stdout)
    else:
        print(f"mbprogram: {message}", file=sys.stderr)


def _as_of(args: argparse.Namespace) -> dt.date:
    return args.as_of or dt.date.today()  # noqa: DTZ011 - the command line reads the clock


def _check_cohort(register: Register, cohort: str | None) -> None:
    from mbprogram.model.validators import is_record_id  # noqa: PLC0415

    if cohort is not None and cohort not in register.cohorts:
        known = ", ".join(register.cohorts) or "none"
        # what was typed is quoted only if it is an id: it may be a name typed in the wrong place
        named = repr(cohort) if is_record_id(cohort) else "(not shown: not a valid id)"
        raise _UsageError(f"no cohort {named} in the file (cohorts: {known})")


def _load(path: Path) -> Register:
    from mbprogram.storage.files import load  # noqa: PLC0415 - keeps --help fast

    return load(path)


# -- the commands ---------------------------------------------------------------------------


def _validate(args: argparse.Namespace, stdout: TextIO) -> int:
    register = _load(args.file)
    summary = {
        "file": str(args.file),
        "valid": True,
        "cohorts": len(register.cohorts),
        "students": len(register.students),
        "host_units": len(register.host_units),
        "employments": len(register.employments),
        "changes": len(register.history),
    }
    if args.format == "json":
        print(json.dumps(summary, indent=2), file=stdout)
    else:
        print(
            f"{args.file}: valid ({summary['cohorts']} cohorts, {summary['students']} students, "
            f"{summary['host_units']} host units, {summary['employments']} employments, "
            f"{summary['changes']} changes in the history)",
            file=stdout,
        )
    return OK


def _progress(args: argparse.Namespace, stdout: TextIO) -> int:
    register = _load(args.file)
    _check_cohort(register, args.cohort)
    return _print_progress(
        register, _as_of(args), args.cohort, args.format, args.lang, stdout, needs_help=args.outlook
    )


def _print_progress(
    register: Register,
    as_of: dt.date,
    cohort: str | None,
    fmt: str,
    lang: Lang,
    stdout: TextIO,
    *,
    needs_help: bool = False,
) -> int:
    from mbprogram.reports.progress import progress_document, progress_table  # noqa: PLC0415

    document = progress_document(register, as_of, cohort=cohort, lang=lang, needs_help=needs_help)
    students = document["students"]
    wide = document["findings"]
    assert isinstance(students, list)  # noqa: S101 - the shape progress_document makes
    assert isinstance(wide, list)  # noqa: S101
    errors = any(f["severity"] == "error" for s in students for f in s["findings"]) or any(
        f["severity"] == "error" for f in wide
    )
    if fmt == "json":
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
        return FINDINGS if errors else OK
    cohorts = [cohort] if cohort else list(register.cohorts)
    for c in cohorts:
        table = progress_table(register, as_of, cohort=c, needs_help=needs_help)
        print(table.to_text(), file=stdout)
        print(file=stdout)
    shown = [f for s in students for f in (*s["findings"], *s["forecast"]["findings"])]
    _print_findings([*wide, *shown], lang, stdout)
    return FINDINGS if errors else OK


def _print_findings(findings: Sequence[dict[str, str]], lang: Lang, stdout: TextIO) -> None:
    if not findings:
        print("No findings." if lang == "en" else "Ingen funn.", file=stdout)
        return
    print("Findings:" if lang == "en" else "Funn:", file=stdout)
    for f in findings:
        print(f"  {f['severity']:7} {f['code']:32} {f['path']}", file=stdout)
        print(f"          {f['message']}", file=stdout)


def _outcomes(args: argparse.Namespace, stdout: TextIO) -> int:
    register = _load(args.file)
    _check_cohort(register, args.cohort)
    return _print_outcomes(register, _as_of(args), args.cohort, args.format, args.lang, stdout)


def _outcomes_document(
    register: Register, as_of: dt.date, cohort: str | None, lang: Lang
) -> dict[str, object]:
    from mbprogram.reports.outcomes import outcomes_report  # noqa: PLC0415
    from mbprogram.reports.progress import finding_document  # noqa: PLC0415

    report = outcomes_report(register, as_of, cohorts=[cohort] if cohort else None)
    return {
        "as_of": as_of.isoformat(),
        **{name: getattr(report, name).as_dicts() for name in _OUTCOME_TABLES},
        "people": report.people,
        "part_time_share": _float(report.part_time_share),
        "under_half_share": _float(report.under_half_share),
        "permanent_share": _float(report.permanent_share),
        "findings": [finding_document(f, lang) for f in _warnings(register, as_of, cohort)],
    }


def _warnings(register: Register, as_of: dt.date, cohort: str | None) -> tuple[Finding, ...]:
    return register.hiring_findings(as_of, cohorts=[cohort] if cohort else None)


def _print_outcomes(
    register: Register, as_of: dt.date, cohort: str | None, fmt: str, lang: Lang, stdout: TextIO
) -> int:
    from mbprogram.reports.outcomes import outcomes_report  # noqa: PLC0415
    from mbprogram.reports.progress import finding_document  # noqa: PLC0415

    warnings = _warnings(register, as_of, cohort)
    if fmt == "json":
        document = _outcomes_document(register, as_of, cohort, lang)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    else:
        report = outcomes_report(register, as_of, cohorts=[cohort] if cohort else None)
        print(report.to_text(), file=stdout)
        print(file=stdout)
        _print_findings([finding_document(f, lang) for f in warnings], lang, stdout)
    return FINDINGS if any(f.is_error for f in warnings) else OK


_OUTCOME_TABLES: Final = ("cohorts", "after_one_year", "pathways", "bands", "roles")


def _float(x: object) -> float | None:
    return None if x is None else float(x)  # type: ignore[arg-type]


def _import_attendance(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.values import Stamp  # noqa: PLC0415
    from mbprogram.services.unit_of_work import UnitOfWork  # noqa: PLC0415
    from mbprogram.storage import attendance_csv  # noqa: PLC0415
    from mbprogram.storage.repositories import repository_for  # noqa: PLC0415

    by = Stamp(args.actor or _login(), dt.datetime.now(dt.UTC))
    # The unit of work saves only if the sheet changed something, with the
    # revision it loaded: if someone saved in between, ConflictError, and
    # nothing is saved (the same for a store and a document).
    with UnitOfWork(repository_for(args.store)) as work:
        _check_cohort(work.register, args.cohort)
        result = attendance_csv.import_attendance(
            work.register, args.csv, by=by, cohort=args.cohort, dry_run=args.dry_run
        )
        if not result.dry_run:
            work.commit()
    if args.format == "json":
        print(json.dumps(result.as_dict(), indent=2), file=stdout)
    else:
        print(f"{args.csv} -> {args.store}: {result}", file=stdout)
    return OK


def _command() -> str:
    """How the user can run this command: ``mbprogram`` if on the PATH, else its path."""
    script = Path(sys.executable).parent / "mbprogram"
    found = shutil.which("mbprogram")
    if found is None and script.exists():
        return os.path.relpath(script) if script.is_relative_to(Path.cwd()) else str(script)
    return "mbprogram"


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "mbprogram"


def _demo(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.demo import build_demo_register  # noqa: PLC0415
    from mbprogram.reports.progress import progress_document  # noqa: PLC0415
    from mbprogram.storage.files import save_demo_store  # noqa: PLC0415

    register = build_demo_register()
    store: Path = args.store
    # A store, whatever its name; one that the demo did not write is replaced only with --force.
    save_demo_store(register, store, force=args.force)
    as_of = _as_of(args)
    if args.format == "json":
        document = {
            "store": str(store.resolve()),
            "progress": progress_document(register, as_of, cohort=args.cohort, lang=args.lang),
            "outcomes": _outcomes_document(register, as_of, args.cohort, args.lang),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
        return OK
    print(f"Wrote a synthetic demo register to {store.resolve()}", file=stdout)
    print(f"(everyone in it is made up; evaluated as of {as_of.isoformat()})\n", file=stdout)
    _print_progress(register, as_of, args.cohort, "text", args.lang, stdout)
    print(file=stdout)
    _print_outcomes(register, as_of, args.cohort, "text", args.lang, stdout)
    print("\nTry next:", file=stdout)
    command = _command()
    for line in (
        f"{command} validate {store}",
        f"{command} progress {store} --cohort MB-2025 --as-of 2025-06-30 --lang en",
        f"{command} progress {store} --format json",
        f"{command} outcomes {store} --as-of 2026-06-30",
    ):
        print(f"  {line}", file=stdout)
    return OK


_HANDLERS: Final[dict[str, Callable[[argparse.Namespace, TextIO], int]]] = {
    "demo": _demo,
    "validate": _validate,
    "progress": _progress,
    "outcomes": _outcomes,
    "import-attendance": _import_attendance,
}


def run() -> None:
    """The console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python's advice: point stdout at devnull so the exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = OK
    sys.exit(code)
