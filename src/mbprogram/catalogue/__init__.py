"""The message catalogue: every text a user sees, in Norwegian bokmål and English.

One catalogue, kept in sections (one module each, named for the part of the
package whose texts it holds): ``findings`` (the findings' messages, keyed by
finding code), ``cli`` (the command line's help and messages, keys
``cli.…``), ``sheets`` (the sheet imports and the session plan, and their
commands), ``attendance`` (what an attendance import did), ``admissions``
(the ``admit`` command), ``refusals`` (the register's refused changes and load
checks), ``records`` (the model's and the calendar's checks), ``services``
(the services' and the library's own errors) and ``record_commands`` (the
record commands' argument checks), ``rule_arguments`` (the rules' argument checks),
among others. A section is a mapping
``key -> {"nb": template, "en": template}``; :data:`CATALOGUE` is all of
them, and a key is in exactly one section.

Templates are ``str.format`` templates with one addition: a placeholder with two
words after a colon picks one by the number it names, ``{n} {n:hour|hours}``
reads ``1 hour`` but ``0.5 hours`` (the singular is for exactly one, in both
languages). :func:`text` fills a template from typed values, written as the
language writes them (bokmål: decimal comma, dates ``dd.mm.yyyy``);
:func:`render` fills a finding's message from its details (text already).
``tests/catalogue/test_catalogue.py`` fails if a key lacks a language or the
languages' placeholders differ.

This module sits beside the layers (docs/architecture.md): every layer may use it.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import string
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Final, Literal, TypeAlias

from mbprogram.catalogue import (
    admissions,
    argparse_words,
    attendance,
    cli,
    command_options,
    commands,
    documents,
    findings,
    history,
    plots,
    problems,
    progress,
    reading,
    record_commands,
    records,
    refusals,
    reports,
    rule_arguments,
    services,
    sheets,
    stores,
)
from mbprogram.exceptions import InvalidValueError

__all__ = [
    "CATALOGUE",
    "LANGS",
    "Lang",
    "Phrase",
    "Term",
    "checked_lang",
    "day",
    "number",
    "os_reason",
    "placeholders",
    "render",
    "text",
]

#: A language of the catalogue: Norwegian bokmål or English.
Lang: TypeAlias = Literal["nb", "en"]

#: The languages, the default first.
LANGS: Final[tuple[Lang, ...]] = ("nb", "en")

_SECTIONS: Final = (
    findings.TEXTS,
    cli.TEXTS,
    plots.TEXTS,
    documents.TEXTS,
    reports.TEXTS,
    problems.TEXTS,
    commands.TEXTS,
    command_options.TEXTS,
    sheets.TEXTS,
    attendance.TEXTS,
    admissions.TEXTS,
    stores.TEXTS,
    history.TEXTS,
    progress.TEXTS,
    reading.TEXTS,
    argparse_words.TEXTS,
    refusals.TEXTS,
    records.TEXTS,
    services.TEXTS,
    record_commands.TEXTS,
    rule_arguments.TEXTS,
)


def _merged(sections: tuple[Mapping[str, Mapping[str, str]], ...]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for section in sections:
        twice = merged.keys() & section.keys()
        if twice:  # pragma: no cover - a programming error caught by the first import
            raise RuntimeError(f"catalogue keys in two sections: {sorted(twice)}")
        merged.update(section)
    return merged


#: ``key -> {"nb": template, "en": template}``, every section.
CATALOGUE: Final[Mapping[str, Mapping[str, str]]] = _merged(_SECTIONS)

#: Words that findings' details carry in English, as they read in bokmål.
_BOKMAL: Final[Mapping[str, str]] = {
    "midway": "midtveis",
    "final": "slutt",
    "not-started": "ikke påbegynt",
    "submitted": "levert",
    "not-approved": "ikke godkjent",
    "approved": "godkjent",
    "theory teaching": "teoriundervisningen",
    "practice": "praksis",
}
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _bokmal(value: str) -> str:
    """A detail as it reads in bokmål: a decimal comma, and the few English words translated."""
    if _DECIMAL.fullmatch(value):
        return value.replace(".", ",")
    return _BOKMAL.get(value, value)


class _Formatter(string.Formatter):
    """``str.format`` with one addition: ``{n:one|other}`` is the word for the number ``n``."""

    def format_field(self, value: object, format_spec: str) -> str:
        one, bar, other = format_spec.partition("|")
        if not bar:
            return str(super().format_field(value, format_spec))
        return one if _is_one(str(value)) else other


def _is_one(number: str) -> bool:
    """Whether a filled-in value is the number one (``"1"``, or ``"1,0"`` in bokmål)."""
    try:
        return Decimal(number.replace(",", ".").replace("\N{NO-BREAK SPACE}", "")) == 1
    except InvalidOperation:
        return False


_FORMATTER: Final = _Formatter()


def checked_lang(lang: str) -> Lang:
    """``lang`` as a :data:`Lang`.

    Raises:
        InvalidValueError: for a language other than ``nb`` or ``en``.
    """
    return _checked(lang)


def _checked(lang: str) -> Lang:
    if lang == "nb":
        return "nb"
    if lang == "en":
        return "en"
    raise InvalidValueError("lang", f"expected 'nb' or 'en', got {str(lang)[:10]!r}")


def placeholders(template: str) -> frozenset[str]:
    """The values a template is filled from (each name once, whatever its word choices)."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name is not None)


