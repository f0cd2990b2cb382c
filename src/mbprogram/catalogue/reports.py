"""The report tables' texts: titles, column headers and the values shown in cells.

Keys ``reports.…``: ``reports.column.<field>`` heads the column of a row
field in text and HTML (DataFrames and dicts keep the field names);
``reports.value.<value>`` shows an enumeration's value (a status, an outlook,
a pathway …) in a cell, where dicts and DataFrames keep the value itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

_COLUMNS: Final[Mapping[str, tuple[str, str]]] = {
    "cohort": ("kull", "cohort"),
    "student": ("deltaker", "student"),
    "status": ("status", "status"),
    "theory_hours": ("teori t", "theory h"),
    "theory_hours_required": ("av", "of"),
    "theory_share": ("teori %", "theory %"),
    "theory_share_required": ("av", "of"),
    "practice_weeks": ("uker", "weeks"),
    "practice_weeks_required": ("av", "of"),
    "practice_share": ("praksis %", "practice %"),
    "practice_share_required": ("av", "of"),
    "literature_signed_off": ("litteratur", "literature"),
    "assignment": ("oppgave", "assignment"),
    "complete": ("fullført", "complete"),
    "outlook": ("utsikt", "outlook"),
    "missing": ("mangler", "missing"),
    "on": ("dato", "on"),
    "planned": ("planlagt", "planned"),
    "unit": ("praksissted", "unit"),
    "placement": ("praksis", "placement"),
    "start": ("start", "start"),
    "end": ("slutt", "end"),
    "weekdays": ("ukedager", "weekdays"),
    "absences": ("fravær", "absences"),
    "enrolled": ("tatt inn", "enrolled"),
    "graduated": ("uteksaminert", "graduated"),
    "graduation_rate": ("andel uteksaminert", "graduation_rate"),
    "employed": ("ansatt", "employed"),
    "employment_rate": ("andel ansatt", "employment_rate"),
    "pathway": ("vei inn", "pathway"),
    "employments": ("ansettelser", "employments"),
    "share": ("andel", "share"),
    "band": ("stillingsprosent", "band"),
    "people": ("personer", "people"),
    "role": ("rolle", "role"),
    "national": ("nasjonalt", "national"),
    "state": ("situasjon", "state"),
    "graduates": ("uteksaminerte", "graduates"),
    "pot": ("pott", "pot"),
    "in_use": ("i bruk", "in_use"),
    "free": ("ledig", "free"),
    "capacity": ("kapasitet", "capacity"),
    # the lookups (reports/lookups.py)
    "name": ("navn", "name"),
    "since": ("siden", "since"),
    "enrolled_on": ("innskrevet", "enrolled_on"),
    "placements": ("praksisperioder", "placements"),
    "certificate": ("kursbevis", "certificate"),
    "session": ("økt", "session"),
    "day": ("dag", "day"),
    "hours": ("timer", "hours"),
    "topic": ("tema", "topic"),
    "kind": ("type", "kind"),
}

_VALUES: Final[Mapping[str, tuple[str, str]]] = {
    # statuses
    "applicant": ("søker", "applicant"),
    "admitted": ("tatt opp", "admitted"),
    "active": ("aktiv", "active"),
    "on-leave": ("permisjon", "on-leave"),
    "withdrawn": ("sluttet", "withdrawn"),
    "graduated": ("uteksaminert", "graduated"),
    # the final assignment
    "not-started": ("ikke påbegynt", "not-started"),
    "submitted": ("levert", "submitted"),
    "not-approved": ("ikke godkjent", "not-approved"),
    "approved": ("godkjent", "approved"),
    # the forecast's outlook
    "complete": ("fullført", "complete"),
    "on-track": ("i rute", "on-track"),
    "at-risk": ("i faresonen", "at-risk"),
    "unreachable": ("uoppnåelig", "unreachable"),
    # graduates' states
    "employed": ("ansatt", "employed"),
    "further-education": ("videre utdanning", "further-education"),
    "not-employed": ("ikke ansatt", "not-employed"),
    "unknown": ("ukjent", "unknown"),
    # pathways into work (budget-pot is a funding too)
    "placement-unit": ("praksisstedet", "placement-unit"),
    "budget-pot": ("budsjettpotten", "budget-pot"),
    "project-position": ("prosjektstilling", "project-position"),
    "ordinary-position": ("ordinær stilling", "ordinary-position"),
    # roles
    "individual-users": ("enkeltbrukere", "individual-users"),
    "system-level": ("systemnivå", "system-level"),
    "project-work": ("prosjektarbeid", "project-work"),
    "user-organisations": ("brukerorganisasjoner", "user-organisations"),
    "relatives": ("pårørende", "relatives"),
    # position percentage bands
    "under 20 %": ("under 20 %", "under 20 %"),
    "20-49 %": ("20-49 %", "20-49 %"),
    "50-79 %": ("50-79 %", "50-79 %"),
    "80-99 %": ("80-99 %", "80-99 %"),
    "100 % or more": ("100 % eller mer", "100 % or more"),
}

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "reports.none": {"nb": "(ingen)", "en": "(none)"},
    "reports.yes": {"nb": "ja", "en": "yes"},
    "reports.no": {"nb": "nei", "en": "no"},
    **{f"reports.column.{k}": {"nb": nb, "en": en} for k, (nb, en) in _COLUMNS.items()},
    **{f"reports.value.{k}": {"nb": nb, "en": en} for k, (nb, en) in _VALUES.items()},
    # -- the lookups
    "reports.students.title": {
        "nb": "Deltakere i kull {cohort}",
        "en": "Students of cohort {cohort}",
    },
    "reports.students.title_all": {
        "nb": "Deltakere i alle kull",
        "en": "Students of all cohorts",
    },
    "reports.sessions.title": {"nb": "Økter i kull {cohort}", "en": "Sessions of cohort {cohort}"},
    "reports.units.title": {"nb": "Praksissteder", "en": "Host units"},
    # -- progress
    "reports.progress.title": {
        "nb": "Fremdrift for {which} per {as_of}",
        "en": "Progress of {which} as of {as_of}",
    },
    "reports.progress.needs_help_title": {
        "nb": "Deltakere som trenger hjelp i {which} per {as_of}",
        "en": "Students who need help in {which} as of {as_of}",
    },
    "reports.progress.cohort": {"nb": "kull {cohort}", "en": "cohort {cohort}"},
    "reports.progress.all": {"nb": "alle kull", "en": "all cohorts"},
    "reports.over_time.title": {
        "nb": "Fremdrift for kull {cohort} på {n} {n:dato|datoer}",
        "en": "Progress of cohort {cohort} on {n} {n:date|dates}",
    },
    "reports.over_time.planned": {
        "nb": ", planlagt etter {day}",
        "en": ", planned after {day}",
    },
    # -- placements
    "reports.placements.title": {"nb": "Praksisperioder", "en": "Placements"},
    "reports.placements.of_cohort": {"nb": "i kull {cohort}", "en": "of cohort {cohort}"},
    "reports.placements.at_unit": {"nb": "ved {unit}", "en": "at {unit}"},
    # -- outcomes
    "reports.outcomes.cohorts": {"nb": "Kull per {day}", "en": "Cohorts as of {day}"},
    "reports.outcomes.after_one_year": {
        "nb": "Uteksaminertes situasjon ett år etter eksamen ({graduated})",
        "en": "Graduates' state one year after graduation ({graduated})",
    },
    "reports.outcomes.graduated_by": {
        "nb": "uteksaminert senest {day}",
        "en": "graduated by {day}",
    },
    "reports.outcomes.nobody": {
        "nb": "ingen kan være uteksaminert et år før",
        "en": "nobody can have graduated a year before",
    },
    "reports.outcomes.pathways": {
        "nb": "Aktive ansettelser etter vei inn per {day}",
        "en": "Active employments by pathway as of {day}",
    },
    "reports.outcomes.bands": {
        "nb": "Ansatte etter stillingsprosent per {day}",
        "en": "Employed people by position percentage as of {day}",
    },
    "reports.outcomes.roles": {
        "nb": "Roller per {day} (den nasjonale undersøkelsen til sammenligning)",
        "en": "Roles held as of {day} (national survey for comparison)",
    },
    "reports.outcomes.summary": {
        "nb": "Ansatte per {day}: {people}; deltid {part_time}, under 50 % {under_half}, "
        "faste ansettelser {permanent}",
        "en": "Employed people as of {day}: {people}; part-time {part_time}, under 50 % "
        "{under_half}, permanent employments {permanent}",
    },
    "reports.pot.title": {
        "nb": "Budsjettpott {pot} per {by}, {start} til {end}",
        "en": "Budget pot {pot} by {by}, {start}..{end}",
    },
    "reports.pot.day": {"nb": "dag", "en": "day"},
    "reports.pot.month": {"nb": "måned", "en": "month"},
}
