"""The console examples of the docs run, in order in one directory, and print what they say.

Each document's ``console`` blocks run in a new temporary directory that
holds a copy of ``examples/sheets/``, so an example names a sample sheet as
``examples/sheets/units.csv``, as in a checkout of the repository.

A ``$ mbprogram …`` line (continued by a trailing backslash) is run; the lines
after it, up to the next ``$``, are what it prints (standard output, then
standard error). An expected line ending in ``…`` is a prefix of the line
printed, and a line that is only ``…`` stands for any number of lines printed
(none or more), up to the line after it; at the end, for the rest. A
``$ export NAME=VALUE`` line sets an environment variable for the examples
after it (``MBPROGRAM_LANG=en``).
"""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

from mbprogram.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "examples" / "sheets"
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
ELIDED = "…"

#: The documents whose console examples run, and the files their examples leave behind.
DOCS = {
    "cli.md": {"kull.sqlite", "register.sqlite", "okter.csv", "fremdrift.csv", "resultater.xlsx",
               "progress.json"},
    "tutorial.md": {"aar.sqlite", "fremdrift.csv", "resultater.xlsx"},
}  # fmt: skip


def examples(text: str) -> list[tuple[list[str], list[str]]]:
    """Every ``(arguments, expected lines)`` of the console blocks, in order.

    ``arguments`` start with the command: ``mbprogram`` or ``export``.
    """
    found: list[tuple[list[str], list[str]]] = []
    for block in CONSOLE.findall(text):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            assert lines[i].startswith("$ "), lines[i]
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
            assert words[0] in {"mbprogram", "export"}, command
            assert words[0] == "mbprogram" or (len(words) == 2 and not expected), command
            found.append((words, expected))
    return found


def line_matches(expected: str, printed: str) -> bool:
    """Whether ``printed`` is the line ``expected`` says (a prefix, if it ends in …)."""
    if expected.endswith(ELIDED):
        return printed.startswith(expected.removesuffix(ELIDED))
    return expected == printed


def matches(expected: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is what ``expected`` says, a line that is only … any lines."""
    if not expected:
        return not printed
    first, rest = expected[0], expected[1:]
    if first.strip() == ELIDED:
        return any(matches(rest, printed[n:]) for n in range(len(printed) + 1))
    return bool(printed) and line_matches(first, printed[0]) and matches(rest, printed[1:])


def test_an_elided_line_stands_for_any_lines_up_to_the_next() -> None:
    printed = ["a", "b", "c", "d"]
    assert matches(["a", "…", "d"], printed)
    assert matches(["a", "…"], printed)
    assert matches(["…", "a", "b", "c", "d"], printed)
    assert matches(["a", "b…", "…", "c", "d"], printed)
    assert not matches(["a", "…", "b", "d"], ["a", "c", "d"])
    assert not matches(["a", "…", "x"], printed)
    assert not matches(["a", "b"], printed)
    assert not matches(["a", "b", "c", "d", "e"], printed)


def test_the_examples_are_found() -> None:
    commands = {
        doc: {words[1] for words, _ in examples((ROOT / "docs" / doc).read_text(encoding="utf-8"))}
        for doc in DOCS
    }
    assert {"init", "open-cohort", "enrol", "graduate", "hire", "students", "progress"} <= commands[
        "cli.md"
    ]
    assert {
        "init", "open-cohort", "import-units", "import-students", "plan-sessions",
        "import-placements", "import-attendance", "assess-placement", "sign-off-literature",
        "start-assignment", "submit-assignment", "assess-assignment", "progress", "graduate",
        "hire", "students", "units", "sessions", "outcomes",
    } <= commands["tutorial.md"]  # fmt: skip


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_the_console_examples_of_the_docs_print_what_they_say(
    doc: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(SHEETS, tmp_path / "examples" / "sheets")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MBPROGRAM_LANG", raising=False)
    for words, expected in examples((ROOT / "docs" / doc).read_text(encoding="utf-8")):
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
            continue
        out = io.StringIO()
        main(words[1:], out=out)
        captured = capsys.readouterr()
        printed = (out.getvalue() + captured.out + captured.err).splitlines()
        assert matches(expected, printed), (words, printed)
    assert DOCS[doc] <= {p.name for p in tmp_path.iterdir()}


def test_every_command_is_documented_in_the_cli_doc() -> None:
    from mbprogram.cli.command_table import LISTED  # noqa: PLC0415

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = [c.name for c in LISTED]
    assert "admit" in commands
    undocumented = [c for c in commands if f"`{c} " not in doc and f"`mbprogram {c}" not in doc]
    assert [] == undocumented
