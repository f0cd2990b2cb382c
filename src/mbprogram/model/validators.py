"""Reusable attrs validators for the model.

Each is a small slotted callable class with a lowercase factory, in the style
of ``attrs.validators``. They raise :class:`~mbprogram.exceptions.InvalidValueError`
naming the field, what was expected and what was got. They never echo text (a
reason or a name may be in the wrong field: they say only that it is text, and
how long), nor any value of a field classified as sensitive or a direct
identifier.

:func:`check_date`, :func:`check_instance` and :func:`check_each` do the same
for the arguments of the query functions (``as_of``, ``period`` …), once per
call.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import InvalidValueError, NotFoundError, Problem
from mbprogram.model.privacy import Privacy

__all__ = [
    "a_date",
    "accepts",
    "as_tuple",
    "aware_datetime",
    "between",
    "check_date",
    "check_each",
    "check_instance",
    "described",
    "described_value",
    "each",
    "expected_words",
    "in_enum",
    "instance",
    "is_record_id",
    "is_storable_text",
    "looks_like_national_id",
    "not_found",
    "optional",
    "record_id",
    "repeats",
    "text",
    "unique_ids",
]

T = TypeVar("T")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")


def described(attribute: attrs.Attribute[Any], value: object) -> str:
    """Say what ``value`` was: a number or bool outside sensitive fields, else only its kind."""
    if attribute.metadata.get("mbprogram.privacy", Privacy.ORDINARY) != Privacy.ORDINARY:
        return Phrase("problems.got.sensitive", type=type(value).__name__)
    return described_value(value)


def described_value(value: object) -> str:
    """Say what ``value`` was without quoting text: a number or bool, else only its kind."""
    if isinstance(value, str):
        # Never quoted: text in the wrong field may be a reason or a name.
        return Phrase("problems.got.text", n=len(value))
    if value is None or isinstance(value, int | float | decimal.Decimal):
        return Phrase("problems.got.number", value=str(value)[:40], type=type(value).__name__)
    # Collections and other objects may hold text; only their type is named.
    return Phrase("problems.got.type", type=type(value).__name__)


#: "a Register", "an Employment or None": a type named with its article.
_ARTICLED = re.compile(r"(an?) ([A-Z]\w*)( or None)?")
#: "date or Unreadable", "bool": type names, joined by "or".
_TYPES = re.compile(r"[A-Za-z_][\w.]*( or [A-Za-z_][\w.]*)*")
#: Other words for what was expected that the catalogue has.
_EXPECTED = {
    "a whole number": "records.expected.whole",
    "a record path (str)": "records.expected.record_path",
    "True or False": "records.expected.bool",
}


def expected_words(expected: str) -> str:
    """What was expected (``"a Register"``, ``"date or Unreadable"``) in the catalogue's words.

    A type's name stays as it is, its article and the ``or`` between types are
    the language's (``en Register``, ``date eller Unreadable``); words the
    catalogue lacks stay as they are (English).
    """
    articled = _ARTICLED.fullmatch(expected)
    if articled is not None:
        phrase = Phrase(f"records.expected.{articled[1]}", kind=articled[2])
        return Phrase("records.expected.or_none", expected=phrase) if articled[3] else phrase
    if expected in _EXPECTED:
        return Phrase(_EXPECTED[expected])
    if " or " in expected and _TYPES.fullmatch(expected):
        *choices, last = expected.split(" or ")
        return Phrase("records.expected.either", choices=", ".join(choices), last=last)
    return expected


def _fail(attribute: attrs.Attribute[Any], key: str, **values: object) -> InvalidValueError:
    return InvalidValueError([Problem.of(attribute.name, key, **values)])


@attrs.frozen(repr=False)
class _Instance:
    kinds: tuple[type, ...]
    expected: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.kinds) or (
            isinstance(value, bool) and bool not in self.kinds
        ):
            expected = expected_words(self.expected)
            raise _fail(attribute, "problems.field.expected", expected=expected,
                        got=described(attribute, value))  # fmt: skip

    def __repr__(self) -> str:
        return f"<instance validator for {self.expected}>"


def instance(*kinds: type, expected: str = "") -> Callable[..., None]:
    """Validate that the value is an instance of one of ``kinds`` (bool never counts as int)."""
    return _Instance(kinds, expected or " or ".join(k.__name__ for k in kinds))


@attrs.frozen(repr=False)
class _Text:
    max_length: int
    allow_empty: bool

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise _fail(attribute, "problems.field.text", got=described(attribute, value))
        if not is_storable_text(value):
            raise _fail(attribute, "problems.field.unstorable")
        if not self.allow_empty and not value.strip():
            raise _fail(attribute, "problems.field.empty")
        if len(value) > self.max_length:
            raise _fail(attribute, "problems.field.too_long", most=self.max_length, n=len(value))

    def __repr__(self) -> str:
        return f"<text validator (max {self.max_length})>"


def text(*, max_length: int = 10_000, allow_empty: bool = False) -> Callable[..., None]:
    """Validate text: a ``str``, non-blank unless ``allow_empty``, at most ``max_length``."""
    return _Text(max_length, allow_empty)


def is_storable_text(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 and read back: no NUL, no lone surrogate."""
    if "\x00" in value:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def not_found(kind: str, key: object) -> NotFoundError:
    """The error for a lookup of ``key`` that found no ``kind``; ``key`` is quoted only if an id."""
    return NotFoundError(kind, key if isinstance(key, str) and is_record_id(key) else None)


