"""Benchmark: the memory an attendance import takes, as the sheet grows to a million rows.

Run with ``python benchmarks/import_memory.py`` (sizes as arguments, default
``10000 100000 1000000``). For each size it writes a sheet of that many rows
to a temporary file and imports it (``--dry-run``, so every row is checked and
applied to a copy, and the register is left as it was) into a synthetic
register of 100 students (``benchmarks/generate.py``), printing

* the wall time and the rows per second (untraced);
* the peak memory the import allocates (``tracemalloc``, in a second run),
  beyond the register itself.

The rows cycle over every student and session of the register, each time
with the same mark, so the register's own changes stop growing after the first
cycle: what grows with the rows is only what the reader and the import keep.
The target (issue 10) is a peak under 300 MB at a million rows; streaming the
sheet keeps it flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import synthetic_register
from mbprogram import Stamp
from mbprogram.register.aggregate import Register
from mbprogram.storage.attendance_csv import import_attendance

BY = Stamp("benchmark", dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC))
TARGET_MIB = 300


def write_sheet(register: Register, rows: int, path: Path) -> None:
    """A sheet of ``rows`` rows cycling over every (student, session) of ``register``."""
    pairs = [
        (student.id, session.id)
        for student in register.students.values()
        for session in register.cohorts[student.cohort].sessions
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("deltaker;økt;timer;merknad\r\n")
        for n in range(rows):
            student, session = pairs[n % len(pairs)]
            f.write(f"{student};{session};2,5;rad {n}\r\n")


def measure(register: Register, rows: int, folder: Path) -> tuple[float, float]:
    """Seconds for the import, and the peak MiB it allocates."""
    sheet = folder / f"sheet-{rows}.csv"
    write_sheet(register, rows, sheet)
    gc.collect()
    start = time.perf_counter()
    result = import_attendance(register, sheet, by=BY, dry_run=True)
    seconds = time.perf_counter() - start
    if result.rows != rows:
        raise RuntimeError(f"read {result.rows} rows of {rows}")
    gc.collect()
    tracemalloc.start()
    try:
        import_attendance(register, sheet, by=BY, dry_run=True)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    sheet.unlink()
    return seconds, peak


def main() -> None:
    """Print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    register = synthetic_register(100)
    print(f"{'rows':>10}  {'seconds':>8}  {'rows/s':>9}  {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as directory:
        for rows in args.sizes:
            seconds, peak = measure(register, rows, Path(directory))
            print(f"{rows:>10}  {seconds:>8.1f}  {rows / seconds:>9.0f}  {peak:>9.1f}")
    print(f"target: a peak under {TARGET_MIB} MiB at 1,000,000 rows, flat as the rows grow")


if __name__ == "__main__":
    main()
