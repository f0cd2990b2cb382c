"""Revisions, what a load gives, and the in-memory fake beyond the shared contract."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

from mbprogram import ConflictError, InvalidValueError, Register
from mbprogram.services.repository import InMemoryRepository, Loaded, Revision
from tests import strategies as s
from tests.builders import COHORT_ID, STAMP, make_register


def test_a_revision_is_its_token_and_equal_tokens_are_the_same_revision() -> None:
    assert "7" == str(Revision("7"))
    assert Revision("7") == Revision("7")
    assert Revision("7") != Revision("8")


@pytest.mark.parametrize("token", ["", "  ", 7, None, "x" * 201])
def test_a_revision_is_a_short_non_blank_text(token: object) -> None:
    with pytest.raises(InvalidValueError, match="token: expected"):
        Revision(token)  # type: ignore[arg-type]


def test_a_load_holds_a_register_and_a_revision() -> None:
    with pytest.raises(InvalidValueError, match="register: expected"):
        Loaded("register", Revision("0"))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="revision: expected"):
        Loaded(Register(), "0")  # type: ignore[arg-type]


def test_the_fake_starts_at_revision_0_holding_a_copy_of_the_register_given() -> None:
    register = make_register()
    repository = InMemoryRepository(register)
    register.change_places(COHORT_ID, 25, by=STAMP)

    loaded = repository.load()

    assert Revision("0") == loaded.revision
    assert make_register() == loaded.register


def test_the_fake_counts_its_saves() -> None:
    repository = InMemoryRepository()

    repository.save(make_register(), expected=Revision("0"))
    repository.save(make_register(1), expected=Revision("1"))

    assert Revision("2") == repository.revision
    assert "InMemoryRepository(revision=2, register=Register(cohorts=1, students=1," in repr(
        repository
    )


@given(s.revisions)
def test_the_fake_refuses_every_revision_but_its_own(revision: Revision) -> None:
    assume(revision != Revision("0"))
    repository = InMemoryRepository(make_register())

    with pytest.raises(ConflictError, match=r"at revision 0, loaded at "):
        repository.save(Register(), expected=revision)

    assert make_register() == repository.load().register


def test_the_fake_keeps_only_registers() -> None:
    with pytest.raises(InvalidValueError, match="register: expected a Register"):
        InMemoryRepository("register")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="register: expected a Register"):
        InMemoryRepository().save("register", expected=Revision("0"))  # type: ignore[arg-type]
