"""The exceptions mbprogram raises.

Every error the library raises on purpose derives from :class:`MbprogramError`.
Errors about bad input also derive from :class:`ValueError`, lookups of unknown
records from :class:`LookupError`, so callers can catch either the library's
own root or the builtin they already expect.

An error that concerns several things at once (a document with many bad fields,
a change that breaks two rules) is *one* exception whose :attr:`problems` lists
every problem with the path of the record and field it concerns, in the style
of ``cattrs.transform_error``::

    cohorts[0].students[3].placements[1].end: 2026-03-01 is before start 2026-04-01

Messages never contain sensitive values (identity numbers, free-text notes,
benefits, background): a validator that rejects such a value says what was
expected, not what it got.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Self

import attrs

from mbprogram.paths import RecordPath

__all__ = [
    "ConflictError",
    "DocumentError",
    "GraduationRefusedError",
    "ImportRowsError",
    "InvalidValueError",
    "MbprogramError",
    "MissingExtraError",
    "NotFoundError",
    "Problem",
    "RefusedChangeError",
    "ValidationError",
]


class MbprogramError(Exception):
    """The root of every error mbprogram raises on purpose.

    An error made with ``key=`` (a catalogue key) and ``values=`` carries them:
    ``str()`` is the English text and :meth:`message_in` any language's.
    """

    def __init__(
        self, *args: object, key: str = "", values: Mapping[str, object] | None = None
    ) -> None:
        #: The catalogue key of the message, when it has one; empty else.
        self.key = key
        #: The values the message is filled with.
        self.values: Mapping[str, object] = MappingProxyType(dict(values or {}))
        super().__init__(*((_message(key, "en", self.values),) if key else args))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"nb"`` or ``"en"``); English unless it has a key."""
        return _message(self.key, lang, self.values) if self.key else str(self)


def _values(values: Mapping[str, object]) -> dict[str, object]:
    return dict(values)


@attrs.frozen
class Problem:
    """One problem: where it is (a dotted path) and what is wrong there.

    ``path`` names the record and field, e.g. ``students[S-001].placements[P1].end``
    (brackets hold ids) or ``cohorts[0].students[3]`` in a document (brackets
    hold list positions); the register's problems carry a typed
    :class:`~mbprogram.paths.RecordPath`, which is a ``str`` too. ``message`` says
    what was wrong and what was expected.
    ``code`` is a stable finding code (``"BUDGET_POT_OVER_CAPACITY"``) when the
    problem breaks a rule that has one, else empty.
    """

    path: str
    message: str
    code: str = attrs.field(default="", kw_only=True, converter=str)
    #: The catalogue key of the message, when it has one (``Problem.of``); the
    #: message is then its English text, and :meth:`message_in` any language's.
    key: str = attrs.field(default="", kw_only=True, eq=False)
    values: Mapping[str, object] = attrs.field(
        factory=dict, kw_only=True, eq=False, repr=False, converter=_values
    )

    @classmethod
    def of(cls, path: str, key: str, code: str = "", /, **values: object) -> Problem:
        """A problem whose message is the catalogue's ``key`` filled with ``values``.

        ``code`` is the rule's stable code, when it has one (:attr:`code`).

        :attr:`message` is the English text (what ``str()`` and library callers
        read); :meth:`message_in` gives it in bokmål too. A finding's code is a
        key as well, its details the values (docs/rules.md).
        """
        return cls(path, _message(key, "en", values), code=code, key=key, values=values)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"nb"`` or ``"en"``); as it is when it has no key."""
        return _message(self.key, lang, self.values) if self.key else self.message

    def shown_in(self, lang: str) -> str:
        """``path: message`` with the message in ``lang``, as ``str()`` shows it in English."""
        message = self.message_in(lang)
        return f"{self.path}: {message}" if self.path else message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def under(self, prefix: str) -> Problem:
        """Return this problem with ``prefix`` put in front of its path.

        When ``prefix`` is a typed :class:`~mbprogram.paths.RecordPath`, so is the result
        (as long as the two make a path).
        """
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix)
        sep = "" if self.path.startswith("[") else "."
        text = f"{prefix}{sep}{self.path}"
        if isinstance(prefix, RecordPath):
            try:
                return attrs.evolve(self, path=RecordPath.parse(text))
            except ValueError:
                pass
        return attrs.evolve(self, path=text)


def _message(key: str, lang: str, values: Mapping[str, object]) -> str:
    """The catalogue's ``key`` in ``lang`` filled with ``values`` (a finding's with its details)."""
    from mbprogram import catalogue  # noqa: PLC0415 - the catalogue imports this module

    if key in catalogue.findings.TEXTS:
        return catalogue.render(key, lang, {k: str(v) for k, v in values.items()})
    return catalogue.text(key, catalogue.checked_lang(lang), **values)


def _known(kind: str) -> bool:
    from mbprogram.catalogue import CATALOGUE  # noqa: PLC0415 - the catalogue imports this module

    return f"problems.kind.{kind}" in CATALOGUE


class ValidationError(MbprogramError, ValueError):
    """Input that breaks one or more rules; :attr:`problems` lists them all.

    :attr:`summary` says what failed, in English; a summary given with
    ``summary_key`` (a catalogue key), or as a catalogue ``Phrase``, is shown in any language by
    :meth:`summary_in`, as each problem by :meth:`Problem.message_in`.
    """

    problems: tuple[Problem, ...]

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        summary: str = "",
        summary_key: str = "",
        summary_values: Mapping[str, object] | None = None,
    ) -> None:
        self.problems = tuple(problems)
        phrase_key = getattr(summary, "key", None)  # a catalogue Phrase carries its key
        if not summary_key and isinstance(phrase_key, str):
            summary_key, summary_values = phrase_key, getattr(summary, "values", None)
        self.summary_key = summary_key
        self.summary_values = dict(summary_values or {})
        if summary_key:
            summary = _message(summary_key, "en", self.summary_values)
        self.summary = summary.rstrip(": ")
        super().__init__(str(self))

    def message_in(self, lang: str) -> str:
        """The whole message, as ``str()`` gives it, with the summary and problems in ``lang``."""
        summary = self.summary_in(lang)
        if len(self.problems) == 1:
            shown = self.problems[0].shown_in(lang)
            return f"{summary}: {shown}" if summary else shown
        head = _message(
            "errors.problems",
            lang,
            {"summary": summary or _message("errors.invalid", lang, {}), "n": len(self.problems)},
        )
        lines = [head, *(f"  {p.shown_in(lang)}" for p in self.problems)]
        return "\n".join(lines)

    def summary_in(self, lang: str) -> str:
        """The summary in ``lang`` when it has a catalogue key, else as it is (English)."""
        if not self.summary_key:
            return self.summary
        return _message(self.summary_key, lang, self.summary_values).rstrip(": ")

    @property
    def codes(self) -> frozenset[str]:
        """The stable codes of the problems that have one (e.g. ``BUDGET_POT_OVER_CAPACITY``)."""
        return frozenset(p.code for p in self.problems if p.code)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.summary}: {self.problems[0]}" if self.summary else str(self.problems[0])
        lines = [f"{self.summary or 'invalid'} ({len(self.problems)} problems):"]
        lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines)


class InvalidValueError(ValidationError):
    """A value object was given a value it cannot hold.

    Raised by constructors of hours, percentages, date ranges, ids, identity
    numbers and programme rules. The path is the field's name; a caller building
    a larger record puts the record's path in front (:meth:`ValidationError.under`).
    """

    def __init__(
        self, problems: Iterable[Problem] | str, message: str = "", *, summary: str = ""
    ) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, message)]
        super().__init__(problems, summary=summary)

    @classmethod
    def at(cls, path: str, key: str, /, **values: object) -> Self:
        """One problem at ``path`` whose message is the catalogue's ``key`` with ``values``."""
        return cls([Problem.of(path, key, **values)])