def looks_like_national_id(value: str) -> bool:
    """Whether ``value`` has the form of a national identity number (eleven digits)."""
    return len(value) == 11 and value.isascii() and value.isdigit()


@attrs.frozen(repr=False)
class _RecordId:
    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise _fail(
                attribute,
                "problems.field.id",
                allowed=Phrase("problems.field.id_allowed"),
                got=described(attribute, value),
            )
        if looks_like_national_id(value):
            raise _fail(
                attribute,
                "problems.field.id_national",
            )

    def __repr__(self) -> str:
        return "<record id validator>"


def record_id() -> Callable[..., None]:
    """Validate an opaque record id: 1-64 of ``[A-Za-z0-9._:-]``, starting alphanumeric."""
    return _RecordId()


def is_record_id(value: object) -> bool:
    """Whether ``value`` is a valid opaque record id."""
    return (
        isinstance(value, str)
        and _ID.fullmatch(value) is not None
        and not looks_like_national_id(value)
    )


@attrs.frozen(repr=False)
class _Date:
    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise _fail(attribute, "problems.field.date", got=described(attribute, value))

    def __repr__(self) -> str:
        return "<date validator>"


def a_date() -> Callable[..., None]:
    """Validate a calendar date (a ``datetime.date`` that is not a ``datetime``)."""
    return _Date()


def check_date(value: object, name: str) -> dt.date:
    """Return ``value`` if it is a calendar date; the check for a function's date argument.

    Raises:
        InvalidValueError: naming ``name`` when ``value`` is not a ``datetime.date``,
            or is a ``datetime`` (a subclass that cannot be compared with a date).
    """
    if isinstance(value, dt.datetime):
        raise InvalidValueError.at(name, "records.check.not_datetime")
    if not isinstance(value, dt.date):
        raise InvalidValueError.at(name, "records.check.date", got=type(value).__name__)
    return value


def check_instance(value: object, kind: type[T], name: str, expected: str) -> T:
    """Return ``value`` if it is a ``kind``; the check for a function's argument.

    Raises:
        InvalidValueError: naming ``name``, saying it ``expected`` (e.g. ``"a DateRange"``)
            and what type it got.
    """
    if not isinstance(value, kind):
        raise InvalidValueError.at(
            name,
            "problems.field.expected",
            expected=expected_words(expected),
            got=type(value).__name__,
        )
    return value


def check_each(values: object, kind: type[T], name: str) -> tuple[T, ...]:
    """Return ``values`` as a tuple if it is a collection of ``kind``; the check for an argument.

    Raises:
        InvalidValueError: naming ``name``, or ``name[i]`` for an item that is not a ``kind``.
    """
    what = kind.__name__
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidValueError.at(
            name, "records.check.collection", kind=what, got=type(values).__name__
        )
    items = tuple(values)
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidValueError.at(
                f"{name}[{i}]", "refusals.load.record", kind=what, got=type(item).__name__
            )
    return items


@attrs.frozen(repr=False)
class _AwareDatetime:
    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, dt.datetime):
            raise _fail(attribute, "problems.field.datetime", got=described(attribute, value))
        if value.utcoffset() is None:
            raise _fail(attribute, "problems.field.naive")

    def __repr__(self) -> str:
        return "<aware datetime validator>"


def aware_datetime() -> Callable[..., None]:
    """Validate a timezone-aware ``datetime``."""
    return _AwareDatetime()


