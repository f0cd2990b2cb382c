"""``validators.accepts``: the predicate of a field's validator says yes exactly when it does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.exceptions import ValidationError
from mbprogram.model import validators as v
from mbprogram.model.placements import Outlook, PlacementAbsence, PlacementAssessment
from mbprogram.model.values import Hours
from mbprogram.storage._converter import RECORD_TYPES

_ATTRIBUTES = [a for cl in RECORD_TYPES for a in attrs.fields(cl) if a.validator is not None]

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 20_000),
    st.text(max_size=30),
    st.text(alphabet="abc \x00\t\ud800", max_size=5),
    st.sampled_from(["", " ", "S-01", "12345678901", "a" * 201, "x" * 2001, "Lærer Lund"]),
    st.dates(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.builds(Hours, st.integers(0, 10)),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.just(Decimal("1")),
    st.tuples(),
    st.tuples(st.builds(PlacementAbsence, day=st.dates())),
    st.builds(
        PlacementAssessment,
        on=st.dates(),
        assessor=st.just("Vik"),
        outlook=st.just(Outlook.ON_TRACK),
    ),
    st.lists(st.integers(), max_size=2),
)


def validator_accepts(attribute: attrs.Attribute[object], value: object) -> bool:
    try:
        attribute.validator(None, attribute, value)  # type: ignore[misc]
    except ValidationError:
        return False
    return True


@given(st.sampled_from(_ATTRIBUTES), values)
def test_the_predicate_of_each_field_agrees_with_its_validator(
    attribute: attrs.Attribute[object], value: object
) -> None:
    assert v.accepts(attribute)(value) == validator_accepts(attribute, value)


def test_the_fields_have_validators_of_this_module() -> None:
    """The predicates are checked against the validators the records use."""
    assert _ATTRIBUTES
    assert v.accepts(attrs.fields_dict(PlacementAbsence)["reason"])("syk")
    assert not v.accepts(attrs.fields_dict(PlacementAssessment)["assessor"])("  ")
