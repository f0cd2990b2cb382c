"""The command line with hostile or careless input: exit code 2 and the library's words, always.

Whatever a file or a sheet holds, a command prints its problems (or one JSON
object with ``--format json``) and exits 2, never a traceback; a store that
others can read is warned about on standard error.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from mbprogram.cli import main
from mbprogram.storage.files import save
from tests.builders import make_register


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    out = io.StringIO()
    code = main(list(args), out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


# -- a store that others can read (issue 10, item 10) ----------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_store_that_others_can_read_is_warned_about_once_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(), store)
    os.chmod(store, 0o640)  # noqa: PTH101 - as a careless copy leaves it
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("deltaker;økt;timer\nS-01;SES-01;4\n", encoding="utf-8")

    code, out, err = run(
        "import-attendance", str(store), str(sheet), "--format", fmt, capsys=capsys
    )  # it opens the store twice: to load and to save

    assert 0 == code
    assert 1 == err.count("mbprogram: warning: ")
    assert "(mode 0640) and holds special-category health data" in err
    assert f"chmod 600 {store}" in err
    if fmt == "json":
        assert {"rows", "recorded", "corrected", "unchanged", "dry_run"} == set(json.loads(out))
