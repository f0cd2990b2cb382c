"""Refusals and validation problems print in bokmål with ``--lang nb`` (the default) or English.

Each case runs a command that the register, the model, a sheet import or an
argument check refuses, in both languages, and compares what it printed
(``--format json``: the summary and every problem's path and message).
Nothing is changed by a refused command.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mbprogram.exceptions import (
    ConflictError,
    MissingExtraError,
    Problem,
    RefusedChangeError,
    ValidationError,
)
from mbprogram.services.repository import InMemoryRepository
from mbprogram.services.unit_of_work import UnitOfWork
from mbprogram.storage.files import save
from tests.builders import STAMP, make_register
from tests.cli_runner import ok, run


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding ``make_register()``'s cohort K1, units U1 and U2, students S-01 to S-03."""
    path = tmp_path / "register.sqlite"
    save(make_register(), path)
    return path


def refused(
    capsys: pytest.CaptureFixture[str], lang: str, *args: str | Path
) -> tuple[str, list[tuple[str, str]]]:
    """Run a command that must be refused (exit 2); its summary and ``(path, message)`` pairs."""
    code, out, _ = run(*args, "--format", "json", "--lang", lang, capsys=capsys)
    assert 2 == code, out
    document = json.loads(out)
    return document["error"], [(p["path"], p["message"]) for p in document["problems"]]


SIGNED = ("--student", "S-01", "--signed-by", "Lærer Lund", "--on", "2026-03-02")


@pytest.mark.parametrize(
    ("lang", "summary", "message"),
    [
        (
            "nb",
            "nektet: godkjenne litteraturstudiene",
            "litteraturstudiene er godkjent allerede",
        ),
        (
            "en",
            "signing off the literature refused",
            "the literature studies are signed off already",
        ),
    ],
)
def test_a_refused_change_reads_in_the_language_asked_for(
    store: Path, capsys: pytest.CaptureFixture[str], lang: str, summary: str, message: str
) -> None:
    ok("sign-off-literature", store, *SIGNED)
    before = store.read_bytes()

    said = refused(capsys, lang, "sign-off-literature", store, *SIGNED)

    assert (summary, [("cohorts[K1].students[S-01].literature.sign_off", message)]) == said
    assert before == store.read_bytes()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("nb", "30.06.2026 er ikke innenfor praksisperioden 02.02.2026 til 29.05.2026"),
        ("en", "2026-06-30 is not within the placement 2026-02-02..2026-05-29"),
    ],
)
def test_a_refusal_writes_its_dates_as_the_language_does(
    store: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    ok("place", store, "--student", "S-01", "--id", "P1", "--unit", "U1", "--supervisor", "Siri",
       "--start", "2026-02-02", "--end", "2026-05-29", "--weekdays", "mon,wed")  # fmt: skip

    _, problems = refused(capsys, lang, "end-placement-early", store, "--student", "S-01",
                          "--placement", "P1", "--last-day", "2026-06-30")  # fmt: skip

    assert [message] == [m for _, m in problems]


@pytest.mark.parametrize(
    ("lang", "summary"),
    [("nb", "nektet: legge til budsjettpotten"), ("en", "adding the budget pot refused")],
)
def test_a_change_named_only_in_the_refusals_section_is_named_in_both_languages(
    store: Path, capsys: pytest.CaptureFixture[str], lang: str, summary: str
) -> None:
    pot = ("--id", "POT1", "--name", "Potten", "--capacity", "2")
    ok("add-budget-pot", store, *pot)

    said_summary, problems = refused(capsys, lang, "add-budget-pot", store, *pot)

    assert summary == said_summary
    assert ["budget_pots[POT1]"] == [path for path, _ in problems]


@pytest.mark.parametrize(
    ("lang", "summary", "problems"),
    [
        (
            "nb",
            "ugyldige programregler",
            [
                (
                    "rules.theory_hours",
                    (
                        "en påkrevd regel mangler (eller oppgi bare min_theory_share, for et "
                        "program som bare krever en andel)"
                    ),
                ),
                ("rules.max_submissions", "forventet et heltall fra 1 til 100, fikk 0 (int)"),
            ],
        ),
        (
            "en",
            "invalid programme rules",
            [
                (
                    "rules.theory_hours",
                    (
                        "required rule is missing (or give min_theory_share alone, for a "
                        "programme that asks for a share only)"
                    ),
                ),
                ("rules.max_submissions", "expected a whole number from 1 to 100, got 0 (int)"),
            ],
        ),
    ],
)
def test_the_problems_of_a_rules_file_read_in_the_language_asked_for(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    summary: str,
    problems: list[tuple[str, str]],
) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps({"name": "Kurs", "practice_weeks": "6", "max_submissions": 0}), encoding="utf-8"
    )

    said_summary, said = refused(capsys, lang, "open-cohort", store, "--id", "K9", "--name",
                                 "Kull 9", "--rules", rules, "--start", "2026-08-01", "--end",
                                 "2026-12-18", "--places", "20")  # fmt: skip

    assert summary in said_summary
    assert problems == [p for p in said if p[0] in ("rules.theory_hours", "rules.max_submissions")]


