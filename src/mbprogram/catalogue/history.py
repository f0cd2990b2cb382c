"""The texts of the history read back: ``mbprogram history``, ``--as-known-at`` and their words.

``history.*`` keys say a record's part before and after in words
(:mod:`mbprogram.reports.history`); ``cli.history.*`` and
``cli.option.as_known_at`` are the command line's (docs/cli.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- the command
    "cli.history.help": {
        "nb": "hvem som endret hva og når, med før → etter",
        "en": "who changed what and when, with before → after",
    },
    "cli.history.description": {
        "nb": "List historikken i FIL, eldste først: når, hvem, handlingen, posten og hva "
        "den var før → etter, i ord. Fritekst og identitetsnumre vises aldri.",
        "en": "List the history of FILE, oldest first: when, who, the action, the record "
        "and what it was before → after, in words. Free text and identity numbers are "
        "never shown.",
    },
    "cli.history.record": {
        "nb": "bare endringer av denne posten og det den holder, f.eks. cohorts[K1].students[S-01]",
        "en": "only changes to this record and what it holds, e.g. cohorts[K1].students[S-01]",
    },
    "cli.history.since": {
        "nb": "bare endringer fra dette tidspunktet (ISO-dato og -tid; en dato alene er "
        "starten av dagen, Europe/Oslo)",
        "en": "only changes from this moment on (ISO date and time; a date alone is the "
        "start of that day, Europe/Oslo)",
    },
    "cli.history.none": {
        "nb": "Ingen endringer i historikken passer.",
        "en": "No change in the history matches.",
    },
    "cli.history.bad_record": {
        "nb": "forventet en poststi som cohorts[K1].students[S-01] ({reason})",
        "en": "expected a record path such as cohorts[K1].students[S-01] ({reason})",
    },
    "cli.option.as_known_at": {
        "nb": "vis rapporten slik den ville blitt skrevet ut på dette tidspunktet, bygd fra "
        "historikken (ISO-dato og -tid; en dato alene er slutten av dagen, Europe/Oslo)",
        "en": "print the report as it would have been printed at this moment, rebuilt from "
        "the history (ISO date and time; a date alone is the end of that day, Europe/Oslo)",
    },
    "cli.option.bad_moment": {
        "nb": "forventet en dato (ÅÅÅÅ-MM-DD) eller dato og tid (ÅÅÅÅ-MM-DDTTT:MM[:SS][±TT:MM])",
        "en": "expected a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[:SS][±HH:MM])",
    },
    "cli.validate.history": {
        "nb": "historikken er forseglet og gir postene (siste kjedeverdi {chain})",
        "en": "the history is sealed and replays to the records (last chain value {chain})",
    },
    "cli.validate.history_empty": {
        "nb": "historikken er tom",
        "en": "the history is empty",
    },
    # -- a part before and after, in words
    "history.nothing": {"nb": "ingenting", "en": "nothing"},
    "history.present": {"nb": "til stede {hours} t", "en": "present {hours} h"},
    "history.excused": {"nb": "gyldig fravær", "en": "excused absence"},
    "history.unexcused": {"nb": "ugyldig fravær", "en": "unexcused absence"},
    "history.number": {"nb": "{n}", "en": "{n}"},
    "history.day": {"nb": "{on}", "en": "{on}"},
    "history.text": {"nb": "(tekst, vises ikke)", "en": "(text, not shown)"},
    "history.items": {
        "nb": "{n} {n:oppføring|oppføringer}",
        "en": "{n} {n:entry|entries}",
    },
    "history.period": {"nb": "{start} til {end}", "en": "{start} to {end}"},
    "history.status": {"nb": "{status} fra {on}", "en": "{status} from {on}"},
    "history.record": {"nb": "{kind} {id}", "en": "{kind} {id}"},
    "history.dated": {"nb": "registrert {on}", "en": "recorded {on}"},
    "history.recorded": {"nb": "registrert", "en": "recorded"},
    "history.kind.cohort": {"nb": "kull", "en": "cohort"},
    "history.kind.student": {"nb": "deltaker", "en": "student"},
    "history.kind.host_unit": {"nb": "praksissted", "en": "host unit"},
    "history.kind.budget_pot": {"nb": "budsjettpott", "en": "budget pot"},
    "history.kind.employment": {"nb": "ansettelse", "en": "employment"},
    "history.kind.outcome": {"nb": "utfall", "en": "outcome"},
    "history.kind.session": {"nb": "samling", "en": "session"},
    "history.kind.make_up": {"nb": "kompenserende arbeid", "en": "make-up work"},
    "history.kind.placement": {"nb": "praksisperiode", "en": "placement"},
    "history.kind.other": {"nb": "post", "en": "record"},
    "history.erased": {
        "nb": "en person ble slettet (hvem sies ikke)",
        "en": "a person was erased (who is not said)",
    },
    "history.stripped": {
        "nb": "identifikatorer ble fjernet",
        "en": "identifiers were stripped",
    },
}
