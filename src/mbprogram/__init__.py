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

Each name is imported from its module on first use, so ``import mbprogram``
itself loads no other part of the package: a script that only builds records
never loads the storage, reports or privacy adapters.
"""

import importlib
import sys

# Type checkers take a name ``TYPE_CHECKING`` as true whatever its value, so they
# see the imports below with their types. Defining it here instead of importing
# it from typing keeps ``import mbprogram`` from loading typing, which takes
# longer (about 7 ms) than the rest of this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from mbprogram.calendar.norway import (
        Holiday,
        holidays_between,
        is_public_holiday,
        iso_weeks_between,
        monday_of,
        public_holidays,
    )
    from mbprogram.calendar.recurrence import recurring_days
    from mbprogram.catalogue import Lang
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
    from mbprogram.model.codes import RuleCode
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
    from mbprogram.model.history import Action as HistoryAction
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
    from mbprogram.paths import RecordPath
    from mbprogram.privacy import AnalysisDataset, Month, Pseudonyms, pseudonymise
    from mbprogram.register.aggregate import Register
    from mbprogram.register.state import RegisterState
    from mbprogram.reports import (
        Table,
        attendance_confirmation_pdf,
        certificate_pdf,
        csv_text,
        outcomes_report,
        placement_table,
        pot_table,
        progress_document,
        progress_over_time,
        progress_table,
        session_table,
        student_table,
        unit_table,
        xlsx_bytes,
    )
    from mbprogram.rules.cohort import CohortProgress, evaluate_cohort, evaluate_register
    from mbprogram.rules.findings import SEVERITY, Finding, FindingCode, Severity
    from mbprogram.rules.forecast import (
        CohortForecast,
        ForecastOutlook,
        StudentForecast,
        forecast_cohort,
        forecast_student,
    )
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
    from mbprogram.rules.outlook import Milestones, RequirementForecast, RequirementOutlook
    from mbprogram.rules.plan import StudentPlan
    from mbprogram.rules.practice import PracticeDays, practice_days, practice_weeks
    from mbprogram.rules.student import StudentProgress, evaluate_student, floor2
    from mbprogram.rules.theory import TheoryProgress, theory_progress
    from mbprogram.services.attendance_import import AttendanceImport
    from mbprogram.services.repository import InMemoryRepository, Loaded, Repository, Revision
    from mbprogram.services.session_plan import SessionPlan, plan_sessions
    from mbprogram.services.sheet_import import SheetImport
    from mbprogram.services.unit_of_work import UnitOfWork
    from mbprogram.storage.attendance_csv import import_attendance, import_attendance_text
    from mbprogram.storage.files import load, save
    from mbprogram.storage.json_document import FORMAT as DOCUMENT_FORMAT
    from mbprogram.storage.json_document import document_schema
    from mbprogram.storage.placement_csv import import_placements, import_placements_text
    from mbprogram.storage.postgres_store import PostgresRepository, PostgresStore
    from mbprogram.storage.repositories import (
        JsonDocumentRepository,
        SqliteRepository,
        repository_for,
    )
    from mbprogram.storage.sqlite_store import SqliteStore
    from mbprogram.storage.student_csv import import_students, import_students_text
    from mbprogram.storage.unit_csv import import_units, import_units_text

#: The version of this package (as installed: ``importlib.metadata.version("mbprogram")``).
__version__ = "0.1.0"  # also in mbprogram/version.py (for --version); a test keeps them one

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
    "CohortForecast",
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
    "ForecastOutlook",
    "Funding",
    "GraduateOutcome",
    "GraduateState",
    "GraduationRefusedError",
    "HistoryAction",
    "Holiday",
    "HostUnit",
    "Hours",
    "IdentityKind",
    "ImportRowsError",
    "InMemoryRepository",
    "InvalidValueError",
    "JsonDocumentRepository",
    "Lang",
    "Literature",
    "Loaded",
    "MakeUp",
    "Mark",
    "MbprogramError",
    "Milestones",
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
    "PostgresRepository",
    "PostgresStore",
    "PotUsage",
    "PracticeDays",
    "Present",
    "Privacy",
    "Problem",
    "ProgrammeRules",
    "Pseudonyms",
    "Reading",
    "RecordPath",
    "RefusedChangeError",
    "Register",
    "RegisterState",
    "Repository",
    "RequirementForecast",
    "RequirementOutlook",
    "Revision",
    "Role",
    "RuleCode",
    "Session",
    "SessionPlan",
    "Severity",
    "SheetImport",
    "SignOff",
    "SqliteRepository",
    "SqliteStore",
    "Stamp",
    "Status",
    "StatusChange",
    "Student",
    "StudentForecast",
    "StudentPlan",
    "StudentProgress",
    "Submission",
    "Supervision",
    "Table",
    "TheoryProgress",
    "UnexcusedAbsence",
    "UnitOfWork",
    "ValidationError",
    "Verdict",
    "Weekday",
    "__version__",
    "active_employments",
    "attendance_confirmation_pdf",
    "build_demo_register",
    "certificate_pdf",
    "classification",
    "cohort_outcomes",
    "csv_text",
    "document_schema",
    "employment_summary",
    "evaluate_cohort",
    "evaluate_register",
    "evaluate_student",
    "floor2",
    "forecast_cohort",
    "forecast_student",
    "graduate_outcomes",
    "hiring_findings",
    "holidays_between",
    "import_attendance",
    "import_attendance_text",
    "import_placements",
    "import_placements_text",
    "import_students",
    "import_students_text",
    "import_units",
    "import_units_text",
    "is_public_holiday",
    "is_valid_national_id",
    "iso_weeks_between",
    "load",
    "monday_of",
    "outcomes_report",
    "percent_band",
    "placement_table",
    "plan_sessions",
    "pot_table",
    "pot_utilisation",
    "practice_days",
    "practice_weeks",
    "progress_document",
    "progress_over_time",
    "progress_table",
    "pseudonymise",
    "public_holidays",
    "recurring_days",
    "repository_for",
    "save",
    "session_table",
    "student_path",
    "student_table",
    "theory_progress",
    "unit_table",
    "xlsx_bytes",
]


#: Where each public name lives: ``"module"``, or ``"module:attribute"`` when the
#: name here differs from the one in its module. ``__getattr__`` imports a
#: module on first use of one of its names; the imports above give type checkers
#: the same names with their types.
_LAZY: dict[str, str] = {
    "Holiday": "mbprogram.calendar.norway",
    "holidays_between": "mbprogram.calendar.norway",
    "is_public_holiday": "mbprogram.calendar.norway",
    "iso_weeks_between": "mbprogram.calendar.norway",
    "monday_of": "mbprogram.calendar.norway",
    "public_holidays": "mbprogram.calendar.norway",
    "build_demo_register": "mbprogram.demo",
    "ConflictError": "mbprogram.exceptions",
    "DocumentError": "mbprogram.exceptions",
    "GraduationRefusedError": "mbprogram.exceptions",
    "ImportRowsError": "mbprogram.exceptions",
    "InvalidValueError": "mbprogram.exceptions",
    "MbprogramError": "mbprogram.exceptions",
    "MissingExtraError": "mbprogram.exceptions",
    "NotFoundError": "mbprogram.exceptions",
    "Problem": "mbprogram.exceptions",
    "RefusedChangeError": "mbprogram.exceptions",
    "ValidationError": "mbprogram.exceptions",
    "AssignmentAssessment": "mbprogram.model.assignment",
    "AssignmentState": "mbprogram.model.assignment",
    "FinalAssignment": "mbprogram.model.assignment",
    "Submission": "mbprogram.model.assignment",
    "Verdict": "mbprogram.model.assignment",
    "Attendance": "mbprogram.model.attendance",
    "ExcusedAbsence": "mbprogram.model.attendance",
    "MakeUp": "mbprogram.model.attendance",
    "Mark": "mbprogram.model.attendance",
    "Present": "mbprogram.model.attendance",
    "UnexcusedAbsence": "mbprogram.model.attendance",
    "Cohort": "mbprogram.model.cohort",
    "Session": "mbprogram.model.cohort",
    "Benefit": "mbprogram.model.hiring",
    "BudgetPot": "mbprogram.model.hiring",
    "Employment": "mbprogram.model.hiring",
    "Funding": "mbprogram.model.hiring",
    "OutcomeKind": "mbprogram.model.hiring",
    "OutcomeRecord": "mbprogram.model.hiring",
    "PanelMember": "mbprogram.model.hiring",
    "Pathway": "mbprogram.model.hiring",
    "Role": "mbprogram.model.hiring",
    "Supervision": "mbprogram.model.hiring",
    "Change": "mbprogram.model.history",
    "HistoryAction": "mbprogram.model.history:Action",
    "student_path": "mbprogram.model.history",
    "IdentityKind": "mbprogram.model.identity",
    "NationalIdNumber": "mbprogram.model.identity",
    "is_valid_national_id": "mbprogram.model.identity",
    "Literature": "mbprogram.model.literature",
    "Reading": "mbprogram.model.literature",
    "SignOff": "mbprogram.model.literature",
    "AssessmentStage": "mbprogram.model.placements",
    "HostUnit": "mbprogram.model.placements",
    "Outlook": "mbprogram.model.placements",
    "Placement": "mbprogram.model.placements",
    "PlacementAbsence": "mbprogram.model.placements",
    "PlacementAssessment": "mbprogram.model.placements",
    "Privacy": "mbprogram.model.privacy",
    "classification": "mbprogram.model.privacy",
    "BERGEN_2010": "mbprogram.model.programme",
    "BERGEN_2015": "mbprogram.model.programme",
    "ProgrammeRules": "mbprogram.model.programme",
    "Background": "mbprogram.model.students",
    "Certificate": "mbprogram.model.students",
    "Contact": "mbprogram.model.students",
    "Status": "mbprogram.model.students",
    "StatusChange": "mbprogram.model.students",
    "Student": "mbprogram.model.students",
    "DateRange": "mbprogram.model.values",
    "Hours": "mbprogram.model.values",
    "Percent": "mbprogram.model.values",
    "Stamp": "mbprogram.model.values",
    "Weekday": "mbprogram.model.values",
    "AnalysisDataset": "mbprogram.privacy",
    "Month": "mbprogram.privacy",
    "Pseudonyms": "mbprogram.privacy",
    "pseudonymise": "mbprogram.privacy",
    "Register": "mbprogram.register.aggregate",
    "RegisterState": "mbprogram.register.state",
    "RecordPath": "mbprogram.paths",
    "RuleCode": "mbprogram.model.codes",
    "Table": "mbprogram.reports",
    "attendance_confirmation_pdf": "mbprogram.reports",
    "certificate_pdf": "mbprogram.reports",
    "csv_text": "mbprogram.reports",
    "session_table": "mbprogram.reports",
    "student_table": "mbprogram.reports",
    "unit_table": "mbprogram.reports",
    "xlsx_bytes": "mbprogram.reports",
    "outcomes_report": "mbprogram.reports",
    "placement_table": "mbprogram.reports",
    "pot_table": "mbprogram.reports",
    "progress_document": "mbprogram.reports",
    "progress_over_time": "mbprogram.reports",
    "progress_table": "mbprogram.reports",
    "CohortProgress": "mbprogram.rules.cohort",
    "evaluate_cohort": "mbprogram.rules.cohort",
    "evaluate_register": "mbprogram.rules.cohort",
    "SEVERITY": "mbprogram.rules.findings",
    "Finding": "mbprogram.rules.findings",
    "FindingCode": "mbprogram.rules.findings",
    "Lang": "mbprogram.catalogue",
    "Severity": "mbprogram.rules.findings",
    "CohortForecast": "mbprogram.rules.forecast",
    "ForecastOutlook": "mbprogram.rules.forecast",
    "StudentForecast": "mbprogram.rules.forecast",
    "forecast_cohort": "mbprogram.rules.forecast",
    "forecast_student": "mbprogram.rules.forecast",
    "AAP_LIMIT": "mbprogram.rules.hiring",
    "AAP_STEP_UP_LIMIT": "mbprogram.rules.hiring",
    "UNDECIDED_WITHIN_DAYS": "mbprogram.rules.hiring",
    "active_employments": "mbprogram.rules.hiring",
    "hiring_findings": "mbprogram.rules.hiring",
    "PERCENT_BANDS": "mbprogram.rules.outcomes",
    "CohortOutcome": "mbprogram.rules.outcomes",
    "EmploymentSummary": "mbprogram.rules.outcomes",
    "GraduateOutcome": "mbprogram.rules.outcomes",
    "GraduateState": "mbprogram.rules.outcomes",
    "PotUsage": "mbprogram.rules.outcomes",
    "cohort_outcomes": "mbprogram.rules.outcomes",
    "employment_summary": "mbprogram.rules.outcomes",
    "graduate_outcomes": "mbprogram.rules.outcomes",
    "percent_band": "mbprogram.rules.outcomes",
    "pot_utilisation": "mbprogram.rules.outcomes",
    "Milestones": "mbprogram.rules.outlook",
    "RequirementForecast": "mbprogram.rules.outlook",
    "RequirementOutlook": "mbprogram.rules.outlook",
    "StudentPlan": "mbprogram.rules.plan",
    "PracticeDays": "mbprogram.rules.practice",
    "practice_days": "mbprogram.rules.practice",
    "practice_weeks": "mbprogram.rules.practice",
    "StudentProgress": "mbprogram.rules.student",
    "evaluate_student": "mbprogram.rules.student",
    "floor2": "mbprogram.rules.student",
    "TheoryProgress": "mbprogram.rules.theory",
    "theory_progress": "mbprogram.rules.theory",
    "AttendanceImport": "mbprogram.services.attendance_import",
    "Repository": "mbprogram.services.repository",
    "Revision": "mbprogram.services.repository",
    "Loaded": "mbprogram.services.repository",
    "InMemoryRepository": "mbprogram.services.repository",
    "UnitOfWork": "mbprogram.services.unit_of_work",
    "repository_for": "mbprogram.storage.repositories",
    "JsonDocumentRepository": "mbprogram.storage.repositories",
    "SqliteRepository": "mbprogram.storage.repositories",
    "SessionPlan": "mbprogram.services.session_plan",
    "plan_sessions": "mbprogram.services.session_plan",
    "SheetImport": "mbprogram.services.sheet_import",
    "recurring_days": "mbprogram.calendar.recurrence",
    "import_students": "mbprogram.storage.student_csv",
    "import_students_text": "mbprogram.storage.student_csv",
    "import_placements": "mbprogram.storage.placement_csv",
    "import_placements_text": "mbprogram.storage.placement_csv",
    "import_units": "mbprogram.storage.unit_csv",
    "import_units_text": "mbprogram.storage.unit_csv",
    "import_attendance": "mbprogram.storage.attendance_csv",
    "import_attendance_text": "mbprogram.storage.attendance_csv",
    "load": "mbprogram.storage.files",
    "save": "mbprogram.storage.files",
    "DOCUMENT_FORMAT": "mbprogram.storage.json_document:FORMAT",
    "document_schema": "mbprogram.storage.json_document",
    "SqliteStore": "mbprogram.storage.sqlite_store",
    "PostgresRepository": "mbprogram.storage.postgres_store",
    "PostgresStore": "mbprogram.storage.postgres_store",
}


def _load(name: str) -> object:
    """The public object ``name``, imported from its home module on first use and kept.

    Raises:
        AttributeError: ``name`` is not a public name of the package.
    """
    try:
        home = _LAZY[name]
    except KeyError:
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r}",
            name=name,
            obj=sys.modules[__name__],
        ) from None
    module, _, attribute = home.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not, for ``dir(mbprogram)`` and completion."""
    return sorted(__all__)


if not TYPE_CHECKING:
    # PEP 562. Hidden from type checkers, which would otherwise accept any
    # attribute of the package (``mbprogram.Regsiter``) as an ``object``.
    __getattr__ = _load
