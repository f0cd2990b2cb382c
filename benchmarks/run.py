"""Benchmarks: load, validate, save and evaluate synthetic registers of 1,000 to 100,000 students.

Run with ``make bench`` (or ``python benchmarks/run.py 1000 10000``). For each
size it prints, in one table:

* ``json.loads`` of the document: the floor any loader stands on;
* JSON load + full validation (``mbprogram.storage.json_document.loads``),
  as a ratio to the floor (target ≤ 1.5);
* ``json.dumps`` of the same data, and the JSON save (``dumps``) as a ratio
  to it (target ≤ 1.5);
* SQLite save and load;
* the evaluation of every student (target ≥ 100,000 students/s);
* microseconds per student, whose growth from the smallest to the largest
  size shows whether the work is linear (target ≤ 1.2 times);
* the peak memory of each step (``tracemalloc``; it slows the step it
  watches, so the times are measured in a separate, untraced run).

Times are the best of ``--repeat`` runs (default 3; 1 for 100,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import synthetic_register
from benchmarks.timing import best_of
from mbprogram import evaluate_student
from mbprogram.register.aggregate import Register
from mbprogram.storage.json_document import dumps, loads
from mbprogram.storage.sqlite_store import SqliteStore

AS_OF = dt.date(2025, 12, 31)


def peak_mib(step: Callable[[], object]) -> float:
    """The peak memory ``step`` allocates, in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        step()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def evaluate_all(register: Register) -> int:
    """Evaluate every student as of ``AS_OF``; return how many."""
    cohorts = register.cohorts
    n = 0
    for student in register.students.values():
        evaluate_student(cohorts[student.cohort], student, AS_OF)
        n += 1
    return n


def measure(n: int, repeat: int, folder: Path) -> dict[str, float]:
    """Every figure of the table for a register of ``n`` students."""
    register = synthetic_register(n)
    text = dumps(register)
    data = json.loads(text)
    store_path = folder / f"bench-{n}.sqlite"

    def sqlite_save() -> None:
        store_path.unlink(missing_ok=True)
        SqliteStore.open(store_path, create=True).save(register)

    sqlite_save()
    steps: dict[str, Callable[[], object]] = {
        "json.loads": lambda: json.loads(text),
        "load+validate": lambda: loads(text),
        "json.dumps": lambda: json.dumps(data),
        "save": lambda: dumps(register),
        "sqlite save": sqlite_save,
        "sqlite load": lambda: SqliteStore.open(store_path).load(),
        "evaluate": lambda: evaluate_all(register),
    }
    figures: dict[str, float] = {"students": n, "MB": len(text.encode()) / 2**20}
    for name, step in steps.items():
        figures[name] = best_of(repeat, step)
        figures[f"{name} MiB"] = peak_mib(step)
    return figures


def report(rows: list[dict[str, float]]) -> str:
    """The table of every size, with ratios and per-student figures."""
    first = rows[0]
    header = (
        f"{'students':>8} {'doc MB':>7} {'loads s':>8} {'load+val s':>10} {'ratio':>6} "
        f"{'dumps s':>8} {'save s':>7} {'ratio':>6} {'sql save s':>10} {'sql load s':>10} "
        f"{'eval/s':>9} {'µs/student':>10} {'growth':>6} {'peak MiB':>8}"
    )
    lines = [header]
    per_student_first = first["load+validate"] / first["students"] * 1e6
    for r in rows:
        n = r["students"]
        per_student = r["load+validate"] / n * 1e6
        peak = max(v for k, v in r.items() if k.endswith("MiB"))
        lines.append(
            f"{int(n):>8} {r['MB']:>7.1f} {r['json.loads']:>8.3f} {r['load+validate']:>10.3f} "
            f"{r['load+validate'] / r['json.loads']:>6.2f} {r['json.dumps']:>8.3f} "
            f"{r['save']:>7.3f} {r['save'] / r['json.dumps']:>6.2f} {r['sqlite save']:>10.3f} "
            f"{r['sqlite load']:>10.3f} {n / r['evaluate']:>9.0f} {per_student:>10.1f} "
            f"{per_student / per_student_first:>6.2f} {peak:>8.0f}"
        )
    lines.append("")
    lines.append(
        "ratio: load+validate ÷ json.loads (target ≤ 1.5) and save ÷ json.dumps (target ≤ 1.5); "
        "eval/s target ≥ 100,000; µs/student is load+validate per student, growth relative to "
        "the first size (target ≤ 1.2)."
    )
    return "\n".join(lines)


def main() -> None:
    """Measure the sizes given on the command line (default 1,000, 10,000 and 100,000)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            repeat = 1 if n >= 100_000 else args.repeat
            rows.append(measure(n, repeat, Path(folder)))
            print(f"measured {n} students", file=sys.stderr)
    print(report(rows))


if __name__ == "__main__":
    main()
