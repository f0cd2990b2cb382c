"""The texts of the sheet imports and the session plan, and of their commands (keys ``sheets.…``
and ``cli.<command>.…`` for ``import-students``, ``import-placements``, ``import-units`` and
``plan-sessions``).

docs/csv.md documents the sheets and docs/cli.md the commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- what an import did
    "sheets.result": {
        "nb": "{rows} {rows:rad|rader} lest: {added} lagt til, {corrected} rettet, "
        "{unchanged} uendret",
        "en": "{rows} {rows:row|rows} read: {added} added, {corrected} corrected, "
        "{unchanged} unchanged",
    },
    "sheets.result.dry_run": {
        "nb": "{rows} {rows:rad|rader} lest: {added} ville blitt lagt til, {corrected} ville "
        "blitt rettet, {unchanged} uendret (prøvekjøring: ingenting er lagret)",
        "en": "{rows} {rows:row|rows} read: {added} would be added, {corrected} would be "
        "corrected, {unchanged} unchanged (dry run: nothing was saved)",
    },
    "sheets.missing.students": {
        "nb": "{n} {n:deltaker|deltakere} i kullet står ikke på listen; de er ikke meldt ut "
        "(meld ut med withdraw)",
        "en": "{n} {n:student|students} of the cohort {n:is|are} not on the list; they are "
        "not withdrawn (withdraw them with withdraw)",
    },
    # -- what a plan did
    "sheets.plan.added": {
        "nb": "{n} {n:økt|økter} lagt til i kull {cohort}:",
        "en": "{n} {n:session|sessions} added to cohort {cohort}:",
    },
    "sheets.plan.would_add": {
        "nb": "{n} {n:økt|økter} ville blitt lagt til i kull {cohort} (prøvekjøring: "
        "ingenting er lagret):",
        "en": "{n} {n:session|sessions} would be added to cohort {cohort} (dry run: nothing "
        "was saved):",
    },
    "sheets.plan.session": {
        "nb": "  {id}  {day}  {hours} t  {topic}",
        "en": "  {id}  {day}  {hours} h  {topic}",
    },
    "sheets.plan.scheduled": {
        "nb": "{n} {n:dag|dager} hadde en økt fra før: {days}",
        "en": "{n} {n:day|days} had a session already: {days}",
    },
    "sheets.plan.holidays": {
        "nb": "{n} {n:helligdag|helligdager} hoppet over: {days}",
        "en": "{n} public {n:holiday|holidays} left out: {days}",
    },
    "sheets.plan.skipped": {
        "nb": "{n} {n:dag|dager} hoppet over med --skip",
        "en": "{n} {n:day|days} left out with --skip",
    },
    # -- the commands
    "cli.import-students.help": {
        "nb": "importer en klasseliste (CSV) til et kull, alt eller ingenting",
        "en": "import a class list (CSV) into a cohort, all or nothing",
    },
    "cli.import-students.description": {
        "nb": "Importer klasselisten CSV til kullet --cohort i LAGER: nye deltakere legges "
        "til med status og dato, endret navn, fødselsnummer, e-post eller telefon rettes, og "
        "en ny status registreres. En deltaker som mangler på listen meldes ikke ut. Hver "
        "feil rad meldes med rad og kolonne, og ingenting importeres om en rad er feil. Se "
        "docs/csv.md.",
        "en": "Import the class list CSV into the cohort --cohort of STORE: new students are "
        "added with their status and its date, a changed name, national identity number, "
        "email or phone is corrected, and a new status recorded. A student missing from the "
        "list is not withdrawn. Every bad row is reported with its row and column, and "
        "nothing is imported if any row is bad. See docs/csv.md.",
    },
    "cli.import-students.csv": {
        "nb": "klasselisten (se docs/csv.md)",
        "en": "the class list (see docs/csv.md)",
    },
    "cli.import-students.cohort": {
        "nb": "kullet listen hører til",
        "en": "the cohort the list belongs to",
    },
    "cli.import-placements.help": {
        "nb": "importer praksisplasseringer (CSV), alt eller ingenting",
        "en": "import practice placements (CSV), all or nothing",
    },
    "cli.import-placements.description": {
        "nb": "Importer praksisplasseringene i CSV til LAGER: deltaker, praksissted, veileder, "
        "start, slutt og ukedager (man,ons,tor). En plassering som finnes fra før er uendret, "
        "eller avsluttes tidligere om sluttdatoen er tidligere. Se docs/csv.md.",
        "en": "Import the practice placements in CSV into STORE: student, host unit, "
        "supervisor, start, end and weekdays (mon,wed,thu). A placement recorded already is "
        "unchanged, or ended early if its end is earlier. See docs/csv.md.",
    },
    "cli.import-placements.csv": {
        "nb": "arket med plasseringer (se docs/csv.md)",
        "en": "the sheet of placements (see docs/csv.md)",
    },
    "cli.import-units.help": {
        "nb": "importer praksissteder (CSV) med kapasitet og type, alt eller ingenting",
        "en": "import host units (CSV) with capacity and kind, all or nothing",
    },
    "cli.import-units.description": {
        "nb": "Importer praksisstedene i CSV til LAGER: nye legges til, og endret kapasitet, "
        "navn eller type rettes. Se docs/csv.md.",
        "en": "Import the host units in CSV into STORE: new units are added, and a changed "
        "capacity, name or kind is corrected. See docs/csv.md.",
    },
    "cli.import-units.csv": {
        "nb": "arket med praksissteder (se docs/csv.md)",
        "en": "the sheet of host units (see docs/csv.md)",
    },
    "cli.plan-sessions.help": {
        "nb": "legg inn et kulls undervisningsøkter etter en gjentakelsesregel",
        "en": "add a cohort's teaching sessions from a recurrence rule",
    },
    "cli.plan-sessions.description": {
        "nb": "Legg inn en økt hver dag regelen (RFC 5545, f.eks. FREQ=WEEKLY;BYDAY=TU,TH) "
        "gir fra --from til --to. Helligdager hoppes over uten --keep-holidays. En økts id er "
        "datoen, så å kjøre samme plan igjen legger ikke inn noe to ganger. Med --dry-run "
        "vises øktene uten å lagres.",
        "en": "Add a session on every day the rule (RFC 5545, such as FREQ=WEEKLY;BYDAY=TU,TH) "
        "gives from --from to --to. Public holidays are left out unless --keep-holidays. A "
        "session's id is its date, so running the same plan again adds nothing twice. With "
        "--dry-run the sessions are shown and not saved.",
    },
    "cli.plan-sessions.cohort": {"nb": "kullet", "en": "the cohort"},
    "cli.plan-sessions.rule": {
        "nb": "gjentakelsesregelen, f.eks. FREQ=WEEKLY;BYDAY=TU,TH",
        "en": "the recurrence rule, such as FREQ=WEEKLY;BYDAY=TU,TH",
    },
    "cli.plan-sessions.from": {"nb": "første dag (ÅÅÅÅ-MM-DD)", "en": "first day (YYYY-MM-DD)"},
    "cli.plan-sessions.to": {"nb": "siste dag (ÅÅÅÅ-MM-DD)", "en": "last day (YYYY-MM-DD)"},
    "cli.plan-sessions.hours": {
        "nb": "hver økts lengde i timer (5 eller 3,5)",
        "en": "each session's length in hours (5 or 3.5)",
    },
    "cli.plan-sessions.topic": {"nb": "øktenes tema", "en": "the sessions' topic"},
    "cli.plan-sessions.skip": {
        "nb": "en dag eller periode uten undervisning, DATO eller DATO..DATO (kan gjentas)",
        "en": "a day or period without teaching, DATE or DATE..DATE (may be repeated)",
    },
    "cli.plan-sessions.keep_holidays": {
        "nb": "legg inn økter på helligdager også",
        "en": "add sessions on public holidays too",
    },
}
