"""``mbprogram --version`` answers before any command's module is imported."""

from __future__ import annotations

import json
import subprocess
import sys

import mbprogram
from mbprogram.cli import COLLECT_EVERY

CODE = """
import json, sys
sys.argv = ["mbprogram", *ARGS]
from mbprogram.cli import run
try:
    run()
except SystemExit as e:
    code = e.code
print(json.dumps([code, sorted(m for m in sys.modules if m.startswith("mbprogram"))]))
"""


def started(*args: str) -> tuple[str, int, list[str]]:
    """Standard output before the last line, the exit code, and the package's modules loaded."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", CODE.replace("ARGS", json.dumps(list(args)))],
        capture_output=True,
        text=True,
        check=True,
    )
    *printed, last = done.stdout.splitlines()
    code, modules = json.loads(last)
    return "\n".join(printed), code, modules


def test_the_version_is_printed_without_the_command_line_s_modules() -> None:
    out, code, modules = started("--version")
    assert f"mbprogram {mbprogram.__version__}" == out
    assert 0 == code
    assert ["mbprogram", "mbprogram.cli", "mbprogram.version"] == modules


def test_anything_else_goes_to_the_command_line() -> None:
    out, code, modules = started("--help", "--lang", "en")
    assert out.startswith("usage: mbprogram")
    assert 0 == code
    assert "mbprogram.cli.app" in modules


#: Runs ``mbprogram --help`` through the entry point, noting how often the collector
#: looked at the youngest objects while the command ran, and whether what was
#: left was frozen at the end.
COLLECTOR = """
import gc, json, sys
import mbprogram.cli.app as app
running = []
command_line = app.main
def main(*args, **kwargs):
    running.append([gc.isenabled(), gc.get_threshold()[0]])
    return command_line(*args, **kwargs)
app.main = main
sys.argv = ["mbprogram", "--help"]
from mbprogram.cli import run
try:
    run()
except SystemExit:
    pass
print(json.dumps([running, gc.get_freeze_count() > 0]))
"""


def test_a_command_runs_with_the_collector_seldom_and_its_objects_are_frozen_at_the_end() -> None:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", COLLECTOR], capture_output=True, text=True, check=True
    )
    assert [[[True, COLLECT_EVERY]], True] == json.loads(done.stdout.splitlines()[-1])
