"""The plots' texts: titles, axes and legends (keys ``plots.…``).

The plots are in ``reports/plots.py``; each takes ``lang`` (bokmål by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "plots.no_data": {"nb": "ingen data", "en": "no data"},
    "plots.requirement": {"nb": "krav", "en": "requirement"},
    "plots.complete": {"nb": "fullført", "en": "complete"},
    "plots.not_complete": {"nb": "ikke fullført", "en": "not complete"},
    "plots.progress.title": {
        "nb": "{cohort}: fremdrift per {as_of}",
        "en": "{cohort}: progress as of {as_of}",
    },
    "plots.theory_hours": {
        "nb": "teoritimer (krav {required} t)",
        "en": "theory hours (required {required} h)",
    },
    "plots.practice_weeks": {
        "nb": "praksisuker (krav {required} {required:uke|uker})",
        "en": "practice weeks (required {required} {required:week|weeks})",
    },
    "plots.theory_share": {
        "nb": "oppmøte i teori, % (krav {required} %)",
        "en": "theory attendance, % (required {required} %)",
    },
    "plots.practice_share": {
        "nb": "oppmøte i praksis, % (krav {required} %)",
        "en": "practice attendance, % (required {required} %)",
    },
    "plots.burn_up.title": {
        "nb": "{cohort}: fremdrift til {as_of} og prognosen til {ends} "
        "(stiplet: alt planlagt er fulgt)",
        "en": "{cohort}: progress to {as_of} and the forecast to {ends} "
        "(dashed: attending everything planned)",
    },
    "plots.timeline.title": {
        "nb": "Praksisperioder etter praksissted",
        "en": "Placements by host unit",
    },
    "plots.timeline.date": {"nb": "dato", "en": "date"},
    "plots.timeline.absence": {"nb": "fravær", "en": "absence"},
    "plots.outcomes.title": {"nb": "Resultater per {as_of}", "en": "Outcomes as of {as_of}"},
    "plots.outcomes.employments": {"nb": "aktive ansettelser", "en": "active employments"},
    "plots.outcomes.ours": {"nb": "våre", "en": "ours"},
    "plots.outcomes.national": {"nb": "nasjonal undersøkelse", "en": "national survey"},
    "plots.outcomes.role_share": {
        "nb": "% av ansatte medarbeidere med brukererfaring",
        "en": "% of employed peer workers",
    },
    "plots.pot.title": {
        "nb": "Budsjettpott {pot}, {start} til {end}",
        "en": "Budget pot {pot}, {start} to {end}",
    },
    "plots.pot.in_use": {"nb": "i bruk", "en": "in use"},
    "plots.pot.capacity": {"nb": "kapasitet {capacity}", "en": "capacity {capacity}"},
    "plots.pot.positions": {"nb": "stillinger", "en": "positions"},
}
