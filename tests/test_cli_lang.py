"""The command line in bokmål and English: dates either way, messages from the catalogue."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram.cli import main
from mbprogram.cli.common import date_argument

AS_OF = "2026-11-23"


@given(st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)))
def test_a_date_argument_reads_iso_and_day_month_year_alike(day: dt.date) -> None:
    assert day == date_argument(day.isoformat())
    assert day == date_argument(day.strftime("%d.%m.%Y"))


@pytest.mark.parametrize("written", ["23.11.26", "2026/11/23", "23-11-2026", "i dag", ""])
def test_a_date_in_another_form_is_refused_naming_both_forms(written: str) -> None:
    import argparse  # noqa: PLC0415

    with pytest.raises(argparse.ArgumentTypeError, match=r"YYYY-MM-DD or DD\.MM\.YYYY"):
        date_argument(written, "en")
    with pytest.raises(argparse.ArgumentTypeError, match=r"ÅÅÅÅ-MM-DD eller DD\.MM\.ÅÅÅÅ"):
        date_argument(written)


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["nb", "en"]))
def test_as_of_in_either_form_gives_the_same_report(demo_store: Path, lang: str) -> None:
    iso, dotted = io.StringIO(), io.StringIO()
    main(["progress", str(demo_store), "--as-of", "2025-06-30", "--lang", lang], out=iso)
    main(["progress", str(demo_store), "--as-of", "30.06.2025", "--lang", lang], out=dotted)

    assert iso.getvalue() == dotted.getvalue()


def test_the_outcomes_text_is_bokmal_by_default_and_english_when_asked(demo_store: Path) -> None:
    nb, en = io.StringIO(), io.StringIO()
    main(["outcomes", str(demo_store), "--as-of", AS_OF], out=nb)
    main(["outcomes", str(demo_store), "--as-of", AS_OF, "--lang", "en"], out=en)

    assert "Aktive ansettelser etter vei inn per 23.11.2026" in nb.getvalue()
    assert "Ansatte per 23.11.2026: 17; deltid 100,0 %" in nb.getvalue()
    assert "Active employments by pathway as of 2026-11-23" in en.getvalue()
    assert "Employed people as of 2026-11-23: 17; part-time 100.0 %" in en.getvalue()