class RefusedChangeError(ValidationError):
    """A change to the records was refused because it would break a rule.

    Nothing was changed. :attr:`problems` says which rule and where.
    """


class GraduationRefusedError(RefusedChangeError):
    """Graduation was refused: the student has unmet requirements.

    :attr:`findings` holds every unmet requirement as evaluated on the
    graduation date; :attr:`problems` holds the same as path and message.
    """

    def __init__(self, problems: Iterable[Problem], findings: Sequence[object]) -> None:
        super().__init__(problems, summary_key="problems.graduation.refused")
        self.findings = tuple(findings)


class DocumentError(ValidationError):
    """A document (JSON file or store) could not be loaded; every problem is listed."""


class ImportRowsError(ValidationError):
    """An import was refused because of bad rows; nothing was imported.

    Paths are ``row N, column C``.
    """


class NotFoundError(MbprogramError, LookupError):
    """A record was looked up by an id that the register does not hold."""

    def __init__(self, kind: str, record_id: str | None) -> None:
        """No ``kind`` with ``record_id``; ``None`` for a key that is not shown.

        A key that is not a valid id (it may be a name or an identity number typed
        in the wrong place) is never quoted: pass ``None`` for it.
        """
        self.kind = kind
        self.record_id = record_id
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        """The message in ``lang``: the kind of record in words, the id if it is shown."""
        what = _message(f"problems.kind.{self.kind}", lang, {}) if _known(self.kind) else self.kind
        if self.record_id is None:
            return _message("problems.not_found.hidden", lang, {"kind": what})
        return _message("problems.not_found", lang, {"kind": what, "id": repr(self.record_id)})


class ConflictError(MbprogramError):
    """A save lost a race: someone else saved the same records first.

    Load again, re-apply the change and save again. Made with ``key=`` and
    ``values=`` (``services.repository.conflict``), the message is shown in the
    language asked for (:meth:`MbprogramError.message_in`).
    """


class MissingExtraError(MbprogramError, ImportError):
    """An optional feature was asked for without the extra that provides it."""

    def __init__(self, feature: str, extra: str) -> None:
        """``feature`` (in the catalogue's words, ``errors.feature.…``) needs ``extra``."""
        self.extra = extra
        super().__init__(
            key="errors.missing_extra", values={"feature": _feature(feature), "extra": extra}
        )


def _feature(feature: str) -> str:
    """The catalogue's words for ``feature`` (a ``Term``), or ``feature`` as it is."""
    from mbprogram.catalogue import CATALOGUE, Term  # noqa: PLC0415 - it imports this module

    key = f"errors.feature.{feature}"
    return Term(key) if key in CATALOGUE else feature
