"""The command line on PostgreSQL stores, and ``mbprogram copy`` between every kind of store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mbprogram import Register
from mbprogram.demo import build_demo_register
from mbprogram.storage.files import load, save
from tests.builders import make_register, session_day
from tests.cli_runner import run
from tests.postgres_server import Server

AS_OF = "2026-11-23"


def test_a_register_copied_json_to_postgres_to_sqlite_to_json_comes_back_equal(
    postgres: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = build_demo_register()
    assert register.history
    start, url = tmp_path / "start.json", postgres.new_store_url()
    store, end = tmp_path / "copy.sqlite", tmp_path / "end.json"
    save(register, start)

    for src, dst in ((start, url), (url, store), (store, end)):
        code, out, err = run("copy", str(src), str(dst), "--lang", "en", capsys=capsys)
        assert (code, err) == (0, "")
        assert f"{len(register.students)} students" in out

    assert register == load(url) == load(store) == load(end)
    assert register.history == load(end).history


def test_copy_refuses_a_destination_that_holds_a_register_unless_forced(
    postgres: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()
    save(build_demo_register(), url)
    other = tmp_path / "other.json"
    code, *_ = run("demo", "--store", str(tmp_path / "d.sqlite"), "--as-of", AS_OF, capsys=capsys)
    save(load(tmp_path / "d.sqlite"), other)
    before = load(url)

    code, out, _ = run("copy", str(other), url, "--format", "json", "--lang", "en", capsys=capsys)
    assert code == 2
    assert re.search(r"already holds a register of \d+ records", json.loads(out)["error"])
    assert load(url) == before

    code, *_ = run("copy", str(other), url, "--force", capsys=capsys)
    assert code == 0
    assert load(url) == load(other)


def test_progress_of_one_cohort_on_a_url_is_that_of_the_file(
    postgres: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = build_demo_register()
    url, document = postgres.new_store_url(), tmp_path / "demo.json"
    save(register, url)
    save(register, document)
    cohort = next(iter(register.cohorts))

    outputs = [
        run(
            "progress",
            str(where),
            "--cohort",
            cohort,
            "--as-of",
            AS_OF,
            "--format",
            "json",
            capsys=capsys,
        )
        for where in (url, document)
    ]

    assert outputs[0] == outputs[1]


def test_a_command_never_prints_the_password_of_a_url(
    postgres: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "Hemmelig-Passord-42"  # noqa: S105 - a made-up one, to look for
    missing = postgres.url(password=secret, options="-csearch_path=nothing_here")
    url = postgres.new_store_url() + f"&password={secret}"
    save(build_demo_register(), url)

    for args in (
        ("validate", url),
        ("validate", url, "--format", "json"),
        ("validate", missing),
        ("progress", missing, "--cohort", "K1"),
        ("copy", missing, url),
    ):
        _, out, err = run(*args, capsys=capsys)
        assert secret not in out + err, args
    shown = run("validate", url, capsys=capsys)[1]
    assert f"postgresql:///mbprogram_tests?host={postgres.folder}" in shown
    assert "password=***" in shown


def test_the_demo_writes_a_postgres_store_and_replaces_only_its_own(
    postgres: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()

    for _ in range(2):  # a new store, then the demo's own
        code, out, _ = run("demo", "--store", url, "--as-of", AS_OF, capsys=capsys)
        assert code == 0
        assert f"mbprogram progress {url.split('?')[0]}" in out
    save(load(url), url)  # any other save clears the demo's mark
    kept = load(url)

    code, out, _ = run("demo", "--store", url, "--format", "json", capsys=capsys)
    assert code == 2
    assert load(url) == kept
    assert run("demo", "--store", url, "--force", capsys=capsys)[0] == 0


def test_import_attendance_into_a_url_imports_a_sheet_once(
    postgres: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()
    save(make_register(), url)
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\nS-02;{day};5\n", encoding="utf-8")

    code, out, _ = run(
        "import-attendance", url, str(sheet), "--actor", "Krog", "--lang", "en", capsys=capsys
    )
    assert (code, "2 recorded" in out) == (0, True)
    code, out, _ = run("import-attendance", url, str(sheet), "--lang", "en", capsys=capsys)
    assert (code, "2 unchanged" in out) == (0, True)
    assert 2 == sum(len(s.attendance) for s in load(url).students.values())


def test_progress_of_a_cohort_a_url_does_not_hold_names_the_cohorts_it_holds(
    postgres: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()
    save(make_register(), url)

    for cohort, shown in (("K9", "'K9'"), ("12345678901", "not a valid id")):
        code, _, err = run("progress", url, "--cohort", cohort, "--lang", "en", capsys=capsys)
        assert code == 2
        assert "K1" in err
        assert shown in err


def test_init_makes_an_empty_postgres_store_and_never_one_over_a_store(
    postgres: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()

    code, out, err = run("init", url, "--lang", "en", capsys=capsys)
    assert (code, err) == (0, "")
    assert "Created an empty register in postgresql:///" in out
    assert load(url) == Register()
    code, _, err = run("init", url, "--lang", "en", capsys=capsys)
    assert code == 2
    assert "exists already" in err


def test_a_change_command_changes_one_record_in_a_postgres_store(
    postgres: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.new_store_url()
    save(make_register(), url)

    code, _, _ = run(
        "change-places", url, "--cohort", "K1", "--places", "40", "--lang", "en", capsys=capsys
    )

    assert code == 0
    assert load(url).cohorts["K1"].places == 40
