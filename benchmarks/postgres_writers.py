"""Benchmark: writers at once on one PostgreSQL store, and reading one cohort of a large one.

Run with ``python benchmarks/postgres_writers.py`` (it starts its own server
with ``tests/postgres_server.py``: needs the PostgreSQL server programs and
the ``postgres`` extra). It prints:

* **writers**: 1 and then 8 processes, each recording attendance for the
  students of its own cohort through :meth:`PostgresStore.change` (one
  serializable transaction per change, on the part of the register its
  cohort needs), for ``--changes`` changes each, or for ``--seconds``
  seconds each (as ``pgbench -T`` runs: all write until the same moment, so
  the rate is that of all of them at once): the total changes per
  second, the ratio of 8 writers' rate to one's (target ≥ 1.6 on 2 cores),
  the retries per change (target < 0.1), the lost updates (every mark
  written is read back, and the history holds one entry per change: target 0)
  and whether the history's chain is whole afterwards (``validate``'s check);
* the rate **while all of them write**: the changes made until the first
  writer has made its last, per second. The rate over the whole run also
  counts its end, when the writers that are left are fewer than the cores
  (one writer and its backend keep about one core busy), and the share of
  the run that end took;
* **other work**: the share of the cores busy with anything but the writers
  and their backends during the run (``/proc/stat``): a run on a machine
  that was not idle reads low, and this says so;
* the CPU time per change of the writer processes and of their database
  backends together, and the rate the cores would allow at that cost with
  ``min(writers, cores)`` cores busy (on a machine shared with other work the
  wall-clock rates measure the share it left, this the work each change takes);
* as a control, trivial round trips (``SELECT 1``) per second from 1 and 8
  processes: how the machine itself scales a workload of round trips;
* **one cohort**: ``mbprogram progress URL --cohort C`` on a store of
  ``--students`` students and on one holding only that cohort, and their
  ratio (target ≤ 1.5).

Times are wall times; the best of ``--repeat`` runs for the reads, the two
stores' runs interleaved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import multiprocessing
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.postgres_server import Server, start

from benchmarks.generate import synthetic_register
from benchmarks.timing import best_of
from mbprogram import Hours, Present, Register, Stamp
from mbprogram.cli.app import main
from mbprogram.model.codes import RuleCode
from mbprogram.storage.postgres_store import PostgresStore

AS_OF = "2025-12-31"
STAMP = Stamp("Benchmark", dt.datetime(2025, 6, 1, tzinfo=dt.UTC))


def _cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` has used, from ``/proc``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _busy_seconds() -> float:
    """The CPU time every core has spent busy since boot (``/proc/stat``), in seconds."""
    user, nice, system, _idle, _iowait, irq, softirq, *_ = map(
        int, Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    )
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _writer(
    url: str, cohort: str, limit: tuple[int, float], start_at: float, out: object, scope: str
) -> None:
    """Record marks for the students of ``cohort`` until ``limit`` (changes, seconds; 0 for no
    limit) is reached; report (cohort, changes, retries, time, CPU, when each was made)."""
    changes, seconds = limit
    with PostgresStore.open(url) as store:
        part = store.load(cohorts=[cohort])
        students = sorted(part.students)
        sessions = [s.id for s in part.cohorts[cohort].sessions]
        backend = store.backend_pid
        while time.time() < start_at:
            time.sleep(0.001)
        began = time.perf_counter()
        cpu = _cpu_seconds(os.getpid()) + _cpu_seconds(backend)
        done: list[float] = []  # when each change was committed, from the start
        while not (changes and len(done) >= changes) and not (seconds and done[-1:] >= [seconds]):
            sid, session, hours = _target(students, sessions, len(done))
            mark = Present(hours)
            store.change(
                lambda r, sid=sid, session=session, mark=mark: r.record_attendance(
                    sid, session, mark, by=STAMP
                ),
                **{scope: [sid if scope == "students" else cohort]},
            )
            done.append(time.perf_counter() - began)
        took = time.perf_counter() - began
        cpu = _cpu_seconds(os.getpid()) + _cpu_seconds(backend) - cpu
        out.put((cohort, len(done), store.retries, took, cpu, done))  # type: ignore[attr-defined]


def _pinger(url: str, count: int, start_at: float, out: object) -> None:
    """``count`` trivial round trips to the server; report the time they took."""
    import psycopg  # noqa: PLC0415

    with psycopg.connect(url, autocommit=True) as db:
        while time.time() < start_at:
            time.sleep(0.001)
        began = time.perf_counter()
        for i in range(count):
            db.execute("SELECT %s::int + 1", (i,)).fetchone()
        out.put(time.perf_counter() - began)  # type: ignore[attr-defined]


def round_trips(server: Server, count: int, each: int = 2000) -> float:
    """Trivial round trips per second of ``count`` processes at once: the machine's own scaling."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    start_at = time.time() + 2.0
    processes = [
        context.Process(target=_pinger, args=(server.url(), each, start_at, out))
        for _ in range(count)
    ]
    for p in processes:
        p.start()
    took = max(out.get(timeout=600) for _ in processes)
    for p in processes:
        p.join()
    return count * each / took


