"""Reports: cohort progress and its forecast, placements, outcomes and budget-pot use.

Tables are :class:`Table` s of attrs rows: plain rows for scripts,
``to_text()`` for terminals, HTML in Jupyter, ``to_dataframe()`` with the
``pandas`` extra, CSV (:func:`csv_text`) and Excel workbooks
(:func:`xlsx_bytes`, with the ``excel`` extra) for spreadsheets. The lookups
(:func:`student_table`, :func:`session_table`, :func:`unit_table`) list records.
The plots need the ``plot`` extra (matplotlib), imported only when a plot is
drawn; the printable documents (a certificate, an attendance confirmation) the
``pdf`` extra (fpdf2).

Each name is imported from its module on first use, so that importing one
report (``mbprogram.reports.progress``) does not import the others, the PDF
documents or the plots.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mbprogram.reports.documents import attendance_confirmation_pdf, certificate_pdf
    from mbprogram.reports.lookups import (
        SessionRow,
        StudentRow,
        UnitRow,
        session_table,
        student_table,
        unit_table,
    )
    from mbprogram.reports.outcomes import (
        NATIONAL_ROLE_SHARES,
        BandRow,
        CohortRow,
        OutcomesReport,
        PathwayRow,
        PotRow,
        RoleRow,
        StateRow,
        outcomes_report,
        pot_table,
    )
    from mbprogram.reports.over_time import ProgressPoint, progress_over_time
    from mbprogram.reports.placements import PlacementRow, placement_table
    from mbprogram.reports.plots import (
        plot_burn_up,
        plot_cohort_progress,
        plot_outcomes_by_pathway,
        plot_placement_timeline,
        plot_pot_utilisation,
    )
    from mbprogram.reports.progress import (
        ProgressRow,
        forecast_document,
        progress_document,
        progress_of,
        progress_report,
        progress_table,
    )
    from mbprogram.reports.spreadsheet import csv_text, xlsx_bytes
    from mbprogram.reports.table import Table

__all__ = [
    "NATIONAL_ROLE_SHARES",
    "BandRow",
    "CohortRow",
    "OutcomesReport",
    "PathwayRow",
    "PlacementRow",
    "PotRow",
    "ProgressPoint",
    "ProgressRow",
    "RoleRow",
    "SessionRow",
    "StateRow",
    "StudentRow",
    "Table",
    "UnitRow",
    "attendance_confirmation_pdf",
    "certificate_pdf",
    "csv_text",
    "forecast_document",
    "outcomes_report",
    "placement_table",
    "plot_burn_up",
    "plot_cohort_progress",
    "plot_outcomes_by_pathway",
    "plot_placement_timeline",
    "plot_pot_utilisation",
    "pot_table",
    "progress_document",
    "progress_of",
    "progress_over_time",
    "progress_report",
    "progress_table",
    "session_table",
    "student_table",
    "unit_table",
    "xlsx_bytes",
]

#: The module each name of :data:`__all__` is defined in.
_LAZY: dict[str, str] = {
    "NATIONAL_ROLE_SHARES": "mbprogram.reports.outcomes",
    "BandRow": "mbprogram.reports.outcomes",
    "CohortRow": "mbprogram.reports.outcomes",
    "OutcomesReport": "mbprogram.reports.outcomes",
    "PathwayRow": "mbprogram.reports.outcomes",
    "PlacementRow": "mbprogram.reports.placements",
    "PotRow": "mbprogram.reports.outcomes",
    "ProgressPoint": "mbprogram.reports.over_time",
    "ProgressRow": "mbprogram.reports.progress",
    "RoleRow": "mbprogram.reports.outcomes",
    "SessionRow": "mbprogram.reports.lookups",
    "StateRow": "mbprogram.reports.outcomes",
    "StudentRow": "mbprogram.reports.lookups",
    "Table": "mbprogram.reports.table",
    "UnitRow": "mbprogram.reports.lookups",
    "attendance_confirmation_pdf": "mbprogram.reports.documents",
    "certificate_pdf": "mbprogram.reports.documents",
    "csv_text": "mbprogram.reports.spreadsheet",
    "forecast_document": "mbprogram.reports.progress",
    "outcomes_report": "mbprogram.reports.outcomes",
    "placement_table": "mbprogram.reports.placements",
    "plot_burn_up": "mbprogram.reports.plots",
    "plot_cohort_progress": "mbprogram.reports.plots",
    "plot_outcomes_by_pathway": "mbprogram.reports.plots",
    "plot_placement_timeline": "mbprogram.reports.plots",
    "plot_pot_utilisation": "mbprogram.reports.plots",
    "pot_table": "mbprogram.reports.outcomes",
    "progress_document": "mbprogram.reports.progress",
    "progress_of": "mbprogram.reports.progress",
    "progress_over_time": "mbprogram.reports.over_time",
    "progress_report": "mbprogram.reports.progress",
    "progress_table": "mbprogram.reports.progress",
    "session_table": "mbprogram.reports.lookups",
    "student_table": "mbprogram.reports.lookups",
    "unit_table": "mbprogram.reports.lookups",
    "xlsx_bytes": "mbprogram.reports.spreadsheet",
}


def __getattr__(name: str) -> Any:
    """A name of :data:`__all__`, imported from its module on first use."""
    try:
        home = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name) from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
