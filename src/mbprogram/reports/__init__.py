"""Reports: cohort progress and its forecast, placements, outcomes and budget-pot use.

Tables are :class:`Table` s of attrs rows: plain rows for scripts,
``to_text()`` for terminals, HTML in Jupyter, ``to_dataframe()`` with the
``pandas`` extra, CSV (:func:`csv_text`) and Excel workbooks
(:func:`xlsx_bytes`, with the ``excel`` extra) for spreadsheets. The lookups
(:func:`student_table`, :func:`session_table`, :func:`unit_table`) list records.
The plots need the ``plot`` extra (matplotlib), imported
only when a plot is drawn.
"""

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
    "progress_table",
    "session_table",
    "student_table",
    "unit_table",
    "xlsx_bytes",
]
