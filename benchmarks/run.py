"""Benchmarks: every speed target of docs/performance.md, each as value, target and PASS or FAIL.

Run with ``make bench`` (1,000, 10,000 and 100,000 students) or ``make
bench-quick`` (1,000 and 10,000; under two minutes). Sizes can be given:
``python benchmarks/run.py 1000 10000``. Every ratio is measured in one run,
so the noise of a busy machine falls on both sides of it alike.

It prints one line per target (value, target, PASS/FAIL) and, below the
targets, the limits (``limit`` lines): the same work with nothing but its
unavoidable part (parsing plus bare records; making the result records), so a
target that is missed can be read against what the object model allows.
docs/performance.md says how to read the table.

Times are the best of ``--repeat`` runs (default 3; 1 at 100,000 students),
with the collector in its normal state, as a user calls the functions. The
first evaluation of a loaded register (``cold``) includes making each
student's running sums; later ones (``warm``) read them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import YEAR_START, synthetic_register
from benchmarks.import_time import FLOOR, best_wall_s, the_command
from benchmarks.limits import (
    bare_build,
    progress_records,
    result_fields,
    result_records,
    visit_students,
)
from benchmarks.timing import best_of
from mbprogram.register.aggregate import Register
from mbprogram.rules.cohort import evaluate_register
from mbprogram.storage.json_document import dumps, loads
from mbprogram.storage.sqlite_store import SqliteStore

AS_OF = dt.date(2025, 12, 31)
WEEKLY = [YEAR_START + dt.timedelta(weeks=n) for n in range(52)]
LINEAR_SIZES = (1_000, 8_000)
#: What ``mbprogram progress`` imports before it reads anything, imported as the
#: command does (``mbprogram.cli.run``): with the collector run seldom, and what
#: is left frozen at the end.
PROGRESS_IMPORTS = (
    "import gc; from mbprogram.cli import COLLECT_EVERY; "
    "gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:]); "
    "import mbprogram.cli.app, mbprogram.cli.reports, mbprogram.storage.files, "
    "mbprogram.storage.sqlite_store, mbprogram.reports.progress; "
    "gc.freeze()"
)


@attrs.frozen
class Line:
    """One line of the table: a target (``ok`` is PASS/FAIL) or a limit (``ok`` is None)."""

    name: str
    value: str
    target: str
    ok: bool | None

    def __str__(self) -> str:
        verdict = "limit" if self.ok is None else ("PASS" if self.ok else "FAIL")
        return f"{self.name:<52} {self.value:>14}  {self.target:<14} {verdict}"


def at_most(name: str, value: float, limit: float, unit: str = "x") -> Line:
    """A target the value must not exceed."""
    return Line(name, f"{value:.2f} {unit}", f"≤ {limit:g} {unit}", value <= limit)


def at_least(name: str, value: float, limit: float, unit: str) -> Line:
    """A target the value must reach."""
    return Line(name, f"{value:,.0f} {unit}", f"≥ {limit:,.0f} {unit}", value >= limit)


def limit(name: str, value: float, unit: str = "x") -> Line:
    """A limit figure: no verdict."""
    return Line(name, f"{value:,.2f} {unit}", "", None)


def peak_mib(step: Callable[[], object]) -> float:
    """The peak memory ``step`` allocates, in MiB (``tracemalloc``)."""
    gc.collect()
    tracemalloc.start()
    try:
        step()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def cold_and_warm(text: str, repeat: int) -> tuple[float, float, Register]:
    """Seconds for the first evaluation of a freshly loaded register, and for a later one."""
    cold = []
    for _ in range(repeat):
        register = loads(text)  # new records: no running sums yet
        gc.collect()
        start = time.perf_counter()
        evaluate_register(register, AS_OF)
        cold.append(time.perf_counter() - start)
    warm = best_of(repeat, lambda: evaluate_register(register, AS_OF))
    return min(cold), warm, register


@functools.cache
def document(n: int) -> str:
    """The JSON document of ``synthetic_register(n)`` (made once per size)."""
    return dumps(synthetic_register(n))


def store_of(n: int, folder: Path) -> Path:
    """An SQLite store of ``synthetic_register(n)`` in ``folder`` (made once per size)."""
    store = folder / f"bench-{n}.sqlite"
    if not store.exists():
        SqliteStore.open(store, create=True).save(loads(document(n)))
    return store


def bulk(n: int, repeat: int, folder: Path) -> dict[str, float]:
    """Load, save, SQLite, evaluation and memory figures at ``n`` students."""
    text = document(n)
    data = json.loads(text)
    store = store_of(n, folder)
    figures = {
        "json.loads": best_of(repeat, lambda: json.loads(text)),
        "load": best_of(repeat, lambda: loads(text)),
        "bare": best_of(repeat, lambda: bare_build(json.loads(text))),
        "json.dumps": best_of(repeat, lambda: json.dumps(data)),
        "sqlite load": best_of(repeat, lambda: SqliteStore.open(store).load()),
    }
    loaded = loads(text)
    figures["save"] = best_of(repeat, lambda: dumps(loaded))
    cold, warm, evaluated = cold_and_warm(text, repeat)
    fields = result_fields(evaluate_register(evaluated, AS_OF))
    figures["cold"], figures["warm"] = cold, warm
    figures["records"] = best_of(repeat, lambda: result_records(fields))
    students = [evaluated.students_of(c) for c in evaluated.cohorts]
    figures["visit"] = best_of(repeat, lambda: visit_students(students))
    figures["json.loads MiB"] = peak_mib(lambda: json.loads(text))
    figures["load MiB"] = peak_mib(lambda: loads(text))
    return figures


def bulk_lines(n: int, f: dict[str, float], first: dict[str, float] | None) -> list[Line]:
    """The targets and limits of one size (``first``: the figures of the smallest size)."""
    lines = [
        at_most(f"{n:>7,}: load + full validation ÷ json.loads", f["load"] / f["json.loads"], 2.5),
        limit(f"{n:>7,}:   json.loads + bare records ÷ json.loads", f["bare"] / f["json.loads"]),
        at_most(f"{n:>7,}: save ÷ json.dumps", f["save"] / f["json.dumps"], 2),
        at_most(f"{n:>7,}: SQLite load ÷ JSON load", f["sqlite load"] / f["load"], 1.2),
        at_least(f"{n:>7,}: evaluation, first (cold)", n / f["cold"], 100_000, "students/s"),
        at_least(f"{n:>7,}: evaluation, again (warm)", n / f["warm"], 100_000, "students/s"),
        limit(f"{n:>7,}:   result records alone", n / f["records"], "students/s"),
        at_most(
            f"{n:>7,}: peak memory of a load ÷ json.loads", f["load MiB"] / f["json.loads MiB"], 2
        ),
    ]
    if first is not None:
        m = first["students"]
        per = {k: f[k] / n for k in ("load", "cold", "warm", "visit")}
        per_first = {k: first[k] / m for k in ("load", "cold", "warm", "visit")}
        for key, what in (
            ("load", "load"),
            ("cold", "evaluation (cold)"),
            ("warm", "evaluation (warm)"),
        ):
            lines.append(
                at_most(
                    f"{n:>7,}: µs/student of {what} ÷ at {int(m):,}", per[key] / per_first[key], 1.2
                )
            )
        lines.append(
            limit(
                f"{n:>7,}:   µs/student of visiting each student ÷ at {int(m):,}",
                per["visit"] / per_first["visit"],
            )
        )
    return lines


def linear_lines(folder: Path, command: str, repeat: int) -> list[Line]:
    """``evaluate_register`` and ``mbprogram progress`` per student at 8,000 against 1,000."""
    per_eval, per_cli = [], []
    for n in LINEAR_SIZES:
        text = document(n)
        store = store_of(n, folder)
        cold, _, _ = cold_and_warm(text, repeat)
        per_eval.append(cold / n)
        args = [command, "progress", str(store), "--format", "json", "--as-of", AS_OF.isoformat()]
        per_cli.append(wall_s(args) / n)
    small, big = LINEAR_SIZES
    return [
        at_most(
            f"evaluate_register µs/student at {big:,} ÷ at {small:,}",
            per_eval[1] / per_eval[0],
            1.2,
        ),
        at_most(
            f"mbprogram progress s/student at {big:,} ÷ at {small:,}", per_cli[1] / per_cli[0], 1.2
        ),
    ]


def wall_s(command: Sequence[str]) -> float:
    """The wall time of one run of ``command`` (exit code 0 or 1), in seconds."""
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)  # noqa: S603
    return time.perf_counter() - start


def cli_lines(folder: Path, command: str, repeat: int) -> list[Line]:
    """``--help``, ``--version`` and ``progress`` on the demo store against the floor.

    As in ``benchmarks/import_time.py``, the interpreters write their bytecode
    to a cache in ``folder`` (each command runs once before it is timed), so
    that a source checkout, or an environment with ``PYTHONDONTWRITEBYTECODE``
    set, measures what an installed wheel costs rather than the compiling of
    every module.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    demo = folder / "demo.sqlite"
    subprocess.run(  # noqa: S603
        [command, "demo", "--store", str(demo), "--as-of", "2026-06-01"],
        capture_output=True,
        check=True,
        env=env,
    )
    floor = best_wall_s([sys.executable, "-c", FLOOR], repeat, env)
    helps = best_wall_s([command, "--help"], repeat, env)
    version = best_wall_s([command, "--version"], repeat, env)
    progress = best_wall_s(
        [command, "progress", str(demo), "--as-of", "2026-06-01"], repeat, env, ok=(0, 1)
    )
    imports = best_wall_s([sys.executable, "-c", PROGRESS_IMPORTS], repeat, env)
    return [
        limit(f'floor: python -c "{FLOOR}"', floor * 1000, "ms"),
        at_most("mbprogram --help ÷ floor", helps / floor, 1.2),
        at_most("mbprogram --version ÷ floor", version / floor, 1.2),
        at_most("mbprogram progress (demo store) ÷ floor", progress / floor, 2),
        limit("  importing the modules progress runs ÷ floor", imports / floor),
    ]


