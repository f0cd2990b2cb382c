"""The texts of moving registers between stores: the ``copy`` command (keys ``cli.copy.…``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "cli.copy.help": {
        "nb": "kopier et register, med historikken, fra ett lager eller dokument til et annet",
        "en": "copy a register, its history included, from one store or document to another",
    },
    "cli.copy.description": {
        "nb": "Les hele registeret i KILDE (et JSON-dokument, et SQLite-lager eller en "
        "postgresql://-URL) og skriv det, med historikken, til MÅL, som kan være av en annen "
        "art. MÅL må være nytt eller tomt, med mindre --force er gitt. Registeret sjekkes når "
        "det leses, og skrives i én transaksjon (et dokument atomisk): feiler kopieringen, er "
        "MÅL som før.",
        "en": "Load the whole register in SRC (a JSON document, an SQLite store or a "
        "postgresql:// URL) and write it, history included, to DST, which may be of another "
        "kind. DST must be new or empty unless --force is given. The register is checked as it "
        "is read, and written in one transaction (a document atomically): if the copy fails, "
        "DST is as it was.",
    },
    "cli.copy.src": {
        "nb": "registeret som skal kopieres: en fil eller en postgresql://-URL",
        "en": "the register to copy: a file or a postgresql:// URL",
    },
    "cli.copy.dst": {
        "nb": "hvor kopien skal skrives: en fil (*.json, *.sqlite) eller en postgresql://-URL",
        "en": "where to write the copy: a file (*.json, *.sqlite) or a postgresql:// URL",
    },
    "cli.copy.force": {
        "nb": "erstatt det MÅL holder",
        "en": "replace what DST holds",
    },
    "cli.copy.not_empty": {
        "nb": "{dst} holder allerede et register med {records} {records:post|poster}; ingenting "
        "ble skrevet. Velg et annet mål, eller gi --force for å erstatte det",
        "en": "{dst} already holds a register of {records} {records:record|records}; nothing "
        "was written. Choose another destination, or pass --force to replace it",
    },
    "cli.copy.copied": {
        "nb": "{src} -> {dst}: {students} {students:deltaker|deltakere}, {changes} "
        "{changes:endring|endringer} i historikken",
        "en": "{src} -> {dst}: {students} {students:student|students}, {changes} "
        "{changes:change|changes} in the history",
    },
}
