"""History entries: one list of actions, records of the action's kind, a seal over the content."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import Change, HistoryAction, InvalidValueError, Register, Stamp
from mbprogram.model.canonical import canonical_bytes, canonical_text
from mbprogram.model.history import GENESIS, seal
from mbprogram.reports.history import history_rows
from tests import strategies as gen
from tests.builders import COHORT, STAMP
from tests.register_strategies import registers

FORMAT_MD = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def test_docs_format_lists_every_action_with_the_kind_of_record_it_carries() -> None:
    rows = re.findall(r"^\| `([a-z.-]+)` \| (`(\w+)`|—) \|$", FORMAT_MD.read_text(), re.M)
    documented = {action: kind or None for action, _, kind in rows}
    assert {a.value: a.kind.__name__ if a.kind else None for a in HistoryAction} == documented


def test_an_entry_carries_records_of_its_actions_kind_only() -> None:
    with pytest.raises(InvalidValueError, match="carries a Cohort or None, got a int"):
        Change(stamp=STAMP, action="cohort.places-changed", record="cohorts[K1]", after=18)
    with pytest.raises(InvalidValueError, match="carries no record"):
        Change(stamp=STAMP, action="person.erased", record="cohorts[K1]", after=COHORT)
    with pytest.raises(InvalidValueError, match="another id"):
        Change(stamp=STAMP, action="cohort.opened", record="cohorts[K2]", after=COHORT)
    with pytest.raises(InvalidValueError, match="before or after"):
        Change(stamp=STAMP, action="cohort.opened", record="cohorts[K1]")


def test_an_unknown_action_is_refused_without_quoting_it() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Change(stamp=STAMP, action="Ola Nordmann", record="cohorts[K1]", after=COHORT)
    assert "Ola" not in str(caught.value)


@given(gen.cohorts(), gen.cohorts())
def test_equal_records_have_one_canonical_form_and_others_another(a: object, b: object) -> None:
    assert (a == b) == (canonical_bytes(a) == canonical_bytes(b))
    json.loads(canonical_text(a))  # it is JSON


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, max_value=10**6, min_value=-(10**6)
    )
)
def test_a_number_is_written_one_way_whatever_its_trailing_zeros(number: Decimal) -> None:
    assert canonical_text(number) == canonical_text(number.quantize(Decimal("0.00001")))


@given(st.datetimes(timezones=st.timezones()))
def test_a_moment_is_written_one_way_whatever_its_offset(moment: dt.datetime) -> None:
    assert canonical_text(moment) == canonical_text(moment.astimezone(dt.UTC))


@given(
    st.sampled_from(["actor", "at", "part", "after", "previous"]),
    st.integers(1, 1_000),
)
def test_changing_anything_an_entry_says_changes_its_seal(what: str, places: int) -> None:
    entry = Change(stamp=STAMP, action="cohort.opened", record="cohorts[K1]", after=COHORT)
    changed = {
        "actor": lambda: attrs.evolve(entry, stamp=Stamp("Noen", STAMP.at)),
        "at": lambda: attrs.evolve(entry, stamp=Stamp(STAMP.actor, STAMP.at + dt.timedelta(1))),
        "part": lambda: attrs.evolve(entry, part="places"),
        "after": lambda: attrs.evolve(entry, after=attrs.evolve(COHORT, places=places)),
        "previous": lambda: entry,
    }[what]()
    previous = "0" * 64 if what == "previous" else GENESIS
    if what == "after" and places == COHORT.places:
        assert seal(GENESIS, entry) == seal(previous, changed)
    else:
        assert seal(GENESIS, entry) != seal(previous, changed)


@given(registers())
def test_every_entry_a_register_writes_is_sealed_after_the_one_before(register: Register) -> None:
    previous = GENESIS
    for entry in register.history:
        assert seal(previous, entry) == entry.chain
        previous = entry.chain


@given(registers())
def test_an_entrys_content_kept_from_its_sealing_is_the_content_made_afresh(
    register: Register,
) -> None:
    # the content is made once per entry and handed on to the sealed copy: it must be
    # exactly what the entry says now, and the seal must not be part of it
    for entry in register.history:
        afresh = canonical_bytes(
            (entry.stamp.actor, entry.stamp.at, entry.action, entry.record, entry.part,
             entry.before, entry.after)
        )  # fmt: skip
        assert entry.content() == afresh
        assert attrs.evolve(entry, chain=GENESIS).content() == afresh
        assert seal(GENESIS, attrs.evolve(entry, chain=GENESIS)) == seal(GENESIS, entry)


@given(registers())
def test_the_history_in_words_never_shows_a_name_or_an_identity_number(register: Register) -> None:
    secrets = {s.name for s in register.students.values()}
    secrets |= {s.national_id.value for s in register.students.values() if s.national_id}
    rows = history_rows(register.history, "nb") + history_rows(register.history, "en")
    shown = " ".join(f"{r.before} {r.after}" for r in rows)
    assert len(register.history) * 2 == len(rows)
    assert [] == [s for s in secrets if len(s) > 3 and s in shown]


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=40, min_value=0, max_value=10**14),
    st.decimals(allow_nan=False, allow_infinity=False, places=40, min_value=0, max_value=10**14),
)
def test_two_numbers_have_one_canonical_text_exactly_when_they_are_equal(a, b) -> None:
    from mbprogram.model.canonical import canonical_text  # noqa: PLC0415

    assert (canonical_text(a) == canonical_text(b)) == (a == b)


def test_a_number_finer_than_28_digits_is_not_rounded_in_its_canonical_text() -> None:
    from mbprogram import Hours  # noqa: PLC0415
    from mbprogram.model.canonical import canonical_text  # noqa: PLC0415

    fine = Hours("1." + "0" * 38 + "1")  # 40 decimals: a value may have them
    assert canonical_text(fine) != canonical_text(Hours("1"))
    assert canonical_text(Hours("7.50")) == canonical_text(Hours("7.5"))
