"""The texts of the record commands' argument checks (keys ``cli.arg.…``).

An argument that is not a number, hours, weekdays or a date range is refused
by argparse with the message in the language of ``--lang``
(``cli/changes.py``, ``cli/studies.py``, ``cli/sheets.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "cli.arg.number": {
        "nb": "forventet et tall som 2,5 eller 2.5, fikk {value}",
        "en": "expected a number such as 2.5 or 2,5, got {value}",
    },
    "cli.arg.weekdays": {
        "nb": "forventet ukedager som man,ons,tor eller mon,wed,thu",
        "en": "expected weekdays such as mon,wed,thu or man,ons,tor",
    },
    "cli.arg.hours": {
        "nb": "forventet timer som 5 eller 3,5, fikk {value}",
        "en": "expected hours such as 5 or 3.5, got {value}",
    },
    "cli.arg.session_hours": {
        "nb": "forventet en økt lengre enn 0 timer",
        "en": "expected a session longer than 0 hours",
    },
    "cli.arg.skip": {
        "nb": "forventet DATO eller DATO..DATO (ÅÅÅÅ-MM-DD), fikk {value}",
        "en": "expected DATE or DATE..DATE (YYYY-MM-DD), got {value}",
    },
    "cli.arg.skip_order": {
        "nb": "{last} er før {first} i {value}",
        "en": "{last} is before {first} in {value}",
    },
}
