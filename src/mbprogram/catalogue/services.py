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
    # -- the sheet imports (services/sheet_import.py, student_import.py, placement_import.py,
    # unit_import.py): a problem's path names the row and column, never the cell's text
    "services.sheet.bad_id": {
        "nb": "forventet en {kind}-id (1-64 bokstaver A-Z eller a-z, sifre og . _ : -)",
        "en": "expected a {kind} id (1-64 letters, digits and . _ : -)",
    },
    "services.sheet.no_id": {
        "nb": "ingen {kind} oppgitt; forventet en {kind}-id",
        "en": "no {kind} given; expected a {kind} id",
    },
    "services.kind.student": {"nb": "deltaker", "en": "student"},
    "services.kind.unit": {"nb": "praksissted", "en": "unit"},
    "services.kind.placement": {"nb": "praksisperiode", "en": "placement"},
    "services.field.unit": {"nb": "praksissted", "en": "unit"},
    "services.field.supervisor": {"nb": "veileder", "en": "supervisor"},
    "services.field.start": {"nb": "startdato", "en": "start"},
    "services.field.end": {"nb": "sluttdato", "en": "end"},
    "services.field.weekdays": {"nb": "ukedager", "en": "weekdays"},
    "services.field.name": {"nb": "navn", "en": "name"},
    "services.field.capacity": {"nb": "kapasitet", "en": "capacity"},
    "services.state.new": {"nb": "ny", "en": "new"},
    "services.students.same_student": {
        "nb": "samme deltaker som rad {row}; før opp hver deltaker én gang",
        "en": "the same student as row {row}; list each student once",
    },
    "services.students.other_cohort": {
        "nb": "deltakeren er i kull {cohort}, ikke {given}",
        "en": "the student is in cohort {cohort}, not {given}",
    },
    "services.students.no_name": {
        "nb": "ikke noe navn oppgitt; en ny deltaker trenger et",
        "en": "no name given; a new student needs one",
    },
    "services.students.no_date": {
        "nb": "ingen dato oppgitt; en ny deltaker trenger dagen statusen gjaldt fra",
        "en": "no date given; a new student needs the day their status took effect",
    },
    "services.students.new_status": {
        "nb": "en ny deltaker starter som søker, tatt opp eller aktiv, ikke {status}",
        "en": "a new student starts as applicant, admitted or active, not {status}",
    },
    "services.students.status_since": {
        "nb": "deltakeren har vært {status} siden {on}; en import flytter ikke dagen for en status",
        "en": "the student has been {status} since {on}; an import does not move the day of "
        "a status",
    },
    "services.students.no_status_date": {
        "nb": "ingen dato oppgitt for den nye statusen {status}",
        "en": "no date given for the new status {status}",
    },
    "services.students.graduate": {
        "nb": "en import kan ikke gjøre en deltaker {status} (fra {before}); uteksaminer en "
        "deltaker med graduate, som kontrollerer hvert krav",
        "en": "an import does not make a student {status} (from {before}); graduate a student "
        "with graduate, which checks every requirement",
    },
    "services.students.transition": {
        "nb": "kan ikke gå fra {before} til {status}",
        "en": "cannot go from {before} to {status}",
    },
    "services.placements.conflicting_rows": {
        "nb": "strider mot rad {row} for samme praksisperiode",
        "en": "conflicts with row {row} for the same placement",
    },
    "services.placements.differs": {
        "nb": "avviker fra praksisperiode {placement} slik den er registrert; en import endrer "
        "ikke {field} for en praksisperiode",
        "en": "differs from placement {placement} as recorded; an import does not change a "
        "placement's {field}",
    },
    "services.placements.extends": {
        "nb": "etter den registrerte slutten {end} for praksisperiode {placement}; en import "
        "forlenger ikke en praksisperiode",
        "en": "after placement {placement}'s recorded end {end}; an import does not extend a "
        "placement",
    },
    "services.placements.missing": {
        "nb": "ingen {field} oppgitt; det må oppgis for en ny praksisperiode",
        "en": "no {field} given; a new placement needs one",
    },
    "services.placements.no_id": {
        "nb": "praksisstedet og første dag gir ingen id for praksisperioden (for lang); oppgi "
        "id-en i en kolonne for praksisperiode",
        "en": "the unit and first day make no placement id (too long); give the id in a "
        "placement column",
    },
    "services.units.missing": {
        "nb": "ingen {field} oppgitt; det må oppgis for et nytt praksissted",
        "en": "no {field} given; a new unit needs one",
    },
    "services.units.conflicting_rows": {
        "nb": "strider mot rad {row} for samme praksissted",
        "en": "conflicts with row {row} for the same unit",
    },
    # -- an error of several problems (exceptions.py ValidationError.message_in)
    "errors.invalid": {"nb": "ugyldig", "en": "invalid"},
    "errors.problems": {
        "nb": "{summary} ({n} {n:problem|problemer}):",
        "en": "{summary} ({n} {n:problem|problems}):",
    },
}
