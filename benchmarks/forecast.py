"""Benchmark: progress over time and the forecast of a cohort of 20 (docs/rules.md, Forecast).

Run with ``python benchmarks/forecast.py`` (``make bench`` runs it too). On
the synthetic register of ``benchmarks/generate.py`` (cohorts of 20 with 40
weekly sessions and one to three placements each) it measures, best of
``--repeat`` runs:

* ``progress_over_time`` of one cohort at 52 weekly dates (target: well under
  a second), recorded only and with the forecast after midsummer;
* ``forecast_cohort`` of that cohort, and of every cohort of a register of
  ``--students`` students, per student.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import YEAR_START, synthetic_register
from benchmarks.timing import best_of
from mbprogram import forecast_cohort
from mbprogram.reports.over_time import progress_over_time

WEEKLY = [YEAR_START + dt.timedelta(weeks=n) for n in range(52)]
MIDSUMMER = dt.date(2025, 6, 30)


def main() -> None:
    """Print the figures of the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--students", type=int, default=10_000)
    args = parser.parse_args()
    cohort_of_20 = synthetic_register(20)
    (cohort,) = cohort_of_20.cohorts
    rows = len(progress_over_time(cohort_of_20, cohort, WEEKLY))
    recorded = best_of(args.repeat, lambda: progress_over_time(cohort_of_20, cohort, WEEKLY))
    planned = best_of(
        args.repeat,
        lambda: progress_over_time(cohort_of_20, cohort, WEEKLY, forecast_from=MIDSUMMER),
    )
    one = best_of(args.repeat, lambda: forecast_cohort(cohort_of_20, cohort, MIDSUMMER))
    big = synthetic_register(args.students)

    def forecast_all() -> None:
        for c in big.cohorts:
            forecast_cohort(big, c, MIDSUMMER)

    everyone = best_of(1, forecast_all)
    print(f"progress_over_time, 20 students x 52 weekly dates ({rows} rows):")
    print(f"  recorded only                      {recorded * 1000:8.1f} ms")
    print(f"  forecast after {MIDSUMMER}         {planned * 1000:8.1f} ms")
    print(f"forecast_cohort, 20 students         {one * 1000:8.1f} ms")
    print(
        f"forecast_cohort, every cohort of {args.students} students: {everyone:.2f} s "
        f"({everyone / args.students * 1e6:.0f} µs a student)"
    )


if __name__ == "__main__":
    main()
