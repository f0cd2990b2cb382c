"""The progress line of long commands (cli/progress_line.py) and the callbacks that feed it."""

from __future__ import annotations

import datetime as dt
import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from mbprogram.cli import main
from mbprogram.cli.progress_line import ProgressLine, progress_line_for
from mbprogram.progress import Step, counted
from mbprogram.reports.progress import progress_document
from mbprogram.rules.cohort import evaluate_register
from mbprogram.storage.files import load
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import make_register

AS_OF = "2026-11-23"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    """Text written to a stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_in_the_first_second() -> None:
    clock, stream = Clock(), Terminal()
    line = ProgressLine(stream, "en", clock=clock)
    for done in range(1, 50):
        clock.now += 0.01
        line(Step.EVALUATED, done, 50)
    line.close()
    assert "" == stream.getvalue()


def test_after_a_second_the_line_is_redrawn_at_most_ten_times_a_second_and_erased() -> None:
    clock, stream = Clock(), Terminal()
    with ProgressLine(stream, "en", clock=clock) as line:
        clock.now += 1.0
        line(Step.EVALUATED, 1, 3)
        line(Step.EVALUATED, 2, 3)  # too soon after the first: not drawn
        line(Step.EVALUATED, 3, 3)  # but the last count is
        line(Step.LOADED, 6, None)  # too soon again
        clock.now += 0.1
        line(Step.LOADED, 7, None)
    drawn = stream.getvalue().split("\r")
    assert [
        "",
        "Evaluating: 1 of 3 students evaluated …\x1b[K",
        "Evaluating: 3 of 3 students evaluated …\x1b[K",
        "Reading the store: 7 records read …\x1b[K",
        "\x1b[K",
    ] == drawn


def test_the_line_speaks_bokmal() -> None:
    clock, stream = Clock(), Terminal()
    line = ProgressLine(stream, "nb", clock=clock, delay=0)
    line(Step.IMPORTED, 1, None)
    assert "Importerer: 1 rad lest" in stream.getvalue()


def test_a_line_is_made_only_for_a_terminal_and_not_when_quiet() -> None:
    assert progress_line_for(io.StringIO(), "en", quiet=False) is None
    assert progress_line_for(Terminal(), "en", quiet=True) is None
    assert isinstance(progress_line_for(Terminal(), "en", quiet=False), ProgressLine)
    closed = io.StringIO()
    closed.close()
    assert progress_line_for(closed, "en", quiet=False) is None


def test_counted_passes_every_item_and_counts_from_start() -> None:
    calls: list[tuple[Step, int, int | None]] = []
    items = list(counted("abc", lambda *a: calls.append(a), Step.LOADED, 5, start=2))
    assert ["a", "b", "c"] == items
    assert [(Step.LOADED, 3, 5), (Step.LOADED, 4, 5), (Step.LOADED, 5, 5)] == calls
    assert "abc" == counted("abc", None, Step.LOADED)


def test_the_evaluation_reports_every_student_once_it_is_done() -> None:
    register = make_register(3)
    calls: list[tuple[Step, int, int | None]] = []
    evaluate_register(register, dt.date(2026, 11, 23), progress=lambda *a: calls.append(a))
    assert [(Step.EVALUATED, 3, 3)] == calls
    calls.clear()
    progress_document(register, dt.date(2026, 11, 23), progress=lambda *a: calls.append(a))
    assert [(Step.EVALUATED, 3, 3)] == calls


def test_a_store_reports_every_record_it_reads(tmp_path: Path) -> None:
    store = tmp_path / "r.sqlite"
    SqliteStore.open(store, create=True).save(make_register(3))
    calls: list[tuple[Step, int, int | None]] = []
    load(store, progress=lambda *a: calls.append(a))
    assert calls
    assert [c[1] for c in calls] == list(range(1, len(calls) + 1))
    assert {c[2] for c in calls} == {len(calls)}  # the cohort, the units and the students


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert 0 == main(["demo", "--store", str(store), "--as-of", AS_OF], out=io.StringIO())
    return store


def test_nothing_is_shown_when_standard_error_is_not_a_terminal(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert 1 == main(["progress", str(demo_store), "--as-of", AS_OF], out=out)
    assert "" == capsys.readouterr().err
    assert 1 == main(["progress", str(demo_store), "--as-of", AS_OF, "--quiet"], out=out)
    assert "" == capsys.readouterr().err


def stderr_on_a_terminal(*args: str) -> bytes:
    """What ``mbprogram ARGS`` writes to standard error when it is a terminal."""
    master, slave = pty.openpty()
    env = {**os.environ, "MBPROGRAM_PROGRESS_DELAY": "0"}
    with subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", "from mbprogram.cli.app import run; run()", *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env=env,
    ) as done:
        os.close(slave)
        written = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            written += chunk
    os.close(master)
    assert done.returncode in (0, 1)
    return written


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_the_line_is_shown_and_erased_and_quiet_silences_it(
    demo_store: Path,
) -> None:
    shown = stderr_on_a_terminal("progress", str(demo_store), "--as-of", AS_OF, "--lang", "en")
    assert b"Evaluating: 30 of 30 students evaluated" in shown
    assert shown.endswith(b"\r\x1b[K")
    quiet = stderr_on_a_terminal("progress", str(demo_store), "--as-of", AS_OF, "--quiet")
    assert b"" == quiet
