"""Programme rules: every configurable completion requirement, and the Bergen presets.

Rules belong to each cohort, not to the library: a programme changes over the
years (Bergen went from 140 hours and 14 weeks to 180 hours and 20 weeks), and
other programmes count differently (a Danish course asks for 80 % attendance).
Users define their own rules as data, in code or from a plain dict kept in a
file (:meth:`ProgrammeRules.from_dict`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, TypeVar

import attrs

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import InvalidValueError, Problem, ValidationError
from mbprogram.model import validators as v
from mbprogram.model.values import Hours, Percent, exact_decimal, plain_decimal

__all__ = ["BERGEN_2010", "BERGEN_2015", "ProgrammeRules"]

_T = TypeVar("_T")


def _weeks(value: object) -> Decimal:
    weeks = exact_decimal(value, "practice_weeks")
    if weeks < 0:
        raise InvalidValueError([Problem.of("practice_weeks", "problems.value.weeks", value=weeks)])
    return weeks


def _share_number(value: object) -> object:
    """A share as a user writes it: ``80``, ``"80"``, ``"80 %"`` or ``"80,0"`` (decimal comma)."""
    if not isinstance(value, str):
        return value
    written = value.strip().removesuffix("%").strip()
    if "," in written and "." not in written and written.count(",") == 1:
        written = written.replace(",", ".")
    return written


def _share(value: object) -> Percent:
    """A share of a programme's rules, in percent; a share under 1 (but not 0) is refused.

    ``0.8`` is what someone writes who means 80 %: a rule of 0.8 % is never meant,
    so it is refused with a message saying how to write it.
    """
    share = value if isinstance(value, Percent) else Percent(_share_number(value))  # type: ignore[arg-type]
    if 0 < share.value < 1:
        raise InvalidValueError(
            [Problem.of("percent", "problems.value.share_under_one", value=share.value)]
        )
    return share


def _optional_percent(value: object) -> Percent | None:
    return None if value is None else _share(value)


def _optional_hours(value: object) -> Hours | None:
    if value is None or isinstance(value, Hours):
        return value
    return Hours(value)  # type: ignore[arg-type]


def _hours(value: object) -> Hours:
    return value if isinstance(value, Hours) else Hours(value)  # type: ignore[arg-type]


def _check(field: str, build: Callable[[Any], _T]) -> Callable[[Any], _T]:
    """Run ``build`` on a raw value, naming ``field`` in any error it raises."""

    def parse(raw: Any) -> _T:
        try:
            return build(raw)
        except ValidationError as e:
            raise InvalidValueError([attrs.evolve(p, path=field) for p in e.problems]) from None

    return parse


# Named converters (the attrs mypy plugin needs named functions), so that an error
# made constructing rules directly names the rule, not just "hours" or "percent".
def _theory_hours(value: object) -> Hours:
    return _check("theory_hours", _hours)(value)


def _makeup_cap(value: object) -> Hours | None:
    return _check("makeup_cap", _optional_hours)(value)


def _min_theory_share(value: object) -> Percent | None:
    return _check("min_theory_share", _optional_percent)(value)


def _min_practice_share(value: object) -> Percent | None:
    return _check("min_practice_share", _optional_percent)(value)


def _at_risk_theory_share(value: object) -> Percent:
    return _check("at_risk_theory_share", _share)(value)


def _at_risk_practice_share(value: object) -> Percent:
    return _check("at_risk_practice_share", _share)(value)


#: The forecast's thresholds when the rules name none (docs/rules.md, Forecast).
_AT_RISK_SHARE: Final = Percent(90)
_AT_RISK_ABSENCES: Final = 1
_AT_RISK_DEFAULTS: Final[Mapping[str, object]] = MappingProxyType(
    {
        "at_risk_theory_share": _AT_RISK_SHARE,
        "at_risk_practice_share": _AT_RISK_SHARE,
        "at_risk_absences": _AT_RISK_ABSENCES,
    }
)


@attrs.frozen(kw_only=True)
class ProgrammeRules:
    """Every completion requirement of a programme (docs/rules.md).

    Attributes:
        name: a name for the rule set, shown on certificates and reports.
        theory_hours: credited theory hours required.
        min_theory_share: optional minimum share of the theory hours held since
            enrolment that the student attended (make-up work does not count here).
        makeup_cap: optional cap on the approved make-up hours that count towards
            ``theory_hours``; ``None`` means no cap.
        practice_weeks: practice weeks required, counted by the ISO-week rule.
        min_practice_share: optional minimum share of the expected placement days
            (inside the placement's dates, up to the as-of date) attended.
        literature_sign_off: whether literature studies must be signed off.
        assignment_approval: whether the final assignment must be approved.
        max_submissions: how many times the final assignment may be submitted.
        at_risk_theory_share: the forecast calls theory at risk when the hours
            still needed are more than this share of the hours left in the
            schedule (default 90 %).
        at_risk_practice_share: the forecast calls practice at risk when the
            practice days still needed are more than this share of the practice
            days left in the placements (default 90 %).
        at_risk_absences: the forecast calls an attendance share at risk when
            the student can be absent at most this many more times (whole
            sessions, or practice days) and keep it at its minimum (default 1).
    """

    name: str = attrs.field(validator=v.text(max_length=200))
    theory_hours: Hours = attrs.field(converter=_theory_hours)
    practice_weeks: Decimal = attrs.field(converter=_weeks)
    min_theory_share: Percent | None = attrs.field(default=None, converter=_min_theory_share)
    makeup_cap: Hours | None = attrs.field(default=None, converter=_makeup_cap)
    min_practice_share: Percent | None = attrs.field(default=None, converter=_min_practice_share)
    literature_sign_off: bool = attrs.field(default=True, validator=v.instance(bool))
    assignment_approval: bool = attrs.field(default=True, validator=v.instance(bool))
    max_submissions: int = attrs.field(default=3, validator=v.between(1, 100))
    at_risk_theory_share: Percent = attrs.field(
        default=_AT_RISK_SHARE, converter=_at_risk_theory_share
    )
    at_risk_practice_share: Percent = attrs.field(
        default=_AT_RISK_SHARE, converter=_at_risk_practice_share
    )
    at_risk_absences: int = attrs.field(default=_AT_RISK_ABSENCES, validator=v.between(0, 100))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProgrammeRules:
        """Build rules from a plain dict, as a user keeps them in a JSON or TOML file.

        Numbers may be ints, decimal strings (``"139.5"``) or Decimals; floats
        are refused so that a requirement is exact. Unknown keys are refused so a
        typo is not silently ignored. Every problem is reported at once. A
        programme that asks for an attendance share only leaves out the count:
        with ``min_theory_share`` given, ``theory_hours`` is 0 when missing, and
        with ``min_practice_share``, ``practice_weeks`` (docs/rules.md).

        Raises:
            InvalidValueError: listing every bad, missing or unknown key.
        """
        if not isinstance(data, Mapping):
            raise InvalidValueError.at("", "records.rules.mapping", got=type(data).__name__)
        problems: list[Problem] = []
        known = {a.name: a for a in attrs.fields(cls)}
        for key in data:
            if key not in known:
                problems.append(
                    Problem.of(str(key), "records.rules.unknown", known=", ".join(sorted(known)))
                )
        values: dict[str, Any] = {}
        for name, attribute in known.items():
            if name not in data:
                share = _SHARE_OF.get(name)
                if share is not None and data.get(share) is not None:
                    values[name] = 0  # a programme that asks for a share only
                elif attribute.default is attrs.NOTHING:
                    problems.append(_missing(name))
                continue
            try:
                values[name] = _PARSERS[name](data[name])
            except ValidationError as e:
                problems.extend(attrs.evolve(p, path=name) for p in e.problems)
        if problems:
            raise InvalidValueError(problems, summary=Phrase("records.rules.invalid"))
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """Return the rules as a plain dict of JSON-safe values (:meth:`from_dict` reverses it).

        A count a share stands in for (``theory_hours`` of 0 beside a
        ``min_theory_share``, likewise for practice) is left out, as
        :meth:`from_dict` reads it. The forecast's thresholds (``at_risk_*``)
        are written only when they differ from their defaults, so that the rules
        of a programme that keeps the defaults read the same as before they
        existed (docs/format.md).
        """

        num = plain_decimal
        data: dict[str, Any] = {
            "name": self.name,
            "theory_hours": num(self.theory_hours.value),
            "min_theory_share": None
            if self.min_theory_share is None
            else num(self.min_theory_share.value),
            "makeup_cap": None if self.makeup_cap is None else num(self.makeup_cap.value),
            "practice_weeks": num(self.practice_weeks),
            "min_practice_share": None
            if self.min_practice_share is None
            else num(self.min_practice_share.value),
            "literature_sign_off": self.literature_sign_off,
            "assignment_approval": self.assignment_approval,
            "max_submissions": self.max_submissions,
        }
        for name, share in _SHARE_OF.items():
            if getattr(self, share) is not None and not _figure(getattr(self, name)):
                del data[name]  # a share only: written without the count (from_dict reads it so)
        for name, default in _AT_RISK_DEFAULTS.items():
            value = getattr(self, name)
            if value != default:
                data[name] = num(value.value) if isinstance(value, Percent) else value
        return data


#: The count a share may stand in for: a programme that sets ``min_theory_share``
#: may leave out ``theory_hours`` (it is then 0), and likewise for practice.
_SHARE_OF: Final[Mapping[str, str]] = MappingProxyType(
    {"theory_hours": "min_theory_share", "practice_weeks": "min_practice_share"}
)


def _missing(name: str) -> Problem:
    share = _SHARE_OF.get(name)
    if share is None:
        return Problem.of(name, "records.rules.missing")
    return Problem.of(name, "records.rules.missing_or_share", share=share)


def _figure(value: Hours | Decimal) -> Decimal:
    return value.value if isinstance(value, Hours) else value


def _flag(field: str) -> Callable[[Any], bool]:
    def parse(raw: Any) -> bool:
        if not isinstance(raw, bool):
            raise InvalidValueError.at(field, "records.rules.flag", got=v.described_value(raw))
        return raw

    return parse


def _whole(field: str, *, low: int = 1) -> Callable[[Any], int]:
    def parse(raw: Any) -> int:
        if not isinstance(raw, int) or isinstance(raw, bool) or not low <= raw <= 100:
            raise InvalidValueError.at(
                field, "records.rules.whole", low=low, got=v.described_value(raw)
            )
        return raw

    return parse


def _name(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 200:
        raise InvalidValueError.at("name", "records.rules.name")
    return raw


_PARSERS: Final[dict[str, Callable[[Any], Any]]] = {
    "name": _name,
    "theory_hours": _check("theory_hours", Hours),
    "practice_weeks": _check("practice_weeks", _weeks),
    "min_theory_share": _check("min_theory_share", _optional_percent),
    "makeup_cap": _check("makeup_cap", _optional_hours),
    "min_practice_share": _check("min_practice_share", _optional_percent),
    "literature_sign_off": _flag("literature_sign_off"),
    "assignment_approval": _flag("assignment_approval"),
    "max_submissions": _whole("max_submissions"),
    "at_risk_theory_share": _check("at_risk_theory_share", _share),
    "at_risk_practice_share": _check("at_risk_practice_share", _share),
    "at_risk_absences": _whole("at_risk_absences", low=0),
}

#: Bergen's programme as described in 2010: 140 hours of theory, 14 weeks of practice
#: with literature studies, and a final assignment that must be approved.
BERGEN_2010: Final = ProgrammeRules(
    name="Bergen 2010", theory_hours=Hours(140), practice_weeks=Decimal(14)
)

#: Bergen's later form: 180 hours of theory and 20 weeks of practice.
BERGEN_2015: Final = ProgrammeRules(
    name="Bergen 2015", theory_hours=Hours(180), practice_weeks=Decimal(20)
)