def many_dates_lines(repeat: int) -> list[Line]:
    """Every student of 1,000 at 52 weekly dates against once, each on a freshly loaded register."""
    text = document(1_000)
    once, many = [], []
    for _ in range(repeat):
        register = loads(text)
        start = time.perf_counter()
        evaluate_register(register, AS_OF)
        once.append(time.perf_counter() - start)
        register = loads(text)
        start = time.perf_counter()
        for day in WEEKLY:
            evaluate_register(register, day)
        many.append(time.perf_counter() - start)
    fields = result_fields(evaluate_register(register, AS_OF))
    records = best_of(repeat, lambda: result_records(fields))
    alone = best_of(repeat, lambda: progress_records(fields))
    best_once = min(once)
    # The evaluation target (100,000 students/s, a first one included) leaves 10 µs a
    # student for the first date; every later date makes at least one record a student.
    at_target = len(fields) / 100_000
    return [
        at_most("1,000 students at 52 dates ÷ at 1 date", min(many) / best_once, 3),
        limit(
            "  (first + 51 x result records alone) ÷ first", (best_once + 51 * records) / best_once
        ),
        limit("  one StudentProgress alone a student", alone / len(fields) * 1e6, "µs"),
        limit(
            "  with a first at 100,000/s: (first + 51 x that) ÷ first",
            (at_target + 51 * alone) / at_target,
        ),
    ]


