"""The message catalogue: one Norwegian bokmål and one English template per finding code.

Templates are filled from a finding's details (ids, dates and numbers only).
A placeholder with two words after a colon picks one by the number it names:
``{remaining} {remaining:hour|hours}`` reads ``1 hour`` but ``0.5 hours`` and
``32 hours`` (the singular is for exactly one, in both languages).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Final

from mbprogram.exceptions import InvalidValueError

__all__ = ["TEMPLATES", "placeholders", "render"]

#: ``code -> {"nb": template, "en": template}``.
TEMPLATES: Final[Mapping[str, Mapping[str, str]]] = {
    "THEORY_HOURS_SHORT": {
        "nb": "Godkjente teoritimer er {credited} av {required} t; det mangler {missing} t.",
        "en": "Credited theory hours are {credited} of {required} h; {missing} h are missing.",
    },
    "THEORY_ATTENDANCE_LOW": {
        "nb": "Oppmøtet i teoriundervisningen er {share} % av {held} t holdt; "
        "kravet er minst {minimum} %.",
        "en": "Attendance at theory teaching is {share} % of {held} h held; "
        "at least {minimum} % is required.",
    },
    "PRACTICE_WEEKS_SHORT": {
        "nb": "Praksis er {weeks} av {required} uker; det mangler {missing} uker.",
        "en": "Practice is {weeks} of {required} weeks; {missing} weeks are missing.",
    },
    "PRACTICE_ATTENDANCE_LOW": {
        "nb": "Oppmøtet i praksis er {attended} av {expected} praksisdager ({share} %); "
        "kravet er minst {minimum} %.",
        "en": "Practice attendance is {attended} of {expected} practice days ({share} %); "
        "at least {minimum} % is required.",
    },
    "LITERATURE_NOT_SIGNED_OFF": {
        "nb": "Litteraturstudiene er ikke godkjent (signert) ennå.",
        "en": "Literature studies have not been signed off yet.",
    },
    "ASSIGNMENT_NOT_APPROVED": {
        "nb": "Den avsluttende oppgaven er ikke godkjent (status: {state}).",
        "en": "The final assignment is not approved (state: {state}).",
    },
    "ASSIGNMENT_ATTEMPTS_EXHAUSTED": {
        "nb": "Alle {maximum} innleveringer av oppgaven er brukt, og ingen er godkjent.",
        "en": "All {maximum} submissions of the assignment are used and none is approved.",
    },
    "STUDENT_WITHDRAWN": {
        "nb": "Deltakeren sluttet {on}.",
        "en": "The student withdrew on {on}.",
    },
    "PLACEMENT_CAUSE_FOR_CONCERN": {
        "nb": "Praksisveileder meldte bekymring i vurderingen {on} ({stage}).",
        "en": "The supervisor raised a concern in the assessment of {on} ({stage}).",
    },
    "HOST_UNIT_OVER_CAPACITY": {
        "nb": "{count} deltakere i praksis samtidig {period}; "
        "praksisstedet har plass til {capacity}.",
        "en": "{count} students in practice at once {period}; the unit has {capacity} places.",
    },
    "COHORT_OVER_PLACES": {
        "nb": "{enrolled} deltakere er tatt opp i kullet, som har plass til {places}.",
        "en": "{enrolled} students are enrolled in the cohort, which has {places} places.",
    },
    "BUDGET_POT_OVER_CAPACITY": {
        "nb": "{count} stillinger betales av budsjettpotten samtidig {period}; "
        "den har plass til {capacity}.",
        "en": "{count} positions are paid from the budget pot at once {period}; "
        "it has room for {capacity}.",
    },
    "BUDGET_POT_WITHOUT_CERTIFICATE": {
        "nb": "Ansettelsen betalt av budsjettpotten starter {start}, "
        "men kursbevis er {certificate}.",
        "en": "The pot-funded employment starts {start}, but the certificate is {certificate}.",
    },
    "SINGLE_PEER_WORKER_IN_UNIT": {
        "nb": "Enheten har bare én aktiv medarbeider med brukererfaring; "
        "ønsket er minst to per avdeling.",
        "en": "The unit has only one active peer worker; the wish is at least two per department.",
    },
    "NO_SUPERVISION": {
        "nb": "Ansettelsen har ingen avtale om veiledning.",
        "en": "The employment has no supervision arrangement.",
    },
    "TEMPORARY_ENDING_UNDECIDED": {
        "nb": "Det midlertidige arbeidsforholdet slutter {end} ({days} dager), "
        "og det er ikke avgjort om det blir fast.",
        "en": "The temporary employment ends on {end} (in {days} days) "
        "with no decision on making it permanent.",
    },
    "PANEL_WITHOUT_USER_REPRESENTATIVE": {
        "nb": "Ansettelsesutvalget hadde ingen representant fra en brukerorganisasjon.",
        "en": "The hiring panel had no representative of a user organisation.",
    },
    # The message does not name the benefit: benefits are sensitive.
    "AAP_POSITION_ABOVE_LIMIT": {
        "nb": "Aktive stillinger utgjør til sammen {total} %, over grensen på {limit} % "
        "som gjelder ved ytelsen personen mottar ved siden av lønn.",
        "en": "Active positions add up to {total} %, above the {limit} % limit that applies "
        "to the benefit this person receives beside the salary.",
    },
    # The forecast (docs/rules.md, Forecast): what attending everything planned would give.
    "THEORY_AT_RISK": {
        "nb": "For å nå teorikravet etter planen må deltakeren delta i {needed} av "
        "{remaining} gjenstående {remaining:time|timer}.",
        "en": "To meet the theory requirement on plan the student must attend {needed} of "
        "the remaining {remaining} {remaining:hour|hours}.",
    },
    "THEORY_UNREACHABLE": {
        "nb": "Teorikravet kan ikke nås etter planen: det mangler {needed} {needed:time|timer}, "
        "og bare {remaining} {remaining:time|timer} gjenstår i timeplanen.",
        "en": "The theory requirement cannot be met on plan: {needed} {needed:hour is|hours are} "
        "missing and only {remaining} {remaining:hour is|hours are} left in the schedule.",
    },
    "PRACTICE_AT_RISK": {
        "nb": "For å nå praksiskravet etter planen må deltakeren møte {needed} av "
        "{remaining} gjenstående {remaining:praksisdag|praksisdager}.",
        "en": "To meet the practice requirement on plan the student must attend {needed} of "
        "the remaining {remaining} practice {remaining:day|days}.",
    },
    "PRACTICE_UNREACHABLE": {
        "nb": "Praksiskravet kan ikke nås etter planen: med alle {remaining} gjenstående "
        "{remaining:praksisdag|praksisdager} blir det {possible} av {required} "
        "{required:uke|uker}.",
        "en": "The practice requirement cannot be met on plan: all {remaining} remaining "
        "practice {remaining:day gives|days give} {possible} of {required} "
        "{required:week|weeks}.",
    },
    "ATTENDANCE_SHARE_AT_RISK": {
        "nb": "Oppmøtet i {part} kan bli høyst {best} %, og kravet er minst {minimum} %: "
        "{under} {under:gang|ganger} fravær til får det under kravet.",
        "en": "Attendance in {part} can reach at most {best} %, and at least {minimum} % is "
        "required: {under} more {under:absence takes|absences take} it below the minimum.",
    },
    "ATTENDANCE_SHARE_UNREACHABLE": {
        "nb": "Oppmøtet i {part} kan bli høyst {best} % selv om deltakeren møter til alt "
        "som er planlagt; kravet er minst {minimum} %.",
        "en": "Attendance in {part} can reach at most {best} % even if the student attends "
        "everything planned; at least {minimum} % is required.",
    },
}


#: Words that details carry in English, as they read in bokmål.
_BOKMAL: Final[Mapping[str, str]] = {
    "midway": "midtveis",
    "final": "slutt",
    "not-started": "ikke påbegynt",
    "submitted": "levert",
    "not-approved": "ikke godkjent",
    "approved": "godkjent",
    "theory teaching": "teoriundervisningen",
    "practice": "praksis",
}
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _bokmal(value: str) -> str:
    """A detail as it reads in bokmål: a decimal comma, and the few English words translated."""
    if _DECIMAL.fullmatch(value):
        return value.replace(".", ",")
    return _BOKMAL.get(value, value)


class _Catalogue(string.Formatter):
    """``str.format`` with one addition: ``{n:one|other}`` is the word for the number ``n``."""

    def format_field(self, value: object, format_spec: str) -> str:
        one, bar, other = format_spec.partition("|")
        if not bar:
            return str(super().format_field(value, format_spec))
        return one if _is_one(str(value)) else other


def _is_one(number: str) -> bool:
    """Whether a detail is the number one (``"1"``, or ``"1,0"`` in bokmål)."""
    try:
        return Decimal(number.replace(",", ".")) == 1
    except InvalidOperation:
        return False


_FORMATTER: Final = _Catalogue()


def placeholders(template: str) -> frozenset[str]:
    """The details a template is filled from (each name once, whatever its word choices)."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name is not None)


def render(code: str, lang: str, details: Mapping[str, str]) -> str:
    """Fill the ``lang`` template of ``code`` with ``details``.

    In bokmål numbers take a decimal comma (``11,5 t``) and the states and
    stages in the details are translated. ``{n:one|other}`` picks the word for
    the number ``n`` (module docstring).

    Raises:
        InvalidValueError: for a language other than ``nb`` or ``en``.
    """
    if lang not in ("nb", "en"):
        raise InvalidValueError("lang", f"expected 'nb' or 'en', got {str(lang)[:10]!r}")
    if lang == "nb":
        details = {k: _bokmal(v) for k, v in details.items()}
    return _FORMATTER.vformat(TEMPLATES[code][lang], (), details)
