"""Findings: an unmet requirement or a broken rule, with a stable code.

The codes are a stable contract (docs/rules.md, Finding codes): scripts depend on them. Each
finding has a severity, the path of the record it concerns and a message in
Norwegian bokmål (``nb``, the default) or English (``en``). Messages name ids,
dates and numbers only, never personal or health data.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from mbprogram.catalogue import Lang, render

__all__ = ["SEVERITY", "Finding", "FindingCode", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is: errors block completion, warnings are advice."""

    ERROR = "error"
    WARNING = "warning"


class FindingCode(enum.StrEnum):
    """The stable finding codes (docs/rules.md)."""

    THEORY_HOURS_SHORT = "THEORY_HOURS_SHORT"
    THEORY_ATTENDANCE_LOW = "THEORY_ATTENDANCE_LOW"
    PRACTICE_WEEKS_SHORT = "PRACTICE_WEEKS_SHORT"
    PRACTICE_ATTENDANCE_LOW = "PRACTICE_ATTENDANCE_LOW"
    LITERATURE_NOT_SIGNED_OFF = "LITERATURE_NOT_SIGNED_OFF"
    ASSIGNMENT_NOT_APPROVED = "ASSIGNMENT_NOT_APPROVED"
    ASSIGNMENT_ATTEMPTS_EXHAUSTED = "ASSIGNMENT_ATTEMPTS_EXHAUSTED"
    STUDENT_WITHDRAWN = "STUDENT_WITHDRAWN"
    PLACEMENT_CAUSE_FOR_CONCERN = "PLACEMENT_CAUSE_FOR_CONCERN"
    HOST_UNIT_OVER_CAPACITY = "HOST_UNIT_OVER_CAPACITY"
    COHORT_OVER_PLACES = "COHORT_OVER_PLACES"
    BUDGET_POT_OVER_CAPACITY = "BUDGET_POT_OVER_CAPACITY"
    BUDGET_POT_WITHOUT_CERTIFICATE = "BUDGET_POT_WITHOUT_CERTIFICATE"
    SINGLE_PEER_WORKER_IN_UNIT = "SINGLE_PEER_WORKER_IN_UNIT"
    NO_SUPERVISION = "NO_SUPERVISION"
    TEMPORARY_ENDING_UNDECIDED = "TEMPORARY_ENDING_UNDECIDED"
    PANEL_WITHOUT_USER_REPRESENTATIVE = "PANEL_WITHOUT_USER_REPRESENTATIVE"
    AAP_POSITION_ABOVE_LIMIT = "AAP_POSITION_ABOVE_LIMIT"
    THEORY_AT_RISK = "THEORY_AT_RISK"
    THEORY_UNREACHABLE = "THEORY_UNREACHABLE"
    PRACTICE_AT_RISK = "PRACTICE_AT_RISK"
    PRACTICE_UNREACHABLE = "PRACTICE_UNREACHABLE"
    ATTENDANCE_SHARE_AT_RISK = "ATTENDANCE_SHARE_AT_RISK"
    ATTENDANCE_SHARE_UNREACHABLE = "ATTENDANCE_SHARE_UNREACHABLE"


_WARNINGS = frozenset(
    {
        FindingCode.PLACEMENT_CAUSE_FOR_CONCERN,
        FindingCode.COHORT_OVER_PLACES,
        FindingCode.SINGLE_PEER_WORKER_IN_UNIT,
        FindingCode.NO_SUPERVISION,
        FindingCode.TEMPORARY_ENDING_UNDECIDED,
        FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE,
        FindingCode.AAP_POSITION_ABOVE_LIMIT,
        FindingCode.THEORY_AT_RISK,
        FindingCode.THEORY_UNREACHABLE,
        FindingCode.PRACTICE_AT_RISK,
        FindingCode.PRACTICE_UNREACHABLE,
        FindingCode.ATTENDANCE_SHARE_AT_RISK,
        FindingCode.ATTENDANCE_SHARE_UNREACHABLE,
    }
)

#: The severity of every code.
SEVERITY: Final[Mapping[FindingCode, Severity]] = MappingProxyType(
    {c: Severity.WARNING if c in _WARNINGS else Severity.ERROR for c in FindingCode}
)


def _details(
    value: Mapping[str, object] | tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), str(v)) for k, v in items)


_set = object.__setattr__


@attrs.frozen
class Finding:
    """One finding: its code, the path of the record it concerns, and the figures behind it.

    A finding made by :meth:`later` formats its figures only when ``details``
    (or its message, ``repr`` or JSON) is first read; it is equal to the
    finding made with the formatted figures, and hashes and prints as it.

    Attributes:
        code: the stable code.
        path: the record concerned, e.g. ``cohorts[K1].students[S-01]``.
        details: the figures the message is made from (ids, dates, numbers).
    """

    code: FindingCode
    path: str
    details: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_details)
    # How a finding made by later() formats its details (None for one made at once).
    _figures: Callable[..., Mapping[str, object]] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _values: tuple[object, ...] = attrs.field(
        default=(), init=False, eq=False, hash=False, repr=False
    )

    @classmethod
    def later(
        cls,
        code: FindingCode,
        path: str,
        figures: Callable[..., Mapping[str, object]],
        *values: object,
    ) -> Finding:
        """The finding ``Finding(code, path, figures(*values))``, formatted when first read.

        ``figures`` must be pure: it is called at most once, perhaps never.
        """
        finding = object.__new__(cls)
        _set(finding, "code", code)
        _set(finding, "path", path)
        _set(finding, "_figures", figures)
        _set(finding, "_values", values)
        return finding  # its details slot stays empty until read: see __getattr__

    if not TYPE_CHECKING:  # for type checkers every attribute is declared above

        def __getattr__(self, name: str) -> object:
            # Called only for an attribute not found: the details of a finding made
            # by later(), before they are first read. Format them and keep them.
            # The recipe is never cleared, so that a reader in another thread at
            # the same moment formats the same (equal) details.
            figures = self._figures if name == "details" else None
            if figures is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            details = _details(figures(*self._values))
            _set(self, "details", details)
            return details

    def __reduce__(
        self,
    ) -> tuple[type[Finding], tuple[FindingCode, str, tuple[tuple[str, str], ...]]]:
        # Copied or pickled as the eagerly made finding: its details, not their recipe.
        return (Finding, (self.code, self.path, self.details))

    @property
    def severity(self) -> Severity:
        """Error or warning, fixed per code."""
        return SEVERITY[self.code]

    @property
    def is_error(self) -> bool:
        """Whether the finding is an error (blocks completion)."""
        return SEVERITY[self.code] is Severity.ERROR

    def message(self, lang: Lang = "nb") -> str:
        """The human message in Norwegian bokmål (``nb``) or English (``en``)."""
        return render(self.code.value, lang, dict(self.details))

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code.value} at {self.path}: {self.message('en')}"
