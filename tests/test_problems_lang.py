"""Refusals and validation problems in bokmål and English: one key, English by default."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from mbprogram import GraduationRefusedError, NotFoundError, Problem
from mbprogram.cli import main
from mbprogram.storage.files import save
from tests.builders import GRADUATION_DAY, STAMP, make_register, session_day


def test_a_keyed_problem_reads_english_by_default_and_bokmal_when_asked() -> None:
    problem = Problem.of("row 3, column dato", "problems.import.no_session_on_day",
                         cohort="K1", day="07.01.2026")  # fmt: skip

    assert "row 3, column dato: no session of cohort K1 on 07.01.2026" == str(problem)
    assert "ingen økt i kull K1 07.01.2026" == problem.message_in("nb")
    assert problem.message == problem.message_in("en")
    assert Problem("row 3, column dato", problem.message) == problem  # the key is not compared


def test_a_problem_without_a_key_reads_as_it_was_written_in_every_language() -> None:
    problem = Problem("x", "as written")

    assert ("as written", "as written") == (problem.message_in("nb"), problem.message_in("en"))


def test_a_refused_graduation_says_what_is_unmet_in_bokmal_with_decimal_commas() -> None:
    register = make_register(1)
    with pytest.raises(GraduationRefusedError) as refused:
        register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    error = refused.value

    assert "graduation refused; unmet requirements" == error.summary
    assert "uteksaminering nektet; krav som ikke er oppfylt" == error.summary_in("nb")
    nb = [p.message_in("nb") for p in error.problems]
    en = [p.message for p in error.problems]
    assert [f.message("nb") for f in error.findings] == nb  # type: ignore[attr-defined]
    assert [f.message("en") for f in error.findings] == en  # type: ignore[attr-defined]
    assert any("det mangler" in m for m in nb)
    assert "Godkjente teoritimer" in error.message_in("nb")


def test_graduating_a_student_who_is_not_active_says_so_in_either_language() -> None:
    register = make_register(0)
    from tests.builders import new_student  # noqa: PLC0415

    register.add_applicant(new_student("S-01"), on=dt.date(2026, 1, 2), by=STAMP)
    with pytest.raises(GraduationRefusedError) as refused:
        register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    first = refused.value.problems[0]

    assert "the student is applicant on 2026-09-01, not active" == first.message
    assert "deltakeren er søker 01.09.2026, ikke aktiv" == first.message_in("nb")


def test_a_record_that_is_not_found_is_named_in_either_language() -> None:
    with pytest.raises(NotFoundError) as missing:
        make_register(0).student("S-99")

    assert "no student with id 'S-99'" == str(missing.value)
    assert "ingen deltaker med id 'S-99'" == missing.value.message_in("nb")


def bad_sheet(tmp_path: Path) -> tuple[Path, Path]:
    document = tmp_path / "register.json"
    save(make_register(), document)
    sheet = tmp_path / "sheet.csv"
    day = session_day(2).strftime("%d.%m.%Y")
    sheet.write_text(f"deltaker;dato;timer;farge\nS-01;{day};4,5;blå\nS-09;{day};5;\n",
                     encoding="utf-8")  # fmt: skip
    return document, sheet


@pytest.mark.parametrize(
    ("lang", "summary", "messages"),
    [
        ("nb", "oppmøteimporten er nektet; ingenting er importert",
         ["ukjent kolonne; forventet en av"]),
        ("en", "attendance import refused; nothing was imported",
         ["unknown column; expected one of"]),
    ],
)  # fmt: skip
def test_the_import_refusal_is_printed_in_the_language_asked_for(
    tmp_path: Path, lang: str, summary: str, messages: list[str]
) -> None:
    document, sheet = bad_sheet(tmp_path)
    out = io.StringIO()

    code = main(["import-attendance", str(document), str(sheet), "--format", "json",
                 "--lang", lang], out=out)  # fmt: skip

    assert 2 == code
    shown = json.loads(out.getvalue())
    assert summary == shown["error"]
    assert [m for m in messages if shown["problems"][0]["message"].startswith(m)] == messages


def test_the_rows_of_a_sheet_are_refused_in_bokmal_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "deltaker;dato;timer\nS-09;07.01.2026;5\nS-01;08.01.2026;5\n", encoding="utf-8"
    )

    assert 2 == main(["import-attendance", str(document), str(sheet)], out=io.StringIO())
    err = capsys.readouterr().err
    assert "rad 2, kolonne deltaker: ingen deltaker med denne id-en" in err
    assert "rad 3, kolonne dato: ingen økt i kull K1 08.01.2026" in err


def test_a_refused_change_is_summarised_in_either_language() -> None:
    from mbprogram import Present, RefusedChangeError  # noqa: PLC0415
    from mbprogram.model.values import Hours  # noqa: PLC0415

    register = make_register(1)
    with pytest.raises(RefusedChangeError) as refused:
        register.record_attendance("S-01", "SES-01", Present(Hours(99)), by=STAMP)
    error = refused.value

    assert "recording attendance refused" == error.summary
    assert "nektet: registrere oppmøte" == error.summary_in("nb")
    (problem,) = error.problems
    assert "99 h is more than the session's length of 5 h" == problem.message
    assert "99 t er mer enn øktens lengde på 5 t" == problem.message_in("nb")
    assert "ATTENDANCE_OVER_SESSION" == problem.code


def test_a_change_not_named_in_the_catalogue_is_summarised_as_it_is_named() -> None:
    from mbprogram.register.commit import refused_summary  # noqa: PLC0415

    summary = refused_summary("doing something new")
    assert {"what": "doing something new"} == summary["summary_values"]


def test_a_records_own_field_is_refused_in_either_language_without_quoting_text() -> None:
    from mbprogram import InvalidValueError, Student  # noqa: PLC0415

    with pytest.raises(InvalidValueError) as refused:
        Student(id="KØ-1", cohort="K1", name="Kari")
    (problem,) = refused.value.problems

    assert problem.message.startswith("expected an id of 1 to 64 characters")
    assert problem.message_in("nb").startswith("forventet en id på 1 til 64 tegn")
    assert "fikk en tekst på 4 tegn" in problem.message_in("nb")
    assert "KØ-1" not in problem.message_in("nb")


def test_a_share_under_one_percent_is_refused_in_bokmal_with_a_decimal_comma() -> None:
    from mbprogram import InvalidValueError, ProgrammeRules  # noqa: PLC0415

    with pytest.raises(InvalidValueError) as refused:
        ProgrammeRules.from_dict({"name": "x", "min_theory_share": "0.8", "practice_weeks": 1})
    (problem,) = refused.value.problems

    assert "min_theory_share" == problem.path
    assert problem.message.endswith("got 0.8: write 80 for 80 %, not 0.8")
    assert problem.message_in("nb").endswith("fikk 0,8: skriv 80 for 80 %, ikke 0,8")


def test_a_rule_spanning_days_names_the_days_as_the_language_writes_them() -> None:
    from mbprogram.model.values import DateRange  # noqa: PLC0415
    from mbprogram.rules.employment import span  # noqa: PLC0415

    period = DateRange(dt.date(2027, 1, 4), dt.date(2027, 3, 1))
    problem = Problem.of("x", "problems.rule.unit_over_capacity", unit="'U1'", count=3,
                         span=span(period), capacity=1)  # fmt: skip

    assert "2027-01-04..2027-03-01" == span(period)
    assert problem.message.endswith("3 students in practice at once 2027-01-04..2027-03-01; "
                                    "it has 1 place")  # fmt: skip
    assert problem.message_in("nb").endswith("04.01.2027 til 01.03.2027; det har 1 plass")
    assert "from 2027-01-04" == span(DateRange(dt.date(2027, 1, 4), dt.date.max))


def test_a_placements_own_dates_are_refused_in_either_language() -> None:
    from mbprogram import InvalidValueError, Placement  # noqa: PLC0415
    from mbprogram.model.placements import PlacementAbsence  # noqa: PLC0415
    from tests.builders import placement  # noqa: PLC0415

    full_time = placement()
    with pytest.raises(InvalidValueError) as refused:
        Placement(id="P1", unit="U1", supervisor="Vik", period=full_time.period,
                  weekdays=full_time.weekdays,
                  absences=(PlacementAbsence(day=dt.date(2026, 3, 7)),))  # fmt: skip
    (problem,) = refused.value.problems

    assert "2026-03-07 is a saturday, not one of the placement's practice days" == problem.message
    assert "07.03.2026 er en lørdag, ikke en av praksisdagene" == problem.message_in("nb")


def test_a_documents_record_problems_are_printed_in_bokmal_by_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "register.json"
    save(make_register(1), document)
    data = json.loads(document.read_text(encoding="utf-8"))
    data["cohorts"][0]["students"][0]["background"] = {
        "own": False, "relative": False, "mental_health": True, "substance_use": False,
    }  # fmt: skip
    document.write_text(json.dumps(data), encoding="utf-8")

    assert 2 == main(["validate", str(document)], out=io.StringIO())
    err = capsys.readouterr().err
    assert "forventet egen erfaring og/eller erfaring som pårørende" in err


@pytest.mark.parametrize(
    ("lang", "summary", "problem"),
    [
        ("nb", "importen av klasselisten er nektet; ingenting er importert",
         "rad 1: ingen kolonne for deltakeren; forventet en av student, deltaker"),
        ("en", "class list import refused; nothing was imported",
         "row 1: no column for the student; expected one of student, deltaker"),
    ],
)  # fmt: skip
def test_a_class_list_without_a_student_column_is_refused_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, summary: str, problem: str
) -> None:
    document = tmp_path / "register.json"
    save(make_register(), document)
    before = document.read_bytes()
    sheet = tmp_path / "klasse.csv"
    sheet.write_text("navn;telefon\nOla Testesen;12345678\n", encoding="utf-8")

    code = main(["import-students", str(document), str(sheet), "--cohort", "K1", "--lang", lang],
                out=io.StringIO())  # fmt: skip

    assert 2 == code
    err = capsys.readouterr().err
    assert f"mbprogram: {summary}\n  {problem}\n" == err
    assert before == document.read_bytes()
