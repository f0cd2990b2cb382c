"""A one-page PDF of headings, lines and lists (needs the ``pdf`` extra: fpdf2).

The printable documents (:mod:`mbprogram.reports.documents`) are laid out with
:class:`Page`. Text is set in a Unicode TrueType font so that every name
prints: the one given, else DejaVu Sans where the system or matplotlib has
it; without one, in the PDF's built-in Helvetica, which has the Latin-1
letters (æ, ø, å, é, ü …) and refuses a text with others.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Final

from mbprogram.catalogue import Lang, text
from mbprogram.exceptions import InvalidValueError, MissingExtraError

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["FONT_PATHS", "Page", "unicode_font"]

#: Where DejaVu Sans is looked for, in order, when no font is given.
FONT_PATHS: Final = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)

_FAMILY: Final = "body"
_CORE: Final = "helvetica"


def unicode_font() -> Path | None:
    """DejaVu Sans, where this machine has it (the system's fonts, or matplotlib's); else None."""
    for path in FONT_PATHS:
        if path.is_file():
            return path
    try:
        import matplotlib  # noqa: PLC0415 - only to borrow its font, if it is there
    except ImportError:
        return None
    bundled = Path(matplotlib.__file__).parent / "mpl-data/fonts/ttf/DejaVuSans.ttf"
    return bundled if bundled.is_file() else None


class Page:
    """One A4 page being written: a title, lines, a list, space; then :meth:`pdf` gives the bytes.

    Raises:
        MissingExtraError: without fpdf2.
    """

    def __init__(self, title: str, *, lang: Lang, font: Path | None, made_on: dt.date) -> None:
        try:
            from fpdf import FPDF  # noqa: PLC0415 - an optional extra
        except ImportError:
            raise MissingExtraError("printable documents", "pdf") from None
        self._lang = lang
        self._pdf: FPDF = FPDF(format="A4")
        self._pdf.set_margins(25, 25, 25)
        self._pdf.set_auto_page_break(auto=True, margin=25)
        self._pdf.set_title(title)
        self._pdf.set_lang(lang)
        self._pdf.set_creator("mbprogram")
        self._pdf.set_creation_date(dt.datetime.combine(made_on, dt.time(), tzinfo=dt.UTC))
        chosen = font or unicode_font()
        if chosen is not None:
            self._pdf.add_font(_FAMILY, fname=chosen)
            self._family = _FAMILY
        else:
            self._family = _CORE
        self._pdf.add_page()

    def _written(self, line: str) -> str:
        """``line`` as the font can print it; refused if the built-in font lacks a letter."""
        if self._family == _CORE:
            try:
                line.encode("latin-1")
            except UnicodeEncodeError:
                # the text is never quoted: it holds a name
                raise InvalidValueError(
                    "font", text("documents.font.missing", self._lang)
                ) from None
        return line

    def title(self, line: str) -> None:
        """The document's heading, large and centred."""
        self._pdf.set_font(self._family, size=24)
        self._pdf.multi_cell(0, 14, self._written(line), align="C")
        self.space(6)

    def line(self, line: str, *, size: float = 12, centred: bool = False) -> None:
        """A paragraph of text, wrapped at the margins."""
        self._pdf.set_font(self._family, size=size)
        self._pdf.multi_cell(0, size * 0.6, self._written(line), align="C" if centred else "L")
        self.space(1)

    def items(self, lines: list[str]) -> None:
        """A list, one item a line, each after a dash."""
        self._pdf.set_font(self._family, size=12)
        for item in lines:
            self._pdf.set_x(self._pdf.l_margin + 5)
            self._pdf.multi_cell(0, 7, self._written(f"- {item}"), align="L")
        self.space(2)

    def rule(self, width: float = 70) -> None:
        """A line to sign on."""
        y = self._pdf.get_y() + 12
        self._pdf.line(self._pdf.l_margin, y, self._pdf.l_margin + width, y)
        self._pdf.set_y(y + 1)

    def space(self, height: float) -> None:
        """Blank space of ``height`` millimetres."""
        self._pdf.ln(height)

    def pdf(self) -> bytes:
        """The finished document."""
        return bytes(self._pdf.output())