@pytest.mark.parametrize(
    ("lang", "problems"),
    [
        (
            "nb",
            [
                ("row 2, column name", "ikke noe navn oppgitt; en ny deltaker trenger et"),
                (
                    "row 3, column status",
                    "en ny deltaker starter som søker, tatt opp eller aktiv, ikke uteksaminert",
                ),
                (
                    "row 4, column student",
                    "samme deltaker som rad 3; før opp hver deltaker én gang",
                ),
            ],
        ),
        (
            "en",
            [
                ("row 2, column name", "no name given; a new student needs one"),
                (
                    "row 3, column status",
                    "a new student starts as applicant, admitted or active, not graduated",
                ),
                ("row 4, column student", "the same student as row 3; list each student once"),
            ],
        ),
    ],
)
def test_a_sheets_row_problems_read_in_the_language_asked_for_at_their_row_and_column(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    problems: list[tuple[str, str]],
) -> None:
    sheet = tmp_path / "klasse.csv"
    sheet.write_text(
        "student;name;status;date\n"
        "S-09;;aktiv;05.01.2026\n"
        "S-10;Liv Fiktivsen;uteksaminert;05.01.2026\n"
        "S-10;Liv Fiktivsen;aktiv;05.01.2026\n",
        encoding="utf-8",
    )
    before = store.read_bytes()

    _, said = refused(capsys, lang, "import-students", store, sheet, "--cohort", "K1")

    assert problems == said
    assert not any("Fiktivsen" in m for _, m in said)
    assert before == store.read_bytes()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("nb", "forventet et tall som 2,5 eller 2.5, fikk 'mye'"),
        ("en", "expected a number such as 2.5 or 2,5, got 'mye'"),
    ],
)
def test_an_argument_a_record_command_cannot_read_is_refused_in_the_language_asked_for(
    store: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    code, _, err = run("approve-makeup", store, "--student", "S-01", "--id", "M1", "--hours",
                       "mye", "--on", "2026-03-02", "--lang", lang, capsys=capsys)  # fmt: skip

    assert 2 == code
    assert message in err


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("nb", "31.02.2026 er ingen dag i kalenderen"),
        ("en", "31.02.2026 is not a day in the calendar"),
    ],
)
def test_a_record_commands_date_argument_is_refused_in_the_language_asked_for(
    store: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    code, _, err = run("sign-off-literature", store, "--student", "S-01", "--signed-by", "Lund",
                       "--on", "31.02.2026", "--lang", lang, capsys=capsys)  # fmt: skip

    assert 2 == code
    assert message in err


def test_a_lost_race_to_save_reads_in_bokmal_and_in_english() -> None:
    repository = InMemoryRepository(make_register())
    first, second = UnitOfWork(repository), UnitOfWork(repository)
    with first, second:
        first.register.change_places("K1", 30, by=STAMP)
        second.register.change_places("K1", 31, by=STAMP)
        first.commit()
        with pytest.raises(ConflictError) as caught:
            second.commit()

    error = caught.value
    assert error.message_in("en") == str(error)
    assert str(error).startswith("the register was saved by someone else since it was loaded here")
    assert " (at revision 1, loaded at 0)" in str(error)
    assert error.message_in("nb").startswith(
        "registeret er lagret av noen andre etter at det ble lastet her "
        "(på revisjon 1, lastet på 0)"
    )


def test_a_missing_extra_reads_in_bokmal_and_in_english() -> None:
    error = MissingExtraError("printable documents", "pdf")

    assert "printable documents needs the optional 'pdf' extra" in str(error)
    assert error.message_in("nb").startswith("utskrivbare dokumenter krever den valgfrie")
    assert "pip install 'mbprogram[pdf]'" in error.message_in("nb")


def test_a_refusal_made_by_the_library_carries_its_key_for_any_language() -> None:
    register = make_register()
    register.sign_off_literature("S-01", signed_by="Lund", on=dt.date(2026, 3, 2), by=STAMP)

    with pytest.raises(RefusedChangeError) as caught:
        register.sign_off_literature("S-01", signed_by="Lund", on=dt.date(2026, 3, 2), by=STAMP)

    (problem,) = caught.value.problems
    assert "refusals.literature.signed_off" == problem.key
    assert "the literature studies are signed off already" == problem.message
    assert "litteraturstudiene er godkjent allerede" == problem.message_in("nb")
    assert "nektet: godkjenne litteraturstudiene" == caught.value.summary_in("nb")


def test_an_error_of_several_problems_is_headed_in_the_language_asked_for() -> None:
    error = ValidationError(
        [Problem.of("a", "refusals.expected_date"), Problem.of("b", "refusals.expected_date")],
        summary_key="refusals.load.rules",
    )

    assert str(error) == error.message_in("en")
    assert str(error).startswith("the records break the register's rules (2 problems):\n")
    assert error.message_in("nb") == (
        "postene bryter registerets regler (2 problemer):\n"
        "  a: forventet en dato\n"
        "  b: forventet en dato"
    )
    unsummed = ValidationError(error.problems)
    assert unsummed.message_in("nb").startswith("ugyldig (2 problemer):")
