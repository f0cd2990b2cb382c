"""A text that cannot be written as UTF-8 is refused without showing it, even in a traceback."""

from __future__ import annotations

import pytest

from mbprogram.exceptions import MbprogramError
from mbprogram.storage._postgres_connection import encoded


def test_the_refusal_chains_nothing_that_holds_the_text() -> None:
    def make() -> bytes:
        return "\ud800 hemmelig".encode()

    with pytest.raises(MbprogramError) as caught:
        encoded("postgresql:///mb", make)

    assert "hemmelig" not in str(caught.value)
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None


def test_a_text_that_can_be_written_is_made_as_it_is() -> None:
    assert b"ok" == encoded("postgresql:///mb", lambda: b"ok")
