"""The pseudonymised export (docs/privacy.md): no one named, every report the same.

``pseudonymise(register, key)`` drops names, identity numbers, contact details,
free text, staff names, the history and (unless asked) the background, and
replaces every id of a person's records with a keyed pseudonym. The result is
a register, so every report runs on it unchanged and gives the same figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from functools import cache

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    DateRange,
    InvalidValueError,
    Register,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    hiring_findings,
    pot_utilisation,
)
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.privacy import ANONYMOUS, MIN_KEY_BYTES, Pseudonyms, pseudonymise
from mbprogram.reports.outcomes import outcomes_report
from mbprogram.reports.progress import progress_document
from tests.privacy.helpers import everything_held, occurrences, rebuilt
from tests.privacy.registers import POT, Scenario, scenarios

KEY = b"test key, never a real one: 0123456789"
OTHER_KEY = b"another test key, unlinkable: 9876543210"
STAFF = ("Veileder Vik", "Lærer Lund", "Rådgiver Ruud", "Koordinator Krog")
PSEUDONYM = re.compile(r"(?:P|C|E|O|PL|M)-[0-9a-f]{16}")


@cache
def demo() -> Register:
    return build_demo_register()


@cache
def demo_export() -> Register:
    return pseudonymise(demo(), KEY)


# -- the key --------------------------------------------------------------------------


@pytest.mark.parametrize("key", [b"", b"x", b"fifteen bytes!!"], ids=["empty", "1", "15"])
def test_a_key_shorter_than_16_bytes_is_refused(key: bytes) -> None:
    with pytest.raises(InvalidValueError, match="at least 16 bytes") as caught:
        pseudonymise(demo(), key)

    assert ["key"] == [p.path for p in caught.value.problems]


def test_a_key_that_is_not_bytes_is_refused_without_echoing_it() -> None:
    with pytest.raises(InvalidValueError, match="expected the secret key as bytes, got str") as e:
        Pseudonyms("a secret passphrase of some length")  # type: ignore[arg-type]

    assert "passphrase" not in str(e.value)


def test_the_key_never_shows_in_the_pseudonyms_repr() -> None:
    assert "Pseudonyms(key=<hidden>)" == repr(Pseudonyms(KEY))


def test_sixteen_bytes_is_enough() -> None:
    assert 16 == MIN_KEY_BYTES
    assert PSEUDONYM.fullmatch(Pseudonyms(b"0123456789abcdef").student("S-01"))


# -- the pseudonyms -------------------------------------------------------------------


def test_a_student_pseudonym_is_an_hmac_sha256_of_the_id_under_the_key() -> None:
    digest = hmac.new(KEY, b"student\x1fA01", hashlib.sha256).hexdigest()

    assert f"P-{digest[:16]}" == Pseudonyms(KEY).student("A01")


def test_the_same_key_gives_the_same_export() -> None:
    assert demo_export() == pseudonymise(demo(), bytearray(KEY))


def test_another_key_gives_pseudonyms_that_share_nothing() -> None:
    other = pseudonymise(demo(), OTHER_KEY)

    mine = set(PSEUDONYM.findall(" ".join(everything_held(demo_export()))))
    assert mine
    assert set() == mine & set(PSEUDONYM.findall(" ".join(everything_held(other))))
    assert set() == {s.id for s in demo_export().students.values()} & set(other.students)


def test_every_id_of_a_persons_records_is_replaced() -> None:
    export = demo_export()
    names = Pseudonyms(KEY)
    student = demo().student("A01")

    mine = export.student(names.student("A01"))
    assert names.student("A01") == mine.name
    assert mine.certificate is not None
    assert student.certificate is not None
    assert names.certificate(student.certificate.id) == mine.certificate.id
    assert [names.placement("A01", p.id) for p in student.placements] == [
        p.id for p in mine.placements
    ]
    assert {names.employment(e) for e in demo().employments} == set(export.employments)
    assert {names.outcome(o) for o in demo().outcomes} == set(export.outcomes)


# -- what is dropped and what is kept --------------------------------------------------


def test_nothing_that_names_anyone_is_left_in_the_demo_export() -> None:
    held = everything_held(demo_export())
    people = [(s.id, s.name) for s in demo().students.values()]

    assert [] == occurrences(tuple(n for _, n in people), held)
    assert [] == [sid for sid, _ in people if sid in held]
    assert [] == occurrences(STAFF, held)
    assert () == demo_export().history


def test_benefits_are_kept_and_backgrounds_dropped_unless_asked_for() -> None:
    export = demo_export()
    kept = pseudonymise(demo(), KEY, keep_background=True)

    names = Pseudonyms(KEY)
    assert {names.employment(e.id): e.benefit for e in demo().employments.values()} == {
        e.id: e.benefit for e in export.employments.values()
    }
    assert {None} == {s.background for s in export.students.values()}
    assert {names.student(s.id): s.background for s in demo().students.values()} == {
        s.id: s.background for s in kept.students.values()
    }


def test_staff_and_panel_names_read_anonymous() -> None:
    export = demo_export()

    supervisors = {p.supervisor for s in export.students.values() for p in s.placements}
    panels = {m.name for e in export.employments.values() for m in e.panel}
    assert {ANONYMOUS} == supervisors
    assert {ANONYMOUS} == panels


def test_the_original_register_is_not_changed() -> None:
    original = build_demo_register()

    pseudonymise(original, KEY)

    assert demo() == original


@given(scenarios())
def test_no_personal_value_of_a_random_register_is_left_in_its_export(scenario: Scenario) -> None:
    export = pseudonymise(scenario.register, KEY)

    held = everything_held(export)
    assert [] == occurrences(scenario.secrets, held)
    assert [] == [p.id for p in scenario.people if p.id in held]
    assert [] == occurrences(STAFF, held)
    assert export == rebuilt(export)


# -- the figures are the same ------------------------------------------------------------


def renamed(text: str, original: Register, names: Pseudonyms) -> str:
    """A path or id of ``original`` as it reads in the export under ``names``."""
    for sid, s in original.students.items():
        for p in s.placements:
            text = text.replace(
                f"students[{sid}].placements[{p.id}]",
                f"students[{sid}].placements[{names.placement(sid, p.id)}]",
            )
        text = text.replace(f"students[{sid}]", f"students[{names.student(sid)}]")
    for eid in original.employments:
        text = text.replace(f"employments[{eid}]", f"employments[{names.employment(eid)}]")
    return text


def expected_progress(original: Register, as_of: dt.date, names: Pseudonyms) -> object:
    document = progress_document(original, as_of)
    for entry in document["students"]:  # type: ignore[attr-defined]
        entry["student"] = names.student(entry["student"])
        for finding in [*entry["findings"], *entry["forecast"]["findings"]]:
            finding["path"] = renamed(finding["path"], original, names)
    return document


def assert_the_same_figures(original: Register, export: Register, as_of: dt.date) -> None:
    names = Pseudonyms(KEY)
    assert outcomes_report(original, as_of) == outcomes_report(export, as_of)
    assert cohort_outcomes(original, as_of) == cohort_outcomes(export, as_of)
    assert employment_summary(original, as_of) == employment_summary(export, as_of)
    for years in (0, 1, 2):  # the export is in pseudonym order
        assert sorted(
            (
                attrs.evolve(g, person=names.student(g.person))
                for g in graduate_outcomes(original, years_after=years, as_of=as_of)
            ),
            key=lambda g: g.person,
        ) == sorted(
            graduate_outcomes(export, years_after=years, as_of=as_of), key=lambda g: g.person
        )
    for pot in original.budget_pots:
        period = DateRange(as_of - dt.timedelta(days=700), as_of)
        assert pot_utilisation(original, pot, period) == pot_utilisation(export, pot, period)
    assert sorted(
        (
            attrs.evolve(f, path=renamed(f.path, original, names))
            for f in hiring_findings(original, as_of)
        ),
        key=str,
    ) == sorted(hiring_findings(export, as_of), key=str)
    assert in_student_order(expected_progress(original, as_of, names)) == in_student_order(
        progress_document(export, as_of)
    )


def in_student_order(document: object) -> object:
    """A progress document with its students sorted by id (exports are in pseudonym order)."""
    assert isinstance(document, dict)
    return {**document, "students": sorted(document["students"], key=lambda s: s["student"])}


@pytest.mark.parametrize(
    "as_of",
    [dt.date(2024, 6, 30), dt.date(2025, 3, 15), dt.date(2025, 12, 31), dt.date(2027, 1, 1)],
)
def test_every_outcome_figure_of_the_demo_is_the_same_after_export(as_of: dt.date) -> None:
    assert_the_same_figures(demo(), demo_export(), as_of)


def test_the_demo_pot_is_in_use_in_the_export_as_in_the_register() -> None:
    period = DateRange(dt.date(2025, 1, 1), dt.date(2026, 12, 31))

    assert pot_utilisation(demo(), DEMO_POT, period, by="day") == pot_utilisation(
        demo_export(), DEMO_POT, period, by="day"
    )


@given(scenarios(), st.integers(0, 1_200))
def test_every_outcome_figure_of_a_random_register_is_the_same_after_export(
    scenario: Scenario, days: int
) -> None:
    as_of = scenario.as_of - dt.timedelta(days=days)

    assert_the_same_figures(scenario.register, pseudonymise(scenario.register, KEY), as_of)
    assert POT in scenario.register.budget_pots
