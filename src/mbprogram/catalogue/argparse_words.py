"""The words of the command line's parser: help headings and wrong-usage messages (``argparse.…``).

The standard library's ``argparse`` writes these in English; the command line
gives them from here instead (``mbprogram/cli/parser_words.py`` maps each of
argparse's message ids to its key).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "argparse.usage": {"nb": "bruk: ", "en": "usage: "},
    "argparse.positionals": {"nb": "argumenter", "en": "positional arguments"},
    "argparse.options": {"nb": "valg", "en": "options"},
    "argparse.help": {
        "nb": "vis denne hjelpeteksten og avslutt",
        "en": "show this help message and exit",
    },
    "argparse.argument": {
        "nb": "argumentet {argument_name}: {message}",
        "en": "argument {argument_name}: {message}",
    },
    "argparse.unrecognized": {
        "nb": "ukjente argumenter: {arguments}",
        "en": "unrecognized arguments: {arguments}",
    },
    "argparse.required": {
        "nb": "disse argumentene mangler: {arguments}",
        "en": "the following arguments are required: {arguments}",
    },
    "argparse.one_of_required": {
        "nb": "ett av argumentene {arguments} må gis",
        "en": "one of the arguments {arguments} is required",
    },
    "argparse.invalid_choice": {
        "nb": "ugyldig valg: {value} (velg blant {choices})",
        "en": "invalid choice: {value} (choose from {choices})",
    },
    "argparse.invalid_value": {
        "nb": "ugyldig verdi for {type}: {value}",
        "en": "invalid {type} value: {value}",
    },
    "argparse.expected_one": {"nb": "ventet én verdi", "en": "expected one argument"},
    "argparse.expected_at_most_one": {
        "nb": "ventet høyst én verdi",
        "en": "expected at most one argument",
    },
    "argparse.expected_at_least_one": {
        "nb": "ventet minst én verdi",
        "en": "expected at least one argument",
    },
    "argparse.expected_n": {
        "nb": "ventet {n} {n:verdi|verdier}",
        "en": "expected {n} {n:argument|arguments}",
    },
    "argparse.ambiguous": {
        "nb": "tvetydig valg: {option} kan være {matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "argparse.not_allowed_with": {
        "nb": "ikke tillatt sammen med argumentet {argument}",
        "en": "not allowed with argument {argument}",
    },
    "argparse.ignored_explicit": {
        "nb": "ignorerte det gitte argumentet {argument}",
        "en": "ignored explicit argument {argument}",
    },
    "argparse.unexpected_option": {
        "nb": "uventet valg: {option}",
        "en": "unexpected option string: {option}",
    },
}
