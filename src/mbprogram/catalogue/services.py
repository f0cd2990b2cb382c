"""The texts of the services' and the library's own errors (keys ``services.…``, ``errors.…``).

A lost race to save (``ConflictError``), a unit of work used out of order, a
sheet cell that a spreadsheet would run as a formula, and an optional feature
asked for without its extra (``MissingExtraError``): each error carries its key,
so the command line shows it in the language of ``--lang``. The English
templates say exactly what the messages said before they had keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- saving (services/repository.py)
    "services.conflict": {
        "nb": "{where} er lagret av noen andre etter at det ble lastet her{detail}; ingenting "
        "er skrevet: last det på nytt, gjør endringen igjen og lagre igjen",
        "en": "{where} was saved by someone else since it was loaded here{detail}; nothing was "
        "written: load it again, re-apply the change and save again",
    },
    "services.conflict.register": {"nb": "registeret", "en": "the register"},
    "services.conflict.revisions": {
        "nb": " (på revisjon {revision}, lastet på {loaded})",
        "en": " (at revision {revision}, loaded at {loaded})",
    },
    # -- the unit of work (services/unit_of_work.py)
    "services.unit_of_work.begun": {
        "nb": "arbeidsenheten er begynt allerede; blokker kan ikke nøstes",
        "en": "the unit of work has begun already; blocks do not nest",
    },
    "services.unit_of_work.not_begun": {
        "nb": "arbeidsenheten er ikke begynt: bruk den i en with-blokk",
        "en": "the unit of work has not begun: use it in a with block",
    },
    # -- sheets (services/sheet_rows.py): a cell is never quoted
    "services.sheet.formula": {
        "nb": "begynner med =, +, - eller @, som et regneark leser som en formel; cellen "
        "lagres slik den er skrevet, så skriv den uten det første tegnet",
        "en": "starts with =, +, - or @, which a spreadsheet reads as a formula; the cell is "
        "kept as written, so write it without that first character",
    },
    "services.sheet.no_problem": {
        "nb": "forventet minst ett problem, fikk ingen",
        "en": "expected at least one problem, got none",
    },
    # -- an optional feature without its extra (exceptions.py MissingExtraError)
    "errors.missing_extra": {
        "nb": "{feature} krever den valgfrie tilleggspakken '{extra}': pip install "
        "'mbprogram[{extra}]'",
        "en": "{feature} needs the optional '{extra}' extra: pip install 'mbprogram[{extra}]'",
    },
    "errors.feature.the PostgreSQL store": {
        "nb": "PostgreSQL-lageret",
        "en": "the PostgreSQL store",
    },
    "errors.feature.plots": {"nb": "figurer", "en": "plots"},
    "errors.feature.xlsx output": {"nb": "utdata som xlsx", "en": "xlsx output"},
    "errors.feature.DataFrames": {"nb": "DataFrames", "en": "DataFrames"},
    "errors.feature.printable documents": {
        "nb": "utskrivbare dokumenter",
        "en": "printable documents",
    },
}
