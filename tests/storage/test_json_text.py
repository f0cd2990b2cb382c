"""Reading JSON text within bounds: numbers of bounded length, errors that quote nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mbprogram.storage._json_text import MAX_NUMBER_CHARACTERS, JsonTextError, read_json


def test_numbers_are_read_exactly_within_their_bound() -> None:
    longest_integer = "9" * MAX_NUMBER_CHARACTERS
    assert [int(longest_integer), Decimal("139.99999999999999999")] == read_json(
        f"[{longest_integer}, 139.99999999999999999]"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9" * 4_301, "a number of 4301 characters; a number has at most 60 (docs/format.md)"),
        ("[" + "1" * 61 + "]", "a number of 61 characters; a number has at most 60"),
        ("0." + "5" * 100, "a number of 102 characters"),
        ("1e999999999999999999999", "a number whose exponent is out of range"),
        ("[-Infinity]", "expected a finite number, got -Infinity"),
    ],
)
def test_a_number_out_of_bounds_is_a_json_text_error_not_a_bare_error(
    text: str, expected: str
) -> None:
    with pytest.raises(JsonTextError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_json(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "Kari Nordmann", "id": ',
        '["Kari Nordmann" "17859000770"]',
        b'{"name": "Kari Nordmann\xff"}',
        "[" * 100_000,
    ],
)
def test_the_error_quotes_nothing_and_keeps_no_decoder_error_holding_the_text(
    text: str | bytes,
) -> None:
    with pytest.raises(JsonTextError) as caught:
        read_json(text)
    error = caught.value
    assert "Kari" not in str(error)
    assert "17859000770" not in str(error)
    assert error.__context__ is None
    assert error.__cause__ is None


def test_what_is_not_text_is_refused_with_its_type() -> None:
    with pytest.raises(JsonTextError, match="expected JSON text"):
        read_json(None)
