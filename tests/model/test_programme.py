"""Programme rules: the Bergen presets, rules as plain data, and every bad value reported."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    BERGEN_2010,
    BERGEN_2015,
    Hours,
    InvalidValueError,
    Percent,
    ProgrammeRules,
)
from tests import strategies as gen

MINIMAL = {"name": "Aarhus", "theory_hours": 80, "practice_weeks": 6}


def refusal(data: object) -> InvalidValueError:
    """The error that reading ``data`` as rules raises."""
    with pytest.raises(InvalidValueError) as caught:
        ProgrammeRules.from_dict(data)  # type: ignore[arg-type]
    return caught.value


def problems_by_path(error: InvalidValueError) -> dict[str, str]:
    """The error's problems as ``{path: message}`` (each path once)."""
    found = {p.path: p.message for p in error.problems}
    assert len(error.problems) == len(found), f"a path is reported twice: {error.problems}"
    return found


# -- presets ----------------------------------------------------------------------


def test_bergen_2010_asks_for_140_hours_and_14_weeks() -> None:
    assert Hours(140) == BERGEN_2010.theory_hours
    assert Decimal(14) == BERGEN_2010.practice_weeks


def test_bergen_2015_asks_for_180_hours_and_20_weeks() -> None:
    assert Hours(180) == BERGEN_2015.theory_hours
    assert Decimal(20) == BERGEN_2015.practice_weeks


@pytest.mark.parametrize("rules", [BERGEN_2010, BERGEN_2015])
def test_bergen_presets_need_literature_and_an_approved_assignment_in_three_tries(
    rules: ProgrammeRules,
) -> None:
    assert rules.literature_sign_off
    assert rules.assignment_approval
    assert 3 == rules.max_submissions
    assert (None, None, None) == (
        rules.min_theory_share,
        rules.makeup_cap,
        rules.min_practice_share,
    )


@pytest.mark.parametrize("rules", [BERGEN_2010, BERGEN_2015])
def test_presets_call_90_percent_of_what_is_left_and_one_absence_to_spare_at_risk(
    rules: ProgrammeRules,
) -> None:
    assert (Percent(90), Percent(90), 1) == (
        rules.at_risk_theory_share,
        rules.at_risk_practice_share,
        rules.at_risk_absences,
    )


def test_rules_allow_three_submissions_unless_told_otherwise() -> None:
    rules = ProgrammeRules(name="Aarhus", theory_hours=Hours(80), practice_weeks=Decimal(6))

    assert 3 == rules.max_submissions


def test_presets_are_distinct_values() -> None:
    assert BERGEN_2010 != BERGEN_2015
    assert BERGEN_2010 == attrs.evolve(BERGEN_2010)


# -- direct construction ------------------------------------------------------------


def test_rules_convert_plain_numbers_to_exact_values() -> None:
    rules = ProgrammeRules(
        name="Aarhus",
        theory_hours="139.5",  # type: ignore[arg-type]
        practice_weeks=6,  # type: ignore[arg-type]
        min_theory_share="80",  # type: ignore[arg-type]
        makeup_cap=10,  # type: ignore[arg-type]
    )

    assert Hours("139.5") == rules.theory_hours
    assert Decimal(6) == rules.practice_weeks
    assert Percent(80) == rules.min_theory_share
    assert Hours(10) == rules.makeup_cap


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("theory_hours", 139.5),
        ("practice_weeks", 14.0),
        ("min_theory_share", 80.0),
        ("makeup_cap", -1),
        ("min_practice_share", 101),
        ("at_risk_theory_share", 90.0),
        ("at_risk_practice_share", "-1"),
        ("at_risk_absences", -1),
    ],
)
def test_rules_made_directly_name_the_rule_that_is_wrong(field: str, value: object) -> None:
    fields: dict[str, Any] = {**MINIMAL, field: value}

    with pytest.raises(InvalidValueError) as caught:
        ProgrammeRules(**fields)

    assert [field] == [p.path for p in caught.value.problems]


# -- from_dict: what is accepted ----------------------------------------------------


def test_rules_read_from_a_dict_with_whole_numbers() -> None:
    expected = ProgrammeRules(name="Aarhus", theory_hours=Hours(80), practice_weeks=Decimal(6))

    assert expected == ProgrammeRules.from_dict(MINIMAL)


def test_rules_read_from_a_dict_with_decimal_strings_and_every_option() -> None:
    data = {
        "name": "København",
        "theory_hours": "139.5",
        "practice_weeks": "14.5",
        "min_theory_share": "80",
        "makeup_cap": "10.25",
        "min_practice_share": "75.5",
        "literature_sign_off": False,
        "assignment_approval": True,
        "max_submissions": 2,
    }
    expected = ProgrammeRules(
        name="København",
        theory_hours=Hours("139.5"),
        practice_weeks=Decimal("14.5"),
        min_theory_share=Percent(80),
        makeup_cap=Hours("10.25"),
        min_practice_share=Percent("75.5"),
        literature_sign_off=False,
        assignment_approval=True,
        max_submissions=2,
    )

    assert expected == ProgrammeRules.from_dict(data)


