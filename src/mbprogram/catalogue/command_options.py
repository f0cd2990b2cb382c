"""The help of the options of the one-record commands, the lookups and ``--output``.

Keys ``cli.option.…`` for options several commands share, ``cli.<command>.<option>``
for one command's own; the commands themselves are in
:mod:`~mbprogram.catalogue.commands`, documented in docs/cli.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "cli.option.output": {
        "nb": "skriv til denne filen (atomisk, lesbar bare for eieren) i stedet for standard ut",
        "en": "write to this file (atomically, readable by its owner only) instead of "
        "standard output",
    },
    "cli.option.output_format": {
        "nb": "utdataformat (standard text); xlsx trenger --output og tillegget excel",
        "en": "output format (default text); xlsx needs --output and the excel extra",
    },
    "cli.option.new_store": {
        "nb": "filen som skal lages: .sqlite for et lager, .json for et dokument",
        "en": "the file to create: .sqlite for a store, .json for a document",
    },
    "cli.option.student": {"nb": "deltakerens id", "en": "the student's id"},
    "cli.option.employment": {"nb": "ansettelsens id", "en": "the employment's id"},
    "cli.option.placement": {"nb": "praksisplassens id", "en": "the placement's id"},
    "cli.option.on": {"nb": "dagen det gjelder fra", "en": "the day it takes effect"},
    "cli.option.reason": {
        "nb": "grunnen (holdes privat, skrives aldri ut)",
        "en": "the reason (kept private, never printed)",
    },
    "cli.option.id": {"nb": "id-en til den nye posten", "en": "the new record's id"},
    "cli.option.name": {"nb": "navnet", "en": "the name"},
    "cli.option.cohort_of": {"nb": "kullet", "en": "the cohort"},
    "cli.init.synthetic": {
        "nb": "registeret er for testdata og kan ha syntetiske fødselsnumre",
        "en": "the register is for test data and may hold synthetic identity numbers",
    },
    "cli.open-cohort.rules": {
        "nb": "bergen-2010, bergen-2015 eller en JSON-fil med regler",
        "en": "bergen-2010, bergen-2015 or a JSON file of rules",
    },
    "cli.open-cohort.start": {"nb": "kullets første dag", "en": "the cohort's first day"},
    "cli.open-cohort.end": {"nb": "kullets siste dag", "en": "the cohort's last day"},
    "cli.open-cohort.places": {"nb": "antall plasser", "en": "the number of places"},
    "cli.add-host-unit.capacity": {
        "nb": "hvor mange deltakere stedet kan ta i praksis samtidig",
        "en": "how many students the unit can take in practice at once",
    },
    "cli.add-host-unit.kind": {
        "nb": "hva slags sted (aktivitetssenter, FACT-team …)",
        "en": "what sort of unit (activity centre, FACT team …)",
    },
    "cli.enrol.national_id": {
        "nb": "fødselsnummer (valgfritt; skrives aldri ut)",
        "en": "national identity number (optional; never printed)",
    },
    "cli.enrol.email": {"nb": "e-post (valgfritt)", "en": "email (optional)"},
    "cli.enrol.phone": {"nb": "telefon (valgfritt)", "en": "phone (optional)"},
    "cli.approve-makeup.hours": {
        "nb": "timene oppgaven godskrives med (2,5 eller 2.5)",
        "en": "the hours it is credited with (2.5 or 2,5)",
    },
    "cli.approve-makeup.approver": {"nb": "hvem som godkjente", "en": "who approved it"},
    "cli.approve-makeup.work": {
        "nb": "hva oppgaven var (holdes privat)",
        "en": "what the work was (kept private)",
    },
    "cli.place.unit": {"nb": "praksisstedets id", "en": "the host unit's id"},
    "cli.place.supervisor": {"nb": "praksisveilederen", "en": "the supervisor at the unit"},
    "cli.place.start": {"nb": "første praksisdag", "en": "the first day"},
    "cli.place.end": {"nb": "siste praksisdag", "en": "the last day"},
    "cli.place.weekdays": {
        "nb": "praksisdagene: man,ons,tor eller mon,wed,thu",
        "en": "the practice days: mon,wed,thu or man,ons,tor",
    },
    "cli.assess-placement.assessor": {"nb": "hvem som vurderte", "en": "who assessed"},
    "cli.assess-placement.note": {
        "nb": "et notat (holdes privat)",
        "en": "a note (kept private)",
    },
    "cli.sign-off-literature.signed_by": {"nb": "hvem som godkjente", "en": "who signed off"},
    "cli.start-assignment.topic": {
        "nb": "oppgavens tema (holdes privat)",
        "en": "the assignment's topic (kept private)",
    },
    "cli.start-assignment.supervisor": {"nb": "veilederen", "en": "the supervisor"},
    "cli.submit-assignment.title": {
        "nb": "tittelen (holdes privat)",
        "en": "the title (kept private)",
    },
    "cli.assess-assignment.feedback": {
        "nb": "tilbakemeldingen (holdes privat)",
        "en": "the feedback (kept private)",
    },
    "cli.graduate.certificate": {
        "nb": "kursbevisets id (standard cert-<deltaker>)",
        "en": "the certificate's id (default cert-<student>)",
    },
    "cli.add-budget-pot.capacity": {
        "nb": "hvor mange stillinger potten betaler samtidig",
        "en": "how many positions the pot pays at once",
    },
    "cli.hire.pathway": {"nb": "veien inn i arbeidet", "en": "how the graduate was hired"},
    "cli.hire.funding": {"nb": "hvem som betaler stillingen", "en": "who pays for the position"},
    "cli.hire.supervision": {
        "nb": "veiledningsordningen (standard none)",
        "en": "the supervision arrangement (default none)",
    },
    "cli.assess-placement.stage": {
        "nb": "når vurderingen gjøres: midtveis eller slutt",
        "en": "when the assessment is made: midway or final",
    },
    "cli.assess-placement.outlook": {
        "nb": "praksisveileders vurdering: i rute eller grunn til bekymring",
        "en": "the supervisor's assessment: on track or cause for concern",
    },
    "cli.assess-assignment.verdict": {
        "nb": "vurderingen: godkjent eller ikke godkjent",
        "en": "the verdict: approved or not approved",
    },
    "cli.hire.person": {"nb": "den uteksaminertes deltaker-id", "en": "the graduate's student id"},
    "cli.hire.unit": {"nb": "arbeidsstedet (et praksissteds id)", "en": "the employing unit's id"},
    "cli.hire.start": {"nb": "første arbeidsdag", "en": "the first day"},
    "cli.hire.end": {
        "nb": "siste dag (utelatt: uten slutt)",
        "en": "the last day (left out: open-ended)",
    },
    "cli.hire.percent": {
        "nb": "stillingsprosent (over 0, høyst 100)",
        "en": "position percentage (above 0, at most 100)",
    },
    "cli.hire.pot": {
        "nb": "budsjettpotten som betaler (når --funding er budget-pot)",
        "en": "the budget pot paying (when --funding is budget-pot)",
    },
    "cli.hire.benefit": {
        "nb": "en ytelse ved siden av lønnen (sensitivt; skrives aldri ut)",
        "en": "a benefit beside the salary (sensitive; never printed)",
    },
    "cli.hire.role": {"nb": "en rolle (kan gjentas)", "en": "a role (may be repeated)"},
    "cli.hire.permanent": {"nb": "fast fra første dag", "en": "permanent from the first day"},
    "cli.hire.peer_network": {
        "nb": "personen er med i et nettverk av likepersoner",
        "en": "the person takes part in a peer network",
    },
    "cli.hire.panel": {
        "nb": "et medlem av ansettelsespanelet, NAVN eller NAVN:ORGANISASJON for en "
        "brukerorganisasjon (kan gjentas)",
        "en": "a member of the hiring panel, NAME or NAME:ORGANISATION for a user "
        "organisation (may be repeated)",
    },
    "cli.end-employment.last_day": {"nb": "siste arbeidsdag", "en": "the last day"},
    "cli.extend-employment.new_end": {"nb": "den nye siste dagen", "en": "the new last day"},
    "cli.extend-employment.open_ended": {"nb": "fjern slutten", "en": "remove the end"},
    "cli.record-placement-absence.day": {
        "nb": "praksisdagen deltakeren var borte",
        "en": "the practice day the student was away",
    },
    "cli.end-placement-early.last_day": {"nb": "siste praksisdag", "en": "the last day"},
    "cli.change-capacity.unit": {"nb": "praksisstedets id", "en": "the host unit's id"},
    "cli.record-outcome.kind": {
        "nb": "utfallet: further-education, not-employed eller unknown",
        "en": "the outcome: further-education, not-employed or unknown",
    },
    "cli.record-outcome.on": {"nb": "dagen det er kjent per", "en": "the day it is known as of"},
    "cli.students.cohort": {"nb": "bare dette kullet", "en": "only this cohort"},
    "cli.students.names": {
        "nb": "ta med navnene (personopplysninger: behandle utdataene deretter)",
        "en": "include the names (personal data: treat the output so)",
    },
    "cli.sessions.cohort": {"nb": "kullet", "en": "the cohort"},
}
