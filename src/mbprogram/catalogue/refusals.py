"""The texts of the register's refused changes and load checks (keys ``refusals.…``).

A change function refuses with ``refuse(what, path, key, **values)``
(``register/commit.py``): the problem's message is the key's text, in English
for ``str()`` and in the language of ``--lang`` on the command line. The
summary reads ``<what> refused``, ``what`` the change's name: the names that
are not in the ``problems`` section are here, as ``refusals.what.<name>``.
The English templates say exactly what the messages said before they had keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- the checks every change makes (register/commit.py)
    "refusals.kind": {
        "nb": "forventet {expected}, fikk {got}",
        "en": "expected {expected}, got {got}",
    },
    "refusals.stamp": {
        "nb": "forventet et Stamp (hvem og når), fikk {got}",
        "en": "expected a Stamp (who and when), got {got}",
    },
    "refusals.expected_date": {"nb": "forventet en dato", "en": "expected a date"},
    "refusals.kind.placement": {"nb": "praksisperiode", "en": "placement"},
    "refusals.kind.session": {"nb": "økt", "en": "session"},
    # -- cohorts and sessions
    "refusals.expected_session": {"nb": "forventet en Session", "en": "expected a Session"},
    "refusals.no_session_to_correct": {
        "nb": "ingen økt {session} å rette",
        "en": "no session {session} to correct",
    },
    "refusals.no_session_to_cancel": {
        "nb": "ingen økt {session} å avlyse",
        "en": "no session {session} to cancel",
    },
    # -- placements
    "refusals.expected_placement": {
        "nb": "forventet en Placement",
        "en": "expected a Placement",
    },
    "refusals.no_absence": {
        "nb": "det er ikke ført fravær {day}",
        "en": "no absence recorded on {day}",
    },
    "refusals.stage": {
        "nb": "forventet 'midway' (midtveis) eller 'final' (slutt)",
        "en": "expected 'midway' or 'final'",
    },
    "refusals.assessed_already": {
        "nb": "dette trinnet er vurdert allerede",
        "en": "this stage is assessed already",
    },
    "refusals.not_within_placement": {
        "nb": "{day} er ikke innenfor praksisperioden {start} til {end}",
        "en": "{day} is not within the placement {start}..{end}",
    },
    "refusals.no_placement": {
        "nb": "ingen praksisperiode {placement}",
        "en": "no placement {placement}",
    },
    # -- students
    "refusals.student.status_history": {
        "nb": "en ny deltaker starter uten statushistorikk",
        "en": "a new student starts with no status history",
    },
    "refusals.student.records": {
        "nb": "en ny deltaker starter uten registreringer (har {has}); før dem gjennom "
        "registeret, så hver blir kontrollert og tatt vare på i historikken",
        "en": "a new student starts with no records (has {has}); record them "
        "through the register so that each is checked and kept in the history",
    },
    "refusals.certificate_id": {
        "nb": "forventet en id på høyst 64 tegn",
        "en": "expected an id of at most 64 characters",
    },
    "refusals.student.not_correctable": {
        "nb": "kan ikke rettes her; opplysninger som kan rettes: {fields}",
        "en": "cannot be corrected here; correctable details are {fields}",
    },
    # -- literature and the final assignment
    "refusals.literature.signed_off": {
        "nb": "litteraturstudiene er godkjent allerede",
        "en": "the literature studies are signed off already",
    },
    "refusals.assignment.exists": {
        "nb": "deltakeren har en avsluttende oppgave allerede",
        "en": "the student has a final assignment already",
    },
    "refusals.assignment.not_started": {
        "nb": "ingen avsluttende oppgave er påbegynt (start_assignment først)",
        "en": "no final assignment is started (start_assignment first)",
    },
    "refusals.assignment.nothing_submitted": {
        "nb": "ingenting er levert som kan vurderes",
        "en": "nothing is submitted to assess",
    },
    # -- employments (docs/hiring.md)
    "refusals.employment.after_planned_end": {
        "nb": "{day} er etter planlagt slutt {end}; forleng ansettelsen i stedet",
        "en": "{day} is after the planned end {end}; extend the employment instead",
    },
    "refusals.employment.open_ended": {
        "nb": "ansettelsen er uten sluttdato allerede",
        "en": "the employment is open-ended already",
    },
    "refusals.employment.date_or_none": {
        "nb": "forventet en dato eller None (uten sluttdato)",
        "en": "expected a date or None (open-ended)",
    },
    "refusals.employment.not_after_end": {
        "nb": "{day} er ikke etter nåværende slutt {end}",
        "en": "{day} is not after the current end {end}",
    },
    "refusals.employment.permanent_already": {
        "nb": "fast allerede fra {day}",
        "en": "permanent already from {day}",
    },
    "refusals.employment.after_ended": {
        "nb": "{day} er etter at ansettelsen sluttet {end}",
        "en": "{day} is after the employment ended {end}",
    },
    "refusals.employment.confirm_temporary": {
        "nb": "bare en midlertidig ansettelse med en slutt kan bekreftes",
        "en": "only a temporary employment with an end can be confirmed",
    },
    "refusals.employment.not_amendable": {
        "nb": "kan ikke endres; felt som kan endres: {fields}",
        "en": "cannot be amended; amendable fields are {fields}",
    },
    # -- the names of changes that the problems section does not have
    "refusals.what.adding the budget pot": {
        "nb": "legge til budsjettpotten",
        "en": "adding the budget pot",
    },
    "refusals.what.amending the employment": {
        "nb": "endre ansettelsen",
        "en": "amending the employment",
    },
    "refusals.what.changing the pot's capacity": {
        "nb": "endre pottens kapasitet",
        "en": "changing the pot's capacity",
    },
    "refusals.what.confirming the end": {"nb": "bekrefte slutten", "en": "confirming the end"},
    "refusals.what.correcting the host unit": {
        "nb": "rette praksisstedet",
        "en": "correcting the host unit",
    },
    "refusals.what.correcting the student's details": {
        "nb": "rette deltakerens opplysninger",
        "en": "correcting the student's details",
    },
    "refusals.what.ending the employment": {
        "nb": "avslutte ansettelsen",
        "en": "ending the employment",
    },
    "refusals.what.extending the employment": {
        "nb": "forlenge ansettelsen",
        "en": "extending the employment",
    },
    "refusals.what.hiring": {"nb": "ansette", "en": "hiring"},
    "refusals.what.making the employment permanent": {
        "nb": "gjøre ansettelsen fast",
        "en": "making the employment permanent",
    },
    "refusals.what.recording the outcome": {
        "nb": "føre utfallet",
        "en": "recording the outcome",
    },
    "refusals.what.recording the midway assessment": {
        "nb": "føre midtveisvurderingen",
        "en": "recording the midway assessment",
    },
    "refusals.what.recording the final assessment": {
        "nb": "føre sluttvurderingen",
        "en": "recording the final assessment",
    },
    "refusals.what.changing the status to applicant": {
        "nb": "endre status til søker",
        "en": "changing the status to applicant",
    },
    "refusals.what.changing the status to admitted": {
        "nb": "endre status til tatt opp",
        "en": "changing the status to admitted",
    },
    "refusals.what.changing the status to active": {
        "nb": "endre status til aktiv",
        "en": "changing the status to active",
    },
    "refusals.what.changing the status to on-leave": {
        "nb": "endre status til i permisjon",
        "en": "changing the status to on-leave",
    },
    "refusals.what.changing the status to withdrawn": {
        "nb": "endre status til sluttet",
        "en": "changing the status to withdrawn",
    },
    "refusals.what.changing the status to graduated": {
        "nb": "endre status til uteksaminert",
        "en": "changing the status to graduated",
    },
    # -- loading a register (register/loading.py) and its history (register/history.py)
    "refusals.load.collection": {
        "nb": "forventet en samling av {kind}-poster",
        "en": "expected a collection of {kind} records",
    },
    "refusals.load.record": {
        "nb": "forventet en {kind}, fikk {got}",
        "en": "expected a {kind}, got {got}",
    },
    "refusals.load.kinds": {
        "nb": "postene er ikke av de typene som forventes",
        "en": "the records are not of the kinds expected",
    },
    "refusals.load.rules": {
        "nb": "postene bryter registerets regler",
        "en": "the records break the register's rules",
    },
    "refusals.history.moment": {
        "nb": "forventet et tidspunkt med tidssone",
        "en": "expected a date-time with a time zone",
    },
    "refusals.history.chain": {
        "nb": "kjedeverdien til oppføringen følger ikke av innholdet og oppføringen før: "
        "denne oppføringen, eller rekkefølgen på oppføringene, er endret",
        "en": "the entry's chain value does not follow from its content and the entry "
        "before it: this entry, or the order of the entries, was changed",
    },
    "refusals.history.before": {
        "nb": "oppføringens post før endringen er ikke det oppføringene før den gjorde av {record}",
        "en": "the entry's record before is not what the entries before it made of {record}",
    },
    "refusals.history.unmade": {
        "nb": "registeret har {record}, som ingen oppføring i historikken lager",
        "en": "the register holds {record}, which no entry of the history makes",
    },
    "refusals.history.replay": {
        "nb": "å spille av historikken fram til denne oppføringen, den siste om {record}, gir "
        "ikke posten som finnes",
        "en": "replaying the history up to this entry, its last about {record}, does not give "
        "the record held",
    },
    "refusals.state.rules": {
        "nb": "tilstanden bryter registerets regler",
        "en": "the state breaks the register's rules",
    },
    "refusals.record_path": {
        "nb": "forventet en poststi (som students[S-001].placements[P1]): {reason}",
        "en": "expected a record path: {reason}",
    },
}
