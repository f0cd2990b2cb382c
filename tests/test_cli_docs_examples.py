"""docs/cli.md's console examples run, in order in one directory, and print what they say.

A ``$ mbprogram …`` line (continued by a trailing backslash) is run; the lines
after it, up to the next ``$``, are what it prints (standard output, then
standard error). An expected line ending in ``…`` is a prefix of the line
printed, and a line that is only ``…`` stands for the rest.
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from mbprogram.cli import main

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)


def examples(text: str) -> list[tuple[list[str], list[str]]]:
    """Every ``(arguments, expected lines)`` of the console blocks, in order."""
    found: list[tuple[list[str], list[str]]] = []
    for block in CONSOLE.findall(text):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            command = lines[i].removeprefix("$ ")
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + lines[i].strip()
            i += 1
            expected = []
            while i < len(lines) and not lines[i].startswith("$ "):
                expected.append(lines[i])
                i += 1
            words = shlex.split(command)
            assert "mbprogram" == words[0]
            found.append((words[1:], expected))
    return found


def matches(expected: list[str], printed: list[str]) -> bool:
    for n, line in enumerate(expected):
        if line.strip() == "…":
            return True
        if n >= len(printed):
            return False
        if line.endswith("…"):
            if not printed[n].startswith(line.removesuffix("…")):
                return False
        elif line != printed[n]:
            return False
    return len(expected) == len(printed)


def test_the_examples_are_found() -> None:
    found = examples(DOC.read_text(encoding="utf-8"))
    assert {"init", "open-cohort", "enrol", "graduate", "hire", "students", "progress"} <= {
        arguments[0] for arguments, _ in found
    }


def test_the_console_examples_of_the_cli_doc_print_what_they_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MBPROGRAM_LANG", raising=False)
    for arguments, expected in examples(DOC.read_text(encoding="utf-8")):
        out = io.StringIO()
        main(arguments, out=out)
        captured = capsys.readouterr()
        printed = (out.getvalue() + captured.out + captured.err).splitlines()
        assert matches(expected, printed), (arguments, printed)
    assert {"register.sqlite", "okter.csv", "fremdrift.csv", "resultater.xlsx",
            "progress.json"} <= {p.name for p in tmp_path.iterdir()}  # fmt: skip
