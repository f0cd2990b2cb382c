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

__all__ = ["MAX_NUMBER_CHARACTERS", "JsonTextError", "read_json"]

#: The longest number literal read (sign, digits, point and exponent included):
#: enough for every exact number a record holds (below 10^15 with 40 decimals).
MAX_NUMBER_CHARACTERS: Final = 60


class JsonTextError(ValueError):
    """Text that is not a JSON value within bounds; the message quotes none of it."""


def _long(literal: str) -> JsonTextError:
    return JsonTextError(
        f"a number of {len(literal)} characters; a number has at most "
        f"{MAX_NUMBER_CHARACTERS} (docs/format.md)"
    )


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
        raise JsonTextError("a number whose exponent is out of range") from None


def _constant(name: str) -> object:
    raise JsonTextError(f"expected a finite number, got {name}")


def read_json(text: object) -> object:
    """The JSON value in ``text`` (bytes are read as UTF-8, -16 or -32, as JSON allows).

    Numbers with a fraction or an exponent are read as :class:`~decimal.Decimal`,
    exactly; whole numbers as ``int``.

    Raises:
        JsonTextError: if ``text`` is not one JSON value, or holds a number out of
            bounds; its message says what and where, never what the text says.
    """
    if not isinstance(text, str | bytes | bytearray):
        message = f"expected JSON text (str or bytes), got {type(text).__name__}"
    else:
        try:
            return json.loads(
                text, parse_int=_integer, parse_float=_decimal, parse_constant=_constant
            )
        except json.JSONDecodeError as e:
            message = f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"
        except JsonTextError as e:
            message = str(e)
        except UnicodeDecodeError:
            message = "not a readable JSON document (not UTF-8 text)"
        except RecursionError:
            message = "not a readable JSON document (nested too deeply)"
    # Raised here, after the handlers: the decoder's error (and its ``doc``) is not chained.
    raise JsonTextError(message)
