"""The commands that change one record at a time: init, open-cohort, enrol … (docs/cli.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram.cli import main
from mbprogram.model.students import Status
from mbprogram.storage.files import load, save
from tests.builders import COHORT_ID, STAMP, make_register, new_student, synthetic_id
from tests.cli_runner import ok, run


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding ``make_register()``'s cohort K1, units U1 and U2, students S-01 to S-03."""
    path = tmp_path / "register.sqlite"
    save(make_register(), path)
    return path


# -- init


@pytest.mark.parametrize("name", ["register.sqlite", "register.json"])
def test_init_makes_an_empty_register_readable_by_its_owner_only(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    code, out, err = run("init", path, "--lang", "en", capsys=capsys)
    assert (0, "") == (code, err)
    assert f"Created an empty register in {path}." in out
    register = load(path)
    assert (0, 0, 0) == (len(register.cohorts), len(register.students), len(register.history))
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", ["register.sqlite", "register.json", "notes.txt"])
def test_init_never_overwrites_a_file_that_exists(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"precious")
    code, _, err = run("init", path, capsys=capsys)
    assert 2 == code
    assert "finnes allerede" in err
    assert b"precious" == path.read_bytes()


def test_a_change_to_a_store_that_does_not_exist_is_bad_input_and_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typo.sqlite"
    code, _, err = run("add-host-unit", path, "--id", "U", "--name", "U", "--capacity", "1",
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "typo.sqlite" in err
    assert not path.exists()


def test_init_of_a_file_of_no_known_kind_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.txt"
    code, _, err = run("init", path, capsys=capsys)
    assert 2 == code
    assert "Traceback" not in err
    assert not path.exists()


def test_init_with_synthetic_ids_makes_a_register_for_test_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "test.sqlite"
    document = ok("init", path, "--synthetic-ids")
    assert {"store": str(path), "created": True, "synthetic_ids": True} == document
    assert load(path).allow_synthetic_ids


# -- open-cohort


def test_open_cohort_with_a_preset_adds_the_cohort_and_says_what_changed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.sqlite"
    ok("init", path)
    document = ok(
        "open-cohort", path, "--id", "MB-26", "--name", "MB 2026", "--rules", "bergen-2015",
        "--start", "2026-01-05", "--end", "2026-12-18", "--places", "12", "--by", "kari",
    )  # fmt: skip
    assert {
        "store": str(path),
        "dry_run": False,
        "saved": True,
        "changes": [{"action": "cohort.opened", "record": "cohorts[MB-26]"}],
        "rules": "Bergen 2015",
    } == document
    register = load(path)
    cohort = register.cohort("MB-26")
    assert ("MB 2026", 12, "Bergen 2015") == (cohort.name, cohort.places, cohort.rules.name)
    assert "kari" == register.history[-1].actor


def test_open_cohort_reads_rules_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps({"name": "Kort", "theory_hours": 10, "practice_weeks": 2}) + "\n",
        encoding="utf-8",
    )
    ok("init", path)
    ok(
        "open-cohort", path, "--id", "K", "--name", "Kort kurs", "--rules", rules,
        "--start", "2026-01-05", "--end", "2026-06-30", "--places", "5",
    )  # fmt: skip
    assert "Kort" == load(path).cohort("K").rules.name


def test_a_bad_rules_file_lists_every_problem_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite"
    ok("init", path)
    before = path.read_bytes()
    rules = tmp_path / "rules.json"
    rules.write_text('{"name": "X", "theory_hours": -1, "pratice_weeks": 2}', encoding="utf-8")
    code, out, _ = run(
        "open-cohort", path, "--id", "K", "--name", "K", "--rules", rules,
        "--start", "2026-01-05", "--end", "2026-06-30", "--places", "5", "--format", "json",
        capsys=capsys,
    )  # fmt: skip
    assert 2 == code
    problems = {p["path"] for p in json.loads(out)["problems"]}
    assert {"rules.theory_hours", "rules.pratice_weeks", "rules.practice_weeks"} <= problems
    assert before == path.read_bytes()


def test_a_rules_file_that_is_not_json_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite"
    ok("init", path)
    rules = tmp_path / "rules.json"
    rules.write_text("not json", encoding="utf-8")
    code, _, err = run(
        "open-cohort", path, "--id", "K", "--name", "K", "--rules", rules,
        "--start", "2026-01-05", "--end", "2026-06-30", "--places", "5", capsys=capsys,
    )  # fmt: skip
    assert 2 == code
    assert "not json" not in err
    assert "Traceback" not in err


def test_opening_a_cohort_twice_is_refused_with_its_code_and_changes_nothing(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()
    args = ("--name", "Again", "--rules", "bergen-2010", "--start", "2026-01-05",
            "--end", "2026-12-18", "--places", "3")  # fmt: skip
    code, out, _ = run("open-cohort", store, "--id", COHORT_ID, *args, "--format", "json",
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    document = json.loads(out)
    assert ["ID_USED_TWICE"] == [p["code"] for p in document["problems"]]
    assert before == store.read_bytes()
    code, _, err = run("open-cohort", store, "--id", COHORT_ID, *args, capsys=capsys)
    assert 2 == code
    assert "[ID_USED_TWICE] cohorts[K1]" in err


# -- enrol and status changes


def test_enrol_adds_a_new_student_whose_details_are_never_printed(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = synthetic_id(7).value
    register = make_register(allow_synthetic_ids=True)
    save(register, store)
    code, out, err = run(
        "enrol", store, "--student", "S-09", "--cohort", COHORT_ID, "--name", "Nina Nyhus",
        "--national-id", number, "--email", "nina@example.org", "--on", "2026-02-02",
        capsys=capsys,
    )  # fmt: skip
    assert 0 == code
    assert "student.enrolled  cohorts[K1].students[S-09]" in out
    for secret in (number, "Nina", "nina@example.org"):
        assert secret not in out + err
    student = load(store).student("S-09")
    assert ("Nina Nyhus", Status.ACTIVE) == (student.name, student.status)
    assert student.national_id is not None
    assert number == student.national_id.value


def test_enrolling_a_student_with_a_synthetic_number_in_a_real_register_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = synthetic_id(7).value
    before = store.read_bytes()
    code, out, err = run(
        "enrol", store, "--student", "S-09", "--cohort", COHORT_ID, "--name", "Nina Nyhus",
        "--national-id", number, "--on", "2026-02-02", capsys=capsys,
    )  # fmt: skip
    assert 2 == code
    assert "national_id" in err
    assert number not in out + err
    assert before == store.read_bytes()


def test_enrolling_an_admitted_student_by_id(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    register = make_register(students=0)
    from tests.builders import STAMP, new_student  # noqa: PLC0415

    register.add_applicant(
        new_student("S-05"), on=register.cohort(COHORT_ID).period.start, by=STAMP
    )
    register.admit("S-05", on=register.cohort(COHORT_ID).period.start, by=STAMP)
    save(register, path)
    ok("enrol", path, "--student", "S-05", "--on", "2026-01-12")
    assert load(path).student("S-05").enrolled_on is not None


def test_an_applicant_from_a_class_list_is_admitted_then_enrolled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite"
    register = make_register(students=0)
    register.add_applicant(new_student("S-05"), on=dt.date(2026, 1, 2), by=STAMP)
    save(register, path)
    code, _, _ = run("enrol", path, "--student", "S-05", "--on", "2026-01-12", "--format",
                       "json", capsys=capsys)  # fmt: skip
    assert 2 == code  # an applicant is admitted first
    code, out, _ = run("admit", path, "--student", "S-05", "--on", "2026-01-05", "--lang", "en",
                       capsys=capsys)  # fmt: skip
    assert (0, "student.admitted  cohorts[K1].students[S-05].status_history") == (
        code, out.splitlines()[0]
    )  # fmt: skip
    assert Status.ADMITTED == load(path).student("S-05").status
    ok("enrol", path, "--student", "S-05", "--on", "2026-01-12")
    assert (Status.ACTIVE, dt.date(2026, 1, 12)) == (
        load(path).student("S-05").status, load(path).student("S-05").enrolled_on
    )  # fmt: skip


def test_admitting_a_student_who_is_active_is_refused_with_the_apis_code(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()
    code, out, _ = run("admit", store, "--student", "S-01", "--on", "2026-03-23",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert ["STATUS_TRANSITION_NOT_ALLOWED"] == [p.get("code") for p in json.loads(out)["problems"]]
    assert before == store.read_bytes()


def test_enrol_without_a_name_but_with_details_is_wrong_usage(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("enrol", store, "--student", "S-09", "--email", "x@example.org",
                       "--on", "2026-02-02", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "--name" in err


def test_leave_resume_and_withdraw_change_the_status_and_keep_the_reason_private(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("grant-leave", store, "--student", "S-01", "--on", "2026-03-02", "--reason", "sykdom")
    assert Status.ON_LEAVE == load(store).student("S-01").status
    ok("resume", store, "--student", "S-01", "--on", "2026-03-23")
    assert Status.ACTIVE == load(store).student("S-01").status
    code, out, err = run("withdraw", store, "--student", "S-01", "--on", "2026-04-01",
                         "--reason", "flyttet", capsys=capsys)  # fmt: skip
    assert 0 == code
    assert "flyttet" not in out + err
    assert Status.WITHDRAWN == load(store).student("S-01").status


def test_resuming_a_student_who_is_not_on_leave_is_refused_with_the_apis_code(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("resume", store, "--student", "S-01", "--on", "2026-03-23",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    codes = [p.get("code") for p in json.loads(out)["problems"]]
    assert ["STATUS_TRANSITION_NOT_ALLOWED"] == codes


def test_an_unknown_student_is_bad_input_named_by_its_id(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("grant-leave", store, "--student", "S-77", "--on", "2026-03-02",
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "S-77" in err
    assert "Traceback" not in err


COMMANDS_ON_S01 = [
    ("grant-leave", "--student", "S-01", "--on", "2026-03-02"),
    ("withdraw", "--student", "S-01", "--on", "2026-03-02"),
    ("approve-makeup", "--student", "S-01", "--id", "M1", "--hours", "2,5",
     "--on", "2026-03-02", "--approver", "Lærer Lund"),
    ("sign-off-literature", "--student", "S-01", "--signed-by", "Lærer Lund", "--on", "2026-03-02"),
    ("start-assignment", "--student", "S-01", "--topic", "Håp", "--supervisor", "Lærer Lund"),
    ("place", "--student", "S-01", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
     "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "man,ons,tor"),
    ("add-host-unit", "--id", "U9", "--name", "Nytt sted", "--capacity", "2"),
    ("open-cohort", "--id", "K9", "--name", "K9", "--rules", "bergen-2010",
     "--start", "2027-01-04", "--end", "2027-12-17", "--places", "9"),
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS_ON_S01, ids=lambda c: c[0])
def test_a_dry_run_says_what_would_change_and_saves_nothing(
    store: Path, command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()
    name, *rest = command
    document = ok(name, store, *rest, "--dry-run")
    assert (True, False) == (document["dry_run"], document["saved"])
    assert document["changes"]
    assert before == store.read_bytes()
    code, out, _ = run(name, store, *rest, "--dry-run", capsys=capsys)
    assert 0 == code
    assert "Tørrkjøring: ingenting er lagret." in out
    assert before == store.read_bytes()
    after = ok(name, store, *rest)
    assert document["changes"] == after["changes"]
    assert after["saved"] is True


@settings(max_examples=10, deadline=None)
@given(hours=st.decimals(min_value="0.25", max_value="40", places=2))
def test_make_up_hours_are_read_with_a_comma_or_a_point(hours: object) -> None:
    import tempfile  # noqa: PLC0415 - a fresh store per example

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "r.sqlite"
        save(make_register(), path)
        written = str(hours)
        for mark, sid in ((".", "S-01"), (",", "S-02")):
            ok("approve-makeup", path, "--student", sid, "--id", "M1",
               "--hours", written.replace(".", mark), "--on", "2026-03-02",
               "--approver", "Lærer Lund")  # fmt: skip
        register = load(path)
        assert [hours, hours] == [
            register.student(s).makeups[0].hours.value for s in ("S-01", "S-02")
        ]


def test_a_make_up_approved_by_the_student_is_refused_with_its_code(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.builders import NAMES  # noqa: PLC0415

    code, out, _ = run("approve-makeup", store, "--student", "S-01", "--id", "M1", "--hours",
                       "2", "--on", "2026-03-02", "--approver", NAMES["S-01"], "--format",
                       "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert ["PERSON_IS_THE_STUDENT"] == [p.get("code") for p in json.loads(out)["problems"]]
    assert NAMES["S-01"] not in out


# -- a whole student's way to graduation


def coordinator(store: Path, *commands: tuple[str, ...]) -> None:
    for name, *rest in commands:
        ok(name, store, *rest)


def test_a_student_is_taken_to_graduation_with_commands_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite"
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps({"name": "Kort", "theory_hours": "7.5", "practice_weeks": 2}), encoding="utf-8"
    )
    ok("init", path)
    coordinator(
        path,
        ("open-cohort", "--id", "K", "--name", "Kort", "--rules", str(rules),
         "--start", "2026-01-05", "--end", "2026-06-30", "--places", "4"),
        ("add-host-unit", "--id", "U1", "--name", "Solheim", "--capacity", "1"),
        ("enrol", "--student", "S-1", "--cohort", "K", "--name", "Ola Testesen",
         "--on", "2026-01-05"),
        ("approve-makeup", "--student", "S-1", "--id", "M1", "--hours", "7,5",
         "--on", "2026-01-20", "--approver", "Lærer Lund"),
        ("place", "--student", "S-1", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
         "--start", "2026-02-02", "--end", "2026-02-27", "--weekdays", "mon,wed"),
        ("assess-placement", "--student", "S-1", "--placement", "P1", "--stage", "midway",
         "--on", "2026-02-13", "--assessor", "Siri", "--outlook", "on-track"),
        ("sign-off-literature", "--student", "S-1", "--signed-by", "Lærer Lund",
         "--on", "2026-03-02"),
        ("start-assignment", "--student", "S-1", "--topic", "Håp", "--supervisor", "Lærer Lund"),
        ("submit-assignment", "--student", "S-1", "--on", "2026-03-09"),
        ("assess-assignment", "--student", "S-1", "--on", "2026-03-16",
         "--assessor", "Lærer Lund", "--verdict", "not-approved"),
    )  # fmt: skip
    second = ok("submit-assignment", path, "--student", "S-1", "--on", "2026-03-23")
    assert 2 == second["submission"]
    code, out, _ = run("graduate", path, "--student", "S-1", "--on", "2026-03-24",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert ["ASSIGNMENT_NOT_APPROVED"] == [p["code"] for p in json.loads(out)["problems"]]
    coordinator(
        path,
        ("assess-assignment", "--student", "S-1", "--on", "2026-03-30",
         "--assessor", "Lærer Lund", "--verdict", "approved"),
    )  # fmt: skip
    code, out, _ = run("graduate", path, "--student", "S-1", "--on", "2026-04-01",
                       "--lang", "en", capsys=capsys)  # fmt: skip
    assert 0 == code
    assert "Certificate cert-S-1 issued on 2026-04-01." in out
    student = load(path).student("S-1")
    assert Status.GRADUATED == student.status
    assert student.certificate is not None


def test_a_refused_graduation_names_every_unmet_requirement_in_the_language_asked_for(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()
    code, _, err = run("graduate", store, "--student", "S-01", "--on", "2026-09-01", capsys=capsys)
    assert 2 == code
    assert "[THEORY_HOURS_SHORT] cohorts[K1].students[S-01].attendance" in err
    assert "[LITERATURE_NOT_SIGNED_OFF]" in err
    assert "Litteraturstudiene" in err or "litteratur" in err.lower()
    assert before == store.read_bytes()


def test_assessing_a_placement_twice_at_one_stage_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coordinator(
        store,
        ("place", "--student", "S-01", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
         "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "man,ons,tor"),
    )  # fmt: skip
    assess = ("assess-placement", store, "--student", "S-01", "--placement", "P1", "--stage",
              "final", "--on", "2026-05-29", "--assessor", "Siri", "--outlook",
              "cause-for-concern", "--note", "bekymret")  # fmt: skip
    code, out, err = run(*assess, capsys=capsys)
    assert 0 == code
    assert "bekymret" not in out + err
    before = store.read_bytes()
    code, _, err = run(*assess, capsys=capsys)
    assert 2 == code
    assert "placements[P1]" in err
    assert before == store.read_bytes()


def test_a_placement_over_a_units_capacity_is_refused_with_its_code(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place = ("--unit", "U2", "--supervisor", "Siri", "--start", "2026-02-02",
             "--end", "2026-05-29", "--weekdays", "mon")  # fmt: skip
    ok("place", store, "--student", "S-01", "--id", "P1", *place)
    code, out, _ = run("place", store, "--student", "S-02", "--id", "P1", *place,
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "HOST_UNIT_OVER_CAPACITY" in {p.get("code") for p in json.loads(out)["problems"]}


def test_weekdays_that_are_not_weekdays_are_wrong_usage(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("place", store, "--student", "S-01", "--id", "P1", "--unit", "U1",
                       "--supervisor", "Siri", "--start", "2026-02-02", "--end", "2026-05-29",
                       "--weekdays", "mon,funday", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "mon,wed,thu" in err


STATUS_COMMANDS = {
    "admit": lambda register, sid, on, by: register.admit(sid, on=on, by=by),
    "enrol": lambda register, sid, on, by: register.enrol(sid, on=on, by=by),
    "grant-leave": lambda register, sid, on, by: register.grant_leave(sid, on=on, by=by),
    "resume": lambda register, sid, on, by: register.resume(sid, on=on, by=by),
    "withdraw": lambda register, sid, on, by: register.withdraw(sid, on=on, by=by),
}


@settings(max_examples=15, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(sorted(STATUS_COMMANDS)),
            st.sampled_from(["S-01", "S-02", "S-04", "S-09"]),
            st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 1, 31)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_command_accepts_and_refuses_what_the_api_does_with_the_same_codes(
    steps: list[tuple[str, str, dt.date]],
) -> None:
    import tempfile  # noqa: PLC0415 - a fresh store per example

    from mbprogram import MbprogramError, RefusedChangeError  # noqa: PLC0415

    register = make_register()
    register.add_applicant(new_student("S-04"), on=dt.date(2025, 12, 1), by=STAMP)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "r.json"
        save(register, path)
        for name, sid, on in steps:
            before = path.read_bytes()
            try:
                STATUS_COMMANDS[name](register, sid, on, STAMP)
                api: tuple[int, set[str]] = (0, set())
            except RefusedChangeError as e:
                api = (2, set(e.codes))
            except MbprogramError:
                api = (2, set())
            out = io.StringIO()
            code = main([name, str(path), "--student", sid, "--on", on.isoformat(),
                         "--format", "json"], out=out)  # fmt: skip
            document = json.loads(out.getvalue())
            codes = {p["code"] for p in document.get("problems", []) if "code" in p}
            assert api == (code, codes)
            if code:
                assert before == path.read_bytes()
        stored = load(path)
        for sid in ("S-01", "S-02", "S-04"):
            assert register.student(sid).status_history == stored.student(sid).status_history


def test_a_placement_absence_is_recorded_refused_on_a_day_off_and_the_placement_ended_early(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("place", store, "--student", "S-01", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
       "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "mon,wed")  # fmt: skip
    ok("record-placement-absence", store, "--student", "S-01", "--placement", "P1",
       "--day", "2026-02-04", "--reason", "sykdom")  # fmt: skip
    placement = load(store).student("S-01").placement("P1")
    assert placement is not None
    assert {dt.date(2026, 2, 4)} == placement.absent_days
    before = store.read_bytes()
    code, _, err = run("record-placement-absence", store, "--student", "S-01", "--placement",
                       "P1", "--day", "2026-04-06", capsys=capsys)  # fmt: skip
    assert 2 == code  # Easter Monday is no practice day
    assert "[ABSENCE_ON_PUBLIC_HOLIDAY]" in err
    assert before == store.read_bytes()
    ok("end-placement-early", store, "--student", "S-01", "--placement", "P1",
       "--last-day", "2026-04-30")  # fmt: skip
    placement = load(store).student("S-01").placement("P1")
    assert placement is not None
    assert dt.date(2026, 4, 30) == placement.period.end


def test_a_cohorts_places_and_a_units_capacity_change(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("change-places", store, "--cohort", COHORT_ID, "--places", "40")
    assert 40 == load(store).cohort(COHORT_ID).places
    ok("place", store, "--student", "S-01", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
       "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "mon")  # fmt: skip
    ok("place", store, "--student", "S-02", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
       "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "mon")  # fmt: skip
    code, out, _ = run("change-capacity", store, "--unit", "U1", "--capacity", "1",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert {"HOST_UNIT_OVER_CAPACITY"} == {p.get("code") for p in json.loads(out)["problems"]}
    ok("change-capacity", store, "--unit", "U1", "--capacity", "5")
    assert 5 == load(store).host_unit("U1").capacity
