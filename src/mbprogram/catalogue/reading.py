"""The texts of reading and writing records: documents, stores and sheets (keys ``reading.…``).

The problems the storage layer (``mbprogram.storage``) reports while it reads a
JSON document, an SQLite or PostgreSQL store or a sheet, and while it saves:
what was expected where, never the value that was found (a value is named by
its kind, a number or boolean shown only outside sensitive fields). The English
templates say exactly what the messages said before they had keys; a sheet's
problems are at ``row N, column C`` in both languages (docs/csv.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- composing messages
    "reading.got": {"nb": "{expected}, fikk {got}", "en": "{expected}, got {got}"},
    "reading.as_is": {"nb": "{message}", "en": "{message}"},
    "reading.joined": {"nb": "{first}; {rest}", "en": "{first}; {rest}"},
    "reading.and": {"nb": "{first} og {last}", "en": "{first} and {last}"},
    # -- what a value was, never the value itself
    "reading.kind.null": {"nb": "null", "en": "null"},
    "reading.kind.boolean": {"nb": "en sannhetsverdi", "en": "a boolean"},
    "reading.kind.number": {"nb": "et tall", "en": "a number"},
    "reading.kind.text": {"nb": "tekst", "en": "text"},
    "reading.kind.list": {"nb": "en liste", "en": "a list"},
    "reading.kind.object": {"nb": "et objekt", "en": "an object"},
    "reading.kind.shown": {"nb": "{kind} ({value})", "en": "{kind} ({value})"},
    "reading.kind.blob": {"nb": "en BLOB", "en": "a BLOB"},
    # -- keys of an object
    "reading.missing_key": {"nb": "påkrevd nøkkel mangler", "en": "required key is missing"},
    "reading.unreadable": {"nb": "kunne ikke leses ({kind})", "en": "could not be read ({kind})"},
    "reading.unknown_key.close": {
        "nb": "ukjent nøkkel; mente du {close}?",
        "en": "unknown key; did you mean {close}?",
    },
    "reading.unknown_key.expected": {
        "nb": "ukjent nøkkel; forventet en av {known}",
        "en": "unknown key; expected one of {known}",
    },
    "reading.unknown_keys.one": {"nb": "en ukjent nøkkel", "en": "an unknown key"},
    "reading.unknown_keys.many": {"nb": "{n} ukjente nøkler", "en": "{n} unknown keys"},
    "reading.unknown_keys.hidden": {
        "nb": "{what} (vises ikke: bare en nøkkel som ser ut som en id, blir sitert); "
        "forventet bare {known}",
        "en": "{what} (not shown: only a key that reads like an id is quoted); "
        "expected only {known}",
    },
    "reading.unknown_keys.sensitive": {
        "nb": "{what} (vises ikke: sensitivt felt); forventet bare {known}",
        "en": "{what} (not shown: sensitive field); expected only {known}",
    },
    "reading.student_cohort": {
        "nb": "ukjent nøkkel; en deltaker hører til kullet den står under",
        "en": "unknown key; a student belongs to the cohort it is listed under",
    },
    # -- what a field of a document expects
    "reading.expected.text": {"nb": "forventet tekst", "en": "expected text"},
    "reading.expected.whole": {"nb": "forventet et heltall", "en": "expected a whole number"},
    "reading.expected.snapshot_whole": {
        "nb": "forventet et heltall med tallverdi under 10^15",
        "en": "expected a whole number below 10^15 in magnitude",
    },
    "reading.expected.flag": {"nb": "forventet true eller false", "en": "expected true or false"},
    "reading.expected.date": {
        "nb": "forventet en dato som ÅÅÅÅ-MM-DD",
        "en": "expected a date as YYYY-MM-DD",
    },
    "reading.expected.datetime": {
        "nb": "forventet dato og tid som ÅÅÅÅ-MM-DDTTT:MM:SS med tidsforskyvning fra UTC",
        "en": "expected a date and time as YYYY-MM-DDTHH:MM:SS with a UTC offset",
    },
    "reading.expected.number_length": {
        "nb": "forventet et eksakt tall på høyst {most} tegn, fikk en tekst på {n} tegn",
        "en": "expected an exact number of at most {most} characters, got text of {n}",
    },
    "reading.expected.exact": {
        "nb": "forventet et eksakt tall skrevet som desimaltekst, f.eks. '3.5'",
        "en": "expected an exact number as a decimal string such as '3.5'",
    },
    "reading.expected.weekday_list": {
        "nb": "forventet en liste med ukedager, f.eks. ['mon', 'wed']",
        "en": "expected a list of weekdays such as ['mon', 'wed']",
    },
    "reading.expected.weekdays": {
        "nb": "forventet ulike ukedager blant mon, tue, wed, thu, fri, sat, sun",
        "en": "expected distinct weekdays among mon, tue, wed, thu, fri, sat, sun",
    },
    "reading.expected.role_list": {
        "nb": "forventet en liste med roller blant {choices}",
        "en": "expected a list of roles among {choices}",
    },
    "reading.expected.roles": {
        "nb": "forventet roller blant {choices}",
        "en": "expected roles among {choices}",
    },
    "reading.expected.roles_once": {
        "nb": "forventet hver rolle høyst én gang",
        "en": "expected each role at most once",
    },
    "reading.expected.one_of": {
        "nb": "forventet en av {choices}",
        "en": "expected one of {choices}",
    },
    "reading.expected.national_id": {
        "nb": "forventet et fødselsnummer som en tekst med elleve sifre",
        "en": "expected a national identity number as a string of eleven digits",
    },
    "reading.expected.list": {"nb": "forventet en liste", "en": "expected a list"},
    "reading.expected.object": {"nb": "forventet et objekt", "en": "expected an object"},
    "reading.expected.rules": {
        "nb": "forventet et objekt med programregler",
        "en": "expected an object of programme rules",
    },
    "reading.expected.json_text": {
        "nb": "forventet JSON-tekst, fikk {got}",
        "en": "expected JSON text, got {got}",
    },
    # -- the history
    "reading.history.action": {
        "nb": "forventet en handling som står i docs/format.md",
        "en": "expected an action listed in docs/format.md",
    },
    "reading.history.no_record": {
        "nb": "forventet null: handlingen {action} har ingen post",
        "en": "expected null: the action {action} carries no record",
    },
    "reading.history.wrong_kind": {
        "nb": "kan ikke skrives: ikke en post av den typen handlingen gjelder",
        "en": "cannot be written: not a record of the kind of its action",
    },
    "reading.history.no_document_form": {
        "nb": "kan ikke skrives: den har ingen dokumentform",
        "en": "cannot be written: it has no document form",
    },
    "reading.history.not_held": {
        "nb": "oppføringen gjelder {record}, som dokumentet ikke har",
        "en": "the entry names {record}, which the document does not hold",
    },
    "reading.history.path_misfit": {
        "nb": "oppføringens sti {record} passer ikke til posten",
        "en": "the entry's path {record} does not fit the record",
    },
    "reading.history.record_path": {
        "nb": "forventet en poststi: {reason}",
        "en": "expected a record path: {reason}",
    },
    "reading.path.field_name": {
        "nb": "forventet et feltnavn ved tegn {at}",
        "en": "expected a field name at character {at}",
    },
    "reading.path.unclosed": {
        "nb": "en '[' som ikke er lukket, ved tegn {at}",
        "en": "an unclosed '[' at character {at}",
    },
    "reading.path.keys": {
        "nb": "mer enn én nøkkel ved tegn {at}",
        "en": "more than one key at character {at}",
    },
    "reading.path.dot": {
        "nb": "forventet '.' ved tegn {at}",
        "en": "expected '.' at character {at}",
    },
    "reading.path.end": {
        "nb": "en sti kan ikke slutte med '.'",
        "en": "a path cannot end with '.'",
    },
    "reading.path.other": {"nb": "den kan ikke leses", "en": "it cannot be read"},
    "reading.history.record_type": {
        "nb": "forventet en posttype blant {types}",
        "en": "expected a record type among {types}",
    },
    "reading.history.mixed": {
        "nb": "en oppføring i gjeldende form etter eldre oppføringer",
        "en": "an entry of the current form after older entries",
    },
    # -- JSON text
    "reading.json.long_number": {
        "nb": "et tall på {n} tegn; et tall har høyst {most} (docs/format.md)",
        "en": "a number of {n} characters; a number has at most {most} (docs/format.md)",
    },
    "reading.json.exponent": {
        "nb": "et tall med en eksponent utenfor det som kan leses",
        "en": "a number whose exponent is out of range",
    },
    "reading.json.not_finite": {
        "nb": "forventet et endelig tall, fikk {name}",
        "en": "expected a finite number, got {name}",
    },
    "reading.json.not_text": {
        "nb": "forventet JSON-tekst (str eller bytes), fikk {type}",
        "en": "expected JSON text (str or bytes), got {type}",
    },
    "reading.json.invalid": {
        "nb": "ikke gyldig JSON ({reason} på linje {line}, kolonne {column})",
        "en": "not valid JSON ({reason} at line {line}, column {column})",
    },
    "reading.json.not_utf8": {
        "nb": "ikke et lesbart JSON-dokument (ikke UTF-8-tekst)",
        "en": "not a readable JSON document (not UTF-8 text)",
    },
    "reading.json.too_deep": {
        "nb": "ikke et lesbart JSON-dokument (nøstet for dypt)",
        "en": "not a readable JSON document (nested too deeply)",
    },
    # the JSON decoder's reasons, as Python words them
    "reading.json.reason.value": {"nb": "forventet en verdi", "en": "Expecting value"},
    "reading.json.reason.property": {
        "nb": "forventet et nøkkelnavn i doble anførselstegn",
        "en": "Expecting property name enclosed in double quotes",
    },
    "reading.json.reason.comma": {
        "nb": "forventet skilletegnet ','",
        "en": "Expecting ',' delimiter",
    },
    "reading.json.reason.colon": {
        "nb": "forventet skilletegnet ':'",
        "en": "Expecting ':' delimiter",
    },
    "reading.json.reason.unterminated": {
        "nb": "en tekst som ikke er avsluttet, begynner",
        "en": "Unterminated string starting at",
    },
    "reading.json.reason.control": {
        "nb": "ugyldig kontrolltegn",
        "en": "Invalid control character at",
    },
    "reading.json.reason.escape": {"nb": "ugyldig \\-sekvens", "en": "Invalid \\escape"},
    "reading.json.reason.unicode_escape": {
        "nb": "ugyldig \\uXXXX-sekvens",
        "en": "Invalid \\uXXXX escape",
    },
    "reading.json.reason.extra": {"nb": "mer etter verdien", "en": "Extra data"},
    "reading.json.reason.object_comma": {
        "nb": "komma etter siste verdi i et objekt",
        "en": "Illegal trailing comma before end of object",
    },
    "reading.json.reason.array_comma": {
        "nb": "komma etter siste verdi i en liste",
        "en": "Illegal trailing comma before end of array",
    },
    # -- a document
    "reading.document.not_object": {
        "nb": 'forventet et objekt med "format": "{format}"',
        "en": 'expected an object with "format": "{format}"',
    },
    "reading.document.format": {
        "nb": "forventet {format}, fikk {got}; denne versjonen av mbprogram leser bare "
        "{readable}-dokumenter",
        "en": "expected {format}, got {got}; this version of mbprogram reads "
        "{readable} documents only",
    },
    "reading.document.no_format": {"nb": "ikke noe format", "en": "no format"},
    "reading.document.not_mbprogram": {
        "nb": "ikke et mbprogram-dokument",
        "en": "not an mbprogram document",
    },
    "reading.document.invalid": {"nb": "ugyldig dokument", "en": "invalid document"},
    "reading.document.rules": {
        "nb": "postene bryter registerets regler",
        "en": "the records break the register's rules",
    },
    "reading.document.unwritable": {
        "nb": "registeret kan ikke skrives",
        "en": "the register cannot be written",
    },
    "reading.document.surrogate": {
        "nb": "en tekst har et ensomt surrogat, som UTF-8 ikke kan holde (vises ikke)",
        "en": "a text holds a lone surrogate, which UTF-8 cannot hold (not shown)",
    },
    "reading.os.no_such_file": {
        "nb": "filen eller mappen finnes ikke",
        "en": "No such file or directory",
    },
    "reading.os.permission": {"nb": "ingen tilgang", "en": "Permission denied"},
    "reading.os.not_permitted": {
        "nb": "handlingen er ikke tillatt",
        "en": "Operation not permitted",
    },
    "reading.os.is_directory": {"nb": "det er en mappe", "en": "Is a directory"},
    "reading.os.not_directory": {"nb": "en del av stien er ikke en mappe", "en": "Not a directory"},
    "reading.os.no_space": {
        "nb": "det er ikke plass igjen på disken",
        "en": "No space left on device",
    },
    "reading.os.read_only": {"nb": "filsystemet kan bare leses", "en": "Read-only file system"},
    "reading.file.cannot_read": {
        "nb": "kan ikke lese {name}: {reason}",
        "en": "cannot read {name}: {reason}",
    },
    "reading.file.cannot_use": {"nb": "kan ikke bruke filen", "en": "cannot use the file"},
    "reading.file.cannot_save": {"nb": "kan ikke lagre", "en": "cannot save"},
    "reading.file.not_sqlite": {
        "nb": "{name} er ikke en SQLite-database",
        "en": "{name} is not an SQLite database",
    },
    "reading.file.unknown_kind": {
        "nb": "{name} er verken et SQLite-lager eller et .json-dokument; gi et dokument navnet "
        "*.json, et lager *.sqlite",
        "en": "{name} is neither an SQLite store nor a .json document; name a document "
        "*.json, a store *.sqlite",
    },
    "reading.file.suffix": {
        "nb": "kan ikke se hva slags fil det er ut fra {suffix}; bruk {known}",
        "en": "cannot tell the kind of file from {suffix}; use {known}",
    },
    "reading.file.no_suffix": {"nb": "'ingen filendelse'", "en": "'no suffix'"},
    "reading.file.path": {
        "nb": "forventet en filsti (str eller Path), fikk {type}",
        "en": "expected a file path (str or Path), got {type}",
    },
    "reading.file.hard_links": {
        "nb": "{name} er en fil med {links} navn (harde lenker); å erstatte den ville latt de "
        "andre navnene beholde de gamle postene, også en slettet persons: fjern de andre "
        "lenkene, eller lagre under et nytt navn",
        "en": "{name} is a file with {links} names (hard links); replacing it would leave the "
        "other names holding the old records, an erased person's too: remove the other "
        "links, or save under a new name",
    },
    "reading.file.not_demo": {
        "nb": "{name} er et mbprogram-lager som demoen ikke skrev; postene er latt være som de "
        "var. Velg en annen fil, eller gi --force for å erstatte dem med demoens",
        "en": "{name} is an mbprogram store that the demo did not write; its records are left "
        "as they were. Choose another file, or pass --force to replace them with the demo's",
    },
    # -- a store (SQLite or PostgreSQL)
    "reading.store.cannot_use": {"nb": "kan ikke bruke lageret", "en": "cannot use the store"},
    "reading.store.what.read": {"nb": "lese lageret", "en": "read the store"},
    "reading.store.what.save": {"nb": "lagre i lageret", "en": "save to the store"},
    "reading.store.what.migrate": {"nb": "oppgradere lageret", "en": "migrate the store"},
    "reading.store.what.open": {"nb": "åpne lageret", "en": "open the store"},
    "reading.store.what.change": {"nb": "endre lageret", "en": "change the store"},
    "reading.store.locked": {
        "nb": "{path} er låst av en annen prosess; kunne ikke {what}: prøv igjen",
        "en": "{path} is locked by another process; could not {what}: try again",
    },
    "reading.store.failed": {
        "nb": "kunne ikke {what} i {path} ({reason})",
        "en": "could not {what} at {path} ({reason})",
    },
    "reading.store.failed_unwritten": {
        "nb": "kunne ikke {what} i {path} ({reason}); ingenting ble skrevet",
        "en": "could not {what} at {path} ({reason}); nothing was written",
    },
    "reading.store.sqlite_module": {
        "nb": "{kind} fra sqlite3-modulen",
        "en": "{kind} from the sqlite3 module",
    },
    "reading.store.not_store": {
        "nb": "{name} er {what}, ikke et mbprogram-lager",
        "en": "{name} is {what}, not an mbprogram store",
    },
    "reading.store.empty_file": {"nb": "en tom fil", "en": "an empty file"},
    "reading.store.not_sqlite": {"nb": "ikke en SQLite-database", "en": "not an SQLite database"},
    "reading.store.unreadable_db": {
        "nb": "{path} er ikke en lesbar SQLite-database ({reason})",
        "en": "{path} is not a readable SQLite database ({reason})",
    },
    "reading.store.empty_db": {
        "nb": "{path} er en tom database, ikke et mbprogram-lager",
        "en": "{path} is an empty database, not an mbprogram store",
    },
    "reading.store.other_app": {
        "nb": "{path} er ikke et mbprogram-lager (databasen til et annet program)",
        "en": "{path} is not an mbprogram store (another application's database)",
    },
    "reading.store.newer": {
        "nb": "{path} har skjemaversjon {version}; denne versjonen av mbprogram leser versjoner "
        "til og med {most}: oppgrader mbprogram for å åpne det",
        "en": "{path} has schema version {version}; this mbprogram reads versions up "
        "to {most}: upgrade mbprogram to open it",
    },
    "reading.store.schema": {
        "nb": "{path} er ikke det mbprogram-lageret det gir seg ut for å være; skjemaet avviker "
        "fra skjemaet i versjon {version}: {differences}. Ingenting ble lest eller skrevet",
        "en": "{path} is not the mbprogram store it claims to be; its schema differs from "
        "that of version {version}: {differences}. Nothing was read or written",
    },
    "reading.store.tables": {
        "nb": "{path} er ikke det mbprogram-lageret det gir seg ut for å være; tabellene avviker "
        "fra tabellene i versjon {version}: {differences}. Ingenting ble lest eller skrevet",
        "en": "{path} is not the mbprogram store it claims to be; its tables differ from "
        "those of version {version}: {differences}. Nothing was read or written",
    },
    "reading.store.missing": {
        "nb": "det finnes ikke noe lager i {name}; gi create=True for å lage et",
        "en": "there is no store at {name}; pass create=True to make one",
    },
    "reading.store.cannot_create": {
        "nb": "kan ikke lage {name}: {reason}",
        "en": "cannot create {name}: {reason}",
    },
    "reading.store.cannot_open": {
        "nb": "kan ikke åpne {name}: {reason}",
        "en": "cannot open {name}: {reason}",
    },
    "reading.store.saved_meanwhile": {
        "nb": "{path} er lagret av noen andre siden det ble lest her (lageret er på revisjon "
        "{current}, {where} her); ingenting ble skrevet: les det igjen, gjør endringen på nytt "
        "og lagre igjen",
        "en": "{path} was saved by someone else since it was loaded here (store at revision "
        "{current}, {where} here); nothing was written: load it again, re-apply the change "
        "and save again",
    },
    "reading.store.never_loaded": {"nb": "aldri lest", "en": "never loaded"},
    "reading.store.loaded_at": {"nb": "på {revision}", "en": "at {revision}"},
    "reading.store.surrogate": {
        "nb": "kan ikke lagre i {path}: en tekst i registeret kan ikke skrives som UTF-8 (et "
        "ensomt surrogat; teksten vises ikke); ingenting ble skrevet",
        "en": "cannot save to {path}: a text of the register cannot be written as "
        "UTF-8 (a lone surrogate; the text is not shown); nothing was written",
    },
    "reading.store.not_kept": {
        "nb": "{path} beholdt ikke det som ble lagret ({differences}); ingenting ble lagret. Det "
        "oppfører seg ikke som et mbprogram-lager: sjekk det, eller gjenopprett det fra en "
        "sikkerhetskopi, før du lagrer i det igjen",
        "en": "{path} did not keep what was saved ({differences}); nothing was saved. It does "
        "not behave as an mbprogram store: check it, or restore it from a backup, before "
        "saving to it again",
    },
    "reading.store.invalid_records": {
        "nb": "ugyldige poster i {store}",
        "en": "invalid records in {store}",
    },
    "reading.store.row_id": {
        "nb": "radens id er ikke en gyldig id (vises ikke)",
        "en": "the row's id is not a valid id (not shown)",
    },
    "reading.store.row_cohort": {
        "nb": "radens kull er ikke en gyldig id (vises ikke)",
        "en": "the row's cohort is not a valid id (not shown)",
    },
    "reading.store.body_id": {
        "nb": "id-en i radens innhold er ikke radens id",
        "en": "the id in the row's body is not the row's id",
    },
    "reading.store.meta_damaged": {
        "nb": "{path} er skadet: meta-tabellen har {problems}",
        "en": "{path} is damaged: its meta table holds {problems}",
    },
    "reading.meta.twice": {"nb": "nøkkelen {key} to ganger", "en": "the key {key} twice"},
    "reading.meta.unknown": {
        "nb": "{n:den ukjente nøkkelen|de ukjente nøklene} {keys}",
        "en": "the unknown {n:key|keys} {keys}",
    },
    "reading.meta.hidden": {
        "nb": "{n} {n:ukjent nøkkel|ukjente nøkler} (vises ikke)",
        "en": "{n} unknown key(s) (not shown)",
    },
    "reading.meta.revision": {
        "nb": "ingen revisjon på 1 til {most} sifre",
        "en": "no revision of 1 to {most} digits",
    },
    "reading.meta.synthetic": {
        "nb": "ingen synthetic_ids på 0 eller 1",
        "en": "no synthetic_ids of 0 or 1",
    },
    "reading.meta.demo": {"nb": "et demomerke som ikke er 1", "en": "a demo mark that is not 1"},
    # what differs in a store that is not what it claims to be
    "reading.schema.the.table": {"nb": "tabellen", "en": "table"},
    "reading.schema.the.index": {"nb": "indeksen", "en": "index"},
    "reading.schema.the.function": {"nb": "funksjonen", "en": "function"},
    "reading.schema.the.trigger": {"nb": "triggeren", "en": "trigger"},
    "reading.schema.the.view": {"nb": "visningen", "en": "view"},
    "reading.schema.a.table": {"nb": "tabell", "en": "table"},
    "reading.schema.a.index": {"nb": "indeks", "en": "index"},
    "reading.schema.a.trigger": {"nb": "trigger", "en": "trigger"},
    "reading.schema.a.view": {"nb": "visning", "en": "view"},
    "reading.schema.a.column": {"nb": "kolonne", "en": "column"},
    "reading.schema.named": {"nb": "{kind} {name}", "en": "{kind} {name}"},
    "reading.schema.unnamed": {
        "nb": "{kind} (navnet vises ikke)",
        "en": "{kind} (its name is not shown)",
    },
    "reading.schema.missing": {"nb": "{kind} {name} mangler", "en": "the {kind} {name} is missing"},
    "reading.schema.different": {
        "nb": "{kind} {name} er definert annerledes",
        "en": "the {kind} {name} is defined differently",
    },
    "reading.schema.extra": {"nb": "en ekstra {named}{on}", "en": "an extra {named}{on}"},
    "reading.schema.on": {"nb": " på {table}", "en": " on the {table}"},
    "reading.schema.lacks": {
        "nb": "tabellen {table} mangler kolonnen {column}",
        "en": "the table {table} lacks the column {column}",
    },
    "reading.schema.column_different": {
        "nb": "kolonnen {column} i tabellen {table} er definert annerledes",
        "en": "the column {column} of the table {table} is defined differently",
    },
    "reading.schema.extra_column": {
        "nb": "tabellen {table} har en ekstra {named}",
        "en": "the table {table} has an extra {named}",
    },
    "reading.schema.extra_columns": {
        "nb": "tabellen {table} har {n} {n:ekstra kolonne|ekstra kolonner}",
        "en": "the table {table} has {n} extra column(s)",
    },
    "reading.unsaved.extra_rows": {
        "nb": "tabellen {table} har {n} {n:rad|rader} som ikke ble lagret",
        "en": "the table {table} holds {n} row(s) that were not saved",
    },
    "reading.unsaved.rows": {
        "nb": "tabellen {table} har ikke radene som ble lagret",
        "en": "the table {table} does not hold the rows saved",
    },
    "reading.unsaved.history_count": {
        "nb": "historikken har {found} endringer der {saved} ble lagret",
        "en": "the history holds {found} changes where {saved} were saved",
    },
    "reading.unsaved.history": {
        "nb": "historikken har ikke endringene som ble lagret",
        "en": "the history does not hold the changes saved",
    },
    "reading.unsaved.meta": {
        "nb": "meta-tabellen har ikke revisjonen som ble lagret",
        "en": "the meta table does not hold the revision saved",
    },
    "reading.store.readable_by_others": {
        "nb": "{name} kan leses eller skrives av andre brukere (modus {mode}) og har "
        "helseopplysninger (særlige kategorier): gjør den lesbar bare for eieren med "
        "chmod 600 {name}",
        "en": "{name} can be read or written by other users (mode {mode}) and holds "
        "special-category health data: make it readable by its owner only with "
        "chmod 600 {name}",
    },
    "reading.store.unsealed": {
        "nb": "endringen ble lagret i {name}, men oppføringene i historikken kunne ikke "
        "forsegles nå; de venter i lageret, og neste endring forsegler dem",
        "en": "the change was saved at {name}, but its history entries could not "
        "be sealed now; they wait in the store, and the next change seals them",
    },
    "reading.store.invalid_history": {
        "nb": "ugyldig historikk i {store}",
        "en": "invalid history in {store}",
    },
    "reading.store.race": {
        "nb": "{name}: en samtidig endring av de samme postene kom først; ingenting ble skrevet: "
        "prøv igjen",
        "en": "{name}: a concurrent change won the race for the same records; "
        "nothing was written: try again",
    },
    "reading.store.key_taken": {
        "nb": "kunne ikke endre lageret i {name} ({constraint}: en nøkkel endringen skriver, er "
        "tatt); ingenting ble skrevet",
        "en": "could not change the store at {name} ({constraint}: a key the change writes is "
        "taken); nothing was written",
    },
    "reading.store.records_not_found": {
        "nb": "fant ikke postene en endring i {name} trenger",
        "en": "could not find the records a change on {name} needs",
    },
    "reading.store.whole_register": {
        "nb": "å slette en person eller fjerne identifikatorer endrer historikken til hele "
        "registeret: gjør den endringen på hele registeret (uten kull); ingenting ble skrevet",
        "en": "erasing a person or stripping identifiers changes the whole register's "
        "history: make that change on the whole register (without cohorts); nothing was written",
    },
    "reading.store.url": {
        "nb": "forventet en postgresql://-URL",
        "en": "expected a postgresql:// URL",
    },
    "reading.store.cannot_connect": {
        "nb": "kan ikke koble til {name}: {reason}",
        "en": "cannot connect to {name}: {reason}",
    },
    "reading.store.not_demo": {
        "nb": "{name} er et mbprogram-lager som demoen ikke skrev; postene er latt være som de "
        "var. Velg et annet lager, eller gi --force for å erstatte dem med demoens",
        "en": "{name} is an mbprogram store that the demo did not write; its records are left "
        "as they were. Choose another store, or pass --force to replace them with the demo's",
    },
    "reading.store.ids.cohorts": {"nb": "kull", "en": "cohorts"},
    "reading.store.ids.students": {"nb": "deltaker", "en": "students"},
    "reading.store.ids_text": {
        "nb": "forventet en samling {what}-id-er, fikk én tekst",
        "en": "expected a collection of {what} ids, got one text",
    },
    "reading.store.ids_invalid": {
        "nb": "forventet {what}-id-er (én er ikke en gyldig id; den vises ikke)",
        "en": "expected {what} ids (one is not a valid id; it is not shown)",
    },
    "reading.store.pg_meta": {
        "nb": "{name} har en tabell meta som ikke hører til et mbprogram-lager",
        "en": "{name} holds a table meta that is not an mbprogram store's",
    },
    # -- a sheet: the file, the header and the cells (never quoted)
    "reading.where.file": {"nb": "fil", "en": "file"},
    "reading.where.row": {"nb": "rad {row}", "en": "row {row}"},
    "reading.where.cell": {"nb": "rad {row}, kolonne {column}", "en": "row {row}, column {column}"},
    "reading.sheet.bad_encoding": {
        "nb": "filen er {encoding}, men kan ikke leses som det (avkortet, eller ikke tekst)",
        "en": "the file is {encoding}, but not readable as such (cut short, or not text)",
    },
    "reading.sheet.unmarked_utf16": {
        "nb": "filen ser ut som UTF-16 uten byte-rekkefølgemerke (BOM), som ikke kan leses "
        "trygt; lagre arket som «CSV UTF-8» eller som «Unicode-tekst» igjen",
        "en": "the file looks like UTF-16 without a byte-order mark, which cannot be read "
        "safely; save the sheet as 'CSV UTF-8' or as 'Unicode text' again",
    },
    "reading.sheet.both": {
        "nb": "en kolonne {field} i et ark med en kolonne for hver {extra}; gi det ene eller det "
        "andre, ikke begge",
        "en": "a {field} column in a sheet with a column for each {extra}; give either, not both",
    },
    # a sheet's fields, as a message names them (the header names are in docs/csv.md)
    "reading.sheet.field.student": {"nb": "deltaker", "en": "student"},
    "reading.sheet.field.name": {"nb": "navn", "en": "name"},
    "reading.sheet.field.national_id": {"nb": "fødselsnummer", "en": "national_id"},
    "reading.sheet.field.email": {"nb": "e-post", "en": "email"},
    "reading.sheet.field.phone": {"nb": "telefon", "en": "phone"},
    "reading.sheet.field.status": {"nb": "status", "en": "status"},
    "reading.sheet.field.date": {"nb": "dato", "en": "date"},
    "reading.sheet.field.note": {"nb": "merknad", "en": "note"},
    "reading.sheet.field.unit": {"nb": "praksissted", "en": "unit"},
    "reading.sheet.field.capacity": {"nb": "kapasitet", "en": "capacity"},
    "reading.sheet.field.kind": {"nb": "type", "en": "kind"},
    "reading.sheet.field.placement": {"nb": "plassering", "en": "placement"},
    "reading.sheet.field.supervisor": {"nb": "veileder", "en": "supervisor"},
    "reading.sheet.field.start": {"nb": "start", "en": "start"},
    "reading.sheet.field.end": {"nb": "slutt", "en": "end"},
    "reading.sheet.field.weekdays": {"nb": "ukedager", "en": "weekdays"},
    "reading.sheet.field.session": {"nb": "økt", "en": "session"},
    "reading.sheet.field.hours": {"nb": "timer", "en": "hours"},
    "reading.sheet.field.reason": {"nb": "grunn", "en": "reason"},
    "reading.sheet.extra.session_date": {"nb": "øktdato", "en": "session date"},
    "reading.sheet.expected_or_extra": {
        "nb": "{names}, eller en {extra}",
        "en": "{names}, or a {extra}",
    },
    "reading.cell.hours": {
        "nb": "forventet timer som 3,5 eller 3.5",
        "en": "expected hours such as 3,5 or 3.5",
    },
    "reading.cell.negative": {
        "nb": "forventet 0 eller flere timer, fikk et negativt tall",
        "en": "expected 0 or more hours, got a negative number",
    },
    "reading.cell.count": {
        "nb": "forventet et heltall som 4",
        "en": "expected a whole number such as 4",
    },
    "reading.cell.date": {
        "nb": "forventet en dato som 07.01.2026 eller 2026-01-07",
        "en": "expected a date such as 07.01.2026 or 2026-01-07",
    },
    "reading.cell.calendar": {
        "nb": "forventet en dag som finnes i kalenderen; dagen eller måneden er utenfor",
        "en": "expected a day in the calendar; the day or month is out of range",
    },
    "reading.cell.weekdays": {
        "nb": "forventet ukedager som man,ons,tor eller mon,wed,thu",
        "en": "expected weekdays such as man,ons,tor or mon,wed,thu",
    },
    "reading.cell.code": {
        "nb": "ikke en kjent oppmøtekode; forventet F, fravær eller excused (gyldig fravær), "
        "U, ugyldig eller unexcused (ugyldig fravær), eller møtt eller present",
        "en": "not a known attendance code; expected F, fravær or excused (excused absence), "
        "U, ugyldig or unexcused (unexcused absence), or møtt or present",
    },
    "reading.cell.status": {
        "nb": "ikke en kjent status; forventet søker/applicant, tatt opp/admitted, aktiv/active, "
        "permisjon/on leave eller sluttet/withdrawn",
        "en": "not a known status; expected søker/applicant, tatt opp/admitted, aktiv/active, "
        "permisjon/on leave or sluttet/withdrawn",
    },
}
