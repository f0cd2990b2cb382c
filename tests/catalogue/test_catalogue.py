"""The one message catalogue: every key in both languages, with the same placeholders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.catalogue import CATALOGUE, LANGS, day, number, placeholders, text
from mbprogram.exceptions import InvalidValueError


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_every_language_with_the_same_placeholders(key: str) -> None:
    templates = CATALOGUE[key]

    assert set(LANGS) == set(templates)
    assert placeholders(templates["nb"]) == placeholders(templates["en"])


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_template_can_be_filled(key: str) -> None:
    values = dict.fromkeys(placeholders(CATALOGUE[key]["en"]), "2")
    for lang in LANGS:
        assert text(key, lang, **values)


def test_a_plural_placeholder_picks_the_word_for_the_number() -> None:
    assert "1 cohort," in text(
        "cli.validate.valid",
        "en",
        file="f.json",
        cohorts=1,
        students=2,
        units=0,
        employments=1,
        changes=Decimal("1.0"),
    )
    nb = text(
        "cli.validate.valid",
        "nb",
        file="f.json",
        cohorts=1,
        students=1,
        units=2,
        employments=0,
        changes=3,
    )
    assert "1 deltaker," in nb
    assert "2 praksissteder," in nb
    assert "0 ansettelser," in nb


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2))
def test_a_number_reads_with_a_comma_in_bokmal_and_a_point_in_english(value: Decimal) -> None:
    assert Decimal(number(value, "en")) == value  # exact, without trailing zeros
    assert number(value, "nb") == number(value, "en").replace(".", ",")
    assert "." not in number(value, "nb")
    assert "e" not in number(value, "en").lower()


def test_a_decimal_is_written_without_trailing_zeros_or_an_exponent() -> None:
    assert ["139.5", "180", "0", "100", "0.0001"] == [
        number(Decimal(d), "en") for d in ("139.50", "180.00", "-0.0", "1E+2", "1E-4")
    ]


@given(st.dates())
def test_a_date_reads_day_month_year_in_bokmal_and_iso_in_english(value: dt.date) -> None:
    assert day(value, "en") == value.isoformat()
    assert dt.datetime.strptime(day(value, "nb"), "%d.%m.%Y").date() == value  # noqa: DTZ007


def test_an_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(InvalidValueError, match="expected 'nb' or 'en'"):
        text("cli.findings.none", "de")  # type: ignore[arg-type]
