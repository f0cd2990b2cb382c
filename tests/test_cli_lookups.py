"""The lookups (students, sessions, units) and the grouped help (docs/cli.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mbprogram import Contact
from mbprogram.cli.command_table import GROUP_ORDER, LISTED
from mbprogram.reports.spreadsheet import BOM
from mbprogram.storage.files import save
from tests.builders import COHORT_ID, NAMES, SESSIONS, STAMP, enrol, make_register, synthetic_id
from tests.cli_runner import run

NUMBER = synthetic_id(3).value
SECRETS = (NUMBER, "ola@example.org", "99 88 77 66", "private note", "sykdom")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make_register()`` plus S-04 with every sensitive detail, and S-02 on leave."""
    register = make_register(allow_synthetic_ids=True)
    enrol(
        register, "S-04",
        national_id=synthetic_id(3),
        contact=Contact(email="ola@example.org", phone="99 88 77 66"),
        notes="private note",
    )  # fmt: skip
    register.grant_leave("S-02", on=register.cohort(COHORT_ID).period.start, reason="sykdom",
                         by=STAMP)  # fmt: skip
    path = tmp_path_factory.mktemp("lookups") / "register.sqlite"
    save(register, path)
    return path


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
@pytest.mark.parametrize(
    "command", [["students"], ["students", "--names"], ["sessions", "--cohort", COHORT_ID],
                ["units"]],
)  # fmt: skip
def test_a_lookup_never_prints_identity_numbers_contact_details_notes_or_reasons(
    store: Path, command: list[str], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(command[0], store, *command[1:], "--format", fmt, capsys=capsys)
    assert 0 == code
    for secret in SECRETS:
        assert secret not in out + err


def test_students_in_json_list_ids_statuses_and_dates_but_no_names(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run("students", store, "--format", "json", capsys=capsys)
    students = json.loads(out)["students"]
    assert ["S-01", "S-02", "S-03", "S-04"] == [s["student"] for s in students]
    assert {
        "cohort": "K1", "student": "S-02", "status": "on-leave", "since": "2026-01-05",
        "enrolled_on": "2026-01-05", "placements": 0, "certificate": None,
    } == students[1]  # fmt: skip
    assert not any(name in out for name in NAMES.values())


def test_students_with_names_show_the_names(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run("students", store, "--names", capsys=capsys)
    assert all(name in out for name in NAMES.values())


def test_students_of_a_cohort_that_does_not_exist_is_wrong_usage(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("students", store, "--cohort", "K9", capsys=capsys)
    assert 2 == code
    assert "K9" in err


def test_sessions_as_bokmal_csv_have_norwegian_dates_and_decimal_commas(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run("sessions", store, "--cohort", COHORT_ID, "--format", "csv", capsys=capsys)
    table = list(csv.reader(io.StringIO(out.removeprefix(BOM)), delimiter=";"))
    assert ["kull", "økt", "dag", "timer", "tema"] == table[0]  # bokmål by default
    assert SESSIONS == len(table) - 1
    assert "07.01.2026" == table[1][2]


def test_sessions_need_a_cohort(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run("sessions", store, capsys=capsys)
    assert 2 == code
    assert "--cohort" in err


def test_units_as_text_show_each_unit(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run("units", store, capsys=capsys)
    assert 0 == code
    assert "Aktivitetssenteret Solheim" in out
    assert "Bo-oppfølging Nord" in out


def test_the_help_lists_every_command_once_under_its_groups_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run("--help", "--lang", "en", capsys=capsys)
    assert 0 == code
    lines = out.splitlines()
    for group in GROUP_ORDER:
        title = lines.index(
            {"stores": "stores:", "records": "records, one at a time:", "hiring": "hiring:",
             "imports": "imports:", "lookups": "lookups:", "reports": "reports:",
             "demo": "demo:", "documents": "documents:"}[group]
        )  # fmt: skip
        section = lines[title + 1 : next(
            (i for i in range(title + 1, len(lines)) if not lines[i].startswith(" ")), len(lines)
        )]  # fmt: skip
        listed = [line.split()[0] for line in section if line.startswith("  ") and line[2] != " "]
        assert [c.name for c in LISTED if c.group == group] == listed
    names = [c.name for c in LISTED]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("command", [c.name for c in LISTED])
def test_every_command_explains_itself_in_both_languages(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("nb", "en"):
        code, out, _ = run(command, "--help", "--lang", lang, capsys=capsys)
        assert 0 == code
        assert out.startswith(f"{'bruk' if lang == 'nb' else 'usage'}: mbprogram {command}")
