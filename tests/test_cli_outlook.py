"""``mbprogram progress`` with the forecast: the outlook column, ``--outlook`` and the JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mbprogram.cli import main

#: A day in the demo's second cohort when some students are at risk and some cannot complete.
MIDSUMMER = "2025-06-30"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert 0 == main(["demo", "--store", str(store), "--as-of", MIDSUMMER], out=io.StringIO())
    return store


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue() + capsys.readouterr().out


def test_the_progress_table_has_an_outlook_column(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("progress", str(demo_store), "--as-of", MIDSUMMER, "--cohort", "MB-2025",
                    "--lang", "en", capsys=capsys)  # fmt: skip
    assert 1 == code
    header = out.splitlines()[1].split()
    assert "outlook" in header
    rows = [line.split() for line in out.splitlines()[3:18]]
    assert {"on-track", "at-risk", "unreachable"} <= {cell for row in rows for cell in row}


def test_outlook_shows_only_the_students_at_risk_or_unreachable_with_what_they_need(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("progress", str(demo_store), "--as-of", MIDSUMMER, "--cohort", "MB-2025",
                    "--outlook", "--lang", "en", capsys=capsys)  # fmt: skip
    assert 1 == code  # the students shown have unmet requirements
    assert "Students who need help in cohort MB-2025 as of 2025-06-30" in out
    assert " B02 " in out
    assert " B01 " not in out  # on track
    assert "must attend 31 of the remaining 32.5 hours." in out
    assert "THEORY_UNREACHABLE" in out


def test_outlook_in_json_lists_only_those_students_each_with_a_forecast(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("progress", str(demo_store), "--as-of", MIDSUMMER, "--format", "json",
                    "--outlook", capsys=capsys)  # fmt: skip
    document = json.loads(out)
    outlooks = {s["student"]: s["forecast"]["outlook"] for s in document["students"]}
    assert 1 == code
    assert {"at-risk", "unreachable"} == set(outlooks.values())
    assert "at-risk" == outlooks["B02"]
    assert "unreachable" == outlooks["B06"]


def test_the_exit_code_is_decided_by_the_errors_and_the_forecast_only_warns(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("progress", str(demo_store), "--as-of", MIDSUMMER, "--format", "json",
                    capsys=capsys)  # fmt: skip
    document = json.loads(out)
    errors = any(f["severity"] == "error" for s in document["students"] for f in s["findings"])
    warnings = [f for s in document["students"] for f in s["forecast"]["findings"]]
    assert (1 if errors else 0) == code
    assert warnings
    assert all(f["severity"] == "warning" for f in warnings)