def progress_line_lines(folder: Path, command: str) -> list[Line]:
    """Whether a long command shows the progress line on a terminal, and only there."""
    from benchmarks.terminal import stderr_of  # noqa: PLC0415 - POSIX only

    store = store_of(LINEAR_SIZES[0], folder)
    args = [command, "progress", str(store), "--format", "json", "--as-of", AS_OF.isoformat()]
    env = {**os.environ, "MBPROGRAM_PROGRESS_DELAY": "0"}  # shown at once: a short run will do
    shown = stderr_of(args, terminal=True, env=env)
    piped = stderr_of(args, terminal=False, env=env)
    quiet = stderr_of([*args, "--quiet"], terminal=True, env=env)
    ok = b"\r" in shown and shown.endswith(b"\r\x1b[K") and not piped and not quiet
    return [
        Line(
            "progress line: on a terminal, not piped, not --quiet", "yes" if ok else "no", "yes", ok
        )
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 students")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = args.sizes or ([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    repeat = 2 if args.quick else args.repeat
    started = time.perf_counter()
    command = the_command()
    lines: list[Line] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        first = None
        for n in sizes:
            f = bulk(n, 1 if n >= 100_000 else repeat, folder)
            f["students"] = n
            lines += bulk_lines(n, f, first)
            first = first or f
            print(f"measured {n:,} students", file=sys.stderr)
        lines += linear_lines(folder, command, repeat)
        lines += many_dates_lines(repeat)
        lines += cli_lines(folder, command, 10)
        lines += progress_line_lines(folder, command)
    elapsed = time.perf_counter() - started
    if args.quick:
        lines.append(at_most("make bench-quick, wall time", elapsed, 120, "s"))
    print(f"{'what':<52} {'value':>14}  {'target':<14} verdict")
    for line in lines:
        print(line)
    met = sum(1 for line in lines if line.ok)
    missed = sum(1 for line in lines if line.ok is False)
    print(f"\ntargets met {met}, missed {missed}, in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
