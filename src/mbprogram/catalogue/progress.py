"""Texts of the progress line (``mbprogram.cli.progress_line``) and its ``--quiet`` option."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "progress.loaded": {
        "nb": "Leser lageret: {n} {n:post|poster} lest …",
        "en": "Reading the store: {n} {n:record|records} read …",
    },
    "progress.loaded.of": {
        "nb": "Leser lageret: {n} av {total} {total:post|poster} lest …",
        "en": "Reading the store: {n} of {total} {total:record|records} read …",
    },
    "progress.evaluated": {
        "nb": "Vurderer: {n} {n:deltaker|deltakere} vurdert …",
        "en": "Evaluating: {n} {n:student|students} evaluated …",
    },
    "progress.evaluated.of": {
        "nb": "Vurderer: {n} av {total} {total:deltaker|deltakere} vurdert …",
        "en": "Evaluating: {n} of {total} {total:student|students} evaluated …",
    },
    "progress.imported": {
        "nb": "Importerer: {n} {n:rad|rader} lest …",
        "en": "Importing: {n} {n:row|rows} read …",
    },
    "progress.imported.of": {
        "nb": "Importerer: {n} av {total} {total:rad|rader} lest …",
        "en": "Importing: {n} of {total} {total:row|rows} read …",
    },
    "cli.option.quiet": {
        "nb": "ingen fremdriftslinje på standard feil (den vises bare på en terminal)",
        "en": "no progress line on standard error (it is shown on a terminal only)",
    },
}
