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
import html
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from mbprogram.exceptions import MissingExtraError
from mbprogram.model.values import plain_decimal

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Table", "cell_text", "cell_value"]

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


def cell_text(value: object) -> str:
    """A cell as display text: exact decimals, shares as percentages, ``-`` for nothing."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Fraction):
        return f"{float(value) * 100:.1f} %"
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(cell_text(v) for v in value) or "-"
    return str(value)


@attrs.frozen
class Table(Generic[R]):
    """A titled list of rows of one attrs record type.

    Attributes:
        title: what the table shows, e.g. ``"Progress of MB-2025 as of 2025-12-12"``.
        rows: the rows, in order.
        columns: the row fields shown, in order (all fields by default).
        labels: shorter headers for some columns in text and HTML
            (DataFrames and dicts keep the field names).
    """

    title: str
    rows: tuple[R, ...] = attrs.field(converter=tuple)
    columns: tuple[str, ...] = attrs.field(converter=tuple)
    labels: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(
        cls,
        title: str,
        row_type: type[R],
        rows: Iterable[R],
        labels: Mapping[str, str] | None = None,
        *,
        hidden: Iterable[str] = (),
    ) -> Table[R]:
        """A table of ``rows``, every field of ``row_type`` but ``hidden`` (even when empty)."""
        left_out = set(hidden)
        fields = attrs.fields(row_type)  # type: ignore[arg-type]
        columns = tuple(f.name for f in fields if f.name not in left_out)
        return cls(title, tuple(rows), columns, dict(labels or {}))

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
            *([cell_text(getattr(r, c)) for c in self.columns] for r in self.rows),
        ]

    def to_text(self) -> str:
        """A fixed-width text table with the title above it."""
        lines = self.text_rows()
        if not self.rows:
            return f"{self.title}\n(none)"
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


_NUMBER = re.compile(r"-?\d+(\.\d+)?( %)?")


def _align(cell: str, width: int) -> str:
    """Numbers to the right, text to the left."""
    return cell.rjust(width) if _NUMBER.fullmatch(cell) else cell.ljust(width)
