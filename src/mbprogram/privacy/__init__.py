"""Privacy tools around the register: pseudonymised exports for analysis.

The classification of fields lives with the model (:mod:`mbprogram.model.privacy`);
erasure and retention are changes to the register
(:meth:`~mbprogram.Register.erase_person`,
:meth:`~mbprogram.Register.strip_identifiers`). This package makes copies for
analysis that name no one: :func:`pseudonymise` gives a register, or with
``coarsen_dates=True`` a monthly :class:`AnalysisDataset`. See ``docs/privacy.md``.
"""

from mbprogram.privacy.dataset import AnalysisDataset
from mbprogram.privacy.export import ANONYMOUS, REMOVED, pseudonymise
from mbprogram.privacy.pseudonyms import MIN_KEY_BYTES, Pseudonyms
from mbprogram.privacy.rows import (
    AnalysisCohort,
    AnalysisEmployment,
    AnalysisGraduate,
    AnalysisOutcome,
    AnalysisStudent,
    Month,
)

__all__ = [
    "ANONYMOUS",
    "MIN_KEY_BYTES",
    "REMOVED",
    "AnalysisCohort",
    "AnalysisDataset",
    "AnalysisEmployment",
    "AnalysisGraduate",
    "AnalysisOutcome",
    "AnalysisStudent",
    "Month",
    "Pseudonyms",
    "pseudonymise",
]
