"""Font fallback per run of characters, so a name in any script prints as real glyphs.

A brand font (and DejaVu Serif) covers Latin and perhaps Greek and Cyrillic; a name such as
"王小明 (Wang Xiaoming)" or "김민준" needs glyphs it does not have, and ReportLab would print
each of them as an empty box. :class:`Glyphs` decides, character by character, which font
draws it: the face in effect (the brand's body or heading family, bold and italic as marked
up), else DejaVu Sans in the same style, else DejaVu Sans regular, else the bundled CJK font
(WenQuanYi Micro Hei, one face for all four styles); the last two, asked for bold or italic,
are drawn with a synthetic bold and oblique (``render.fonts.synthetic``). Consecutive
characters drawn by the same font form a run; a run not in the face in effect is wrapped in
``<font face="…">`` inside the already-escaped paragraph markup (``markup``), or drawn with its
own ``setFont`` on the canvas (``draw``, for the masthead, running header and footer). The text
itself is never changed, so what a reader copies out of the PDF is what was typed.

A combining mark stays with the font of the letter it sits on when that font has it. The CJK
font is registered (and so embedded) only when some character needs it: a kit in Latin script
never carries its glyphs. Characters no font has are left in the face in effect, where they
print as a box; ``render.coverage`` reports them (:meth:`Glyphs.missing`) at their field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from presskit.render.fonts.registry import (
    CJK_FAMILY,
    FALLBACK_FAMILY,
    BrandFonts,
    FontFamily,
    builtin_family,
    cjk_family,
)
from presskit.render.fonts.synthetic import synthetic_font
from presskit.render.text import escape, unescape

_TAG = re.compile(r"(<[^>]*>)")
_STYLE_TAGS = {"<b>": ("bold", 1), "</b>": ("bold", -1), "<i>": ("italic", 1),
               "</i>": ("italic", -1)}
#: Marks drawn over the previous character: they stay in its font if it has them.
_MARKS = frozenset({"Mn", "Me"})

#: The characters each loaded font face has glyphs for. A face never changes once loaded, so
#: this is worked out once per face, not once per render (the preview renders on every pause
#: in typing); it goes when the face does.
_COVERAGE: WeakKeyDictionary[object, frozenset[str]] = WeakKeyDictionary()

#: The fallback fonts, in the order they are tried, for messages.
FALLBACK_NAMES = (FALLBACK_FAMILY, CJK_FAMILY)


@dataclass(frozen=True)
class Face:
    """One face of a family: what a style, or a run inside ``<b>``/``<i>``, is set in."""

    family: FontFamily
    bold: bool = False
    italic: bool = False

    @property
    def name(self) -> str:
        return self.family.face(self.bold, self.italic)

    def styled(self, bold: bool, italic: bool) -> Face:
        """This face made bold and/or italic on top of what it already is."""
        if (self.bold or not bold) and (self.italic or not italic):
            return self  # nothing to add (faces are values: the same face either way)
        return Face(self.family, self.bold or bold, self.italic or italic)


class Glyphs:
    """Which registered font draws each character, for one render (one brand)."""

    def __init__(self, fonts: BrandFonts) -> None:
        self.fonts = fonts
        self._dejavu = builtin_family(FALLBACK_FAMILY)
        self._cjk: str | None = None
        self._covered: dict[str, frozenset[str]] = {}

    # -- looking up ---------------------------------------------------------------------------

    def _coverage(self, font: str) -> frozenset[str]:
        """The characters the registered ``font`` has a real glyph (not .notdef) for."""
        covered = self._covered.get(font)
        if covered is None:
            face = pdfmetrics.getFont(font).face
            covered = _COVERAGE.get(face)
            if covered is None:
                covered = _COVERAGE[face] = frozenset(
                    chr(code) for code, glyph in face.charToGlyph.items() if glyph)
            self._covered[font] = covered
        return covered

    def has(self, font: str, char: str) -> bool:
        """Does the registered ``font`` have a real glyph (not .notdef) for ``char``?"""
        return char in self._coverage(font)

    def covers(self, font: str, text: str) -> bool:
        """Does ``font`` have every character of ``text``? (Nearly every text of a kit is all
        in its face: one set comparison instead of a look-up per character.)"""
        return self._coverage(font).issuperset(text)

    def _cjk_font(self) -> str:
        if self._cjk is None:
            self._cjk = cjk_family().regular
        return self._cjk

    def font_for(self, char: str, face: Face) -> str | None:
        """The first font in ``face``'s fallback order with a glyph for ``char``, if any."""
        if self.has(face.name, char):
            return face.name
        styled = self._dejavu.face(face.bold, face.italic)
        if self.has(styled, char):
            return styled
        # Faces without the style asked for are drawn bold or slanted (``render.synthetic``).
        for font in (self._dejavu.regular, self._cjk_font()):
            if self.has(font, char):
                return synthetic_font(font, face.bold, face.italic)
        return None

    def runs(self, text: str, face: Face) -> list[tuple[str, str]]:
        """``text`` as ``(font, characters)`` runs; characters no font has stay in ``face``."""
        primary = face.name
        if self.covers(primary, text):
            return [(primary, text)] if text else []
        found: list[list[str]] = []
        for char in text:
            font: str | None = None
            if found and unicodedata.category(char) in _MARKS and self.has(found[-1][0], char):
                font = found[-1][0]
            if font is None:
                font = self.font_for(char, face) or primary
            if found and found[-1][0] == font:
                found[-1][1] += char
            else:
                found.append([font, char])
        return [(font, chars) for font, chars in found]

    def missing(self, text: str, face: Face) -> list[str]:
        """The distinct characters of ``text`` (but spaces) that no font has, in order."""
        if self.covers(face.name, text):
            return []
        return [
            char for char in dict.fromkeys(text)
            if not char.isspace() and self.font_for(char, face) is None
        ]

    # -- paragraph markup ---------------------------------------------------------------------

    def markup(self, markup: str, face: Face) -> str:
        """Paragraph ``markup`` (escaped text and presskit's tags) with every run of
        characters ``face`` lacks wrapped in ``<font face="…">`` of a font that has them."""
        bold = italic = 0
        out: list[str] = []
        for token in _TAG.split(markup):
            if not token:
                continue
            if token.startswith("<"):
                style = _STYLE_TAGS.get(token.lower())
                if style is not None:
                    if style[0] == "bold":
                        bold += style[1]
                    else:
                        italic += style[1]
                out.append(token)
                continue
            current = face.styled(bold > 0, italic > 0)
            text = unescape(token)
            if self.covers(current.name, text):
                out.append(token)
                continue
            for font, chars in self.runs(text, current):
                if font == current.name:
                    out.append(escape(chars))
                else:
                    out.append(f'<font face="{font}">{escape(chars)}</font>')
        return "".join(out)

    # -- the canvas -----------------------------------------------------------------------------

    def width(self, text: str, face: Face, size: float) -> float:
        return float(sum(stringWidth(chars, font, size) for font, chars in self.runs(text, face)))

    def measure(self, face: Face, size: float) -> Callable[[str], float]:
        """``width`` for one face and size, for :func:`render.flowables.fit_string`."""
        return lambda text: self.width(text, face, size)

    def draw(self, canv: Canvas, x: float, y: float, text: str, face: Face, size: float,
             align: str = "left") -> None:
        """Draw ``text`` on one line starting (``left``), ending (``right``) or centred
        (``centre``) at ``x``, each run in its own font."""
        runs = [(font, chars, stringWidth(chars, font, size))
                for font, chars in self.runs(text, face)]
        total = sum(width for _font, _chars, width in runs)
        if align == "right":
            x -= total
        elif align == "centre":
            x -= total / 2
        # One text object for the whole line, so a reader copies it as one line.
        line = canv.beginText(x, y)
        for font, chars, _width in runs:
            line.setFont(font, size)
            line.textOut(chars)
        canv.drawText(line)
