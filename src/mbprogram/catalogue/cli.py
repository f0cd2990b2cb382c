"""The command line's texts: help summaries, descriptions and messages (keys ``cli.…``).

docs/cli.md documents the commands; the help is printed in the language of
``--lang`` (or ``MBPROGRAM_LANG``), bokmål by default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- the program and its common options
    "cli.description": {
        "nb": "Driv et opplæringsprogram for medarbeidere med brukererfaring: sjekk "
        "deltakernes fremdrift mot programmets krav, følg de uteksaminerte inn i arbeid, "
        "ta vare på registeret.",
        "en": "Run a training programme for peer workers with lived experience "
        "(medarbeider med brukererfaring): check students' progress against the "
        "programme's rules, follow graduates into work, keep the records.",
    },
    "cli.epilog": {
        "nb": "FIL er et JSON-dokument (.json) eller et SQLite-lager (.sqlite). Avslutningskoder: "
        "0 ingen feil, 1 funn med alvorlighet feil, 2 uleselig eller ugyldig inndata.",
        "en": "FILE is a JSON document (.json) or an SQLite store (.sqlite). Exit codes: "
        "0 no errors, 1 findings of severity error, 2 unreadable or invalid input.",
    },
    "cli.exits": {
        "nb": "Avslutningskoder: 0 ingen feil, 1 funn med alvorlighet feil, 2 uleselig eller "
        "ugyldig inndata eller feil bruk. Med --format json skrives ett JSON-objekt på "
        "standard ut.",
        "en": "Exit codes: 0 no errors, 1 findings of severity error, 2 unreadable or invalid "
        "input or wrong usage. With --format json, one JSON object is printed on standard "
        "output.",
    },
    "cli.error.wrong_usage": {"nb": "feil bruk", "en": "wrong usage"},
    "cli.error.date_form": {
        "nb": "forventet en dato som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, fikk {value}",
        "en": "expected a date as YYYY-MM-DD or DD.MM.YYYY, got {value}",
    },
    "cli.error.no_such_day": {
        "nb": "{value} er ingen dag i kalenderen",
        "en": "{value} is not a day in the calendar",
    },
    "cli.error.date_range": {
        "nb": "forventet en dato fra {first} til {last}, fikk {value}",
        "en": "expected a date from {first} to {last}, got {value}",
    },
    "cli.option.version": {"nb": "vis versjonen", "en": "show the version"},
    "cli.option.format": {
        "nb": "utdataformat (standard text)",
        "en": "output format (default text)",
    },
    "cli.option.lang": {"nb": "språk (standard nb)", "en": "message language (default nb)"},
    "cli.option.as_of": {
        "nb": "vurder per denne dagen, ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ (standard i dag)",
        "en": "evaluate as of this day, YYYY-MM-DD or DD.MM.YYYY (default today)",
    },
    "cli.option.cohort": {"nb": "bare dette kullet", "en": "only this cohort"},
    "cli.option.file": {
        "nb": "et JSON-dokument (*.json), et SQLite-lager eller en postgresql://-URL",
        "en": "a JSON document (*.json), an SQLite store or a postgresql:// URL",
    },
    "cli.option.store": {
        "nb": "SQLite-lageret, JSON-dokumentet eller postgresql://-URL-en som skal endres",
        "en": "the SQLite store, JSON document or postgresql:// URL to change",
    },
    "cli.option.dry_run": {
        "nb": "sjekk alt og si hva som ville blitt endret; lagre ingenting",
        "en": "check everything and say what would change; save nothing",
    },
    "cli.option.by": {
        "nb": "hvem som gjør endringen, for historikken (standard: innloggingsnavnet)",
        "en": "who makes the change, for the history (default: the login name)",
    },
    # -- demo
    "cli.demo.help": {
        "nb": "bygg et realistisk syntetisk register i et lokalt lager og vis det",
        "en": "build a realistic synthetic register in a local store and show it",
    },
    "cli.demo.description": {
        "nb": "Bygg to syntetiske kull (Bergen 2010- og 2015-regler), praksisplassene, "
        "kursbevisene og ansettelsene deres i et SQLite-lager, og skriv ut kullenes "
        "fremdrift, resultatene og kommandoer for å utforske lageret videre. Alle i det er "
        "oppdiktet.",
        "en": "Build two synthetic cohorts (Bergen 2010 and 2015 rules), their placements, "
        "graduates and hires in an SQLite store, then print the cohort progress, the "
        "outcomes and commands to explore the store further. Everyone in it is made up.",
    },
    "cli.demo.store": {
        "nb": "hvor lageret skal skrives (standard ./{store}; erstattes hvis demoen skrev det)",
        "en": "where to write the store (default ./{store}; replaced if the demo wrote it)",
    },
    "cli.demo.force": {
        "nb": "erstatt lageret selv om det har poster som demoen ikke skrev",
        "en": "replace the store even if it holds records the demo did not write",
    },
    "cli.demo.wrote": {
        "nb": "Skrev et syntetisk demoregister til {store}",
        "en": "Wrote a synthetic demo register to {store}",
    },
    "cli.demo.made_up": {
        "nb": "(alle i det er oppdiktet; vurdert per {as_of})",
        "en": "(everyone in it is made up; evaluated as of {as_of})",
    },
    "cli.demo.exits": {
        "nb": "Avslutningskoder: 0 demolageret er skrevet og vist (funnene i det, også de med "
        "alvorlighet feil, er en del av demoen), 2 lageret finnes og er ikke demoens, eller "
        "feil bruk. Med --format json skrives ett JSON-objekt på standard ut.",
        "en": "Exit codes: 0 the demo store is written and shown (its findings, those of "
        "severity error too, are part of the demo), 2 the store exists and is not the demo's, "
        "or wrong usage. With --format json, one JSON object is printed on standard output.",
    },
    "cli.demo.try_next": {"nb": "Prøv videre:", "en": "Try next:"},
    # -- validate
    "cli.validate.help": {
        "nb": "sjekk at en fil kan leses og holder alle regler",
        "en": "check that a file loads and keeps every rule",
    },
    "cli.validate.description": {
        "nb": "Les FIL og sjekk alle poster og regler; list alle problemer med stien deres.",
        "en": "Load FILE and check every record and rule; list every problem with its path.",
    },
    "cli.validate.valid": {
        "nb": "{file}: gyldig ({cohorts} {cohorts:kull|kull}, {students} "
        "{students:deltaker|deltakere}, {units} {units:praksissted|praksissteder}, "
        "{employments} {employments:ansettelse|ansettelser}, {changes} "
        "{changes:endring|endringer} i historikken)",
        "en": "{file}: valid ({cohorts} {cohorts:cohort|cohorts}, {students} "
        "{students:student|students}, {units} {units:host unit|host units}, "
        "{employments} {employments:employment|employments}, {changes} "
        "{changes:change|changes} in the history)",
    },
    # -- progress
    "cli.progress.help": {
        "nb": "hver deltakers fremdrift og krav som ikke er oppfylt",
        "en": "each student's progress and unmet requirements",
    },
    "cli.progress.description": {
        "nb": "Vurder hver deltaker (i --cohort) per --as-of: teoritimer, praksisuker, "
        "litteratur, oppgave, hva som mangler, og prognosen (fullført, i rute, i fare, "
        "uoppnåelig) om deltakeren møter til alt som er planlagt. Avslutter med 1 om en "
        "deltaker som vises har et krav som ikke er oppfylt.",
        "en": "Evaluate every student (of --cohort) as of --as-of: theory hours, practice "
        "weeks, literature, assignment, what is missing, and the forecast's outlook "
        "(complete, on-track, at-risk, unreachable) if the student attends everything "
        "planned. Exits 1 if any student shown has an unmet requirement.",
    },
    "cli.progress.outlook": {
        "nb": "bare deltakerne som er i fare eller ikke kan fullføre etter planen "
        "(se docs/rules.md)",
        "en": "only the students at risk or unable to complete on plan (see docs/rules.md)",
    },
    # -- outcomes
    "cli.outcomes.help": {
        "nb": "andel uteksaminert og i arbeid, veier inn, stillingsprosenter, roller",
        "en": "graduation and employment rates, pathways, percentages, roles",
    },
    "cli.outcomes.description": {
        "nb": "Andel uteksaminert og i arbeid per kull, arbeid etter vei inn, "
        "stillingsprosenter, andel faste, roller sammenlignet med den nasjonale "
        "undersøkelsen, og varslene om ansettelser, per --as-of.",
        "en": "Graduation and employment rates per cohort, employment by pathway, position "
        "percentages, permanent share, roles beside the national survey, and the hiring "
        "warnings, as of --as-of.",
    },
    # -- import-attendance
    "cli.import-attendance.help": {
        "nb": "importer et oppmøteark (CSV) til et lager, alt eller ingenting",
        "en": "import an attendance sheet (CSV) into a store, all or nothing",
    },
    "cli.import-attendance.description": {
        "nb": "Importer oppmøtearket CSV til LAGER (SQLite-lager eller JSON-dokument). Hver "
        "feil rad meldes med rad og kolonne, og ingenting importeres om en rad er feil. "
        "Å importere samme ark to ganger endrer ingenting andre gang. Se docs/csv.md for "
        "oppsettet.",
        "en": "Import the attendance sheet CSV into STORE (SQLite store or JSON document). "
        "Every bad row is reported with its row and column and nothing is imported if any "
        "row is bad. Importing the same sheet twice changes nothing the second time. See "
        "docs/csv.md for the layout.",
    },
    "cli.import-attendance.csv": {
        "nb": "oppmøtearket (se docs/csv.md)",
        "en": "the attendance sheet (see docs/csv.md)",
    },
    "cli.import-attendance.cohort": {
        "nb": "kullet arket hører til",
        "en": "the cohort the sheet belongs to",
    },
    # -- messages
    "cli.findings.none": {"nb": "Ingen funn.", "en": "No findings."},
    "cli.findings.title": {"nb": "Funn:", "en": "Findings:"},
    "cli.error.invalid_input": {"nb": "ugyldig inndata", "en": "invalid input"},
    "cli.error.no_cohort": {
        "nb": "kullet {cohort} finnes ikke i filen (kull: {known})",
        "en": "no cohort {cohort} in the file (cohorts: {known})",
    },
    "cli.error.not_an_id": {
        "nb": "(vises ikke: ikke en gyldig id)",
        "en": "(not shown: not a valid id)",
    },
    "cli.error.none": {"nb": "ingen", "en": "none"},
    "cli.warning": {"nb": "mbprogram: advarsel: {message}", "en": "mbprogram: warning: {message}"},
}
