"""The value constructors are typed with what they accept, so a float fails the type check."""

from __future__ import annotations

import typing
from decimal import Decimal

import pytest

from mbprogram.model import values
from mbprogram.model.values import Hours, Percent


@pytest.mark.parametrize("value_type", [Hours, Percent])
def test_a_value_is_made_from_an_int_a_decimal_string_or_a_decimal_and_nothing_else(
    value_type: type,
) -> None:
    hints = typing.get_type_hints(value_type.__init__, vars(values))

    assert {Decimal, int, str} == set(typing.get_args(hints["value"]))
