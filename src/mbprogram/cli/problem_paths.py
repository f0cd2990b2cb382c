"""A problem's path as the language of ``--lang`` writes it: ``rad 4, kolonne dato`` in bokmål.

A sheet's problems are at ``row N, column C`` (or ``row N``, or ``file``), as the
library gives them (docs/csv.md); the command line's text output shows them in the
language asked for, with the column named as the sheet's header names it. Other
paths (``cohorts[0].students[3].end``) are field names, the same in every language.
JSON output keeps the path as the library gives it.
"""

from __future__ import annotations

import re
from typing import Final

from mbprogram.catalogue import Lang, text

__all__ = ["shown_path"]

_CELL: Final = re.compile(r"row ([0-9]+)(?:, column (.*))?", re.DOTALL)


def shown_path(path: str, lang: Lang) -> str:
    """``path`` in ``lang``: a sheet's row and column in its words, any other path as it is."""
    if path == "file":
        return text("reading.where.file", lang)
    match = _CELL.fullmatch(path)
    if match is None:
        return path
    row, column = match.groups()
    if column is None:
        return text("reading.where.row", lang, row=row)
    return text("reading.where.cell", lang, row=row, column=column)
