"""Synthetic bold and oblique for faces that have no bold or italic of their own.

The fallback fonts cover scripts the brand's fonts lack, but not in every style: WenQuanYi
Micro Hei (Chinese, Japanese, Korean) is one regular face, and DejaVu Sans regular stands in
for a character its bold or oblique face lacks. Printed as they are, "김민준" in a bold name
sits regular next to bold Latin. Browsers and word processors fake the missing style, and so
does presskit, the same way:

- **bold**: the glyphs are filled and stroked in the text colour (text render mode 2), the
  stroke :data:`BOLD_STROKE` of the type size wide, which thickens every stem by that much;
- **oblique**: the glyphs are slanted by :data:`OBLIQUE_DEGREES` with a skewed text matrix.

A synthetic face is an *alias* of the real one: :func:`synthetic_font` registers a second
name for the same ReportLab font object (ReportLab maps every font registered with an
existing face to the first one), so widths, subsets and the embedded file are shared, and the
alias is what paragraph markup (``<font face="…">``) and :class:`render.fonts.fallback.Glyphs`
name. :class:`StyledText`, the text object the render's canvas hands out, reads the style off
the font name whenever the font changes and writes the operators. The characters drawn are
never changed, so what a reader copies out of the PDF is what was typed, and the text stays
in the same text object (and so in the same marked content for the structure tree).

Widths: the slant moves no glyph's advance; the stroke adds half its width outside each side
of each glyph (1/60 of the type size, 0.18 pt at 11 pt), which eats into the side bearings
and never reaches the next line, so line breaking measures with the regular widths.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject

#: The stroke of a synthetic bold, as a share of the type size (0.37 pt at 11 pt).
BOLD_STROKE = 1 / 30
#: The slant of a synthetic oblique, in degrees (a typical true italic leans 10–14°).
OBLIQUE_DEGREES = 12.0
_SKEW = math.tan(math.radians(OBLIQUE_DEGREES))
_MARK = "+Syn"


def synthetic_font(font: str, bold: bool, italic: bool) -> str:
    """The registered name of ``font`` drawn bold and/or oblique by :class:`StyledText`;
    ``font`` itself when neither is asked for."""
    if not (bold or italic):
        return font
    name = f"{font}{_MARK}{'B' if bold else ''}{'I' if italic else ''}"
    if name not in pdfmetrics.getRegisteredFontNames():
        alias = copy.copy(pdfmetrics.getFont(font))
        alias.fontName = name
        pdfmetrics.registerFont(alias)  # the same face: ReportLab maps it to ``font``'s object
        # <b> and <i> around a run already in this face leave it as it is.
        for b, i in ((1, 1), (0, 1), (1, 0), (0, 0)):
            addMapping(name, b, i, name)
    return name


def synthetic_style(font: str) -> tuple[bool, bool]:
    """Whether ``font`` (a registered name) is a synthetic bold, and a synthetic oblique."""
    _base, mark, style = font.rpartition(_MARK)
    if not mark:
        return False, False
    return "B" in style, "I" in style


class StyledText(PDFTextObject):  # type: ignore[misc]  # ReportLab has no type stubs
    """A text object that draws runs in a synthetic face bold and/or oblique.

    It keeps track of where the current line starts and how far along it the text has gone,
    which ReportLab does not (paragraphs write their lines with "cheap" text output): a slanted
    run sets a skewed text matrix at the point it starts, and afterwards the line's own matrix
    and position are put back, so the next run, the next line (``T*``) and ReportLab's cursor
    moves go on as if nothing had happened.
    """

    def __init__(self, canvas: Any, x: float = 0, y: float = 0, direction: Any = None) -> None:
        self._line = (x, y)  # set before super().__init__, whose setTextOrigin updates it
        #: What went out since the line started, measured only when a slanted run needs it.
        self._pieces: list[tuple[str, str, float, float, float, float]] = []
        self._bold = False
        self._oblique = False
        #: The line matrix is not at the line's start (a slanted run left it at its end).
        self._displaced = False
        super().__init__(canvas, x, y, direction=direction)

    # -- where the text is --------------------------------------------------------------------

    def setTextOrigin(self, x: float, y: float) -> None:  # noqa: N802 - ReportLab's name
        super().setTextOrigin(x, y)
        self._line, self._displaced = (x, y), False
        self._pieces = []

    def setTextTransform(self, a: float, b: float, c: float, d: float, e: float,  # noqa: N802
                         f: float) -> None:
        super().setTextTransform(a, b, c, d, e, f)
        self._line, self._displaced = (e, f), False
        self._pieces = []

    def moveCursor(self, dx: float, dy: float) -> None:  # noqa: N802 - ReportLab's name
        if self._displaced:  # a move is from the line's start: put the line matrix back there
            self._code.append(f"1 0 0 1 {fp_str(*self._line)} Tm")
            self._displaced = False
        super().moveCursor(dx, dy)
        self._line = (self._line[0] + dx, self._line[1] - dy)
        self._pieces = []

    def _piece(self, text: str) -> tuple[str, str, float, float, float, float]:
        return (text, self._fontname, self._fontsize, getattr(self, "_charSpace", 0),
                getattr(self, "_wordSpace", 0), getattr(self, "_horizScale", 100) / 100)

    @staticmethod
    def _width(piece: tuple[str, str, float, float, float, float]) -> float:
        """How far a piece of text moved the current point: glyph widths plus character and
        word spacing, times the horizontal scale."""
        text, font, size, char_space, word_space, scale = piece
        width = pdfmetrics.getFont(font).stringWidth(text, size)
        return float((width + char_space * len(text) + word_space * text.count(" ")) * scale)

    def _moved(self, text: str, new_line: bool) -> None:
        if new_line and self._displaced:
            # T* goes down from the line matrix: from the line's start instead, explicitly.
            x, y = self._line
            self._code[-1] = f"{self._code[-1][:-3]} 1 0 0 1 {fp_str(x, y - self._leading)} Tm"
            self._displaced = False
        if new_line:
            self._line = (self._line[0], self._line[1] - self._leading)
            self._pieces = []
        elif text:
            self._pieces.append(self._piece(text))

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803
        super()._textOut(text, TStar)
        self._moved(text, bool(TStar))

    def textOut(self, text: str) -> None:  # noqa: N802 - ReportLab's name
        super().textOut(text)
        self._moved(text, False)

    def textLine(self, text: str = "") -> None:  # noqa: N802 - ReportLab's name
        super().textLine(text)
        self._moved(text, True)

    # -- the style ----------------------------------------------------------------------------

    def _setFont(self, psfontname: str, size: float) -> None:  # noqa: N802
        super()._setFont(psfontname, size)
        self._styled(psfontname, size)

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:  # noqa: N802
        super().setFont(psfontname, size, leading)
        self._styled(psfontname, size)

    def _styled(self, font: str, size: float) -> None:
        bold, self._oblique = synthetic_style(font)
        if bold:
            # Stroked in the text colour, as wide as this size asks (sizes change mid-line).
            self._code.append(f"{fp_str(size * BOLD_STROKE)} w")
            if not self._bold:
                self._bold = True
                super().setStrokeColor(self._fill())
                self.setTextRenderMode(2)
        elif self._bold:
            self._plain()

    def _fill(self) -> Any:
        return self.__dict__.get("_fillColorObj", self._canvas._fillColorObj)

    def _plain(self) -> None:
        """Back to filled text, and the canvas's own stroke colour and line width (the
        graphics state outlives the text object)."""
        self._bold = False
        self.setTextRenderMode(0)
        super().setStrokeColor(self._canvas._strokeColorObj)
        self._code.append(f"{fp_str(self._canvas._lineWidth)} w")

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:  # noqa: N802, N803
        super().setFillColor(aColor, alpha)
        if self._bold:
            super().setStrokeColor(aColor)

    def _formatText(self, text: str) -> str:  # noqa: N802 - ReportLab's name
        code: str = super()._formatText(text)
        if not (self._oblique and text and self._canvas.bottomup):
            return code
        x, y = self._line
        start = sum(self._width(piece) for piece in self._pieces)
        end = start + self._width(self._piece(text))
        # Slanted from where the run starts, then upright again where it ends. That moves
        # the line matrix too; it is put back before anything that starts from it (``T*``,
        # ``Td``), so the next line and ReportLab's cursor moves go on as if nothing happened.
        self._displaced = True
        return (f"1 0 {fp_str(_SKEW)} 1 {fp_str(x + start, y)} Tm {code} "
                f"1 0 0 1 {fp_str(x + end, y)} Tm")

    def getCode(self) -> str:  # noqa: N802 - ReportLab's name
        if self._bold:
            self._plain()
        code: str = super().getCode()
        return code
