"""The texts of the one-record commands, the lookups, the output options and the help's groups.

Keys ``cli.<command>.help`` and ``cli.<command>.description`` for the
commands (``init``, ``open-cohort``, ``enrol``, ``hire``, ``students`` …,
documented in docs/cli.md; their options' help is in
:mod:`~mbprogram.catalogue.command_options`), ``cli.group.<group>`` for
the titles under which ``mbprogram --help`` lists the commands, ``cli.change.…``
for what a change prints, and ``spreadsheet.…`` for the words the CSV and
Excel writers put in cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]


def _command(help_nb: str, help_en: str, about_nb: str, about_en: str) -> dict[str, dict[str, str]]:
    return {"help": {"nb": help_nb, "en": help_en}, "description": {"nb": about_nb, "en": about_en}}


_COMMANDS: Final = {
    "init": _command(
        "lag et tomt register (SQLite-lager eller JSON-dokument)",
        "create an empty register (SQLite store or JSON document)",
        "Lag et tomt register i LAGER. En fil som finnes fra før blir aldri overskrevet.",
        "Create an empty register in STORE. A file that exists already is never overwritten.",
    ),
    "open-cohort": _command(
        "opprett et kull med regler, periode og plasser",
        "open a cohort with its rules, period and places",
        "Opprett kullet --id med navn, programregler (bergen-2010, bergen-2015 eller en "
        "JSON-fil med regler, se docs/rules.md), første og siste dag og antall plasser.",
        "Open the cohort --id with its name, programme rules (bergen-2010, bergen-2015 or a "
        "JSON file of rules, see docs/rules.md), first and last day, and number of places.",
    ),
    "change-places": _command(
        "endre antall plasser i et kull",
        "change how many places a cohort has",
        "Gi kullet --cohort --places plasser. Flere deltakere enn plasser varsles, men nektes "
        "ikke.",
        "Give the cohort --cohort --places places. More students than places is warned about, "
        "not refused.",
    ),
    "change-capacity": _command(
        "endre hvor mange et praksissted kan ta",
        "change how many students a host unit can take",
        "Gi praksisstedet --unit kapasitet --capacity. Nektes om flere deltakere enn det er i "
        "praksis der en dag.",
        "Give the host unit --unit the capacity --capacity. Refused if more students than that "
        "are in practice there on some day.",
    ),
    "add-host-unit": _command(
        "legg til et praksissted",
        "add a host unit",
        "Legg til praksisstedet --id med navn, kapasitet (deltakere i praksis samtidig) og type.",
        "Add the host unit --id with its name, capacity (students in practice at once) and kind.",
    ),
    "enrol": _command(
        "ta opp en deltaker (ny, eller en som er tatt opp)",
        "enrol a student (a new one, or one admitted)",
        "Gjør deltakeren --student aktiv fra --on. Med --name legges en ny deltaker til i "
        "--cohort; uten gjelder det en deltaker som finnes i registeret.",
        "Make the student --student active from --on. With --name a new student is added to "
        "--cohort; without, it is a student the register holds.",
    ),
    "grant-leave": _command(
        "gi en deltaker permisjon",
        "put a student on leave",
        "Gi deltakeren permisjon fra --on; grunnen holdes privat og skrives aldri ut.",
        "Put the student on leave from --on; the reason is kept private and never printed.",
    ),
    "resume": _command(
        "la en deltaker komme tilbake fra permisjon",
        "bring a student back from leave",
        "Gjør deltakeren aktiv igjen fra --on etter en permisjon.",
        "Make the student active again from --on after a leave.",
    ),
    "withdraw": _command(
        "registrer at en deltaker sluttet",
        "record that a student left",
        "Registrer at deltakeren sluttet --on; postene deres lukkes. Grunnen holdes privat.",
        "Record that the student left on --on; their records close. The reason is kept private.",
    ),
    "approve-makeup": _command(
        "godkjenn en kompensasjonsoppgave (timer)",
        "approve make-up work (hours)",
        "Godkjenn kompensasjonsoppgaven --id med --hours timer fra --on; den teller mot "
        "teoritimene fra den dagen.",
        "Approve the make-up work --id with --hours hours from --on; it counts towards the "
        "theory hours from that day.",
    ),
    "place": _command(
        "gi en deltaker en praksisplass",
        "place a student at a host unit",
        "Gi deltakeren praksisplassen --id ved --unit fra --start til --end på ukedagene "
        "--weekdays (man,ons,tor eller mon,wed,thu).",
        "Place the student at --unit as placement --id from --start to --end on the weekdays "
        "--weekdays (mon,wed,thu or man,ons,tor).",
    ),
    "record-placement-absence": _command(
        "registrer en praksisdag deltakeren var borte",
        "record a practice day the student was away",
        "Registrer at deltakeren var borte fra praksisplassen --placement dagen --day; "
        "grunnen holdes privat.",
        "Record that the student was away from the placement --placement on --day; the reason "
        "is kept private.",
    ),
    "end-placement-early": _command(
        "avslutt en praksisplass tidligere",
        "end a placement early",
        "Avslutt praksisplassen --placement med --last-day som siste dag.",
        "End the placement --placement with --last-day as its last day.",
    ),
    "assess-placement": _command(
        "registrer praksisveileders vurdering (midtveis eller slutt)",
        "record a supervisor's assessment (midway or final)",
        "Registrer praksisveileders vurdering av praksisplassen: --stage midway|final, "
        "--outlook on-track|cause-for-concern.",
        "Record the supervisor's assessment of the placement: --stage midway|final, "
        "--outlook on-track|cause-for-concern.",
    ),
    "sign-off-literature": _command(
        "godkjenn deltakerens litteraturstudier",
        "sign off a student's literature studies",
        "Registrer at --signed-by godkjente deltakerens litteraturstudier --on.",
        "Record that --signed-by signed off the student's literature studies on --on.",
    ),
    "start-assignment": _command(
        "registrer tema og veileder for avsluttende oppgave",
        "register the final assignment's topic and supervisor",
        "Registrer tema og veileder for deltakerens avsluttende oppgave.",
        "Register the topic and supervisor of the student's final assignment.",
    ),
    "submit-assignment": _command(
        "registrer en innlevering av avsluttende oppgave",
        "record a submission of the final assignment",
        "Registrer at deltakeren leverte avsluttende oppgave --on; skriver ut nummeret på "
        "innleveringen.",
        "Record that the student submitted the final assignment on --on; prints the "
        "submission's number.",
    ),
    "assess-assignment": _command(
        "vurder siste innlevering: godkjent eller ikke godkjent",
        "assess the latest submission: approved or not approved",
        "Registrer vurderingen av siste innlevering: --verdict approved|not-approved.",
        "Record the assessment of the latest submission: --verdict approved|not-approved.",
    ),
    "graduate": _command(
        "uteksaminer en deltaker og utsted kursbeviset",
        "graduate a student and issue the certificate",
        "Uteksaminer deltakeren --on. Nektes, med hvert krav som ikke er oppfylt, om "
        "deltakeren ikke har oppfylt alle krav den dagen.",
        "Graduate the student on --on. Refused, with every unmet requirement, unless the "
        "student meets every requirement on that day.",
    ),
    "add-budget-pot": _command(
        "legg til en budsjettpott som betaler stillinger",
        "add a budget pot that pays positions",
        "Legg til budsjettpotten --id med navn og plass til --capacity stillinger samtidig.",
        "Add the budget pot --id with its name and room for --capacity positions at once.",
    ),
    "hire": _command(
        "registrer at en uteksaminert ble ansatt",
        "record that a graduate was hired",
        "Registrer ansettelsen --id av --person ved --unit: vei inn, start, eventuell slutt, "
        "stillingsprosent og finansiering (se docs/hiring.md).",
        "Record the employment --id of --person at --unit: pathway, start, any end, "
        "percentage and funding (see docs/hiring.md).",
    ),
    "end-employment": _command(
        "avslutt en ansettelse",
        "end an employment",
        "Avslutt ansettelsen med --last-day som siste dag (ikke senere enn en planlagt slutt).",
        "End the employment with --last-day as its last day (no later than a planned end).",
    ),
    "extend-employment": _command(
        "forleng en ansettelse, eller gjør den uten slutt",
        "extend an employment, or make it open-ended",
        "Flytt ansettelsens slutt til --new-end, eller fjern slutten med --open-ended.",
        "Move the employment's end to --new-end, or remove the end with --open-ended.",
    ),
    "make-permanent": _command(
        "gjør en midlertidig ansettelse fast",
        "make a temporary employment permanent",
        "Gjør ansettelsen fast og uten slutt fra --on; historikken beholder den midlertidige.",
        "Make the employment permanent and open-ended from --on; the history keeps the "
        "temporary one.",
    ),
    "confirm-end": _command(
        "registrer beslutningen om at en midlertidig ansettelse slutter som planlagt",
        "record the decision that a temporary employment ends as planned",
        "Registrer at det ble besluttet --on at ansettelsen slutter som planlagt.",
        "Record that it was decided on --on that the employment ends as planned.",
    ),
    "record-outcome": _command(
        "registrer hva som ble av en uteksaminert, annet enn arbeid",
        "record what became of a graduate other than work",
        "Registrer utfallet --id for --person: videre utdanning, ikke i arbeid eller ukjent, "
        "per --on.",
        "Record the outcome --id of --person: further education, not employed or unknown, as "
        "of --on.",
    ),
    "students": _command(
        "list deltakerne (id, kull, status)",
        "list the students (id, cohort, status)",
        "List deltakerne (i --cohort) med status og datoer. Navn vises bare med --names; "
        "fødselsnummer, kontaktopplysninger, bakgrunn og notater vises aldri.",
        "List the students (of --cohort) with their status and dates. Names are shown only "
        "with --names; national identity numbers, contact details, background and notes "
        "never.",
    ),
    "sessions": _command(
        "list et kulls undervisningsøkter",
        "list a cohort's teaching sessions",
        "List undervisningsøktene til --cohort: id, dag, timer og tema.",
        "List the teaching sessions of --cohort: id, day, hours and topic.",
    ),
    "units": _command(
        "list praksisstedene",
        "list the host units",
        "List praksisstedene: id, navn, kapasitet og type.",
        "List the host units: id, name, capacity and kind.",
    ),
}

_MESSAGES: Final = {
    "cli.group.stores": {"nb": "lagre", "en": "stores"},
    "cli.group.records": {"nb": "poster, én om gangen", "en": "records, one at a time"},
    "cli.group.hiring": {"nb": "ansettelser", "en": "hiring"},
    "cli.group.lookups": {"nb": "oppslag", "en": "lookups"},
    "cli.group.reports": {"nb": "rapporter", "en": "reports"},
    "cli.group.imports": {"nb": "import", "en": "imports"},
    "cli.group.demo": {"nb": "demo", "en": "demo"},
    "cli.commands": {"nb": "kommandoen som skal kjøres", "en": "the command to run"},
    "cli.init.created": {
        "nb": "Laget et tomt register i {store}.",
        "en": "Created an empty register in {store}.",
    },
    "cli.init.exists": {
        "nb": "{store} finnes allerede; init lager bare en ny fil og overskriver aldri en "
        "som finnes",
        "en": "{store} exists already; init only creates a new file and never overwrites "
        "one that exists",
    },
    "cli.enrol.needs_name": {
        "nb": "--cohort, --national-id, --email og --phone gjelder en ny deltaker: gi --name også",
        "en": "--cohort, --national-id, --email and --phone are for a new student: give --name too",
    },
    "cli.enrol.needs_cohort": {
        "nb": "en ny deltaker (--name) trenger --cohort",
        "en": "a new student (--name) needs --cohort",
    },
    "cli.change.saved": {"nb": "Lagret i {store}.", "en": "Saved to {store}."},
    "cli.change.dry_run": {
        "nb": "Tørrkjøring: ingenting er lagret.",
        "en": "Dry run: nothing was saved.",
    },
    "cli.change.unchanged": {
        "nb": "Ingenting endret; {store} er som før.",
        "en": "Nothing changed; {store} is as it was.",
    },
    "cli.graduate.certificate_issued": {
        "nb": "Kursbevis {certificate} utstedt {on}.",
        "en": "Certificate {certificate} issued on {on}.",
    },
    "cli.submit-assignment.number": {
        "nb": "Innlevering nummer {number}.",
        "en": "Submission number {number}.",
    },
    "cli.error.rules_file": {
        "nb": "ugyldige programregler i {file}",
        "en": "invalid programme rules in {file}",
    },
    "cli.error.rules_json": {
        "nb": "{file} er ikke et JSON-objekt med programregler (se docs/rules.md)",
        "en": "{file} is not a JSON object of programme rules (see docs/rules.md)",
    },
    "cli.error.xlsx_needs_output": {
        "nb": "--format xlsx trenger --output FIL (en arbeidsbok skrives ikke til terminalen)",
        "en": "--format xlsx needs --output FILE (a workbook is not written to the terminal)",
    },
    "cli.error.output_is_input": {
        "nb": "--output {output} er filen som leses; velg en annen fil",
        "en": "--output {output} is the file being read; choose another file",
    },
    "cli.error.extend_needs_end": {
        "nb": "gi enten --new-end DATO eller --open-ended",
        "en": "give either --new-end DATE or --open-ended",
    },
    "spreadsheet.yes": {"nb": "ja", "en": "yes"},
    "spreadsheet.no": {"nb": "nei", "en": "no"},
}

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    **{f"cli.{name}.{part}": t for name, parts in _COMMANDS.items() for part, t in parts.items()},
    **_MESSAGES,
}
