"""mbprogram: run a training programme for peer workers with lived experience.

The programme ("medarbeider med brukererfaring", MB) trains people with their
own or a relative's experience of mental-health or substance-use problems to
work in municipal services. This package models its students, theory hours,
practice placements, literature studies and final assignment, checks the
programme's rules as of any date, and explains every unmet requirement.

Everything public is importable from here::

    from mbprogram import Register, Stamp, Cohort, BERGEN_2010, load, save

``load(path)`` and ``save(register, path)`` read and write a JSON document
(``.json``) or an SQLite store (``.sqlite``); :class:`SqliteStore` gives
scripts the store's optimistic concurrency. The report tables
(``progress_table``, ``outcomes_report`` …) are here too; the plots and the
row types are in :mod:`mbprogram.reports`.
"""

from mbprogram.calendar.norway import (
    Holiday,
    holidays_between,
    is_public_holiday,
    iso_weeks_between,
    monday_of,
    public_holidays,
)
from mbprogram.demo import build_demo_register
from mbprogram.exceptions import (
    ConflictError,
    DocumentError,
    GraduationRefusedError,
    ImportRowsError,
    InvalidValueError,
    MbprogramError,
    MissingExtraError,
    NotFoundError,
    Problem,
    RefusedChangeError,
    ValidationError,
)
from mbprogram.model.assignment import (
    AssignmentAssessment,
    AssignmentState,
    FinalAssignment,
    Submission,
    Verdict,
)
from mbprogram.model.attendance import (
    Attendance,
    ExcusedAbsence,
    MakeUp,
    Mark,
    Present,
    UnexcusedAbsence,
)
from mbprogram.model.cohort import Cohort, Session
from mbprogram.model.hiring import (
    Benefit,
    BudgetPot,
    Employment,
    Funding,
    OutcomeKind,
    OutcomeRecord,
    PanelMember,
    Pathway,
    Role,
    Supervision,
)
from mbprogram.model.history import Change, student_path
from mbprogram.model.identity import IdentityKind, NationalIdNumber, is_valid_national_id
from mbprogram.model.literature import Literature, Reading, SignOff
from mbprogram.model.placements import (
    AssessmentStage,
    HostUnit,
    Outlook,
    Placement,
    PlacementAbsence,
    PlacementAssessment,
)
from mbprogram.model.privacy import Privacy, classification
from mbprogram.model.programme import BERGEN_2010, BERGEN_2015, ProgrammeRules
from mbprogram.model.students import (
    Background,
    Certificate,
    Contact,
    Status,
    StatusChange,
    Student,
)
from mbprogram.model.values import DateRange, Hours, Percent, Stamp, Weekday
from mbprogram.privacy import AnalysisDataset, Month, Pseudonyms, pseudonymise
from mbprogram.register.aggregate import Register
from mbprogram.reports import (
    Table,
    outcomes_report,
    placement_table,
    pot_table,
    progress_document,
    progress_table,
)
from mbprogram.rules.cohort import CohortProgress, evaluate_cohort, evaluate_register
from mbprogram.rules.findings import SEVERITY, Finding, FindingCode, Lang, Severity
from mbprogram.rules.hiring import (
    AAP_LIMIT,
    AAP_STEP_UP_LIMIT,
    UNDECIDED_WITHIN_DAYS,
    active_employments,
    hiring_findings,
)
from mbprogram.rules.outcomes import (
    PERCENT_BANDS,
    CohortOutcome,
    EmploymentSummary,
    GraduateOutcome,
    GraduateState,
    PotUsage,
    cohort_outcomes,
    employment_summary,
    graduate_outcomes,
    percent_band,
    pot_utilisation,
)
from mbprogram.rules.practice import PracticeDays, practice_days, practice_weeks
from mbprogram.rules.student import StudentProgress, evaluate_student, floor2
from mbprogram.rules.theory import TheoryProgress, theory_progress
from mbprogram.storage.attendance_csv import (
    AttendanceImport,
    import_attendance,
    import_attendance_text,
)
from mbprogram.storage.files import load, save
from mbprogram.storage.json_document import FORMAT as DOCUMENT_FORMAT
from mbprogram.storage.json_document import document_schema
from mbprogram.storage.sqlite_store import SqliteStore

__version__ = "0.1.0"

__all__ = [
    "AAP_LIMIT",
    "AAP_STEP_UP_LIMIT",
    "BERGEN_2010",
    "BERGEN_2015",
    "DOCUMENT_FORMAT",
    "PERCENT_BANDS",
    "SEVERITY",
    "UNDECIDED_WITHIN_DAYS",
    "AnalysisDataset",
    "AssessmentStage",
    "AssignmentAssessment",
    "AssignmentState",
    "Attendance",
    "AttendanceImport",
    "Background",
    "Benefit",
    "BudgetPot",
    "Certificate",
    "Change",
    "Cohort",
    "CohortOutcome",
    "CohortProgress",
    "ConflictError",
    "Contact",
    "DateRange",
    "DocumentError",
    "Employment",
    "EmploymentSummary",
    "ExcusedAbsence",
    "FinalAssignment",
    "Finding",
    "FindingCode",
    "Funding",
    "GraduateOutcome",
    "GraduateState",
    "GraduationRefusedError",
    "Holiday",
    "HostUnit",
    "Hours",
    "IdentityKind",
    "ImportRowsError",
    "InvalidValueError",
    "Lang",
    "Literature",
    "MakeUp",
    "Mark",
    "MbprogramError",
    "MissingExtraError",
    "Month",
    "NationalIdNumber",
    "NotFoundError",
    "OutcomeKind",
    "OutcomeRecord",
    "Outlook",
    "PanelMember",
    "Pathway",
    "Percent",
    "Placement",
    "PlacementAbsence",
    "PlacementAssessment",
    "PotUsage",
    "PracticeDays",
    "Present",
    "Privacy",
    "Problem",
    "ProgrammeRules",
    "Pseudonyms",
    "Reading",
    "RefusedChangeError",
    "Register",
    "Role",
    "Session",
    "Severity",
    "SignOff",
    "SqliteStore",
    "Stamp",
    "Status",
    "StatusChange",
    "Student",
    "StudentProgress",
    "Submission",
    "Supervision",
    "Table",
    "TheoryProgress",
    "UnexcusedAbsence",
    "ValidationError",
    "Verdict",
    "Weekday",
    "__version__",
    "active_employments",
    "build_demo_register",
    "classification",
    "cohort_outcomes",
    "document_schema",
    "employment_summary",
    "evaluate_cohort",
    "evaluate_register",
    "evaluate_student",
    "floor2",
    "graduate_outcomes",
    "hiring_findings",
    "holidays_between",
    "import_attendance",
    "import_attendance_text",
    "is_public_holiday",
    "is_valid_national_id",
    "iso_weeks_between",
    "load",
    "monday_of",
    "outcomes_report",
    "percent_band",
    "placement_table",
    "pot_table",
    "pot_utilisation",
    "practice_days",
    "practice_weeks",
    "progress_document",
    "progress_table",
    "pseudonymise",
    "public_holidays",
    "save",
    "student_path",
    "theory_progress",
]
