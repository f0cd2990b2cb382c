"""Every refusal the register makes carries catalogue keys, so it reads in bokmål and English.

Random sequences of changes (``tests/register_strategies.py``) are made on a
register; every change it refuses must carry a key for its summary and for
each problem, and read the same in English by ``str()`` as by ``message_in("en")``.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram.exceptions import NotFoundError, ValidationError
from mbprogram.model.values import Stamp
from mbprogram.register.commit import refuse
from tests import strategies as s
from tests.builders import STAMP, make_register
from tests.register_strategies import STEPS

_DOTTED = re.compile(r"\d{2}\.\d{2}\.\d{4}")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_refusal_of_a_random_change_carries_its_keys(data: st.DataObject) -> None:
    register = make_register(data.draw(st.integers(0, 3)))
    refused: list[ValidationError] = []
    for minutes in range(1, data.draw(st.integers(1, 25)) + 1):
        by = Stamp(data.draw(s.staff), STAMP.at + dt.timedelta(minutes=minutes))
        step = data.draw(st.sampled_from(STEPS))
        try:
            step(data.draw, register, by)
        except ValidationError as e:
            refused.append(e)
        except NotFoundError:
            pass
    for error in refused:
        assert error.summary_key, str(error)
        assert str(error) == error.message_in("en")
        for problem in error.problems:
            assert problem.key, str(problem)
            assert problem.message_in("nb")


@given(
    day=st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
    start=st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
)
def test_a_refusal_writes_its_dates_dotted_in_bokmal_and_iso_in_english(
    day: dt.date, start: dt.date
) -> None:
    error = refuse(
        "ending the placement early",
        "cohorts[K1].students[S-01].placements[P1].end",
        "refusals.not_within_placement",
        day=day,
        start=start,
        end=start,
    )

    (problem,) = error.problems
    english, bokmal = problem.message_in("en"), problem.message_in("nb")
    assert english == problem.message
    assert [day.isoformat(), start.isoformat(), start.isoformat()] == _ISO.findall(english)
    assert [f"{d:%d.%m.%Y}" for d in (day, start, start)] == _DOTTED.findall(bokmal)
    assert not _ISO.search(bokmal)
    assert "cohorts[K1].students[S-01].placements[P1].end" == problem.path
    assert error.summary_in("nb").startswith("nektet: ")
