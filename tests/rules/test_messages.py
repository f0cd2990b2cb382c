"""The message catalogue: every code in both languages with the same details, and plurals."""

from __future__ import annotations

import pytest

from mbprogram import FindingCode, InvalidValueError
from mbprogram.catalogue import placeholders, render
from mbprogram.catalogue.findings import TEXTS as TEMPLATES


def test_the_catalogue_has_a_message_for_every_code_and_no_other() -> None:
    assert {c.value for c in FindingCode} == set(TEMPLATES)


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_both_languages_of_a_message_are_filled_from_the_same_details(code: str) -> None:
    assert {"nb", "en"} == set(TEMPLATES[code])
    assert placeholders(TEMPLATES[code]["en"]) == placeholders(TEMPLATES[code]["nb"])


@pytest.mark.parametrize("code", sorted(TEMPLATES))
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_message_renders_from_its_details_alone(code: str, lang: str) -> None:
    details = dict.fromkeys(placeholders(TEMPLATES[code][lang]), "2")
    text = render(code, lang, details)
    assert text.endswith(".")
    assert "{" not in text
    assert "|" not in text


def test_a_word_after_a_number_is_singular_for_exactly_one_in_english() -> None:
    def remaining(n: str) -> str:
        return render("THEORY_AT_RISK", "en", {"needed": "1", "remaining": n})

    assert remaining("1").endswith("the remaining 1 hour.")
    assert remaining("32").endswith("the remaining 32 hours.")
    assert remaining("0.5").endswith("the remaining 0.5 hours.")
    assert remaining("0").endswith("the remaining 0 hours.")


def test_a_word_after_a_number_is_singular_for_exactly_one_in_bokmal() -> None:
    def remaining(n: str) -> str:
        return render("PRACTICE_AT_RISK", "nb", {"needed": "1", "remaining": n})

    assert remaining("1").endswith("av 1 gjenstående praksisdag.")
    assert remaining("12").endswith("av 12 gjenstående praksisdager.")
    weeks = render(
        "PRACTICE_UNREACHABLE", "nb", {"remaining": "3", "possible": "0.5", "required": "1"}
    )
    assert weeks.endswith("blir det 0,5 av 1 uke.")


def test_a_verb_agrees_with_its_number() -> None:
    one = render("THEORY_UNREACHABLE", "en", {"needed": "1", "remaining": "0.5"})
    assert "1 hour is missing and only 0.5 hours are left" in one
    many = render(
        "PRACTICE_UNREACHABLE", "en", {"remaining": "1", "possible": "2", "required": "3"}
    )
    assert "all 1 remaining practice day gives 2 of 3 weeks." in many


def test_the_part_of_the_programme_reads_in_bokmal() -> None:
    details = {"part": "theory teaching", "best": "83.33", "minimum": "80", "under": "1"}
    assert render("ATTENDANCE_SHARE_AT_RISK", "nb", details).startswith(
        "Oppmøtet i teoriundervisningen kan bli høyst 83,33 %"
    )
    assert render("ATTENDANCE_SHARE_AT_RISK", "en", details).startswith(
        "Attendance in theory teaching can reach at most 83.33 %"
    )


def test_a_word_choice_after_text_that_is_no_number_takes_the_plural() -> None:
    text = render("THEORY_AT_RISK", "en", {"needed": "1", "remaining": "many"})
    assert text.endswith("the remaining many hours.")


def test_rendering_in_another_language_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="lang"):
        render("THEORY_AT_RISK", "de", {"needed": "1", "remaining": "2"})
