"""The hiring commands: add-budget-pot, hire, end- and extend-employment, make-permanent …"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mbprogram.storage.files import load, save
from tests.builders import GRADUATION_DAY, STAMP, complete, make_register
from tests.cli_runner import ok, run

RECORDS = {"S-01": "U1", "S-02": "U2"}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """S-01 and S-02 graduated on GRADUATION_DAY (placed at U1 and U2); S-03 has not."""
    register = make_register()
    for sid, unit in RECORDS.items():
        complete(register, sid, unit=unit)
        register.graduate(sid, on=GRADUATION_DAY, by=STAMP)
    path = tmp_path / "register.sqlite"
    save(register, path)
    return path


def hire(store: Path, eid: str, person: str, *extra: str) -> tuple[str | Path, ...]:
    return ("hire", store, "--id", eid, "--person", person, "--unit", "U1",
            "--start", "2026-10-01", "--percent", "50", *extra)  # fmt: skip


POT = ("--pathway", "budget-pot", "--funding", "budget-pot", "--pot", "POT")


def test_a_hire_from_the_budget_pot_is_recorded_with_every_detail(store: Path) -> None:
    ok("add-budget-pot", store, "--id", "POT", "--name", "Bergen", "--capacity", "1")
    document = ok(
        *hire(store, "E1", "S-01", *POT, "--role", "individual-users", "--role", "relatives",
              "--supervision", "group", "--peer-network", "--benefit", "aap",
              "--panel", "Kari Nordmann:Mental Helse", "--panel", "Per Leder"),
    )  # fmt: skip
    assert [{"action": "employment.hired", "record": "employments[E1]"}] == document["changes"]
    assert "aap" not in json.dumps(document)
    employment = load(store).employment("E1")
    assert ("POT", 50, "group") == (
        employment.pot,
        employment.percent.value,
        employment.supervision.value,
    )
    assert {"individual-users", "relatives"} == {r.value for r in employment.roles}
    assert [True, False] == [m.represents_user_organisation for m in employment.panel]
    assert employment.temporary


def test_the_pot_over_its_capacity_is_refused_with_its_code_and_saves_nothing(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("add-budget-pot", store, "--id", "POT", "--name", "Bergen", "--capacity", "1")
    ok(*hire(store, "E1", "S-01", *POT))
    before = store.read_bytes()
    code, out, _ = run(*hire(store, "E2", "S-02", *POT), "--format", "json", capsys=capsys)
    assert 2 == code
    assert {"BUDGET_POT_OVER_CAPACITY"} == {p.get("code") for p in json.loads(out)["problems"]}
    assert before == store.read_bytes()


def test_a_pot_hire_of_someone_without_a_certificate_is_refused_with_its_code(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("add-budget-pot", store, "--id", "POT", "--name", "Bergen", "--capacity", "3")
    code, _, err = run(*hire(store, "E3", "S-03", *POT), capsys=capsys)
    assert 2 == code
    assert "[BUDGET_POT_WITHOUT_CERTIFICATE]" in err


def test_a_placement_unit_hire_where_the_person_had_no_placement_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        *hire(store, "E1", "S-02", "--pathway", "placement-unit", "--funding", "other"),
        capsys=capsys,
    )
    assert 2 == code
    assert "[PLACEMENT_UNIT_WITHOUT_PLACEMENT]" in err


def test_a_temporary_employment_is_extended_confirmed_made_permanent_and_ended(
    store: Path,
) -> None:
    temporary = ("--pathway", "project-position", "--funding", "state-grant",
                 "--end", "2027-03-31")  # fmt: skip
    ok(*hire(store, "E1", "S-01", *temporary))
    ok("extend-employment", store, "--id", "E1", "--new-end", "2027-06-30")
    assert dt.date(2027, 6, 30) == load(store).employment("E1").end
    ok("confirm-end", store, "--id", "E1", "--on", "2027-01-15")
    assert dt.date(2027, 1, 15) == load(store).employment("E1").end_confirmed_on
    ok("make-permanent", store, "--id", "E1", "--on", "2027-02-01")
    employment = load(store).employment("E1")
    assert (dt.date(2027, 2, 1), None) == (employment.permanent_from, employment.end)
    ok("end-employment", store, "--id", "E1", "--last-day", "2028-01-31")
    assert dt.date(2028, 1, 31) == load(store).employment("E1").end


def test_an_employment_is_extended_to_no_end(store: Path) -> None:
    ok(*hire(store, "E1", "S-01", "--pathway", "ordinary-position", "--funding", "other",
             "--end", "2027-03-31"))  # fmt: skip
    ok("extend-employment", store, "--id", "E1", "--open-ended")
    assert load(store).employment("E1").end is None


@pytest.mark.parametrize("ends", [[], ["--new-end", "2027-06-30", "--open-ended"]])
def test_extend_employment_needs_exactly_one_new_end(
    store: Path, ends: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("extend-employment", store, "--id", "E1", *ends, capsys=capsys)
    assert 2 == code
    assert "--open-ended" in err


def test_making_a_permanent_employment_permanent_again_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(*hire(store, "E1", "S-01", "--pathway", "ordinary-position", "--funding", "other",
             "--permanent"))  # fmt: skip
    assert dt.date(2026, 10, 1) == load(store).employment("E1").permanent_from
    before = store.read_bytes()
    code, out, _ = run("make-permanent", store, "--id", "E1", "--on", "2027-01-01",
                       "--format", "json", capsys=capsys)  # fmt: skip
    assert 2 == code
    assert json.loads(out)["problems"][0]["path"].startswith("employments[E1]")
    assert before == store.read_bytes()


def test_ending_an_unknown_employment_is_bad_input(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("end-employment", store, "--id", "E9", "--last-day", "2027-01-01",
                       capsys=capsys)  # fmt: skip
    assert 2 == code
    assert "E9" in err


def test_a_dry_run_hire_saves_nothing(store: Path) -> None:
    before = store.read_bytes()
    document = ok(*hire(store, "E1", "S-01", "--pathway", "ordinary-position",
                        "--funding", "other"), "--dry-run")  # fmt: skip
    assert (True, False) == (document["dry_run"], document["saved"])
    assert before == store.read_bytes()
    assert "E1" not in load(store).employments


def test_an_outcome_other_than_work_is_recorded_and_its_note_never_printed(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run("record-outcome", store, "--id", "O1", "--person", "S-02", "--kind",
                         "further-education", "--on", "2026-10-01", "--note", "bachelor",
                         capsys=capsys)  # fmt: skip
    assert 0 == code
    assert "bachelor" not in out + err
    assert "further-education" == load(store).outcomes["O1"].kind.value
    code, _, err = run("record-outcome", store, "--id", "O1", "--person", "S-02", "--kind",
                       "unknown", "--on", "2026-11-01", capsys=capsys)  # fmt: skip
    assert (2, True) == (code, "[ID_USED_TWICE]" in err)
