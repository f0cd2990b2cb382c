"""The findings' messages: one bokmål and one English template per finding code.

Templates are filled from a finding's details (ids, dates and numbers only);
docs/rules.md lists the codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

#: ``code -> {"nb": template, "en": template}``.
TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
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
