"""The JSON document format: round trips, and one clear error for every kind of bad document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from mbprogram import (
    DocumentError,
    FindingCode,
    MbprogramError,
    Register,
    Status,
    ValidationError,
    graduate_outcomes,
)
from mbprogram.storage.json_document import FORMAT, dumps, loads, save_document
from tests.register_strategies import registers
from tests.storage.samples import document, sample_register


def lines(error: ValidationError) -> list[str]:
    """The problems of ``error`` as ``path: message`` lines."""
    return [str(p) for p in error.problems]


def load_error(doc: object) -> DocumentError:
    """The error that loading ``doc`` (a JSON value) raises."""
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc))
    return caught.value


def student(doc: dict[str, Any], index: int) -> dict[str, Any]:
    """The ``index``-th student of the first cohort of ``doc``."""
    found: dict[str, Any] = doc["cohorts"][0]["students"][index]
    return found


# -- round trips ---------------------------------------------------------------------------


@given(registers())
def test_any_valid_register_loads_back_equal_from_its_document(register: Register) -> None:
    assert register == loads(dumps(register))


@given(registers(allow_synthetic_ids=True))
def test_a_register_with_synthetic_identity_numbers_loads_back_equal(register: Register) -> None:
    assert register == loads(dumps(register, indent=2))


def test_the_sample_register_round_trips_with_its_history_and_hiring_records() -> None:
    register = sample_register()
    loaded = loads(dumps(register))
    assert register == loaded
    assert register.history == loaded.history
    assert loaded.employment("E1").permanent_from is not None
    assert loaded.student("S-04").national_id == register.student("S-04").national_id


def test_a_document_names_its_format_first_and_keeps_exact_numbers_as_strings() -> None:
    text = dumps(sample_register())
    assert text.startswith('{"format": "mbprogram/2", "synthetic_ids": true')
    assert '"hours": "4.5"' in text
    assert '"hours": "2.25"' in text


def test_numbers_may_be_given_as_json_numbers_and_stay_exact() -> None:
    doc = document()
    text = json.dumps(doc).replace('"hours": "4.5"', '"hours": 4.5', 1)
    text = text.replace('"hours": "2.25"', '"hours": 139.99999999999999999', 1)
    register = loads(text)
    assert "139.99999999999999999" == str(register.student("S-02").makeups[0].hours.value)


def test_loads_accepts_utf8_bytes() -> None:
    register = sample_register()
    assert register == loads(dumps(register).encode("utf-8"))


# -- bad documents -------------------------------------------------------------------------


def test_an_end_before_the_start_names_the_placement_by_position() -> None:
    doc = document()
    placement = student(doc, 1)["placements"][0]
    placement["start"], placement["end"], placement["absences"] = "2026-04-01", "2026-03-01", []
    placement["midway"] = None
    assert [
        "cohorts[0].students[1].placements[0].end: 2026-03-01 is before start 2026-04-01"
    ] == lines(load_error(doc))


def test_a_typo_in_a_key_is_an_error_with_a_suggestion() -> None:
    doc = document()
    student(doc, 2)["nmae"] = student(doc, 2).pop("name")
    assert [
        "cohorts[0].students[2].name: required key is missing",
        "cohorts[0].students[2].nmae: unknown key; did you mean 'name'?",
    ] == lines(load_error(doc))


def test_every_problem_is_listed_at_once() -> None:
    doc = document()
    doc["host_units"][1]["capacity"] = "1"
    student(doc, 1)["status_history"][0]["on"] = "05.01.2026"
    doc["employments"][0]["roles"] = ["relatives", "relatives"]
    error = load_error(doc)
    assert [
        "host_units[1].capacity: expected a whole number, got text",
        ("cohorts[0].students[1].status_history[0].on: expected a date as YYYY-MM-DD, got text"),
        "employments[0].roles: expected each role at most once, got a list",
    ] == lines(error)


def test_hours_given_as_a_float_in_json_are_read_exactly_but_over_the_session_refused() -> None:
    doc = document()
    student(doc, 0)["attendance"][0]["hours"] = 5.5
    assert [
        "cohorts[0].students[0].attendance[0].hours: 5.5 h is more than the session's length of 5 h"
    ] == lines(load_error(doc))


def test_unknown_session_unit_and_student_references_are_named() -> None:
    doc = document()
    student(doc, 1)["attendance"][0]["session"] = "SES-99"
    student(doc, 1)["placements"][0]["unit"] = "U9"
    doc["outcomes"][0]["person"] = "S-99"
    assert [
        "cohorts[0].students[1].attendance[0].session: no session 'SES-99' in cohort 'K1'",
        "cohorts[0].students[1].placements[0].unit: no host unit 'U9'",
        "outcomes[0].person: no student 'S-99'",
    ] == lines(load_error(doc))


def test_a_broken_invariant_over_capacity_is_named_with_its_code() -> None:
    doc = document()
    second = dict(doc["employments"][0], id="E2", permanent_from=None, end="2027-03-31")
    doc["employments"].append(second)
    error = load_error(doc)
    assert [
        (
            "budget_pots[0]: budget pot 'POT' would pay 2 positions at once "
            "2026-10-01..2027-03-31; it has room for 1"
        )
    ] == lines(error)
    assert {"BUDGET_POT_OVER_CAPACITY"} == error.codes


def test_a_wrong_kind_of_value_is_named_without_echoing_sensitive_text() -> None:
    doc = document()
    student(doc, 1)["notes"] = ["hemmelig"]
    student(doc, 1)["name"] = 42
    student(doc, 3)["national_id"] = "17859000771"
    error = load_error(doc)
    assert [
        "cohorts[0].students[1].name: expected text, got a number",
        "cohorts[0].students[1].notes: expected text, got a list",
        (
            "cohorts[0].students[3].national_id: expected a valid second check digit "
            "(digit eleven, weighted sum mod eleven)"
        ),
    ] == lines(error)
    assert "hemmelig" not in str(error)
    assert "1785900077" not in str(error)


def test_a_synthetic_identity_number_is_refused_in_a_register_of_real_people() -> None:
    doc = document()
    doc["synthetic_ids"] = False
    error = load_error(doc)
    # the rule of the register, on the record; the history is a fact taken as it is
    assert ["cohorts[0].students[3].national_id"] == [p.path for p in error.problems]
    assert {"SYNTHETIC_ID_NOT_ALLOWED"} == error.codes
    assert all("synthetic" in p.message for p in error.problems)
    assert "17859000770" not in str(error)


def test_a_student_listed_under_a_cohort_has_no_cohort_key() -> None:
    doc = document()
    student(doc, 0)["cohort"] = "K1"
    assert [
        (
            "cohorts[0].students[0].cohort: unknown key; a student belongs to the cohort it is "
            "listed under"
        )
    ] == lines(load_error(doc))


def test_a_history_entry_of_an_unknown_action_or_a_record_of_another_kind_is_named() -> None:
    doc = document()
    doc["history"][0]["action"] = "cohort.closed"
    doc["history"][1]["at"] = "2026-01-02T09:00:00"
    doc["history"][2]["action"] = "cohort.opened"  # its records are host units
    message = lines(load_error(doc))
    assert "history[0].action: expected an action listed in docs/format.md, got text" == message[0]
    assert "history[2].after.rules: required key is missing" in message
    assert [
        (
            "history[1].at: expected a date and time as YYYY-MM-DDTHH:MM:SS with a UTC offset, "
            "got text"
        )
    ] == message[1:2]


def test_a_missing_or_unknown_format_is_refused_before_anything_else() -> None:
    doc = document()
    del doc["format"]
    assert [
        (
            "format: expected 'mbprogram/2', got no format; this version of mbprogram reads "
            "mbprogram/1 and mbprogram/2 documents only"
        )
    ] == lines(load_error(doc))
    doc["format"] = "mbprogram/3"
    assert [
        (
            "format: expected 'mbprogram/2', got 'mbprogram/3'; this version of mbprogram "
            "reads mbprogram/1 and mbprogram/2 documents only"
        )
    ] == lines(load_error(doc))


def test_missing_and_unknown_top_level_keys_are_named() -> None:
    doc = document()
    del doc["outcomes"]
    doc["cohort"] = doc.pop("cohorts")
    assert [
        "cohort: unknown key; did you mean 'cohorts'?",
        "cohorts: required key is missing",
        "outcomes: required key is missing",
    ] == lines(load_error(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "$: not valid JSON (Expecting value at line 1, column 1)"),
        ("[1, 2]", '$: expected an object with "format": "mbprogram/2", got a list'),
        ('{"format": NaN}', "$: expected a finite number, got NaN"),
        (b"\xff\xfe{", "$: not a readable JSON document (not UTF-8 text)"),
    ],
)
def test_text_that_is_no_document_gives_one_problem_at_the_root(
    text: str | bytes, expected: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert [expected] == lines(caught.value)


def test_the_error_is_the_library_error_and_a_value_error() -> None:
    error = load_error({"format": FORMAT})
    assert isinstance(error, MbprogramError)
    assert isinstance(error, ValueError)
    assert "invalid document" in str(error)


def _graduate_document() -> dict[str, Any]:
    from tests.builders import GRADUATION_DAY, STAMP, complete, make_register  # noqa: PLC0415

    register = make_register(1)
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    return document(register)


def test_a_certificate_is_a_fact_that_a_stricter_rule_does_not_undo() -> None:
    data = _graduate_document()
    data["cohorts"][0]["rules"]["theory_hours"] = "1000"  # a later, stricter reading

    register = loads(json.dumps(data))

    student = register.student("S-01")
    assert Status.GRADUATED == student.status
    assert student.certificate is not None
    # today's arithmetic says the student falls short, and the certificate still stands
    codes = {f.code for f in register.progress("S-01", student.certificate.issued_on).errors}
    assert FindingCode.THEORY_HOURS_SHORT in codes


def test_loading_never_re_runs_completion(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _graduate_document()
    data["cohorts"][0]["students"][0]["attendance"] = []  # the records that earned it are gone

    def no_evaluation(*args: object, **kwargs: object) -> None:
        raise AssertionError("loading evaluated a student")

    for module in ("mbprogram.rules.student", "mbprogram.register.changes.students"):
        monkeypatch.setattr(f"{module}.evaluate_student", no_evaluation)
    register = loads(json.dumps(data))

    assert Status.GRADUATED == register.student("S-01").status
    outcome = graduate_outcomes(register, years_after=0, as_of=dt.date(2027, 1, 1))
    assert ["S-01"] == [o.person for o in outcome]


def test_a_certificate_for_another_programme_does_not_load() -> None:
    data = _graduate_document()
    data["cohorts"][0]["students"][0]["certificate"]["programme"] = "Et annet kurs"
    with pytest.raises(DocumentError, match=r"certificate\.programme"):
        loads(json.dumps(data))


def test_an_enrolment_after_the_cohort_ended_does_not_load() -> None:
    data = document()
    student = data["cohorts"][0]["students"][0]
    student["status_history"] = [{"status": "active", "on": "2030-06-01", "reason": ""}]
    student["attendance"] = []
    with pytest.raises(DocumentError, match="is after the cohort ends"):
        loads(json.dumps(data))


# -- text and numbers a file cannot hold (issue 10) -----------------------------------------


def test_a_lone_surrogate_is_refused_at_its_field_as_an_escape_and_as_raw_bytes() -> None:
    doc = document()
    student(doc, 0)["notes"] = "Kari \ud800"
    escaped = json.dumps(doc)  # "\ud800" as a JSON escape
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    for text in (escaped, raw):
        with pytest.raises(DocumentError) as caught:
            loads(text)
        assert [
            (
                "cohorts[0].students[0].notes: expected text without NUL characters or lone "
                "surrogates (the text is not shown)"
            )
        ] == lines(caught.value)


def test_a_lone_surrogate_in_a_record_of_the_history_is_refused_at_its_path() -> None:
    doc = document()
    doc["history"][0]["after"]["name"] = "Kari \ud800"
    doc["history"][1]["after"]["name"] = "x" * 10_001
    assert [
        (
            "history[0].after.name: expected text without NUL characters or lone surrogates "
            "(the text is not shown)"
        ),
        "history[1].after.name: expected at most 200 characters, got 10001",
    ] == lines(load_error(doc))


def test_a_register_holding_text_that_utf8_cannot_hold_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    register = sample_register()
    change = register.history[0]
    cohort = attrs.evolve(change.after)
    object.__setattr__(cohort, "name", "Kari \ud800")  # as if it got in unchecked
    unwritable = Register.from_records(
        cohorts=register.cohorts.values(),
        students=register.students.values(),
        host_units=register.host_units.values(),
        budget_pots=register.budget_pots.values(),
        employments=register.employments.values(),
        outcomes=register.outcomes.values(),
        history=[attrs.evolve(change, after=cohort), *register.history[1:]],
        allow_synthetic_ids=register.allow_synthetic_ids,
    )
    path = tmp_path / "register.json"
    with pytest.raises(DocumentError) as caught:
        save_document(unwritable, path)
    assert ["$: a text holds a lone surrogate, which UTF-8 cannot hold (not shown)"] == lines(
        caught.value
    )
    assert "Kari" not in str(caught.value)
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("capacity", "expected"),
    [
        (10**15, "expected at least 1 and at most 1000"),
        ("12", "expected a whole number, got text"),
    ],
)
def test_a_record_in_the_history_is_read_within_the_bounds_of_its_kind(
    capacity: object, expected: str
) -> None:
    doc = document()
    doc["history"][1]["after"]["capacity"] = capacity
    [problem] = lines(load_error(doc))
    assert problem.startswith(f"history[1].after.capacity: {expected}")


def test_an_integer_of_thousands_of_digits_is_refused_with_the_library_error() -> None:
    text = json.dumps(document()).replace('"capacity": 1', '"capacity": ' + "9" * 5_000, 1)
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert ["$: a number of 5000 characters; a number has at most 60 (docs/format.md)"] == lines(
        caught.value
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"' + "1" * 61 + '"', "expected an exact number of at most 60 characters, got text of 61"),
        ("1e999999999999999999999", "$: a number whose exponent is out of range"),
        ("1e400", "expected a number below 10^15 with at most 40 decimals"),
    ],
)
def test_an_exact_number_has_a_bound_as_text_and_as_a_number(value: str, expected: str) -> None:
    text = json.dumps(document()).replace('"hours": "4.5"', f'"hours": {value}', 1)
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert expected in str(caught.value)


def test_an_error_keeps_no_json_decoder_error_holding_the_whole_document() -> None:
    text = json.dumps(document())[:-1]  # the last brace is missing
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None


def test_an_error_of_the_rules_across_records_chains_no_other_error() -> None:
    doc = document()
    doc["host_units"][0]["capacity"] = 1
    doc["host_units"][1]["capacity"] = 1
    for s in doc["cohorts"][0]["students"]:
        for p in s["placements"]:
            p["unit"] = doc["host_units"][0]["id"]
    error = load_error(doc)
    assert error.problems
    assert error.__context__ is None
