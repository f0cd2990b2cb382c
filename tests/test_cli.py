"""The command line: each command's output, JSON shape and exit code (docs/cli.md)."""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import mbprogram
from mbprogram import InvalidValueError
from mbprogram.cli import main
from mbprogram.storage.files import load, save
from mbprogram.storage.sqlite_store import SqliteStore
from tests.builders import COHORT_ID, STAMP, make_register, session_day

AS_OF = "2026-11-23"


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    out = io.StringIO()
    code = main(list(args), out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert 0 == main(["demo", "--store", str(store), "--as-of", AS_OF], out=io.StringIO())
    return store


def test_the_demo_writes_a_store_readable_by_its_owner_only_and_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "demo.sqlite"
    code, out, err = run("demo", "--store", str(store), "--as-of", AS_OF, capsys=capsys)
    assert 0 == code
    assert "" == err
    assert f"Skrev et syntetisk demoregister til {store.resolve()}" in out
    assert "Fremdrift for kull MB-2024 per 23.11.2026" in out
    assert "Aktive ansettelser etter vei inn per 23.11.2026" in out
    assert f"mbprogram progress {store}" in out
    assert 0o600 == stat.S_IMODE(store.stat().st_mode)
    assert 30 == len(load(store).students)


def test_running_the_demo_again_replaces_its_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "demo.sqlite"
    for _ in range(2):
        assert 0 == run("demo", "--store", str(store), "--as-of", AS_OF, capsys=capsys)[0]
    assert 30 == len(load(store).students)


def test_the_demo_refuses_to_overwrite_a_file_that_is_not_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "notes.sqlite"
    precious.write_text("not a database", encoding="utf-8")
    code, _, err = run("demo", "--store", str(precious), capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err
    assert "not a database" == precious.read_text(encoding="utf-8")


def test_the_demo_in_json_prints_one_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "demo.sqlite"
    code, out, _ = run(
        "demo", "--store", str(store), "--as-of", AS_OF, "--format", "json", capsys=capsys
    )
    assert 0 == code
    document = json.loads(out)
    assert {"store", "progress", "outcomes"} == set(document)


def test_validate_says_what_a_valid_store_holds(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("validate", str(demo_store), "--format", "json", capsys=capsys)
    assert 0 == code
    summary = json.loads(out)
    assert summary["valid"] is True
    assert 2 == summary["cohorts"]
    assert 30 == summary["students"]


def test_validate_lists_every_problem_of_a_bad_document_with_its_path_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    data = json.loads(document.read_text(encoding="utf-8"))
    data["cohorts"][0]["end"] = "2025-01-01"  # before the start
    data["cohorts"][0]["plcaes"] = 3  # a typo
    document.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("validate", str(document), capsys=capsys)
    assert 2 == code
    assert "" == out
    assert "Traceback" not in err
    assert "cohorts[0].end" in err
    assert "cohorts[0].plcaes" in err


def test_bad_input_in_json_is_one_object_listing_the_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "broken.json"
    document.write_text("{", encoding="utf-8")
    code, out, _ = run("validate", str(document), "--format", "json", capsys=capsys)
    assert 2 == code
    assert {"error", "problems"} == set(json.loads(out))


def test_a_missing_file_is_bad_input_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("progress", str(tmp_path / "nowhere.json"), capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err
    assert "nowhere.json" in err


def test_progress_in_json_has_the_contracted_shape_and_exits_1_with_unmet_requirements(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        "progress", str(demo_store), "--as-of", "2025-06-30", "--format", "json",
        "--cohort", "MB-2025", "--lang", "en", capsys=capsys,
    )  # fmt: skip
    assert 1 == code
    document = json.loads(out)
    assert "2025-06-30" == document["as_of"]
    assert 15 == len(document["students"])
    first = document["students"][0]
    assert "MB-2025" == first["cohort"]
    assert isinstance(first["theory_hours"], int | float)
    assert first["findings"][0]["message"].isascii()  # English


def test_progress_exits_0_when_every_student_meets_every_requirement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = make_register(students=0)
    document = tmp_path / "empty.json"
    save(register, document)
    code, out, _ = run("progress", str(document), "--as-of", AS_OF, capsys=capsys)
    assert 0 == code
    assert "Ingen funn." in out


def test_progress_text_shows_the_table_and_the_findings_in_bokmal(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("progress", str(demo_store), "--as-of", AS_OF, capsys=capsys)
    assert 1 == code
    assert "Fremdrift for kull MB-2025 per 23.11.2026" in out
    assert "teori t  av   uker   av  litteratur  oppgave" in out
    assert "Godkjente teoritimer" in out


@pytest.mark.parametrize(
    "args",
    [
        ["progress", "{store}", "--cohort", "NOPE"],
        ["progress", "{store}", "--as-of", "31/12/2026"],
        ["progress", "{store}", "--as-of", "31.02.2026"],
        ["progress", "{store}", "--lang", "de"],
        ["outcomes", "{store}", "--format", "xml"],
        ["frobnicate"],
        [],
    ],
)
def test_wrong_usage_exits_2(
    args: list[str], demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(*(a.format(store=demo_store) for a in args), capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err


def test_outcomes_in_json_hold_every_table_and_the_hiring_warnings(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("outcomes", str(demo_store), "--as-of", AS_OF, "--format", "json",
                       capsys=capsys)  # fmt: skip
    assert 0 == code
    document = json.loads(out)
    assert {
        "as_of", "cohorts", "after_one_year", "pathways", "bands", "roles", "people",
        "part_time_share", "under_half_share", "permanent_share", "findings",
    } == set(document)  # fmt: skip
    assert {"placement-unit", "budget-pot", "project-position", "ordinary-position"} == {
        row["pathway"] for row in document["pathways"]
    }
    assert all(f["severity"] == "warning" for f in document["findings"])


def test_import_attendance_imports_a_sheet_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\nS-02;{day};5\n", encoding="utf-8")
    code, out, _ = run("import-attendance", str(document), str(sheet), "--actor", "Krog",
                       capsys=capsys)  # fmt: skip
    assert 0 == code
    assert ": 2 rader lest: 2 registrert, 0 rettet, 0 uendret\n" in out  # in bokmål by default
    assert 2 == sum(len(s.attendance) for s in load(document).students.values())
    again = document.read_bytes()
    code, out, _ = run("import-attendance", str(document), str(sheet), "--lang", "en",
                       capsys=capsys)  # fmt: skip
    assert 0 == code
    assert ": 2 rows read: 0 recorded, 0 corrected, 2 unchanged\n" in out
    assert load(document) == load(document)
    assert json.loads(again)["cohorts"] == json.loads(document.read_bytes())["cohorts"]


def test_import_attendance_with_a_bad_row_imports_nothing_and_names_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    before = document.read_bytes()
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\nS-02;{day};99\n", encoding="utf-8")
    code, _, err = run("import-attendance", str(document), str(sheet), capsys=capsys)
    assert 2 == code
    assert "rad 3, kolonne timer" in err
    assert before == document.read_bytes()


@pytest.mark.parametrize(
    "command", [[], ["demo"], ["validate"], ["progress"], ["outcomes"], ["import-attendance"]]
)
def test_every_command_explains_itself(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(*command, "--help", "--lang", "en", capsys=capsys)
    assert 0 == code
    assert out.startswith(f"usage: mbprogram {' '.join(command)}".rstrip())
    assert len(out.splitlines()) > 5


def test_the_help_is_in_bokmal_unless_english_is_asked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MBPROGRAM_LANG", raising=False)
    _, out, _ = run("--help", capsys=capsys)
    assert "opplæringsprogram" in out
    _, out, _ = run("progress", "--help", "--lang", "en", capsys=capsys)
    assert "Evaluate every student" in out
    _, out, _ = run("--lang=en", "--help", capsys=capsys)
    assert "Run a training programme" in out
    monkeypatch.setenv("MBPROGRAM_LANG", "en")
    _, out, _ = run("validate", "--help", capsys=capsys)
    assert "check every record and rule" in out


def test_the_installed_command_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "mbprogram"
    assert script.exists(), "the package's console script is installed"
    result = subprocess.run(  # noqa: S603 - our own entry point
        [str(script), "--version"], capture_output=True, text=True, check=False,
        env={**os.environ}, cwd=tmp_path,
    )  # fmt: skip
    assert 0 == result.returncode
    assert result.stdout.startswith("mbprogram ")


@pytest.mark.parametrize(
    "args",
    [
        ["progress", "{store}", "--as-of", "2026-02-30", "--format", "json"],
        ["progress", "{store}", "--format=json", "--lang", "de"],
        ["outcomes", "--format", "json"],
    ],
)
def test_wrong_usage_with_json_output_prints_one_json_object(
    args: list[str], demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(*(a.format(store=demo_store) for a in args), capsys=capsys)
    assert 2 == code
    document = json.loads(out)
    assert "feil bruk" == document["error"]  # bokmål unless --lang en
    assert document["problems"][0]["message"]


def test_a_date_that_is_not_in_the_calendar_is_called_so(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("progress", str(demo_store), "--as-of", "2026-02-30", capsys=capsys)
    assert 2 == code
    assert "2026-02-30 er ingen dag i kalenderen" in err
    code, _, err = run("progress", str(demo_store), "--as-of", "30.02.2026", "--lang", "en",
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "30.02.2026 is not a day in the calendar" in err


def test_a_damaged_store_is_bad_input_named_by_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "damaged.sqlite"
    save(make_register(), store)
    with contextlib.closing(sqlite3.connect(store)) as db, db:
        db.execute("DELETE FROM meta WHERE key = 'revision'")
    code, _, err = run("validate", str(store), capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err
    assert "damaged" in err


def test_importing_into_a_store_that_changed_meanwhile_is_a_conflict_and_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "shared.sqlite"
    save(make_register(), store)
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\n", encoding="utf-8")

    from mbprogram.storage import attendance_csv  # noqa: PLC0415

    real = attendance_csv.import_attendance

    def import_while_someone_else_saves(*args: Any, **kwargs: Any) -> Any:
        with SqliteStore.open(store) as other:
            register = other.load()
            register.change_places(COHORT_ID, 25, by=STAMP)
            other.save(register)
        return real(*args, **kwargs)

    monkeypatch.setattr(attendance_csv, "import_attendance", import_while_someone_else_saves)
    code, _, err = run("import-attendance", str(store), str(sheet), capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err
    kept = load(store)
    assert 25 == kept.cohort(COHORT_ID).places  # the other change is kept
    assert () == kept.student("S-01").attendance  # and the import can simply be run again


def test_importing_the_same_sheet_twice_leaves_the_store_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(), store)
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\n", encoding="utf-8")
    assert 0 == run("import-attendance", str(store), str(sheet), capsys=capsys)[0]
    before = store.read_bytes()
    code, out, _ = run("import-attendance", str(store), str(sheet), capsys=capsys)
    assert 0 == code
    assert "1 uendret" in out
    assert before == store.read_bytes()


def test_saving_keeps_an_existing_store_a_store_whatever_its_name(tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    save(make_register(), tmp_path / "x.sqlite")
    (tmp_path / "x.sqlite").rename(odd)
    save(make_register(1), odd)
    assert odd.read_bytes().startswith(b"SQLite format 3")
    assert 1 == len(load(odd).students)


@pytest.mark.parametrize("path", [None, 5, b"register.json"])
def test_loading_or_saving_something_that_is_not_a_path_is_refused_clearly(path: Any) -> None:
    with pytest.raises(InvalidValueError, match="path: expected a file path"):
        load(path)
    with pytest.raises(InvalidValueError, match="path: expected a file path"):
        save(make_register(), path)


def test_outcomes_of_one_cohort_warn_only_about_its_graduates(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("outcomes", str(demo_store), "--as-of", AS_OF, "--cohort", "MB-2025",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 0 == code
    paths = [f["path"] for f in json.loads(out)["findings"]]
    assert paths
    assert not any("MB-2024" in p or "E-A" in p for p in paths)


def test_a_dry_run_import_says_what_would_change_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "register.sqlite"
    save(make_register(), store)
    before = store.read_bytes()
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\n", encoding="utf-8")
    code, out, _ = run("import-attendance", str(store), str(sheet), "--dry-run",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 0 == code
    assert {"rows": 1, "recorded": 1, "corrected": 0, "unchanged": 0, "dry_run": True} == (
        json.loads(out)
    )
    assert before == store.read_bytes()


def test_cohort_wide_findings_are_in_the_progress_json_and_decide_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = make_register()
    register.change_places(COHORT_ID, 2, by=STAMP)  # three students enrolled
    document = tmp_path / "crowded.json"
    save(register, document)
    code, out, _ = run("progress", str(document), "--as-of", "2026-02-01", "--format", "json",
                       capsys=capsys)  # fmt: skip
    findings = json.loads(out)["findings"]
    assert ["COHORT_OVER_PLACES"] == [f["code"] for f in findings]
    assert "warning" == findings[0]["severity"]
    assert 1 == code  # the students have unmet requirements as well


@pytest.mark.parametrize("name", ["shared.json", "shared.sqlite"])
def test_a_conflict_is_reported_the_same_way_for_a_document_and_a_store(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    path = tmp_path / name
    save(make_register(), path)
    sheet = tmp_path / "sheet.csv"
    day = session_day(1).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer\nS-01;{day};4,5\n", encoding="utf-8")

    from mbprogram.storage import attendance_csv  # noqa: PLC0415

    real = attendance_csv.import_attendance

    def import_while_someone_else_saves(*args: Any, **kwargs: Any) -> Any:
        other = load(path)
        other.change_places(COHORT_ID, 25, by=STAMP)
        save(other, path)
        return real(*args, **kwargs)

    monkeypatch.setattr(attendance_csv, "import_attendance", import_while_someone_else_saves)
    code, out, _ = run("import-attendance", str(path), str(sheet), "--format", "json",
                       "--lang", "en", capsys=capsys)  # fmt: skip
    assert 2 == code
    message = json.loads(out)["error"]
    assert message.startswith(f"{path} was saved by someone else since it was loaded here")
    assert message.endswith(
        "nothing was written: load it again, re-apply the change and save again"
    )
    kept = load(path)
    assert 25 == kept.cohort(COHORT_ID).places
    assert () == kept.student("S-01").attendance


def test_importing_into_a_file_of_no_known_kind_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("deltaker;dato;timer\n", encoding="utf-8")
    code, _, err = run("import-attendance", str(tmp_path / "register.txt"), str(sheet),
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "kan ikke se hva slags fil det er ut fra '.txt'" in err


def test_version_prints_the_command_and_the_version_in_pyproject(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    code, out, _ = run("--version", capsys=capsys)
    assert 0 == code
    assert f"mbprogram {version}\n" == out


def test_version_is_the_source_trees_when_the_package_is_not_installed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    code, out, _ = run("--version", capsys=capsys)
    assert 0 == code
    assert f"mbprogram {mbprogram.__version__}\n" == out


#: What ``mbprogram --help`` and ``--version`` must not load.
ADAPTERS = ("mbprogram.storage", "mbprogram.reports", "mbprogram.privacy", "mbprogram.demo")
QUICK_CALLS = [
    ["--help"],
    ["--version"],
    *([command, "--help"] for command in ("demo", "validate", "progress", "import-attendance")),
]
#: Runs each quick call in turn and prints, as JSON, the package's modules loaded after each.
#: With ``bare``, the package root is an empty module, so only what the command line
#: itself imports is loaded (the root may import more, or less, on its own).
PROBE = """
import contextlib, importlib.util, io, json, sys, types
if {bare}:
    root = types.ModuleType("mbprogram")
    root.__path__ = list(importlib.util.find_spec("mbprogram").submodule_search_locations)
    sys.modules["mbprogram"] = root
from mbprogram.cli import main
loaded = []
for argv in {calls!r}:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(argv) == 0
    loaded.append(sorted(m for m in sys.modules if m.startswith("mbprogram")))
print(json.dumps(loaded))
"""


def modules_after_quick_calls(*, bare: bool) -> dict[str, list[str]]:
    """In a fresh interpreter: the adapter modules loaded after each quick call."""
    result = subprocess.run(  # noqa: S603 - our own code, in this interpreter
        [sys.executable, "-c", PROBE.format(bare=bare, calls=QUICK_CALLS)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    loaded = json.loads(result.stdout)
    return {
        " ".join(argv): [m for m in modules if m.startswith(ADAPTERS)]
        for argv, modules in zip(QUICK_CALLS, loaded, strict=True)
    }


def test_help_and_version_import_no_adapter_from_the_command_line_module() -> None:
    assert {" ".join(argv): [] for argv in QUICK_CALLS} == modules_after_quick_calls(bare=True)


def test_help_and_version_import_no_adapter_with_the_package_root() -> None:
    root = subprocess.run(
        [sys.executable, "-c", "import json, sys, mbprogram; print(json.dumps(list(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert [] == [m for m in json.loads(root) if m.startswith(ADAPTERS)]
    assert {" ".join(argv): [] for argv in QUICK_CALLS} == modules_after_quick_calls(bare=False)


#: One call in a fresh interpreter: prints, as JSON, the package's modules it loaded.
ALONE = """
import contextlib, io, json, sys
from mbprogram.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main({argv!r})
print(json.dumps(sorted(m for m in sys.modules if m.startswith("mbprogram"))))
"""
#: The core's packages: none is needed to list the commands or explain one's arguments.
CORE = ("mbprogram.model", "mbprogram.calendar", "mbprogram.rules", "mbprogram.register")


def modules_of_one_call(*argv: str) -> list[str]:
    """The package's modules that ``mbprogram ARGV`` loads, alone in a fresh interpreter."""
    result = subprocess.run(  # noqa: S603 - our own code, in this interpreter
        [sys.executable, "-c", ALONE.format(argv=list(argv))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def command_module_names() -> set[str]:
    """The modules that hold commands (cli/command_table.py names them)."""
    from mbprogram.cli.command_table import LISTED  # noqa: PLC0415

    return {f"mbprogram.cli.{c.module}" for c in LISTED}


@pytest.mark.parametrize("argv", [["--help"], [], ["--help", "--lang", "en"], ["nope"]])
def test_the_commands_are_listed_without_any_command_s_module_or_the_core(
    argv: list[str],
) -> None:
    loaded = modules_of_one_call(*argv)
    assert [] == [m for m in loaded if m in command_module_names()]
    assert [] == [m for m in loaded if m.startswith((*ADAPTERS, *CORE))]


@pytest.mark.parametrize(
    ("name", "modules"),
    [
        ("init", ["stores"]),
        ("students", ["lookups"]),
        ("progress", ["reports"]),  # cli.history only once --as-known-at is given
    ],
)
def test_a_command_s_help_imports_its_own_module_and_no_other_command_s(
    name: str, modules: list[str]
) -> None:
    loaded = modules_of_one_call(name, "--help")
    assert [f"mbprogram.cli.{m}" for m in modules] == [
        m for m in loaded if m in command_module_names()
    ]
    assert [] == [m for m in loaded if m.startswith((*ADAPTERS, *CORE))]


#: What ``progress`` on a store never needs: the moments of ``--as-known-at``, the
#: register's changes (a report makes none), the other kinds of file and
#: store, the history's migration, the other reports, the services, the demo.
NOT_FOR_PROGRESS = (
    "mbprogram.cli.history",
    "mbprogram.register.changes",
    "mbprogram.storage.json_document",
    "mbprogram.storage.postgres_store",
    "mbprogram.storage._history_migration",
    "mbprogram.reports.outcomes",
    "mbprogram.reports.pdf",
    "mbprogram.reports.plots",
    "mbprogram.reports.spreadsheet",
    "mbprogram.services",
    "mbprogram.privacy",
    "mbprogram.demo",
)


def test_progress_on_a_store_imports_no_module_the_report_does_not_use(demo_store: Path) -> None:
    loaded = modules_of_one_call("progress", str(demo_store), "--as-of", "2026-06-01")
    assert {"mbprogram.storage.sqlite_store", "mbprogram.reports.progress"} <= set(loaded)
    assert [] == [m for m in loaded if m.startswith(NOT_FOR_PROGRESS)]
