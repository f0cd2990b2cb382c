"""Reports: cohort progress, placements, outcomes and budget-pot use, as tables and plots.

Tables are :class:`~mbprogram.reports.table.Table` s of attrs rows: plain rows
for scripts, ``to_dataframe()`` with the ``pandas`` extra, HTML in Jupyter.
Plots need the ``plot`` extra.
"""
