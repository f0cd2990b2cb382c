"""``mbprogram history`` and ``progress --as-known-at`` (docs/cli.md)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import Hours, Present
from mbprogram.cli import main
from mbprogram.cli.history import moment_argument, oslo
from mbprogram.storage.files import save
from tests.builders import make_register, session_id

MONDAY = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


@pytest.fixture
def corrected(tmp_path: Path) -> Path:
    """S-01 marked 3 h on Monday, corrected to 5 h on Friday."""
    register = make_register()
    register.record_attendance(
        "S-01", session_id(1), Present(Hours(3)), by=_by("Lærer Lund", MONDAY)
    )
    friday = MONDAY + dt.timedelta(days=4)
    register.record_attendance("S-01", session_id(1), Present(Hours(5)), by=_by("Krog", friday))
    path = tmp_path / "register.json"
    save(register, path)
    return path


def _by(actor: str, at: dt.datetime) -> object:
    from mbprogram import Stamp  # noqa: PLC0415

    return Stamp(actor, at)


def test_history_says_who_changed_what_and_when_before_and_after_in_words(corrected: Path) -> None:
    code, out = run("history", str(corrected), "--record", "cohorts[K1].students[S-01]")

    assert 0 == code
    assert [
        "02.01.2026 10:00  Koordinator Krog  student.enrolled  cohorts[K1].students[S-01]",
        "    ingenting → deltaker S-01",
        (
            "05.01.2026 10:00  Lærer Lund  attendance.recorded  "
            "cohorts[K1].students[S-01].attendance[SES-01]"
        ),
        "    ingenting → til stede 3 t",
        (
            "09.01.2026 10:00  Krog  attendance.corrected  "
            "cohorts[K1].students[S-01].attendance[SES-01]"
        ),
        "    til stede 3 t → til stede 5 t",
    ] == out.splitlines()


def test_history_since_a_day_in_english_and_json(corrected: Path) -> None:
    code, out = run("history", str(corrected), "--since", "2026-01-09", "--format", "json")

    entries = json.loads(out)["entries"]
    assert 0 == code
    assert [("Krog", "til stede 3 t", "til stede 5 t")] == [
        (e["actor"], e["before"], e["after"]) for e in entries
    ]
    _, english = run("history", str(corrected), "--since", "2026-01-09", "--lang", "en")
    assert "    present 3 h → present 5 h" == english.splitlines()[1]


def test_history_as_csv_names_its_columns_and_quotes_no_formula(tmp_path: Path) -> None:
    register = make_register(1)
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=_by("=1+1", MONDAY))
    path = tmp_path / "r.json"
    save(register, path)

    code, out = run("history", str(path), "--format", "csv", "--lang", "en")
    _, norwegian = run("history", str(path), "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert norwegian.startswith("\N{ZERO WIDTH NO-BREAK SPACE}seq;at;actor;")
    assert 0 == code
    assert ["'=1+1"] == [r["actor"] for r in rows if r["action"] == "attendance.recorded"]
    assert len(register.history) == len(rows)
    assert [c.chain for c in register.history] == [r["chain"] for r in rows]


def test_history_of_a_record_with_no_changes_says_so(corrected: Path) -> None:
    assert (0, "Ingen endringer i historikken passer.\n") == run(
        "history", str(corrected), "--record", "cohorts[K9]"
    )


def test_a_bad_record_path_or_moment_is_wrong_usage(corrected: Path) -> None:
    assert 2 == run("history", str(corrected), "--record", "cohorts[K1")[0]
    assert 2 == run("history", str(corrected), "--since", "last week")[0]


def test_progress_as_known_at_prints_what_was_known_then(corrected: Path) -> None:
    args = ("progress", str(corrected), "--as-of", "2026-01-31", "--format", "json")

    _, wednesday = run(*args, "--as-known-at", "2026-01-07")
    _, now = run(*args)

    def hours(out: str) -> str:
        [student] = [s for s in json.loads(out)["students"] if s["student"] == "S-01"]
        return str(student["theory_hours"])

    assert ("3", "5") == (hours(wednesday), hours(now))


def test_a_bare_date_is_the_end_or_the_start_of_that_day_in_oslo() -> None:
    end = moment_argument("2026-06-01", end_of_day=True)
    start = moment_argument("2026-06-01", end_of_day=False)

    assert dt.datetime(2026, 6, 1, 21, 59, 59, 999999, tzinfo=dt.UTC) == end
    assert dt.datetime(2026, 5, 31, 22, 0, tzinfo=dt.UTC) == start
    assert dt.datetime(2026, 6, 1, 12, 0, tzinfo=oslo()) == moment_argument(
        "2026-06-01T12:00", end_of_day=True
    )


@given(st.datetimes(timezones=st.just(dt.UTC)))
def test_an_iso_moment_reads_back_as_itself(moment: dt.datetime) -> None:
    assert moment == moment_argument(moment.isoformat(), end_of_day=True)


@pytest.mark.parametrize("value", ["2026-02-30", "tomorrow", "2026-01-01T25:00", "20260101"])
def test_a_moment_that_is_none_is_refused_without_quoting_it(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        moment_argument(value, end_of_day=True)
    assert value not in str(caught.value)


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("nb", "en '[' som ikke er lukket, ved tegn 8"),
        ("en", "an unclosed '[' at character 8"),
    ],
)
def test_why_a_record_path_does_not_parse_reads_in_the_language_asked(
    corrected: Path, capsys: pytest.CaptureFixture[str], lang: str, reason: str
) -> None:
    code, _ = run("history", str(corrected), "--record", "cohorts[K1", "--lang", lang)

    assert code == 2
    assert reason in capsys.readouterr().err
