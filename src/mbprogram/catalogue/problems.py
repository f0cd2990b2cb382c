"""The texts of refusals and validation problems (keys ``problems.…``).

A :class:`~mbprogram.exceptions.Problem` made with ``Problem.of(path, key,
**values)`` carries its key and values: its ``message`` is the English text
(what ``str()`` and library callers read), and ``message_in("nb")`` the
bokmål one; the command line shows the language of ``--lang``. The English
templates say exactly what the messages said before they had keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- lookups
    "problems.not_found": {"nb": "ingen {kind} med id {id}", "en": "no {kind} with id {id}"},
    "problems.not_found.hidden": {
        "nb": "ingen {kind} med den id-en (den er ikke en gyldig id, så den vises ikke)",
        "en": "no {kind} with that id (it is not a valid id, so it is not shown)",
    },
    "problems.kind.cohort": {"nb": "kull", "en": "cohort"},
    "problems.kind.student": {"nb": "deltaker", "en": "student"},
    "problems.kind.host unit": {"nb": "praksissted", "en": "host unit"},
    "problems.kind.budget pot": {"nb": "budsjettpott", "en": "budget pot"},
    "problems.kind.employment": {"nb": "ansettelse", "en": "employment"},
    # -- graduation
    "problems.graduation.refused": {
        "nb": "uteksaminering nektet; krav som ikke er oppfylt:",
        "en": "graduation refused; unmet requirements:",
    },
    "problems.graduation.not_active": {
        "nb": "deltakeren er {state} {on}, ikke aktiv",
        "en": "the student is {state} on {on}, not active",
    },
    "problems.state.not-enrolled": {"nb": "ikke tatt inn", "en": "not enrolled"},
    "problems.state.applicant": {"nb": "søker", "en": "applicant"},
    "problems.state.admitted": {"nb": "tatt opp", "en": "admitted"},
    "problems.state.active": {"nb": "aktiv", "en": "active"},
    "problems.state.on-leave": {"nb": "i permisjon", "en": "on-leave"},
    "problems.state.withdrawn": {"nb": "sluttet", "en": "withdrawn"},
    "problems.state.graduated": {"nb": "uteksaminert", "en": "graduated"},
    # -- the attendance import
    "problems.import.refused": {
        "nb": "oppmøteimporten er nektet; ingenting er importert",
        "en": "attendance import refused; nothing was imported",
    },
    "problems.import.refused.placements": {
        "nb": "praksisimporten er nektet; ingenting er importert",
        "en": "placement import refused; nothing was imported",
    },
    "problems.import.refused.students": {
        "nb": "importen av klasselisten er nektet; ingenting er importert",
        "en": "class list import refused; nothing was imported",
    },
    "problems.import.refused.units": {
        "nb": "importen av praksissteder er nektet; ingenting er importert",
        "en": "host unit import refused; nothing was imported",
    },
    "problems.import.conflicting_rows": {
        "nb": "strider mot rad {row} for samme deltaker og økt",
        "en": "conflicts with row {row} for the same student and session",
    },
    "problems.import.more_rows": {
        "nb": "og {more} {more:rad|rader} til med feil herfra, ikke listet (bare de første "
        "{listed} er det); rett disse og importer igjen for å se dem",
        "en": "and {more} more bad rows from here on, not listed (only the first "
        "{listed} are); correct these and import again to see them",
    },
    "problems.import.no_student": {
        "nb": "ingen deltaker oppgitt; forventet en deltaker-id eller et navn",
        "en": "no student given; expected a student id or name",
    },
    "problems.import.unknown_student_id": {
        "nb": "ingen deltaker med denne id-en",
        "en": "no student with this id",
    },
    "problems.import.unknown_student_id_in": {
        "nb": "ingen deltaker med denne id-en i kull {cohort}",
        "en": "no student with this id in cohort {cohort}",
    },
    "problems.import.not_in_cohort": {
        "nb": "deltakeren er ikke i kull {cohort}",
        "en": "the student is not in cohort {cohort}",
    },
    "problems.import.not_the_name": {
        "nb": "ikke navnet til deltakeren med id-en som er oppgitt",
        "en": "not the name of the student with the id given",
    },
    "problems.import.same_name": {
        "nb": "{n} deltakere har dette navnet; oppgi deltaker-id-en i stedet",
        "en": "{n} students have this name; give the student id instead",
    },
    "problems.import.same_name_in": {
        "nb": "{n} deltakere i kull {cohort} har dette navnet; oppgi deltaker-id-en i stedet",
        "en": "{n} students in cohort {cohort} have this name; give the student id instead",
    },
    "problems.import.no_such_name": {
        "nb": "ingen deltaker har dette navnet",
        "en": "no student has this name",
    },
    "problems.import.no_such_name_in": {
        "nb": "ingen deltaker i kull {cohort} har dette navnet",
        "en": "no student in cohort {cohort} has this name",
    },
    "problems.import.no_session": {
        "nb": "ingen økt oppgitt; forventet en økt-id eller en dato",
        "en": "no session given; expected a session id or date",
    },
    "problems.import.unknown_session": {
        "nb": "ingen økt med denne id-en i kull {cohort}",
        "en": "no session with this id in cohort {cohort}",
    },
    "problems.import.session_day": {
        "nb": "økt {session} er {held}, ikke {day}",
        "en": "session {session} is on {held}, not {day}",
    },
    "problems.import.sessions_on_day": {
        "nb": "{n} økter i kull {cohort} {day} ({ids}); oppgi økt-id-en i en øktkolonne",
        "en": "{n} sessions of cohort {cohort} on {day} ({ids}); give the session id in a "
        "session column",
    },
    "problems.import.no_session_on_day": {
        "nb": "ingen økt i kull {cohort} {day}",
        "en": "no session of cohort {cohort} on {day}",
    },
    # -- reading the sheet
    "problems.sheet.not_utf8": {
        "nb": "forventet tekst i UTF-8 (lagre arket som «CSV UTF-8»)",
        "en": "expected text in UTF-8 (save the sheet as 'CSV UTF-8')",
    },
    "problems.sheet.empty": {
        "nb": "arket er tomt; forventet en overskriftsrad",
        "en": "the sheet is empty; expected a header row",
    },
    "problems.sheet.not_csv": {
        "nb": "kan ikke leses som CSV (et anførselstegn som ikke er lukket, eller tekst etter et "
        'avsluttende anførselstegn); skriv et anførselstegn i en celle som to ("")',
        "en": "not readable as CSV (a quote that is not closed, or text after a closing "
        'quote); write a quote inside a cell as two quotes ("")',
    },
    "problems.sheet.cell_too_long": {
        "nb": "en celle med mer enn {limit} tegn; en celle har høyst {most}",
        "en": "a cell of more than {limit} characters; a cell holds at most {most}",
    },
    "problems.sheet.cell_length": {
        "nb": "en celle med {n} tegn; en celle har høyst {most}",
        "en": "a cell of {n} characters; a cell holds at most {most}",
    },
    "problems.sheet.unstorable": {
        "nb": "cellen har et NUL-tegn eller et ensomt surrogat (vises ikke), som ingen tekst kan "
        "holde; lagre arket som «CSV UTF-8» igjen",
        "en": "the cell holds a NUL character or a lone surrogate (not shown), which no text "
        "can keep; save the sheet as 'CSV UTF-8' again",
    },
    "problems.sheet.no_header": {
        "nb": "en verdi uten overskrift",
        "en": "a value under no header",
    },
    "problems.sheet.unknown_column": {
        "nb": "ukjent kolonne; forventet en av {expected}",
        "en": "unknown column; expected one of {expected}",
    },
    "problems.sheet.second_column": {
        "nb": "en kolonne {field} til (den første er {first})",
        "en": "a second {field} column (the first is {first})",
    },
    "problems.sheet.no_column": {
        "nb": "ingen kolonne for {what}; forventet en av {names}",
        "en": "no column for {what}; expected one of {names}",
    },
    "problems.sheet.what.student": {"nb": "deltakeren", "en": "the student"},
    "problems.sheet.what.session": {"nb": "økten", "en": "the session"},
    "problems.sheet.what.unit": {"nb": "enheten", "en": "the unit"},
    "problems.sheet.what.mark": {
        "nb": "timer eller en oppmøtekode",
        "en": "hours or an attendance code",
    },
    "problems.sheet.hours_and_absence": {
        "nb": "timer oppgitt for et fravær; oppgi enten timer eller en fraværskode",
        "en": "hours given for an absence; give either hours or an absence code",
    },
    "problems.sheet.reason_not_excused": {
        "nb": "en grunn er oppgitt, men oppmøtet er ikke gyldig fravær (kode F)",
        "en": "a reason is given, but the mark is not an excused absence (code F)",
    },
    "problems.sheet.reason_too_long": {
        "nb": "forventet høyst {most} tegn",
        "en": "expected at most {most} characters",
    },
    "problems.sheet.formula": {
        "nb": "begynner med =, +, - eller @, som et regneark leser som en formel; en grunn "
        "lagres slik den er skrevet, så skriv den uten det første tegnet",
        "en": "starts with =, +, - or @, which a spreadsheet reads as a formula; a reason is "
        "kept as written, so write it without that first character",
    },
    "problems.sheet.wide_mark": {
        "nb": "forventet x eller 1 (møtt), timer som 3,5, F (gyldig fravær), "
        "U (ugyldig fravær) eller en tom celle",
        "en": "expected x or 1 (present), hours such as 3,5, F (excused absence), "
        "U (unexcused absence) or an empty cell",
    },
    "problems.sheet.no_mark": {
        "nb": "ingen timer og ingen oppmøtekode",
        "en": "no hours and no attendance code",
    },
    # -- the register's rules (docs/rules.md, the rules that span records)
    "problems.rule.id_used_twice": {
        "nb": "en annen {kind} har id-en {id}",
        "en": "another {kind} has the id {id}",
    },
    "problems.rule.national_id_used_twice": {
        "nb": "en annen deltaker har samme fødselsnummer",
        "en": "another student has the same national identity number",
    },
    "problems.rule.records_closed": {
        "nb": "deltakeren har status {status}; opplysningene er lukket",
        "en": "the student has {status}; their records are closed",
    },
    "problems.rule.other_cohort": {
        "nb": "forventet kull {expected}, fikk {got}",
        "en": "expected cohort {expected}, got {got}",
    },
    "problems.rule.enrolment_after_end": {
        "nb": "innskrivingen {enrolled} er etter at kullet slutter {end}",
        "en": "enrolment on {enrolled} is after the cohort ends on {end}",
    },
    "problems.rule.synthetic_id": {
        "nb": "et syntetisk fødselsnummer godtas ikke i dette registeret (lag registeret med "
        "allow_synthetic_ids=True for testdata)",
        "en": "a synthetic identity number is not accepted in this register "
        "(create the register with allow_synthetic_ids=True for test data)",
    },
    "problems.rule.before_enrolment": {
        "nb": "{day} er før deltakeren ble tatt inn",
        "en": "{day} is before the student was enrolled",
    },
    "problems.rule.session_before_enrolment": {
        "nb": "økt {session} {day} er før deltakeren ble tatt inn",
        "en": "session {session} on {day} is before the student was enrolled",
    },
    "problems.rule.after_closing": {
        "nb": "{day} er etter at deltakeren {left} {closed}; opplysningene er lukket",
        "en": "{day} is after the student {left} on {closed}; their records are closed",
    },
    "problems.rule.left.graduated": {"nb": "ble uteksaminert", "en": "graduated"},
    "problems.rule.left.withdrew": {"nb": "sluttet", "en": "withdrew"},
    "problems.rule.unknown_session": {
        "nb": "ingen økt {session} i kull {cohort}",
        "en": "no session {session} in cohort {cohort}",
    },
    "problems.rule.attendance_over_session": {
        "nb": "{hours} t er mer enn øktens lengde på {length} t",
        "en": "{hours} h is more than the session's length of {length} h",
    },
    "problems.rule.unknown_unit": {
        "nb": "ikke noe praksissted {unit}",
        "en": "no host unit {unit}",
    },
    "problems.rule.absence_on_holiday": {
        "nb": "{day} er en helligdag, ikke en praksisdag",
        "en": "{day} is a public holiday, not a practice day",
    },
    "problems.rule.person_is_student": {
        "nb": "kan ikke være deltakeren selv",
        "en": "cannot be the student themself",
    },
    "problems.rule.submissions_over_limit": {
        "nb": "{n} {n:innlevering|innleveringer}; programmet tillater {maximum}",
        "en": "{n} submissions; the programme allows {maximum}",
    },
    "problems.rule.certificate_missing": {
        "nb": "en uteksaminert deltaker må ha et kursbevis",
        "en": "a graduated student must have a certificate",
    },
    "problems.rule.certificate_not_graduated": {
        "nb": "bare en uteksaminert deltaker kan ha et kursbevis",
        "en": "only a graduated student can hold a certificate",
    },
    "problems.rule.certificate_date": {
        "nb": "forventet datoen deltakeren ble uteksaminert",
        "en": "expected the date the student graduated",
    },
    "problems.rule.certificate_other": {
        "nb": "kursbeviset gjelder en annen deltaker eller et annet kull",
        "en": "the certificate names another student or cohort",
    },
    "problems.rule.certificate_programme": {
        "nb": "forventet navnet på kullets program",
        "en": "expected the name of the cohort's programme",
    },
    "problems.rule.unit_over_capacity": {
        "nb": "praksisstedet {unit} ville hatt {count} deltakere i praksis samtidig {span}; "
        "det har {capacity} {capacity:plass|plasser}",
        "en": "host unit {unit} would have {count} students in practice at once "
        "{span}; it has {capacity} {capacity:place|places}",
    },
    "problems.rule.unknown_student": {
        "nb": "ingen deltaker {student}",
        "en": "no student {student}",
    },
    "problems.rule.unknown_cohort": {"nb": "ikke noe kull {cohort}", "en": "no cohort {cohort}"},
    # -- refused changes: "<what> refused", what as the change is named
    "problems.refused": {"nb": "nektet: {what}", "en": "{what} refused"},
    "problems.what.adding the host unit": {
        "nb": "legge til praksisstedet",
        "en": "adding the host unit",
    },
    "problems.what.adding the student": {"nb": "legge til deltakeren", "en": "adding the student"},
    "problems.what.approving make-up work": {
        "nb": "godkjenne kompenserende arbeid",
        "en": "approving make-up work",
    },
    "problems.what.assessing the assignment": {
        "nb": "vurdere oppgaven",
        "en": "assessing the assignment",
    },
    "problems.what.cancelling the absence": {
        "nb": "oppheve fraværet",
        "en": "cancelling the absence",
    },
    "problems.what.cancelling the session": {"nb": "avlyse økten", "en": "cancelling the session"},
    "problems.what.changing the capacity": {
        "nb": "endre kapasiteten",
        "en": "changing the capacity",
    },
    "problems.what.changing the places": {
        "nb": "endre antall plasser",
        "en": "changing the places",
    },
    "problems.what.correcting the session": {"nb": "rette økten", "en": "correcting the session"},
    "problems.what.ending the placement early": {
        "nb": "avslutte praksisperioden tidlig",
        "en": "ending the placement early",
    },
    "problems.what.erasing the person": {"nb": "slette personen", "en": "erasing the person"},
    "problems.what.graduation": {"nb": "uteksaminering", "en": "graduation"},
    "problems.what.logging the reading": {"nb": "føre lesingen", "en": "logging the reading"},
    "problems.what.opening the cohort": {"nb": "opprette kullet", "en": "opening the cohort"},
    "problems.what.placing the student": {"nb": "plassere deltakeren", "en": "placing the student"},
    "problems.what.recording attendance": {
        "nb": "registrere oppmøte",
        "en": "recording attendance",
    },
    "problems.what.recording the absence": {
        "nb": "registrere fraværet",
        "en": "recording the absence",
    },
    "problems.what.scheduling the session": {
        "nb": "sette opp økten",
        "en": "scheduling the session",
    },
    "problems.what.signing off the literature": {
        "nb": "godkjenne litteraturstudiene",
        "en": "signing off the literature",
    },
    "problems.what.starting the assignment": {
        "nb": "starte oppgaven",
        "en": "starting the assignment",
    },
    "problems.what.stripping identifiers": {
        "nb": "fjerne identifikatorer",
        "en": "stripping identifiers",
    },
    "problems.what.submitting the assignment": {
        "nb": "levere oppgaven",
        "en": "submitting the assignment",
    },
    "problems.what.recording the assessment": {
        "nb": "registrere vurderingen",
        "en": "recording the assessment",
    },
    # -- a record's own fields (model/validators.py); what a value was, never quoting text
    "problems.got.sensitive": {
        "nb": "en verdi av typen {type} (vises ikke: sensitivt felt)",
        "en": "a value of type {type} (not shown: sensitive field)",
    },
    "problems.got.text": {
        "nb": "en tekst på {n} {n:tegn|tegn}",
        "en": "a str of {n} {n:character|characters}",
    },
    "problems.got.number": {"nb": "{value} ({type})", "en": "{value} ({type})"},
    "problems.got.type": {"nb": "en verdi av typen {type}", "en": "a value of type {type}"},
    "problems.field.expected": {
        "nb": "forventet {expected}, fikk {got}",
        "en": "expected {expected}, got {got}",
    },
    "problems.field.tuple": {
        "nb": "forventet en tuppel av {expected}, fikk {got}",
        "en": "expected a tuple of {expected}, got {got}",
    },
    "problems.field.text": {"nb": "forventet tekst, fikk {got}", "en": "expected text, got {got}"},
    "problems.field.unstorable": {
        "nb": "forventet tekst uten NUL-tegn eller ensomme surrogater (teksten vises ikke)",
        "en": "expected text without NUL characters or lone surrogates (the text is not shown)",
    },
    "problems.field.empty": {
        "nb": "forventet tekst som ikke er tom, fikk en tom tekst",
        "en": "expected non-empty text, got an empty string",
    },
    "problems.field.too_long": {
        "nb": "forventet høyst {most} tegn, fikk {n}",
        "en": "expected at most {most} characters, got {n}",
    },
    "problems.field.id": {
        "nb": "forventet en id på {allowed}, fikk {got}",
        "en": "expected an id of {allowed}, got {got}",
    },
    "problems.field.id_allowed": {
        "nb": "1 til 64 tegn, hvert en bokstav A-Z eller a-z uten aksent, et siffer 0-9, '.', "
        "'_', ':' eller '-' (ikke æ, ø, å, andre bokstaver med aksent eller mellomrom), det "
        "første en bokstav eller et siffer",
        "en": "1 to 64 characters, each an unaccented letter A-Z or a-z, a digit 0-9, '.', '_', "
        "':' or '-' (no æ, ø, å, other accented letters or spaces), the first a letter or digit",
    },
    "problems.field.id_national": {
        "nb": "forventet en id som ikke er elleve sifre: en id vises i hver sti og melding, og "
        "elleve sifre kan være et fødselsnummer",
        "en": "expected an id that is not eleven digits: an id is shown in every path and "
        "message, and eleven digits may be a national identity number",
    },
    "problems.field.date": {
        "nb": "forventet en dato, fikk {got}",
        "en": "expected a date, got {got}",
    },
    "problems.field.datetime": {
        "nb": "forventet et tidspunkt, fikk {got}",
        "en": "expected a datetime, got {got}",
    },
    "problems.field.naive": {
        "nb": "forventet et tidspunkt med tidssone, fikk et uten",
        "en": "expected a timezone-aware datetime, got a naive one",
    },
    "problems.field.whole": {
        "nb": "forventet et heltall, fikk {got}",
        "en": "expected a whole number, got {got}",
    },
    "problems.field.at_least": {
        "nb": "forventet minst {low}, fikk {value}",
        "en": "expected at least {low}, got {value}",
    },
    "problems.field.between": {
        "nb": "forventet minst {low} og høyst {high}, fikk {value}",
        "en": "expected at least {low} and at most {high}, got {value}",
    },
    "problems.field.choice": {
        "nb": "forventet en av {choices} ({kind}), fikk {got}",
        "en": "expected one of {choices} ({kind}), got {got}",
    },
    # -- values (model/values.py)
    "problems.value.bool": {
        "nb": "forventet et eksakt tall, fikk en sannhetsverdi ({value})",
        "en": "expected an exact number, got a bool ({value})",
    },
    "problems.value.float": {
        "nb": "forventet et eksakt tall, fikk flyttallet {value}; gi det som en tekst eller "
        "Decimal ({example})",
        "en": "expected an exact number, got the binary float {value}; give it as a string or "
        "Decimal ({example})",
    },
    "problems.value.not_a_number": {
        "nb": "forventet et tall som '3.5', fikk tekst som ikke er et tall",
        "en": "expected a number such as '3.5', got text that is not a number",
    },
    "problems.value.kind": {
        "nb": "forventet et eksakt tall (int, str eller Decimal), fikk {type}",
        "en": "expected an exact number (int, str or Decimal), got {type}",
    },
    "problems.value.infinite": {
        "nb": "forventet et endelig tall, fikk {what}",
        "en": "expected a finite number, got {what}",
    },
    "problems.value.nan": {"nb": "NaN", "en": "NaN"},
    "problems.value.infinity": {"nb": "en uendelighet", "en": "an infinity"},
    "problems.value.size": {
        "nb": "forventet et tall under 10^{digits} med høyst {places} desimaler",
        "en": "expected a number below 10^{digits} with at most {places} decimals",
    },
    "problems.value.hours": {
        "nb": "forventet 0 eller flere timer, fikk {value}",
        "en": "expected 0 or more hours, got {value}",
    },
    "problems.value.percent": {
        "nb": "forventet en prosent fra 0 til 100, fikk {value}",
        "en": "expected a percentage from 0 to 100, got {value}",
    },
    "problems.value.end_before_start": {
        "nb": "{end} er før start {start}",
        "en": "{end} is before start {start}",
    },
    "problems.value.share_under_one": {
        "nb": "forventet en andel i prosent fra 1 til 100 (eller 0), fikk {value}: skriv 80 for "
        "80 %, ikke 0,8",
        "en": "expected a share in percent from 1 to 100 (or 0), got {value}: write 80 for "
        "80 %, not 0.8",
    },
    "problems.value.weeks": {
        "nb": "forventet 0 eller flere uker, fikk {value}",
        "en": "expected 0 or more weeks, got {value}",
    },
    "problems.span.from": {"nb": "fra {start}", "en": "from {start}"},
    "problems.span.range": {"nb": "{start} til {end}", "en": "{start}..{end}"},
    # -- hiring's hard rules (rules/employment.py, docs/hiring.md)
    "problems.hiring.placement_unit": {
        "nb": "veien inn via praksisstedet krever en praksisperiode ved {unit}, og deltakeren "
        "hadde ingen der",
        "en": "the placement-unit pathway needs a placement at {unit}, "
        "and the student had none there",
    },
    "problems.hiring.unknown_pot": {"nb": "ingen budsjettpott {pot}", "en": "no budget pot {pot}"},
    "problems.hiring.no_certificate": {
        "nb": "en ansettelse betalt av potten krever et kursbevis datert senest startdagen "
        "{start}; deltakeren har {has}",
        "en": "a pot-funded employment needs a certificate dated on or before its "
        "start {start}; the student has {has}",
    },
    "problems.hiring.none": {"nb": "ikke noe kursbevis", "en": "no certificate"},
    "problems.hiring.from": {"nb": "et kursbevis fra {day}", "en": "a certificate from {day}"},
    "problems.hiring.pot_over_capacity": {
        "nb": "budsjettpotten {pot} ville betalt {count} stillinger samtidig {span}; den har "
        "plass til {capacity}",
        "en": "budget pot {pot} would pay {count} positions at once {span}; "
        "it has room for {capacity}",
    },
    # -- students and placements (model/students.py, model/placements.py)
    "problems.student.own": {
        "nb": "forventet egen erfaring og/eller erfaring som pårørende",
        "en": "expected own and/or a relative's experience",
    },
    "problems.student.experience": {
        "nb": "forventet erfaring med psykisk helse og/eller rus",
        "en": "expected experience of mental health and/or substance use",
    },
    "problems.student.marked_twice": {
        "nb": "økt {session} er ført to ganger",
        "en": "session {session} is marked twice",
    },
    "problems.student.transition": {
        "nb": "kan ikke gå fra {before} til {after}; tillatt: {allowed}",
        "en": "cannot go from {before} to {after}; allowed: {allowed}",
    },
    "problems.student.change_before": {
        "nb": "{on} er før forrige endring {previous}",
        "en": "{on} is before the previous change on {previous}",
    },
    "problems.placement.no_weekday": {
        "nb": "forventet minst én praksisdag i uken",
        "en": "expected at least one practice weekday",
    },
    "problems.placement.absent_twice": {
        "nb": "{day} er ført som fravær to ganger",
        "en": "{day} is recorded absent twice",
    },
    "problems.placement.outside": {
        "nb": "{day} er utenfor praksisperioden {start} til {end}",
        "en": "{day} is outside the placement's period {start}..{end}",
    },
    "problems.placement.not_a_practice_day": {
        "nb": "{day} er en {weekday}, ikke en av praksisdagene",
        "en": "{day} is a {weekday}, not one of the placement's practice days",
    },
    "problems.placement.assessed_before_start": {
        "nb": "{on} er før praksisperioden starter {start}",
        "en": "{on} is before the placement starts on {start}",
    },
    "problems.placement.final_before_midway": {
        "nb": "{on} er før midtveisvurderingen {midway}",
        "en": "{on} is before the midway assessment on {midway}",
    },
    "problems.weekday.monday": {"nb": "mandag", "en": "monday"},
    "problems.weekday.tuesday": {"nb": "tirsdag", "en": "tuesday"},
    "problems.weekday.wednesday": {"nb": "onsdag", "en": "wednesday"},
    "problems.weekday.thursday": {"nb": "torsdag", "en": "thursday"},
    "problems.weekday.friday": {"nb": "fredag", "en": "friday"},
    "problems.weekday.saturday": {"nb": "lørdag", "en": "saturday"},
    "problems.weekday.sunday": {"nb": "søndag", "en": "sunday"},
    # -- an employment's own checks (model/hiring.py, docs/hiring.md)
    "problems.employment.percent": {
        "nb": "forventet en stillingsprosent over 0",
        "en": "expected a position percentage above 0",
    },
    "problems.employment.permanent_before": {
        "nb": "en stilling kan ikke bli fast før den starter",
        "en": "a position cannot be made permanent before it starts",
    },
    "problems.employment.permanent_after": {
        "nb": "en stilling kan ikke bli fast etter at den slutter",
        "en": "a position cannot be made permanent after it ends",
    },
    "problems.employment.pot": {
        "nb": "oppgi budsjettpotten nøyaktig når finansieringen er budsjettpotten",
        "en": "name the budget pot exactly when the funding is the budget pot",
    },
    "problems.employment.funding": {
        "nb": "veien inn via budsjettpotten finansieres av budsjettpotten",
        "en": "the budget-pot pathway is funded by the budget pot",
    },
    "problems.employment.end_confirmed": {
        "nb": "bare en ansettelse med en slutt kan få den bekreftet",
        "en": "only an employment with an end can have it confirmed",
    },
    "problems.employment.step_up_benefit": {
        "nb": "en opptrappingsperiode krever AAP",
        "en": "a step-up period needs the AAP benefit",
    },
}
