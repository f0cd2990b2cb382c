"""argparse's own words in the language of the command line, from the catalogue.

``argparse`` writes its headings (``usage:``, ``options``), the help of
``--help`` and its wrong-usage messages in English, each made from a message id
it passes through ``gettext``. :data:`MESSAGE_KEYS` maps each message id a user
can meet to a catalogue key (``catalogue/argparse_words.py``).
:class:`~mbprogram.cli.common.Parser` puts the headings in place and
:func:`translated` turns a message argparse made back into its id and values
and writes it again from the catalogue; a message it does not know (one of
the command line's own, already in the language asked for) is left as it is.
``tests/test_cli_parser_words.py`` holds every id to argparse's source, so a
Python whose argparse words a message otherwise fails there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from mbprogram.catalogue import Lang, text

__all__ = ["MESSAGE_KEYS", "heading", "translated"]

#: argparse's message ids (its ``_()`` and ``ngettext()`` arguments) -> catalogue keys.
MESSAGE_KEYS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "usage: ": "argparse.usage",
        "positional arguments": "argparse.positionals",
        "options": "argparse.options",
        "show this help message and exit": "argparse.help",
        "argument %(argument_name)s: %(message)s": "argparse.argument",
        "unrecognized arguments: %s": "argparse.unrecognized",
        "the following arguments are required: %s": "argparse.required",
        "one of the arguments %s is required": "argparse.one_of_required",
        "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
        "invalid %(type)s value: %(value)r": "argparse.invalid_value",
        "expected one argument": "argparse.expected_one",
        "expected at most one argument": "argparse.expected_at_most_one",
        "expected at least one argument": "argparse.expected_at_least_one",
        "expected %s argument": "argparse.expected_n",
        "expected %s arguments": "argparse.expected_n",
        "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
        "not allowed with argument %s": "argparse.not_allowed_with",
        "ignored explicit argument %r": "argparse.ignored_explicit",
        "unexpected option string: %s": "argparse.unexpected_option",
    }
)

#: The name of the one value of an id with a bare ``%s`` or ``%r``, per catalogue key.
_BARE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "argparse.unrecognized": "arguments",
        "argparse.required": "arguments",
        "argparse.one_of_required": "arguments",
        "argparse.expected_n": "n",
        "argparse.not_allowed_with": "argument",
        "argparse.ignored_explicit": "argument",
        "argparse.unexpected_option": "option",
    }
)

_PLACEHOLDER: Final = re.compile(r"%(?:\((\w+)\))?[sr]")


def _pattern(message_id: str, key: str) -> re.Pattern[str]:
    """A pattern that matches what argparse makes of ``message_id``, its values as groups."""
    parts, start = [], 0
    for found in _PLACEHOLDER.finditer(message_id):
        parts.append(re.escape(message_id[start : found.start()]))
        name = found.group(1) or _BARE_NAMES[key]
        parts.append(f"(?P<{name}>{'[0-9]+' if name == 'n' else '.+?'})")
        start = found.end()
    parts.append(re.escape(message_id[start:]))
    return re.compile("".join(parts), re.DOTALL)


@functools.cache
def _messages() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The messages with values (the headings are never matched), the longest ids first.

    Compiled when argparse first reports wrong usage: a command that is used
    rightly never needs them.
    """
    return tuple(
        (_pattern(message_id, key), key)
        for message_id, key in sorted(MESSAGE_KEYS.items(), key=lambda item: -len(item[0]))
        if key
        not in ("argparse.usage", "argparse.positionals", "argparse.options", "argparse.help")
    )


def translated(message: str, lang: Lang) -> str:
    """``message``, made by argparse from one of :data:`MESSAGE_KEYS`, written in ``lang``.

    A message of ``argument X: …`` has its inner message translated too. A
    message argparse did not make is returned as it is.
    """
    for pattern, key in _messages():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values: dict[str, object] = dict(found.groupdict())
        if key == "argparse.argument":
            values["message"] = translated(str(values["message"]), lang)
        if key == "argparse.expected_n":
            values["n"] = int(str(values["n"]))
        return text(key, lang, **values)
    return message


def heading(message_id: str, lang: Lang) -> str:
    """One of argparse's headings or help texts (``"options"`` …) in ``lang``."""
    return text(MESSAGE_KEYS[message_id], lang)
