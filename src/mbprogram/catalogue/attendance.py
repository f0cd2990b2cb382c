"""The texts of what an attendance import did (keys ``attendance.…``).

docs/csv.md documents the attendance sheet and docs/cli.md ``import-attendance``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "attendance.result": {
        "nb": "{rows} {rows:rad|rader} lest: {recorded} registrert, {corrected} rettet, "
        "{unchanged} uendret",
        "en": "{rows} {rows:row|rows} read: {recorded} recorded, {corrected} corrected, "
        "{unchanged} unchanged",
    },
    "attendance.result.dry_run": {
        "nb": "{rows} {rows:rad|rader} lest: {recorded} ville blitt registrert, {corrected} "
        "ville blitt rettet, {unchanged} uendret (prøvekjøring: ingenting er lagret)",
        "en": "{rows} {rows:row|rows} read: {recorded} would be recorded, {corrected} would be "
        "corrected, {unchanged} unchanged (dry run: nothing was saved)",
    },
}
