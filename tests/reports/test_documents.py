"""The printable documents: rendered to PDF, their text read back and checked, æøå included."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram import InvalidValueError, MissingExtraError, NotFoundError, Register
from mbprogram.reports import pdf
from mbprogram.reports.documents import attendance_confirmation_pdf, certificate_pdf
from tests.builders import GRADUATION_DAY, STAMP, complete, enrol, make_register

NAME = "Åse Ærlig Øvrebø-Grønnåsen"


def graduated() -> Register:
    """``S-01`` graduated on ``GRADUATION_DAY``, named with æ, ø and å; ``S-02`` still studying."""
    register = make_register(0)
    enrol(register, "S-01", name=NAME)
    enrol(register, "S-02")
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP, certificate_id="KB-2026-001")
    return register


REGISTER = graduated()


def text_of(document: bytes) -> str:
    """The text of a one-page PDF, lines joined by single spaces."""
    reader = pypdf.PdfReader(io.BytesIO(document))
    assert 1 == len(reader.pages)
    return " ".join(reader.pages[0].extract_text().split())


def test_the_certificate_names_the_student_the_programme_its_requirements_the_cohort_and_date() -> (
    None
):
    shown = text_of(certificate_pdf(REGISTER, "S-01"))

    assert shown.startswith("Kursbevis Dette bekrefter at Åse Ærlig Øvrebø-Grønnåsen")
    assert "har fullført opplæringsprogrammet Bergen 2010" in shown
    assert "Kull K1 (MB 2026), 05.01.2026 til 18.12.2026" in shown
    assert "- 140 timer godkjent teoriundervisning" in shown
    assert "- 14 uker praksis" in shown
    assert "- godkjente litteraturstudier - godkjent avsluttende oppgave" in shown
    assert "Utstedt 01.09.2026" in shown
    assert "Kursbevis nr. KB-2026-001" in shown


def test_the_certificate_in_english() -> None:
    shown = text_of(certificate_pdf(REGISTER, "S-01", lang="en"))

    assert shown.startswith("Certificate This is to certify that Åse Ærlig Øvrebø-Grønnåsen")
    assert "Cohort K1 (MB 2026), 2026-01-05 to 2026-12-18" in shown
    assert "- 140 hours of credited theory teaching - 14 weeks of practice" in shown
    assert "Issued on 2026-09-01 Certificate no. KB-2026-001" in shown


def test_a_certificate_is_refused_for_a_student_without_one() -> None:
    with pytest.raises(InvalidValueError) as refused:
        certificate_pdf(REGISTER, "S-02", lang="en")

    (problem,) = refused.value.problems
    assert "cohorts[K1].students[S-02].certificate" == problem.path
    assert "has no certificate" in problem.message


def test_a_document_for_an_unknown_student_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        certificate_pdf(REGISTER, "S-99")
    with pytest.raises(NotFoundError):
        attendance_confirmation_pdf(REGISTER, "S-99", GRADUATION_DAY, signed_by="Krog")


def test_the_confirmation_says_the_hours_and_weeks_as_of_the_day_and_who_signs() -> None:
    as_of = dt.date(2026, 4, 30)
    progress = REGISTER.progress("S-01", as_of)
    shown = text_of(
        attendance_confirmation_pdf(REGISTER, "S-01", as_of, signed_by="Koordinator Kåre Krog")
    )

    assert shown.startswith("Bekreftelse på deltakelse Det bekreftes at " + NAME)
    assert "Status per 30.04.2026: aktiv deltaker." in shown
    assert "Per 30.04.2026 har deltakeren:" in shown
    hours = str(progress.theory_hours.value).replace(".", ",")
    assert f"- {hours} timer godkjent teoriundervisning (kravet er 140 t)" in shown
    assert "(kravet er 14)" in shown
    assert "Dato: 30.04.2026" in shown
    assert shown.endswith("Signatur Signert av Koordinator Kåre Krog")


def test_the_confirmation_is_dated_the_day_it_is_issued_when_given() -> None:
    shown = text_of(
        attendance_confirmation_pdf(
            REGISTER, "S-02", dt.date(2026, 3, 31), signed_by="Krog", lang="en",
            issued_on=dt.date(2026, 4, 2),
        )
    )  # fmt: skip

    assert "As of 2026-03-31 the student has:" in shown
    assert "Date: 2026-04-02" in shown


@pytest.mark.parametrize("signed_by", ["", "   ", "a\nb", "x" * 201, None])
def test_the_confirmation_needs_one_line_naming_who_signs(signed_by: object) -> None:
    with pytest.raises(InvalidValueError) as refused:
        attendance_confirmation_pdf(REGISTER, "S-01", GRADUATION_DAY, signed_by=signed_by)  # type: ignore[arg-type]

    assert ["signed_by"] == [p.path for p in refused.value.problems]


@settings(max_examples=15, deadline=None)
@given(st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), st.sampled_from(["nb", "en"]))
def test_the_confirmations_figures_are_the_evaluations_on_any_day(
    as_of: dt.date, lang: str
) -> None:
    progress = REGISTER.progress("S-01", as_of)
    shown = text_of(attendance_confirmation_pdf(REGISTER, "S-01", as_of, signed_by="K", lang=lang))  # type: ignore[arg-type]

    hours = str(progress.theory_hours.value)
    assert (hours.replace(".", ",") if lang == "nb" else hours) in shown


def test_without_a_unicode_font_the_builtin_font_prints_the_norwegian_letters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "unicode_font", lambda: None)

    assert NAME in text_of(certificate_pdf(REGISTER, "S-01"))


def test_without_a_unicode_font_a_name_beyond_latin_1_is_refused_without_quoting_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "unicode_font", lambda: None)
    register = make_register(0)
    enrol(register, "S-01", name="Ánde Čuđet")

    with pytest.raises(InvalidValueError) as refused:
        attendance_confirmation_pdf(register, "S-01", GRADUATION_DAY, signed_by="K", lang="en")

    assert "DejaVu Sans" in str(refused.value)
    assert "Čuđet" not in str(refused.value)


def test_with_a_unicode_font_a_name_beyond_latin_1_prints() -> None:
    font = pdf.unicode_font()
    if font is None:
        pytest.skip("no DejaVu Sans on this machine")
    register = make_register(0)
    enrol(register, "S-01", name="Ánde Čuđet")

    shown = text_of(attendance_confirmation_pdf(register, "S-01", GRADUATION_DAY, signed_by="K"))

    assert "Ánde Čuđet" in shown


def test_a_font_may_be_given(tmp_path: Path) -> None:
    font = pdf.unicode_font()
    if font is None:
        pytest.skip("no DejaVu Sans on this machine")
    copy = tmp_path / "Body.ttf"
    copy.write_bytes(font.read_bytes())

    assert NAME in text_of(certificate_pdf(REGISTER, "S-01", font=copy))


def test_the_documents_without_fpdf2_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)

    with pytest.raises(MissingExtraError, match=r"pip install 'mbprogram\[pdf\]'"):
        certificate_pdf(REGISTER, "S-01")


def test_a_programme_of_shares_only_lists_the_shares_and_no_counts() -> None:
    from mbprogram import ProgrammeRules  # noqa: PLC0415
    from mbprogram.reports.documents import requirement_lines  # noqa: PLC0415

    rules = ProgrammeRules.from_dict(
        {
            "name": "x",
            "min_theory_share": "80",
            "min_practice_share": "75,5",
            "literature_sign_off": False,
        }
    )

    assert [
        "attendance at no less than 80 % of the theory teaching",
        "attendance on no less than 75.5 % of the practice days",
        "an approved final assignment",
    ] == requirement_lines(rules, "en")
    assert "oppmøte i minst 75,5 % av praksisdagene" in requirement_lines(rules, "nb")
