"""Turning what went wrong while reading a document into problems with paths.

The converter's hooks raise three kinds of leaf errors: :class:`BadValueError` (a
value of the wrong JSON kind or form), the domain's
:class:`~mbprogram.exceptions.InvalidValueError` (a record that breaks its own
rules) and ``KeyError`` (a required key is missing); cattrs wraps them in
exception groups whose notes name the attribute or list index they concern.
:func:`problems_of` walks such a tree and returns one
:class:`~mbprogram.exceptions.Problem` per leaf, with its path from the
document's root (``cohorts[0].students[3].placements[1].end``).

A value is echoed in a message only when it is a short number or boolean and
lies outside every field classified as sensitive or a direct identifier; text is
never echoed (it may be a reason or a name in the wrong field), and neither is an
unknown key inside a sensitive field. Elsewhere an unknown key is quoted only
when it reads like an id (:func:`quotable`); any other key is counted, not named.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from typing import Any, Final

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from mbprogram.exceptions import InvalidValueError, Problem, ValidationError
from mbprogram.model.privacy import Privacy, classification

__all__ = [
    "ROOT",
    "BadValueError",
    "UnknownKeysError",
    "invalid",
    "json_kind",
    "key_path",
    "problems_of",
    "quotable",
    "shown",
    "unknown_key_message",
    "unknown_key_problems",
]

#: The path of the document itself, for problems that concern all of it.
ROOT: Final = "$"

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,39}")
_SHOWN_LENGTH = 40


class BadValueError(ValueError):
    """A value of the wrong kind or form; ``got`` is shown only outside sensitive fields."""

    def __init__(self, expected: str, got: object = None, *, show: bool = True) -> None:
        super().__init__(expected)
        self.expected = expected
        self.got = got
        self.show = show

    def message(self, *, sensitive: bool) -> str:
        """The message, echoing the value only if allowed."""
        if self.got is None and not self.show:
            return self.expected
        got = json_kind(self.got) if sensitive or not self.show else shown(self.got)
        return f"{self.expected}, got {got}"


class UnknownKeysError(ValueError):
    """Keys a document object may not have; ``known`` are those it may."""

    def __init__(self, unknown: Collection[str], known: Collection[str]) -> None:
        super().__init__("unknown keys")
        self.unknown = sorted(unknown)
        self.known = sorted(known)


def json_kind(value: object) -> str:
    """Name the JSON kind of ``value`` without showing it: ``a number``, ``text`` …"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def shown(value: object) -> str:
    """A short rendering of a non-sensitive value for a message.

    Text is never shown, only its kind: a value that could not be read may be a
    reason or a name written into the wrong field.
    """
    if isinstance(value, str):
        return json_kind(value)
    if isinstance(value, (bool, int)) or type(value).__name__ == "Decimal":
        return f"{json_kind(value)} ({str(value)[:_SHOWN_LENGTH]})"
    return json_kind(value)


def key_path(path: str, key: object) -> str:
    """``path`` followed by an object key: ``a.b``, or ``a["odd key"]`` for odd keys."""
    text = str(key)
    base = "" if path == ROOT else path
    if _IDENTIFIER.fullmatch(text) and len(text) <= _SHOWN_LENGTH:
        return f"{base}.{text}" if base else text
    return f"{base}[{json.dumps(text[:_SHOWN_LENGTH])}]"


def quotable(name: object) -> bool:
    """Whether a key or name read from a file may be quoted in a path or message.

    Only a token that reads like an id is: ASCII letters, digits, ``.``, ``_``,
    ``:`` and ``-``, starting with a letter or digit, at most 40 characters, and
    not eleven digits (which may be a national identity number). Anything else
    (a name, an e-mail address, a sentence typed where a key belongs) may be the
    data itself, and is described, never quoted.
    """
    return (
        isinstance(name, str)
        and _QUOTABLE.fullmatch(name) is not None
        and not (len(name) == 11 and name.isdigit())
    )


