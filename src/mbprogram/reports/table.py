"""A report table: plain rows (attrs records) that also show as text, HTML and DataFrames.

Every report is a :class:`Table`. Its :attr:`~Table.rows` are frozen attrs
records, so a script can use them as they are; in Jupyter a table renders as
HTML; :meth:`~Table.to_dataframe` gives a pandas DataFrame when the
``pandas`` extra is installed. Rows hold ids, dates, numbers and codes only,
never names or other personal details.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from mbprogram.catalogue import CATALOGUE, Lang, day, number, text
from mbprogram.exceptions import MissingExtraError
from mbprogram.model.values import plain_decimal

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Table", "cell_text", "cell_value", "column_labels"]

R = TypeVar("R")


def cell_value(value: object) -> object:
    """A cell as a plain value for DataFrames and JSON: enums by value, exact numbers as floats.

    Shares (fractions) become floats here; use the rows for exact values.
    """
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal | Fraction):
        return float(value)
    if isinstance(value, tuple):
        return ", ".join(str(cell_value(v)) for v in value)
    return value


def cell_text(value: object, lang: Lang = "en") -> str:
    """A cell as display text in ``lang`` (default English): shares as percentages, ``-`` for none.

    Decimals are exact and dates ISO in English; in bokmål decimals take a
    comma and dates read ``dd.mm.yyyy``; an enumeration's value is shown as
    the catalogue words it (``reports.value.…``), yes and no too.
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return text("reports.yes" if value else "reports.no", lang)
    if isinstance(value, enum.Enum):
        key = f"reports.value.{value.value}"
        return text(key, lang) if key in CATALOGUE else str(value.value)
    if isinstance(value, Fraction):
        shown = f"{float(value) * 100:.1f}"
        return f"{shown.replace('.', ',') if lang == 'nb' else shown} %"
    if isinstance(value, Decimal):
        return number(Decimal(plain_decimal(value)), lang)
    if isinstance(value, dt.date):
        return day(value, lang)
    if isinstance(value, tuple):
        return ", ".join(cell_text(v, lang) for v in value) or "-"
    return str(value)


def column_labels(columns: Iterable[str], lang: Lang) -> dict[str, str]:
    """The headers of ``columns`` in ``lang``: ``reports.column.<name>``, or the name itself."""
    return {
        c: text(f"reports.column.{c}", lang) if f"reports.column.{c}" in CATALOGUE else c
        for c in columns
    }


@attrs.frozen
class Table(Generic[R]):
    """A titled list of rows of one attrs record type.

    Attributes:
        title: what the table shows, e.g. ``"Progress of MB-2025 as of 2025-12-12"``.
        rows: the rows, in order.
        columns: the row fields shown, in order (all fields by default).
        labels: the headers of the columns in text and HTML (DataFrames and
            dicts keep the field names); a column without one is headed by
            its name.
        lang: the language of the cells' text and HTML (numbers, dates, yes
            and no, the values of enumerations), bokmål unless given.
    """

    title: str
    rows: tuple[R, ...] = attrs.field(converter=tuple)
    columns: tuple[str, ...] = attrs.field(converter=tuple)
    labels: Mapping[str, str] = attrs.field(factory=dict)
    lang: Lang = attrs.field(default="nb", kw_only=True)

    @classmethod
    def of(
        cls,
        title: str,
        row_type: type[R],
        rows: Iterable[R],
        labels: Mapping[str, str] | None = None,
        *,
        hidden: Iterable[str] = (),
        lang: Lang = "nb",
    ) -> Table[R]:
        """A table of ``rows``, every field of ``row_type`` but ``hidden`` (even when empty).

        The columns are headed in ``lang`` (:func:`column_labels`), or by ``labels``.
        """
        left_out = set(hidden)
        fields = attrs.fields(row_type)  # type: ignore[arg-type]
        columns = tuple(f.name for f in fields if f.name not in left_out)
        headers = {**column_labels(columns, lang), **(labels or {})}
        return cls(title, tuple(rows), columns, headers, lang=lang)

    def _headers(self) -> list[str]:
        return [self.labels.get(c, c) for c in self.columns]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self.rows)

    def as_dicts(self) -> list[dict[str, object]]:
        """The rows as dicts of plain values (enums by value, numbers as floats)."""
        return [{c: cell_value(getattr(r, c)) for c in self.columns} for r in self.rows]

    def text_rows(self) -> list[list[str]]:
        """The header and the rows as display text."""
        return [
            self._headers(),
            *([cell_text(getattr(r, c), self.lang) for c in self.columns] for r in self.rows),
        ]

    def to_text(self) -> str:
        """A fixed-width text table with the title above it."""
        lines = self.text_rows()
        if not self.rows:
            return f"{self.title}\n{text('reports.none', self.lang)}"
        widths = [max(len(row[i]) for row in lines) for i in range(len(self.columns))]
        out = [self.title]
        for n, row in enumerate(lines):
            out.append(
                "  ".join(_align(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if n == 0:
                out.append("  ".join("-" * w for w in widths))
        return "\n".join(out)

    def to_dataframe(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (needs the ``pandas`` extra).

        One column per field, named by the field: dates are ``datetime64``
        (``NaT`` for none), lists of codes (a progress row's ``missing``) are
        list columns, enums are their values and exact numbers floats.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        try:
            import pandas as pd  # noqa: PLC0415 - an optional extra
        except ImportError:
            raise MissingExtraError("DataFrames", "pandas") from None
        data = {c: [_frame_value(getattr(r, c)) for r in self.rows] for c in self.columns}
        frame = pd.DataFrame(data, columns=list(self.columns))
        for c in self.columns:
            if any(_is_day(getattr(r, c)) for r in self.rows):
                frame[c] = pd.to_datetime(frame[c])
        return frame

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter."""
        import html  # noqa: PLC0415 - only Jupyter asks for it

        head = "".join(f"<th>{html.escape(c)}</th>" for c in self._headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.text_rows()[1:]
        )
        return (
            f"<table><caption>{html.escape(self.title)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __str__(self) -> str:
        return self.to_text()


def _is_day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _frame_value(value: object) -> object:
    """A cell for a DataFrame: a list for a tuple of values, else :func:`cell_value`."""
    if isinstance(value, tuple | frozenset):
        return [cell_value(v) for v in value]
    return cell_value(value)


_NUMBER = re.compile(r"-?\d+([.,]\d+)?( %)?")


def _align(cell: str, width: int) -> str:
    """Numbers to the right, text to the left."""
    return cell.rjust(width) if _NUMBER.fullmatch(cell) else cell.ljust(width)
