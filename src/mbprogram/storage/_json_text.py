"""Reading JSON text within bounds, with errors that quote none of it.

The JSON document and the rows of the SQLite store are read through
:func:`read_json`. It differs from :func:`json.loads` in three ways:

* every number is read exactly and within a bound: a number literal has at most
  :data:`MAX_NUMBER_CHARACTERS` characters (longer ones would make Python's
  ``int`` refuse with a bare ``ValueError`` past 4,300 digits, or make the
  library build huge values), and a decimal whose exponent is out of range is
  refused too; ``NaN`` and ``Infinity`` are refused;
* every failure is one :class:`JsonTextError` whose message says what is wrong
  and where (line and column), never what the text says;
* the error is raised outside the handler of the decoder's own error, so it
  carries no ``__context__``: a :class:`json.JSONDecodeError` keeps the whole
  text in its ``doc``, and a chained error would take it wherever the error
  goes (a log, an error report).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Final

from mbprogram.catalogue import Term
from mbprogram.storage._problems import KeyedError

__all__ = ["MAX_NUMBER_CHARACTERS", "JsonTextError", "read_json"]

#: The longest number literal read (sign, digits, point and exponent included):
#: enough for every exact number a record holds (below 10^15 with 40 decimals).
MAX_NUMBER_CHARACTERS: Final = 60


#: The JSON decoder's reasons (as Python words them) that the catalogue has in bokmål too.
_REASONS: Final = {
    "Expecting value": "value",
    "Expecting property name enclosed in double quotes": "property",
    "Expecting ',' delimiter": "comma",
    "Expecting ':' delimiter": "colon",
    "Unterminated string starting at": "unterminated",
    "Invalid control character at": "control",
    "Invalid \\escape": "escape",
    "Invalid \\uXXXX escape": "unicode_escape",
    "Extra data": "extra",
    "Illegal trailing comma before end of object": "object_comma",
    "Illegal trailing comma before end of array": "array_comma",
}


class JsonTextError(KeyedError):
    """Text that is not a JSON value within bounds; the message quotes none of it.

    Its message is a catalogue key with values (:meth:`problem` gives it at a path).
    """


def _reason(message: str) -> str:
    """The decoder's reason, a catalogue term when the catalogue has it (it quotes no text)."""
    slug = _REASONS.get(message)
    return Term(f"reading.json.reason.{slug}") if slug else message


def _long(literal: str) -> JsonTextError:
    return JsonTextError("reading.json.long_number", n=len(literal), most=MAX_NUMBER_CHARACTERS)


def _integer(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARACTERS:
        raise _long(literal)
    return int(literal)


def _decimal(literal: str) -> Decimal:
    if len(literal) > MAX_NUMBER_CHARACTERS:
        raise _long(literal)
    try:
        return Decimal(literal)
    except ArithmeticError:  # an exponent beyond what a Decimal holds
        raise JsonTextError("reading.json.exponent") from None


def _constant(name: str) -> object:
    raise JsonTextError("reading.json.not_finite", name=name)


def read_json(text: object) -> object:
    """The JSON value in ``text`` (bytes are read as UTF-8, -16 or -32, as JSON allows).

    Numbers with a fraction or an exponent are read as :class:`~decimal.Decimal`,
    exactly; whole numbers as ``int``.

    Raises:
        JsonTextError: if ``text`` is not one JSON value, or holds a number out of
            bounds; its message says what and where, never what the text says.
    """
    if not isinstance(text, str | bytes | bytearray):
        error = JsonTextError("reading.json.not_text", type=type(text).__name__)
    else:
        try:
            return json.loads(
                text, parse_int=_integer, parse_float=_decimal, parse_constant=_constant
            )
        except json.JSONDecodeError as e:
            error = JsonTextError(
                "reading.json.invalid", reason=_reason(e.msg), line=e.lineno, column=e.colno
            )
        except JsonTextError as e:
            error = JsonTextError(e.key, **e.values)
        except UnicodeDecodeError:
            error = JsonTextError("reading.json.not_utf8")
        except RecursionError:
            error = JsonTextError("reading.json.too_deep")
    # Raised here, after the handlers: the decoder's error (and its ``doc``) is not chained.
    raise error