def unknown_key_message(key: str, known: Collection[str]) -> str:
    """The message for one unknown key that may be quoted (see :func:`quotable`)."""
    import difflib  # noqa: PLC0415 - only a document with an unknown key needs it

    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return f"unknown key; did you mean {close[0]!r}?"
    return f"unknown key; expected one of {', '.join(sorted(known))}"


def unknown_key_problems(path: str, keys: Collection[str], known: Collection[str]) -> list[Problem]:
    """The problems of ``keys``, unknown in the object at ``path``.

    A key that :func:`quotable` allows gets its own problem at its path
    (``host_units[0].kidn: unknown key; did you mean 'kind'?``); the others are
    counted in one problem at ``path``, without being named.
    """
    shown = [k for k in keys if quotable(k)]
    problems = [Problem(key_path(path, k), unknown_key_message(k, known)) for k in shown]
    hidden = len(keys) - len(shown)
    if hidden:
        what = "an unknown key" if hidden == 1 else f"{hidden} unknown keys"
        problems.append(
            Problem(
                path or ROOT,
                f"{what} (not shown: only a key that reads like an id is quoted); "
                f"expected only {', '.join(sorted(known))}",
            )
        )
    return problems


def _unknown_keys_message(count: int, known: Collection[str]) -> str:
    what = "an unknown key" if count == 1 else f"{count} unknown keys"
    return f"{what} (not shown: sensitive field); expected only {', '.join(sorted(known))}"


def _is_sensitive(cls: Any, name: str) -> bool:
    try:
        kinds = classification(cls)
    except Exception:  # not an attrs class: nothing is classified
        return False
    return kinds.get(name, Privacy.ORDINARY) is not Privacy.ORDINARY


def problems_of(error: BaseException, path: str, *, sensitive: bool = False) -> list[Problem]:
    """Every problem in ``error`` (a tree of exceptions raised while structuring) under ``path``."""
    return list(_walk(error, path, sensitive=sensitive))


def _walk(error: BaseException, path: str, *, sensitive: bool) -> Iterator[Problem]:
    if isinstance(error, BaseValidationError):
        owner = error.cl
        for sub in error.exceptions:
            sub_path, sub_sensitive = path, sensitive
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = key_path(path, note.name)
                    sub_sensitive = sensitive or _is_sensitive(owner, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
            yield from _walk(sub, sub_path, sensitive=sub_sensitive)
    elif isinstance(error, BadValueError):
        yield Problem(path or ROOT, error.message(sensitive=sensitive))
    elif isinstance(error, ValidationError):  # the domain's own checks, also InvalidValueError
        for p in error.problems:
            yield attrs.evolve(p, path=_join(path, p.path))
    elif isinstance(error, UnknownKeysError | ForbiddenExtraKeysError):
        if isinstance(error, UnknownKeysError):
            unknown, known = list(error.unknown), list(error.known)
        else:
            unknown = sorted(error.extra_fields)
            known = [a.name for a in getattr(error.cl, "__attrs_attrs__", ())]
        if sensitive:
            # A key inside a sensitive field may itself be the data (an e-mail
            # address, a diagnosis): the subtree is named, the key never.
            yield Problem(path or ROOT, _unknown_keys_message(len(unknown), known))
        else:
            yield from unknown_key_problems(path, unknown, known)
    elif isinstance(error, KeyError):
        yield Problem(path or ROOT, "required key is missing")
    else:
        # Not raised by any hook on purpose; say what kind of failure without its text,
        # which could quote a value.
        yield Problem(path or ROOT, f"could not be read ({type(error).__name__})")


def _join(path: str, inner: str) -> str:
    if not inner:
        return path or ROOT
    if not path or path == ROOT:
        return inner
    return f"{path}{'' if inner.startswith('[') else '.'}{inner}"


def invalid(path: str, message: str) -> InvalidValueError:
    """One problem as an :class:`InvalidValueError` (for hooks that check a whole object)."""
    return InvalidValueError([Problem(path, message)])
