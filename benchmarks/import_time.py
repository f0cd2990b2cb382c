"""Benchmark: the start-up cost of ``import mbprogram`` and ``mbprogram --help``.

Run with ``python benchmarks/import_time.py`` (``--repeat N``, default 10) from
the environment the package is installed in. It prints, each the best of
``--repeat`` runs in a new interpreter:

* ``import mbprogram``: the cumulative microseconds of the ``mbprogram`` line
  of ``python -X importtime``, next to the floor, the same figure for
  ``import attrs, cattrs, dateutil.easter, json, sqlite3`` (the libraries the
  package stands on), and the ratio of the two;
* the wall time of ``mbprogram --help`` next to the wall time of a
  ``python -c`` that imports the floor's libraries, and their ratio.

The interpreters it starts write their bytecode to a temporary cache, and each
command runs once before it is timed, so a source checkout (or an environment
with ``PYTHONDONTWRITEBYTECODE`` set) measures what an installed wheel costs
rather than the compiling of every module.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

FLOOR = "import attrs, cattrs, dateutil.easter, json, sqlite3"
PACKAGE = "import mbprogram"


def run(
    command: Sequence[str], env: Mapping[str, str], ok: tuple[int, ...] = (0,)
) -> subprocess.CompletedProcess[str]:
    """Run ``command``; fail with its standard error if it exits with a code not in ``ok``."""
    done = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return done


def statement_import_us(importtime: str) -> int:
    """The cumulative microseconds of the top-level imports after interpreter start-up.

    ``-X importtime`` prints one line per module as its import finishes;
    unindented names are top-level imports. Those up to ``site`` are the
    interpreter's own start-up; the ones after it are the ``-c`` statement's.
    """
    rows = []
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        if not name.startswith("  "):
            rows.append((name.strip(), int(cumulative)))
    names = [name for name, _ in rows]
    start = names.index("site") + 1 if "site" in names else 0
    return sum(us for _, us in rows[start:])


def best_import_us(statement: str, repeat: int, env: Mapping[str, str]) -> int:
    """The best of ``repeat`` importtime figures of ``python -c statement``."""
    command = [sys.executable, "-X", "importtime", "-c", statement]
    run(command, env)
    return min(statement_import_us(run(command, env).stderr) for _ in range(repeat))


def best_wall_s(
    command: Sequence[str], repeat: int, env: Mapping[str, str], ok: tuple[int, ...] = (0,)
) -> float:
    """The best of ``repeat`` wall times of ``command`` (after one untimed run), in seconds."""
    run(command, env, ok)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(command, env, ok)
        times.append(time.perf_counter() - start)
    return min(times)


def the_command() -> str:
    """The ``mbprogram`` script next to this interpreter, or else the one on PATH."""
    found = shutil.which("mbprogram", path=str(Path(sys.executable).parent)) or shutil.which(
        "mbprogram"
    )
    if found is None:
        sys.exit("no mbprogram command: install the package first (pip install -e .)")
    return found


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    command = the_command()
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        package_us = best_import_us(PACKAGE, args.repeat, env)
        floor_us = best_import_us(FLOOR, args.repeat, env)
        help_s = best_wall_s([command, "--help"], args.repeat, env)
        floor_s = best_wall_s([sys.executable, "-c", FLOOR], args.repeat, env)
    floor_command = f'python -c "{FLOOR}"'
    width = len(floor_command)
    print(f"best of {args.repeat} runs, Python {sys.version.split()[0]}")
    print()
    print("-X importtime, cumulative")
    print(f"  {PACKAGE:<{width}} {package_us / 1000:>8.2f} ms")
    print(f"  {FLOOR:<{width}} {floor_us / 1000:>8.2f} ms")
    print(f"  {'ratio':<{width}} {package_us / floor_us:>8.3f}")
    print()
    print("wall time")
    print(f"  {'mbprogram --help':<{width}} {help_s * 1000:>8.1f} ms")
    print(f"  {floor_command:<{width}} {floor_s * 1000:>8.1f} ms")
    print(f"  {'ratio':<{width}} {help_s / floor_s:>8.2f}")


if __name__ == "__main__":
    main()
