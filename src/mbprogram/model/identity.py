"""Norwegian national identity numbers: fødselsnummer and D-nummer.

A number has eleven digits: the birth date as ``DDMMYY``, a three-digit
individual number that also tells the century, and two mod-11 check digits.

- **D-numbers** (for people without a birth number) add 4 to the first digit,
  so the day reads 41-71.
- **Synthetic test numbers** add 40 or 80 to the month. They are refused unless
  the caller asks for them with ``allow_synthetic=True``.
- **Check digits.** The weights are 3,7,6,1,8,9,4,5,2 for the first and
  5,4,3,2,7,6,5,4,3,2 for the second, mod 11. Numbers issued from 2032 may give
  the first check digit a remainder of 1, 2 or 3 as well as 0 (the tax
  administration's rule); both rules are accepted side by side.

The number is a direct identifier: it never appears in ``repr``, ``str`` or an
error message, and no message quotes any part of it (not even the birth date).
Only :attr:`NationalIdNumber.value` gives the digits back.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from typing import Self

import attrs

from mbprogram.catalogue import Term
from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.privacy import DIRECT_IDENTIFIER

__all__ = ["IdentityKind", "NationalIdNumber", "is_valid_national_id"]

_FIELD = "national_id"
_DIGITS = re.compile(r"[0-9]{11}")
_LENGTH = 11

#: Weights of the first check digit over digits 1-9, then 1 for the check digit itself.
_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
#: Weights of the second check digit over digits 1-10, then 1 for the check digit itself.
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
#: Remainders the first check digit may leave: 0 by the classic rule, 1-3 also from 2032.
_NEW_RULE_REMAINDERS = frozenset({1, 2, 3})

_D_NUMBER_DAY_OFFSET = 40
_SYNTHETIC_MONTH_OFFSETS = (40, 80)
_FIRST_YEAR, _LAST_YEAR = 1854, 2039


class IdentityKind(enum.StrEnum):
    """Whether a national identity number is a birth number or a D-number."""

    BIRTH_NUMBER = "birth-number"
    D_NUMBER = "d-number"


@attrs.frozen
class _Parts:
    """What an already well-formed number says; never shown to anyone."""

    kind: IdentityKind
    is_synthetic: bool
    birth_date: dt.date
    uses_new_check_digit_rule: bool


def _refuse(key: str, *, field: str = _FIELD, **values: object) -> InvalidValueError:
    return InvalidValueError.at(field, key, **values)


def _remainder(digits: Sequence[int], weights: Sequence[int]) -> int:
    return sum(d * w for d, w in zip(digits, weights, strict=False)) % 11


def _year(yy: int, individual: int) -> int | None:
    """The full year of birth told by the two-digit year and the individual number."""
    if individual <= 499:
        return 1900 + yy
    if individual <= 749 and yy >= 54:
        return 1800 + yy
    if yy <= 39:  # individual 500-999
        return 2000 + yy
    if individual >= 900:  # yy 40-99
        return 1900 + yy
    return None


def _individual_numbers(year: int) -> Sequence[int]:
    """The individual numbers that can go with a year of birth, in the order they are tried."""
    if year <= 1899:
        return range(500, 750)
    if year <= 1939:
        return range(500)
    if year <= 1999:
        return (*range(500), *range(900, 1000))
    return range(500, 1000)


def _decode(value: object) -> _Parts:
    """Decode and check ``value``; raise :class:`InvalidValueError` without quoting it."""
    if not isinstance(value, str):
        raise _refuse("records.national_id.type", got=type(value).__name__)
    if len(value) != _LENGTH:
        amount = Term(
            "records.national_id.fewer" if len(value) < _LENGTH else "records.national_id.more"
        )
        raise _refuse("records.national_id.length", amount=amount)
    if not _DIGITS.fullmatch(value):
        raise _refuse("records.national_id.digits")
    digits = [int(c) for c in value]
    day, month, yy, individual = (
        int(value[0:2]),
        int(value[2:4]),
        int(value[4:6]),
        int(value[6:9]),
    )

    kind = IdentityKind.BIRTH_NUMBER
    if day > _D_NUMBER_DAY_OFFSET:
        kind, day = IdentityKind.D_NUMBER, day - _D_NUMBER_DAY_OFFSET
    is_synthetic = False
    for offset in _SYNTHETIC_MONTH_OFFSETS:
        if offset < month <= offset + 12:
            is_synthetic, month = True, month - offset

    year = _year(yy, individual)
    if year is None:
        raise _refuse("records.national_id.century")
    try:
        birth_date = dt.date(year, month, day)
    except ValueError:
        raise _refuse("records.national_id.date") from None

    first = _remainder(digits[:10], _WEIGHTS_1)
    if first != 0 and first not in _NEW_RULE_REMAINDERS:
        raise _refuse("records.national_id.first_check")
    if _remainder(digits, _WEIGHTS_2) != 0:
        raise _refuse("records.national_id.second_check")
    return _Parts(kind, is_synthetic, birth_date, first in _NEW_RULE_REMAINDERS)


@attrs.frozen
class NationalIdNumber:
    """A checked Norwegian national identity number: a birth number or a D-number.

    Made from exactly eleven ASCII digits. The date part must be a real date in
    the century the individual number gives, and the check digits must pass
    either the classic mod-11 rule or the rule in use from 2032. Synthetic test
    numbers are accepted only with ``allow_synthetic=True``.

    The digits are reachable only through :attr:`value`; ``repr``, ``str`` and
    error messages never show them. Two numbers are equal when their digits are.

    Args:
        value: the eleven digits, as a ``str``.
        allow_synthetic: accept synthetic test numbers (month + 40 or + 80).

    Raises:
        InvalidValueError: on field ``national_id``, saying what was expected
            without quoting the number.
    """

    value: str = attrs.field(metadata=DIRECT_IDENTIFIER, repr=False)
    allow_synthetic: bool = attrs.field(
        default=False,
        kw_only=True,
        eq=False,
        repr=False,
        hash=False,
        validator=v.instance(bool),
    )

    def __attrs_post_init__(self) -> None:
        if _decode(self.value).is_synthetic and not self.allow_synthetic:
            raise _refuse("records.national_id.synthetic")

    @property
    def _parts(self) -> _Parts:
        return _decode(self.value)

    @property
    def kind(self) -> IdentityKind:
        """A birth number or a D-number (first digit + 4)."""
        return self._parts.kind

    @property
    def is_synthetic(self) -> bool:
        """Whether this is a synthetic test number (month + 40 or + 80)."""
        return self._parts.is_synthetic

    @property
    def birth_date(self) -> dt.date:
        """The date the number encodes, with the D-number and synthetic offsets removed.

        For a D-number the register may have used another date when the birth
        date had no free numbers left; the population register is authoritative.
        """
        return self._parts.birth_date

    @property
    def uses_new_check_digit_rule(self) -> bool:
        """Whether the number is valid only under the first check digit rule from 2032."""
        return self._parts.uses_new_check_digit_rule

    @classmethod
    def synthetic(
        cls,
        birth_date: dt.date,
        *,
        d_number: bool = False,
        offset: int = 80,
        serial: int = 0,
    ) -> Self:
        """Make a valid synthetic test number for ``birth_date``, for test data and examples.

        The month is written plus ``offset``; the individual number is the first
        one, from the ``serial``-th candidate for the birth year on, whose check
        digits pass the classic rule. Candidates are 500-749 for 1854-1899,
        000-499 for 1900-1939, 000-499 then 900-999 for 1940-1999 and 500-999 for
        2000-2039. Neighbouring serials may give the same number.

        Args:
            birth_date: a date from 1854 to 2039.
            d_number: make a D-number (day + 40) rather than a birth number.
            offset: 80 (the tax administration's test numbers) or 40.
            serial: where to start among the candidate individual numbers.

        Raises:
            InvalidValueError: for a date out of range, an offset other than 40
                or 80, or a serial with no valid number at or after it.
        """
        if not isinstance(birth_date, dt.date) or isinstance(birth_date, dt.datetime):
            raise _refuse("problems.field.date", field="birth_date", got=type(birth_date).__name__)
        if not _FIRST_YEAR <= birth_date.year <= _LAST_YEAR:
            raise _refuse(
                "records.national_id.years", field="birth_date", first=_FIRST_YEAR, last=_LAST_YEAR
            )
        if isinstance(offset, bool) or offset not in _SYNTHETIC_MONTH_OFFSETS:
            got = v.described_value(offset)
            raise _refuse("records.national_id.offset", field="offset", got=got)
        candidates = _individual_numbers(birth_date.year)
        if isinstance(serial, bool) or not isinstance(serial, int):
            raise _refuse("problems.field.whole", field="serial", got=type(serial).__name__)
        if not 0 <= serial < len(candidates):
            raise _refuse(
                "records.national_id.serial", field="serial", last=len(candidates) - 1, got=serial
            )
        day = birth_date.day + (_D_NUMBER_DAY_OFFSET if d_number else 0)
        stem = f"{day:02d}{birth_date.month + offset:02d}{birth_date.year % 100:02d}"
        for individual in candidates[serial:]:
            digits = [int(c) for c in f"{stem}{individual:03d}"]
            first = -_remainder(digits, _WEIGHTS_1) % 11
            if first == 10:
                continue
            digits.append(first)
            second = -_remainder(digits, _WEIGHTS_2) % 11
            if second == 10:
                continue
            digits.append(second)
            return cls("".join(map(str, digits)), allow_synthetic=True)
        raise _refuse("records.national_id.no_serial", field="serial", serial=serial)

    def __repr__(self) -> str:
        return "NationalIdNumber(<hidden>)"

    def __str__(self) -> str:
        return "<hidden national identity number>"


def is_valid_national_id(text: str, *, allow_synthetic: bool = False) -> bool:
    """Whether ``text`` is a valid national identity number.

    The same rules as :class:`NationalIdNumber`; synthetic test numbers count
    only with ``allow_synthetic=True``. Never raises for bad input.
    """
    try:
        NationalIdNumber(text, allow_synthetic=allow_synthetic)
    except InvalidValueError:
        return False
    return True
