"""Reports out: progress and outcomes as CSV and xlsx, --output for every format (docs/cli.md)."""

from __future__ import annotations

import csv
import io
import json
import stat
import sys
from pathlib import Path

import pytest

from mbprogram.cli import main
from mbprogram.reports.spreadsheet import BOM
from mbprogram.storage.files import save
from tests.builders import make_register
from tests.cli_runner import run

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "2026-11-23"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert 0 == main(["demo", "--store", str(store), "--as-of", AS_OF], out=io.StringIO())
    return store


def rows(written: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(written.removeprefix(BOM)), delimiter=delimiter))


def test_progress_as_bokmal_csv_is_the_table_with_norwegian_conventions(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("progress", demo_store, "--as-of", "2025-06-30", "--cohort", "MB-2025",
                       "--format", "csv", capsys=capsys)  # fmt: skip
    assert 1 == code  # the exit code says the same as in text and JSON
    assert out.startswith(BOM)
    table = rows(out, ";")
    assert 1 + 15 == len(table)
    assert {"MB-2025"} == {r[0] for r in table[1:]}
    assert any("," in r[3] for r in table[1:])  # a decimal comma in the hours
    assert {"ja", "nei"} >= {r[7] for r in table[1:]}


def test_progress_as_english_csv_matches_the_json(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("progress", demo_store, "--as-of", "2025-06-30", "--lang", "en")
    _, out, _ = run(*args, "--format", "csv", capsys=capsys)
    _, document, _ = run(*args, "--format", "json", capsys=capsys)
    table = rows(out, ",")
    students = json.loads(document)["students"]
    assert [s["student"] for s in students] == [r[1] for r in table[1:]]
    assert [str(s["theory_hours"]).removesuffix(".0") for s in students] == [
        r[3] for r in table[1:]
    ]


def test_outcomes_as_csv_hold_every_table_under_its_title(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("outcomes", demo_store, "--as-of", AS_OF, "--format", "csv",
                       "--lang", "en", capsys=capsys)  # fmt: skip
    assert 0 == code
    table = rows(out, ",")
    titles = [table[0][0]] + [table[i + 1][0] for i, r in enumerate(table) if r == []]
    assert 5 == len(titles)
    assert f"Cohorts as of {AS_OF}" == titles[0]
    assert ["cohort", "enrolled", "graduated"] == table[1][:3]


@pytest.mark.parametrize("command", ["progress", "outcomes"])
def test_a_report_as_xlsx_is_written_to_the_output_file_readable_by_its_owner_only(
    demo_store: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "report.xlsx"
    code, out, err = run(command, demo_store, "--as-of", AS_OF, "--format", "xlsx",
                         "--output", output, capsys=capsys)  # fmt: skip
    assert code in (0, 1)
    assert ("", "") == (out, err)
    assert 0o600 == stat.S_IMODE(output.stat().st_mode)
    book = openpyxl.load_workbook(output)
    first = book[book.sheetnames[0]]
    assert first["A1"].value.endswith(AS_OF) or AS_OF in first["A1"].value


def test_xlsx_without_an_output_file_is_wrong_usage(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run("outcomes", demo_store, "--format", "xlsx", capsys=capsys)
    assert 2 == code
    assert "" == out
    assert "--output" in err


def test_xlsx_without_the_excel_extra_says_which_extra_and_writes_nothing(
    demo_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    output = tmp_path / "report.xlsx"
    code, _, err = run("progress", demo_store, "--format", "xlsx", "--output", output,
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "pip install 'mbprogram[excel]'" in err
    assert not output.exists()


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_output_writes_exactly_what_standard_output_would_show(
    demo_store: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("outcomes", demo_store, "--as-of", AS_OF, "--format", fmt)
    _, shown, _ = run(*args, capsys=capsys)
    output = tmp_path / f"outcomes.{fmt}"
    code, out, _ = run(*args, "--output", output, capsys=capsys)
    assert (0, "") == (code, out)
    assert shown.encode("utf-8") == output.read_bytes()
    assert 0o600 == stat.S_IMODE(output.stat().st_mode)


def test_output_replaces_a_file_readable_by_others_with_one_readable_by_its_owner_only(
    demo_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "progress.csv"
    output.write_text("old", encoding="utf-8")
    output.chmod(0o644)
    run("progress", demo_store, "--format", "csv", "--output", output, capsys=capsys)
    assert 0o600 == stat.S_IMODE(output.stat().st_mode)
    assert output.read_text(encoding="utf-8-sig").startswith("cohort;student")


def test_a_failing_report_leaves_the_output_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "progress.csv"
    output.write_bytes(b"yesterday's report")
    code, _, err = run("progress", tmp_path / "missing.sqlite", "--format", "csv",
                       "--output", output, capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "missing.sqlite" in err
    assert b"yesterday's report" == output.read_bytes()
    assert [output] == list(tmp_path.iterdir())  # no temporary file left


def test_a_failure_in_json_is_printed_not_written_to_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "progress.json"
    code, out, _ = run("progress", tmp_path / "missing.sqlite", "--format", "json",
                       "--output", output, capsys=capsys)  # fmt: skip
    assert 2 == code
    assert {"error", "problems"} == set(json.loads(out))
    assert not output.exists()


def test_output_onto_the_register_it_reads_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    before = document.read_bytes()
    link = tmp_path / "same.json"
    link.symlink_to(document)
    for target in (document, link):
        code, _, err = run("progress", document, "--format", "csv", "--output", target,
                           capsys=capsys)  # fmt: skip
        assert 2 == code
        assert "--output" in err
    assert before == document.read_bytes()


def test_formulas_in_a_register_never_reach_a_spreadsheet_as_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mbprogram import HostUnit  # noqa: PLC0415
    from tests.builders import STAMP  # noqa: PLC0415

    register = make_register()
    register.add_host_unit(
        HostUnit(id="U9", name='=HYPERLINK("http://x","klikk")', capacity=1, kind="@SUM(1)"),
        by=STAMP,
    )
    document = tmp_path / "register.json"
    save(register, document)
    _, out, _ = run("units", document, "--format", "csv", capsys=capsys)
    assert ["U9", '\'=HYPERLINK("http://x","klikk")', "1", "'@SUM(1)"] == rows(out, ";")[3]
    output = tmp_path / "units.xlsx"
    assert 0 == run("units", document, "--format", "xlsx", "--output", output, capsys=capsys)[0]
    sheet = openpyxl.load_workbook(output)["units"]
    cells = list(sheet[5])
    assert ["s", "s"] == [cells[1].data_type, cells[3].data_type]
    assert '=HYPERLINK("http://x","klikk")' == cells[1].value
