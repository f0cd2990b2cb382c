"""The sheet commands: import-students, import-placements, import-units and plan-sessions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs

from mbprogram import Register
from mbprogram.cli import main
from mbprogram.storage.files import load, save
from tests.builders import COHORT, STAMP

SHEETS = Path(__file__).resolve().parents[2] / "examples" / "sheets"


def run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(arguments), out=out)
    return code, out.getvalue()


def empty_store(tmp_path: Path) -> Path:
    register = Register()
    register.open_cohort(attrs.evolve(COHORT, sessions=()), by=STAMP)
    store = tmp_path / "register.json"
    save(register, store)
    return store


def test_a_year_starts_from_the_sample_sheets_and_one_plan(tmp_path: Path) -> None:
    store = empty_store(tmp_path)
    common = ("--by", "kari", "--lang", "en")

    assert (
        0,
        f"{SHEETS / 'units.csv'} -> {store}: 2 rows read: 2 added, 0 corrected, 0 unchanged\n",
    ) == run("import-units", str(store), str(SHEETS / "units.csv"), *common)
    code, said = run(
        "import-students", str(store), str(SHEETS / "students.csv"), "--cohort", "K1", *common
    )
    assert (0, "3 rows read: 3 added") == (code, said.split(": ", 1)[1][:20])
    code, said = run(
        "plan-sessions",
        str(store),
        "--cohort",
        "K1",
        "--rule",
        "FREQ=WEEKLY;BYDAY=WE",
        "--from",
        "2026-01-05",
        "--to",
        "2026-01-25",
        "--hours",
        "5",
        "--topic",
        "Tema",
        *common,
    )
    assert (0, "3 sessions added to cohort K1:") == (code, said.splitlines()[0])
    code, said = run(
        "import-placements",
        str(store),
        str(SHEETS / "placements.csv"),
        "--format",
        "json",
        *common,
    )
    assert 0 == code
    assert {"kind": "placements", "rows": 2, "added": 2} == {
        k: v for k, v in json.loads(said).items() if k in ("kind", "rows", "added")
    }
    code, said = run("import-attendance", str(store), str(SHEETS / "attendance-wide.csv"), *common)
    assert 0 == code
    register = load(store)
    assert 3 == len(register.cohort("K1").sessions)
    assert 5 == sum(len(s.attendance) for s in register.students.values())
    assert {"kari"} == {c.stamp.actor for c in register.history[1:]}


def test_a_dry_run_plan_prints_the_sessions_and_saves_nothing(tmp_path: Path) -> None:
    store = empty_store(tmp_path)
    before = store.read_bytes()

    code, said = run(
        "plan-sessions",
        str(store),
        "--cohort",
        "K1",
        "--rule",
        "FREQ=WEEKLY;BYDAY=TH",
        "--from",
        "2026-03-30",
        "--to",
        "2026-04-12",
        "--hours",
        "3,5",
        "--dry-run",
    )

    assert 0 == code
    assert [
        "1 økt ville blitt lagt til i kull K1 (prøvekjøring: ingenting er lagret):",
        "  2026-04-09  09.04.2026  3,5 t",
        "1 helligdag hoppet over: 02.04.2026",
    ] == said.splitlines()
    assert before == store.read_bytes()


def test_a_bad_class_list_exits_2_naming_the_row_and_saves_nothing(tmp_path: Path) -> None:
    store = empty_store(tmp_path)
    sheet = tmp_path / "list.csv"
    sheet.write_text("student;name;date\nS-01;Siv Hemmelig;31.02.2026\n", encoding="utf-8")
    before = store.read_bytes()

    code, said = run(
        "import-students", str(store), str(sheet), "--cohort", "K1", "--format", "json"
    )

    assert 2 == code
    assert [
        {
            "path": "row 2, column date",  # JSON keeps the library's path in every language
            "message": "forventet en dag som finnes i kalenderen; dagen eller måneden er utenfor",
        }
    ] == json.loads(said)["problems"]
    assert "Siv" not in said
    assert before == store.read_bytes()


def test_a_rule_that_is_not_a_rule_exits_2(tmp_path: Path) -> None:
    code, said = run(
        "plan-sessions",
        str(empty_store(tmp_path)),
        "--cohort",
        "K1",
        "--rule",
        "every week",
        "--from",
        "2026-03-30",
        "--to",
        "2026-04-12",
        "--hours",
        "3",
        "--format",
        "json",
    )

    assert 2 == code
    assert [
        {
            "path": "rule",
            "message": (
                "forventet FREQ=DAILY, WEEKLY, MONTHLY eller YEARLY (som FREQ=WEEKLY;BYDAY=TU)"
            ),
        }
    ] == json.loads(said)["problems"]