@attrs.frozen(repr=False)
class _Between:
    low: int
    high: int | None

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _fail(attribute, "problems.field.whole", got=described(attribute, value))
        if value < self.low or (self.high is not None and value > self.high):
            if self.high is None:
                raise _fail(attribute, "problems.field.at_least", low=self.low, value=value)
            raise _fail(
                attribute, "problems.field.between", low=self.low, high=self.high, value=value
            )

    def __repr__(self) -> str:
        return f"<whole number validator in [{self.low}, {self.high}]>"


def between(low: int, high: int | None = None) -> Callable[..., None]:
    """Validate a whole number (never a bool) in ``[low, high]``."""
    return _Between(low, high)


@attrs.frozen(repr=False)
class _InEnum:
    enum_type: type

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.enum_type):
            choices = ", ".join(repr(m.value) for m in self.enum_type)  # type: ignore[attr-defined]
            raise _fail(
                attribute,
                "problems.field.choice",
                choices=choices,
                kind=self.enum_type.__name__,
                got=described(attribute, value),
            )

    def __repr__(self) -> str:
        return f"<{self.enum_type.__name__} validator>"


def in_enum(enum_type: type) -> Callable[..., None]:
    """Validate a member of ``enum_type``."""
    return _InEnum(enum_type)


@attrs.frozen(repr=False)
class _Optional:
    inner: Callable[..., None]

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.inner(inst, attribute, value)

    def __repr__(self) -> str:
        return f"<optional {self.inner!r}>"


def optional(inner: Callable[..., None]) -> Callable[..., None]:
    """Accept ``None`` or whatever ``inner`` accepts."""
    return _Optional(inner)


@attrs.frozen(repr=False)
class _Each:
    kind: type
    expected: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise _fail(
                attribute,
                "problems.field.tuple",
                expected=expected_words(self.expected),
                got=type(value).__name__,
            )
        for i, item in enumerate(value):
            if not isinstance(item, self.kind):
                raise InvalidValueError.at(
                    f"{attribute.name}[{i}]",
                    "problems.field.expected",
                    expected=expected_words(self.expected),
                    got=type(item).__name__,
                )

    def __repr__(self) -> str:
        return f"<tuple of {self.expected} validator>"


def each(kind: type, expected: str = "") -> Callable[..., None]:
    """Validate a tuple whose items are all instances of ``kind``."""
    return _Each(kind, expected or kind.__name__)


def as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable to a tuple (the items are checked by :func:`each`)."""
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        return items  # type: ignore[return-value]  # left for the validator to refuse
    return tuple(items)


def repeats(values: Iterable[str]) -> list[tuple[int, str]]:
    """The position and value of every value that repeats an earlier one."""
    seen: set[str] = set()
    found = []
    for i, value in enumerate(values):
        if value in seen:
            found.append((i, value))
        seen.add(value)
    return found


def unique_ids(items: Iterable[Any], what: str, field: str) -> list[Problem]:
    """Return a problem for every item whose ``id`` repeats an earlier one."""
    return [
        Problem.of(
            f"{field}[{i}].id",
            "records.check.id_twice",
            what=Term(f"records.what.{what}"),
            id=repr(record_id),
        )
        for i, record_id in repeats(item.id for item in items)
    ]


def accepts(attribute: attrs.Attribute[Any]) -> Callable[[object], bool]:
    """A predicate true exactly when ``attribute``'s validator accepts a value.

    It makes no problem and no message: it is for a fast path that builds
    records without their constructors and reads anything refused again the
    usual way (``mbprogram.storage``). The validators of this module are
    checked inline; any other is called, and its error caught.
    """
    validator = attribute.validator
    if validator is None:
        return lambda value: True
    if isinstance(validator, _Text):
        most, empty = validator.max_length, validator.allow_empty
        return lambda value: (
            isinstance(value, str)
            and len(value) <= most
            and ((value.isascii() and "\x00" not in value) or is_storable_text(value))
            and (empty or bool(value.strip()))
        )
    if isinstance(validator, _RecordId):
        return is_record_id
    if isinstance(validator, _Date):
        return lambda value: isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if isinstance(validator, _Instance):
        kinds = validator.kinds
        return lambda value: (
            isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))
        )
    if isinstance(validator, _InEnum):
        enum_type = validator.enum_type
        return lambda value: isinstance(value, enum_type)
    if isinstance(validator, _Optional):
        inner = accepts(attribute.evolve(validator=validator.inner))
        return lambda value: value is None or inner(value)
    if isinstance(validator, _Each):
        kind = validator.kind
        return lambda value: isinstance(value, tuple) and all(isinstance(i, kind) for i in value)

    def check(value: object) -> bool:
        try:
            validator(None, attribute, value)
        except Exception:  # refused: the usual way names why
            return False
        return True

    return check
