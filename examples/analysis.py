# %% [markdown]
# # Analysing a programme's records
#
# A notebook in percent format: open it in Jupyter (with jupytext) or VS Code
# and run it cell by cell, or run it as a script
# (`python examples/analysis.py`), which prints the tables and writes the
# plots as PNG files into the folder `mbprogram-plots` (or the one that
# `MBPROGRAM_PLOTS` names), which `.gitignore` covers. It needs the `pandas`
# and `plot` extras: `pip install 'mbprogram[pandas,plot]'`.
#
# It loads the demo store that `make demo` (`mbprogram demo`) writes, and
# makes it first if it is not there. Everyone in it is made up.

# %%
import datetime as dt
import os
from pathlib import Path

from mbprogram import (
    DateRange,
    employment_summary,
    forecast_cohort,
    hiring_findings,
    progress_over_time,
)
from mbprogram.demo import DEMO_POT, build_demo_register
from mbprogram.reports import plots
from mbprogram.reports.outcomes import outcomes_report, pot_table
from mbprogram.reports.placements import placement_table
from mbprogram.reports.progress import progress_table
from mbprogram.storage.files import load, replace_store

STORE = Path(os.environ.get("MBPROGRAM_STORE", "mbprogram-demo.sqlite"))
PLOTS = Path(os.environ.get("MBPROGRAM_PLOTS", "mbprogram-plots"))
PLOTS.mkdir(exist_ok=True)
AS_OF = dt.date(2026, 11, 23)
#: The language of the tables, plots and messages: "en", or "nb" for bokmål.
LANG = "en"
if not STORE.exists():
    replace_store(build_demo_register(), STORE)
register = load(STORE)
register

# %% [markdown]
# ## Cohort progress
#
# One row per student: theory hours and practice weeks against the
# requirement, literature, assignment, and what is missing. As a DataFrame it
# can be filtered and grouped like any other.

# %%
progress = progress_table(register, dt.date(2025, 12, 31), cohort="MB-2025", lang=LANG)
frame = progress.to_dataframe()
print(frame[["student", "theory_hours", "practice_weeks", "complete"]].to_string(index=False))
incomplete = frame[~frame["complete"]]
print(f"\n{len(incomplete)} of {len(frame)} students have unmet requirements:")
print(incomplete[["student", "missing"]].to_string(index=False))

# %%
figure = plots.plot_cohort_progress(register, "MB-2025", dt.date(2025, 12, 31), lang=LANG)
figure.savefig(PLOTS / "cohort-progress.png")
figure

# %% [markdown]
# ## Who needs help: the forecast and progress over time
#
# As of midsummer, what attending everything still planned would give each
# student, and who is at risk or cannot complete on plan. The burn-up chart
# shows each student's hours and weeks week by week, and the forecast dashed.

# %%
midsummer = dt.date(2025, 6, 30)
for forecast in forecast_cohort(register, "MB-2025", midsummer).needs_help:
    print(forecast.student, forecast.outlook.value, forecast.earliest_completion)
    for finding in forecast.findings:
        print("   ", finding.message(LANG))
weeks = [dt.date(2025, 1, 6) + dt.timedelta(weeks=n) for n in range(52)]
over_time = progress_over_time(register, "MB-2025", weeks, forecast_from=midsummer, lang=LANG)
hours = over_time.to_dataframe().pivot(index="on", columns="student", values="theory_hours")
print(hours.iloc[::13].to_string())
figure = plots.plot_burn_up(register, "MB-2025", midsummer, lang=LANG)
figure.savefig(PLOTS / "burn-up.png")
figure

# %% [markdown]
# ## Placements by host unit

# %%
placements = placement_table(register, cohort="MB-2025", lang=LANG).to_dataframe()
print(placements.groupby("unit")["student"].count().to_string())
figure = plots.plot_placement_timeline(register, cohort="MB-2025", lang=LANG)
figure.savefig(PLOTS / "placements.png")
figure

# %% [markdown]
# ## Outcomes
#
# Graduation and employment rates per cohort, employment by pathway, position
# percentages, and the roles held beside the national survey's shares.

# %%
report = outcomes_report(register, AS_OF, lang=LANG)
print(report.to_text())

# %%
summary = employment_summary(register, AS_OF)
print(
    f"{summary.people} people employed; permanent share {float(summary.permanent_share or 0):.0%}"
)
figure = plots.plot_outcomes_by_pathway(register, AS_OF, lang=LANG)
figure.savefig(PLOTS / "outcomes.png")
figure

# %% [markdown]
# ## The budget pot over time

# %%
period = DateRange(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
use = pot_table(register, DEMO_POT, period, lang=LANG).to_dataframe()
print(use[["start", "in_use", "free"]].tail(12).to_string(index=False))
figure = plots.plot_pot_utilisation(register, DEMO_POT, period, lang=LANG)
figure.savefig(PLOTS / "budget-pot.png")
figure

# %% [markdown]
# ## Warnings for the coordinator

# %%
for finding in hiring_findings(register, AS_OF):
    print(f"{finding.code.value:34} {finding.path:34} {finding.message(LANG)}")
