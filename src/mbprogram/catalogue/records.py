"""The texts of the model's checks of its records and values (keys ``records.…``).

The model's constructors refuse a bad value with ``InvalidValueError.at(field,
key, **values)`` or a ``Problem.of``: the message reads in English for ``str()``
and in the language of ``--lang`` on the command line. The English templates
say exactly what the messages said before they had keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- a programme's rules (model/programme.py, docs/rules.md)
    "records.rules.mapping": {
        "nb": "forventet en samling regler (et JSON-objekt), fikk {got}",
        "en": "expected a mapping of rules, got {got}",
    },
    "records.rules.unknown": {
        "nb": "ukjent regel; forventet en av {known}",
        "en": "unknown rule; expected one of {known}",
    },
    "records.rules.invalid": {"nb": "ugyldige programregler", "en": "invalid programme rules"},
    "records.rules.missing": {
        "nb": "en påkrevd regel mangler",
        "en": "required rule is missing",
    },
    "records.rules.missing_or_share": {
        "nb": "en påkrevd regel mangler (eller oppgi bare {share}, for et program som bare "
        "krever en andel)",
        "en": "required rule is missing (or give {share} alone, for a programme that asks for "
        "a share only)",
    },
    "records.rules.flag": {
        "nb": "forventet true eller false, fikk {got}",
        "en": "expected true or false, got {got}",
    },
    "records.rules.whole": {
        "nb": "forventet et heltall fra {low} til 100, fikk {got}",
        "en": "expected a whole number from {low} to 100, got {got}",
    },
    "records.rules.name": {
        "nb": "forventet et navn som ikke er tomt, på høyst 200 tegn",
        "en": "expected a non-empty name of at most 200 characters",
    },
    # -- the history's entries (model/history.py, docs/format.md)
    "records.history.action": {
        "nb": "forventet en av handlingene i docs/format.md (den vises ikke)",
        "en": "expected one of the actions of docs/format.md (it is not shown)",
    },
    "records.history.no_record": {"nb": "ingen post", "en": "no record"},
    "records.history.kind_or_none": {"nb": "en {kind} eller None", "en": "a {kind} or None"},
    "records.history.carries": {
        "nb": "handlingen {action} har {wanted}, fikk en {got}",
        "en": "the action {action} carries {wanted}, got a {got}",
    },
    "records.history.other_id": {
        "nb": "en post med en annen id enn oppføringens poststi",
        "en": "a record with another id than the entry's record path",
    },
    "records.history.before_or_after": {
        "nb": "en oppføring om en post har den før eller etter",
        "en": "an entry of a record carries it before or after",
    },
    "records.history.chain": {
        "nb": "forventet 64 heksadesimale sifre (0-9, a-f) eller ingenting",
        "en": "expected 64 hexadecimal digits (0-9, a-f) or nothing",
    },
    # -- the final assignment (model/assignment.py)
    "records.assignment.submission_before": {
        "nb": "{on} er før forrige innlevering {previous}",
        "en": "{on} is before the previous submission on {previous}",
    },
    "records.assignment.no_submission": {
        "nb": "det finnes ingen innlevering {number}; {n} er levert",
        "en": "there is no submission {number}; {n} submitted",
    },
    "records.assignment.assessed_before": {
        "nb": "{on} er før innlevering {number}, levert {submitted}",
        "en": "{on} is before submission {number} on {submitted}",
    },
    "records.assignment.assessment_before": {
        "nb": "{on} er før forrige vurdering {previous}",
        "en": "{on} is before the previous assessment on {previous}",
    },
    "records.assignment.after_approval": {
        "nb": "innlevering {number} ble godkjent; ingenting leveres etter en godkjenning",
        "en": "submission {number} was approved; nothing is submitted after an approval",
    },
    "records.assignment.submitted_before_assessment": {
        "nb": "{on} er før vurderingen av innlevering {number}, vurdert {assessed}",
        "en": "{on} is before the assessment of submission {number} on {assessed}",
    },
    # -- cohorts and sessions (model/cohort.py)
    "records.session.hours": {
        "nb": "forventet en økt lengre enn 0 t, fikk {hours} t",
        "en": "expected a session longer than 0 h, got {hours} h",
    },
    "records.cohort.session_outside": {
        "nb": "{day} er utenfor kullets periode {start} til {end}",
        "en": "{day} is outside the cohort's period {start}..{end}",
    },
    # -- hiring (model/hiring.py, docs/hiring.md)
    "records.hiring.roles": {
        "nb": "forventet roller blant {choices}",
        "en": "expected roles among {choices}",
    },
    "records.hiring.step_up": {
        "nb": "en opptrappingsperiode varer høyst {months} måneder: siste dag er før dagen "
        "{months} måneder etter starten",
        "en": "a step-up period lasts at most {months} months: its last day is before the day "
        "{months} months after its start",
    },
    # -- make-up work and placements (model/attendance.py, model/placements.py)
    "records.makeup.hours": {
        "nb": "forventet mer enn 0 t med erstatningsarbeid, fikk {hours} t",
        "en": "expected more than 0 h of make-up work, got {hours} h",
    },
    "records.placement.weekdays": {
        "nb": "forventet ukedager som tall fra 0 (mandag) til 6 (søndag) eller Weekday-verdier",
        "en": "expected weekdays as numbers 0 (Monday) to 6 (Sunday) or Weekday members",
    },
    "records.weekday": {
        "nb": "forventet en av mon, tue, wed, thu, fri, sat, sun (mandag til søndag), fikk {got}",
        "en": "expected one of mon, tue, wed, thu, fri, sat, sun, got {got}",
    },
    # -- the checks of arguments and items (model/validators.py)
    "records.check.not_datetime": {
        "nb": "forventet en dato, ikke et tidspunkt",
        "en": "expected a date, not a datetime",
    },
    "records.check.date": {
        "nb": "forventet en dato (datetime.date), fikk {got}",
        "en": "expected a date (datetime.date), got {got}",
    },
    "records.check.collection": {
        "nb": "forventet en samling av {kind}, fikk {got}",
        "en": "expected a collection of {kind}, got {got}",
    },
    "records.check.id_twice": {
        "nb": "{what}-id {id} er brukt to ganger",
        "en": "{what} id {id} is used twice",
    },
    "records.what.session": {"nb": "økt", "en": "session"},
    "records.what.make-up": {"nb": "erstatningsarbeid", "en": "make-up"},
    "records.what.placement": {"nb": "praksisperiode", "en": "placement"},
    # -- national identity numbers (model/identity.py): never quoted
    "records.national_id.type": {
        "nb": "forventet et fødselsnummer som en str med elleve sifre, fikk {got}",
        "en": "expected a national identity number as a str of eleven digits, got {got}",
    },
    "records.national_id.fewer": {"nb": "færre", "en": "fewer"},
    "records.national_id.more": {"nb": "flere", "en": "more"},
    "records.national_id.length": {
        "nb": "forventet nøyaktig elleve sifre, fikk {amount} tegn",
        "en": "expected exactly eleven digits, got {amount} characters",
    },
    "records.national_id.digits": {
        "nb": "forventet bare sifrene 0-9, fikk andre tegn",
        "en": "expected only ASCII digits, got other characters",
    },
    "records.national_id.century": {
        "nb": "forventet et individnummer (siffer sju til ni) som passer med fødselsåret; "
        "denne kombinasjonen hører ikke til noe århundre",
        "en": "expected an individual number (digits seven to nine) that fits the year of "
        "birth; this combination belongs to no century",
    },
    "records.national_id.date": {
        "nb": "forventet en virkelig dato i de seks første sifrene (DDMMÅÅ; D-nummer legger "
        "fire til første siffer, syntetiske nummer førti eller åtti til måneden)",
        "en": "expected a real calendar date in the first six digits (DDMMYY; D-numbers add "
        "four to the first digit, synthetic numbers forty or eighty to the month)",
    },
    "records.national_id.first_check": {
        "nb": "forventet et gyldig første kontrollsiffer (siffer ti, vektet sum modulo elleve)",
        "en": "expected a valid first check digit (digit ten, weighted sum mod eleven)",
    },
    "records.national_id.second_check": {
        "nb": "forventet et gyldig andre kontrollsiffer (siffer elleve, vektet sum modulo elleve)",
        "en": "expected a valid second check digit (digit eleven, weighted sum mod eleven)",
    },
    "records.national_id.synthetic": {
        "nb": "forventet et ekte fødselsnummer, fikk et syntetisk testnummer (måned pluss førti "
        "eller åtti); syntetiske nummer må bes om uttrykkelig med allow_synthetic=True",
        "en": "expected a real national identity number, got a synthetic test number "
        "(month plus forty or eighty); synthetic numbers must be asked for explicitly "
        "with allow_synthetic=True",
    },
    "records.national_id.years": {
        "nb": "forventet en fødselsdato i årene {first} til {last}, årene et fødselsnummer kan "
        "uttrykke",
        "en": "expected a birth date in the years {first} to {last}, the years an identity "
        "number can encode",
    },
    "records.national_id.offset": {
        "nb": "forventet 40 eller 80, fikk {got}",
        "en": "expected 40 or 80, got {got}",
    },
    "records.national_id.serial": {
        "nb": "forventet 0 til {last} for dette fødselsåret, fikk {got}",
        "en": "expected 0 to {last} for this birth year, got {got}",
    },
    "records.national_id.no_serial": {
        "nb": "forventet et løpenummer med et gyldig nummer fra det og videre; ingen fra "
        "{serial} og videre gir gyldige kontrollsifre for denne fødselsdatoen",
        "en": "expected a serial with a valid number at or after it; none from {serial} on "
        "gives valid check digits for this birth date",
    },
    # -- the calendar (calendar/norway.py, calendar/recurrence.py)
    "records.calendar.whole_year": {
        "nb": "forventet et helt år, fikk {got}",
        "en": "expected a whole year, got {got}",
    },
    "records.calendar.year": {
        "nb": "forventet et år fra {first} til {last}, fikk {got}",
        "en": "expected a year from {first} to {last}, got {got}",
    },
    "records.calendar.last_before_first": {
        "nb": "{last} er før første dag {first}",
        "en": "{last} is before the first day {first}",
    },
    "records.calendar.skip": {
        "nb": "forventet en dato eller en DateRange, fikk {got}",
        "en": "expected a date or a DateRange, got {got}",
    },
    "records.calendar.rule": {
        "nb": "forventet en gjentakelsesregel etter RFC 5545, som FREQ=WEEKLY;BYDAY=TU,TH",
        "en": "expected an RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=TU,TH",
    },
    "records.calendar.frequency": {
        "nb": "forventet FREQ=DAILY, WEEKLY, MONTHLY eller YEARLY (som FREQ=WEEKLY;BYDAY=TU)",
        "en": "expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (such as FREQ=WEEKLY;BYDAY=TU)",
    },
    "records.calendar.part": {
        "nb": "en regel for dager, uten {part}: perioden er gitt ved første og siste dag",
        "en": "a rule of days, without {part}: the period is given by its first and last day",
    },
    "records.calendar.interval": {
        "nb": "forventet at INTERVAL er et heltall fra 1 til {most}",
        "en": "expected INTERVAL to be a whole number from 1 to {most}",
    },
    "records.calendar.not_a_rule": {
        "nb": "ikke en gjentakelsesregel etter RFC 5545; forventet en som FREQ=WEEKLY;BYDAY=TU,TH",
        "en": "not an RFC 5545 recurrence rule; expected one such as FREQ=WEEKLY;BYDAY=TU,TH",
    },
    "records.calendar.too_many": {
        "nb": "gir mer enn {most} dager i perioden; forventet færre",
        "en": "gives more than {most} days in the period; expected fewer",
    },
    "records.value.example": {"nb": "f.eks. {example}", "en": "e.g. {example}"},
    # -- what was expected, with a type's name (model/validators.py expected_words)
    "records.expected.a": {"nb": "en {kind}", "en": "a {kind}"},
    "records.expected.an": {"nb": "en {kind}", "en": "an {kind}"},
    "records.expected.or_none": {"nb": "{expected} eller None", "en": "{expected} or None"},
    "records.expected.either": {"nb": "{choices} eller {last}", "en": "{choices} or {last}"},
    "records.expected.whole": {"nb": "et heltall", "en": "a whole number"},
    "records.expected.record_path": {
        "nb": "en poststi (str)",
        "en": "a record path (str)",
    },
    "records.expected.bool": {"nb": "True eller False", "en": "True or False"},
}