def test_rules_read_from_a_dict_accept_decimals_and_explicit_nulls() -> None:
    data = {
        **MINIMAL,
        "theory_hours": Decimal("80.5"),
        "min_theory_share": None,
        "makeup_cap": None,
    }

    rules = ProgrammeRules.from_dict(data)

    assert Hours("80.5") == rules.theory_hours
    assert (None, None) == (rules.min_theory_share, rules.makeup_cap)


def test_bergen_2010_as_a_dict_is_plain_json_data() -> None:
    assert {
        "name": "Bergen 2010",
        "theory_hours": "140",
        "min_theory_share": None,
        "makeup_cap": None,
        "practice_weeks": "14",
        "min_practice_share": None,
        "literature_sign_off": True,
        "assignment_approval": True,
        "max_submissions": 3,
    } == BERGEN_2010.to_dict()


def test_rules_with_the_default_thresholds_write_no_threshold_keys() -> None:
    assert not any(key.startswith("at_risk_") for key in BERGEN_2015.to_dict())


def test_rules_written_before_the_thresholds_existed_read_with_the_defaults() -> None:
    rules = ProgrammeRules.from_dict({**MINIMAL, "max_submissions": 2})

    assert (Percent(90), Percent(90), 1) == (
        rules.at_risk_theory_share,
        rules.at_risk_practice_share,
        rules.at_risk_absences,
    )


def test_thresholds_other_than_the_defaults_are_written_and_read_back() -> None:
    rules = attrs.evolve(
        BERGEN_2015,
        at_risk_theory_share=Percent("75.5"),
        at_risk_practice_share=Percent(100),
        at_risk_absences=0,
    )

    data = rules.to_dict()

    assert ("75.5", "100", 0) == (
        data["at_risk_theory_share"],
        data["at_risk_practice_share"],
        data["at_risk_absences"],
    )
    assert rules == ProgrammeRules.from_dict(json.loads(json.dumps(data)))


# -- from_dict: what is refused ----------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("theory_hours", 140.0, "binary float"),
        ("theory_hours", -1, "0 or more hours"),
        ("theory_hours", "mange", "expected a number"),
        ("theory_hours", True, "bool"),
        ("practice_weeks", 14.5, "binary float"),
        ("practice_weeks", "-2", "0 or more weeks"),
        ("practice_weeks", False, "bool"),
        ("min_theory_share", "120", "from 0 to 100"),
        ("min_theory_share", 0.8, "binary float"),
        ("makeup_cap", "-0.5", "0 or more hours"),
        ("min_practice_share", True, "bool"),
        ("literature_sign_off", "yes", "true or false"),
        ("assignment_approval", 1, "true or false"),
        ("max_submissions", 0, "from 1 to 100"),
        ("max_submissions", "3", "from 1 to 100"),
        ("max_submissions", True, "from 1 to 100"),
        ("max_submissions", 3.0, "from 1 to 100"),
        ("at_risk_theory_share", "101", "from 0 to 100"),
        ("at_risk_practice_share", 0.9, "binary float"),
        ("at_risk_absences", -1, "from 0 to 100"),
        ("at_risk_absences", "1", "from 0 to 100"),
        ("name", "", "non-empty name"),
        ("name", 2026, "non-empty name"),
    ],
)
def test_rules_from_a_dict_refuse_a_bad_value_naming_its_key(
    key: str, value: object, fragment: str
) -> None:
    error = refusal({**MINIMAL, key: value})

    found = problems_by_path(error)
    assert [key] == list(found)
    assert fragment in found[key]


@pytest.mark.parametrize(
    "key",
    ["min_theory_share", "min_practice_share", "at_risk_theory_share", "at_risk_practice_share"],
)
@pytest.mark.parametrize("value", ["0.8", "0,8", Decimal("0.99"), "0.5 %"])
def test_a_share_under_one_percent_is_refused_saying_to_write_80(key: str, value: object) -> None:
    found = problems_by_path(refusal({**MINIMAL, key: value}))

    assert [key] == list(found)
    assert "write 80 for 80 %" in found[key]


@pytest.mark.parametrize("written", ["80", "80 %", "80%", " 80,0 ", "80,0 %", 80, Decimal("80.0")])
def test_a_share_may_be_written_with_a_percent_sign_or_a_decimal_comma(written: object) -> None:
    rules = ProgrammeRules.from_dict({**MINIMAL, "min_theory_share": written})

    assert Percent(80) == rules.min_theory_share


@given(share=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("0.99"), places=2))
def test_no_share_strictly_between_0_and_1_percent_is_accepted(share: Decimal) -> None:
    with pytest.raises(InvalidValueError) as caught:
        ProgrammeRules(name="x", theory_hours=Hours(1), practice_weeks=Decimal(1),
                       min_practice_share=Percent(share))  # fmt: skip

    assert ["min_practice_share"] == [p.path for p in caught.value.problems]


