"""The texts of ``admit``, the command that admits an applicant (keys ``cli.admit.…``).

docs/cli.md documents the command, with the other one-record commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "cli.admit.help": {
        "nb": "registrer at en søker er tatt opp (før enrol gjør deltakeren aktiv)",
        "en": "record that an applicant is admitted (before enrol makes them active)",
    },
    "cli.admit.description": {
        "nb": "Registrer at søkeren --student er tatt opp fra --on, for eksempel en søker fra "
        "en klasseliste (import-students). Deltakeren blir aktiv først med enrol.",
        "en": "Record that the applicant --student is admitted from --on, such as an applicant "
        "from a class list (import-students). The student becomes active only with enrol.",
    },
}
