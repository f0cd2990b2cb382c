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

Every message is a catalogue key with values (section ``catalogue/reading.py``):
:class:`KeyedError` and :class:`BadValueError` carry theirs into the problem they
become, so :meth:`~mbprogram.exceptions.Problem.message_in` reads it in bokmål as
well as English; the kind of a value (``a number``) is a catalogue ``Phrase`` too.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from mbprogram.catalogue import Phrase, Term, checked_lang, number, text
from mbprogram.exceptions import InvalidValueError, Problem, ValidationError
from mbprogram.model.privacy import Privacy, classification

__all__ = [
    "ROOT",
    "BadValueError",
    "KeyedError",
    "KeyedWarning",
    "UnknownKeysError",
    "invalid",
    "joined",
    "json_kind",
    "key_path",
    "kind_problem",
    "os_reason",
    "phrase_of",
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


class KeyedError(ValueError):
    """An error whose message is the catalogue's ``key`` filled with ``values``.

    ``str()`` is the English text; :meth:`problem` gives it as a problem at a
    path, in any language (:meth:`~mbprogram.exceptions.Problem.message_in`).
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(text(key, "en", **values))

    def problem(self, path: str) -> Problem:
        """The message as a problem at ``path``."""
        return Problem.of(path, self.key, **self.values)


class KeyedWarning(UserWarning):
    """A warning whose message is the catalogue's ``key`` filled with ``values``.

    ``str()`` is the English text; :meth:`message_in` gives it in bokmål too (the
    command line prints the language of ``--lang``).
    """

    key: str = ""

    def __init__(self, **values: object) -> None:
        self.values = values
        super().__init__(text(self.key, "en", **values))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"nb"`` or ``"en"``)."""
        return text(self.key, checked_lang(lang), **self.values)


class BadValueError(ValueError):
    """A value of the wrong kind or form; ``got`` is shown only outside sensitive fields.

    ``key`` is the catalogue key of what was expected (``"reading.expected.text"``),
    filled with ``values``; :attr:`expected` is that text (a ``Phrase``: English as
    a ``str``, any language when filled into a problem's message).
    """

    def __init__(
        self, key: str, got: object = None, *, show: bool = True, **values: object
    ) -> None:
        self.key = key
        self.values = values
        self.expected = Phrase(key, **values)
        super().__init__(str(self.expected))
        self.got = got
        self.show = show

    @classmethod
    def wrapping(cls, problems: Iterable[Problem]) -> BadValueError:
        """The problems of a one-field value object's refusal, as what was expected there."""
        return cls("reading.as_is", show=False, message=phrase_of(problems))

    def problem(self, path: str, *, sensitive: bool) -> Problem:
        """The problem at ``path``, echoing the value only if allowed."""
        if self.got is None and not self.show:
            return Problem.of(path, self.key, **self.values)
        got = json_kind(self.got) if sensitive or not self.show else shown(self.got)
        return Problem.of(path, "reading.got", expected=self.expected, got=got)


#: The errors of the file system whose reason the catalogue has in bokmål too.
_OS_REASONS: Final = {
    errno.ENOENT: "no_such_file",
    errno.EACCES: "permission",
    errno.EPERM: "not_permitted",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "not_directory",
    errno.ENOSPC: "no_space",
    errno.EROFS: "read_only",
}


def os_reason(error: OSError) -> str:
    """Why the file system refused, as the system says it (a catalogue term for the usual ones)."""
    slug = _OS_REASONS.get(error.errno or 0)
    return Term(f"reading.os.{slug}") if slug else str(error.strerror or error)


def kind_problem(path: str, key: str, got: object, /, **values: object) -> Problem:
    """``<key's text>, got <the JSON kind of got>`` at ``path`` (``expected a list, got null``)."""
    return Problem.of(path, "reading.got", expected=Phrase(key, **values), got=json_kind(got))


def phrase_of(problems: Iterable[Problem]) -> str:
    """The messages of ``problems``, joined by ``; ``, as a text of any language."""
    return joined([Phrase(p.key, **p.values) if p.key else p.message for p in problems])


def joined(parts: Sequence[str]) -> str:
    """``parts`` joined by ``; ``, each (a catalogue ``Phrase``) in the language of its message."""
    if not parts:
        return ""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        text = Phrase("reading.joined", first=part, rest=text)
    return text


class UnknownKeysError(ValueError):
    """Keys a document object may not have; ``known`` are those it may."""

    def __init__(self, unknown: Collection[str], known: Collection[str]) -> None:
        super().__init__("unknown keys")
        self.unknown = sorted(unknown)
        self.known = sorted(known)


_KIND: Final = {
    kind: Phrase(f"reading.kind.{kind}")
    for kind in ("null", "boolean", "number", "text", "list", "object")
}


def json_kind(value: object) -> str:
    """Name the JSON kind of ``value`` without showing it: ``a number``, ``text`` …

    The name is a catalogue ``Phrase``: English as a ``str``, in the language of
    the message it is filled into.
    """
    if value is None:
        return _KIND["null"]
    if isinstance(value, bool):
        return _KIND["boolean"]
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return _KIND["number"]
    if isinstance(value, str):
        return _KIND["text"]
    if isinstance(value, list):
        return _KIND["list"]
    if isinstance(value, dict):
        return _KIND["object"]
    return type(value).__name__


def shown(value: object) -> str:
    """A short rendering of a non-sensitive value for a message.

    Text is never shown, only its kind: a value that could not be read may be a
    reason or a name written into the wrong field. A decimal number takes a
    decimal comma in bokmål.
    """
    if isinstance(value, str):
        return json_kind(value)
    if isinstance(value, (bool, int)) or type(value).__name__ == "Decimal":
        written = str(value)[:_SHOWN_LENGTH]
        return Phrase("reading.kind.shown", kind=json_kind(value), value=_number(value, written))
    return json_kind(value)


def _number(value: object, written: str) -> object:
    """A Decimal as it is when English writes it as ``written`` (so bokmål gives it a comma)."""
    if isinstance(value, Decimal):
        with contextlib.suppress(ArithmeticError, ValueError):
            if number(value, "en") == written:
                return value
    return written


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


def unknown_key_message(path: str, key: str, known: Collection[str]) -> Problem:
    """The problem at ``path`` of one unknown key that may be quoted (see :func:`quotable`)."""
    import difflib  # noqa: PLC0415 - only a document with an unknown key needs it

    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return Problem.of(path, "reading.unknown_key.close", close=repr(close[0]))
    return Problem.of(path, "reading.unknown_key.expected", known=", ".join(sorted(known)))


def _unknown_keys(count: int) -> str:
    if count == 1:
        return Phrase("reading.unknown_keys.one")
    return Phrase("reading.unknown_keys.many", n=count)


def unknown_key_problems(path: str, keys: Collection[str], known: Collection[str]) -> list[Problem]:
    """The problems of ``keys``, unknown in the object at ``path``.

    A key that :func:`quotable` allows gets its own problem at its path
    (``host_units[0].kidn: unknown key; did you mean 'kind'?``); the others are
    counted in one problem at ``path``, without being named.
    """
    shown = [k for k in keys if quotable(k)]
    problems = [unknown_key_message(key_path(path, k), k, known) for k in shown]
    hidden = len(keys) - len(shown)
    if hidden:
        problems.append(
            Problem.of(
                path or ROOT,
                "reading.unknown_keys.hidden",
                what=_unknown_keys(hidden),
                known=", ".join(sorted(known)),
            )
        )
    return problems


def _unknown_keys_problem(path: str, count: int, known: Collection[str]) -> Problem:
    return Problem.of(
        path,
        "reading.unknown_keys.sensitive",
        what=_unknown_keys(count),
        known=", ".join(sorted(known)),
    )


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
        yield error.problem(path or ROOT, sensitive=sensitive)
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
            yield _unknown_keys_problem(path or ROOT, len(unknown), known)
        else:
            yield from unknown_key_problems(path, unknown, known)
    elif isinstance(error, KeyError):
        yield Problem.of(path or ROOT, "reading.missing_key")
    else:
        # Not raised by any hook on purpose; say what kind of failure without its text,
        # which could quote a value.
        yield Problem.of(path or ROOT, "reading.unreadable", kind=type(error).__name__)


def _join(path: str, inner: str) -> str:
    if not inner:
        return path or ROOT
    if not path or path == ROOT:
        return inner
    return f"{path}{'' if inner.startswith('[') else '.'}{inner}"


def invalid(path: str, key: str, /, **values: object) -> InvalidValueError:
    """One problem, the catalogue's ``key`` with ``values``, as an :class:`InvalidValueError`."""
    return InvalidValueError([Problem.of(path, key, **values)])
