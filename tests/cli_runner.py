"""Running the command line in-process, for the tests of its commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mbprogram.cli import main


def run(*args: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    out = io.StringIO()
    code = main([str(a) for a in args], out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def ok(*args: str | Path) -> dict[str, object]:
    """Run a command that must succeed with ``--format json``; its JSON object."""
    out = io.StringIO()
    assert 0 == main([*map(str, args), "--format", "json"], out=out), out.getvalue()
    document: dict[str, object] = json.loads(out.getvalue())
    return document