def test_a_share_of_0_is_still_a_share() -> None:
    rules = ProgrammeRules.from_dict({**MINIMAL, "at_risk_theory_share": "0 %"})

    assert Percent(0) == rules.at_risk_theory_share


def test_a_share_with_two_commas_is_not_a_number() -> None:
    found = problems_by_path(refusal({**MINIMAL, "min_theory_share": "8,0,0"}))

    assert "expected a number" in found["min_theory_share"]


def test_rules_from_a_dict_refuse_an_unknown_key_so_a_typo_is_not_ignored() -> None:
    error = refusal({**MINIMAL, "theory_hour": 140})

    found = problems_by_path(error)
    assert ["theory_hour"] == list(found)
    assert "unknown rule" in found["theory_hour"]
    assert "theory_hours" in found["theory_hour"]


@pytest.mark.parametrize("key", ["name", "theory_hours", "practice_weeks"])
def test_rules_from_a_dict_refuse_a_missing_required_key(key: str) -> None:
    data = {k: v for k, v in MINIMAL.items() if k != key}

    found = problems_by_path(refusal(data))
    assert [key] == list(found)
    assert found[key].startswith("required rule is missing")


#: The Danish course: 80 % of theory and of placement days, no hour or week count.
DANISH = {"name": "Peer course", "min_theory_share": "80 %", "min_practice_share": "80"}


def test_a_programme_asking_for_shares_only_is_written_without_counts() -> None:
    rules = ProgrammeRules.from_dict(DANISH)

    assert (Hours(0), Decimal(0)) == (rules.theory_hours, rules.practice_weeks)
    assert (Percent(80), Percent(80)) == (rules.min_theory_share, rules.min_practice_share)
    assert "theory_hours" not in rules.to_dict()
    assert "practice_weeks" not in rules.to_dict()
    assert rules == ProgrammeRules.from_dict(rules.to_dict())


def test_a_missing_count_names_the_share_that_may_stand_in_for_it() -> None:
    found = problems_by_path(refusal({"name": "x", "min_practice_share": "80"}))

    assert ["theory_hours"] == list(found)
    assert "or give min_theory_share alone" in found["theory_hours"]


def test_a_null_share_does_not_stand_in_for_a_count() -> None:
    found = problems_by_path(refusal({**DANISH, "min_theory_share": None}))

    assert ["theory_hours"] == list(found)


@given(gen.rules())
def test_rules_round_trip_through_a_dict_whatever_counts_and_shares_they_set(
    rules: ProgrammeRules,
) -> None:
    assert rules == ProgrammeRules.from_dict(rules.to_dict())


def test_rules_from_a_dict_report_every_bad_value_at_once() -> None:
    data = {
        "theory_hour": 140,
        "practice_weeks": 14.0,
        "makeup_cap": -3,
        "literature_sign_off": "ja",
        "max_submissions": 0,
        "min_practice_share": True,
    }

    error = refusal(data)

    assert {
        "theory_hour",
        "name",
        "theory_hours",
        "practice_weeks",
        "makeup_cap",
        "literature_sign_off",
        "max_submissions",
        "min_practice_share",
    } == set(problems_by_path(error))
    assert str(error).startswith("invalid programme rules (8 problems):")


def test_rules_from_a_dict_say_what_they_got_for_a_float() -> None:
    message = problems_by_path(refusal({**MINIMAL, "theory_hours": 139.99}))["theory_hours"]

    assert "139.99" in message
    assert "string" in message


@pytest.mark.parametrize("data", [None, [("name", "Aarhus")], "Bergen 2010", 140])
def test_rules_from_something_that_is_not_a_mapping_are_refused(data: object) -> None:
    error = refusal(data)

    ((path, message),) = problems_by_path(error).items()
    assert "" == path
    assert "expected a mapping of rules" in message
    assert type(data).__name__ in message


# -- round trips ----------------------------------------------------------------------


@pytest.mark.parametrize("rules", [BERGEN_2010, BERGEN_2015])
def test_presets_round_trip_through_a_dict(rules: ProgrammeRules) -> None:
    assert rules == ProgrammeRules.from_dict(rules.to_dict())


@given(gen.rules())
def test_any_rules_round_trip_through_a_dict(rules: ProgrammeRules) -> None:
    assert rules == ProgrammeRules.from_dict(rules.to_dict())


@given(gen.rules())
def test_any_rules_round_trip_through_json(rules: ProgrammeRules) -> None:
    text = json.dumps(rules.to_dict())

    assert rules == ProgrammeRules.from_dict(json.loads(text))


def test_rules_beyond_the_default_decimal_precision_round_trip_exactly() -> None:
    rules = attrs.evolve(
        BERGEN_2010,
        theory_hours=Hours("139.99999999999999999999999999999"),
        practice_weeks=Decimal("13.99999999999999999999999999999"),
    )

    data = rules.to_dict()

    assert "139.99999999999999999999999999999" == data["theory_hours"]
    assert rules == ProgrammeRules.from_dict(json.loads(json.dumps(data)))
