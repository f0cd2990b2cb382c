"""Exit codes that agree with the help: the demo's, and the findings' under ``| head``."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from mbprogram.cli import main
from mbprogram.cli.app import run

AS_OF = "2026-11-23"


def test_the_demo_exits_0_and_its_help_says_so(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["demo", "--help", "--lang", "en"], out=io.StringIO())
    shown = " ".join(capsys.readouterr().out.split())

    assert "0 the demo store is written and shown" in shown
    assert "1 findings" not in shown


def test_the_progress_of_the_demo_has_errors_so_it_exits_1(demo_store: Path) -> None:
    assert 1 == main(["progress", str(demo_store), "--as-of", AS_OF], out=io.StringIO())


def _closed_pipe() -> io.TextIOWrapper:
    """A standard output whose reader has gone: every write to it is a broken pipe."""
    read, write = os.pipe()
    os.close(read)
    return io.TextIOWrapper(os.fdopen(write, "wb", buffering=1024), encoding="utf-8")


@pytest.mark.parametrize(("command", "code"), [("progress", 1), ("validate", 0)])
def test_a_reader_that_stops_reading_keeps_the_exit_code_of_the_command(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, command: str, code: int
) -> None:
    stdout = _closed_pipe()
    arguments = [command, str(demo_store)] + (["--as-of", AS_OF] if command == "progress" else [])
    monkeypatch.setattr(sys, "argv", ["mbprogram", *arguments])
    monkeypatch.setattr(sys, "stdout", stdout)

    with pytest.raises(SystemExit) as exited:
        run()

    assert code == exited.value.code
    stdout.close()  # goes to devnull now: closing does not fail again