def _target(students: list[str], sessions: list[str], i: int) -> tuple[str, str, Hours]:
    """The ``i``-th change: a student, a session and the hours marked. Each pass over every
    student and session marks the other of 1 and 2 hours, so that no change repeats a mark."""
    cycle = len(students) * len(sessions)
    hours = Hours(1 + (i + i // cycle) % 2)
    return students[i % len(students)], sessions[(i // len(students)) % len(sessions)], hours


def writers(server: Server, count: int, limit: tuple[int, float], scope: str) -> dict[str, float]:
    """``count`` processes at once, each on its own cohort; see the module."""
    url = server.new_store_url()
    register = synthetic_register(20 * count)
    with PostgresStore.open(url, create=True) as store:
        store.save(register)
    cohorts = sorted(register.cohorts)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    start_at = time.time() + 3.0  # every process connected and loaded by then
    processes = [
        context.Process(target=_writer, args=(url, c, limit, start_at, out, scope)) for c in cohorts
    ]
    for p in processes:
        p.start()
    while time.time() < start_at:
        time.sleep(0.001)
    busy = _busy_seconds()
    results = [out.get(timeout=600) for _ in processes]
    busy = _busy_seconds() - busy
    for p in processes:
        p.join()
    wall = max(took for *_, took, _, _ in results)
    total = sum(n for _, n, *_ in results)
    retries = sum(r for _, _, r, *_ in results)
    cpu = sum(c for *_, c, _ in results)
    # while every writer is still writing: until the first one has made its last change
    all_at_once = min(took for *_, took, _, _ in results)
    during = sum(1 for *_, done in results for t in done if t <= all_at_once)
    return {
        "writers": count,
        "changes": total,
        "per_second": total / wall,
        "all_writing": during / all_at_once,
        "share_alone": 1 - all_at_once / wall,
        # the cores' busy time that was not the writers' nor their backends': other work
        "others": max(0.0, busy - cpu) / (wall * (os.cpu_count() or 1)),
        "cpu_ms": 1000 * cpu / total,
        "retries_per_change": retries / total,
        **_lost(url, register, {cohort: n for cohort, n, *_ in results}),
    }


def _lost(url: str, before: Register, made: dict[str, int]) -> dict[str, float]:
    """Marks written but not read back, plus history entries missing; broken seals (0 or 1).

    ``made``: how many changes the writer of each cohort made.
    """
    with PostgresStore.open(url) as store:
        after = store.load()
    lost = 0
    for cohort, changes in made.items():
        students = sorted(s.id for s in before.students.values() if s.cohort == cohort)
        sessions = [s.id for s in before.cohorts[cohort].sessions]
        expected: dict[tuple[str, str], Hours] = {}
        for i in range(changes):
            sid, session, hours = _target(students, sessions, i)
            expected[sid, session] = hours
        for (sid, session), hours in expected.items():
            marks = [a.mark for a in after.students[sid].attendance if a.session == session]
            if marks != [Present(hours)]:
                lost += 1
    lost += abs(len(after.history) - sum(made.values()))
    # the synthetic register is made without a history, so only the seal is checked
    broken = [p for p in after.history_problems() if p.code == RuleCode.HISTORY_CHAIN_BROKEN]
    return {"lost": lost, "broken": len(broken)}


def one_cohort(server: Server, students: int, repeat: int) -> dict[str, float]:
    """``progress --cohort`` on a large store and on a store of that cohort alone."""
    register = synthetic_register(students)
    cohort = sorted(register.cohorts)[len(register.cohorts) // 2]
    alone = Register.from_records(
        cohorts=[register.cohorts[cohort]],
        students=[s for s in register.students.values() if s.cohort == cohort],
        host_units=register.host_units.values(),
    )
    large, small = server.new_store_url(), server.new_store_url()
    began = time.perf_counter()
    with PostgresStore.open(large, create=True) as store:
        store.save(register)
    saved = time.perf_counter() - began
    with PostgresStore.open(small, create=True) as store:
        store.save(alone)

    def progress(url: str) -> None:
        code = main(["progress", url, "--cohort", cohort, "--as-of", AS_OF], out=io.StringIO())
        assert code in (0, 1), code  # noqa: S101 - 1: findings

    # interleaved, so that a change in the machine's load falls on both alike
    t_large = t_small = float("inf")
    for _ in range(repeat):
        t_large = min(t_large, best_of(1, lambda: progress(large)))
        t_small = min(t_small, best_of(1, lambda: progress(small)))
    return {
        "students": students,
        "save_s": saved,
        "large_s": t_large,
        "alone_s": t_small,
        "ratio": t_large / t_small,
    }


def main_() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=150, help="changes per writer")
    parser.add_argument(
        "--seconds",
        type=float,
        default=0.0,
        help="each writer writes for this long instead (as pgbench -T): no end with fewer writing",
    )
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 8])
    parser.add_argument(
        "--scope",
        choices=["students", "cohorts"],
        default="students",
        help="each change loads its student (default) or its whole cohort",
    )
    args = parser.parse_args()
    server = start()
    try:
        cores = os.cpu_count() or 1
        print(f"load average before: {os.getloadavg()[0]:.1f} on {cores} cores")
        pings = {n: round_trips(server, n) for n in (1, max(args.writers))}
        print(
            "trivial round trips/s (the machine's own scaling): "
            + ", ".join(f"{n} process(es) {rate:,.0f}" for n, rate in pings.items())
            + f", x{pings[max(args.writers)] / pings[1]:.2f}"
        )
        limit = (0, args.seconds) if args.seconds else (args.changes, 0.0)
        rows = [writers(server, n, limit, args.scope) for n in args.writers]
        one = rows[0]["per_second"]
        print(
            "writers  changes  changes/s  x one writer  retries/change  lost updates  "
            "CPU ms/change  changes/s the cores allow  chain  "
            "all writing: changes/s  x one writer  time with fewer writing  other work"
        )
        for row in rows:
            print(
                f"{row['writers']:7d}  {row['changes']:7d}  {row['per_second']:9.1f}  "
                f"{row['per_second'] / one:12.2f}  {row['retries_per_change']:14.3f}  "
                f"{int(row['lost']):12d}  {row['cpu_ms']:13.2f}  "
                f"{min(row['writers'], cores) * 1000 / row['cpu_ms']:25.1f}  "
                f"{'broken' if row['broken'] else 'whole':>5}  "
                f"{row['all_writing']:22.1f}  {row['all_writing'] / rows[0]['all_writing']:12.2f}  "
                f"{row['share_alone']:23.0%}  {row['others']:10.0%}"
            )
        cohort = one_cohort(server, args.students, args.repeat)
        print(
            f"\nprogress --cohort: {cohort['students']:,} students {cohort['large_s']:.3f} s, "
            f"the cohort alone {cohort['alone_s']:.3f} s, ratio {cohort['ratio']:.2f} "
            f"(saving the {cohort['students']:,} took {cohort['save_s']:.1f} s)"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main_()