def number(value: int | Decimal | float, lang: Lang) -> str:
    """A number as ``lang`` writes it: ``117,5`` in bokmål, ``117.5`` in English.

    Integers are written as they are; a ``Decimal`` exactly, without an
    exponent or trailing zeros (``139.5``, ``180``); a float as Python writes
    it; with the decimal point a comma in bokmål.
    """
    _checked(lang)
    written = _plain(value) if isinstance(value, Decimal) else str(value)
    return written.replace(".", ",") if lang == "nb" else written


def _plain(value: Decimal) -> str:
    if not value.is_finite():
        return str(value)
    written = format(value, "f")
    if "." in written:
        written = written.rstrip("0").rstrip(".")
    return "0" if written in ("-0", "") else written


def day(value: dt.date, lang: Lang) -> str:
    """A date as ``lang`` writes it: ``31.12.2025`` in bokmål, ``2025-12-31`` in English."""
    if _checked(lang) == "nb":
        return f"{value.day:02}.{value.month:02}.{value.year:04}"
    return value.isoformat()


class Term(str):
    """A value that is itself a catalogue text: ``Term("problems.state.active")`` reads "aktiv".

    It is a ``str`` (its key), so values that hold it stay plain; :func:`text`
    fills it in the language of the text it is part of.
    """

    __slots__ = ()


class Phrase(str):
    """A catalogue text with its values, that reads English as a ``str`` and any language in a text.

    ``Phrase("problems.got.text", n=3)`` is the ``str`` "a str of 3 characters";
    filled into another text it is written in that text's language.
    """

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, /, **values: object) -> Phrase:
        phrase = super().__new__(cls, text(key, "en", **values))
        phrase.key = key
        phrase.values = values
        return phrase


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, Phrase):
        return text(value.key, lang, **value.values)
    if isinstance(value, Term):
        return text(str(value), lang)
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return day(value, lang)
    if isinstance(value, (Decimal, float)):
        return number(value, lang)
    return value


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
    """Why the file system refused: a :class:`Term` for the usual reasons, else the system's words.

    A term reads in the language of the text it fills (:func:`text`).
    """
    slug = _OS_REASONS.get(error.errno or 0)
    return Term(f"reading.os.{slug}") if slug else str(error.strerror or error)


def text(key: str, lang: Lang, /, **values: object) -> str:
    """The ``lang`` text of ``key``, filled with ``values`` written as ``lang`` writes them.

    Dates read ``dd.mm.yyyy`` and decimals take a comma in bokmål; ISO dates
    and a point in English. ``{n:one|other}`` picks the word for the number ``n``.

    Raises:
        InvalidValueError: for a language other than ``nb`` or ``en``.
        KeyError: for a key that is not in the catalogue (a programming error).
    """
    lang = _checked(lang)
    shown = {name: _shown(value, lang) for name, value in values.items()}
    return _FORMATTER.vformat(CATALOGUE[key][lang], (), shown)


def render(code: str, lang: str, details: Mapping[str, str]) -> str:
    """Fill the ``lang`` template of the finding ``code`` with its ``details``.

    In bokmål numbers take a decimal comma (``11,5 t``) and the states and
    stages in the details are translated. ``{n:one|other}`` picks the word for
    the number ``n`` (module docstring).

    Raises:
        InvalidValueError: for a language other than ``nb`` or ``en``.
    """
    checked = _checked(lang)
    if checked == "nb":
        details = {k: _bokmal(v) for k, v in details.items()}
    return _FORMATTER.vformat(findings.TEXTS[code][checked], (), details)
