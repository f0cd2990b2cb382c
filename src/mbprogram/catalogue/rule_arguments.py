"""Texts of the rules' argument checks: what an evaluation, forecast or report call expected."""

from __future__ import annotations

from typing import Final

TEXTS: Final = {
    "rule_arguments.cohort_ids": {
        "nb": "forventet kull-id-er (en str eller en samling), fikk {got}",
        "en": "expected cohort ids (a str or a collection), got {got}",
    },
    "rule_arguments.milestones": {
        "nb": "forventet en tilordning fra student-id-er, fikk {got}",
        "en": "expected a mapping of student ids, got {got}",
    },
    "rule_arguments.milestones_student": {
        "nb": "nevner en student som ikke er i kullet",
        "en": "names a student who is not in the cohort",
    },
    "rule_arguments.years_after": {
        "nb": "forventet et helt antall år etter fullført utdanning, 0 eller flere",
        "en": "expected a whole number of years after graduation, 0 or more",
    },
    "rule_arguments.by": {
        "nb": "forventet 'day' eller 'month', fikk {got}",
        "en": "expected 'day' or 'month', got {got}",
    },
    "rule_arguments.plan_day": {
        "nb": "forventet en dag på eller etter planens {as_of}, fikk {day}",
        "en": "expected a day on or after the plan's {as_of}, got {day}",
    },
}
